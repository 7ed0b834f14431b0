"""
Where the surveys come from and go: which files a run reads (folders, globs, git), strict
reading, atomic writing.
"""
