"""
`linkwatch fix`: which fixes of a report apply, composed where they agree, written byte-exact.
"""
