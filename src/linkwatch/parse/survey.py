"""
A survey file becomes entries (paper-table rows), links (every link in the file) and headings.

One pass over markdown-it's token stream; line numbers come from the block tokens' maps and
columns from the link tokens' recorded source offsets, so every finding can point at the exact
text a fix would replace.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from linkwatch.model import (
    Cell,
    Entry,
    Heading,
    Layout,
    Link,
    Role,
    SourceFile,
    Span,
    Syntax,
    TableDefect,
)
from linkwatch.model.targets import arxiv_ref, is_placeholder
from linkwatch.parse.autolinks import find_bare_urls
from linkwatch.parse.fields import (
    Fields,
    Locate,
    Part,
    is_code_url,
    judge,
    paper_link,
    roles_by_content,
    says_paper,
    segment,
)
from linkwatch.parse.html import html_anchors, html_links, parsed, tagged_links
from linkwatch.parse.html_tables import html_table_rows
from linkwatch.parse.inline import QUOTED, runs_of
from linkwatch.parse.lists import (
    Item,
    item_entries,
    labelled_links,
    mostly_papers,
    names_a_paper,
    paragraph_fields,
    presents_paper_alone,
    under_a_paper_heading,
    worded_link_paragraph,
    worded_links,
)
from linkwatch.parse.markdown import UrlSink, parse
from linkwatch.parse.slugs import Slugger
from linkwatch.parse.tables import Column, RawCell, column_roles, split_row, visible_width

# A '[text](destination)' that Markdown refused because the destination has a space in it: a
# URL with a space, or words where the URL belongs ('[[pdf]](Contrastive Learning Inverts ...)').
_REFUSED_LINK = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<url>[^()\s][^()\n]{0,300}?\s[^()\n]*?)\)"
)
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
class _ReadRow:
    line: int
    parts: list[Part]
    links: list[Link]


@dataclass(slots=True)
class _Table:
    index: int
    header: list[str] = field(default_factory=list)
    header_width: int = 0
    roles: list[Column] = field(default_factory=list)
    """The columns' roles by their headers."""
    rows: list[_ReadRow] = field(default_factory=list)
    cells: list[tuple[str, ...]] = field(default_factory=list)
    """Every row's cells as written, up to the header's width: what the columns hold."""
    uneven: list[tuple[int, int, int]] = field(default_factory=list)
    """(line, cells shown, index in `cells`) of the rows whose width is not the header's."""

    def column_kinds(self) -> list[Counter[str]]:
        """What each column's cells hold, over all rows ('number', 'code', 'link', 'text',
        'empty', or omitted by a short row). Worked out only for tables with a short row."""
        kinds = [Counter[str]() for _ in range(self.header_width)]
        for row in self.cells:
            for column, text in enumerate(row):
                kinds[column][_cell_kind(text)] += 1
            for column in range(len(row), self.header_width):
                kinds[column][_OMITTED] += 1
        return kinds

    def shifted(self, index: int, kinds: list[Counter[str]]) -> bool:
        """Whether a short row lost a cell in the middle (a title link in the code column),
        rather than only leaving off its last cells: its cells must hold what other rows (or
        the header) hold in the same columns, and the cells it omits must be ones other rows
        leave empty or omit too."""
        row = self.cells[index]
        alone = len(self.cells) == 1
        for column, role in enumerate(self.roles):
            counts = kinds[column]
            if column >= len(row):
                if counts["empty"] + counts[_OMITTED] <= 1 and not alone:
                    return True
                continue
            kind = _cell_kind(row[column])
            if kind != "empty" and counts[kind] <= 1 and kind not in _ROLE_KINDS.get(role, ()):
                return True
        return False


_OMITTED = "omitted"
# What a column holds by its header, for a short row no other row vouches for.
_ROLE_KINDS: dict[Column, tuple[str, ...]] = {
    Column.TITLE: ("link", "text", "code"),
    Column.VENUE: ("text", "link"),
    Column.YEAR: ("number",),
    Column.DATE: ("number", "text"),
    Column.CODE: ("code", "link"),
    Column.LINKS: ("link", "code"),
    Column.PAPER: ("link",),
}


# 'News', '🔔 News', 'Latest Updates', "What's New", 'Changelog'
_NEWS_HEADING = re.compile(
    r"^\W*(?:(?:latest|recent)\s+)?(?:news|updates?|what['\u2019]?s\s+new|change\s?log|"
    r"announcements?)\W*$",
    re.I,
)


def parse_source(source: SourceFile, on_urls: UrlSink | None = None) -> ParsedFile:
    """Everything one file holds. `on_urls` is handed the links' URLs as they are found (a
    URL may come more than once), so they can be probed while the rest of the file is read."""
    walker = _Walker(source)
    if on_urls is None:
        parse(source.text, walker.walk)
        return walker.out
    handed = 0

    def walk_and_hand_over(tokens: Sequence[Token]) -> None:
        nonlocal handed
        walker.walk(tokens)
        links = walker.out.links
        if len(links) > handed:
            on_urls([link.url for link in links[handed:]])
            handed = len(links)

    parse(source.text, walk_and_hand_over, on_urls)
    return walker.out


class _Walker:
    """Walks the token stream once, keeping the heading path and the table being read."""

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.out = ParsedFile()
        self.sections: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()
        """The heading path in force, as entries carry it (built once per heading)."""
        self.in_news = False
        """Whether the heading in force is a News heading: its items are no entries."""
        self.slugger = Slugger()
        self.table: _Table | None = None
        self.block_count = 0
        """Tables and lists read so far: entries in one block are 'in the same table'."""
        self.row: _Row | None = None
        self.items: list[Item] = []
        """The list items open around the token being read, innermost last."""
        self.list_block = 0
        self.list_items: list[Item] = []
        """The top-level items of the list being read: whether they are papers is judged
        together, at the list's end."""
        self.quoted = 0
        """Blockquotes open around the token being read: where lists put their notes."""
        self.paragraph_block: int | None = None
        self.title_heading: tuple[Part, int] | None = None
        """A heading that may be a paper's title, when a list of its links follows it
        ('### A Survey of Protocol Fuzzing' then '* [Link](...)', '* [Paper](...)')."""
        self.title_paragraph: tuple[Part, int] | None = None
        """A bold title alone in its paragraph, whose links may be the list below it."""
        """The block of the paper paragraphs being read: consecutive ones are one list."""

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
            case "inline" if self.items:
                self._item_paragraph(token)
            case "inline":
                self._paragraph(token)
            case "bullet_list_open" | "ordered_list_open" if not self.items:
                self.list_block = self._next_block()
            case "bullet_list_close" | "ordered_list_close" if not self.items:
                self._end_list()
            case "list_item_open":
                self.items.append(Item(_line_of(token)))
            case "list_item_close":
                self._end_item()
            case "table_open":
                self.table = _Table(self._next_block())
            case "tr_open":
                self.row = _Row(_line_of(token), [])
            case "tr_close":
                self._end_row()
            case "table_close":
                self._end_table()
            case "definition":
                self._definition(token)
            case "html_block":
                self._html_block(token)
            case "blockquote_open":
                self.quoted += 1
            case "blockquote_close":
                self.quoted -= 1

    def _next_block(self) -> int:
        self.block_count += 1
        self.paragraph_block = None  # a table, list or heading ends a run of paper paragraphs
        return self.block_count - 1

    # headings and paragraphs

    def _heading(self, opening: Token, inline: Token) -> None:
        self.paragraph_block = None
        self.title_paragraph = None
        level, text = int(opening.tag[1:]), _plain_text(inline.children or []).strip()
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self.sections.append((level, text))
        self.section = tuple(text for _, text in self.sections)
        self.in_news = bool(_NEWS_HEADING.match(text))
        line = _line_of(opening)
        self.out.headings.append(
            Heading(self.source.path, line, level, text, self.slugger.slug(text))
        )
        self.out.links.extend(self._links(inline, line, Role.OTHER))
        titled = level >= _PAPER_HEADING_LEVEL and len(text.split()) >= _MIN_HEADING_WORDS
        self.title_heading = (self._item_part(inline, line), line) if titled else None

    def _paragraph(self, inline: Token) -> None:
        heading, self.title_heading = self.title_heading, None
        line = _line_of(inline)
        lines = inline.content.split("\n")
        part = self._item_part(inline, line)
        if self.quoted and _template([part]):
            return
        if heading is not None and self._titled_paragraph(heading, part, line, len(lines)):
            return
        last = line + len(lines) - 1
        after_a_paper = self.paragraph_block is not None
        fields = paragraph_fields(part, len(lines), self._lines_locator(line, last), after_a_paper)
        titled, self.title_paragraph = self.title_paragraph, None
        if fields is None and titled is not None and (paper := paper_link([part])) is not None:
            # '**Title**' then, a paragraph below, '*Authors. VENUE, 2014.* [[paper](...)]'
            title_part, line = titled
            fields = judge([title_part, part], self._lines_locator(line, last), paper)
        elif names_a_paper(part):
            self.title_paragraph = (part, line)
        if fields is None:
            self.out.links.extend(part.links)
            if self.title_paragraph is None:  # a title waiting for its links stays in the run
                self.paragraph_block = None
        else:
            if self.paragraph_block is None:
                self.paragraph_block = self._next_block()
            self._keep(self._entry(line, last, fields, self.paragraph_block, Layout.LIST))
            self.out.links.extend(_with_roles(part.links, fields.roles))
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

    def _titled_paragraph(
        self, heading: tuple[Part, int], part: Part, line: int, count: int
    ) -> bool:
        """A heading that names a paper, the authors' paragraph, then a paragraph of its links
        ('### 3. OmniRe: Omni Urban Scene Reconstruction', '**Authors**: ...', '[📄 Paper](...)
        | [💻 Code](...)'): one paper. The authors' paragraph keeps the heading waiting."""
        if under_a_paper_heading(part):
            self.title_heading = heading
            return False
        paper = worded_link_paragraph(part)
        if paper is None:
            return False
        heading_part, first = heading
        last = line + count - 1
        fields = judge([heading_part, part], self._lines_locator(first, last), paper)
        self._keep(self._entry(first, last, fields, self._next_block(), Layout.LIST))
        self.out.links.extend(_with_roles(part.links, fields.roles))
        return True

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
            table.roles = column_roles(table.header)
            return
        # read now, so the row's tokens can be freed before the table ends
        table.rows.append(self._read_row(row, table.roles))
        width = visible_width(row.raw, table.header_width)
        if width != table.header_width:
            table.uneven.append((row.line, width, len(table.cells)))
        table.cells.append(tuple(cell.text for cell in row.raw[: table.header_width]))

    def _uneven_rows(self, table: _Table) -> None:
        """Rows with more or fewer cells than the header, but not those that only leave off
        their last cells, the rest where they belong: GitHub pads them, and nothing moves."""
        kinds = table.column_kinds() if table.uneven else []
        for line, width, index in table.uneven:
            if width < table.header_width and not table.shifted(index, kinds):
                continue
            self.out.table_defects.append(
                TableDefect(
                    self.source.path,
                    line,
                    f"This row has {_cells(width)} but its table's header has "
                    f"{_cells(table.header_width)}.",
                )
            )

    def _end_table(self) -> None:
        table, self.table = self.table, None
        if table is None:
            return
        self._uneven_rows(table)
        roles, rows = table.roles, table.rows
        columns = [
            [row.parts[i].runs.outside for row in rows if i < len(row.parts)]
            for i in range(len(roles))
        ]
        content = roles_by_content(roles, columns)
        if content != roles:
            for row in rows:
                for part, role in zip(row.parts, content, strict=False):
                    part.column = role
        judged = [(row, self._row_fields(row)) for row in rows]
        if _is_paper_table(table.header, [fields for _, fields in judged]):
            linked = sum(fields.paper is not None for _, fields in judged)
            for row, fields in judged:
                if linked >= _MOSTLY_LINKED * len(judged) and _only_a_name(row, fields):
                    continue  # a result of combined methods ('| ATPrompt+PromptKD | - | 87.05 |')
                self._keep(self._entry(row.line, 0, fields, table.index, Layout.TABLE))
        for row, fields in judged:
            self.out.links.extend(_with_roles(row.links, fields.roles))

    def _read_row(self, row: _Row, roles: list[Column]) -> _ReadRow:
        links: list[Link] = []
        parts: list[Part] = []
        for index, (token, role) in enumerate(zip(row.cells, roles, strict=False)):
            raw = row.raw[index] if index < len(row.raw) else None
            start = raw.start if raw else len(self._line(row.line))
            cell_links = list(self._links(token, row.line, _LINK_ROLE[role], start))
            links.extend(cell_links)
            cell = self._cell(token, raw, start, row.line, cell_links)
            parts.append(Part(cell, cell_links, runs_of(token.children or []), role))
        return _ReadRow(row.line, parts, links)

    def _row_fields(self, row: _ReadRow) -> Fields:
        source = self._line(row.line)
        start = row.parts[0].cell.span.start if row.parts else 0
        return judge(
            row.parts, lambda text: segment(row.line, source, text, start), paper_link(row.parts)
        )

    def _keep(self, entry: Entry) -> None:
        """An entry of the list; none under a News heading, whose items announce papers in
        sentences ('Our [roadmap paper](...) has been accepted by TKDE.')."""
        if not self.in_news:
            self.out.entries.append(entry)

    def _entry(self, line: int, end: int, fields: Fields, block: int, layout: Layout) -> Entry:
        paper = fields.paper
        ref = arxiv_ref(paper.url) if paper else None
        return Entry(
            file=self.source.path,
            line=line,
            section=self.section,
            title=fields.title.strip(),
            paper_url=paper.url if paper else None,
            venue=fields.venue,
            code_urls=tuple(fields.code_urls),
            arxiv_id=ref.id if ref else None,
            arxiv_version=ref.version if ref else None,
            title_cell=fields.title_cell,
            venue_cell=fields.venue_cell,
            code_cells=tuple(fields.code_cells),
            block=block,
            year_cell=fields.year_cell,
            layout=layout,
            end_line=end if end > line else 0,
            date=fields.date,
            date_cell=fields.date_cell,
            other_urls=tuple(fields.other_urls),
            name=fields.name,
        )

    # lists

    def _item_paragraph(self, inline: Token) -> None:
        item = self.items[-1]
        line = _line_of(inline)
        item.last = max(item.last, line + inline.content.count("\n"))
        segments = list(_paper_segments(inline))
        first = self._item_part(segments[0][0], line)
        if item.parts and presents_paper_alone(first):  # a paper paragraph of its own
            own = Item(line, last=line + inline.content.count("\n"))
            own.parts.append(first)
            item.children.append(own)
        else:
            item.parts.append(first)
        for segment_token, breaks in segments[1:]:  # a second paper in the same item
            more = Item(line + breaks, last=item.last)
            more.parts.append(self._item_part(segment_token, line + breaks))
            item.children.append(more)

    def _item_part(self, inline: Token, line: int) -> Part:
        links = list(self._links(inline, line, Role.OTHER))
        source = self._line(line)
        runs = runs_of(inline.children or [])
        return Part(Cell(source, runs.text, Span(line, 0, len(source))), links, runs)

    def _end_item(self) -> None:
        item = self.items.pop()
        if self.items:
            self.items[-1].children.append(item)
            self.items[-1].last = max(self.items[-1].last, item.last)
            return
        self.list_items.append(item)

    def _end_list(self) -> None:
        items, self.list_items = self.list_items, []
        titled, self.title_paragraph = self.title_paragraph, None
        heading, self.title_heading = self.title_heading, None
        if titled is not None and (paper := labelled_links(items)) is not None:
            self._titled_list(titled, items, paper)
            return
        if heading is not None and (paper := worded_links(items)) is not None:
            self._titled_list(heading, items, paper)
            return
        if self.quoted:
            # a note that shows the list's format ('> * (Conference Year) **Title**, First
            # Author et al. [[Paper](URL)]'): no paper, and its links point nowhere on purpose
            items = [item for item in items if not _template(list(item.all_parts()))]
        papers = mostly_papers(items)
        for item in items:
            found = list(item_entries(item, self._locator, papers))
            # the papers under a category item ('- Vision' over its papers) are a list of
            # their own: one paper under two categories is listed twice on purpose
            block = self.list_block
            if found and all(entry_item is not item for entry_item, _ in found):
                block = self._next_block()
            for entry_item, fields in found:
                self._keep(
                    self._entry(entry_item.line, entry_item.last, fields, block, Layout.LIST)
                )
            for part in item.all_parts():
                self.out.links.extend(_with_roles(part.links, item.roles))

    def _titled_list(self, titled: tuple[Part, int], items: list[Item], paper: Link) -> None:
        """A bold title paragraph and the list of its links below it ('**Title**' then
        '- Paper: https://arxiv.org/...', '- Code: https://github.com/...'): one paper."""
        part, line = titled
        last = max(item.last or item.line for item in items)
        parts = [part, *(p for item in items for p in item.all_parts())]
        fields = judge(parts, self._lines_locator(line, last), paper)
        self._keep(self._entry(line, last, fields, self.list_block, Layout.LIST))
        for item in items:
            for item_part in item.all_parts():
                self.out.links.extend(_with_roles(item_part.links, fields.roles))

    def _locator(self, item: Item) -> Locate:
        return self._lines_locator(item.line, item.last)

    # HTML

    def _html_block(self, token: Token) -> None:
        line, content = _line_of(token), token.content
        self.out.anchors.update(html_anchors(content))
        if "href" not in content and "src" not in content:
            return
        soup = parsed(content)
        tagged = [
            (tag, self._spanned(link)) for tag, link in tagged_links(self.source.path, soup, line)
        ]
        links = [link for _, link in tagged]
        lowered = content.lower()
        if "<tr" not in lowered:
            self.out.links.extend(links)
            return
        table = html_table_rows(soup, line, tagged, self._line)
        judged = [
            (row, judge(row.parts, self._lines_locator(row.line, row.last), paper_link(row.parts)))
            for row in table.rows
        ]
        if _is_paper_table(table.header, [fields for _, fields in judged]):
            block = self._next_block()
            for row, fields in judged:
                self._keep(self._entry(row.line, row.last, fields, block, Layout.HTML))
        roles: dict[int, Role] = {}
        for _, fields in judged:
            roles.update(fields.roles)
        self.out.links.extend(_with_roles(links, roles))

    def _lines_locator(self, first: int, last: int) -> Locate:
        """Where a field's text is first written on lines `first` to `last`."""

        def locate(text: str) -> Cell | None:
            for line in range(first, max(first, last) + 1):
                found = segment(line, self._line(line), text)
                if found is not None:
                    return found
            return None

        return locate

    def _spanned(self, link: Link) -> Link:
        return replace(link, span=self._span(link.line, link.url, 0))

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
        refused = list(_REFUSED_LINK.finditer(text)) if "](" in text else []
        for bare in find_bare_urls(text):
            if any(match.start("url") <= bare.start < match.end("url") for match in refused):
                continue  # the start of a refused link's URL: one defect, reported below
            yield Link(
                bare.url,
                self.source.path,
                line,
                _role_for(bare.url, role),
                Syntax.BARE,
                bare.url,
                self._span(line, bare.url, hint),
            )
        for match in refused:
            url = match["url"]
            yield Link(
                url,
                self.source.path,
                line,
                _role_for(url, role),
                Syntax.INLINE,
                match["text"],
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


def _template(parts: list[Part]) -> bool:
    """Text whose every link is a placeholder ('[Paper](URL)'): a format shown, not a paper."""
    links = [link for part in parts for link in part.links]
    return bool(links) and all(is_placeholder(link.url) for link in links)


_VISITED = frozenset(
    {
        "inline",
        "blockquote_open",
        "blockquote_close",
        "table_open",
        "tr_open",
        "tr_close",
        "table_close",
        "definition",
        "html_block",
        "bullet_list_open",
        "ordered_list_open",
        "list_item_open",
        "list_item_close",
        "bullet_list_close",
        "ordered_list_close",
    }
)
_LINK_ROLE = {
    Column.TITLE: Role.PAPER,
    Column.CODE: Role.CODE,
    Column.VENUE: Role.OTHER,
    Column.YEAR: Role.OTHER,
    Column.DATE: Role.OTHER,
    Column.LINKS: Role.OTHER,
    Column.PAPER: Role.PAPER,
    Column.OTHER: Role.OTHER,
}


def _paper_segments(inline: Token) -> Iterator[tuple[Token, int]]:
    """One item's text cut after each '[[paper](...)]' when it names several quoted papers
    ('"Title A" [[paper](...)] "Title B" [[paper](...)]'), with the line breaks before each
    piece; else the whole text."""
    children = inline.children or []
    ends = [
        index
        for index, token in enumerate(children)
        if token.type == "link_open" and says_paper(_label_text(children, index))
    ]
    if len(ends) < 2 or len(QUOTED.findall(inline.content)) != len(ends):
        yield inline, 0
        return
    cuts = [_close_of(children, index) + 1 for index in ends[:-1]]
    for start, end in zip([0, *cuts], [*cuts, len(children)], strict=True):
        piece = Token("inline", "", 0)
        piece.content, piece.map, piece.children = inline.content, inline.map, children[start:end]
        yield piece, sum(token.type in ("softbreak", "hardbreak") for token in children[:start])


def _close_of(children: list[Token], index: int) -> int:
    depth = 0
    for at in range(index, len(children)):
        depth += {"link_open": 1, "link_close": -1}.get(children[at].type, 0)
        if depth == 0:
            return at
    return len(children) - 1


def _with_roles(links: list[Link], roles: dict[int, Role]) -> Iterator[Link]:
    """The links, with the roles the judge gave them (a paper link in a 'Source' column)."""
    for link in links:
        role = roles.get(id(link))
        yield link if role is None or role == link.role else replace(link, role=role)


_MOSTLY_LINKED = 0.6
_PAPER_HEADING_LEVEL = 3
_MIN_HEADING_WORDS = 3
_NUMBER_CELL = re.compile(r"^[\d\s.,%+\-\u2013/*~()]+$")
_CELL_URL = re.compile(r"\]\(\s*<?([^)\s>]+)|(https?://[^\s)|]+)")


def _cell_kind(text: str) -> str:
    """What a raw cell holds, coarsely: enough to tell a title link moved into the code
    column, or a venue into the year column."""
    if not text:
        return "empty"
    if _NUMBER_CELL.match(text):
        return "number"
    url = _CELL_URL.search(text)
    if url:
        return "code" if is_code_url(url[1] or url[2]) else "link"
    return "text"


_MIN_PAPER_WORDS = 3


def _only_a_name(row: _ReadRow, fields: Fields) -> bool:
    """A row of a table of linked papers that links nothing and names no venue or date, only
    a method or two ('ATPrompt+PromptKD', 'Human'): a result, not a paper."""
    return (
        not row.links
        and not fields.venue
        and not fields.date
        and 0 < len(fields.title.split()) < _MIN_PAPER_WORDS
    )


def _is_paper_table(header: list[str], rows: list[Fields]) -> bool:
    """A table of papers: a row has a paper link, or its header says so."""
    if any(fields.paper is not None for fields in rows):
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
    for position in range(index, len(siblings)):  # by index: a slice (or islice) of the rest
        token = siblings[position]  # per link makes a line of 100,000 links quadratic
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
