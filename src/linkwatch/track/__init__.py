"""
`linkwatch track`: the tracking issue's life, through GitHub's issues API.
"""
