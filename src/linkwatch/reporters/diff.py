"""
Word differences between an expected and an actual text, as plain segments a reporter marks up.

Segments are (text, changed) pairs of the original strings, never markup, so a reporter that
escapes each piece (Jinja2's autoescape does) cannot be tricked by the text into writing HTML.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

Segment = tuple[str, bool]
"""A run of text and whether it differs from the other side."""

# Words, runs of spaces and single punctuation marks: 'http' differs from 'https' in
# 'http://arxiv.org/abs/1', not the whole URL.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_MOST_TOKENS = 600
"""Above this, the quadratic matcher is not worth it: the whole text is marked as changed."""


Segments = tuple[Segment, ...]


@lru_cache(maxsize=4096)
def word_diff(expected: str, actual: str) -> tuple[Segments, Segments]:
    """The segments of `expected` and of `actual`, each marked where it differs from the other.
    Remembered: a list repeats its mistakes (the same venue misspelt on hundreds of rows)."""
    a, b = _TOKEN.findall(expected), _TOKEN.findall(actual)
    if len(a) + len(b) > 2 * _MOST_TOKENS:
        return ((expected, expected != actual),), ((actual, expected != actual),)
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        left.append(("".join(a[i1:i2]), changed))
        right.append(("".join(b[j1:j2]), changed))
    return _joined(left), _joined(right)


def _joined(segments: list[Segment]) -> Segments:
    """Drop empty runs and merge neighbours; a space between two changes joins them."""
    kept = [s for s in segments if s[0]]
    for index in range(1, len(kept) - 1):
        text, changed = kept[index]
        if not changed and text.isspace() and kept[index - 1][1] and kept[index + 1][1]:
            kept[index] = (text, True)
    merged: list[Segment] = []
    for text, changed in kept:
        if merged and merged[-1][1] == changed:
            merged[-1] = (merged[-1][0] + text, changed)
        else:
            merged.append((text, changed))
    return tuple(merged)
