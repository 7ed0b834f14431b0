"""
The Semantic Scholar resolver against the loopback Graph API: one POST for up to 500 arXiv IDs,
null and 'No valid paper ids given' as 'not indexed', 429 and 5xx retried then unverified, the
key sent to the API only, and the cache.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.parse import parse_survey
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import Resources
from linkwatch.resolvers.semanticscholar import FIELDS, SemanticScholarResolver
from linkwatch.settings import Services, Settings
from linkwatch.sources.files import read_source
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client
from tests.conftest import CLOSED_S2_API, S2
from tests.resolvers.conftest import FAST, Ran
from tests.servers.semanticscholar import load_papers, s2_paper

TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"


def settings_for(url: str, **changes: object) -> Settings:
    base = Settings(services=Services(s2_api_url=url), retries=2, timeout=2.0)
    return replace(base, **changes)  # type: ignore[arg-type]


def rows(*ids: str, venue: str = "arxiv 2023") -> str:
    return TABLE + "".join(f"| [P](https://arxiv.org/abs/{i}) | {venue} | - |\n" for i in ids)


def run(
    tmp_path: Path, text: str, settings: Settings, cache: Cache | None = None
) -> tuple[Mapping[str, S2Record], Ran]:
    path = tmp_path / "survey.md"
    path.write_text(text, encoding="utf-8")
    survey = parse_survey([read_source(path)])

    async def go() -> tuple[Mapping[str, S2Record], Ran]:
        async with Client(FAST) as client:
            resources = Resources(client, cache or Cache(None), settings, NoProgress())
            resolver = SemanticScholarResolver(resources)
            resolved = await resolver.resolve_all(resolver.wanted(survey))
            return resolved.records, Ran(client, resolved.notes, resolved.verified)

    return asyncio.run(go())


def preprint(arxiv_id: str) -> dict:
    return s2_paper({"id": arxiv_id, "venue": "arXiv"}, None, None)


def test_survey_md_papers_in_one_request(tmp_path: Path, s2_api: S2) -> None:
    """73 arXiv IDs and the 3 papers linked by DOI or ACL ID, one POST: the arXiv IDs as
    ARXIV:<id>, the others as DOI:/ACL:, the title and venue fields asked for."""
    server, state = s2_api
    papers = load_papers("s2_survey.toml")
    state.add(papers)
    survey_md = Path(__file__).parent.parent.parent / "survey.md"
    records, resources = run(
        tmp_path, survey_md.read_text(), settings_for(f"{server.url}/graph/v1")
    )
    (request,) = state.requests
    assert len(request.ids) == len(set(request.ids)) == 76
    assert sorted(i for i in request.ids if not i.startswith("ARXIV:")) == [
        "ACL:2020.emnlp-main.743",
        "DOI:10.1073/pnas.2305016120",
        "DOI:10.1145/3636243.3636256",
    ]
    assert request.fields == FIELDS
    assert resources.client.requests == {"127.0.0.1": 1}
    teach = records["2207.14502"]
    assert (teach.status, teach.publication_venue, teach.dblp, teach.year) == (
        S2Status.FOUND,
        "International Conference on Learning Representations",
        "conf/iclr/X23",
        2022,
    )


def test_501_ids_take_two_requests_a_second_apart(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    ids = [f"2305.{n:05d}" for n in range(1, 502)]
    state.add({i: preprint(i) for i in ids})
    records, _ = run(tmp_path, rows(*ids), settings_for(f"{server.url}/graph/v1"))
    assert [len(request.ids) for request in state.requests] == [500, 1]
    assert state.requests[1].at - state.requests[0].at >= 0.95
    assert {record.status for record in records.values()} == {S2Status.FOUND}
    assert len(records) == 501


def test_an_unknown_id_is_null_in_its_slot(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    records, _ = run(
        tmp_path, rows("2305.07759", "2403.99999"), settings_for(f"{server.url}/graph/v1")
    )
    assert records["2305.07759"].venue == "arXiv.org"
    assert records["2403.99999"].status == S2Status.NOT_FOUND


def test_a_batch_of_unknown_ids_is_not_found_not_unverified(tmp_path: Path, s2_api: S2) -> None:
    """S2 answers 400 'No valid paper ids given' when it knows none of them."""
    server, state = s2_api
    records, _ = run(
        tmp_path, rows("2403.99998", "2403.99999"), settings_for(f"{server.url}/graph/v1")
    )
    assert state.requests[0].status == 400
    assert {r.status for r in records.values()} == {S2Status.NOT_FOUND}


def test_429_without_retry_after_is_retried_with_backoff(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    state.script = [429, 429]
    records, resources = run(tmp_path, rows("2305.07759"), settings_for(f"{server.url}/graph/v1"))
    assert [request.status for request in state.requests] == [429, 429, 200]
    assert records["2305.07759"].status == S2Status.FOUND
    assert resources.client.requests == {"127.0.0.1": 3}


def test_still_throttled_after_the_retries_is_unverified_and_not_cached(
    tmp_path: Path, s2_api: S2
) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    state.script = [429] * 10
    cache = Cache(tmp_path / "cache.sqlite")
    records, resources = run(
        tmp_path, rows("2305.07759"), settings_for(f"{server.url}/graph/v1"), cache
    )
    record = records["2305.07759"]
    assert (record.status, record.detail) == (
        S2Status.UNVERIFIED,
        "Semantic Scholar is throttling (HTTP 429) after 3 tries",
    )
    assert len(state.requests) == 3
    assert "Semantic Scholar: 1 papers not verified" in resources.notes[0]
    assert cache.get("s2", "2305.07759") is None


def test_server_errors_and_refusals_are_unverified(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    for script, detail in [
        ([504] * 3, "Semantic Scholar is unavailable (HTTP 504) after 3 tries"),
        ([400], "Semantic Scholar refused the request (HTTP 400: "
         "Unrecognized or unsupported fields: [garbage])"),
    ]:  # fmt: skip
        state.script = list(script)
        records, _ = run(tmp_path, rows("2305.07759"), settings_for(f"{server.url}/graph/v1"))
        assert (records["2305.07759"].status, records["2305.07759"].detail) == (
            S2Status.UNVERIFIED,
            detail,
        )


def test_unreachable_is_unverified(tmp_path: Path) -> None:
    records, _ = run(tmp_path, rows("2305.07759"), settings_for(CLOSED_S2_API))
    record = records["2305.07759"]
    assert record.status == S2Status.UNVERIFIED
    assert record.detail.startswith("Semantic Scholar could not be reached (")


def test_the_key_goes_to_the_api_as_x_api_key_and_nowhere_else(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    settings = settings_for(f"{server.url}/graph/v1")
    keyed = replace(settings, services=replace(settings.services, s2_api_key="s2-secret-key"))
    cache = Cache(tmp_path / "cache.sqlite")
    records, resources = run(tmp_path, rows("2305.07759"), keyed, cache)
    run(tmp_path, rows("2403.99999"), settings)
    assert [request.api_key for request in state.requests] == ["s2-secret-key", None]
    assert "s2-secret-key" not in repr(records) + repr(keyed) + " ".join(resources.notes)
    cache.close()
    assert b"s2-secret-key" not in (tmp_path / "cache.sqlite").read_bytes()


def test_a_warm_cache_asks_nothing(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    cache = Cache(tmp_path / "cache.sqlite")
    settings = settings_for(f"{server.url}/graph/v1")
    first, _ = run(tmp_path, rows("2305.07759", "2403.99999"), settings, cache)
    second, resources = run(tmp_path, rows("2305.07759", "2403.99999"), settings, cache)
    assert len(state.requests) == 1
    assert second == first
    assert resources.client.requests == {}


def test_not_indexed_is_kept_only_max_age_found_papers_arxiv_max_age(
    tmp_path: Path, s2_api: S2
) -> None:
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    cache = Cache(tmp_path / "cache.sqlite")
    settings = settings_for(f"{server.url}/graph/v1", max_age_seconds=0.0)
    run(tmp_path, rows("2305.07759", "2403.99999"), settings, cache)
    run(tmp_path, rows("2305.07759", "2403.99999"), settings, cache)
    assert [request.ids for request in state.requests] == [
        ("ARXIV:2305.07759", "ARXIV:2403.99999"),
        ("ARXIV:2403.99999",),
    ]


def test_rows_without_a_venue_or_excluded_are_not_asked(tmp_path: Path, s2_api: S2) -> None:
    server, state = s2_api
    text = rows("2305.07759") + "| [Q](https://arxiv.org/abs/2306.11644) |  | - |\n"
    text += "| [R](https://arxiv.org/abs/2309.05463) | arxiv 2023 | - |\n"
    settings = settings_for(f"{server.url}/graph/v1", exclude=("2309",))
    run(tmp_path, text, settings)
    assert [request.ids for request in state.requests] == [("ARXIV:2305.07759",)]


DOI_ROW = "| [A Study](https://doi.org/10.1145/3636243.3636256) | ACE 2024 | - |\n"
ACL_ROW = "| [MedDialog](https://aclanthology.org/2020.emnlp-main.743/) | EMNLP 2020 | - |\n"
UNKNOWN_ROW = "| [Other](https://dl.acm.org/doi/10.1145/0000000.0000000) | KDD 2019 | - |\n"
URL_ROW = "| [Old ACM](https://dl.acm.org/citation.cfm?id=2689747) | KDD 2015 | - |\n"


def test_doi_and_acl_ids_go_in_the_same_batch_as_arxiv_ones(tmp_path: Path, s2_api: S2) -> None:
    """A hit for the DOI, null for an unknown DOI (not indexed, never 'wrong'), the arXiv
    paper beside them: one POST, answers aligned with the ids asked."""
    server, state = s2_api
    state.add({"2305.07759": preprint("2305.07759")})
    state.others["DOI:10.1145/3636243.3636256"] = {
        "paperId": "5b0a9b2b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
        "title": "A Comparative Study of AI-Generated (GPT-4) and Human-crafted MCQs",
        "venue": "Australasian Computing Education Conference",
        "year": 2024,
        "externalIds": {"DOI": "10.1145/3636243.3636256"},
    }
    state.others["URL:https://dl.acm.org/citation.cfm?id=2689747"] = {
        "paperId": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567",
        "title": "An old ACM paper",
        "year": 2015,
    }
    text = rows("2305.07759") + DOI_ROW + UNKNOWN_ROW + URL_ROW
    records, _ = run(tmp_path, text, settings_for(f"{server.url}/graph/v1"))
    (request,) = state.requests
    assert request.ids == (
        "ARXIV:2305.07759",
        "DOI:10.1145/3636243.3636256",
        "DOI:10.1145/0000000.0000000",
        "URL:https://dl.acm.org/citation.cfm?id=2689747",
    )
    assert records["URL:https://dl.acm.org/citation.cfm?id=2689747"].title == "An old ACM paper"
    found = records["DOI:10.1145/3636243.3636256"]
    assert (found.status, found.title, found.year) == (
        S2Status.FOUND,
        "A Comparative Study of AI-Generated (GPT-4) and Human-crafted MCQs",
        2024,
    )
    assert (
        found.url
        == "https://www.semanticscholar.org/paper/5b0a9b2b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"
    )
    assert records["DOI:10.1145/0000000.0000000"].status == S2Status.NOT_FOUND
    assert records["2305.07759"].status == S2Status.FOUND


def test_a_batch_of_ids_none_of_which_it_takes_is_not_found_not_unverified(
    tmp_path: Path, s2_api: S2
) -> None:
    """Every id unknown or malformed: Semantic Scholar answers 400 'No valid paper ids given'
    (the recorded live behaviour the loopback API follows); each is 'not indexed', and the
    run does not call Semantic Scholar down."""
    server, state = s2_api
    records, ran = run(
        tmp_path, TABLE + ACL_ROW + UNKNOWN_ROW, settings_for(f"{server.url}/graph/v1")
    )
    assert [r.status for r in state.requests] == [400]
    assert {key: r.status for key, r in records.items()} == {
        "ACL:2020.emnlp-main.743": S2Status.NOT_FOUND,
        "DOI:10.1145/0000000.0000000": S2Status.NOT_FOUND,
    }
    assert ran.notes == ()
