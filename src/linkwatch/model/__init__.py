"""
The shared nouns of the pipeline: what parsing finds, what checks report.

Every stage passes frozen values to the next, so a check can never change what
another check sees.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; ordered so that `--fail-on` can compare levels."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse: info 0, warning 1, error 2."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Role(StrEnum):
    """What a link is for in the survey: the paper, its code, navigation, or anything else."""

    PAPER = "paper"
    CODE = "code"
    TOC = "toc"
    OTHER = "other"


class Syntax(StrEnum):
    """How the link is written in the Markdown source."""

    INLINE = "inline"
    REFERENCE = "reference"
    AUTOLINK = "autolink"
    BARE = "bare"
    HTML = "html"
    IMAGE = "image"


TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
"""Statuses worth asking again, the server busy or a gateway hiccuping: retried by the client,
never cached, the only statuses transport/failures.is_transient names."""


class FailureKind(StrEnum):
    """Why a request got no HTTP answer."""

    DNS = "dns"
    RATE_LIMITED = "rate-limited"
    """Not sent: the host asked to wait longer than linkwatch waits (its budget is spent)."""
    DNS_TEMPORARY = "dns-temporary"
    """The resolver could not answer now (EAI_AGAIN): not 'the name does not exist'."""
    REFUSED = "refused"
    RESET = "reset"
    TLS = "tls"
    CONNECT_TIMEOUT = "connect-timeout"
    TIMEOUT = "timeout"
    INVALID_URL = "invalid-url"
    OTHER = "other"


class LinkStatus(StrEnum):
    """The verdict on one link; every link gets one, 'skipped' included, never None."""

    OK = "ok"
    BROKEN = "broken"
    REDIRECT = "redirect"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate-limited"
    SKIPPED = "skipped"
    ERROR = "error"
    """Not verified: the network or the service was in the way, so nothing is known."""


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What probing a link found; `detail` says it in plain words."""

    status: LinkStatus
    detail: str = ""
    http_status: int | None = None
    final_url: str | None = None
    elapsed_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """Where a piece of text sits in the file: 1-based line, 0-based column offsets."""

    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Link:
    """One link as written in a survey file."""

    url: str
    """The destination exactly as written (no percent-encoding), so a fix can replace it."""
    file: str
    line: int
    role: Role
    syntax: Syntax
    text: str = ""
    """The link's visible text, when it has one."""
    span: Span | None = None
    """Where `url` is written, when it could be located exactly."""


class Layout(StrEnum):
    """How the list presents its papers; entries carry it for the reports, checks never ask."""

    TABLE = "table"
    LIST = "list"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a field was read: a table cell, or a segment of a list item, with its source text
    and where that text sits, so a fix lands exactly."""

    source: str
    """The field's Markdown source, stripped of surrounding spaces."""
    text: str
    """The rendered plain text."""
    span: Span
    urls: tuple[str, ...] = ()
    """The destinations of the links in the cell, in order."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One paper as the list presents it: a table row, a list item with its sub-items, or an
    HTML table row."""

    file: str
    line: int
    section: tuple[str, ...]
    """Heading path above the entry, outermost first."""
    title: str
    """The rendered title text (the paper link's words, else the title text), stripped."""
    paper_url: str | None
    venue: str
    """The venue as plain text ('Published in' cell, '[ICLR 2023]', a badge); may be empty."""
    code_urls: tuple[str, ...]
    arxiv_id: str | None
    """The unversioned arXiv ID of the paper link, when it is an arXiv link."""
    arxiv_version: int | None = None
    title_cell: Cell | None = None
    venue_cell: Cell | None = None
    code_cells: tuple[Cell, ...] = ()
    block: int = 0
    """Index of the table or list in the file, so checks can tell 'same table' apart."""
    year_cell: Cell | None = None
    """A separate 'Year' column, when the table has one (its text is also in `venue`)."""
    layout: Layout = Layout.TABLE
    end_line: int = 0
    """The entry's last line (a list item's sub-items); 0 for one line."""
    date: str = ""
    """A date as written ('2023-06', '2025-03-17'): when the list dates the paper, not a venue."""
    date_cell: Cell | None = None
    other_urls: tuple[str, ...] = ()
    """Every other link of the entry: more paper URLs, demos, models, blogs."""
    name: str = ""
    """What the row's title column calls it when the title is the paper link's words (a
    results table's 'Model' column: 'PtGen', 'Seq2Seq'); rows of one paper under two names are
    two results, not a duplicate."""

    @property
    def section_path(self) -> str:
        """The section as shown in reports: 'Applications > Data preparation'."""
        return " > ".join(self.section)


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading, with the anchor GitHub gives it."""

    file: str
    line: int
    level: int
    text: str
    slug: str


@dataclass(frozen=True, slots=True)
class TableDefect:
    """A table row that does not fit its table, or a table GitHub will not render."""

    file: str
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A survey file as read: its text, its lines and its digest."""

    path: str
    text: str
    sha256: str
    lines: tuple[str, ...]
    """The lines without their line endings, so line N is `lines[N - 1]`."""


@dataclass(frozen=True, slots=True)
class Survey:
    """Everything parsing found in the input files."""

    files: tuple[SourceFile, ...]
    entries: tuple[Entry, ...]
    links: tuple[Link, ...]
    headings: tuple[Heading, ...]
    table_defects: tuple[TableDefect, ...] = ()
    html_anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per file, the ids and names that raw HTML defines (`<a name="top">`)."""

    def anchors(self, file: str) -> frozenset[str]:
        """Every '#fragment' a link in `file` may target: heading slugs and HTML anchors."""
        slugs = {heading.slug for heading in self.headings if heading.file == file}
        return frozenset(slugs) | self.html_anchors.get(file, frozenset())


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement of `old` by `new` at an exact place on one line."""

    line: int
    old: str
    new: str
    column: int | None = None
    """0-based offset of `old` in the line, when known; otherwise the first occurrence."""
    safe: bool = True
    """Unsafe fixes are shown but only applied on request (the right text is a guess)."""

    def to_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "old": self.old,
            "new": self.new,
            "safe": self.safe,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports; the registry turns it into a Finding with kind and severity."""

    file: str
    line: int
    message: str
    url: str | None = None
    entry_title: str | None = None
    expected: str | None = None
    actual: str | None = None
    evidence: str | None = None
    fix: Fix | None = None
    related_lines: tuple[int, ...] = ()
    """Other lines the problem involves (the other rows of a duplicate, say)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem with its kind and severity: the unit of every report."""

    kind: str
    severity: Severity
    problem: Problem
    id: str = field(default="")
    baseline: str | None = None
    """'new' or 'persisting' when a baseline report was given."""
    section: str = ""
    """The heading path above the finding's line ('Applications > Data preparation'); empty
    above the first heading."""

    @property
    def file(self) -> str:
        return self.problem.file

    @property
    def line(self) -> int:
        return self.problem.line

    def identity(self) -> str:
        """What makes two findings 'the same problem' across runs: the kind, the file and
        what the finding is about (the arXiv paper, else the link with its scheme, 'www.'
        and a trailing slash aside, else the entry's title), never the text a fix rewrites
        (the venue cell, the title's spelling) nor the line, which moves when rows do."""
        p = self.problem
        parts = (self.kind, p.file, _subject(p.url) or _folded(p.entry_title or p.actual or ""))
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _subject(url: str | None) -> str:
    """A link as what it names: 'arxiv:2305.07759' for any arXiv form of it, else the URL
    without its scheme, 'www.' or trailing slash (an insecure-link fix keeps the subject)."""
    if not url:
        return ""
    from linkwatch.model.targets import arxiv_ref  # the model's own URL knowledge, below it

    ref = arxiv_ref(url)
    if ref is not None:
        return f"arxiv:{ref.id}"
    bare = url.split("://", 1)[-1]
    return bare.removeprefix("www.").rstrip("/")


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
