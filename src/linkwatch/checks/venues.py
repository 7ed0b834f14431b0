"""
Checks on the 'Published in' column: its spelling (offline), and whether it still says where
the paper was published, against arXiv's record and Semantic Scholar (online).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from linkwatch.checks.base import Context, fix_in_cell
from linkwatch.checks.published import page_meta_of, published_titles, s2_record_of
from linkwatch.model import Entry, Problem
from linkwatch.papers.publications import Disagreement, Publication, Source, publication_of
from linkwatch.papers.titles import Likeness, compare
from linkwatch.papers.venues import Spelling, Track, VenueMention, parse_venue


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


def venue_outdated(context: Context) -> Iterator[Problem]:
    """A paper listed as a preprint that has been published since: 'arxiv 2022' for 'Language
    Models Can Teach Themselves to Program Better', an ICLR 2023 paper. Fix: the venue and its
    year, applied unasked only when both sources say so or one formal record does (a DBLP key,
    a journal reference), and they say whether it is in the Findings where a venue has them.
    A workshop paper may stay listed as its preprint."""
    for entry in context.survey.entries:
        found = _publication_problem(context, entry)
        if found is not None and found[0] == "outdated":
            yield found[1]


def venue_mismatch(context: Context) -> Iterator[Problem]:
    """A listed venue the sources contradict: 'ICLR 2023' for an ICLR 2024 paper, 'EMNLP 2023'
    for a paper in Findings of EMNLP 2023, another conference altogether. A listed workshop is
    never contradicted by a later main-conference paper, nor the main conference by Semantic
    Scholar alone, which files Findings and many workshops under it."""
    for entry in context.survey.entries:
        found = _publication_problem(context, entry)
        if found is not None and found[0] == "mismatch":
            yield found[1]


def venue_unverified(context: Context) -> Iterator[Problem]:
    """A row whose venue could not be checked: Semantic Scholar did not answer (down, or
    throttling after every retry), or the sources contradict each other. A notice, never a
    warning."""
    for entry in context.survey.entries:
        record = s2_record_of(context, entry)
        if record is None or not entry.venue:
            continue
        known = entry_publication(context, entry)
        if not record.answered:
            why = record.detail
        elif isinstance(known, Disagreement):
            why = f"the sources disagree ({known.evidence})"
        else:
            continue
        yield Problem(
            entry.file,
            entry.line,
            f"Venue not verified: {why}.",
            url=entry.paper_url,
            entry_title=entry.title or None,
            evidence=record.url if record.answered else None,
        )


def known_publication(context: Context, arxiv_id: str | None) -> Publication | Disagreement | None:
    """What the arXiv record and Semantic Scholar say of one paper's publication."""
    if not arxiv_id:
        return None
    return publication_of(context.records.arxiv.get(arxiv_id), context.records.s2.get(arxiv_id))


def entry_publication(context: Context, entry: Entry) -> Publication | Disagreement | None:
    """Where the sources say an entry's paper was published: arXiv's record and Semantic
    Scholar's for an arXiv paper; Semantic Scholar's (by DOI or ACL ID) and the paper's page
    for one linked without arXiv."""
    if entry.arxiv_id:
        return known_publication(context, entry.arxiv_id)
    return publication_of(None, s2_record_of(context, entry), page_meta_of(context, entry))


def lists_publication(entry: Entry, known: Publication) -> bool:
    """Whether a row's venue cell names the known publication (its venue, and its year and
    track where both are known)."""
    return any(
        _names_publication(mention) and _agrees(mention, known)
        for mention in parse_venue(entry.venue)
    )


def _publication_problem(context: Context, entry: Entry) -> tuple[str, Problem] | None:
    """The venue-outdated or venue-mismatch problem of a row (a row has one or the other)."""
    known = entry_publication(context, entry)
    if not isinstance(known, Publication) or _another_paper(context, entry):
        return None
    mentions = parse_venue(entry.venue)
    listed = [m for m in mentions if _names_publication(m)]
    if mentions and all(m.is_arxiv for m in mentions):
        found = ("outdated", _outdated(entry, known, mentions[0]))
    elif listed:
        found = ("mismatch", _mismatch(entry, known, listed))
    else:
        return None
    kind, problem = found
    if problem is None:
        return None
    return kind, replace(problem, evidence=_evidence(context, entry, known))


def _another_paper(context: Context, entry: Entry) -> bool:
    """A row whose title is neither arXiv's title nor its version 1's links the wrong paper
    (title-mismatch says so): that paper's venue says nothing of the row's."""
    titles = [
        record.title
        for key in (entry.arxiv_id or "", f"{entry.arxiv_id}v1")
        if (record := context.records.arxiv.get(key)) is not None and record.title
    ] + [source.title for source in published_titles(context, entry)]
    likeness = [compare(entry.title, title).likeness for title in titles]
    return bool(entry.title and likeness) and all(like == Likeness.FAR for like in likeness)


def _outdated(entry: Entry, known: Publication, listed: VenueMention) -> Problem | None:
    if known.track == Track.WORKSHOP:
        return None
    message = f"Listed as '{listed.text}', but it was published at {_said(known)}."
    return _venue_problem(entry, known, message, listed)


def _mismatch(entry: Entry, known: Publication, listed: list[VenueMention]) -> Problem | None:
    same = [mention for mention in listed if mention.venue == known.venue]
    if not same:
        if known.track == Track.WORKSHOP or all(m.track == Track.WORKSHOP for m in listed):
            return None
        other = next(m for m in listed if m.track != Track.WORKSHOP)
        message = f"Listed as '{other.text}', but it was published at {_said(known)}."
        return _venue_problem(entry, known, message, other)
    for mention in same:
        why = _contradiction(mention, known)
        if why is not None:
            return _venue_problem(entry, known, f"Listed as '{mention.text}', but {why}.", mention)
    return None


def _contradiction(mention: VenueMention, known: Publication) -> str | None:
    """Why a mention of the right venue is still wrong, or None."""
    if mention.track == Track.WORKSHOP and known.track != Track.WORKSHOP:
        return None  # the workshop version, listed before (or beside) the conference paper
    if known.track == Track.WORKSHOP and mention.track != Track.WORKSHOP:
        return f"it appeared at a {known.label}: a workshop is not the main conference"
    if known.track == Track.FINDINGS and mention.track != Track.FINDINGS:
        return f"it was published in {known.label}, not in the main conference"
    if known.track == Track.MAIN and mention.track == Track.FINDINGS:
        return f"it was published in the main conference, {known.label}, not in its Findings"
    if known.year and mention.year and mention.year != known.year:
        return f"it was published at {_said(known)}"
    return None


def _said(known: Publication) -> str:
    if known.track_unknown:
        return f"{known.label} (its main conference or its Findings: the sources do not say)"
    return known.label


def _names_publication(mention: VenueMention) -> bool:
    return (
        mention.venue is not None
        and mention.venue.is_publication
        and mention.track != Track.SUBMITTED
    )


def _agrees(mention: VenueMention, known: Publication) -> bool:
    return (
        mention.venue == known.venue
        and (known.year is None or mention.year in (None, known.year))
        and _contradiction(mention, known) is None
    )


def _venue_problem(
    entry: Entry, known: Publication, message: str, mention: VenueMention
) -> Problem:
    fix = None
    if known.year is not None and entry.year_cell is None:
        fix = fix_in_cell(
            entry.venue_cell, mention.text, known.label, mention.text_at, safe=known.certain
        )
    return Problem(
        entry.file,
        entry.line,
        f"{message} Sources: {known.evidence}.",
        url=entry.paper_url,
        entry_title=entry.title or None,
        expected=known.label,
        actual=mention.text,
        fix=fix,
    )


def _evidence(context: Context, entry: Entry, known: Publication) -> str:
    """Semantic Scholar's page when it is one of the sources, else the arXiv abstract (or
    the paper's own page, for a paper without arXiv)."""
    record = s2_record_of(context, entry)
    if record is not None and any(claim.source == Source.S2 for claim in known.claims):
        return record.url
    if not entry.arxiv_id:
        return entry.paper_url or ""
    return f"https://arxiv.org/abs/{entry.arxiv_id}"
