"""
Checks of listed titles against arXiv's, or for a paper linked without arXiv against the
published record's (Semantic Scholar's answer for its DOI or ACL ID, its page's citation_title):
letter case, typos, and titles that are another's (a wrong link) or the paper's own old title.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from linkwatch.checks.base import Context, fix_in_cell
from linkwatch.checks.published import TitleSource, published_title
from linkwatch.model import Entry, Fix, Problem
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.papers.titles import Comparison, Likeness, compare, display, has_math


@dataclass(frozen=True, slots=True)
class _Compared:
    entry: Entry
    source: TitleSource
    comparison: Comparison
    old: ArxivRecord | None
    """Version 1, when the listed title is its title (and not the current one)."""
    arxiv_id: str | None = None
    """The arXiv ID compared with; None for the published record of a paper without one."""


def title_case(context: Context) -> Iterator[Problem]:
    """A title that differs from arXiv's only in letter case ('Tinystories: How small can
    language models be...'): many lists use sentence case on purpose, so this is a notice, and
    its fix (arXiv's title) is offered, not applied unasked."""
    for seen in _compared(context, Likeness.CASE):
        name = seen.source.name
        yield _problem(
            seen,
            f"Title differs from {name}'s only in letter case; {name}: '{_shown(seen)}'.",
            _fix(seen, safe=False),
        )


def title_typo(context: Context) -> Iterator[Problem]:
    """A title a few letters away from arXiv's ('MetaMeth: Bootstap your own mathematical
    questions...' for MetaMath: Bootstrap Your Own...). Fix: arXiv's title."""
    for seen in _compared(context, Likeness.TYPO):
        if seen.old is None:
            name = seen.source.name
            words = "; ".join(_difference(old, new, name) for old, new in seen.comparison.words)
            case = " (letter case differs too)" if seen.comparison.case_too else ""
            message = f"Title typo: {words}{case}; {name}: '{_shown(seen)}'."
            yield _problem(seen, message, _fix(seen))


def title_mismatch(context: Context) -> Iterator[Problem]:
    """A title far from arXiv's: a wrong link, or the paper's old title ('Magicoder: Source
    Code Is All You Need', renamed 'Magicoder: Empowering Code Generation with OSS-Instruct').
    Fix, for an old title only: the current one."""
    for seen in _compared(context, Likeness.TYPO, Likeness.FAR):
        if seen.old is not None:
            message = (
                f"'{seen.entry.title}' is the paper's old title (arXiv v1); its current title "
                f"is '{_shown(seen)}'."
            )
            evidence = f"https://arxiv.org/abs/{seen.old.requested}"
            yield _problem(seen, message, _fix(seen), evidence)
        elif seen.comparison.likeness == Likeness.FAR:
            against = f"arXiv {seen.arxiv_id}" if seen.arxiv_id else f"{seen.source.name}'s title"
            message = (
                f"Title does not match {against}, which is "
                f"'{_shown(seen)}': a wrong link, or another paper's title."
            )
            yield _problem(seen, message, None)


def _compared(context: Context, *wanted: Likeness) -> Iterator[_Compared]:
    """Each titled entry linking a paper arXiv knows, compared with arXiv's current title;
    each linking a paper without arXiv, with the published record's title."""
    records = context.records.arxiv
    for entry in context.survey.entries:
        if not entry.title:
            continue
        record = records.get(entry.arxiv_id or "")
        if record is not None and record.status == ArxivStatus.FOUND:
            comparison = compare(entry.title, record.title)
            if comparison.likeness in wanted:
                old = _old_title(entry, records.get(f"{record.requested}v1"))
                source = TitleSource(
                    "arXiv", record.title, f"https://arxiv.org/abs/{record.requested}"
                )
                yield _Compared(entry, source, comparison, old, record.requested)
        elif not entry.arxiv_id and (published := published_title(context, entry)) is not None:
            comparison = compare(entry.title, published.title)
            if comparison.likeness in wanted:
                yield _Compared(entry, published, comparison, None)


def _old_title(entry: Entry, first: ArxivRecord | None) -> ArxivRecord | None:
    if first is None or first.status != ArxivStatus.FOUND:
        return None
    same = compare(entry.title, first.title).likeness in (Likeness.SAME, Likeness.CASE)
    return first if same else None


def _difference(old: str, new: str, name: str) -> str:
    if not old:
        return f"'{new}' is missing"
    if not new:
        return f"'{old}' is not in {name}'s title"
    return f"'{old}' where {name} has '{new}'"


def _shown(seen: _Compared) -> str:
    return display(seen.source.title)


def _fix(seen: _Compared, safe: bool = True) -> Fix | None:
    """The source's title in place of the listed one, inside the link text. A title with
    LaTeX math has no faithful plain form: that fix is offered, not applied unasked."""
    new = _shown(seen).replace("|", "\\|")
    safe = safe and not has_math(seen.source.title)
    return fix_in_cell(seen.entry.title_cell, seen.entry.title, new, safe=safe)


def _problem(
    seen: _Compared, message: str, fix: Fix | None, evidence: str | None = None
) -> Problem:
    entry = seen.entry
    return Problem(
        entry.file,
        entry.line,
        message,
        url=entry.paper_url,
        entry_title=entry.title,
        expected=_shown(seen),
        actual=entry.title,
        evidence=evidence or seen.source.evidence,
        fix=fix,
    )
