"""
Everything linkwatch sends over the network goes through here: the one HTTP client, what its
failures mean, the cache of final answers, GitHub's rate-limit headers.
"""
