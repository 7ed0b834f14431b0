"""
Resolvers: one per service, each asked for all of its identifiers at once (the list of them,
and the stage that runs them, is in stage.py).
"""
