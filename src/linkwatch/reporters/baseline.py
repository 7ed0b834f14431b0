"""
Comparing a run with an earlier report: each finding is new or persisting by its stable id,
and the earlier findings this run no longer has are listed as fixed.
"""

from __future__ import annotations

from dataclasses import replace

from linkwatch.model.report import Compared, Report

NEW = "new"
PERSISTING = "persisting"


def compare(report: Report, previous: Report, source: str) -> Report:
    """`report` with every finding marked against `previous` (read from `source`)."""
    before = {finding.id for finding in previous.findings}
    now = {finding.id for finding in report.findings}
    findings = tuple(
        replace(finding, baseline=PERSISTING if finding.id in before else NEW)
        for finding in report.findings
    )
    fixed = tuple(
        replace(finding, baseline=None) for finding in previous.findings if finding.id not in now
    )
    compared = Compared(source, previous.generated_at)
    return replace(report, findings=findings, fixed=fixed, compared_with=compared)
