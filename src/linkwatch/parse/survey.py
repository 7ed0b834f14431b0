"""
A survey file becomes entries (paper-table rows), links (every link in the file) and headings.

One pass over markdown-it's token stream; line numbers come from the block tokens' maps and
columns from the link tokens' recorded source offsets, so every finding can point at the exact
text a fix would replace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from linkwatch.identify import arxiv_ref
from linkwatch.model import (
    Cell,
    Entry,
    Heading,
    Link,
    Role,
    SourceFile,
    Span,
    Syntax,
    TableDefect,
)
from linkwatch.parse.autolinks import find_bare_urls
from linkwatch.parse.html import html_anchors, html_links
from linkwatch.parse.markdown import parse
from linkwatch.parse.slugs import Slugger
from linkwatch.parse.tables import Column, RawCell, column_roles, split_row, visible_width

# A '[text](destination)' that Markdown refused because the destination has a space in it.
_REFUSED_LINK = re.compile(r"\[[^\]]*\]\((?P<url>[a-z][a-z0-9+.-]*:[^)\s]*\s[^)]*)\)", re.I)
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


@dataclass(slots=True)
class ParsedFile:
    entries: list[Entry] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    table_defects: list[TableDefect] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


@dataclass(slots=True)
class _Row:
    line: int
    cells: list[Token]
    raw: list[RawCell] = field(default_factory=list)


@dataclass(slots=True)
class _Table:
    index: int
    header: list[str] = field(default_factory=list)
    header_width: int = 0
    rows: list[_Row] = field(default_factory=list)


def parse_source(source: SourceFile) -> ParsedFile:
    """Everything one file holds."""
    walker = _Walker(source)
    parse(source.text, walker.walk)
    return walker.out


class _Walker:
    """Walks the token stream once, keeping the heading path and the table being read."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.out = ParsedFile()
        self.sections: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()
        """The heading path in force, as entries carry it (built once per heading)."""
        self.slugger = Slugger()
        self.table: _Table | None = None
        self.table_count = 0
        self.row: _Row | None = None

    def walk(self, tokens: Sequence[Token]) -> None:
        """Read the next batch of tokens (batches end at a table's end, so a heading and its
        text never straddle two)."""
        for index, token in enumerate(tokens):
            if token.type in _VISITED:
                self._visit(token, tokens[index - 1] if index else None)

    def _visit(self, token: Token, previous: Token | None) -> None:
        match token.type:
            case "inline" if previous is not None and previous.type == "heading_open":
                self._heading(previous, token)
            case "inline" if self.row is not None:
                self.row.cells.append(token)
            case "inline":
                self._paragraph(token)
            case "table_open":
                self.table = _Table(self.table_count)
                self.table_count += 1
            case "tr_open":
                self.row = _Row(_line_of(token), [])
            case "tr_close":
                self._end_row()
            case "table_close":
                self._end_table()
            case "definition":
                self._definition(token)
            case "html_block":
                self.out.links.extend(html_links(self.source.path, token.content, _line_of(token)))
                self.out.anchors.update(html_anchors(token.content))

    # headings and paragraphs

    def _heading(self, opening: Token, inline: Token) -> None:
        level, text = int(opening.tag[1:]), _plain_text(inline.children or []).strip()
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self.sections.append((level, text))
        self.section = tuple(text for _, text in self.sections)
        line = _line_of(opening)
        self.out.headings.append(
            Heading(self.source.path, line, level, text, self.slugger.slug(text))
        )
        self.out.links.extend(self._links(inline, line, Role.OTHER))

    def _paragraph(self, inline: Token) -> None:
        line = _line_of(inline)
        self.out.links.extend(self._links(inline, line, Role.OTHER))
        lines = inline.content.split("\n")
        if len(lines) >= 2 and "|" in lines[0] and _DELIMITER_ROW.match(lines[1]):
            header, delimiter = split_row(lines[0]), split_row(lines[1])
            self.out.table_defects.append(
                TableDefect(
                    self.source.path,
                    line,
                    f"Not rendered as a table: the header row has {_cells(len(header))} but the "
                    f"delimiter row below it has {len(delimiter)}.",
                )
            )

    def _definition(self, token: Token) -> None:
        line = _line_of(token)
        url = token.meta["url"]
        self.out.links.append(
            Link(
                url,
                self.source.path,
                line,
                _role_for(url, Role.OTHER),
                Syntax.REFERENCE,
                token.meta["label"],
                self._span(line, url, 0),
            )
        )

    # tables

    def _end_row(self) -> None:
        table, row = self.table, self.row
        self.row = None
        if table is None or row is None:
            return
        row.raw = split_row(self._line(row.line))
        if not table.header:
            table.header = [_plain_text(cell.children or []) for cell in row.cells]
            table.header_width = len(row.raw)
            return
        table.rows.append(row)
        width = visible_width(row.raw, table.header_width)
        if width != table.header_width:
            self.out.table_defects.append(
                TableDefect(
                    self.source.path,
                    row.line,
                    f"This row has {_cells(width)} but its table's header has "
                    f"{_cells(table.header_width)}.",
                )
            )

    def _end_table(self) -> None:
        table, self.table = self.table, None
        if table is None:
            return
        roles = column_roles(table.header)
        rows = [self._read_row(row, roles, table.index) for row in table.rows]
        if _is_paper_table(table.header, rows):
            self.out.entries.extend(entry for entry, _ in rows)
        for _, links in rows:
            self.out.links.extend(links)

    def _read_row(self, row: _Row, roles: list[Column], table: int) -> tuple[Entry, list[Link]]:
        links: list[Link] = []
        cells: dict[Column, Cell] = {}
        title_links: list[Link] = []
        code: list[Cell] = []
        for index, (token, role) in enumerate(zip(row.cells, roles, strict=False)):
            raw = row.raw[index] if index < len(row.raw) else None
            start = raw.start if raw else len(self._line(row.line))
            cell_links = list(self._links(token, row.line, _LINK_ROLE[role], start))
            links.extend(cell_links)
            if role in (Column.OTHER, Column.LINKS) or (role in cells and role != Column.CODE):
                continue  # only the first title, venue and year cells are kept, and code cells
            cell = self._cell(token, raw, start, row.line, cell_links)
            if role == Column.CODE:
                code.append(cell)
                continue
            cells[role] = cell
            if role == Column.TITLE:
                title_links = cell_links
        return self._entry(row.line, cells, title_links, code, table), links

    def _entry(
        self,
        line: int,
        cells: dict[Column, Cell],
        title_links: list[Link],
        code: list[Cell],
        table: int,
    ) -> Entry:
        title_cell = cells.get(Column.TITLE)
        venue_cell, year_cell = cells.get(Column.VENUE), cells.get(Column.YEAR)
        paper = _paper_link(title_links)
        ref = arxiv_ref(paper.url) if paper else None
        titled = paper is not None and paper.syntax in (Syntax.INLINE, Syntax.REFERENCE)
        title = paper.text if titled and paper else title_cell.text if title_cell else ""
        return Entry(
            file=self.source.path,
            line=line,
            section=self.section,
            title=title.strip(),
            paper_url=paper.url if paper else None,
            venue=_venue_text(venue_cell, year_cell),
            code_urls=tuple(url for cell in code for url in cell.urls),
            arxiv_id=ref.id if ref else None,
            arxiv_version=ref.version if ref else None,
            title_cell=title_cell,
            venue_cell=venue_cell,
            code_cells=tuple(code),
            table=table,
            year_cell=year_cell,
        )

    def _cell(
        self, token: Token, raw: RawCell | None, start: int, line: int, links: list[Link]
    ) -> Cell:
        source = raw.text if raw else ""
        urls = tuple(link.url for link in links if link.url)
        return Cell(
            source, _plain_text(token.children or []), Span(line, start, start + len(source)), urls
        )

    # links

    def _links(
        self, inline: Token, line: int, role: Role, base: int | None = None
    ) -> Iterator[Link]:
        """The links of one inline token. `base` is the column where its content starts in a
        table cell; elsewhere columns are found by searching the line."""
        children = inline.children or []
        if len(children) == 1 and children[0].type == "text":  # most cells: plain text
            yield from self._bare(children[0].content, line, role, base or 0)
            return
        depth = 0
        at = line
        for index, child in enumerate(children):
            match child.type:
                case "softbreak" | "hardbreak":
                    at += 1
                case "link_open":
                    depth += 1
                    yield self._link(child, children, index, at, role, inline.content, base)
                case "link_close":
                    depth -= 1
                case "image":
                    yield self._image(child, at, inline.content, base)
                case "text" if depth == 0:
                    yield from self._bare(child.content, at, role, base or 0)
                case "html_inline":
                    self.out.anchors.update(html_anchors(child.content))
                    yield from html_links(self.source.path, child.content, at)

    def _link(
        self,
        opening: Token,
        siblings: list[Token],
        index: int,
        line: int,
        role: Role,
        content: str,
        base: int | None,
    ) -> Link:
        url = str(opening.attrs.get("href", ""))
        start, end = opening.meta.get("src", (0, 0))
        source = content[start:end]
        syntax = _syntax_of(opening, source)
        hint = (base + start) if base is not None and syntax != Syntax.REFERENCE else 0
        return Link(
            url,
            self.source.path,
            line,
            _role_for(url, role),
            syntax,
            _label_text(siblings, index),
            self._span(line, url, hint),
        )

    def _image(self, image: Token, line: int, content: str, base: int | None) -> Link:
        url = str(image.attrs.get("src", ""))
        start = image.meta.get("src", (0, 0))[0]
        hint = base + start if base is not None else 0
        return Link(
            url,
            self.source.path,
            line,
            Role.OTHER,
            Syntax.IMAGE,
            image.content,
            self._span(line, url, hint),
        )

    def _bare(self, text: str, line: int, role: Role, hint: int) -> Iterator[Link]:
        for bare in find_bare_urls(text):
            yield Link(
                bare.url,
                self.source.path,
                line,
                _role_for(bare.url, role),
                Syntax.BARE,
                bare.url,
                self._span(line, bare.url, hint),
            )
        for refused in _REFUSED_LINK.finditer(text):
            url = refused["url"]
            yield Link(
                url,
                self.source.path,
                line,
                _role_for(url, role),
                Syntax.INLINE,
                "",
                self._span(line, url, hint),
            )

    def _span(self, line: int, text: str, hint: int) -> Span | None:
        """Where `text` is written on `line`, searching from `hint`; None when it is not there
        verbatim (escapes, entities), in which case no fix can be offered."""
        if not text:
            return None
        source = self._line(line)
        column = source.find(text, hint)
        if column < 0:
            column = source.find(text)
        return Span(line, column, column + len(text)) if column >= 0 else None

    def _line(self, line: int) -> str:
        lines = self.source.lines
        return lines[line - 1] if 0 < line <= len(lines) else ""


_VISITED = frozenset(
    {"inline", "table_open", "tr_open", "tr_close", "table_close", "definition", "html_block"}
)
_LINK_ROLE = {
    Column.TITLE: Role.PAPER,
    Column.CODE: Role.CODE,
    Column.VENUE: Role.OTHER,
    Column.YEAR: Role.OTHER,
    Column.LINKS: Role.OTHER,
    Column.OTHER: Role.OTHER,
}


def _paper_link(links: list[Link]) -> Link | None:
    """The paper of a title cell: its first link with words to click on, not a badge
    (`[![Star](shields.io/...)](github...)`); else its first link of any kind."""
    for link in links:
        if link.syntax != Syntax.IMAGE and link.text.strip():
            return link
    return links[0] if links else None


def _venue_text(venue: Cell | None, year: Cell | None) -> str:
    """The 'Published in' text; with a separate Year column, venue and year together."""
    if year is None:
        return venue.text.strip() if venue is not None else ""
    parts = [cell.text.strip() for cell in (venue, year) if cell is not None]
    return " ".join(part for part in parts if part)


def _is_paper_table(header: list[str], rows: list[tuple[Entry, list[Link]]]) -> bool:
    """A table of papers: its title column links somewhere, or its header says so."""
    if any(entry.paper_url is not None for entry, _ in rows):
        return True
    words = " ".join(header).lower()
    return any(word in words for word in ("paper", "title", "published", "venue"))


def _role_for(url: str, role: Role) -> Role:
    return Role.TOC if url.startswith("#") else role


def _syntax_of(opening: Token, source: str) -> Syntax:
    """An inline link's source ends with its ')'; a reference link's with its ']'."""
    if opening.markup == "autolink":
        return Syntax.AUTOLINK
    return Syntax.INLINE if source.endswith(")") else Syntax.REFERENCE


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _line_of(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _label_text(siblings: list[Token], index: int) -> str:
    """The visible text of the link opened at `index`."""
    depth, parts = 0, []
    for token in siblings[index:]:
        if token.type == "link_open":
            depth += 1
        elif token.type == "link_close":
            depth -= 1
            if depth == 0:
                break
        else:
            parts.append(_token_text(token))
    return "".join(parts)


def _plain_text(children: Sequence[Token]) -> str:
    if len(children) == 1 and children[0].type == "text":
        return children[0].content  # most cells: one plain text token
    return "".join(_token_text(token) for token in children)


def _token_text(token: Token) -> str:
    """The visible text of a token; an image's alt text is not text a reader sees."""
    if token.type in ("text", "text_special", "code_inline"):
        return token.content
    return " " if token.type in ("softbreak", "hardbreak") else ""
