"""
Faster stand-ins for markdown-it's three hottest helpers, each exact: it answers the common case
(no escapes, no nesting) in one regex or string call and hands every other case to markdown-it's
own code, so the tokens are the same, byte for byte (tests/test_parse_speedups.py compares
them on every real list and on thousands of generated tricky ones).

markdown-it-py walks link destinations and table rows a character at a time and finds a link
label's end by trying every inline rule at every position; on a 10,000-row list those three were
a third of the parse.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_inline import StateInline

# A destination's plain characters: no space or control character and no ')' (they end it),
# no '(' (nesting is counted) and no backslash (an escape).
_PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f()\\]+")
_DESTINATION_SPECIAL = frozenset("(\\")
# What can make an inline rule consume a ']' before the one that closes a label: a nested
# '[', a code span's backtick, an autolink's or raw HTML's '<', an escape's backslash.
_LABEL_SPECIAL = re.compile(r"[\[`<\\]")
# The inline rules the label shortcut was checked against: another one could consume a ']'.
LABEL_SAFE_RULES = (
    "text",
    "newline",
    "escape",
    "backticks",
    "strikethrough",
    "emphasis",
    "link",
    "image",
    "autolink",
    "html_inline",
    "entity",
)


class _Destination:
    """What markdown-it's parseLinkDestination returns (`lines` for markdown-it-py 3)."""

    __slots__ = ("lines", "ok", "pos", "str")

    def __init__(self, pos: int, text: str) -> None:
        self.ok, self.pos, self.str, self.lines = True, pos, text, 0


def link_destination(string: str, pos: int, maximum: int) -> Any:
    """A destination without '<', '(' or escapes ends at the first space, control character
    or ')'; anything else is markdown-it's to read."""
    if pos < maximum and string[pos] != "<":
        plain = _PLAIN_DESTINATION.match(string, pos, maximum)
        if plain is not None:
            end = plain.end()
            if end == maximum or string[end] not in _DESTINATION_SPECIAL:
                return _Destination(end, unescapeAll(string[pos:end]))
    return parseLinkDestination(string, pos, maximum)


def link_label(state: StateInline, start: int, disableNested: bool = False) -> int:
    """A label whose text holds none of '[', '`', '<' or '\\' ends at its first ']': no inline
    rule can step over one there. Otherwise, and at markdown-it's nesting limit, its own."""
    src = state.src
    end = src.find("]", start + 1, state.posMax)
    if (
        end != -1
        and state.level < state.md.options["maxNesting"]
        and _LABEL_SPECIAL.search(src, start + 1, end) is None
    ):
        return end
    return parseLinkLabel(state, start, disableNested)


def install(md: MarkdownIt) -> None:
    """Give `md` (and no other parser) the faster helpers and table rule. Refuses a parser whose
    inline rules are not those the label shortcut was checked against."""
    unknown = set(md.inline.ruler.get_active_rules()) - set(LABEL_SAFE_RULES)
    if unknown:
        raise RuntimeError(f"link_label is not proven for inline rules {sorted(unknown)}")
    md.helpers = types.SimpleNamespace(  # type: ignore[assignment]
        parseLinkDestination=link_destination,
        parseLinkLabel=link_label,
        parseLinkTitle=parseLinkTitle,
    )


def with_fast_split(table_rule: Callable[..., bool]) -> Callable[..., bool]:
    """markdown-it's own table rule, its cell splitter swapped for `split_cells`: the same code
    with one global rebound, so the rule stays whatever the installed markdown-it's is."""
    scope = {**table_rule.__globals__, "escapedSplit": _splitter(table_rule)}
    return types.FunctionType(
        table_rule.__code__, scope, table_rule.__name__, table_rule.__defaults__
    )


def _splitter(table_rule: Callable[..., bool]) -> Callable[[str], list[str]]:
    escaped_split: Callable[[str], list[str]] = table_rule.__globals__["escapedSplit"]

    def split_cells(line: str) -> list[str]:
        """Without a backslash no pipe is escaped: every '|' splits, as str.split does."""
        return line.split("|") if "\\" not in line else escaped_split(line)

    return split_cells
