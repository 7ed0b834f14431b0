"""
What the HTML page shows, worked out in Python so the template only lays it out: findings in
groups by section (and the empty groups by kind the page's script can move them into), word
differences, safe links, and the link table in the order a maintainer reads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from linkwatch.model import Finding, LinkStatus, Severity
from linkwatch.model.report import LinkRow, Report
from linkwatch.reporters.diff import Segments, word_diff
from linkwatch.reporters.view import (
    by_kind,
    by_section,
    line_url,
    section_title,
    split_new,
    web_url,
)

PAGE = 200
"""Rows a list shows at once; the page's script shows more on request (see report.js)."""
NEW_GROUP = "@new"
"""The id of the 'new since the last run' group; '@' cannot start a kind or a section id."""
NEW_TITLE = "New since the last run"

# Problems first, in the order a maintainer fixes them.
_STATUS_ORDER = (
    LinkStatus.BROKEN,
    LinkStatus.ERROR,
    LinkStatus.TIMEOUT,
    LinkStatus.RATE_LIMITED,
    LinkStatus.REDIRECT,
    LinkStatus.OK,
    LinkStatus.SKIPPED,
)


@dataclass(frozen=True, slots=True)
class Row:
    """One finding as the page shows it."""

    finding: Finding
    index: int
    section: str
    """The id of its section group ('s3')."""
    where: str
    line_url: str | None
    evidence: str | None
    expected: Segments | None
    actual: Segments | None
    fix_old: Segments
    fix_new: Segments
    related: list[tuple[int, str | None]]

    @property
    def order(self) -> int:
        """Sorts worst first: error 0, warning 1, info 2."""
        return Severity.ERROR.rank - self.finding.severity.rank


@dataclass(frozen=True, slots=True)
class HtmlGroup:
    id: str
    title: str
    counts: dict[Severity, int]
    rows: list[Row]
    """Empty for the groups by kind: the script fills them when asked to group by kind."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class LinkView:
    row: LinkRow
    order: int
    where: str
    href: str | None
    final_href: str | None
    line_url: str | None


@dataclass(frozen=True, slots=True)
class Page:
    report: Report
    sections: list[HtmlGroup]
    """The new group first (with a baseline), then one group per section, in survey order."""
    kinds: list[HtmlGroup]
    severities: list[tuple[Severity, int]]
    kind_counts: list[tuple[str, int]]
    new_count: int
    fixed: list[Row]
    links: list[LinkView]
    statuses: list[tuple[str, int]]
    roles: list[str]
    links_left_out: int = 0
    """Links that are fine (ok, skipped) left out of a very large page: they are in the JSON."""


def page(report: Report) -> Page:
    new, rest = split_new(report.findings)
    return Page(
        report=report,
        sections=_section_groups(report, new, rest),
        kinds=_kind_groups(new, rest),
        severities=[(s, report.count(s)) for s in Severity],
        kind_counts=sorted(Counter(f.kind for f in report.findings).items()),
        new_count=len(new),
        fixed=[_row(report, f, i, {}) for i, f in enumerate(report.fixed)],
        links=(links := _links(report)),
        statuses=_statuses(report.links),
        roles=sorted({row.link.role.value for row in report.links}),
        links_left_out=len(report.links) - len(links),
    )


def _section_groups(report: Report, new: list[Finding], rest: list[Finding]) -> list[HtmlGroup]:
    """The new findings, then those of each section, each with its row."""
    files = [i.file for i in report.inputs]
    # Ids from every section, so a new finding knows its section group too.
    ids = {g.title: f"s{i}" for i, g in enumerate(by_section(report.findings, files))}
    rows = {id(f): _row(report, f, i, ids) for i, f in enumerate(report.findings)}
    groups = [_html_group(ids[g.title], g.title, g.findings, rows) for g in by_section(rest, files)]
    if new:
        groups.insert(0, _html_group(NEW_GROUP, NEW_TITLE, new, rows))
    return groups


def _kind_groups(new: list[Finding], rest: list[Finding]) -> list[HtmlGroup]:
    """The groups by kind, without rows: the page's script moves the rows into them."""
    kinds = [HtmlGroup(g.title, g.title, _counts(g.findings), []) for g in by_kind(rest)]
    if new:
        kinds.insert(0, HtmlGroup(NEW_GROUP, NEW_TITLE, _counts(new), []))
    return kinds


def _html_group(
    group_id: str, title: str, findings: Iterable[Finding], rows: dict[int, Row]
) -> HtmlGroup:
    members = list(findings)
    return HtmlGroup(group_id, title, _counts(members), [rows[id(f)] for f in members])


def _counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts[s] for s in Severity}


def _row(report: Report, finding: Finding, index: int, section_ids: dict[str, str]) -> Row:
    p, source = finding.problem, report.source_url
    expected = actual = None
    if p.expected is not None and p.actual is not None:
        expected, actual = word_diff(p.expected, p.actual)
    fix_old, fix_new = word_diff(p.fix.old, p.fix.new) if p.fix else ((), ())
    title = section_title(finding, [i.file for i in report.inputs])
    return Row(
        finding=finding,
        index=index,
        section=section_ids.get(title, ""),
        where=f"{p.file}:{p.line}",
        line_url=line_url(source, p.file, p.line),
        evidence=web_url(p.evidence),
        expected=expected,
        actual=actual,
        fix_old=fix_old,
        fix_new=fix_new,
        related=[(n, line_url(source, p.file, n)) for n in p.related_lines],
    )


def _links(report: Report) -> list[LinkView]:
    order = {status: index for index, status in enumerate(_STATUS_ORDER)}
    views = [
        LinkView(
            row=row,
            order=order[row.outcome.status],
            where=f"{row.link.file}:{row.link.line}",
            href=web_url(row.link.url),
            final_href=web_url(row.outcome.final_url),
            line_url=line_url(report.source_url, row.link.file, row.link.line),
        )
        for row in report.links
    ]
    views.sort(key=lambda v: (v.order, v.row.link.file, v.row.link.line))
    # Every link that needs a look stays; fine ones only up to a page a browser opens at once
    # (a 16 MB list has 150,000 links; the JSON report keeps them all).
    fine = {order[LinkStatus.OK], order[LinkStatus.SKIPPED]}
    kept = [v for v in views if v.order not in fine]
    room = max(0, MAX_LINK_ROWS - len(kept))
    kept += [v for v in views if v.order in fine][:room]
    kept.sort(key=lambda v: (v.order, v.row.link.file, v.row.link.line))
    return kept


MAX_LINK_ROWS = 5000


def _statuses(links: Iterable[LinkRow]) -> list[tuple[str, int]]:
    counts = Counter(row.outcome.status for row in links)
    return [(status.value, counts[status]) for status in _STATUS_ORDER if counts[status]]
