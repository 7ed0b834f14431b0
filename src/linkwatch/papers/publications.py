"""
Where a paper was published, as its sources tell it: the arXiv record's journal reference and
comment, and Semantic Scholar's venue, each read as a claim, then weighed together.

Judgement (documented in the README): a source that only names a venue without a year gives no
year; Semantic Scholar's `year` is the year it dates the paper by, usually its arXiv year, so
the venue's year comes from the DBLP key it quotes ('conf/iclr/...25'), a year in the journal
name, or arXiv's own record. Semantic Scholar files Findings and many workshop papers under the
main conference, so it says nothing of the track unless its venue name does. A workshop is an
earlier stage, not a rival claim: when another source names a main venue, that one stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.model.records.web import PageMeta
from linkwatch.papers.venues import Spelling, Track, Venue, VenueMention, known_venues, parse_venue

_URL = re.compile(r"https?://\S+|www\.\S+")
_PARTS = re.compile(r"[;\n]")
_STOP = re.compile(r"\.\s+")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_NOT_YET = re.compile(
    r"\b(?:submitted|submission|under review|in review|rejected|withdrawn|preprint)\b", re.I
)
_ACCEPTED = re.compile(
    r"\b(?:accepted|to appear|appears?|appearing|published|presented|camera[- ]?ready|"
    r"proceedings|oral|spotlight|poster|findings|main conference|workshop)\b",
    re.I,
)
_CUE = re.compile(
    r"^.*?\b(?:accepted|to appear|appears?|appearing|published|presented)\b"
    r"(?:\s+(?:as|at|to|in|by|for|on|the|a|an|conference|journal|paper|long|short|main|oral|"
    r"spotlight|poster|full))*\s*",
    re.I,
)
_MAIN = re.compile(r"\bmain\b", re.I)
_CORR = "journals/corr/"
_DBLP_YEAR = re.compile(r"(\d{2})[a-z]?$")
_ANTHOLOGY = re.compile(
    r"(?P<year>(?:19|20)\d\d)\.(?P<event>[a-z]+)-(?P<volume>[a-z0-9]+)\.\d+", re.I
)
_OLD_ANTHOLOGY = re.compile(r"(?P<letter>[A-Z])(?P<yy>\d{2})-\d{4}")
_OLD_LETTERS = {"P": "acl", "D": "emnlp", "N": "naacl", "E": "eacl", "C": "coling", "Q": "tacl"}
_MAIN_VOLUMES = frozenset({"main", "long", "short", "demo", "demos", "industry", "tutorials"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


class Source(StrEnum):
    JOURNAL_REF = "arXiv's journal reference"
    COMMENT = "arXiv's comment"
    S2 = "Semantic Scholar"
    PAGE = "the paper's page"


@dataclass(frozen=True, slots=True)
class Claim:
    """Where one source says the paper was published."""

    source: Source
    venue: Venue
    year: int | None
    track: Track | None
    """None: the source does not say whether the main conference, its Findings or a
    workshop (Semantic Scholar files them all under the conference)."""
    said: str
    """The source's own words, shown as evidence ('Accepted at ICLR 2024')."""
    formal: bool = False
    """A record of publication that carries its year (a journal reference, a DBLP key)."""


@dataclass(frozen=True, slots=True)
class Publication:
    """Where the sources agree the paper was published."""

    venue: Venue
    year: int | None
    track: Track | None
    claims: tuple[Claim, ...]

    @property
    def track_unknown(self) -> bool:
        """The venue has Findings, and no source says whether the paper is in them."""
        return self.track is None and self.venue.has_findings

    @property
    def certain(self) -> bool:
        """Safe to write into the survey unasked: a year, the track where it matters, and
        either both sources (arXiv and Semantic Scholar) or one formal record saying so."""
        families = {claim.source == Source.S2 for claim in self.claims}
        formal = any(claim.formal for claim in self.claims)
        agreed = len(families) == 2 or formal
        return self.year is not None and not self.track_unknown and agreed

    @property
    def label(self) -> str:
        """As a survey writes it: 'ICLR 2024', 'Findings of EMNLP 2023', 'NeurIPS Workshop 2023'."""
        year = f" {self.year}" if self.year else ""
        match self.track:
            case Track.FINDINGS:
                return f"Findings of {self.venue.canonical}{year}"
            case Track.WORKSHOP:
                return f"{self.venue.canonical} Workshop{year}"
        return f"{self.venue.canonical}{year}"

    @property
    def evidence(self) -> str:
        return "; ".join(f"{claim.source}: '{claim.said}'" for claim in self.claims)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Sources that contradict each other: nothing is asserted."""

    claims: tuple[Claim, ...]

    @property
    def evidence(self) -> str:
        return "; ".join(f"{claim.source}: '{claim.said}'" for claim in self.claims)


def publication_of(
    arxiv: ArxivRecord | None, s2: S2Record | None, page: PageMeta | None = None
) -> Publication | Disagreement | None:
    """What the sources say together (arXiv's record, Semantic Scholar's, the paper's own
    page); None when all are silent."""
    claims = [
        claim
        for claim in (
            journal_ref_claim(arxiv),
            comment_claim(arxiv),
            s2_claim(s2),
            page_claim(page),
        )
        if claim is not None
    ]
    if not claims:
        return None
    primary = tuple(c for c in claims if c.track != Track.WORKSHOP) or tuple(claims)
    venues = {claim.venue.canonical for claim in primary}
    years = {claim.year for claim in primary if claim.year}
    tracks = {claim.track for claim in primary if claim.track}
    if len(venues) > 1 or len(years) > 1 or len(tracks) > 1:
        return Disagreement(primary)
    track = next(iter(tracks), None)
    return Publication(primary[0].venue, next(iter(years), None), track, primary)


def publication_years(arxiv: ArxivRecord | None, s2: S2Record | None) -> frozenset[int]:
    """Every year a source dates a publication of the paper to, even at a venue outside the
    table ('2023.gem-1.16' is a workshop of 2023)."""
    claims = (journal_ref_claim(arxiv), comment_claim(arxiv), s2_claim(s2))
    years = {claim.year for claim in claims if claim is not None and claim.year}
    if s2 is not None and s2.status == S2Status.FOUND:
        years.add(anthology(s2.acl)[1] or 0)
        if s2.dblp and not s2.dblp.startswith(_CORR):
            digits = _DBLP_YEAR.search(s2.dblp)
            years.add(_century(int(digits.group(1))) if digits else 0)
    return frozenset(years - {0})


def journal_ref_claim(record: ArxivRecord | None) -> Claim | None:
    """'Proceedings of the 40th International Conference on Machine Learning, PMLR 202, 2023'."""
    if record is None or record.status != ArxivStatus.FOUND or not record.journal_ref:
        return None
    mention = _publication(parse_venue(record.journal_ref))
    if mention is None or mention.venue is None:
        return None
    track = mention.track if mention.track != Track.JOURNAL else None
    return Claim(Source.JOURNAL_REF, mention.venue, mention.year, track, record.journal_ref, True)


def comment_claim(record: ArxivRecord | None) -> Claim | None:
    """'Accepted at ICLR 2024', 'NeurIPS 2023 camera-ready', 'Findings of EMNLP 2023'; never
    'Submitted to', 'under review' or 'Preprint'."""
    if record is None or record.status != ArxivStatus.FOUND or not record.comment:
        return None
    for clause in _clauses(_URL.sub(" ", record.comment)):
        claim = _clause_claim(clause.strip(" ,:()"))
        if claim is not None:
            return claim
    return None


def _clauses(text: str) -> list[str]:
    """Split at ';', line ends and full stops, but not after an abbreviation ('Proc. of',
    'Trans. Mach. Learn. Res.'): a sentence ends after a number or a word of five letters."""
    clauses = []
    for part in _PARTS.split(text):
        start = 0
        for stop in _STOP.finditer(part):
            word = _LAST_WORD.search(part, start, stop.start() + 1)
            if word and (word.group(1).isdigit() or len(word.group(1)) >= 5):
                clauses.append(part[start : stop.start()])
                start = stop.end()
        clauses.append(part[start:])
    return clauses


def _clause_claim(clause: str) -> Claim | None:
    if not clause or _NOT_YET.search(clause):
        return None
    cued = _ACCEPTED.search(clause) is not None
    mention = _publication(parse_venue(_CUE.sub("", clause, count=1)))
    if mention is None or mention.venue is None or not (cued or mention.year):
        return None
    track = _explicit(mention.track, clause)
    return Claim(Source.COMMENT, mention.venue, mention.year, track, clause)


def _explicit(track: Track, text: str) -> Track | None:
    """Findings and workshops are named, and so is the main conference sometimes ('EMNLP
    2024 main conference'); 'Accepted at EMNLP 2023' does not rule Findings out."""
    if track in (Track.FINDINGS, Track.WORKSHOP):
        return track
    return Track.MAIN if track == Track.MAIN and _MAIN.search(text) else None


def _publication(mentions: tuple[VenueMention, ...]) -> VenueMention | None:
    """The first mention of a known conference or journal, not a guessed spelling."""
    return next(
        (
            mention
            for mention in mentions
            if mention.venue is not None
            and mention.venue.is_publication
            and mention.spelling != Spelling.GUESSED
            and mention.track != Track.SUBMITTED
        ),
        None,
    )


def s2_claim(record: S2Record | None) -> Claim | None:
    """Semantic Scholar's venue, with the year of the DBLP key or ACL Anthology ID it quotes;
    silent for arXiv-only papers ('arXiv.org', '') and when its names disagree."""
    if record is None or record.status != S2Status.FOUND:
        return None
    named = _s2_venue(record)
    dblp_venue, dblp_year = dblp_venue_year(record.dblp)
    acl_venue, acl_year, acl_track = anthology(record.acl)
    venues = {venue for venue in (named, dblp_venue, acl_venue) if venue is not None}
    if len(venues) != 1:
        return None
    venue = venues.pop()
    year = dblp_year if dblp_venue == venue else None
    year = year or (acl_year if acl_venue == venue else None) or _journal_year(record, venue)
    track = acl_track if acl_venue == venue and acl_track else _s2_track(record)
    return Claim(Source.S2, venue, year, track, _s2_said(record), year is not None)


def page_claim(meta: PageMeta | None) -> Claim | None:
    """What a publisher's or proceedings page says: its citation_conference_title (or
    journal title) and date. A formal record when it carries the year, as a journal
    reference does ('Advances in Neural Information Processing Systems 35', '2022/12/06')."""
    if meta is None or not meta.venue:
        return None
    mentions = parse_venue(meta.venue)
    mention = _publication(mentions)
    if mention is None or mention.venue is None:
        return None
    year = meta.year or mention.year
    track = mention.track if mention.track in (Track.FINDINGS, Track.WORKSHOP) else None
    return Claim(Source.PAGE, mention.venue, year, track, meta.venue, year is not None)


def _s2_said(record: S2Record) -> str:
    said = record.publication_venue or record.venue or record.journal
    ids = [f"DBLP {record.dblp}" if record.dblp else "", f"ACL {record.acl}" if record.acl else ""]
    extra = ", ".join(part for part in ids if part)
    return f"{said} ({extra})" if said and extra else said or extra


def _s2_venue(record: S2Record) -> Venue | None:
    for name in (record.publication_venue, record.venue, record.journal):
        venue = venue_named(name)
        if venue is not None:
            return venue
    return None


def _s2_track(record: S2Record) -> Track | None:
    names = " ".join((record.venue, record.publication_venue, record.journal)).lower()
    if "findings" in names:
        return Track.FINDINGS
    if "workshop" in names:
        return Track.WORKSHOP
    return None


def _journal_year(record: S2Record, venue: Venue) -> int | None:
    """'2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)'."""
    year = _YEAR.search(record.journal)
    return int(year.group()) if year and venue_named(record.journal) == venue else None


def venue_named(name: str) -> Venue | None:
    """The conference or journal a catalogue name denotes ('Neural Information Processing
    Systems'); None for arXiv, blogs and names not in the table."""
    if not name.strip():
        return None
    mention = _publication(parse_venue(name))
    return mention.venue if mention else None


def anthology(acl_id: str) -> tuple[Venue | None, int | None, Track | None]:
    """What an ACL Anthology ID says: '2023.findings-emnlp.725' is Findings of EMNLP 2023,
    '2023.acl-long.754' the main ACL 2023, '2023.gem-1.16' a workshop (GEM) of 2023;
    'N19-1423' (the IDs before 2020: a letter per venue) the main NAACL 2019."""
    new = _ANTHOLOGY.fullmatch(acl_id)
    if new:
        event, volume = new["event"].lower(), new["volume"].lower()
        if event == "findings":
            return _event_venue(volume), int(new["year"]), Track.FINDINGS
        venue = _event_venue(event)
        journal = venue is not None and venue.type == "journal" and volume.isdigit()
        track = None if journal else Track.MAIN if volume in _MAIN_VOLUMES else Track.WORKSHOP
        return venue, int(new["year"]), track
    old = _OLD_ANTHOLOGY.fullmatch(acl_id)
    if old and old["letter"] in _OLD_LETTERS:
        century = 2000 if int(old["yy"]) < 50 else 1900
        venue = _event_venue(_OLD_LETTERS[old["letter"]])
        track = Track.MAIN if venue is not None and venue.type != "journal" else None
        return venue, century + int(old["yy"]), track  # no Findings before 2020; W is workshops
    return None, None, None


def _event_venue(event: str) -> Venue | None:
    return next((v for v in known_venues() if v.canonical.lower() == event), None)


def dblp_venue_year(key: str) -> tuple[Venue | None, int | None]:
    """'conf/iclr/Ji00C0Z0C0LZY0J25' is ICLR 2025: DBLP keys end with the year's two digits.
    arXiv's CoRR keys ('journals/corr/abs-2305-07759') name no publication."""
    prefix, _, name = key.rpartition("/")
    venue = next((v for v in known_venues() if prefix in v.dblp), None)
    if venue is None or not venue.is_publication:
        return None, None
    digits = _DBLP_YEAR.search(name)
    return venue, _century(int(digits.group(1))) if digits else None


def _century(yy: int) -> int:
    return (2000 if yy <= datetime.now(UTC).year % 100 + 1 else 1900) + yy
