"""
The Markdown report, for issues and pull-request comments: compact, grouped by kind, worst
first, and always within GitHub's 65,536-character limit for a comment.
"""

from __future__ import annotations

from collections.abc import Iterable

from linkwatch.model import Finding, Severity
from linkwatch.reporters.report import Report

GITHUB_COMMENT_LIMIT = 65_536
_ROOM_FOR_TRUNCATION_NOTE = 400


def render(report: Report, limit: int = GITHUB_COMMENT_LIMIT) -> str:
    head = "\n".join(_header(report)) + "\n"
    budget = limit - len(head) - _ROOM_FOR_TRUNCATION_NOTE
    body: list[str] = []
    shown = 0
    for section in _sections(report.findings):
        for line in section:
            if len(line) + 1 > budget:
                return head + "\n".join(body) + _truncated(len(report.findings) - shown)
            budget -= len(line) + 1
            body.append(line)
            shown += line.startswith("| ") and not line.startswith("| Line")
    return head + "\n".join(body) + ("\n" if body else "")


def _header(report: Report) -> list[str]:
    files = ", ".join(f"`{i.file}`" for i in report.inputs) or "no input"
    lines = [
        "## linkwatch report",
        "",
        f"{files}: {len(report.entries)} entries, {len(report.links)} links "
        f"({report.checked} checked) · linkwatch {report.tool_version} · {report.generated_at}",
        "",
        "| Errors | Warnings | Info |",
        "|---:|---:|---:|",
        f"| {report.count(Severity.ERROR)} | {report.count(Severity.WARNING)} "
        f"| {report.count(Severity.INFO)} |",
        "",
    ]
    lines += [f"> {note}" for note in report.notes]
    if report.not_run:
        reasons = sorted({n.reason for n in report.not_run})
        for reason in reasons:
            kinds = ", ".join(n.kind for n in report.not_run if n.reason == reason)
            lines.append(f"> Not checked ({reason}): {kinds}.")
    if report.notes or report.not_run:
        lines.append("")
    if not report.findings:
        lines.append("No problems found.")
    return lines


def _sections(findings: Iterable[Finding]) -> Iterable[list[str]]:
    by_kind: dict[str, list[Finding]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    order = sorted(by_kind.items(), key=lambda item: (-item[1][0].severity.rank, item[0]))
    for kind, group in order:
        severity = group[0].severity.value
        yield [
            f"### {kind} ({len(group)} {severity})",
            "",
            "| Line | Entry | Problem | Fix |",
            "|---:|---|---|---|",
            *(_row(finding) for finding in group),
            "",
        ]


def _row(finding: Finding) -> str:
    p = finding.problem
    fix = f"`{_code(p.fix.old)}` → `{_code(p.fix.new)}`" if p.fix else ""
    where = f"{p.file}:{p.line}" if p.file else str(p.line)
    return f"| {where} | {_cell(p.entry_title or '')} | {_cell(p.message)} | {fix} |"


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _code(text: str) -> str:
    return _cell(text, 100).replace("`", "\u02cb")  # a backtick would end the code span


def _truncated(hidden: int) -> str:
    return (
        f"\n\n_… {hidden} more findings not shown: this report is cut to fit GitHub's "
        f"{GITHUB_COMMENT_LIMIT:,}-character limit. The full list is in the JSON and HTML "
        "reports._\n"
    )
