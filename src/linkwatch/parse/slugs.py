"""
The anchors GitHub gives headings, so '#fragment' links can be checked offline.

Same algorithm as github-slugger 2.0.0 (whose fixtures were recorded from github.com, and which
tests/data/slugger/fixtures.json holds): lower-case; drop every character of the Unicode general
categories Other_Number, Symbol, Control, Format, Private_Use, Unassigned, Separator (but the
space) and Punctuation (but the connectors, and the hyphen-minus), unless it is Alphabetic (the
circled and squared letters are symbols that stay); turn each space into a hyphen; suffix repeated
slugs with -1, -2, ...

github-slugger builds its character class from Unicode 13.0; here Python's `unicodedata` decides,
so a letter added to Unicode since then is kept (as github.com's own, newer tables keep it) where
github-slugger would drop it as unassigned.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import unquote

# The general categories github-slugger strips ('Pc' connectors, letters, marks, decimal and
# letter numbers stay; '-' and ' ' are handled apart).
_DROPPED_CATEGORIES = frozenset(
    {"No", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"}
    | {"Cc", "Cf", "Co", "Cn", "Zs", "Zl", "Zp"}
)
# The symbols with the Alphabetic property (Other_Alphabetic, category So): Ⓐⓐⓩ, 🄰-🅉, 🅐-🅩,
# 🅰-🆉. github-slugger removes Alphabetic code points from what it strips, so these stay.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))


def slug_base(text: str) -> str:
    """The slug of one heading text, before de-duplication."""
    kept = (ch for ch in text.lower() if ch in "- " or _is_kept(ch))
    return "".join(kept).replace(" ", "-")


@lru_cache(maxsize=4096)
def _is_kept(ch: str) -> bool:
    if unicodedata.category(ch) not in _DROPPED_CATEGORIES:
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


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


def anchor_matches(fragment: str, anchors: Collection[str]) -> bool:
    """Whether the '#fragment' of a link (without its '#') names one of `anchors` (heading slugs
    and HTML anchors of the file) the way github.com resolves it: percent-escapes decoded
    ('caf%C3%A9' is 'café') and case ignored ('Related-Work'). Trailing hyphens are ignored on
    both sides: a heading that ends in a badge or image ('# Awesome-LLM [![Awesome](…)](…)')
    slugs to 'awesome-llm-' on GitHub, and lists link it as '#awesome-llm' as often as
    '#awesome-llm-' (the heading text is read stripped, so either form may be the stored one)."""
    if fragment in anchors:
        return True
    wanted = _comparable(unquote(fragment))
    return bool(wanted) and any(_comparable(anchor) == wanted for anchor in anchors)


def _comparable(anchor: str) -> str:
    return anchor.lower().rstrip("-")
