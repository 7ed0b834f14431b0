"""
The resolver contract, in the spirit of pip-audit's `query`/`query_all`: `wanted` names every
identifier of one kind in the survey, `resolve_all` looks them all up at once and returns what
it learned as values (records, notes for the run, requests sent outside the shared client).
A resolver judges nothing: checks/statuses.py and the checks decide what a record means.

Everything a resolver may use comes in one `Resources` bundle, and what it learned goes into
the cache only through `Resources.remember`, which keeps final answers alone (each record says
whether it is final): one finality rule, one entry point.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from linkwatch.model import Survey
from linkwatch.progress import Progress
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client


class FinalRecord(Protocol):
    """What the cache keeps: a record that says whether it is final, and its JSON."""

    @property
    def final(self) -> bool: ...

    def to_json(self) -> dict[str, Any]: ...


K = TypeVar("K")
R = TypeVar("R")


def is_excluded(settings: Settings, url: str) -> bool:
    """Whether --exclude skips `url`: an API resolver leaves it to the web prober, which lists
    it as skipped."""
    return any(re.search(pattern, url) for pattern in settings.exclude)


@dataclass(slots=True)
class Resources:
    """What resolvers share for one run."""

    client: Client
    cache: Cache
    settings: Settings
    progress: Progress

    def remember(
        self, namespace: str, key: str, record: FinalRecord, etag: str | None = None
    ) -> None:
        """The one way into the cache: final answers only (`record.final`), whichever service
        gave them, so a transient failure is never kept."""
        if record.final:
            data = self.settings.services.redactor.value(record.to_json())
            self.cache.put(namespace, key, data, etag)


@dataclass(frozen=True, slots=True)
class Resolved(Generic[K, R]):
    """What one resolver returns: its records and what the run should hear about them."""

    records: Mapping[K, R] = field(default_factory=dict)
    """A record for every key it could resolve (a missing key: not verified)."""
    verified: int = 0
    """How many keys got a real answer, from the service or the cache."""
    notes: tuple[str, ...] = ()
    """Run-level remarks for the report ('arXiv API: 3 IDs not verified: ...')."""
    requests: Mapping[str, int] = field(default_factory=dict)
    """Requests per host sent outside the shared client (the arxiv package's own session)."""


class Resolver(ABC, Generic[K, R]):
    """Looks up one kind of identifier through one service."""

    family: str
    """The record family it fills ('web', 'arxiv', ...), named in `Records` and `Check.needs`."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources

    @abstractmethod
    def wanted(self, survey: Survey) -> Collection[K]:
        """Every identifier of the survey this resolver looks up."""

    def claims(self, url: str) -> bool:
        """Whether this resolver verifies links to `url`, so the web prober leaves them."""
        return False

    @abstractmethod
    async def resolve_all(self, keys: Collection[K]) -> Resolved[K, R]:
        """Look every key up; the records and what the run should hear about them."""
