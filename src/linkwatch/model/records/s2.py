"""
What the Semantic Scholar Graph API said of one arXiv paper, read defensively from its JSON.

The shape (APIS.md §4.1; recorded live answers quoted in tests/servers/semanticscholar.py):
`venue` is a string ('' when unknown, 'arXiv.org' for a preprint), `publicationVenue` an object
`{id, name, type, alternate_names, url}` or null, `year` the year S2 dates the paper by (for a
paper first posted on arXiv, usually the arXiv year, not the conference's), `journal`
`{name, volume, pages}` or null, `externalIds` `{ArXiv, DBLP, DOI, ACL, CorpusId, ...}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class S2Status(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not-found"
    """Semantic Scholar answered and does not index this arXiv ID (null in its batch)."""
    UNVERIFIED = "unverified"
    """No usable answer: unreachable, throttling after every retry, or refusing."""


@dataclass(frozen=True, slots=True)
class S2Record:
    """One requested arXiv ID and the venue facts Semantic Scholar gave for it."""

    requested: str
    status: S2Status
    paper_id: str = ""
    title: str = ""
    venue: str = ""
    publication_venue: str = ""
    """`publicationVenue.name`: S2's catalogue name ('International Conference on Learning
    Representations')."""
    venue_type: str = ""
    """`publicationVenue.type`: 'conference', 'journal', or '' (arXiv has none)."""
    alternate_names: tuple[str, ...] = ()
    year: int | None = None
    publication_date: str | None = None
    journal: str = ""
    journal_volume: str = ""
    dblp: str = ""
    """`externalIds.DBLP` ('conf/iclr/Ji00C0Z0C0LZY0J25'): DBLP's key names the proceedings and
    ends with the two digits of the publication year."""
    doi: str = ""
    acl: str = ""
    """`externalIds.ACL`, the ACL Anthology ID ('2023.findings-emnlp.725', 'N19-1423'): it
    names the event, the year and the volume (main, Findings, a workshop)."""
    detail: str = ""
    """Why the paper is unverified, in plain words."""

    @property
    def answered(self) -> bool:
        return self.status != S2Status.UNVERIFIED

    @property
    def final(self) -> bool:
        """Cached only when final: a service that answered (the one finality rule's input)."""
        return self.answered

    @property
    def url(self) -> str:
        """The paper's page on Semantic Scholar, the evidence a finding points to."""
        if self.paper_id:
            return f"https://www.semanticscholar.org/paper/{self.paper_id}"
        if ":" in self.requested:  # 'DOI:10.1145/...', 'ACL:2020.emnlp-main.743'
            return f"https://api.semanticscholar.org/graph/v1/paper/{self.requested}"
        return f"https://www.semanticscholar.org/arxiv/{self.requested}"

    @classmethod
    def from_paper(cls, requested: str, paper: Mapping[str, Any]) -> S2Record:
        """A found paper from one element of the batch answer (fields may be null)."""
        venue = _object(paper.get("publicationVenue"))
        journal = _object(paper.get("journal"))
        ids = _object(paper.get("externalIds"))
        year = paper.get("year")
        return cls(
            requested,
            S2Status.FOUND,
            paper_id=_text(paper.get("paperId")),
            title=" ".join(_text(paper.get("title")).split()),
            venue=_text(paper.get("venue")),
            publication_venue=_text(venue.get("name")),
            venue_type=_text(venue.get("type")),
            alternate_names=tuple(_text(n) for n in venue.get("alternate_names") or () if n),
            year=year if isinstance(year, int) else None,
            publication_date=_text(paper.get("publicationDate")) or None,
            journal=_text(journal.get("name")),
            journal_volume=_text(journal.get("volume")),
            dblp=_text(ids.get("DBLP")),
            doi=_text(ids.get("DOI")),
            acl=_text(ids.get("ACL")),
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["status"] = self.status.value
        data["alternate_names"] = list(self.alternate_names)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> S2Record:
        values = dict(data)
        values["status"] = S2Status(values["status"])
        values["alternate_names"] = tuple(values.get("alternate_names") or ())
        return cls(**values)


def _object(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
