"""
What survey.md's GitHub and Hugging Face links cost: requests with a token and without, on a
cold cache, a warm one and an expired one, and a run whose REST budget is smaller than the
survey; printed as figures.

    python benchmarks/code_links.py [SURVEY] [BUDGET]      (default survey.md 20)

The services are the loopback GitHub and Hub of the tests, loaded with the survey's real
repository states (tests/servers/payloads/survey_states.json says where each comes from). Every
other link is excluded, so nothing leaves the machine. Each run is a fresh `linkwatch check`
process, as a user would run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers.github_repos import SURVEY_STATES, FakeGitHubRepos  # noqa: E402
from tests.servers.huggingface import FakeHub, HubRepo  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402

EXCLUDE = (r"arxiv\.org", r"^(?!https://(www\.)?(github\.com|huggingface\.co)/.)")


def main() -> None:
    survey = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "survey.md").resolve()
    budget = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print(f"{survey.name}: code links through the GitHub and Hugging Face APIs (loopback)")
        with_token(survey, work / "token")
        without_token(survey, work / "anonymous")
        exhausted(survey, work / "budget", budget)


def with_token(survey: Path, work: Path) -> None:
    with services() as (github, hub, env):
        github.budget = 10_000
        data, seconds = check(survey, work, {**env, "GITHUB_TOKEN": github.token})
        print(f"\nwith GITHUB_TOKEN ({seconds:.2f} s):")
        figures(data, github, hub)


def without_token(survey: Path, work: Path) -> None:
    with services() as (github, hub, env):
        github.budget = 10_000  # each run as if in a fresh hour (GitHub: 60 an hour)
        for label, extra in (
            ("cold cache", []),
            ("warm cache", []),
            ("--max-age 0s", ["--max-age", "0s"]),
        ):
            before = len(github.rest_calls())
            data, seconds = check(survey, work, env, *extra)
            calls = github.rest_calls()[before:]
            not_modified = sum(c.status == 304 for c in calls)
            print(f"\nwithout a token, {label} ({seconds:.2f} s): {len(calls)} REST requests"
                  f" ({not_modified} answered 304 Not Modified)")  # fmt: skip
            if label == "cold cache":
                figures(data, github, hub)


def exhausted(survey: Path, work: Path, budget: int) -> None:
    with services() as (github, _, env):
        github.budget = budget
        data, seconds = check(survey, work, env)
        rows = [row for row in data["links"] if "github.com" in row["url"]]
        statuses: dict[str, int] = {}
        for row in rows:
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
        unverified = sum(1 for f in data["findings"] if f["kind"] == "unverified")
        print(f"\nwithout a token, {budget} requests left this hour ({seconds:.2f} s):")
        print(f"  REST requests: {len(github.rest_calls())}; GitHub link rows: {statuses}")
        print(
            f"  unverified findings: {unverified}; repo-not-found: {kinds(data, 'repo-not-found')}"
        )
        for note in data["notes"]:
            print(f"  note: {note}")


def figures(data: dict, github: FakeGitHubRepos, hub: FakeHub) -> None:
    repos = {c.path.casefold() for c in github.rest_calls() if c.path.startswith("/repos/")}
    print(
        f"  GraphQL requests: {len(github.graphql_calls())}; REST requests: "
        f"{len(github.rest_calls())} ({len(repos)} distinct repositories asked)"
    )
    print(f"  github.com page probes: {len(github.page_calls)}; Hub API requests: "
          f"{len(hub.calls)}")  # fmt: skip
    for kind in (
        "repo-moved",
        "repo-not-found",
        "repo-archived",
        "hf-not-found",
        "hf-gated",
        "unverified",
    ):
        print(f"  {kind}: {kinds(data, kind)}")


def kinds(data: dict, kind: str) -> int:
    return sum(1 for f in data["findings"] if f["kind"] == kind)


@contextmanager
def services() -> Iterator[tuple[FakeGitHubRepos, FakeHub, dict[str, str]]]:
    """The loopback GitHub (API and pages) and Hub, loaded with the survey's states."""
    github = FakeGitHubRepos.from_survey_states()
    hub = FakeHub()
    for state in json.loads(SURVEY_STATES.read_text(encoding="utf-8"))["huggingface"]:
        if state["kind"] == "user":
            hub.users.append(state["id"])
        else:
            hub.repos.append(HubRepo(state["kind"], state["id"]))
    with (
        serving(github.api()) as api,
        serving(github.pages()) as pages,
        serving(hub.app()) as hub_server,
    ):
        github.base_url = api.url
        env = {**os.environ, "GITHUB_API_URL": api.url, "HF_ENDPOINT": hub_server.url,
               "LINKWATCH_PAGES": pages.url}  # fmt: skip
        for name in ("GITHUB_TOKEN", "HF_TOKEN", "GITHUB_GRAPHQL_URL"):
            env.pop(name, None)
        yield github, hub, env


def check(survey: Path, work: Path, env: dict[str, str], *extra: str) -> tuple[dict, float]:
    work.mkdir(parents=True, exist_ok=True)
    excludes = [arg for pattern in EXCLUDE for arg in ("--exclude", pattern)]
    remap = ["--remap", rf"^https://github\.com {env['LINKWATCH_PAGES']}"]
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", str(survey), "-o", str(work / "out"),
         "-f", "json", "--cache", str(work / "cache.sqlite"), "--no-progress", "-q",
         *remap, *excludes, *extra],
        env=env, check=False, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    seconds = time.monotonic() - started
    return json.loads((work / "out" / "linkwatch.json").read_text()), seconds


if __name__ == "__main__":
    main()
