"""
The anchors GitHub gives headings, so '#fragment' links can be checked offline.

Same algorithm as github-slugger (used by github.com): lower-case, drop every character that is
not a letter, number, mark, connector, hyphen or space, turn spaces into hyphens, and suffix
repeated slugs with -1, -2, ...
"""

from __future__ import annotations

import unicodedata


def slug_base(text: str) -> str:
    """The slug of one heading text, before de-duplication."""
    kept = (ch for ch in text.lower() if ch in "- " or _is_word_char(ch))
    return "".join(kept).replace(" ", "-")


def _is_word_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Pc"


class Slugger:
    """Hands out unique slugs in document order, like GitHub does for one rendered file."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = slug_base(text)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug
