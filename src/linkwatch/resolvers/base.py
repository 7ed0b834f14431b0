"""
The resolver contract: take every identifier of one kind, return plain records, judge nothing.

A resolver batches by default (`resolve_all` gets all its keys at once); the checks decide
what a record means. Everything a resolver may use comes in one `Resources` bundle, and what
it learned goes into the cache only through `Resources.remember`, which keeps final answers
alone (each record says whether it is final): one finality rule, one entry point.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from linkwatch.model import LinkOutcome, Survey
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
    notes: list[str] = field(default_factory=list)
    """Run-level remarks for the report ('the network is unreachable')."""

    def remember(
        self, namespace: str, key: str, record: FinalRecord, etag: str | None = None
    ) -> None:
        """The one way into the cache: final answers only (`record.final`), whichever service
        gave them, so a transient failure is never kept."""
        if record.final:
            self.cache.put(namespace, key, record.to_json(), etag)


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
    async def resolve_all(self, keys: Collection[K]) -> Mapping[K, R]:
        """A record for every key it could resolve (missing keys: not verified)."""

    def verified(self, records: Mapping[K, R]) -> int:
        """How many of the records hold a real answer (from the service or the cache)."""
        return len(records)

    def link_outcome(self, url: str, records: Mapping[K, R]) -> LinkOutcome | None:
        """What the records say of a link this resolver claims, for the report's link table
        (None: nothing to say, the link shows as not probed)."""
        return None
