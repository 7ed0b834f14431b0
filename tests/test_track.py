"""
`linkwatch track` against a loopback GitHub REST server: one tracking issue, opened, updated,
commented and closed as the survey changes; rate limits waited out or reported in one line; the
token sent only to the API's own host, in the Authorization header, and never printed.
"""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from linkwatch.errors import BadInput
from linkwatch.settings import Services
from linkwatch.track import command as track
from linkwatch.track.issues import GitHubUnavailable, Policy
from tests.servers.github import BODY_LIMIT, FakeGitHub, rate_limited, status
from tests.servers.threaded import serving

RunCli = Callable[..., Result]
TOKEN = "ghs_loopbackTokenThatMustNeverBePrinted0123"
TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
CLEAN = TABLE + "| [TinyStories](https://arxiv.org/abs/2305.07759) | arXiv 2023 | - |\n"
PROBLEMS = CLEAN + "| [Self-Instruct](http://arxiv.org/abs/2212.10560) | arxiv 2023 | - |\n"
ONE_MORE = PROBLEMS + "| []() | arxiv 2024 | - |\n"


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGitHub]:
    fake = FakeGitHub(token=TOKEN)
    with serving(fake.app()) as url:
        fake.base_url = url
        monkeypatch.setenv("GITHUB_API_URL", url)
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        yield fake


@pytest.fixture
def report(workdir: Path, run_cli: RunCli) -> Callable[[str], None]:
    """Write the survey and its offline report (reports/linkwatch.json)."""

    def write(survey: str) -> None:
        (workdir / "survey.md").write_text(survey, encoding="utf-8")
        result = run_cli("check", "--offline", "-f", "json,markdown", "--fail-on", "never")
        assert result.exit_code == 0, result.output

    return write


def track_cli(run_cli: RunCli, *args: str) -> Result:
    result = run_cli("track", "--repo", "octo/papers", *args)
    assert TOKEN not in result.output
    return result


def writes(fake: FakeGitHub) -> list[tuple[str, str]]:
    return [(c.method, c.path) for c in fake.calls if c.method != "GET"]


def test_no_issue_and_findings_opens_one(github: FakeGitHub, report, run_cli: RunCli) -> None:
    report(PROBLEMS)
    result = track_cli(run_cli)
    assert result.exit_code == 0, result.output
    assert result.output == "opened issue #1 (https://github.com/octo/papers/issues/1)\n"
    assert writes(github) == [("POST", "/repos/octo/papers/issues")]
    issue = github.issues[1]
    assert [label["name"] for label in issue["labels"]] == ["linkwatch"]
    assert issue["title"] == "linkwatch: problems found in survey.md"
    assert issue["body"].startswith("## linkwatch report")
    assert "insecure-link" in issue["body"]
    assert re.search(r"<!-- linkwatch:findings [0-9a-f]{10} [0-9a-f]{10} -->", issue["body"])


def test_an_open_issue_is_updated_not_duplicated(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    """The second run edits the body of the issue the first opened; with nothing new it adds
    no comment; a third run with one more problem comments just that one."""
    report(PROBLEMS)
    assert track_cli(run_cli).exit_code == 0
    second = track_cli(run_cli)
    assert second.output == "updated issue #1: 0 new, 0 gone since the last run\n"
    report(ONE_MORE)
    third = track_cli(run_cli)
    assert third.output == "updated issue #1: 1 new, 0 gone since the last run\n"
    assert list(github.issues) == [1]
    assert writes(github) == [
        ("POST", "/repos/octo/papers/issues"),
        ("PATCH", "/repos/octo/papers/issues/1"),
        ("PATCH", "/repos/octo/papers/issues/1"),
        ("POST", "/repos/octo/papers/issues/1/comments"),
    ]
    (comment,) = github.comments[1]
    assert "**1 new** since the last run, **0 gone**." in comment
    assert "| survey.md:5 | empty-entry |" in comment
    assert "empty-entry" in github.issues[1]["body"]


def test_an_issue_opened_by_hand_is_adopted(github: FakeGitHub, report, run_cli: RunCli) -> None:
    """A labelled issue without linkwatch's hidden list: every finding counts as new."""
    github.add_issue("Broken links", ["bug", "linkwatch"], body="Please fix the links.")
    report(PROBLEMS)
    assert track_cli(run_cli).output == "updated issue #1: 2 new, 0 gone since the last run\n"
    assert "## linkwatch report" in github.issues[1]["body"]


def test_a_clean_survey_closes_the_issue_with_a_comment(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    report(PROBLEMS)
    track_cli(run_cli)
    report(CLEAN)
    result = track_cli(run_cli)
    assert result.output == "closed issue #1: the survey is clean\n"
    assert (github.issues[1]["state"], github.issues[1]["state_reason"]) == ("closed", "completed")
    assert "linkwatch finds no problem any more: closing." in github.comments[1][0]
    assert track_cli(run_cli).output == (
        "the survey is clean and no tracking issue is open: nothing to do\n"
    )
    assert len(writes(github)) == 3  # create, comment, close; the last run wrote nothing


def test_problems_coming_back_open_a_new_issue(github: FakeGitHub, report, run_cli: RunCli) -> None:
    report(PROBLEMS)
    track_cli(run_cli)
    report(CLEAN)
    track_cli(run_cli)
    report(PROBLEMS)
    assert track_cli(run_cli).output.startswith("opened issue #2 ")


def test_pull_requests_and_later_pages_are_looked_through(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    """The issues endpoint lists pull requests too; the issue may be on page 2."""
    github.page_size = 1
    github.add_issue("A pull request", ["linkwatch"], pr=True)
    number = github.add_issue("linkwatch: problems found in survey.md", ["linkwatch"])
    report(PROBLEMS)
    assert track_cli(run_cli).output.startswith(f"updated issue #{number}:")
    pages = [c.query.get("page", "1") for c in github.calls if c.method == "GET"]
    assert pages == ["1", "2"]


def test_a_huge_report_fits_the_body_limit_with_a_link_to_the_run(
    github: FakeGitHub, report, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/papers")
    monkeypatch.setenv("GITHUB_RUN_ID", "4242")
    rows = "".join(
        f"| [Paper {n} {'x' * 120}](http://arxiv.org/abs/2305.{n:05d}) | NIPS 2023 | - |\n"
        for n in range(2500)
    )
    report(TABLE + rows)
    result = track_cli(run_cli)
    assert result.exit_code == 0, result.output
    body = github.issues[1]["body"]
    assert len(body) <= BODY_LIMIT
    assert len(body.encode("utf-16-le")) // 2 <= BODY_LIMIT
    assert "more findings not shown" in body or "not shown" in body
    assert "[this run](https://github.com/octo/papers/actions/runs/4242)" in body


def test_a_rate_limit_with_retry_after_is_waited_out(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    github.replies.append(rate_limited(429, retry_after=1))
    report(PROBLEMS)
    started = time.monotonic()
    result = track_cli(run_cli)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.0
    assert [c.method for c in github.calls] == ["GET", "GET", "POST"]


def test_a_spent_budget_that_resets_soon_is_waited_out_by_the_shared_client(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    """A 403 with x-ratelimit-remaining: 0 and a reset a second away: the client waits until
    the reset (plus a second) and asks again; no Retry-After needed."""
    github.replies.append(rate_limited(403, reset_in=1))
    report(PROBLEMS)
    started = time.monotonic()
    result = track_cli(run_cli)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started >= 1.0
    assert [c.method for c in github.calls] == ["GET", "GET", "POST"]


def test_a_rate_limit_that_resets_too_late_is_one_clear_line(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    github.replies.append(rate_limited(403, reset_in=3600))
    report(PROBLEMS)
    result = track_cli(run_cli)
    assert result.exit_code == 3
    assert re.fullmatch(
        r"linkwatch: error: GitHub API rate limit reached \(403 API rate limit exceeded for "
        r"installation ID 1\.\); it allows requests again at \d\d:\d\d:\d\d UTC: run again "
        r"after that\n",
        result.output,
    )
    assert len(github.calls) == 1


def test_server_errors_are_retried_then_reported(github: FakeGitHub, report) -> None:
    """Two 503s then success; four 503s in a row end in one error (exit 3)."""
    report(PROBLEMS)
    request = track.Request(
        "octo/papers",
        "linkwatch",
        Path("reports/linkwatch.json"),
        Services(github_api_url=github.base_url, github_token=TOKEN),
        policy=Policy(attempts=3, backoff=0.01),
    )
    github.replies += [status(503), status(503)]
    assert track.run(request).startswith("opened issue #1")
    github.replies += [status(502, "Bad Gateway")] * 3
    with pytest.raises(GitHubUnavailable) as error:
        track.run(request)
    assert error.value.exit_code == 3
    assert "GET /repos/octo/papers/issues: GitHub answered 502 Bad Gateway; tried 3 times" in (
        error.value.message
    )


@pytest.mark.parametrize(
    ("reply", "code", "message"),
    [
        (status(401, "Bad credentials"), 2, "GitHub rejected the token (401 Bad credentials)"),
        (
            status(403, "Resource not accessible by integration"),
            2,
            "needs 'issues: write' permission on octo/papers",
        ),
        (status(404, "Not Found"), 2, "GitHub knows no repository octo/papers (404 Not Found)"),
        (status(410, "Issues are disabled for this repo"), 2, "issues are turned off"),
    ],
)
def test_refusals_are_one_line_saying_what_to_do(
    github: FakeGitHub, report, run_cli: RunCli, reply, code: int, message: str
) -> None:
    github.replies.append(reply)
    report(PROBLEMS)
    result = track_cli(run_cli)
    assert result.exit_code == code
    assert result.output.startswith("linkwatch: error: ")
    assert message in result.output
    assert len(result.output.splitlines()) == 1


def test_labels_dropped_by_github_are_an_error_not_a_silent_duplicate(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    github.drop_labels = True
    report(PROBLEMS)
    result = track_cli(run_cli)
    assert result.exit_code == 2
    assert "GitHub opened issue #1 without the label 'linkwatch'" in result.output


@pytest.mark.parametrize(
    ("args", "environ", "message"),
    [
        (["--repo", "not a repo"], {}, "--repo 'not a repo': give it as OWNER/NAME"),
        (["--repo", "octo/papers"], {"GITHUB_TOKEN": ""}, "GITHUB_TOKEN is not set"),
        ([], {}, "--repo is missing and GITHUB_REPOSITORY is not set"),
        (["--repo", "o/r", "--report", "nope.json"], {}, "nope.json: no such report"),
    ],
)
def test_bad_requests_are_refused_before_any_call(
    github: FakeGitHub,
    report,
    run_cli: RunCli,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    environ: dict[str, str],
    message: str,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    report(PROBLEMS)
    result = run_cli("track", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert github.calls == []


def test_repo_defaults_to_the_one_actions_runs_in(
    github: FakeGitHub, report, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/papers")
    report(PROBLEMS)
    assert run_cli("track").output.startswith("opened issue #1")


def test_the_token_goes_only_in_the_authorization_header(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    report(PROBLEMS)
    track_cli(run_cli)
    report(ONE_MORE)
    track_cli(run_cli)
    assert len(github.calls) == 5
    for call in github.calls:
        assert f"Bearer {TOKEN}" == call.authorization
        assert TOKEN not in json.dumps([call.path, call.query, call.json])


def test_a_redirect_to_another_host_is_not_followed_with_the_token(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    elsewhere = FakeGitHub(token="other")
    with serving(elsewhere.app()) as url:
        github.redirect_to = url.replace("127.0.0.1", "localhost")  # another host
        report(PROBLEMS)
        result = track_cli(run_cli)
    assert result.exit_code == 2
    assert result.output == (
        f"linkwatch: error: the GitHub API redirected to another host "
        f"({github.redirect_to.removeprefix('http://')}); linkwatch sends the token nowhere "
        "else: set GITHUB_API_URL to the API itself\n"
    )
    assert elsewhere.calls == []


def test_a_redirect_on_the_same_host_is_followed(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    """A renamed repository answers 301 (GET) and 307 (POST) to its new name on the same
    API host; both are followed, with the token."""
    github.renamed_from = "octo/old-name"
    report(PROBLEMS)
    assert run_cli("track", "--repo", "octo/old-name").output.startswith("opened issue #1")
    assert [(c.method, c.path) for c in github.calls] == [
        ("GET", "/repos/octo/old-name/issues"),
        ("GET", "/repos/octo/papers/issues"),
        ("POST", "/repos/octo/old-name/issues"),
        ("POST", "/repos/octo/papers/issues"),
    ]
    assert {f"Bearer {TOKEN}"} == {c.authorization for c in github.calls}


def test_a_server_echoing_the_token_does_not_get_it_printed(
    github: FakeGitHub, report, run_cli: RunCli
) -> None:
    github.replies.append(status(422, f"token {TOKEN} is not valid here"))
    report(PROBLEMS)
    result = track_cli(run_cli)
    assert result.exit_code == 2
    assert "token *** is not valid here" in result.output


def test_an_unreachable_api_is_exit_3(report) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    report(PROBLEMS)
    request = track.Request(
        "octo/papers",
        "linkwatch",
        Path("reports/linkwatch.json"),
        Services(github_api_url=f"http://127.0.0.1:{port}", github_token=TOKEN),
        policy=Policy(attempts=2, backoff=0.01),
    )
    with pytest.raises(GitHubUnavailable) as error:
        track.run(request)
    assert f"cannot reach the GitHub API at 127.0.0.1:{port}" in error.value.message


def test_an_empty_label_is_refused_before_any_request(github: FakeGitHub, report) -> None:
    report(PROBLEMS)
    request = track.Request(
        "octo/papers",
        " ",
        Path("reports/linkwatch.json"),
        Services(github_api_url=github.base_url, github_token=TOKEN),
    )
    with pytest.raises(BadInput, match="--label is empty"):
        track.run(request)
    assert github.calls == []
