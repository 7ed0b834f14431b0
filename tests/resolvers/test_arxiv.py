"""
The arXiv resolver against the loopback arXiv API: batching, pacing measured on the server,
what unknown, malformed and versioned IDs give, retries on 503 and 429, the cache, and that the
web prober keeps working while the API is slow.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

from linkwatch.checks.statuses import arxiv_status, web_status
from linkwatch.model import LinkOutcome
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.targets import arxiv_ref
from linkwatch.parse import parse_survey
from linkwatch.progress import NoProgress, Progress
from linkwatch.resolvers.arxiv import ArxivResolver
from linkwatch.resolvers.arxiv_api import ArxivApi
from linkwatch.resolvers.base import Resolved, Resources
from linkwatch.resolvers.stage import resolve
from linkwatch.settings import Services, Settings
from linkwatch.sources.files import read_source
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client
from tests.conftest import CLOSED_S2_API, Arxiv, Web
from tests.resolvers.conftest import FAST
from tests.servers.arxiv import paper

DELAY = 0.2
TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"


def settings_for(server_url: str, **changes: object) -> Settings:
    base = Settings(
        services=Services(arxiv_api_url=f"{server_url}/api/query", s2_api_url=CLOSED_S2_API),
        arxiv_delay_seconds=DELAY,
        retries=2,
        timeout=2.0,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def rows(*links: str, title: str = "A paper") -> str:
    return TABLE + "".join(f"| [{title}]({link}) | arXiv 2023 | - |\n" for link in links)


class Events:
    """A Progress that keeps what it was told, in order."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def add(self, label: str, total: int) -> None:
        self.said.append(f"add {total}")

    def advance(self, label: str, failed: bool = False) -> None:
        self.said.append("failed" if failed else "done")

    def waiting(self, what: str, seconds: float) -> None:
        self.said.append("wait")

    def close(self) -> None:
        pass


def run(
    tmp_path: Path,
    text: str,
    settings: Settings,
    cache: Cache | None = None,
    progress: Progress | None = None,
) -> tuple[Mapping[str, ArxivRecord], Resolved[str, ArxivRecord], ArxivResolver]:
    path = tmp_path / "survey.md"
    path.write_text(text, encoding="utf-8")
    survey = parse_survey([read_source(path)])

    async def go() -> tuple[Mapping[str, ArxivRecord], Resolved[str, ArxivRecord], ArxivResolver]:
        async with Client(FAST) as client:
            resources = Resources(client, cache or Cache(None), settings, progress or NoProgress())
            resolver = ArxivResolver(resources)
            resolved = await resolver.resolve_all(resolver.wanted(survey))
            return resolved.records, resolved, resolver

    return asyncio.run(go())


def link_verdict(url: str, records: Mapping[str, ArxivRecord]) -> LinkOutcome:
    """The judge's verdict on an arXiv link, as the report shows it."""
    ref = arxiv_ref(url)
    assert ref is not None, url
    return arxiv_status(records[ref.id], ref)


def test_progress_counts_each_batch_as_it_is_answered(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """Five IDs in batches of two: the line moves after each request, not only at the end,
    and says before each later request that the run waits on arXiv's spacing."""
    _, state = arxiv_api
    ids = [f"2305.{n:05d}" for n in range(1, 6)]
    state.add(*(paper(i, f"Paper {i}") for i in ids[:4]))  # the fifth is unknown to it
    events = Events()
    run(tmp_path, rows(*(f"https://arxiv.org/abs/{i}" for i in ids)),
        settings_for(arxiv_api[0].url, arxiv_batch_size=2), progress=events)  # fmt: skip
    assert events.said == [
        *("add 5", "done", "done"),
        *("wait", "done", "done"),
        *("wait", "done"),  # "no such ID" is an answer
    ]


def test_one_request_serves_thirty_ids(tmp_path: Path, arxiv_api: Arxiv) -> None:
    server, state = arxiv_api
    ids = [f"2305.{n:05d}" for n in range(1, 31)]
    state.add(*(paper(i, f"Paper {i}") for i in ids))
    records, resources, _ = run(
        tmp_path, rows(*(f"https://arxiv.org/abs/{i}" for i in ids)), settings_for(server.url)
    )
    assert [len(request.ids) for request in state.requests] == [30]
    assert int(state.requests[0].max_results or 0) >= 30
    assert {records[i].title for i in ids} == {f"Paper {i}" for i in ids}
    assert resources.requests == {"127.0.0.1": 1}


def test_batches_are_at_least_the_configured_delay_apart(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """Five IDs in batches of two: three requests, each at least 0.2 s after the previous one
    as the server saw them arrive."""
    server, state = arxiv_api
    ids = [f"2305.{n:05d}" for n in range(1, 6)]
    state.add(*(paper(i, f"Paper {i}") for i in ids))
    settings = settings_for(server.url, arxiv_batch_size=2)
    run(tmp_path, rows(*(f"https://arxiv.org/abs/{i}" for i in ids)), settings)
    assert [len(request.ids) for request in state.requests] == [2, 2, 1]
    assert min(state.gaps()) >= DELAY - 0.005
    assert len({request.connection for request in state.requests}) == 1  # one connection


def test_one_malformed_id_would_sink_its_whole_batch(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """Why IDs are validated before batching: the API answers 400 for the whole request, and
    that is not retried."""
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    api = ArxivApi(settings_for(server.url))
    try:
        (batch,) = api.fetch(["2305.07759", "abc"])
    finally:
        api.close()
    assert (batch.results, batch.failure) == ((), "the arXiv API refused the request (HTTP 400)")
    assert [request.status for request in state.requests] == [400]


def test_unknown_ids_are_not_found_and_malformed_ids_are_never_sent(
    tmp_path: Path, arxiv_api: Arxiv
) -> None:
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    text = rows(
        "https://arxiv.org/abs/2305.07759",
        "https://arxiv.org/abs/2305.99999",
        "https://arxiv.org/abs/2313.00001",  # month 13: the offline malformed-url check's
        "https://arxiv.org/abs/...",
    )
    records, _, _ = run(tmp_path, text, settings_for(server.url))
    assert {k: r.status for k, r in records.items()} == {
        "2305.07759": ArxivStatus.FOUND,
        "2305.99999": ArxivStatus.NOT_FOUND,
    }
    assert [request.ids for request in state.requests] == [("2305.07759", "2305.99999")]


def test_a_versioned_link_is_checked_against_the_latest_version(
    tmp_path: Path, arxiv_api: Arxiv
) -> None:
    """Versions run from 1 to the latest, so the unversioned answer says which exist: no
    request per version."""
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories v1", "2023-05-12T17:15:30Z", "TinyStories v2"))
    good, bad = "https://arxiv.org/abs/2305.07759v1", "https://arxiv.org/pdf/2305.07759v9"
    text = rows(good, bad, title="TinyStories v2")
    records, _, _ = run(tmp_path, text, settings_for(server.url))
    record = records["2305.07759"]
    assert (record.version, record.title) == (2, "TinyStories v2")
    assert record.published is not None and record.published.isoformat().startswith("2023-05-12")
    assert link_verdict(good, records).status == "ok"
    outcome = link_verdict(bad, records)
    assert (outcome.status, outcome.detail) == (
        "broken",
        "arXiv has no version 9 (the latest is v2)",
    )
    assert [request.ids for request in state.requests] == [("2305.07759",)]


def test_a_multi_line_latex_title_arrives_on_one_line(tmp_path: Path, arxiv_api: Arxiv) -> None:
    server, state = arxiv_api
    title = "Schr\\\"{o}dinger's Cat:\n  an $\\mathcal{O}(n)$ Study of\n  Everything"
    state.add(paper("2305.07759", title))
    records, _, _ = run(
        tmp_path, rows("https://arxiv.org/abs/2305.07759"), settings_for(server.url)
    )
    assert records["2305.07759"].title == (
        "Schr\\\"{o}dinger's Cat: an $\\mathcal{O}(n)$ Study of Everything"
    )


@pytest.mark.parametrize("first", [503, 429])
def test_a_busy_or_throttling_api_is_asked_again(
    tmp_path: Path, arxiv_api: Arxiv, first: int
) -> None:
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    state.script = [first]
    records, _, _ = run(
        tmp_path, rows("https://arxiv.org/abs/2305.07759"), settings_for(server.url)
    )
    assert records["2305.07759"].status == ArxivStatus.FOUND
    assert [request.status for request in state.requests] == [first, 200]
    assert state.gaps()[0] >= DELAY


def test_an_api_down_after_every_retry_leaves_the_ids_unverified(
    tmp_path: Path, arxiv_api: Arxiv
) -> None:
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    state.script = [503, 503, 503]
    records, resources, _ = run(
        tmp_path, rows("https://arxiv.org/abs/2305.07759"), settings_for(server.url)
    )
    record = records["2305.07759"]
    assert (record.status, record.detail) == (
        ArxivStatus.UNVERIFIED,
        "the arXiv API is unavailable (HTTP 503) after 3 tries",
    )
    assert len(state.requests) == 3
    assert resources.verified == 0
    assert "1 IDs not verified" in resources.notes[0]


def test_an_empty_answer_to_many_ids_is_not_believed(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """arXiv sometimes answers a valid query with an empty page under load: asked again."""
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"), paper("2306.11644", "Textbooks"))
    state.script = ["empty"]
    text = rows("https://arxiv.org/abs/2305.07759", "https://arxiv.org/abs/2306.11644")
    records, _, _ = run(tmp_path, text, settings_for(server.url))
    assert {r.status for r in records.values()} == {ArxivStatus.FOUND}
    assert len(state.requests) == 2


def test_a_stalled_api_times_out(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """The arxiv package sets no timeout; linkwatch gives its session one."""
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    state.latency = 5.0
    started = time.monotonic()
    records, _, _ = run(
        tmp_path,
        rows("https://arxiv.org/abs/2305.07759"),
        settings_for(server.url, timeout=0.3, retries=0),
    )
    assert records["2305.07759"].detail == "the arXiv API did not answer in time"
    assert time.monotonic() - started < 3


def test_an_unreachable_api_is_not_retried(tmp_path: Path) -> None:
    records, _, _ = run(
        tmp_path, rows("https://arxiv.org/abs/2305.07759"), settings_for("http://127.0.0.1:9")
    )
    assert records["2305.07759"].detail == "the arXiv API could not be reached"


def test_old_titles_are_asked_for_in_one_more_request(tmp_path: Path, arxiv_api: Arxiv) -> None:
    """Only the renamed papers whose listed title is not the current one get a v1 lookup."""
    server, state = arxiv_api
    state.add(
        paper(
            "2312.02120",
            "Magicoder: Source Code Is All You Need",
            "2023-12-04T18:50:00Z",
            "Magicoder: Empowering Code Generation with OSS-Instruct",
        ),
        paper(
            "2407.17453",
            "VILA$^2$: VILA Augmented VILA",
            "2024-07-24T17:59:00Z",
            "VILA$^2$: VLM Augmented VLM with Self-Improvement",
        ),
        paper("2305.07759", "TinyStories", "2023-05-12T17:15:30Z", "TinyStories"),
    )
    text = (
        TABLE
        + "| [Magicoder: Source code is all you need](https://arxiv.org/abs/2312.02120) | x | - |\n"
        + "| [VILA$^2$: VLM Augmented VLM with Self-Improvement](https://arxiv.org/abs/2407.17453)"
        " | x | - |\n" + "| [Tinystories](https://arxiv.org/abs/2305.07759) | x | - |\n"
    )
    records, _, _ = run(tmp_path, text, settings_for(server.url))
    assert [request.ids for request in state.requests] == [
        ("2312.02120", "2407.17453", "2305.07759"),
        ("2312.02120v1",),
    ]
    assert records["2312.02120v1"].title == "Magicoder: Source Code Is All You Need"
    assert records["2312.02120v1"].version == 1


def test_a_second_run_within_max_age_asks_nothing(tmp_path: Path, arxiv_api: Arxiv) -> None:
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    text = rows("https://arxiv.org/abs/2305.07759", "https://arxiv.org/abs/2305.99999")
    cache = Cache(tmp_path / "cache.sqlite")
    first, _, _ = run(tmp_path, text, settings_for(server.url), cache)
    second, resources, _ = run(tmp_path, text, settings_for(server.url), cache)
    assert len(state.requests) == 1
    assert second == first
    assert resources.requests == {}
    expired = settings_for(server.url, max_age_seconds=0.0)
    run(tmp_path, text, expired, cache)  # 'no such ID' is kept only --max-age
    assert state.requests[-1].ids == ("2305.99999",)


def test_unverified_answers_are_not_cached(tmp_path: Path, arxiv_api: Arxiv) -> None:
    server, state = arxiv_api
    state.add(paper("2305.07759", "TinyStories"))
    state.script = [503]
    cache = Cache(tmp_path / "cache.sqlite")
    run(
        tmp_path,
        rows("https://arxiv.org/abs/2305.07759"),
        settings_for(server.url, retries=0),
        cache,
    )
    records, _, _ = run(
        tmp_path, rows("https://arxiv.org/abs/2305.07759"), settings_for(server.url), cache
    )
    assert records["2305.07759"].status == ArxivStatus.FOUND
    assert len(state.requests) == 2


def test_the_web_is_probed_while_the_api_is_slow(
    tmp_path: Path, arxiv_api: Arxiv, web: Web
) -> None:
    """The arxiv package blocks; it runs in a thread, so a 1 s arXiv answer and a 1 s web page
    take about 1 s together, not 2."""
    server, state = arxiv_api
    site, _ = web
    state.add(paper("2305.07759", "TinyStories"))
    state.latency = 1.0
    path = tmp_path / "survey.md"
    path.write_text(rows("https://arxiv.org/abs/2305.07759", f"{site.url}/slow/1"))
    survey = parse_survey([read_source(path)])
    started = time.monotonic()
    resolution = asyncio.run(
        resolve(survey, settings_for(server.url, cache_path=None), NoProgress())
    )
    elapsed = time.monotonic() - started
    assert resolution.records.arxiv["2305.07759"].status == ArxivStatus.FOUND
    assert web_status(resolution.records.web[f"{site.url}/slow/1"]).status == "ok"
    assert elapsed < 1.8
    # one arXiv API request, one HEAD /slow/1, one refused Semantic Scholar request
    assert resolution.requests == {"127.0.0.1": 3}
