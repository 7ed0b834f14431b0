"""
Checks on the papers themselves: IDs arXiv does not know, withdrawn papers, pinned versions, and
years that the first version (or, offline, the arXiv ID) disproves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from linkwatch.checks.base import Context, about_link, fix_in_cell, replacing_url
from linkwatch.model import Entry, Link, Problem
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.targets import ArxivRef, arxiv_ref
from linkwatch.papers.dates import parse_date
from linkwatch.papers.publications import publication_years
from linkwatch.papers.venues import VenueMention, parse_venue

_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _FirstVersion:
    """When the paper first appeared: exactly, from the API, or the ID's year offline."""

    year: int
    posted: datetime | None = None


def arxiv_not_found(context: Context) -> Iterator[Problem]:
    """A link to an ID the arXiv API knows nothing of (`https://arxiv.org/abs/2403.99999`), or
    to a version past the latest (`2305.07759v9` when there are two)."""
    for link, ref, record in _arxiv_links(context):
        if record.status == ArxivStatus.NOT_FOUND:
            message = f"arXiv has no paper {ref.id}: the API knows no such ID."
        elif record.status == ArxivStatus.FOUND and (ref.version or 0) > record.version:
            message = (
                f"arXiv {ref.id} has no version {ref.version}: the latest is v{record.version}."
            )
        else:
            continue
        yield _link_problem(link, ref, message)


def arxiv_withdrawn(context: Context) -> Iterator[Problem]:
    """A paper its authors withdrew: arXiv keeps it, and says why in the comments
    ('This paper has been withdrawn by the author due to an error in Lemma 2')."""
    for link, ref, record in _arxiv_links(context):
        comment = record.comment or ""
        if record.status == ArxivStatus.FOUND and _WITHDRAWN.search(comment):
            reason = comment.strip().rstrip(".")
            yield _link_problem(link, ref, f"arXiv {ref.id} was withdrawn (its comment: {reason}).")


def arxiv_unverified(context: Context) -> Iterator[Problem]:
    """A paper link the arXiv API could not confirm or deny (it was down or throttling after
    every retry): not verified, and not wrong either."""
    for link, ref, record in _arxiv_links(context):
        if record.status == ArxivStatus.UNVERIFIED:
            yield _link_problem(link, ref, f"Not verified with arXiv: {record.detail}.")


def _arxiv_links(context: Context) -> Iterator[tuple[Link, ArxivRef, ArxivRecord]]:
    """Each link to a well-formed arXiv ID the API was asked about, once per line."""
    seen = set()
    for link in context.survey.links:
        ref = arxiv_ref(link.url)
        record = context.records.arxiv.get(ref.id) if ref else None
        if ref is None or record is None or (link.file, link.line, ref) in seen:
            continue
        seen.add((link.file, link.line, ref))
        yield link, ref, record


def _link_problem(link: Link, ref: ArxivRef, message: str) -> Problem:
    return about_link(link, message, evidence=ref.abs_url)


def versioned_arxiv_link(context: Context) -> Iterator[Problem]:
    """A link pinned to one version (`https://arxiv.org/abs/2405.14333v1`): readers miss the
    corrections of later versions. Fix: the same link without the version."""
    for link in context.survey.links:
        ref = arxiv_ref(link.url)
        if ref is None or ref.version is None:
            continue
        unversioned = re.sub(rf"(?<={re.escape(ref.id)})v{ref.version}", "", link.url, count=1)
        fix = replacing_url(link, unversioned)
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
    """A year the first arXiv version disproves: 'arxiv 2023' for 2212.10560 (first posted in
    December 2022), or a venue year before the paper first appeared on arXiv, unless the
    sources date the publication to that year (a December workshop, posted in January). Online
    the date comes from the API (`published`); offline from the ID, which dates the
    announcement."""
    for entry in context.survey.entries:
        ref = ArxivRef(entry.arxiv_id) if entry.arxiv_id else None
        if ref is None or ref.defect():
            continue
        first = _first_version(context, ref)
        published = publication_years(
            context.records.arxiv.get(ref.id), context.records.s2.get(ref.id)
        )
        for mention in parse_venue(entry.venue):
            if not mention.is_arxiv and mention.year in published:
                continue  # the sources date the publication so: it came before the preprint
            problem = _year_problem(entry, ref, first, mention)
            if problem:
                yield problem
        dated = (
            _date_problem(entry, ref, first) if entry.date and not _dates_a_post(entry) else None
        )
        if dated:
            yield dated


def _dates_a_post(entry: Entry) -> bool:
    """'*Blog, Feb 2023*': the date is the blog post's, which may come before the paper."""
    return any(
        mention.venue is not None and mention.venue.canonical in _POSTS
        for mention in parse_venue(entry.venue)
    )


_POSTS = frozenset({"Blog", "GitHub"})


def _date_problem(entry: Entry, ref: ArxivRef, first: _FirstVersion) -> Problem | None:
    """A date column ('2023-06', '2025-03-17') that says the paper was listed before its first
    arXiv version existed. A later date is no finding: lists record when they added a paper.
    Offline the ID's month is the announcement's, so the month before it is let pass. The fix
    (never applied unasked) writes the first version's month, or its day when the date has one
    and the API gave it: never a date before the paper existed."""
    written = parse_date(entry.date, short_year=True)  # the parser read it as a date
    if written is None:
        return None
    year, month, day = written.year, written.month, written.day
    if first.posted is not None:
        earliest = (first.posted.year, first.posted.month)
    else:
        earliest = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
    if (year, month) >= earliest and not _days_early(year, month, day, first.posted):
        return None
    posted = f"on {first.posted:%Y-%m-%d}" if first.posted else f"in {ref.year}-{ref.month:02d}"
    # a named month ('Oct, 2024') is not rewritten: the message says the date
    if first.posted is not None:
        posted_day = first.posted.day if day is not None else None
        expected = written.spelt(first.posted.year, first.posted.month, posted_day) or ""
    else:
        expected = (written.spelt(ref.year, ref.month) or "") if day is None else ""
    return Problem(
        entry.file,
        entry.line,
        f"Dated {entry.date.strip()}, before arXiv {ref.id} was first posted ({posted}).",
        url=entry.paper_url,
        entry_title=entry.title,
        expected=expected or None,
        actual=entry.date.strip(),
        evidence=ref.abs_url,
        fix=fix_in_cell(entry.date_cell, entry.date.strip(), expected, safe=False)
        if expected
        else None,
    )


def _first_version(context: Context, ref: ArxivRef) -> _FirstVersion:
    record = context.records.arxiv.get(ref.id)
    if record is not None and record.status == ArxivStatus.FOUND and record.published:
        return _FirstVersion(record.published.year, record.published)
    return _FirstVersion(ref.year)


def _year_problem(
    entry: Entry, ref: ArxivRef, first: _FirstVersion, mention: VenueMention
) -> Problem | None:
    if mention.year is None or not mention.year_written or _may_be_december(ref, first, mention):
        return None
    posted = f"on {first.posted:%Y-%m-%d}" if first.posted else f"in {first.year}"
    if mention.is_arxiv and mention.year != first.year:
        message = f"Listed as '{mention.text}', but arXiv {ref.id} was first posted {posted}."
    elif mention.venue is not None and mention.venue.is_publication and mention.year < first.year:
        message = (
            f"Listed as '{mention.text}', a year before arXiv {ref.id} was first posted ({posted})."
        )
    else:
        return None
    year, expected = str(mention.year), str(first.year)
    at = entry.venue.find(year, mention.written_at if mention.written_at >= 0 else 0)
    fix = (
        fix_in_cell(entry.year_cell, year, expected)
        or fix_in_cell(entry.venue_cell, year, expected, at)
        if mention.is_arxiv
        else None
    )
    return Problem(
        entry.file,
        entry.line,
        message,
        url=entry.paper_url,
        entry_title=entry.title,
        expected=expected,
        actual=year,
        evidence=ref.abs_url,
        fix=fix,
    )


def _days_early(year: int, month: int, day: int | None, posted: datetime | None) -> bool:
    """A full date more than a day (time zones) before the known posting day."""
    if day is None or posted is None:
        return False
    try:
        written = date(year, month, day)
    except ValueError:
        return False
    return written < posted.date() - timedelta(days=1)


def _may_be_december(ref: ArxivRef, first: _FirstVersion, mention: VenueMention) -> bool:
    """An ID is dated by its announcement, so a January ID may belong to a paper submitted in
    the last days of December: offline, the year before cannot be ruled out from the ID."""
    return first.posted is None and ref.month == 1 and mention.year == ref.year - 1
