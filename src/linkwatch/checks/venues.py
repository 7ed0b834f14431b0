"""
Checks on the 'Published in' column that need no network: the spelling of the venue.
"""

from __future__ import annotations

from collections.abc import Iterator

from linkwatch.checks.base import Context, fix_in_cell
from linkwatch.model import Entry, Problem
from linkwatch.venues import Spelling, VenueMention, parse_venue


def venue_format(context: Context) -> Iterator[Problem]:
    """A venue spelt non-canonically: 'NIPS 2022' (NeurIPS since 2018), 'Arxiv 2023', 'arxuv
    2023', '41 ICML' (the 41st ICML is ICML 2024). Fix: the canonical spelling."""
    for entry in context.survey.entries:
        for mention in parse_venue(entry.venue):
            problem = _spelling_problem(entry, mention)
            if problem:
                yield problem


def _spelling_problem(entry: Entry, mention: VenueMention) -> Problem | None:
    venue, spelling = mention.venue, mention.spelling
    if venue is None or spelling is None:
        return None
    if not mention.year_written and mention.year is not None and spelling != Spelling.FULL_NAME:
        return _edition_problem(entry, mention)
    if spelling.is_canonical:
        return None
    why = {
        Spelling.ALIAS: "is not the canonical name",
        Spelling.WRONG_CASE: "is not capitalised as the venue writes it",
        Spelling.MISSPELLED: "is a misspelling",
        Spelling.GUESSED: "looks like a misspelling",
    }[spelling]
    fix = fix_in_cell(
        entry.venue_cell,
        mention.written,
        venue.canonical,
        mention.written_at,
        safe=spelling != Spelling.GUESSED,
    )
    return Problem(
        entry.file,
        entry.line,
        f"'{mention.written}' {why}: write '{venue.canonical}'.",
        url=entry.paper_url,
        entry_title=entry.title or None,
        expected=venue.canonical,
        actual=mention.written,
        fix=fix,
    )


def _edition_problem(entry: Entry, mention: VenueMention) -> Problem:
    assert mention.venue is not None and mention.edition is not None
    canonical = f"{mention.venue.canonical} {mention.year}"
    written = mention.text
    return Problem(
        entry.file,
        entry.line,
        f"'{written}' names the edition, not the year: the "
        f"{_ordinal(mention.edition)} {mention.venue.canonical} is '{canonical}'.",
        url=entry.paper_url,
        entry_title=entry.title or None,
        expected=canonical,
        actual=written,
        fix=fix_in_cell(entry.venue_cell, written, canonical),
    )


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
