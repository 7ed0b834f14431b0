"""
The Markdown report, for issues and pull-request comments: compact, grouped by kind, new
findings first, and always within GitHub's 65,536-character limit for a comment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report
from linkwatch.reporters.view import by_kind, line_url, split_new, web_url

GITHUB_COMMENT_LIMIT = 65_536
_ROOM_FOR_TRUNCATION_NOTE = 400
_TABLE_HEAD = ("| Line | Entry | Problem | Fix |", "|---|---|---|---|")

Chunk = tuple[str, int]
"""Some lines of the body and how many findings they show; a chunk is kept or cut whole."""


def render(report: Report, limit: int = GITHUB_COMMENT_LIMIT) -> str:
    head = "\n".join(_header(report)) + "\n"
    budget = limit - size(head) - _ROOM_FOR_TRUNCATION_NOTE
    body, shown = [], 0
    for text, count in _body(report):
        if size(text) + 1 > budget:
            return head + "\n".join(body) + _truncated(report, shown, limit)
        budget -= size(text) + 1
        body.append(text)
        shown += count
    return head + "\n".join(body) + ("\n" if body else "")


def size(text: str) -> int:
    """Length as GitHub counts it (UTF-16 code units: an emoji in a title counts twice)."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _header(report: Report) -> list[str]:
    files = ", ".join(f"`{_code(i.file)}`" for i in report.inputs) or "no input"
    lines = [
        "## linkwatch report",
        "",
        f"{files}: {len(report.entries)} entries, {len(report.links)} links "
        f"({report.checked} checked) · linkwatch {report.tool_version} · {report.generated_at}",
        "",
        *_counts(report),
        "",
    ]
    if report.compared_with:
        before = report.compared_with
        lines += [f"Compared with `{_code(before.file)}` of {before.generated_at}.", ""]
    lines += [f"> {_cell(note, 400)}" for note in report.notes]
    lines += _not_run(report)
    if report.notes or report.not_run:
        lines.append("")
    if not report.findings:
        lines.append("No problems found.")
    return lines


def _counts(report: Report) -> list[str]:
    names = ["Errors", "Warnings", "Info"]
    values = [report.count(s) for s in Severity]
    if report.compared_with:
        names += ["New", "Fixed"]
        values += [len(split_new(report.findings)[0]), len(report.fixed)]
    if report.silenced:  # silenced by the config, --ignore or an inline comment
        names.append("Silenced")
        values.append(report.silenced)
    return [
        "| " + " | ".join(names) + " |",
        "|" + "---:|" * len(names),
        "| " + " | ".join(map(str, values)) + " |",
    ]


def _not_run(report: Report) -> list[str]:
    reasons = sorted({n.reason for n in report.not_run})
    return [
        f"> Not checked ({_cell(reason)}): "
        + ", ".join(_cell(n.kind) for n in report.not_run if n.reason == reason)
        + "."
        for reason in reasons
    ]


def _body(report: Report) -> Iterator[Chunk]:
    if report.compared_with:
        new, persisting = split_new(report.findings)
        if not new:
            yield "### Nothing new since the last run\n", 0
        yield from _part("New since the last run", new, report)
        yield from _part("Persisting since the last run", persisting, report)
        yield from _fixed(report)
    else:
        yield from _part("Findings", report.findings, report)


def _part(title: str, findings: Iterable[Finding], report: Report) -> Iterator[Chunk]:
    groups = by_kind(findings)
    if not groups:
        return
    total = sum(len(g.findings) for g in groups)
    yield f"### {title}: {total}\n", 0
    for group in groups:
        plural = "s" if len(group.findings) > 1 and group.severity != Severity.INFO else ""
        heading = f"#### {group.title} · {len(group.findings)} {group.severity.value}{plural}"
        rows = [_row(f, report.source_url) for f in group.findings]
        yield "\n".join((heading, "", *_TABLE_HEAD, rows[0])), 1
        yield from ((row, 1) for row in rows[1:])
        yield "", 0


def _fixed(report: Report) -> Iterator[Chunk]:
    if not report.fixed:
        return
    yield f"### Fixed since the last run: {len(report.fixed)}\n", 0
    for index, finding in enumerate(report.fixed):
        p = finding.problem
        head = "| Was on line | Kind | Entry | Problem |\n|---|---|---|---|\n" if index == 0 else ""
        entry = _cell(p.entry_title or "")
        where = _cell(f"{p.file}:{p.line}")
        yield f"{head}| {where} | {finding.kind} | {entry} | {_cell(p.message, 300)} |", 1
    yield "", 0


def _row(finding: Finding, source_url: str | None) -> str:
    p = finding.problem
    where = f"{p.file}:{p.line}"
    url = line_url(source_url, p.file, p.line)
    line = f"[{_cell(where)}]({url})" if url else _cell(where)
    problem = _cell(p.message, 300)
    evidence = web_url(p.evidence)
    if evidence:
        problem += f" ([evidence]({_destination(evidence)}))"
    fix = f"`{_code(p.fix.old)}` → `{_code(p.fix.new)}`" if p.fix else ""
    if p.fix and not p.fix.safe:
        fix += " (check first)"
    return f"| {line} | {_cell(p.entry_title or '')} | {problem} | {fix} |"


_MARKDOWN_SPECIAL = str.maketrans(
    {c: "\\" + c for c in "\\|*_[]`#~>"} | {"<": "&lt;", "\n": " ", "\r": " "}
)


def _cell(text: str, limit: int = 160) -> str:
    """Survey or service text as literal text in a table cell: no markup, links or HTML."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.translate(_MARKDOWN_SPECIAL)


def _code(text: str) -> str:
    """Text for a code span: a backtick would end it, a pipe would end the table cell."""
    text = " ".join(text.split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return text.replace("`", "\u02cb").replace("|", "\\|")


def _destination(url: str) -> str:
    """A link destination that cannot end early: spaces and brackets percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def _truncated(report: Report, shown: int, limit: int) -> str:
    """The closing note of a cut report: how much is missing and where to find it."""
    hidden = len(report.findings) - min(shown, len(report.findings))
    hidden_fixed = len(report.fixed) - max(0, shown - len(report.findings))
    fixed = f" (and {hidden_fixed} fixed since the last run)" if hidden_fixed else ""
    return (
        f"\n\n_… and {hidden} more findings{fixed} not shown: this report is cut to fit "
        f"the {limit:,} characters of a GitHub comment. The full report is linkwatch.html "
        "(and linkwatch.json) beside this file, or in the workflow run's artifacts._\n"
    )
