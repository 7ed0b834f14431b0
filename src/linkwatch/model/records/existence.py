"""
Whether an API found what a link points at: the three answers a resolver can give.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol


class Existence(StrEnum):
    """What a service said of a thing asked about: there, not there, or nothing usable (a
    spent budget, an outage): 'unverified' is never 'missing'."""

    FOUND = "found"
    MISSING = "missing"
    UNVERIFIED = "unverified"


class ServiceRecord(Protocol):
    """What the GitHub and Hub records share: the answer, what was asked and what came back."""

    existence: Existence
    asked: str
    name: str | None
    detail: str
    http_status: int | None
    rate_limited: bool


def renamed(record: ServiceRecord) -> bool:
    """Found under another name than the one asked (letter case aside): moved."""
    return (
        record.existence == Existence.FOUND
        and record.name is not None
        and record.name.casefold() != record.asked.casefold()
    )


def answered(records: Iterable[ServiceRecord]) -> int:
    """How many records hold a real answer (found or missing, not unverified)."""
    return sum(1 for record in records if record.existence != Existence.UNVERIFIED)
