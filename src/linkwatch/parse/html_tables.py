"""
HTML tables inside the Markdown (`<table><tr><td>...`), read with beautifulsoup4: each row
with its own line, its cells cut into parts for the field judge like a pipe table's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkwatch.model import Cell, Link, Span
from linkwatch.parse.fields import Part
from linkwatch.parse.inline import QUOTED, Runs
from linkwatch.parse.tables import Column, column_roles

if TYPE_CHECKING:
    from bs4 import Tag

_BREAK = re.compile(r"\s*\n\s*")
_LINKING = ("a", "img")


@dataclass(slots=True)
class HtmlRow:
    line: int
    last: int
    parts: list[Part]


@dataclass(slots=True)
class HtmlTable:
    header: list[str] = field(default_factory=list)
    rows: list[HtmlRow] = field(default_factory=list)


def html_table_rows(
    soup: Tag, first_line: int, links: list[tuple[Tag, Link]], line_text: Callable[[int], str]
) -> HtmlTable:
    """The data rows of every table in a parsed HTML block, header roles applied."""
    table = HtmlTable()
    owner = {id(tag): link for tag, link in links}
    roles: list[Column] = []
    header_rows: list[Tag] = []
    header_depth = 0
    spanned: dict[int, int] = {}
    """Columns a cell of an earlier row still covers ('<td rowspan="3">Vanilla Attention'),
    with how many rows more."""
    _wrap_stray_cells(soup)
    for number, tr in enumerate(soup.find_all("tr")):
        if tr.find("table") is not None:
            continue  # a layout row holding a table: its own rows are read, once each
        headers = tr.find_all("th", recursive=False)
        cells = tr.find_all("td", recursive=False)
        if (
            (headers and not cells)
            or (number == 0 and not tr.find(_LINKING))
            # the rows a tall header cell spans, unless the header stops short ('<th
            # rowspan="2">' and no second header row): a row of linked cells is data
            or (0 < len(header_rows) < header_depth and not (cells and tr.find(_LINKING)))
        ):
            header_rows.append(tr)  # an empty '<tr></tr>' under a tall header too
            header_depth = max([header_depth, *(_span(c, "rowspan") for c in headers or cells)])
            table.header = _header(header_rows)
            roles = column_roles(table.header)
            continue
        if not cells or (len(cells) == 1 and cells[0].get("colspan")):
            continue  # a section heading across the table
        line = first_line + (tr.sourceline or cells[0].sourceline or 1) - 1
        parts = []
        last = line
        index = 0
        own = tr.find_all(["td", "th"], recursive=False)
        covered, spanned = spanned, {}
        if sum(_span(td, "colspan") for td in own) >= len(roles):
            covered = {}  # a row that fills every column itself (a '<tr>' was left out above)
        for td in own:
            while index in covered:
                index += 1
            wide, tall = _span(td, "colspan"), _span(td, "rowspan")
            if tall > 1:
                spanned.update((column, tall - 1) for column in range(index, index + wide))
            td_line = first_line + (td.sourceline or 1) - 1
            cell_links = [owner[id(tag)] for tag in td.find_all(True) if id(tag) in owner]
            last = max([last, td_line, *(link.line for link in cell_links)])
            source = line_text(td_line)
            runs = _runs(td)
            role = roles[index] if index < len(roles) else Column.OTHER
            cell = Cell(source, runs.text, Span(td_line, 0, len(source)))
            parts.append(Part(cell, cell_links, runs, role))
            index += wide
        spanned.update((column, rows - 1) for column, rows in covered.items() if rows > 1)
        table.rows.append(HtmlRow(line, last, parts))
    return table


def _wrap_stray_cells(soup: Tag) -> None:
    """Cells written straight into a table, their '<tr>' left out, made a row of their own,
    as a browser shows them (Python's HTML parser leaves them outside every row)."""
    for group in soup.find_all(["table", "thead", "tbody", "tfoot"]):
        row: Tag | None = None
        for child in list(group.children):
            name = getattr(child, "name", None)
            if name in ("td", "th"):
                if row is None:
                    row = soup.new_tag("tr")
                    child.insert_before(row)
                row.append(child.extract())
            elif name is not None:
                row = None


def _span(cell: Tag, attribute: str) -> int:
    value = str(cell.get(attribute) or "1").strip()
    return max(1, min(int(value), 100)) if value.isdigit() else 1


def _header(rows: list[Tag]) -> list[str]:
    """Column names of a header of one or more rows, spans laid out on a grid: a cell over two
    columns names both, a cell under it adds its own word ('Memory Operation')."""
    names: dict[int, list[str]] = {}
    taken: set[tuple[int, int]] = set()
    for depth, tr in enumerate(rows):
        column = 0
        for cell in tr.find_all(["th", "td"], recursive=False):
            while (depth, column) in taken:
                column += 1
            text = cell.get_text(" ", strip=True)
            wide, tall = _span(cell, "colspan"), _span(cell, "rowspan")
            for across in range(column, column + wide):
                names.setdefault(across, []).append(text)
                taken.update((depth + down, across) for down in range(tall))
            column += wide
    return [" ".join(dict.fromkeys(names[i])) for i in range(max(names, default=-1) + 1)]


def _runs(td: Tag) -> Runs:
    """A cell's text by mark-up, as inline.runs_of gives it for Markdown."""
    text = td.get_text(" ", strip=True)
    outside = " ".join(
        str(piece) for piece in td.find_all(string=True) if not piece.find_parent(["a", "code"])
    )
    first: list[str] = []
    for node in td.descendants:
        if getattr(node, "name", None) == "br":
            break
        if isinstance(node, str):
            first.append(str(node))
    return Runs(
        text=text,
        outside=outside,
        first_line=_BREAK.sub(" ", "".join(first)).strip(),
        strong=[tag.get_text(" ", strip=True) for tag in td.find_all(["b", "strong"])],
        emphasis=[tag.get_text(" ", strip=True) for tag in td.find_all(["i", "em"])],
        quoted=[match[1].strip() for match in QUOTED.finditer(text)],
        code=[tag.get_text() for tag in td.find_all("code")],
    )
