"""
What the arXiv API said of one requested ID: found (with its title, dates, comment and journal
reference), not found, or unverified.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class ArxivStatus(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not-found"
    """The API answered, and had no entry for this ID."""
    UNVERIFIED = "unverified"
    """No usable answer (the API was down, throttling, or refused the request)."""


@dataclass(frozen=True, slots=True)
class ArxivRecord:
    """What the arXiv API said of one requested ID ('2305.07759', or '2312.02120v1')."""

    requested: str
    status: ArxivStatus
    version: int = 0
    """The version the API returned: the latest one for an unversioned ID."""
    title: str = ""
    """As the API gives it (LaTeX and all), whitespace runs made one space."""
    published: datetime | None = None
    """When version 1 was submitted (UTC)."""
    updated: datetime | None = None
    """When the returned version was submitted (UTC)."""
    comment: str | None = None
    journal_ref: str | None = None
    doi: str | None = None
    primary_category: str = ""
    detail: str = ""
    """Why the ID is unverified, in plain words."""

    @property
    def answered(self) -> bool:
        return self.status != ArxivStatus.UNVERIFIED

    @property
    def final(self) -> bool:
        """Cached only when final: a service that answered (the one finality rule's input)."""
        return self.answered

    def to_json(self) -> dict[str, Any]:
        return {
            "requested": self.requested,
            "status": self.status.value,
            "version": self.version,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "updated": self.updated.isoformat() if self.updated else None,
            "comment": self.comment,
            "journal_ref": self.journal_ref,
            "doi": self.doi,
            "primary_category": self.primary_category,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ArxivRecord:
        def when(value: str | None) -> datetime | None:
            return datetime.fromisoformat(value) if value else None

        return cls(
            data["requested"],
            ArxivStatus(data["status"]),
            data["version"],
            data["title"],
            when(data["published"]),
            when(data["updated"]),
            data["comment"],
            data["journal_ref"],
            data["doi"],
            data["primary_category"],
        )
