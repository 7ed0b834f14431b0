"""
GitHub Actions workflow commands: one annotation per finding on its survey line, new ones first.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
The escaping is the one of @actions/core (`escapeData`, `escapeProperty` in command.ts).
"""

from __future__ import annotations

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report
from linkwatch.reporters.view import is_new, web_url

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report) -> str:
    """Annotations, new findings first, then the worst: GitHub shows only the first few of
    each level on a run's summary page."""
    ordered = sorted(
        report.findings,
        key=lambda f: (not is_new(f), -f.severity.rank, f.file, f.line, f.kind),
    )
    return "".join(annotation(finding) + "\n" for finding in ordered)


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
