"""
`linkwatch track`: one labelled GitHub issue that always shows the survey's latest report,
opened when problems appear, commented with what is new, and closed once the survey is clean.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linkwatch.errors import BadInput
from linkwatch.model import Finding
from linkwatch.model.report import Report
from linkwatch.reporters import markdown
from linkwatch.reporters.read import read_report
from linkwatch.settings import Services
from linkwatch.track.issues import Issue, IssuesClient, Policy
from linkwatch.transport.client import Client

BODY_LIMIT = markdown.GITHUB_COMMENT_LIMIT  # issue bodies and comments share the 65,536 limit
_MARGIN = 1_000  # GitHub may count some characters (emoji) as two
_STATE = re.compile(r"<!-- linkwatch:findings (?P<ids>[0-9a-f ]*|\*) -->")
_MAX_STATE_CHARS = 20_000
_MAX_COMMENT_ROWS = 100
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


@dataclass(frozen=True, slots=True)
class Request:
    """What `linkwatch track` was asked: which repository, label and report."""

    repo: str
    label: str
    report: Path
    services: Services
    run_url: str | None = None
    """The Actions run whose artifact holds the full reports, when running in Actions."""
    policy: Policy = field(default_factory=Policy)


def run(request: Request) -> str:
    """Bring the tracking issue up to date; returns the one line that says what was done."""
    if not request.repo:
        raise BadInput("--repo is missing and GITHUB_REPOSITORY is not set: give OWNER/NAME")
    if not _REPO.match(request.repo):
        raise BadInput(f"--repo '{request.repo}': give it as OWNER/NAME")
    if not request.label.strip():
        raise BadInput("--label is empty: the tracking issue is found again by its label")
    if not request.services.github_token:
        raise BadInput("GITHUB_TOKEN is not set: 'track' needs a token allowed to write issues")
    report = read_report(request.report)
    return asyncio.run(_track(request, report))


async def _track(request: Request, report: Report) -> str:
    async with Client(request.policy.limits()) as http:
        client = IssuesClient(
            http,
            request.services.github_api_url,
            request.services.github_token or "",
            request.repo,
            request.policy,
        )
        return await keep_current(client, report, request.label, request.run_url)


async def keep_current(
    client: IssuesClient, report: Report, label: str, run_url: str | None
) -> str:
    issue = await client.open_issue(label)
    if not report.findings:
        if issue is None:
            return "the survey is clean and no tracking issue is open: nothing to do"
        await client.comment(issue.number, clean_comment(run_url))
        await client.edit(issue.number, state="closed", state_reason="completed")
        return f"closed issue #{issue.number}: the survey is clean"
    text = body(report, run_url)
    if issue is None:
        created = await client.create(title(report), text, [label])
        _check_label(created, label)
        return f"opened issue #{created.number} ({created.html_url})"
    new, gone = changes(issue.body, report)
    await client.edit(issue.number, body=text)
    if new or gone:
        await client.comment(issue.number, changes_comment(new, gone, run_url))
    return f"updated issue #{issue.number}: {len(new)} new, {gone} gone since the last run"


def title(report: Report) -> str:
    files = ", ".join(i.file for i in report.inputs) or "the survey"
    return f"linkwatch: problems found in {files}"


def body(report: Report, run_url: str | None) -> str:
    """The Markdown report, cut to fit GitHub's limit, then a link to the run's artifact and
    the (hidden) list of findings the next run compares with."""
    tail = f"\n{_artifact_line(run_url)}\n{state(report.findings)}\n"
    text = markdown.render(report, limit=BODY_LIMIT - _MARGIN - len(tail))
    return text.rstrip("\n") + "\n" + tail


def state(findings: Sequence[Finding]) -> str:
    """An HTML comment (invisible on GitHub) with a short digest of each finding's id."""
    ids = " ".join(sorted({_short(f.id) for f in findings}))
    return f"<!-- linkwatch:findings {ids if len(ids) <= _MAX_STATE_CHARS else '*'} -->"


def changes(previous_body: str, report: Report) -> tuple[list[Finding], int]:
    """The findings new since the body was written, and how many of its findings are gone.
    A body without a readable list (written by hand, or too long to keep one) makes every
    finding new."""
    match = _STATE.search(previous_body)
    known = set(match["ids"].split()) if match and match["ids"] != "*" else set()
    current = {_short(f.id) for f in report.findings}
    new = [f for f in report.findings if _short(f.id) not in known]
    return new, len(known - current)


def changes_comment(new: Sequence[Finding], gone: int, run_url: str | None) -> str:
    lines = [f"**{len(new)} new** since the last run, **{gone} gone**.", ""]
    if new:
        lines += ["| Line | Kind | Problem |", "|---:|---|---|"]
        lines += [_row(f) for f in new[:_MAX_COMMENT_ROWS]]
        if len(new) > _MAX_COMMENT_ROWS:
            lines.append(f"\n… and {len(new) - _MAX_COMMENT_ROWS} more: see the issue above.")
    lines += ["", _artifact_line(run_url)]
    return "\n".join(lines) + "\n"


def clean_comment(run_url: str | None) -> str:
    return f"linkwatch finds no problem any more: closing. {_artifact_line(run_url)}\n"


def run_url(environ: Mapping[str, str]) -> str | None:
    """The Actions run page (its artifacts are listed there), when running in Actions."""
    server = environ.get("GITHUB_SERVER_URL", "").rstrip("/")
    repo, run_id = environ.get("GITHUB_REPOSITORY"), environ.get("GITHUB_RUN_ID")
    return f"{server}/{repo}/actions/runs/{run_id}" if server and repo and run_id else None


def _artifact_line(run_url: str | None) -> str:
    if run_url is None:
        return "_The full HTML and JSON reports are in the run's `linkwatch-reports` artifact._"
    link = f"[this run]({run_url})"
    return f"_Full HTML and JSON reports: the `linkwatch-reports` artifact of {link}._"


def _row(finding: Finding) -> str:
    message = " ".join(finding.problem.message.split())
    message = message if len(message) <= 200 else message[:199] + "…"
    message = message.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return f"| {finding.file}:{finding.line} | {finding.kind} | {message} |"


def _short(finding_id: str) -> str:
    return hashlib.sha256(finding_id.encode()).hexdigest()[:10]


def _check_label(issue: Issue, label: str) -> None:
    """GitHub silently drops labels the token may not set; without it the next run would not
    find the issue and would open another one."""
    if label not in issue.labels:
        raise BadInput(
            f"GitHub opened issue #{issue.number} without the label '{label}' (the token may "
            f"not set labels); add the label to it by hand, or the next run opens another"
        )
