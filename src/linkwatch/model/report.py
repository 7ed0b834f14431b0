"""
The report: the one data structure every output format renders, and its JSON form.

`to_json` and `from_json` are exact inverses for everything the formats show, so
`linkwatch report REPORT.json` re-renders any format from the JSON alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from linkwatch import __version__
from linkwatch.model import (
    Entry,
    Finding,
    Fix,
    Layout,
    Link,
    LinkOutcome,
    LinkStatus,
    Problem,
    Role,
    Severity,
    Syntax,
)

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class InputFile:
    file: str
    sha256: str


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A link and what became of it."""

    link: Link
    outcome: LinkOutcome


@dataclass(frozen=True, slots=True)
class NotRun:
    """A kind of check this run did not perform, and why (offline, a service down, ...)."""

    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class Compared:
    """The earlier report a run was compared with (`--baseline`)."""

    file: str
    generated_at: str


@dataclass(frozen=True, slots=True)
class Report:
    generated_at: str
    inputs: tuple[InputFile, ...]
    entries: tuple[Entry, ...]
    links: tuple[LinkRow, ...]
    findings: tuple[Finding, ...]
    duration_s: float = 0.0
    requests: Mapping[str, int] = field(default_factory=dict)
    not_run: tuple[NotRun, ...] = ()
    notes: tuple[str, ...] = ()
    """Run-level remarks a reader must see ('the network was unreachable')."""
    fixed: tuple[Finding, ...] = ()
    """Findings of the baseline report that this run no longer finds."""
    could_not_run: str | None = None
    """Why the checks could not run at all (the network is down): exit code 3."""
    silenced: int = 0
    """Findings left out on purpose: an ignored kind, an inline disable comment, --exclude."""
    tool_version: str = __version__
    compared_with: Compared | None = None
    """The baseline report, when there was one; then every finding is new or persisting."""
    source_url: str | None = None
    """Where the survey files are browsable at the checked commit
    ('https://github.com/OWNER/NAME/blob/SHA'), so reports can link to each line."""

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(finding.kind for finding in self.findings).items()))

    @property
    def checked(self) -> int:
        return sum(1 for row in self.links if row.outcome.status != LinkStatus.SKIPPED)


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# JSON form


ROW_LISTS = ("entries", "links", "findings", "fixed")
"""The report's long lists, one item per entry, link or finding."""


def to_json(report: Report) -> dict[str, Any]:
    return {**json_head(report), **{key: list(json_rows(report, key)) for key in ROW_LISTS}}


def json_rows(report: Report, key: str) -> Iterator[dict[str, Any]]:
    """The items of one of the ROW_LISTS, made one at a time (a large report's items take
    more memory as dictionaries than the whole report does as text)."""
    if key == "entries":
        return map(_entry_json, report.entries)
    if key == "links":
        return map(_link_json, report.links)
    return map(finding_json, report.findings if key == "findings" else report.fixed)


def json_head(report: Report) -> dict[str, Any]:
    """Every field of the JSON form, in its order, with the ROW_LISTS left empty."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "linkwatch", "version": report.tool_version},
        "generated_at": report.generated_at,
        "inputs": [{"file": i.file, "sha256": i.sha256} for i in report.inputs],
        "summary": _summary(report),
        **{key: [] for key in ROW_LISTS},
        "not_run": [{"kind": n.kind, "reason": n.reason} for n in report.not_run],
        "notes": list(report.notes),
        "could_not_run": report.could_not_run,
        **_optional(report),
    }


def _optional(report: Report) -> dict[str, Any]:
    """Fields written only when they apply, so a report without them reads back unchanged."""
    data: dict[str, Any] = {}
    if report.compared_with:
        compared = report.compared_with
        data["compared_with"] = {"file": compared.file, "generated_at": compared.generated_at}
    if report.source_url:
        data["source_url"] = report.source_url
    return data


def _summary(report: Report) -> dict[str, Any]:
    return {
        "entries": len(report.entries),
        "links": len(report.links),
        "checked": report.checked,
        "skipped": len(report.links) - report.checked,
        "duration_s": round(report.duration_s, 3),
        "requests": dict(report.requests),
        "findings": {severity.value: report.count(severity) for severity in Severity},
        "by_kind": report.by_kind(),
        "silenced": report.silenced,
    }


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "file": entry.file,
        "line": entry.line,
        "section": entry.section_path,
        "title": entry.title,
        "paper_url": entry.paper_url,
        "venue": entry.venue,
        "code_urls": list(entry.code_urls),
        "arxiv_id": entry.arxiv_id,
        "layout": entry.layout.value,
        "end_line": entry.end_line or entry.line,
        "date": entry.date,
        "other_urls": list(entry.other_urls),
        **({"name": entry.name} if entry.name else {}),
    }


def _link_json(row: LinkRow) -> dict[str, Any]:
    link, outcome = row.link, row.outcome
    return {
        "url": link.url,
        "file": link.file,
        "line": link.line,
        "role": link.role.value,
        "syntax": link.syntax.value,
        "text": link.text,
        "status": outcome.status.value,
        "http_status": outcome.http_status,
        "final_url": outcome.final_url,
        "elapsed_ms": outcome.elapsed_ms,
        "detail": outcome.detail,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    p = finding.problem
    data: dict[str, Any] = {
        "id": finding.id,
        "kind": finding.kind,
        "severity": finding.severity.value,
        "file": p.file,
        "line": p.line,
        "url": p.url,
        "entry_title": p.entry_title,
        "message": p.message,
        "expected": p.expected,
        "actual": p.actual,
        "evidence": p.evidence,
        "fix": p.fix.to_json() if p.fix else None,
        "related_lines": list(p.related_lines),
        "section": finding.section,
    }
    if finding.baseline:
        data["baseline"] = finding.baseline
    return data


def from_json(data: Mapping[str, Any]) -> Report:
    """The Report a JSON report was written from (validate it against the schema first)."""
    summary = data.get("summary", {})
    return Report(
        generated_at=data["generated_at"],
        inputs=tuple(InputFile(i["file"], i["sha256"]) for i in data["inputs"]),
        entries=tuple(_entry_from(e) for e in data["entries"]),
        links=tuple(_link_from(link) for link in data["links"]),
        findings=tuple(finding_from(f) for f in data["findings"]),
        duration_s=summary.get("duration_s", 0.0),
        requests=summary.get("requests", {}),
        not_run=tuple(NotRun(n["kind"], n["reason"]) for n in data.get("not_run", [])),
        notes=tuple(data.get("notes", [])),
        fixed=tuple(finding_from(f) for f in data.get("fixed", [])),
        could_not_run=data.get("could_not_run"),
        silenced=summary.get("silenced", 0),
        tool_version=data["tool"]["version"],
        compared_with=_compared_from(data.get("compared_with")),
        source_url=data.get("source_url"),
    )


def _compared_from(d: Mapping[str, Any] | None) -> Compared | None:
    return Compared(d["file"], d["generated_at"]) if d else None


def _entry_from(e: Mapping[str, Any]) -> Entry:
    section = tuple(e["section"].split(" > ")) if e["section"] else ()
    return Entry(
        e["file"],
        e["line"],
        section,
        e["title"],
        e["paper_url"],
        e["venue"],
        tuple(e["code_urls"]),
        e["arxiv_id"],
        layout=Layout(e.get("layout", "table")),
        end_line=e.get("end_line", 0),
        date=e.get("date", ""),
        other_urls=tuple(e.get("other_urls", ())),
        name=e.get("name", ""),
    )


def _link_from(d: Mapping[str, Any]) -> LinkRow:
    link = Link(
        d["url"],
        d["file"],
        d["line"],
        Role(d["role"]),
        Syntax(d.get("syntax", "inline")),
        d.get("text", ""),
    )
    outcome = LinkOutcome(
        LinkStatus(d["status"]),
        d.get("detail") or "",
        d.get("http_status"),
        d.get("final_url"),
        d.get("elapsed_ms"),
    )
    return LinkRow(link, outcome)


def finding_from(d: Mapping[str, Any]) -> Finding:
    fix = d.get("fix")
    problem = Problem(
        d["file"],
        d["line"],
        d["message"],
        d.get("url"),
        d.get("entry_title"),
        d.get("expected"),
        d.get("actual"),
        d.get("evidence"),
        Fix(fix["line"], fix["old"], fix["new"], fix.get("column"), fix.get("safe", True))
        if fix
        else None,
        tuple(d.get("related_lines", [])),
    )
    return Finding(
        d["kind"],
        Severity(d["severity"]),
        problem,
        d["id"],
        d.get("baseline"),
        d.get("section", ""),
    )
