"""
Checks on the papers themselves: pinned arXiv versions and years that the arXiv ID disproves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linkwatch.checks.base import Context, fix_in_cell
from linkwatch.identify import ArxivRef, arxiv_ref
from linkwatch.model import Entry, Fix, Problem
from linkwatch.venues import VenueMention, parse_venue


def versioned_arxiv_link(context: Context) -> Iterator[Problem]:
    """A link pinned to one version (`https://arxiv.org/abs/2405.14333v1`): readers miss the
    corrections of later versions. Fix: the same link without the version."""
    for link in context.survey.links:
        ref = arxiv_ref(link.url)
        if ref is None or ref.version is None:
            continue
        unversioned = re.sub(rf"(?<={re.escape(ref.id)})v{ref.version}", "", link.url, count=1)
        fix = Fix(link.line, link.url, unversioned, link.span.start) if link.span else None
        yield Problem(
            link.file,
            link.line,
            f"Link pinned to version {ref.version} of arXiv {ref.id}; link the paper, "
            "not one version.",
            url=link.url,
            entry_title=link.text or None,
            expected=unversioned,
            actual=link.url,
            evidence=ref.abs_url,
            fix=fix,
        )


def year_mismatch(context: Context) -> Iterator[Problem]:
    """A year the arXiv ID disproves: 'arxiv 2023' for 2212.10560 (the ID says December 2022),
    or a venue year before the paper first appeared on arXiv."""
    for entry in context.survey.entries:
        ref = ArxivRef(entry.arxiv_id) if entry.arxiv_id else None
        if ref is None or ref.defect():
            continue
        for mention in parse_venue(entry.venue):
            problem = _year_problem(entry, ref, mention)
            if problem:
                yield problem


def _year_problem(entry: Entry, ref: ArxivRef, mention: VenueMention) -> Problem | None:
    if mention.year is None or not mention.year_written or _may_be_december(ref, mention.year):
        return None
    if mention.is_arxiv and mention.year != ref.year:
        message = f"Listed as '{mention.text}', but arXiv {ref.id} was first posted in {ref.year}."
    elif mention.venue is not None and mention.venue.is_publication and mention.year < ref.year:
        message = (
            f"Listed as '{mention.text}', a year before arXiv {ref.id} was first posted "
            f"({ref.year})."
        )
    else:
        return None
    year = str(mention.year)
    at = entry.venue.find(year, mention.written_at if mention.written_at >= 0 else 0)
    fix = (
        fix_in_cell(entry.year_cell, year, str(ref.year))
        or fix_in_cell(entry.venue_cell, year, str(ref.year), at)
        if mention.is_arxiv
        else None
    )
    return Problem(
        entry.file,
        entry.line,
        message,
        url=entry.paper_url,
        entry_title=entry.title,
        expected=str(ref.year),
        actual=year,
        evidence=ref.abs_url,
        fix=fix,
    )


def _may_be_december(ref: ArxivRef, year: int) -> bool:
    """An ID is dated by its announcement, so a January ID may belong to a paper submitted in
    the last days of December: the year before cannot be ruled out from the ID alone."""
    return ref.month == 1 and year == ref.year - 1
