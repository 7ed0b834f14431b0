"""
One finality rule at one cache entry point: every resolver stores what it learned through
`Resources.remember`, which keeps a record only when the record says it is final. A run that
met a transient failure (unverified, a timeout, a 503) leaves nothing in the cache to repeat.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from linkwatch.model import FailureKind
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import GithubRecord
from linkwatch.model.records.huggingface import HubRecord
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.model.records.web import WebRecord
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import FinalRecord, Resources
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client
from tests.resolvers.conftest import FAST

RECORDS: list[tuple[str, FinalRecord, bool]] = [
    ("arxiv found", ArxivRecord("2305.07759", ArxivStatus.FOUND), True),
    ("arxiv not found", ArxivRecord("2305.99999", ArxivStatus.NOT_FOUND), True),
    ("arxiv unverified", ArxivRecord("2305.07759", ArxivStatus.UNVERIFIED), False),
    ("s2 found", S2Record("2305.07759", S2Status.FOUND), True),
    ("s2 unverified", S2Record("2305.07759", S2Status.UNVERIFIED), False),
    ("web ok", WebRecord(200), True),
    ("web broken", WebRecord(404), True),
    ("web 5xx on every try", WebRecord(503), False),
    ("web timeout", WebRecord(detail="no answer in 20 s", failure=FailureKind.TIMEOUT), False),
    ("web redirect loop", WebRecord(detail="redirect loop back to x"), False),
    ("web rate limited", WebRecord(429), False),
    ("web refuses robots", WebRecord(403), False),
    ("github found", GithubRecord(Existence.FOUND, "a/b"), True),
    ("github missing", GithubRecord(Existence.MISSING, "a/b"), True),
    ("github unverified", GithubRecord(Existence.UNVERIFIED, "a/b"), False),
    ("hub found", HubRecord(Existence.FOUND, "model", "a/b"), True),
    ("hub unverified", HubRecord(Existence.UNVERIFIED, "model", "a/b"), False),
]


@pytest.mark.parametrize(("case", "record", "kept"), RECORDS, ids=[r[0] for r in RECORDS])
def test_only_final_answers_are_cached(
    tmp_path: Path, case: str, record: FinalRecord, kept: bool
) -> None:
    cache = Cache(tmp_path / "cache.sqlite")

    async def remember() -> None:
        async with Client(FAST) as client:
            resources = Resources(client, cache, Settings(), NoProgress())
            resources.remember("finality", case, record)

    asyncio.run(remember())
    stored = cache.get("finality", case)
    assert (stored is not None) == kept
    if stored is not None:
        assert stored.value == record.to_json()
    cache.close()


def test_no_resolver_writes_to_the_cache_but_through_remember() -> None:
    resolvers = Path(__file__).resolve().parents[2] / "src" / "linkwatch" / "resolvers"
    writers = [
        f"{path.relative_to(resolvers)}:{number}"
        for path in sorted(resolvers.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".put(" in line and path.name != "base.py"
    ]
    assert writers == []
