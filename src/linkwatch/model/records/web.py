"""
What probing a plain web link found, as facts: the last answer (or why none came), the
redirects on the way, and whether its https:// form answers too. What that makes the link
(ok, broken, moved, not verified) is the judge's to say, in checks/statuses.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linkwatch.model import TRANSIENT_STATUSES, FailureKind

# Statuses that say nothing of the page: transient ones (a 503, a 429), which another run may
# not get, and a host that will not answer a robot (401, 403, 407, LinkedIn's 999). Their
# verdict stands for this run only; they are never cached.
UNSETTLED_STATUSES = TRANSIENT_STATUSES | {401, 403, 407, 999}


@dataclass(frozen=True, slots=True)
class Hop:
    url: str
    status: int


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a paper's page says of it in its head (Google Scholar's citation_* tags)."""

    title: str = ""
    date: str = ""
    """citation_publication_date, citation_date or citation_online_date: '2023/12/10',
    '2024/8', '2020'."""
    venue: str = ""
    """citation_conference_title, else citation_journal_title."""
    doi: str = ""
    arxiv_id: str = ""

    @property
    def year(self) -> int | None:
        digits = self.date[:4]
        return int(digits) if len(digits) == 4 and digits.isdigit() else None

    def to_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "date": self.date,
            "venue": self.venue,
            "doi": self.doi,
            "arxiv_id": self.arxiv_id,
        }


@dataclass(frozen=True, slots=True)
class WebRecord:
    """What probing one URL found."""

    http_status: int | None = None
    """The status of the last answer; None when no answer came (see `detail`)."""
    final_url: str | None = None
    """The URL that gave the last answer, or the one that failed."""
    elapsed_ms: int | None = None
    detail: str | None = None
    """Why the probe ended without an answer, in plain words ('redirect loop back to ...',
    'the name x.org does not resolve (DNS)')."""
    failure: FailureKind | None = None
    """The kind of request failure that ended the probe, if one did."""
    hops: tuple[Hop, ...] = ()
    """The redirects followed, in order: each URL and the status that sent us on."""
    moved_to: str | None = None
    """Where the permanent redirects at the start of the chain lead: the link's fix."""
    downgraded: bool = False
    """Somewhere in the chain https:// became http://."""
    https_ok: bool | None = None
    """For an http:// link: whether its https:// form answers the same."""
    probed_url: str | None = None
    """The URL actually requested, when --remap changed it."""
    excluded: bool = False
    """Not probed: --exclude names it."""
    network_down: bool = False
    """Not checked because no host at all could be reached."""
    meta: PageMeta | None = None
    """For a paper's page read with GET: what its head says of the paper (None: not read,
    or no citation_title)."""

    @property
    def answered(self) -> bool:
        return self.http_status is not None

    @property
    def final(self) -> bool:
        """Only answers another run could not change are cached: the page's own status, not
        a transient one (a 5xx on every try is broken now, and asked again next run) or a
        host that refuses robots."""
        status = self.http_status
        if status is None:
            return False
        return 200 <= status < 300 or (status >= 400 and status not in UNSETTLED_STATUSES)

    def to_json(self) -> dict[str, Any]:
        return {
            "http_status": self.http_status,
            "final_url": self.final_url,
            "elapsed_ms": self.elapsed_ms,
            "detail": self.detail,
            "hops": [[h.url, h.status] for h in self.hops],
            "moved_to": self.moved_to,
            "downgraded": self.downgraded,
            "https_ok": self.https_ok,
            "meta": self.meta.to_json() if self.meta else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WebRecord:
        return cls(
            http_status=data["http_status"],
            final_url=data["final_url"],
            elapsed_ms=data["elapsed_ms"],
            detail=data.get("detail"),
            hops=tuple(Hop(url, status) for url, status in data["hops"]),
            moved_to=data["moved_to"],
            downgraded=data["downgraded"],
            https_ok=data["https_ok"],
            meta=PageMeta(**meta) if isinstance(meta := data.get("meta"), dict) else None,
        )
