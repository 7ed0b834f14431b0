"""
GitHub Actions workflow commands: one annotation per finding on its survey line.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from linkwatch.model import Finding, Severity
from linkwatch.reporters.report import Report

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report) -> str:
    return "".join(annotation(finding) + "\n" for finding in report.findings)


def annotation(finding: Finding) -> str:
    p = finding.problem
    properties = ",".join(
        (
            f"file={_property(p.file)}",
            f"line={p.line}",
            f"title={_property(f'linkwatch: {finding.kind}')}",
        )
    )
    return f"::{_COMMAND[finding.severity]} {properties}::{_data(p.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
