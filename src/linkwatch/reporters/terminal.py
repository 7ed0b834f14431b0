"""
The short summary printed at the end of `linkwatch check`: counts, the worst findings with
their lines, what was not checked, and where the reports are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SHOWN_BY_DEFAULT = 15
_FILES_NAMED = 3


def summary_lines(
    report: Report, written: Sequence[Path], verbose: bool = False, quiet: bool = False
) -> list[str]:
    if quiet:
        return [_counts(report)]
    files = _files(report)
    lines = [
        f"{files}: {len(report.entries)} entries, {len(report.links)} links, "
        f"{report.checked} checked in {report.duration_s:.1f}s"
    ]
    lines += [click.style(note, fg="yellow") for note in report.notes]
    lines.append(_counts(report))
    lines += _since(report)
    lines += _findings(report.findings, verbose)
    lines += _not_run(report)
    if written:
        lines.append("Reports: " + ", ".join(str(path) for path in written))
    return lines


def _files(report: Report) -> str:
    """The inputs by name, or how many when a folder or a glob gave more than a few."""
    if len(report.inputs) > _FILES_NAMED:
        return f"{len(report.inputs)} files"
    return ", ".join(i.file for i in report.inputs)


def no_entry_lines(report: Report, fail_if_empty: bool = False) -> list[str]:
    """A line for each input with links but no paper entry (a file that is not a paper list,
    or one whose tables the parser does not recognise). With `fail_if_empty`, when the whole
    run found no entry, a line for every input, empty ones included: that is why it fails."""
    entries = Counter(entry.file for entry in report.entries)
    links = Counter(row.link.file for row in report.links)
    failing = fail_if_empty and not report.entries
    return [
        f"linkwatch: no paper entries found in {source.file}: is it a paper list?"
        for source in report.inputs
        if not entries[source.file] and (failing or links[source.file])
    ]


def _counts(report: Report) -> str:
    parts = [
        click.style(
            f"{report.count(s)} {s.value}{'s' if s != Severity.INFO else ''}",
            fg=_STYLE[s],
            bold=s == Severity.ERROR and report.count(s) > 0,
        )
        for s in Severity
    ]
    kinds = Counter(f.kind for f in report.findings)
    detail = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    return " · ".join(parts) + (f"  ({detail})" if detail else "")


def _since(report: Report) -> list[str]:
    """What changed since the --baseline report, in one line."""
    if report.compared_with is None:
        return []
    new = sum(1 for f in report.findings if f.baseline == "new")
    before = report.compared_with
    return [
        f"Since {before.file} ({before.generated_at}): {new} new, "
        f"{len(report.findings) - new} persisting, {len(report.fixed)} fixed"
    ]


def _findings(findings: Sequence[Finding], verbose: bool) -> list[str]:
    shown = list(findings) if verbose else [f for f in findings if f.severity == Severity.ERROR]
    lines = [
        f"  {f.file}:{f.line}: {click.style(f.kind, fg=_STYLE[f.severity])}: {f.problem.message}"
        for f in shown[: None if verbose else _SHOWN_BY_DEFAULT]
    ]
    hidden = len(shown) - len(lines)
    if hidden > 0:
        lines.append(f"  … and {hidden} more errors (see the reports, or use -v)")
    return lines


def _not_run(report: Report) -> list[str]:
    reasons = sorted({n.reason for n in report.not_run})
    return [
        f"Not checked ({reason}): "
        + ", ".join(n.kind for n in report.not_run if n.reason == reason)
        for reason in reasons
    ]
