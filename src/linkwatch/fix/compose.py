"""
Composing fixes of one text. Each fix is split into the smallest pieces it changes
('http://x/1v2' → 'https://x/1' inserts 's' and drops 'v2'), so fixes that rewrite a whole URL
are seen to change different parts of it. Fixes agree when every piece of one is the same as,
or apart from, every piece of the others: then they all hold at once, in any order, and a fix
is made exactly when all its pieces are.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

Piece = tuple[int, str, str]
"""`(start, old, new)`: the text `old` at offset `start` becomes `new`."""


def pieces(start: int, old: str, new: str) -> list[Piece]:
    """The smallest replacements that turn `old` (at offset `start`) into `new`, apart from
    one another, left to right."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        (start + i1, old[i1:i2], new[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def apart(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Spans `(start, end)` that share no character and do not meet at an insertion's point
    (there, which text comes first would be a guess); two replaced spans may touch."""
    (start, end), (next_start, next_end) = sorted((one, other))
    return end < next_start or (end == next_start and start < end and next_start < next_end)


def span(piece: Piece) -> tuple[int, int]:
    start, old, _ = piece
    return start, start + len(old)


def clash(found: Iterable[Piece]) -> tuple[Piece, Piece] | None:
    """Two different pieces that are not apart (two fixes changing one part two ways), if any."""
    ordered = sorted(set(found))
    for index, one in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other[0] > span(one)[1]:
                break  # sorted by start: this one and every later one begin past `one`
            if not apart(span(one), span(other)):
                return one, other
    return None


def applied(text: str, start: int, found: Iterable[Piece]) -> str:
    """`text`, which begins at offset `start`, with `found` (apart from one another) made."""
    result, at = [], start
    for begin, old, new in sorted(set(found)):
        result += [text[at - start : begin - start], new]
        at = begin + len(old)
    return "".join(result) + text[at - start :]
