"""
`linkwatch fix`: the fixes of a report (or of a fresh offline check) shown as a unified diff and,
with --write, applied to the survey atomically, refusing whenever the file is not the one checked.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from linkwatch import pipeline
from linkwatch.errors import BadInput
from linkwatch.fix.edits import (
    Edit,
    Text,
    apply,
    checked,
    order,
    place,
    superseded,
    unapplied,
)
from linkwatch.fix.patch import unified_diff
from linkwatch.model import Finding, Fix
from linkwatch.model.kinds import KINDS
from linkwatch.model.report import Report
from linkwatch.reporters.read import read_report
from linkwatch.settings import Settings
from linkwatch.sources.files import read_bytes, write_atomic

Echo = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked `linkwatch fix` for."""

    path: Path
    settings: Settings
    """For a fresh offline check (and where the default report lives)."""
    report: Path | None = None
    """The JSON report given with --report; None for the default one, else a fresh check."""
    fresh: bool = False
    write: bool = False
    kinds: frozenset[str] = frozenset()
    """--only: apply the fixes of these kinds only; empty for all."""
    unsafe: bool = False


@dataclass(frozen=True, slots=True)
class Plan:
    """The survey as read, as it will be, and why."""

    before: Text
    after: Text
    edits: tuple[Edit, ...]
    """The fixes still to make, one edit each (`after` makes overlapping ones that agree as
    one edit)."""
    made: int
    """Fixes of the report already made in the file (by an earlier `fix --write`)."""
    held_back: Counter[str]
    """Unsafe fixes not made yet, by kind, left out because --unsafe was not given."""
    source: str
    """Where the fixes came from, for the summary line."""


Fixes = list[tuple[str, Fix]]


def run(request: Request, out: Echo, err: Echo, color: bool = False) -> int:
    """Print the diff and the counts; write the file when asked. Returns the exit code."""
    data = read_bytes(request.path, request.settings.max_file_bytes)
    plan = make_plan(request, data)
    diff = unified_diff(str(request.path), plan.before.encode(), plan.after.encode(), color)
    if diff:
        out(diff)
    if request.write and plan.edits:
        _write(request.path, data, plan.after.encode())
    err(summary(request, plan))
    return 0


def make_plan(request: Request, data: bytes) -> Plan:
    """What fixing the file `data` means, or BadInput when it cannot be done safely."""
    name = str(request.path)
    report, source = _report_for(request)
    fixes = [(f.kind, f.problem.fix) for f in report.findings if _is_fix_for(f, request.path)]
    current = Text.decode(data, name)
    digest = _digest_in(report, request.path, source)
    base, done = _original(current, data, fixes, digest, f"{name} changed since {source} was made")
    wanted = [(k, f) for k, f in fixes if not request.kinds or k in request.kinds]
    chosen = [(k, f) for k, f in wanted if f.safe or request.unsafe]
    made = {place(base, k, f, name) for k, f in done}
    asked = {place(base, k, f, name) for k, f in chosen}
    every = checked([*made, *asked], name)  # overlapping fixes that agree: one edit
    held = Counter(k for k, f in wanted if not (f.safe or request.unsafe) and (k, f) not in done)
    pending = tuple(sorted(asked - made - superseded([*made, *asked]), key=order))
    return Plan(current, apply(base, every), pending, len(made), held, source)


def _original(
    current: Text, data: bytes, fixes: Fixes, digest: str, changed: str
) -> tuple[Text, Fixes]:
    """The text the report was made from, and the fixes already made since: `current` itself
    when its digest is the report's, else `current` with the made fixes undone, if that gives
    back the report's digest exactly; otherwise the file changed and nothing can be trusted."""
    if _sha256(data) == digest:
        return current, []
    base, done = unapplied(current, fixes)
    if _sha256(base.encode()) != digest:
        raise BadInput(
            f"{changed} (its sha256 is not the report's); "
            "run 'linkwatch check' again, then 'linkwatch fix'"
        )
    return base, done


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_fix_for(finding: Finding, path: Path) -> bool:
    return finding.problem.fix is not None and _same(finding.file, path)


def parse_kinds(values: tuple[str, ...] | list[str]) -> frozenset[str]:
    """--only: comma-separated and repeatable finding kinds, each one that linkwatch knows."""

    kinds = frozenset(k.strip() for value in values for k in value.split(",") if k.strip())
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise BadInput(f"--only: unknown finding kind '{unknown[0]}' (see the table in README.md)")
    return kinds


def summary(request: Request, plan: Plan) -> str:
    """One line: how many fixes of each kind, and what happened to them."""
    name = request.path
    counts = Counter(edit.kind for edit in plan.edits)
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=_most_first))
    fixes = _plural(len(plan.edits), "fix", "fixes")
    fixes_made = _plural(plan.made, "fix", "fixes")
    if not plan.edits and plan.made:
        line = f"{name}: nothing to fix; {fixes_made} from {plan.source} already made"
    elif not plan.edits:
        line = f"{name}: nothing to fix ({plan.source})"
    elif request.write:
        line = f"{name}: applied {fixes} ({kinds}) from {plan.source}"
    else:
        line = f"{name}: {fixes} ({kinds}) from {plan.source}; --write applies them"
    if plan.edits and plan.made:
        line += f"; {fixes_made} made earlier"
    if plan.held_back:
        held = ", ".join(f"{k} {n}" for k, n in sorted(plan.held_back.items(), key=_most_first))
        line += f"; {plan.held_back.total()} unsafe left out ({held}): --unsafe includes them"
    return line


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _report_for(request: Request) -> tuple[Report, str]:
    """The report to take fixes from, and how to name it: --report, else the default report
    when it covers the file, else a fresh offline check."""
    if request.report is not None:
        return read_report(request.report), str(request.report)
    default = request.settings.output_dir / "linkwatch.json"
    if not request.fresh and default.is_file():
        report = read_report(default)
        if any(_same(i.file, request.path) for i in report.inputs):
            return report, str(default)
    settings = replace(request.settings, files=(request.path,), offline=True)
    return pipeline.run(settings), "a fresh offline check"


def _digest_in(report: Report, path: Path, source: str) -> str:
    for item in report.inputs:
        if _same(item.file, path):
            return item.sha256
    checked_files = ", ".join(i.file for i in report.inputs) or "no file"
    raise BadInput(f"{source} does not cover {path} (it checked {checked_files})")


def _same(file: str, path: Path) -> bool:
    return Path(file).resolve() == path.resolve()


def _write(path: Path, before: bytes, after: bytes) -> None:
    """Replace the file, unless it changed while we looked (then refuse: nothing is lost)."""
    target = path.resolve()  # through a symlink: replace the file, keep the link
    try:
        if target.read_bytes() != before:
            raise BadInput(f"{path} changed while fixing it; nothing was written, run fix again")
        write_atomic(target, after)
    except OSError as exc:
        raise BadInput(f"{path}: could not be written ({exc.strerror}); it is unchanged") from None
