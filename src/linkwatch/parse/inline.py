"""
The text of one inline token sorted by how it is marked: bold, quoted, emphasised, code, and the
plain text outside links. Readers of every layout hand these to the field judge (fields.py),
which picks a paper's title, venue and date from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

# A quoted title may quote a word itself ('"NatGen: ... by "Naturalizing" source code"'): its
# closing quote is the one followed by a bracket, punctuation or the end, or one that closes a
# sentence ('"Conditional image generation with PixelCNN decoders." Advances in ...').
QUOTED = re.compile(r"[\"“](.{3,}?)(?:(?<=[.?!])[\"”]|[\"”](?=\s*[\[(.,;:]|\s*$))")
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.I)


@dataclass(slots=True)
class Runs:
    """What an inline token shows, by kind of mark-up."""

    text: str = ""
    """All visible text, links included."""
    outside: str = ""
    """Visible text outside links, images and code spans: where venues and dates are written.
    Line breaks stay line breaks here."""
    first_line: str = ""
    """Visible text up to the first line break or `<br>`."""
    wraps: bool = False
    """Whether the first line ends where the source line does (a soft break), not at a break
    the writer asked for (`<br>`, a backslash, two spaces): a title may run on past it."""
    strong: list[str] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)
    quoted: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)


def runs_of(children: Sequence[Token]) -> Runs:
    """Sort the children of one inline token into runs."""
    runs = Runs()
    text: list[str] = []
    outside: list[str] = []
    first: list[str] | None = None
    strong: list[str] | None = None
    emphasis: list[str] | None = None
    in_link = 0
    for token in children:
        kind = token.type
        piece = ""
        if kind in ("text", "text_special"):
            piece = token.content
        elif kind == "code_inline":
            runs.code.append(token.content)
            piece = token.content
        elif kind in ("softbreak", "hardbreak") or (
            kind == "html_inline" and _BREAK_TAG.match(token.content.strip())
        ):
            if first is None:
                first = list(text)
                runs.wraps = kind == "softbreak"
            text.append(" ")
            outside.append("\n")  # a line break ends a venue ('Kweon \\' / 'arXiv 2023.')
            for run in (strong, emphasis):
                if run is not None:
                    run.append(" ")
            continue
        elif kind == "link_open":
            in_link += 1
        elif kind == "link_close":
            in_link -= 1
        elif kind == "strong_open":
            strong = []
        elif kind == "strong_close" and strong is not None:
            runs.strong.append("".join(strong).strip())
            strong = None
        elif kind == "em_open":
            emphasis = []
        elif kind == "em_close" and emphasis is not None:
            runs.emphasis.append("".join(emphasis).strip())
            emphasis = None
        if not piece:
            continue
        text.append(piece)
        if strong is not None:
            strong.append(piece)
        if emphasis is not None:
            emphasis.append(piece)
        if not in_link and kind != "code_inline":
            outside.append(piece)
    runs.text = "".join(text).strip()
    runs.outside = "".join(outside)
    runs.first_line = ("".join(first) if first is not None else runs.text).strip()
    runs.quoted = [m[1].strip() for m in QUOTED.finditer(runs.text)]
    return runs
