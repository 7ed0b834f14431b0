"""
`linkwatch gate`: the verdict on a JSON report at a --fail-on level, counting every finding or
only those new since the baseline, with the counts as KEY=VALUE lines for $GITHUB_OUTPUT.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report
from linkwatch.reporters.read import read_report

PERSISTING = "persisting"


@dataclass(frozen=True, slots=True)
class Verdict:
    counts: dict[str, int]
    """errors, warnings, info (every finding) and new (those not marked persisting)."""
    failing: int
    """Findings at or above the --fail-on level (only new ones with --new-only)."""
    code: int

    def outputs(self) -> str:
        return "".join(f"{key}={value}\n" for key, value in self.counts.items())

    def line(self, path: Path, fail_on: str, new_only: bool) -> str:
        c = self.counts
        text = f"{path}: {c['errors']} errors, {c['warnings']} warnings, {c['info']} info"
        text += f" ({c['new']} new)"
        if fail_on == "never":
            return text + "; --fail-on never: passing"
        which = "new findings" if new_only else "findings"
        return (
            text
            + f"; {self.failing} {which} at or above '{fail_on}'"
            + (": failing" if self.code else ": passing")
        )


def judge(report: Report, fail_on: str, new_only: bool) -> Verdict:
    counted = [f for f in report.findings if is_new(f)] if new_only else list(report.findings)
    failing = 0 if fail_on == "never" else sum(_reaches(f, Severity(fail_on)) for f in counted)
    counts = {
        "errors": report.count(Severity.ERROR),
        "warnings": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
        "new": sum(is_new(f) for f in report.findings),
    }
    return Verdict(counts, failing, int(failing > 0))


def is_new(finding: Finding) -> bool:
    """New unless the baseline knew it; a report made without a baseline is all new."""
    return finding.baseline != PERSISTING


def run(path: Path, fail_on: str, new_only: bool) -> tuple[Verdict, str]:
    verdict = judge(read_report(path), fail_on, new_only)
    return verdict, verdict.line(path, fail_on, new_only)


def _reaches(finding: Finding, level: Severity) -> bool:
    return finding.severity.rank >= level.rank
