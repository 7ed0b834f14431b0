"""
One run: read → parse → (resolve) → check → report. The only place the stages meet.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

from linkwatch.checks import NOT_BUILT, Context, run_checks, runnable
from linkwatch.files import read_source
from linkwatch.model import Link, LinkOutcome, LinkStatus, Severity, Survey
from linkwatch.parse import parse_survey
from linkwatch.records import Records
from linkwatch.reporters.baseline import compare
from linkwatch.reporters.read import read_report
from linkwatch.reporters.report import InputFile, LinkRow, NotRun, Report, now_utc
from linkwatch.sections import with_sections
from linkwatch.settings import Settings


def run(settings: Settings) -> Report:
    """Check the survey files and return the report (nothing is written here)."""
    started = time.monotonic()
    previous = read_report(settings.baseline) if settings.baseline else None
    sources = [read_source(path, settings.max_file_bytes) for path in settings.files]
    records = Records()
    ready, skipped = runnable(records.resolved)
    with paused_gc():
        survey = parse_survey(sources)
        findings = run_checks(Context(survey, records), settings.severity, ready)
        findings = with_sections(findings, survey.headings)
    reason = "offline" if settings.offline else "network checks not built yet"
    not_run = [NotRun(check.kind, reason) for check in skipped]
    not_run += [NotRun(kind, reason) for kind in NOT_BUILT]
    report = Report(
        generated_at=now_utc(),
        inputs=tuple(InputFile(source.path, source.sha256) for source in sources),
        entries=survey.entries,
        links=tuple(LinkRow(link, _offline_outcome(link, survey)) for link in survey.links),
        findings=tuple(findings),
        duration_s=time.monotonic() - started,
        not_run=tuple(not_run),
        source_url=settings.source_url,
    )
    return compare(report, previous, str(settings.baseline)) if previous else report


def _offline_outcome(link: Link, survey: Survey) -> LinkOutcome:
    """What can be said of a link without a request: anchors are checked, the rest is not."""
    if link.url.startswith("#") and len(link.url) > 1:
        found = link.url[1:] in survey.anchors(link.file)
        return LinkOutcome(
            LinkStatus.OK if found else LinkStatus.BROKEN,
            "heading found" if found else "no heading has this anchor",
        )
    return _NOT_PROBED


_NOT_PROBED = LinkOutcome(LinkStatus.SKIPPED, "not probed (offline)")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Parsing and checking allocate hundreds of thousands of short-lived, cycle-free objects;
    the cyclic collector would scan them again and again for nothing (a quarter of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def exit_code(report: Report, fail_on: str) -> int:
    """0 when nothing reaches the --fail-on level, 1 otherwise."""
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(finding.severity.rank >= threshold for finding in report.findings))
