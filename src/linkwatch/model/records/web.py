"""
What probing a plain web link found: its verdict, the redirects on the way, and whether its
https:// form answers too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linkwatch.model import FailureKind, LinkOutcome, LinkStatus


@dataclass(frozen=True, slots=True)
class Hop:
    url: str
    status: int


@dataclass(frozen=True, slots=True)
class WebRecord:
    """What probing one URL found."""

    outcome: LinkOutcome
    hops: tuple[Hop, ...] = ()
    """The redirects followed, in order: each URL and the status that sent us on."""
    moved_to: str | None = None
    """Where the permanent redirects at the start of the chain lead: the link's fix."""
    downgraded: bool = False
    """Somewhere in the chain https:// became http://."""
    https_ok: bool | None = None
    """For an http:// link: whether its https:// form answers the same."""
    failure: FailureKind | None = None
    probed_url: str | None = None
    """The URL actually requested, when --remap changed it."""
    network_down: bool = False
    """Not checked because no host at all could be reached."""

    @property
    def answered(self) -> bool:
        return self.outcome.http_status is not None

    @property
    def final(self) -> bool:
        """Only answers a retry could not change are cached: ok, broken, a redirect."""
        return self.answered and self.outcome.status in (
            LinkStatus.OK,
            LinkStatus.BROKEN,
            LinkStatus.REDIRECT,
        )

    def to_json(self) -> dict[str, Any]:
        o = self.outcome
        return {
            "status": o.status.value,
            "detail": o.detail,
            "http_status": o.http_status,
            "final_url": o.final_url,
            "elapsed_ms": o.elapsed_ms,
            "hops": [[h.url, h.status] for h in self.hops],
            "moved_to": self.moved_to,
            "downgraded": self.downgraded,
            "https_ok": self.https_ok,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> WebRecord:
        outcome = LinkOutcome(
            LinkStatus(data["status"]),
            data["detail"],
            data["http_status"],
            data["final_url"],
            data["elapsed_ms"],
        )
        hops = tuple(Hop(url, status) for url, status in data["hops"])
        return cls(outcome, hops, data["moved_to"], data["downgraded"], data["https_ok"])
