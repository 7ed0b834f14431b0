"""
The short summary printed at the end of `linkwatch check`: counts, the errors and warnings (info
too with -v) as `file:line:col kind URL — message`, what was not checked, what `linkwatch fix`
would do, and where the reports are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import click

from linkwatch.model import Finding, Severity
from linkwatch.model.report import Report

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_SHOWN_BY_DEFAULT = 40
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
    lines += _findings(report, verbose)
    lines += _not_run(report)
    lines += _next_steps(report)
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
            _counted(report.count(s), s),
            fg=_STYLE[s],
            bold=s == Severity.ERROR and report.count(s) > 0,
        )
        for s in Severity
    ]
    if report.silenced:
        parts.append(f"{report.silenced} silenced")
    kinds = Counter(f.kind for f in report.findings)
    detail = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    return " · ".join(parts) + (f"  ({detail})" if detail else "")


def _counted(count: int, severity: Severity) -> str:
    """'1 error', '2 errors', '3 info'."""
    plural = "s" if severity != Severity.INFO and count != 1 else ""
    return f"{count} {severity.value}{plural}"


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


def _findings(report: Report, verbose: bool) -> list[str]:
    """Errors and warnings (everything with -v), worst first, each with its place and URL."""
    wanted = (Severity.ERROR, Severity.WARNING, Severity.INFO) if verbose else _DEFAULT
    shown = sorted(
        (f for f in report.findings if f.severity in wanted),
        key=lambda f: (-f.severity.rank, f.file, f.line),
    )
    columns = _columns(report)
    limit = None if verbose else _SHOWN_BY_DEFAULT
    lines = [_line(f, columns) for f in shown[:limit]]
    hidden = len(shown) - len(lines)
    if hidden > 0:
        lines.append(f"  … and {hidden} more (see the reports, or use -v)")
    info = report.count(Severity.INFO)
    if not verbose and info:
        lines.append(f"  {info} info not listed (-v lists them)")
    return lines


_DEFAULT = (Severity.ERROR, Severity.WARNING)


def _line(finding: Finding, columns: dict[tuple[str, int, str], int]) -> str:
    problem = finding.problem
    url = problem.url or ""
    column = columns.get((finding.file, finding.line, url))
    if column is None and problem.fix is not None and problem.fix.column is not None:
        column = problem.fix.column + 1
    where = f"{finding.file}:{finding.line}:{column or 1}"
    kind = click.style(finding.kind, fg=_STYLE[finding.severity])
    return f"  {where} {kind}{f' {url}' if url else ''} — {problem.message}"


def _columns(report: Report) -> dict[tuple[str, int, str], int]:
    """Where each link starts on its line (1-based), to point a finding at its column."""
    return {
        (row.link.file, row.link.line, row.link.url): row.link.span.start + 1
        for row in report.links
        if row.link.span is not None
    }


def _next_steps(report: Report) -> list[str]:
    """What `linkwatch fix` would do with this report, as ruff says '[*] 2 fixable'."""
    fixes = [f.problem.fix for f in report.findings if f.problem.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe)
    unsafe = len(fixes) - safe
    if not fixes:
        return []
    parts = [f"{safe} fixable with `linkwatch fix`"] if safe else []
    if unsafe:
        parts.append(f"{unsafe} more with `linkwatch fix --unsafe`")
    return ["[*] " + "; ".join(parts)]


def _not_run(report: Report) -> list[str]:
    reasons = sorted({n.reason for n in report.not_run})
    return [
        f"Not checked ({reason}): "
        + ", ".join(n.kind for n in report.not_run if n.reason == reason)
        for reason in reasons
    ]
