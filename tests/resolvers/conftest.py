"""
Fixtures for resolver tests: loopback services and a way to run a resolver against them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from linkwatch.checks.statuses import web_status
from linkwatch.model import LinkOutcome
from linkwatch.model.records.web import WebRecord
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import Resources
from linkwatch.resolvers.web import WebResolver
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client, Limits

FAST = Limits(timeout=1.0, retries=2, backoff=0.01)


@dataclass(frozen=True)
class Ran:
    """What a resolver run leaves besides its records: the client it used and its notes."""

    client: Client
    notes: tuple[str, ...]
    verified: int


ResolveWeb = Callable[..., tuple[Mapping[str, WebRecord], Ran]]


@pytest.fixture
def resolve_web(tmp_path: Path) -> ResolveWeb:
    """Run the web resolver on some URLs with a fresh client; returns records and the run."""

    def run(
        urls: Collection[str],
        limits: Limits = FAST,
        settings: Settings | None = None,
        cache: Cache | None = None,
    ) -> tuple[Mapping[str, WebRecord], Ran]:
        async def go() -> tuple[Mapping[str, WebRecord], Ran]:
            async with Client(limits) as client:
                resources = Resources(
                    client, cache or Cache(None), settings or Settings(), NoProgress()
                )
                resolved = await WebResolver(resources).resolve_all(list(urls))
                return resolved.records, Ran(client, resolved.notes, resolved.verified)

        return asyncio.run(go())

    return run


def verdict(records: Mapping[str, WebRecord], url: str) -> LinkOutcome:
    """The judge's verdict on a probed URL, as the report shows it."""
    return web_status(records[url])


def outcome(records: Mapping[str, WebRecord], url: str) -> tuple[Any, ...]:
    judged = verdict(records, url)
    return judged.status.value, judged.http_status
