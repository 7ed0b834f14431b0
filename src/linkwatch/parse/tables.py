"""
Table rows as written: the raw cells of a source line, and which column holds what.

markdown-it pads or truncates every row to its header's width; the source line is the only
place that still shows a row with too many or too few cells, and where each cell's text sits.
"""

from __future__ import annotations

import re
from enum import StrEnum
from itertools import accumulate
from typing import NamedTuple


class Column(StrEnum):
    TITLE = "title"
    VENUE = "venue"
    YEAR = "year"
    DATE = "date"
    """When the list added or dated the paper ('2023-06'): not a venue."""
    CODE = "code"
    LINKS = "links"
    """Links of any kind ('Links', 'Download', 'Homepage'): papers there are fine."""
    PAPER = "paper"
    """The paper's link beside a title column ('| Title | Venue | Paper | Code |'), whatever
    its host ('[Link](https://epubs.siam.org/...)')."""
    OTHER = "other"


class RawCell(NamedTuple):
    """A cell as written (a tuple: the parser makes one per cell of every row)."""

    text: str
    """The cell's source, stripped."""
    start: int
    """0-based column of the stripped text in the line."""


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")

# Header words, checked in this order: 'Paper' is the title column, 'Published in' the venue
# column, 'Code/Project' or 'Download link' a code column.
_HEADER_WORDS: tuple[tuple[Column, tuple[str, ...]], ...] = (
    (
        Column.TITLE,
        ("paper", "title", "name", "dataset", "model", "method", "work", "article", "benchmark"),
    ),
    (Column.VENUE, ("published", "venue", "conference", "journal", "publication")),
    (Column.YEAR, ("year",)),
    (Column.DATE, ("date", "time", "added", "release", "month")),
    (
        Column.CODE,
        (
            "code",
            "project",
            "github",
            "repo",
            "implementation",
            "checkpoint",
            "weights",
            "website",
            "homepage",
            "webpage",
        ),
    ),
    (Column.LINKS, ("link", "download", "home", "website", "url", "page", "resource", "source")),
)
# Abbreviated header words, matched whole ('Conf/Jour'; 'Confidence' is no venue).
_SHORT_HEADER_WORDS = {"conf": Column.VENUE, "jour": Column.VENUE, "pub": Column.VENUE}
# Chinese headers (mli/paper-reading: | 已录制 | 年份 | 名字 | 简介 | 引用 |), by substring.
_CJK_HEADER_WORDS: tuple[tuple[Column, tuple[str, ...]], ...] = (
    (Column.TITLE, ("名字", "名称", "标题", "题目", "论文", "模型", "方法")),
    (Column.VENUE, ("会议", "期刊", "发表", "出处")),
    (Column.YEAR, ("年份",)),
    (Column.DATE, ("日期", "时间")),
    (Column.CODE, ("代码", "项目")),
    (Column.LINKS, ("链接", "地址")),
)
# A cell beyond the header's width that shows nothing: empty, or a Markdown comment
# ('[//]: # note'), which some lists add on purpose.
_INVISIBLE = re.compile(r"^(?:\[//\]: ?#.*|<!--.*-->)?$")


def split_row(line: str) -> list[RawCell]:
    """The cells of a table row as GFM splits them: on unescaped pipes, leading and trailing
    pipe optional. (str.split when no pipe is escaped: every row of a survey goes through
    here.)"""
    if "\\|" in line:
        bounds = [m.start() for m in _UNESCAPED_PIPE.finditer(line)]
    else:
        bounds = list(accumulate(len(part) + 1 for part in line.split("|")[:-1]))
        bounds = [bound - 1 for bound in bounds]
    starts = [0, *(b + 1 for b in bounds)]
    ends = [*bounds, len(line)]
    pieces = list(zip(starts, ends, strict=True))
    if line[: pieces[0][1]].strip() == "" and len(pieces) > 1:
        pieces = pieces[1:]
    if line[pieces[-1][0] :].strip() == "" and len(pieces) > 1:
        pieces = pieces[:-1]
    return [_stripped(line, start, end) for start, end in pieces]


def _stripped(line: str, start: int, end: int) -> RawCell:
    raw = line[start:end]
    text = raw.strip()
    return RawCell(text, start + (len(raw) - len(raw.lstrip())))


def column_roles(headers: list[str]) -> list[Column]:
    """Which column is the title, the venue, the year and the code; by header words, else by
    position (first column title; second venue when no header says anything)."""
    roles = [_role_from_header(header) for header in headers]
    grouping = [_groups(header) for header in headers]
    understood = any(role != Column.OTHER for role in roles) or any(grouping)
    untitled = [i for i, role in enumerate(roles) if role == Column.OTHER and not grouping[i]]
    if Column.TITLE not in roles and untitled:
        roles[untitled[0]] = Column.TITLE  # the first column no header explains
    if not understood and len(roles) >= 3:
        roles[1] = Column.VENUE  # headers say nothing: guess the usual order
    if Column.TITLE not in roles:
        return roles
    first_title = roles.index(Column.TITLE)
    return [
        (Column.PAPER if _PAPER_HEADER.match(headers[i]) else Column.OTHER)
        if role == Column.TITLE and i != first_title
        else role
        for i, role in enumerate(roles)
    ]


# A second column named for the paper, after the title column: its link is the paper
_PAPER_HEADER = re.compile(r"^\W*(?:papers?|pdf|paper\s+links?|links?\s+to\s+paper)\W*$", re.I)


# Headers of columns that group or describe papers, never a title ('Category | Attack | Main
# Idea'): the title is the next column no header explains.
_GROUPING_WORDS = frozenset(
    ["category", "categories", "type", "types", "topic", "topics", "group", "area", "field"]
)


def _groups(header: str) -> bool:
    return bool(_GROUPING_WORDS & set(re.findall(r"[a-z]+", header.lower())))


def _role_from_header(header: str) -> Column:
    words = re.findall(r"[a-z]+", header.lower())
    for column, keys in _HEADER_WORDS:
        if any(word.startswith(key) for word in words for key in keys) or any(
            _SHORT_HEADER_WORDS.get(word) == column for word in words
        ):
            return column
    for column, keys in _CJK_HEADER_WORDS:
        if any(key in header for key in keys):
            return column
    return Column.OTHER


def visible_width(cells: list[RawCell], width: int) -> int:
    """How many cells the row really shows: cells past `width` that show nothing don't count."""
    extra = cells[width:]
    return width if extra and all(_INVISIBLE.match(cell.text) for cell in extra) else len(cells)
