"""
Fixtures for resolver tests: loopback services and a way to run a resolver against them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import pytest

from linkwatch.model.records.web import WebRecord
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import Resources
from linkwatch.resolvers.web import WebResolver
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client, Limits

FAST = Limits(timeout=1.0, retries=2, backoff=0.01)


ResolveWeb = Callable[..., tuple[Mapping[str, WebRecord], Resources]]


@pytest.fixture
def resolve_web(tmp_path: Path) -> ResolveWeb:
    """Run the web resolver on some URLs with a fresh client; returns records and resources."""

    def run(
        urls: Collection[str],
        limits: Limits = FAST,
        settings: Settings | None = None,
        cache: Cache | None = None,
    ) -> tuple[Mapping[str, WebRecord], Resources]:
        async def go() -> tuple[Mapping[str, WebRecord], Resources]:
            async with Client(limits) as client:
                resources = Resources(
                    client, cache or Cache(None), settings or Settings(), NoProgress()
                )
                resolver = WebResolver(resources)
                return await resolver.resolve_all(list(urls)), resources

        return asyncio.run(go())

    return run


def outcome(records: Mapping[str, WebRecord], url: str) -> tuple[Any, ...]:
    record = records[url]
    return record.outcome.status.value, record.outcome.http_status
