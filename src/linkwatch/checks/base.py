"""
The check contract: a check is a function from the context to problems, registered with its
kind and default severity; helpers here build the exact-place fixes checks attach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from linkwatch.checks.statuses import link_status
from linkwatch.model import Cell, Fix, Link, LinkOutcome, Problem, Severity, Survey
from linkwatch.model.kinds import KINDS
from linkwatch.model.records import Records


@dataclass(frozen=True, slots=True)
class Context:
    """What every check may look at: the parsed survey, whatever the resolvers found, and
    the judge's verdict on each link (the same one the report's links table shows)."""

    survey: Survey
    records: Records = field(default_factory=Records)
    _verdicts: dict[tuple[str, str], LinkOutcome] = field(
        default_factory=dict, repr=False, compare=False
    )

    def status(self, link: Link) -> LinkOutcome:
        """The verdict on `link`, judged once per file and URL."""
        key = (link.file, link.url)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = link_status(link, self.survey, self.records)
        return verdict


CheckFn = Callable[[Context], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class Check:
    kind: str
    run: CheckFn
    needs: str | None = None
    """The record family the check reads ('links', 'arxiv', ...); None when it needs no
    network and runs offline."""

    @property
    def severity(self) -> Severity:
        return KINDS[self.kind]


def fix_in_cell(
    cell: Cell | None, old: str, new: str, offset: int | None = None, safe: bool = True
) -> Fix | None:
    """A fix replacing `old` inside a table cell. `offset` is where `old` sits in the cell's
    plain text; it is exact only when the cell has no markup, else `old` is searched for."""
    if cell is None or not old:
        return None
    start = cell.span.start
    if offset is not None and cell.source == cell.text and cell.source[offset:].startswith(old):
        return Fix(cell.span.line, old, new, start + offset, safe)
    found = cell.source.find(old)
    return Fix(cell.span.line, old, new, start + found, safe) if found >= 0 else None


def about_link(link: Link, message: str, **details: Any) -> Problem:
    """A problem on a link's line that names the link as it is written."""
    return Problem(
        link.file,
        link.line,
        message,
        url=link.url,
        entry_title=link.text or None,
        actual=link.url,
        **details,
    )


def replacing_url(link: Link, new: str, safe: bool = True) -> Fix | None:
    """A fix putting `new` where the link's URL is written; None when its place is unknown."""
    if link.span is None:
        return None
    return Fix(link.line, link.url, new, link.span.start, safe)
