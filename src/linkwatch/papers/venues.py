"""
The 'Published in' cell read as venue + year + track, against a canonical venue table.

'NIPS 2022', 'Findings of ACL 2024', 'ICLR 2022 (Workshop)', '41 ICML' and 'Proceedings of the
26th Australasian Computing Education Conference' all become a known venue, a year and a track,
and each mention says how it was spelt, so a check can suggest the canonical spelling.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import OSA


class Track(StrEnum):
    MAIN = "main"
    WORKSHOP = "workshop"
    FINDINGS = "findings"
    JOURNAL = "journal"
    PREPRINT = "preprint"
    OTHER = "other"
    SUBMITTED = "submitted"
    """'Submitted to ICLR 2026', 'under review at NeurIPS': a venue named, not a publication."""


class Spelling(StrEnum):
    """How the venue name was written, from fine to wrong."""

    CANONICAL = "canonical"
    ACCEPTED = "accepted"
    FULL_NAME = "full-name"
    ALIAS = "alias"
    WRONG_CASE = "wrong-case"
    MISSPELLED = "misspelled"
    GUESSED = "guessed"
    """A near miss found by edit distance: probably this venue, not certainly."""

    @property
    def is_canonical(self) -> bool:
        return self in (Spelling.CANONICAL, Spelling.ACCEPTED, Spelling.FULL_NAME)


@dataclass(frozen=True, slots=True)
class Venue:
    canonical: str
    type: str
    names: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    edition_offset: int | None = None
    dblp: tuple[str, ...] = ()
    """DBLP key prefixes of its proceedings or journal ('conf/iclr'), as Semantic Scholar
    gives them in externalIds."""
    has_findings: bool = False
    """Whether it publishes Findings besides the main conference (ACL, EMNLP, NAACL, ...)."""

    @property
    def is_publication(self) -> bool:
        """Conferences and journals; not arXiv, not 'GitHub repo' or 'blog'."""
        return self.type in ("conference", "journal")


@dataclass(frozen=True, slots=True)
class VenueMention:
    """One venue in a cell ('NeurIPS Workshop 2023 / ACL 2024' holds two)."""

    text: str
    """This part of the cell as written."""
    venue: Venue | None
    year: int | None
    track: Track
    spelling: Spelling | None = None
    written: str = ""
    """The venue name as written (a substring of the cell)."""
    written_at: int = 0
    """Offset of `written` in the whole cell text."""
    edition: int | None = None
    year_written: bool = True
    """False when the year was worked out from an edition number ('41 ICML')."""
    text_at: int = 0
    """Offset of `text` in the whole cell text."""

    @property
    def is_arxiv(self) -> bool:
        return self.venue is not None and self.venue.type == "preprint"


_SPLIT = re.compile(r"\s*;\s*|\s+/\s+|(?<=\d)\s*/\s*(?=[A-Za-z])|\s+\|\s+")
_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20\d\d)(?!\d|\.\d)")  # 'TIP 2024.', not '2024.01'
_SHORT_YEAR = re.compile(
    r"(?<=[A-Za-z])(?:\s*['\u2019]\s?|-)?(\d{2})\b"
    r"|(?<=[A-Z]{2}) (\d{2})\.?$"  # 'CVPR 24.', 'IJCV 22': after an acronym, ending the text
)
# An edition is an ordinal ('40th', '3rd') or a bare number right before a name ('41 ICML'); a
# bare number after a name is a volume ('Advances in Neural Information Processing Systems 37'
# is NeurIPS 2024, the 38th), and pages and volumes say nothing of the year.
_EDITION = re.compile(
    r"(?<![\d.])(\d{1,3})(?:st|nd|rd|th)(?![\d.])|(?<![\w.])(\d{1,3})\s+(?=[A-Za-z])"
)
_WORD = re.compile(r"(?:\d(?=[A-Z]))?[A-Za-z][\w.&'/+-]*[A-Za-z+]|[A-Za-z]")  # and '3DV'
# 'ACL Fingings 2022' is still Findings
_FINDINGS_MISSPELT = ("fingings", "findngs", "findigs", "fidings")
_STOP = frozenset(
    [
        "proceedings",
        "proc",
        "of",
        "the",
        "in",
        "on",
        "at",
        "and",
        "for",
        "conference",
        "conf",
        "annual",
        "international",
        "intl",
        "workshop",
        "workshops",
        "findings",
        *_FINDINGS_MISSPELT,
        "finding",
        "main",
        "track",
        "oral",
        "spotlight",
        "poster",
        "long",
        "short",
        "paper",
        "papers",
        "demo",
        "demos",
        "volume",
        "vol",
        "accepted",
        "to",
        "by",
        "submitted",
        "under",
        "review",
        "journal",
        "symposium",
        "meeting",
        "part",
        "edition",
        "special",
        "issue",
        "session",
        "datasets",
        "benchmarks",
        "w",
    ]
)
_TRACKS = (
    (
        Track.SUBMITTED,
        re.compile(r"\b(?:submitted|under review|in submission|under submission)\b", re.I),
    ),
    (Track.WORKSHOP, re.compile(r"\bworkshops?\b|\(\s*w\s*\)|\bwksp\b|\w ?@ ?[A-Za-z]", re.I)),
    (Track.FINDINGS, re.compile(rf"\b(?:findings?|{'|'.join(_FINDINGS_MISSPELT)})\b", re.I)),
)
# 'Findings of the Association for Computational Linguistics: EMNLP 2023' is EMNLP's Findings,
# not ACL: the association's name is blanked when another venue follows it.
_FINDINGS_OF = re.compile(
    r"findings\s+of\s+(?:the\s+)?(?:association\s+for\s+computational\s+linguistics|acl)\b",
    re.I,
)
# 'EMNLP-Findings', 'ACL-Workshop': the track word glued to the name.
_GLUED_TRACK = re.compile(r"-(?=(?:findings|workshops?)\b)|(?<=findings)-|(?<=workshop)-", re.I)
_MAX_CONTENT_WORDS = 4


@lru_cache(maxsize=16384)
def parse_venue(cell: str) -> tuple[VenueMention, ...]:
    """Every venue mention in a 'Published in' cell; empty for '', '-' and the like.
    Cached: a survey repeats the same few dozen venue strings thousands of times."""
    return tuple(
        _mention(part, offset)
        for part, offset in _parts(cell)
        if part.strip(" -\u2013\u2014()") and part.strip().lower() not in ("n/a", "tbd")
    )


def _parts(text: str) -> list[tuple[str, int]]:
    pieces, start = [], 0
    for split in _SPLIT.finditer(text):
        pieces.append((text[start : split.start()], start))
        start = split.end()
    pieces.append((text[start:], start))
    return pieces


def _mention(part: str, offset: int) -> VenueMention:
    year, rest = _take_year(part)
    edition = _take_edition(rest)
    found = _find_name(_GLUED_TRACK.sub(" ", rest), part)
    venue, spelling, written, at = found if found else (None, None, "", 0)
    year_written = year is not None
    if year is None and edition is not None and venue and venue.edition_offset:
        year = edition + venue.edition_offset
    return VenueMention(
        part.strip(),
        venue,
        year,
        _track(part, venue, written),
        spelling,
        written,
        offset + at,
        edition,
        year_written,
        offset + len(part) - len(part.lstrip()),
    )


def _take_year(part: str) -> tuple[int | None, str]:
    """The year, and the text with the year blanked out (offsets kept)."""
    years = list(_YEAR.finditer(part))
    if years:
        last = years[-1]
        return int(last.group(1)), _blank(part, last.start(), last.end())
    short = _SHORT_YEAR.search(part)
    if short:
        group = 1 if short.group(1) else 2
        return 2000 + int(short.group(group)), _blank(part, short.start(group), short.end(group))
    return None, part


def _take_edition(rest: str) -> int | None:
    match = _EDITION.search(rest)
    return int(match.group(1) or match.group(2)) if match else None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _track(part: str, venue: Venue | None, written: str = "") -> Track:
    if venue is not None and _workshop_of(written) is venue:
        return Track.WORKSHOP
    for track, pattern in _TRACKS:
        if pattern.search(part):
            return track
    if venue is None:
        return Track.OTHER
    return {"journal": Track.JOURNAL, "preprint": Track.PREPRINT, "other": Track.OTHER}.get(
        venue.type, Track.MAIN
    )


def _find_name(rest: str, part: str) -> tuple[Venue, Spelling, str, int] | None:
    """The venue named in `rest`: a full name anywhere, else a short name among its words,
    else (in a long text) a short name written with its year ('... ECCV 2024: 18th ...')."""
    table = _table()
    findings_of = _FINDINGS_OF.search(part)
    if findings_of and _WORD.search(part, findings_of.end()):
        blank = " " * (findings_of.end() - findings_of.start())
        part = part[: findings_of.start()] + blank + part[findings_of.end() :]
        rest = rest[: findings_of.start()] + blank + rest[findings_of.end() :]
    full = table.full_name_pattern.search(part)
    if full:
        return (
            table.full_names[full.group().lower()],
            Spelling.FULL_NAME,
            full.group(),
            (full.start()),
        )
    words = [m for m in _WORD.finditer(rest) if m.group().lower() not in _STOP]
    if len(words) > _MAX_CONTENT_WORDS:
        return _name_with_year(part)  # single words of a long name we do not know mislead
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            start, end = words[i].start(), words[i + size - 1].end()
            found = _lookup(rest[start:end], size)
            if found:
                return found[0], found[1], rest[start:end], start
    return None


def _name_with_year(part: str) -> tuple[Venue, Spelling, str, int] | None:
    """A short name followed by a year, exactly as the venue writes it, in a longer text."""
    match = _table().name_with_year.search(part)
    if match is None:
        return None
    venue, spelling = _table().exact[match.group(1)]
    return venue, spelling, match.group(1), match.start(1)


def _lookup(written: str, size: int) -> tuple[Venue, Spelling] | None:
    table = _table()
    key = " ".join(written.split())
    if key in table.exact:
        return table.exact[key]
    if key.lower() in table.folded:
        venue, spelling = table.folded[key.lower()]
        return venue, Spelling.MISSPELLED if spelling == Spelling.MISSPELLED else (
            Spelling.WRONG_CASE
        )
    if size == 1 and (workshop := _workshop_of(key)) is not None:
        return workshop, Spelling.ACCEPTED
    if size == 1 and len(key) >= 5:
        return _near_miss(key)
    return None


def _workshop_of(written: str) -> Venue | None:
    """The conference a 'W' suffix makes a workshop of ('CVPRW', 'ICCVW', 'NeurIPSW')."""
    if len(written) < 4 or not written.endswith("W"):
        return None
    found = _table().exact.get(written[:-1])
    if found is None or found[1] != Spelling.CANONICAL or found[0].type != "conference":
        return None
    return found[0]


@lru_cache(maxsize=8192)
def _near_miss(word: str) -> tuple[Venue, Spelling] | None:
    """A unique venue name one edit (or one swap) away from `word` (remembered: a long list
    writes the same few words thousands of times)."""
    folded = word.lower()
    candidates = {
        venue.canonical: venue
        for name, venue in _table().short_names
        if len(name) >= 5
        and abs(len(name) - len(folded)) <= 1  # one edit changes the length by one at most
        and OSA.distance(folded, name.lower()) == 1
    }
    if len(candidates) == 1:
        return next(iter(candidates.values())), Spelling.GUESSED
    return None


@dataclass(frozen=True, slots=True)
class _Table:
    venues: tuple[Venue, ...]
    exact: dict[str, tuple[Venue, Spelling]]
    folded: dict[str, tuple[Venue, Spelling]]
    full_names: dict[str, Venue]
    """Lower-cased full name to venue."""
    full_name_pattern: re.Pattern[str]
    """Any full name, longest first so the most specific one wins."""
    short_names: tuple[tuple[str, Venue], ...]
    name_with_year: re.Pattern[str]
    """A publication venue's short name (as written by the venue) right before a year."""


@cache
def _table() -> _Table:
    data = tomllib.loads(resources.files("linkwatch.data").joinpath("venues.toml").read_text())
    venues = tuple(_venue(raw) for raw in data["venue"])
    exact: dict[str, tuple[Venue, Spelling]] = {}
    for venue in venues:
        for spelling, names in (
            (Spelling.MISSPELLED, venue.misspellings),
            (Spelling.ALIAS, venue.aliases),
            (Spelling.ACCEPTED, venue.accept),
            (Spelling.CANONICAL, (venue.canonical,)),
        ):
            exact.update({name: (venue, spelling) for name in names})
    folded = {name.lower(): value for name, value in exact.items()}
    full = {name.lower(): venue for venue in venues for name in venue.names}
    alternatives = "|".join(re.escape(name) for name in sorted(full, key=len, reverse=True))
    # Not \b: a name may end in a period ('Trans. Mach. Learn. Res.').
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    short = tuple((n, v) for v in venues for n in (v.canonical, *v.aliases, *v.accept))
    return _Table(venues, exact, folded, full, pattern, short, _name_with_year_pattern(venues))


def _name_with_year_pattern(venues: tuple[Venue, ...]) -> re.Pattern[str]:
    names = {
        name
        for venue in venues
        if venue.is_publication
        for name in (venue.canonical, *venue.accept)
        if len(name) >= 3
    }
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    year = r"(?:\s*['\u2019]?\s?\d{2}(?!\d)|\s+(?:19|20)\d\d(?!\d))"
    return re.compile(rf"(?<![\w-])({alternatives})(?={year})")


def _venue(raw: dict[str, object]) -> Venue:
    def names(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        return tuple(value) if isinstance(value, list) else ()

    offset = raw.get("edition_offset")
    return Venue(
        str(raw["canonical"]),
        str(raw["type"]),
        names("names"),
        names("accept"),
        names("aliases"),
        names("misspellings"),
        offset if isinstance(offset, int) else None,
        names("dblp"),
        raw.get("findings") is True,
    )


def known_venues() -> tuple[Venue, ...]:
    return _table().venues
