"""
Paper titles compared as readers see them: LaTeX, accents, typographic quotes and spacing aside.

Pure functions, shared by the arXiv resolver (to know which old titles are worth asking for) and
the title checks (to judge them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from rapidfuzz.distance import Levenshtein

# LaTeX accent commands and what they put over (or under) the letter.
_ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "r": "\u030a",
    "k": "\u0328",
}
_ACCENT = re.compile(r"""\\([`'^"~=.])\s*\{?([A-Za-z])\}?|\\([cvuHrk])(?:\s+|\{)([A-Za-z])\}?""")
_MATH = re.compile(r"\$([^$]*)\$")
_MATH_MARKUP = re.compile(r"\\[A-Za-z]+|[\\^_{}]")
_COMMAND_WITH_TEXT = re.compile(
    r"\\(?:emph|textbf|textit|textsc|texttt|mathrm|mathbf|mathcal|text)\s*"
)
_ESCAPED = re.compile(r"\\([&%$#_{}])")
_COMMAND = re.compile(r"\\[A-Za-z]+\s*")
_PUNCTUATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "~": " ",
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING_PERIOD = re.compile(r"(?<!\.)\.$")
# A title may differ from arXiv's by this many character edits and still be called a typo.
_MIN_EDITS, _EDITS_PER_CHAR = 3, 1 / 15
_SHORT_WORD = 3


class Likeness(StrEnum):
    """How a listed title relates to arXiv's."""

    SAME = "same"
    CASE = "case"
    """Only letter case differs."""
    TYPO = "typo"
    """A few character edits, each inside a word that is recognisably the same."""
    FAR = "far"


@dataclass(frozen=True, slots=True)
class Comparison:
    likeness: Likeness
    words: tuple[tuple[str, str], ...] = ()
    """For a typo: the listed words and arXiv's words where they differ, in order."""
    case_too: bool = False
    """For a typo: letter case differs elsewhere as well."""


def display(title: str) -> str:
    """arXiv's title as a reader should see it: one line, LaTeX accents as letters, markup and
    braces gone; math is kept as written, since no plain text renders it faithfully."""
    text = _ACCENT.sub(_accented, title)
    text = _COMMAND_WITH_TEXT.sub("", text)
    text = _ESCAPED.sub(r"\1", text)
    text = re.sub(r"(?<!\\)[{}]", "", text) if "$" not in text else text
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())


def has_math(title: str) -> bool:
    return bool(_MATH.search(title))


def normalise(title: str) -> str:
    """The title stripped of everything but its words and punctuation: LaTeX markup and math
    delimiters, accents, typographic quotes and dashes, runs of spaces and a final period."""
    text = _ACCENT.sub(_accented, title)
    text = _MATH.sub(lambda m: _MATH_MARKUP.sub("", m[1]), text)
    text = _COMMAND_WITH_TEXT.sub("", text)
    text = _ESCAPED.sub(r"\1", text)
    text = _COMMAND.sub("", text).replace("{", "").replace("}", "").replace("--", "-")
    text = text.replace("``", '"').replace("''", '"')  # TeX's double quotes
    text = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _TRAILING_PERIOD.sub("", _SPACES.sub(" ", text).strip())


def compare(listed: str, actual: str) -> Comparison:
    """How `listed` relates to arXiv's `actual` title, both normalised first."""
    mine, theirs = normalise(listed), normalise(actual)
    if mine == theirs:
        return Comparison(Likeness.SAME)
    if mine.casefold() == theirs.casefold():
        return Comparison(Likeness.CASE)
    allowed = max(_MIN_EDITS, round(len(theirs) * _EDITS_PER_CHAR))
    if Levenshtein.distance(mine.casefold(), theirs.casefold(), score_cutoff=allowed) > allowed:
        return Comparison(Likeness.FAR)
    return _word_by_word(mine.split(" "), theirs.split(" "))


def differs_beyond_case(listed: str, actual: str) -> bool:
    return compare(listed, actual).likeness in (Likeness.TYPO, Likeness.FAR)


def _word_by_word(mine: list[str], theirs: list[str]) -> Comparison:
    """A typo when every differing word is recognisably the same word misspelt (not 'Zero' for
    'Few'), or a short word added or dropped; far apart otherwise."""
    matcher = SequenceMatcher(
        None, [w.casefold() for w in mine], [w.casefold() for w in theirs], autojunk=False
    )
    pairs: list[tuple[str, str]] = []
    case_too = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            stretches = list(zip(mine[i1:i2], theirs[j1:j2], strict=True))
        else:
            stretches = [(" ".join(mine[i1:i2]), " ".join(theirs[j1:j2]))]
        for old, new in stretches:
            if old.casefold() == new.casefold():
                case_too = case_too or old != new
            elif _misspelt(old.casefold(), new.casefold()):
                pairs.append((old, new))
            else:
                return Comparison(Likeness.FAR)
    return Comparison(Likeness.TYPO, tuple(pairs), case_too)


def _misspelt(old: str, new: str) -> bool:
    """A word added or dropped is a typo only when short ('a', '?'); a changed word, when at
    most a quarter of its letters changed."""
    if not old or not new:
        return len(old or new) <= _SHORT_WORD
    return Levenshtein.distance(old, new) <= max(1, len(new) // 4)


def _accented(match: re.Match[str]) -> str:
    accent, letter = (match[1], match[2]) if match[1] else (match[3], match[4])
    return unicodedata.normalize("NFC", letter + _ACCENTS[accent])
