"""
GitHub Actions workflow commands: one annotation per finding on its survey line, worst and new
ones first, and no more than GitHub shows.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
The escaping is the one of @actions/core (`escapeData`, `escapeProperty` in command.ts).
GitHub keeps at most 10 error, 10 warning and 10 notice annotations of a step (50 of a job) and
drops the rest without a word; past the caps, one notice says how many more there are and where.
"""

from __future__ import annotations

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report
from linkwatch.reporters.view import is_new, web_url

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


PER_LEVEL = 10
"""GitHub's cap per level and step ('Annotations: 10 errors, 10 warnings and 10 notices')."""


def render(report: Report) -> str:
    """Annotations, the worst and the new first, at most PER_LEVEL of each level; when some
    are left out, the last notice slot says how many and where to see them all."""
    ordered = sorted(
        report.findings,
        key=lambda f: (-f.severity.rank, not is_new(f), f.file, f.line, f.kind),
    )
    by_level = {level: [f for f in ordered if f.severity == level] for level in Severity}
    overflow = any(len(found) > PER_LEVEL for found in by_level.values())
    caps = {level: PER_LEVEL for level in Severity}
    if overflow:
        caps[Severity.INFO] = PER_LEVEL - 1  # the notice that says what was left out
    shown = [f for level in Severity for f in by_level[level][: caps[level]]]
    lines = [annotation(finding) for finding in shown]
    left = {level: max(0, len(by_level[level]) - caps[level]) for level in Severity}
    if any(left.values()):
        lines.append(_left_out(left))
    return "".join(line + "\n" for line in lines)


def _left_out(counts: dict[Severity, int]) -> str:
    left = sum(counts.values())
    said = ", ".join(f"{n} {level.value}" for level, n in counts.items() if n)
    message = (
        f"{left} more findings are not shown as annotations ({said}): GitHub shows "
        f"{PER_LEVEL} of each level. Every finding is in the job summary and in the "
        "linkwatch reports artifact (linkwatch.html, linkwatch.json, linkwatch.sarif)."
    )
    return f"::notice title={_property('linkwatch: more findings')}::{_data(message)}"


def annotation(finding: Finding) -> str:
    new = " (new)" if is_new(finding) else ""
    properties = [
        ("file", finding.file),
        ("line", str(finding.line)),
        *_columns(finding),
        ("title", f"linkwatch: {finding.kind}{new}"),
    ]
    listed = ",".join(f"{name}={_property(value)}" for name, value in properties)
    return f"::{_COMMAND[finding.severity]} {listed}::{_data(_message(finding))}"


def _columns(finding: Finding) -> list[tuple[str, str]]:
    """The exact text a fix replaces, when it is on the finding's line (1-based columns)."""
    fix = finding.problem.fix
    if fix is None or fix.column is None or fix.line != finding.line:
        return []
    return [("col", str(fix.column + 1)), ("endColumn", str(fix.column + len(fix.old)))]


def _message(finding: Finding) -> str:
    p = finding.problem
    lines = [p.message]
    if p.fix:
        caution = " (check it first)" if not p.fix.safe else ""
        lines.append(f"Fix{caution}: replace '{p.fix.old}' with '{p.fix.new}'")
    evidence = web_url(p.evidence)
    if evidence:
        lines.append(f"Evidence: {evidence}")
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
