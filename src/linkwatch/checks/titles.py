"""
Checks of listed titles against arXiv's: letter case, typos, and titles that are another's (a
wrong link) or the paper's own old title.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linkwatch.checks.base import Context, fix_in_cell
from linkwatch.model import Entry, Fix, Problem
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.papers.titles import Comparison, Likeness, compare, display, has_math


@dataclass(frozen=True, slots=True)
class _Compared:
    entry: Entry
    record: ArxivRecord
    comparison: Comparison
    old: ArxivRecord | None
    """Version 1, when the listed title is its title (and not the current one)."""


def title_case(context: Context) -> Iterator[Problem]:
    """A title that differs from arXiv's only in letter case ('Tinystories: How small can
    language models be...'): many lists use sentence case on purpose, so this is a notice, and
    its fix (arXiv's title) is offered, not applied unasked."""
    for seen in _compared(context, Likeness.CASE):
        yield _problem(
            seen,
            f"Title differs from arXiv's only in letter case; arXiv: '{_shown(seen.record)}'.",
            _fix(seen.entry, seen.record, safe=False),
        )


def title_typo(context: Context) -> Iterator[Problem]:
    """A title a few letters away from arXiv's ('MetaMeth: Bootstap your own mathematical
    questions...' for MetaMath: Bootstrap Your Own...). Fix: arXiv's title."""
    for seen in _compared(context, Likeness.TYPO):
        if seen.old is None:
            words = "; ".join(_difference(old, new) for old, new in seen.comparison.words)
            case = " (letter case differs too)" if seen.comparison.case_too else ""
            message = f"Title typo: {words}{case}; arXiv: '{_shown(seen.record)}'."
            yield _problem(seen, message, _fix(seen.entry, seen.record))


def title_mismatch(context: Context) -> Iterator[Problem]:
    """A title far from arXiv's: a wrong link, or the paper's old title ('Magicoder: Source
    Code Is All You Need', renamed 'Magicoder: Empowering Code Generation with OSS-Instruct').
    Fix, for an old title only: the current one."""
    for seen in _compared(context, Likeness.TYPO, Likeness.FAR):
        if seen.old is not None:
            message = (
                f"'{seen.entry.title}' is the paper's old title (arXiv v1); its current title "
                f"is '{_shown(seen.record)}'."
            )
            yield _problem(seen, message, _fix(seen.entry, seen.record), seen.old)
        elif seen.comparison.likeness == Likeness.FAR:
            message = (
                f"Title does not match arXiv {seen.record.requested}, which is "
                f"'{_shown(seen.record)}': a wrong link, or another paper's title."
            )
            yield _problem(seen, message, None)


def _compared(context: Context, *wanted: Likeness) -> Iterator[_Compared]:
    """Each titled entry linking a paper arXiv knows, compared with arXiv's current title."""
    records = context.records.arxiv
    for entry in context.survey.entries:
        record = records.get(entry.arxiv_id or "")
        if not entry.title or record is None or record.status != ArxivStatus.FOUND:
            continue
        comparison = compare(entry.title, record.title)
        if comparison.likeness in wanted:
            old = _old_title(entry, records.get(f"{record.requested}v1"))
            yield _Compared(entry, record, comparison, old)


def _old_title(entry: Entry, first: ArxivRecord | None) -> ArxivRecord | None:
    if first is None or first.status != ArxivStatus.FOUND:
        return None
    same = compare(entry.title, first.title).likeness in (Likeness.SAME, Likeness.CASE)
    return first if same else None


def _difference(old: str, new: str) -> str:
    if not old:
        return f"'{new}' is missing"
    if not new:
        return f"'{old}' is not in arXiv's title"
    return f"'{old}' where arXiv has '{new}'"


def _shown(record: ArxivRecord) -> str:
    return display(record.title)


def _fix(entry: Entry, record: ArxivRecord, safe: bool = True) -> Fix | None:
    """arXiv's title in place of the listed one, inside the link text. A title with LaTeX math
    has no faithful plain form: that fix is offered, not applied unasked."""
    new = _shown(record).replace("|", "\\|")
    safe = safe and not has_math(record.title)
    return fix_in_cell(entry.title_cell, entry.title, new, safe=safe)


def _problem(
    seen: _Compared, message: str, fix: Fix | None, evidence: ArxivRecord | None = None
) -> Problem:
    entry = seen.entry
    source = evidence or seen.record
    return Problem(
        entry.file,
        entry.line,
        message,
        url=entry.paper_url,
        entry_title=entry.title,
        expected=_shown(seen.record),
        actual=entry.title,
        evidence=f"https://arxiv.org/abs/{source.requested}",
        fix=fix,
    )
