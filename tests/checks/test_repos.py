"""
What the GitHub and Hugging Face checks say of the records the resolvers return, and the fixes
they offer: each check reads records, none asks a service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from linkwatch.checks import Context, run_checks
from linkwatch.model import Finding
from linkwatch.model.records import Records
from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import GithubRecord
from linkwatch.model.records.huggingface import HubRecord
from linkwatch.model.records.web import WebRecord
from linkwatch.model.targets import GithubOwner, GithubRepo, HfOwner, HfRepo
from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source

HEADER = "| Paper | Published in | Code |\n|---|---|---|\n"
FOUND, MISSING, UNVERIFIED = Existence.FOUND, Existence.MISSING, Existence.UNVERIFIED


def findings(path: Path, github: dict, huggingface: dict | None = None) -> list[Finding]:
    records = Records(
        frozenset({"github", "huggingface"}), github=github, huggingface=huggingface or {}
    )
    survey = parse_survey([read_source(path)])
    return [f for f in run_checks(Context(survey, records)) if f.kind not in _OFFLINE]


_OFFLINE = {"code-link-not-code", "venue-format"}


def apply(line: str, finding: Finding) -> str:
    fix = finding.problem.fix
    assert fix is not None and fix.column is not None and fix.safe
    assert line[fix.column : fix.column + len(fix.old)] == fix.old
    return line[: fix.column] + fix.new + line[fix.column + len(fix.old) :]


def test_a_moved_repository_is_fixed_in_place_keeping_its_path(
    write_survey: Callable[..., Path],
) -> None:
    url = "https://github.com/noahshinn024/reflexion/tree/main/hotpotqa"
    row = f"| [Reflexion](https://x.org/p) | NeurIPS 2023 | {url} |"
    record = GithubRecord(FOUND, "noahshinn024/reflexion", "noahshinn/reflexion")
    key = GithubRepo("noahshinn024", "reflexion", "tree/main/hotpotqa")
    (finding,) = findings(write_survey(HEADER + row + "\n"), {key: record})
    assert (finding.kind, finding.severity.value) == ("repo-moved", "warning")
    assert apply(row, finding) == row.replace("noahshinn024/reflexion", "noahshinn/reflexion")


def test_missing_private_and_archived_repositories(write_survey: Callable[..., Path]) -> None:
    rows = [
        "| [A](https://x.org/a) | ICLR 2024 | https://github.com/someone/gone |",
        "| [B](https://x.org/b) | ICLR 2024 | https://github.com/me/secret |",
        "| [C](https://x.org/c) | ICLR 2024 | https://github.com/salesforce/CodeRL |",
        "| [D](https://x.org/d) | ICLR 2024 | https://github.com/nobody |",
    ]
    records = {
        GithubRepo("someone", "gone"): GithubRecord(
            MISSING, "someone/gone", detail="no such repository (HTTP 404 Not Found)"
        ),
        GithubRepo("me", "secret"): GithubRecord(FOUND, "me/secret", "me/secret", private=True),
        GithubRepo("salesforce", "CodeRL"): GithubRecord(
            FOUND,
            "salesforce/CodeRL",
            "salesforce/CodeRL",
            archived=True,
            pushed_at="2023-02-01T00:00:00Z",
        ),
        GithubOwner("nobody"): GithubRecord(
            MISSING, "nobody", detail="no such user or organisation"
        ),
    }
    got = {
        (f.line, f.kind): f.problem.message
        for f in findings(write_survey(HEADER + "\n".join(rows) + "\n"), records)
    }
    assert set(got) == {
        (3, "repo-not-found"),
        (4, "repo-not-found"),
        (5, "repo-archived"),
        (6, "repo-not-found"),
    }
    assert "HTTP 404" in got[(3, "repo-not-found")]
    assert "private" in got[(4, "repo-not-found")]
    assert "last pushed 2023-02-01" in got[(5, "repo-archived")]


def test_a_missing_page_below_a_repository_is_a_broken_link(
    write_survey: Callable[..., Path],
) -> None:
    url = "https://github.com/dptech-corp/Uni-SMART/tree/main/Gone"
    row = f"| [S](https://x.org/s) | arxiv 2024 | {url} |"
    page = WebRecord(404, "https://github.com/x")
    record = GithubRecord(FOUND, "dptech-corp/Uni-SMART", "dptech-corp/Uni-SMART", page=page)
    key = GithubRepo("dptech-corp", "Uni-SMART", "tree/main/Gone")
    (finding,) = findings(write_survey(HEADER + row + "\n"), {key: record})
    assert (finding.kind, finding.severity.value) == ("broken-link", "error")


def test_unverified_is_never_broken(write_survey: Callable[..., Path]) -> None:
    row = "| [A](https://x.org/a) | ICLR 2024 | https://github.com/org/repo |"
    record = GithubRecord(
        UNVERIFIED, "org/repo", detail="GitHub's API budget ... is spent", rate_limited=True
    )
    (finding,) = findings(write_survey(HEADER + row + "\n"), {GithubRepo("org", "repo"): record})
    assert (finding.kind, finding.severity.value) == ("unverified", "info")


def test_hub_missing_gated_private_and_moved(write_survey: Callable[..., Path]) -> None:
    hf = "https://huggingface.co"
    rows = [
        f"| [A](https://x.org/a) | ICLR 2024 | {hf}/datasets/x/gone |",
        f"| [B](https://x.org/b) | ICLR 2024 | {hf}/meta-llama/Llama-2-7b-hf |",
        f"| [C](https://x.org/c) | ICLR 2024 | {hf}/me/secret |",
        f"| [D](https://x.org/d) | ICLR 2024 | {hf}/old-owner/old-name/tree/main |",
        f"| [E](https://x.org/e) | ICLR 2024 | {hf}/no-one |",
    ]
    records = {
        HfRepo("dataset", "x/gone"): HubRecord(
            MISSING, "dataset", "x/gone", detail="missing or private (HTTP 401)"
        ),
        HfRepo("model", "meta-llama/Llama-2-7b-hf"): HubRecord(
            FOUND, "model", "meta-llama/Llama-2-7b-hf", "meta-llama/Llama-2-7b-hf", gated="manual"
        ),
        HfRepo("model", "me/secret"): HubRecord(
            FOUND, "model", "me/secret", "me/secret", private=True
        ),
        HfRepo("model", "old-owner/old-name"): HubRecord(
            FOUND, "model", "old-owner/old-name", "new-owner/new-name"
        ),
        HfOwner("no-one"): HubRecord(MISSING, "user", "no-one", detail="missing (HTTP 404)"),
    }
    text = HEADER + "\n".join(rows) + "\n"
    got = {(f.line, f.kind): f for f in findings(write_survey(text), {}, records)}
    assert set(got) == {
        (3, "hf-not-found"),
        (4, "hf-gated"),
        (5, "hf-gated"),
        (6, "redirect"),
        (7, "hf-not-found"),
    }
    assert "its authors approve each request" in got[(4, "hf-gated")].problem.message
    assert apply(rows[3], got[(6, "redirect")]) == rows[3].replace(
        "old-owner/old-name", "new-owner/new-name"
    )
