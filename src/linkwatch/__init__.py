"""
linkwatch: keeps a Markdown survey of research papers honest.
"""

__version__ = "0.1.0"
