"""
`linkwatch check` on the project's survey.md with its GitHub and Hugging Face links answered by
loopback services loaded with the repositories' real states (tests/servers/payloads/
survey_states.json): the requests it costs, the findings and fixes, the budget running out,
and tokens that never leave their service.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import PROJECT, GithubServers, Web, serving_github
from tests.servers.github_repos import SURVEY_STATES, FakeGitHubRepos, Repo
from tests.servers.huggingface import FakeHub, HubRepo
from tests.servers.loopback import LoopbackServer, serving
from tests.servers.web import WebState, make_app

# Everything but the GitHub and Hugging Face links is left out (arXiv explicitly: its resolver
# is being built elsewhere), and so is the bare 'https://huggingface.co/' the survey has.
EXCLUDE = (r"arxiv\.org", r"^(?!https://(www\.)?(github\.com|huggingface\.co)/.)")
DISTINCT_REPOSITORIES = 44
MOVED = {
    "https://github.com/noahshinn024/reflexion": "https://github.com/noahshinn/reflexion",
    "https://github.com/THUDM/SciGLM": "https://github.com/zai-org/SciGLM",
}


@pytest.fixture
def survey_github() -> Iterator[GithubServers]:
    yield from serving_github(FakeGitHubRepos.from_survey_states())


@pytest.fixture
def survey_hub() -> Iterator[tuple[LoopbackServer, FakeHub]]:
    states = json.loads(SURVEY_STATES.read_text(encoding="utf-8"))["huggingface"]
    fake = FakeHub()
    fake.users += [s["id"] for s in states if s["kind"] == "user"]
    fake.repos += [HubRepo(s["kind"], s["id"]) for s in states if s["kind"] != "user"]
    with serving(fake.app()) as server:
        yield server, fake


@pytest.fixture
def services(
    workdir: Path,
    monkeypatch: pytest.MonkeyPatch,
    survey_github: GithubServers,
    survey_hub: tuple[LoopbackServer, FakeHub],
) -> tuple[GithubServers, FakeHub]:
    shutil.copy(PROJECT / "survey.md", workdir / "survey.md")
    monkeypatch.setenv("GITHUB_API_URL", survey_github.api.url)
    monkeypatch.setenv("HF_ENDPOINT", survey_hub[0].url)
    return survey_github, survey_hub[1]


def check(run_cli, github: GithubServers, *args: str) -> tuple[Result, dict]:  # type: ignore[no-untyped-def]
    excludes = [arg for pattern in EXCLUDE for arg in ("--exclude", pattern)]
    result = run_cli(
        "check", "-o", "out", "-f", "json", "--no-progress", "--cache", "c.sqlite",
        "--remap", github.remap, *excludes, *args,
    )  # fmt: skip
    return result, json.loads(Path("out/linkwatch.json").read_text())


def by_kind(data: dict, kind: str) -> list[dict]:
    return [f for f in data["findings"] if f["kind"] == kind]


def test_with_a_token_one_graphql_request_covers_every_repository(
    services: tuple[GithubServers, FakeHub], monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:
    github, _ = services
    monkeypatch.setenv("GITHUB_TOKEN", github.fake.token)
    result, data = check(run_cli, github)
    assert (len(github.fake.graphql_calls()), len(github.fake.rest_calls())) == (1, 0)
    assert set(data["summary"]["requests"]) == {"127.0.0.1"}, "nothing left the machine"
    moved = {f["url"]: f["fix"]["new"] for f in by_kind(data, "repo-moved")}
    assert moved == MOVED
    assert by_kind(data, "repo-not-found") == [] and by_kind(data, "hf-not-found") == []
    assert result.exit_code == 1, result.output  # the survey's own errors (empty rows...)
    check(run_cli, github)
    assert len(github.fake.graphql_calls()) == 1, "a warm cache asks nothing"


def test_without_a_token_one_rest_request_per_repository_and_none_when_warm(
    services: tuple[GithubServers, FakeHub], run_cli
) -> None:
    github, _ = services
    github.fake.budget = 1000  # three runs here; GitHub would give 60 an hour (a 304 included)
    _, data = check(run_cli, github)
    cold = github.fake.rest_calls()
    asked = {c.path.casefold() for c in cold if c.path.startswith("/repos/")}
    assert len(asked) == DISTINCT_REPOSITORIES == len([c for c in cold if "/repos/" in c.path])
    # a renamed repository costs one more request: the 301's /repositories/{id}
    assert len(cold) == DISTINCT_REPOSITORIES + len(MOVED)
    assert {f["url"] for f in by_kind(data, "repo-moved")} == set(MOVED)

    check(run_cli, github)
    assert len(github.fake.rest_calls()) == len(cold), "a warm cache asks nothing"

    check(run_cli, github, "--max-age", "0s")
    expired = github.fake.rest_calls()[len(cold) :]
    assert len(expired) == len(cold)
    assert sum(c.status == 304 for c in expired) == DISTINCT_REPOSITORIES - len(MOVED)


def test_a_budget_smaller_than_the_survey_verifies_what_it_can_and_blames_nothing(
    services: tuple[GithubServers, FakeHub], run_cli
) -> None:
    github, _ = services
    github.fake.budget = 20
    result, data = check(run_cli, github)
    assert len(github.fake.rest_calls()) == 20
    unverified = [f for f in by_kind(data, "unverified") if "github.com" in f["url"]]
    assert unverified and all("budget" in f["message"] for f in unverified)
    assert by_kind(data, "repo-not-found") == []
    (note,) = [n for n in data["notes"] if n.startswith("GitHub:")]
    assert re.search(
        rf"\d+ of {DISTINCT_REPOSITORIES} repositories left unverified, not broken", note
    )
    assert "whole again at" in note and "GITHUB_TOKEN" in note
    rows = [row for row in data["links"] if "github.com" in row["url"]]
    assert {row["status"] for row in rows} >= {"ok", "rate-limited"}
    assert result.exit_code == 1, "checks ran: not 3, and the survey has errors of its own"


def test_tokens_never_reach_another_host_a_report_or_the_cache(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, github: GithubServers, hub, web: Web, run_cli
) -> None:
    """The GraphQL API and the Hub both redirect to another host: neither token follows. Pages
    and plain links never get one. Neither token is written anywhere."""
    elsewhere_state = WebState()
    server, fake_hub = hub
    web_server, web_state = web
    github.fake.add(Repo("a/b"))
    with serving(make_app(elsewhere_state)) as elsewhere:
        github.fake.redirect_graphql_to = f"{elsewhere.url}/status/200"
        fake_hub.redirect_to = f"{elsewhere.url}/status/200?from="
        fake_hub.token = "hf_secret-hub-token"
        (workdir / "survey.md").write_text(
            "| Paper | Published in | Code |\n|---|---|---|\n"
            f"| [P]({web_server.url}/status/200) | ICLR 2024 | https://github.com/a/b |\n"
            "| [Q](https://github.com/a/b/tree/main/x) | ICLR 2024 | "
            "https://huggingface.co/datasets/x/y |\n"
        )
        monkeypatch.setenv("GITHUB_API_URL", github.api.url)
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        monkeypatch.setenv("GITHUB_TOKEN", "ghp_secret-github-token")
        monkeypatch.setenv("HF_TOKEN", "hf_secret-hub-token")
        result, data = check(run_cli, github, "-v")
    assert github.fake.graphql_calls()[0].authorization == "Bearer ghp_secret-github-token"
    assert fake_hub.calls[0].authorization == "Bearer hf_secret-hub-token"
    assert elsewhere_state.authorization == [] and sum(elsewhere_state.requests.values()) >= 1
    assert web_state.authorization == []
    assert {c.authorization for c in github.fake.page_calls} <= {None}
    files = [path for path in workdir.rglob("*") if path.is_file()]
    written = [result.output, *(path.read_bytes().decode("latin-1") for path in files)]
    for secret in ("ghp_secret-github-token", "hf_secret-hub-token"):
        assert not any(secret in text for text in written)
    github_rows = [row for row in data["links"] if "github.com" in row["url"]]
    assert {row["status"] for row in github_rows} == {"error"}, "unverified, not broken"
