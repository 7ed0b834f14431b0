"""
The GitHub resolver against a loopback GitHub: which links mean which repository, REST without
a token (ETags, the budget, secondary limits), GraphQL with one, and pages below a repository.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from linkwatch.checks.statuses import github_status
from linkwatch.model import LinkStatus
from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import GithubRecord, Key, github_key, new_url
from linkwatch.model.targets import GithubOwner, GithubRepo
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import Resources
from linkwatch.resolvers.github import GithubResolver
from linkwatch.resolvers.github.graphql import build_query
from linkwatch.settings import Services, Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client
from tests.conftest import CLOSED, GithubServers
from tests.resolvers.conftest import FAST
from tests.servers.github_repos import Repo, secondary_limit


@dataclass
class Run:
    records: Mapping[Key, GithubRecord]
    notes: list[str]

    def of(self, url: str) -> GithubRecord:
        key = github_key(url)
        assert key is not None, url
        return self.records[key]


def resolve(
    github: GithubServers,
    urls: list[str],
    token: str | None = None,
    cache: Cache | None = None,
    max_age: float = 86400.0,
    pages: str | None = None,
) -> Run:
    services = Services(
        github_api_url=github.api.url,
        github_graphql_url=f"{github.api.url}/graphql",
        github_token=token,
    )
    settings = Settings(
        services=services,
        max_age_seconds=max_age,
        remap=((r"^https://github\.com", pages),) if pages else (tuple(github.remap.split(" ")),),
    )

    async def go() -> Run:
        async with Client(FAST) as client:
            resources = Resources(client, cache or Cache(None), settings, NoProgress())
            resolver = GithubResolver(resources)
            keys = list(dict.fromkeys(k for url in urls if (k := github_key(url)) is not None))
            resolved = await resolver.resolve_all(keys)
            return Run(resolved.records, resolved.notes)

    return asyncio.run(go())


@pytest.mark.parametrize(
    ("url", "key"),
    [
        (
            "https://github.com/tatsu-lab/stanford_alpaca",
            GithubRepo("tatsu-lab", "stanford_alpaca"),
        ),
        ("https://github.com/ntunlp/kmlm.git", GithubRepo("ntunlp", "kmlm")),
        ("https://github.com/thalesbertaglia/x/", GithubRepo("thalesbertaglia", "x")),
        ("https://github.com/a/b?tab=readme-ov-file#usage", GithubRepo("a", "b")),
        ("https://github.com/a/b/issues/12", GithubRepo("a", "b")),
        ("https://github.com/a/b/tree/main/docs", GithubRepo("a", "b", "tree/main/docs")),
        ("https://github.com/a/b/blob/main/x.py#L3", GithubRepo("a", "b", "blob/main/x.py")),
        ("https://www.github.com/a/b", GithubRepo("a", "b")),
        ("https://github.com/roneneldan", GithubOwner("roneneldan")),
        ("https://github.com/orgs/THUDM/repositories", GithubOwner("THUDM")),
        ("https://magpie-align.github.io/", None),
        ("https://github.com/topics/llm", None),
        ("https://gist.github.com/a/b", None),
    ],
)
def test_every_github_link_maps_to_its_repository(url: str, key: Key | None) -> None:
    assert github_key(url) == key


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/old/repo", "https://github.com/new/name"),
        ("https://github.com/old/repo/", "https://github.com/new/name/"),
        ("https://github.com/old/repo.git", "https://github.com/new/name.git"),
        ("https://github.com/old/repo/tree/main/x", "https://github.com/new/name/tree/main/x"),
        ("https://github.com/old/repo#readme", "https://github.com/new/name#readme"),
        ("http://www.github.com/old/repo?tab=1", "http://www.github.com/new/name?tab=1"),
    ],
)
def test_a_move_replaces_only_the_owner_and_name(url: str, expected: str) -> None:
    assert new_url(url, "new/name") == expected


def test_rest_tells_found_renamed_transferred_archived_and_missing_apart(
    github: GithubServers,
) -> None:
    fake = github.fake
    fake.add(Repo("tatsu-lab/stanford_alpaca"))
    fake.add(Repo("noahshinn/reflexion", old_names=("noahshinn024/reflexion",)))
    fake.add(Repo("zai-org/SciGLM", old_names=("THUDM/SciGLM",)))
    fake.add(Repo("salesforce/CodeRL", archived=True, pushed_at="2023-02-01T00:00:00Z"))
    fake.add(Repo("org/new-name", old_names=("org/old-name",)))  # a rename, not a transfer
    fake.add(Repo("me/private-one", private=True))
    fake.users["roneneldan"] = "User"
    run = resolve(
        github,
        [
            "https://github.com/tatsu-lab/stanford_alpaca",
            "https://github.com/Tatsu-Lab/Stanford_Alpaca/tree/main",
            "https://github.com/noahshinn024/reflexion",
            "https://github.com/THUDM/SciGLM",
            "https://github.com/salesforce/CodeRL",
            "https://github.com/someone/deleted",
            "https://github.com/roneneldan",
            "https://github.com/nobody-at-all",
            "https://github.com/org/old-name",
            "https://github.com/me/private-one",
        ],
    )
    alpaca = run.of("https://github.com/tatsu-lab/stanford_alpaca")
    assert (alpaca.existence, alpaca.moved, alpaca.http_status) == (Existence.FOUND, False, 200)
    assert not run.of("https://github.com/Tatsu-Lab/Stanford_Alpaca/tree/main").moved
    reflexion = run.of("https://github.com/noahshinn024/reflexion")
    assert (reflexion.moved, reflexion.name, reflexion.http_status) == (
        True,
        "noahshinn/reflexion",
        301,
    )
    assert run.of("https://github.com/THUDM/SciGLM").name == "zai-org/SciGLM"
    coderl = run.of("https://github.com/salesforce/CodeRL")
    assert (coderl.archived, coderl.pushed_at) == (True, "2023-02-01T00:00:00Z")
    deleted = run.of("https://github.com/someone/deleted")
    assert (deleted.existence, deleted.http_status) == (Existence.MISSING, 404)
    assert run.of("https://github.com/roneneldan").existence == Existence.FOUND
    assert run.of("https://github.com/nobody-at-all").existence == Existence.MISSING
    assert run.of("https://github.com/org/old-name").name == "org/new-name"
    private = run.of("https://github.com/me/private-one")
    assert (private.existence, private.http_status) == (Existence.MISSING, 404), "as anonymous"
    # one request per distinct repository or owner (9), plus one to learn each new name (3)
    assert len(fake.rest_calls()) == 12
    assert {c.authorization for c in fake.calls} == {None}


def test_rest_asks_conditionally_and_not_at_all_within_max_age(
    github: GithubServers, tmp_path: Path
) -> None:
    fake = github.fake
    fake.add(Repo("tatsu-lab/stanford_alpaca"))
    fake.add(Repo("someone/other"))
    urls = ["https://github.com/tatsu-lab/stanford_alpaca", "https://github.com/someone/other"]
    cache = Cache(tmp_path / "c.sqlite")
    resolve(github, urls, cache=cache)
    assert len(fake.rest_calls()) == 2
    resolve(github, urls, cache=cache)
    assert len(fake.rest_calls()) == 2, "within --max-age nothing is asked"
    again = resolve(github, urls, cache=cache, max_age=0)
    conditional = fake.rest_calls()[2:]
    assert [c.status for c in conditional] == [304, 304]
    assert all(c.if_none_match and c.if_none_match.startswith('W/"') for c in conditional)
    assert again.of(urls[0]).existence == Existence.FOUND
    assert cache.get("github", "tatsu-lab/stanford_alpaca").age() < 5  # type: ignore[union-attr]


def test_rest_stops_before_the_budget_runs_out(github: GithubServers) -> None:
    """With 3 requests left for 5 repositories: 3 verified, 2 unverified (not missing), and
    the run says when the budget is whole again."""
    fake = github.fake
    fake.budget = 3
    fake.reset = int(time.time()) + 1500
    urls = [f"https://github.com/org/repo{i}" for i in range(5)]
    for i in range(5):
        fake.add(Repo(f"org/repo{i}"))
    run = resolve(github, urls)
    existence = [run.of(url).existence for url in urls]
    assert existence == [Existence.FOUND] * 3 + [Existence.UNVERIFIED] * 2
    assert len(fake.rest_calls()) == 3, "no request is made once the budget is spent"
    assert all(run.of(url).rate_limited for url in urls[3:])
    (note,) = run.notes
    assert (
        "2 of 5" in note
        and "unverified" in note
        and time.strftime("%H:%M UTC", time.gmtime(fake.reset)) in note
    )
    assert github_status(run.of(urls[4]), urls[4]).status == LinkStatus.RATE_LIMITED


def test_rest_with_the_budget_already_spent_verifies_nothing_and_blames_nothing(
    github: GithubServers,
) -> None:
    github.fake.budget = 0
    github.fake.add(Repo("org/repo"))
    run = resolve(github, ["https://github.com/org/repo"])
    record = run.of("https://github.com/org/repo")
    assert (record.existence, record.rate_limited) == (Existence.UNVERIFIED, True)
    assert "GITHUB_TOKEN" in run.notes[0]


def test_a_secondary_limit_with_a_short_retry_after_is_waited_out(github: GithubServers) -> None:
    github.fake.add(Repo("org/repo"))
    github.fake.replies.append(secondary_limit(retry_after=1))
    started = time.monotonic()
    run = resolve(github, ["https://github.com/org/repo"])
    assert run.of("https://github.com/org/repo").existence == Existence.FOUND
    assert time.monotonic() - started >= 1
    assert [c.status for c in github.fake.rest_calls()] == [403, 200]


def test_a_secondary_limit_asking_too_long_a_wait_stops_the_walk(github: GithubServers) -> None:
    for name in ("org/a", "org/b"):
        github.fake.add(Repo(name))
    github.fake.replies.append(secondary_limit(retry_after=3600))
    run = resolve(github, ["https://github.com/org/a", "https://github.com/org/b"])
    assert [r.existence for r in run.records.values()] == [Existence.UNVERIFIED] * 2
    assert "secondary rate limit" in run.notes[0]
    assert len(github.fake.rest_calls()) == 1


def test_graphql_asks_about_every_repository_in_one_request(github: GithubServers) -> None:
    fake = github.fake
    fake.add(Repo("tatsu-lab/stanford_alpaca"))
    fake.add(Repo("noahshinn/reflexion", old_names=("noahshinn024/reflexion",)))
    fake.add(Repo("salesforce/CodeRL", archived=True))
    fake.add(Repo("me/private-one", private=True))
    fake.users["roneneldan"] = "User"
    urls = [
        "https://github.com/tatsu-lab/stanford_alpaca",
        "https://github.com/noahshinn024/reflexion",
        "https://github.com/salesforce/CodeRL",
        "https://github.com/someone/deleted",
        "https://github.com/me/private-one",
        "https://github.com/roneneldan",
        "https://github.com/nobody-at-all",
    ]
    run = resolve(github, urls, token=fake.token)
    assert len(fake.graphql_calls()) == 1 and fake.rest_calls() == []
    assert run.of(urls[1]).name == "noahshinn/reflexion" and run.of(urls[1]).moved
    assert run.of(urls[2]).archived
    assert run.of(urls[3]).existence == Existence.MISSING
    assert "Could not resolve to a Repository" in run.of(urls[3]).detail
    assert run.of(urls[4]).private
    assert run.of(urls[5]).existence == Existence.FOUND
    assert run.of(urls[6]).existence == Existence.MISSING
    assert {c.authorization for c in fake.graphql_calls()} == {f"Bearer {fake.token}"}


def test_graphql_batches_a_hundred_at_a_time(github: GithubServers) -> None:
    urls = [f"https://github.com/org/repo{i}" for i in range(150)]
    for i in range(150):
        github.fake.add(Repo(f"org/repo{i}"))
    run = resolve(github, urls, token=github.fake.token)
    assert len(github.fake.graphql_calls()) == 2
    assert all(r.existence == Existence.FOUND for r in run.records.values())


def test_the_query_passes_names_as_variables_never_as_text() -> None:
    query, variables = build_query([GithubRepo('a"}x', "b"), GithubOwner("c")])
    assert 'a"}x' not in query
    assert variables == {"o0": 'a"}x', "n0": "b", "o1": "c"}


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        ("rate-limited", "rate limit is reached"),
        ("bad-token", "rejected GITHUB_TOKEN"),
    ],
)
def test_graphql_refusals_leave_repositories_unverified(
    github: GithubServers, setup: str, words: str
) -> None:
    github.fake.add(Repo("org/repo"))
    if setup == "rate-limited":
        github.fake.graphql_points = 0
    token = "ghp_wrong" if setup == "bad-token" else github.fake.token
    run = resolve(github, ["https://github.com/org/repo"], token=token)
    assert run.of("https://github.com/org/repo").existence == Existence.UNVERIFIED
    assert words in run.notes[0]


@pytest.mark.parametrize("token", [None, "ghp_test-token"])
def test_a_tree_link_has_its_page_checked(github: GithubServers, token: str | None) -> None:
    github.fake.add(Repo("dptech-corp/Uni-SMART", paths=("tree/main/SciLitLLM",)))
    github.fake.add(Repo("new/name", old_names=("old/name",), paths=("blob/main/a.py",)))
    ok = "https://github.com/dptech-corp/Uni-SMART/tree/main/SciLitLLM"
    gone = "https://github.com/dptech-corp/Uni-SMART/tree/main/Gone"
    moved = "https://github.com/old/name/blob/main/a.py"
    run = resolve(github, [ok, gone, moved], token=token)
    assert github_status(run.of(ok), ok).status == LinkStatus.OK
    assert github_status(run.of(gone), gone).status == LinkStatus.BROKEN
    assert (
        github_status(run.of(moved), moved).final_url
        == "https://github.com/new/name/blob/main/a.py"
    )
    assert sorted(c.path for c in github.fake.page_calls) == [
        "/dptech-corp/Uni-SMART/tree/main/Gone",  # HEAD 404,
        "/dptech-corp/Uni-SMART/tree/main/Gone",  # then the GET that confirms it
        "/dptech-corp/Uni-SMART/tree/main/SciLitLLM",
        "/new/name/blob/main/a.py",
    ]
    assert {c.authorization for c in github.fake.page_calls} == {None}
    api_calls = github.fake.graphql_calls() if token else github.fake.rest_calls()
    assert len(api_calls) == (1 if token else 3), "pages cost no API request"


def test_a_record_survives_the_cache_round_trip() -> None:
    record = GithubRecord(Existence.FOUND, "a/b", "c/d", archived=True, pushed_at="2024")
    assert GithubRecord.from_json(record.to_json()) == record
    assert replace(record, asked="A/B").moved


def test_pages_of_an_unreachable_web_are_not_blamed(github: GithubServers) -> None:
    """The API answers, github.com itself cannot be reached: the tree and blob pages are not
    checked, never broken (the links table says so, and no broken-link finding follows)."""
    urls = [
        "https://github.com/dptech-corp/Uni-SMART/tree/main/Gone",
        "https://github.com/dptech-corp/Uni-SMART/tree/main/SciLitLLM",
    ]
    github.fake.add(Repo("dptech-corp/Uni-SMART", paths=("tree/main/SciLitLLM",)))
    run = resolve(github, urls, pages=CLOSED)
    for url in urls:
        verdict = github_status(run.of(url), url)
        assert verdict.status == LinkStatus.ERROR, verdict
        assert verdict.detail.startswith("not checked: ")
