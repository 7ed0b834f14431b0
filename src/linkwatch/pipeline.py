"""
One run: read → parse → resolve → check → report. The only place the stages meet.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from linkwatch.checks import Context, run_checks, runnable
from linkwatch.checks.silencing import silence
from linkwatch.gc_pause import paused_gc
from linkwatch.model import Severity, SourceFile, Survey
from linkwatch.model.records import Resolution
from linkwatch.model.report import InputFile, LinkRow, NotRun, Report, now_utc
from linkwatch.parse import parse_survey
from linkwatch.parse.sections import with_sections
from linkwatch.progress import Progress, progress_for
from linkwatch.reporters import write_reports
from linkwatch.reporters.baseline import compare
from linkwatch.reporters.read import read_report
from linkwatch.reporters.terminal import no_entry_lines, summary_lines
from linkwatch.settings import Settings
from linkwatch.sources.files import read_source

_NOTHING_REACHED = "nothing could be verified: no host or service could be reached"


def run(settings: Settings, progress: Progress | None = None) -> Report:
    """Check the survey files and return the report (nothing is written here)."""
    started = time.monotonic()
    previous = read_report(settings.baseline) if settings.baseline else None
    sources = [read_source(path, settings.max_file_bytes) for path in settings.files]

    def read(on_urls: Callable[[Sequence[str]], None] | None = None) -> Survey:
        with paused_gc():
            return parse_survey(sources, on_urls)

    if settings.offline:
        survey, resolution = read(), Resolution()
    else:
        bar = progress or progress_for(settings.quiet, settings.progress)
        # Imported here: an offline run needs none of the network stack (aiohttp, the arxiv
        # package), which would cost it a third of its memory and start-up time.
        from linkwatch.resolvers.stage import parse_and_resolve

        try:
            survey, resolution = asyncio.run(parse_and_resolve(read, settings, bar))
        finally:
            bar.close()
    with paused_gc():
        report = _report(settings, sources, survey, resolution, started)
        report = compare(report, previous, str(settings.baseline)) if previous else report
        # what services answered reaches the reports, the terminal and issues only masked; it
        # is in the findings, the links' outcomes and the notes (never in the survey's entries)
        redactor = settings.services.redactor
        if not redactor:
            return report
        return replace(
            report,
            findings=redactor.value(report.findings),
            fixed=redactor.value(report.fixed),
            links=redactor.value(report.links),
            notes=redactor.value(report.notes),
        )


def _report(
    settings: Settings,
    sources: list[SourceFile],
    survey: Survey,
    resolution: Resolution,
    started: float,
) -> Report:
    """Run the checks on what parsing and resolving found, and put the report together."""
    ready, skipped = runnable(resolution.records.resolved)
    context = Context(survey, resolution.records)
    quieted = silence(run_checks(context, settings.severity, ready), sources, settings)
    findings = with_sections(quieted.kept, survey.headings)
    reason = "offline" if settings.offline else "its service was not asked"
    # a kind may have a check per family (unverified: web, GitHub, Hugging Face): list it once
    skipped_kinds = dict.fromkeys(check.kind for check in skipped)
    not_run = [NotRun(kind, reason) for kind in skipped_kinds]
    return Report(
        generated_at=now_utc(),
        inputs=tuple(InputFile(source.path, source.sha256) for source in sources),
        entries=survey.entries,
        links=tuple(LinkRow(link, context.status(link)) for link in survey.links),
        findings=tuple(findings),
        duration_s=time.monotonic() - started,
        requests=dict(sorted(resolution.requests.items())),
        not_run=tuple(not_run),
        notes=(*resolution.notes, *quieted.notes),
        silenced=quieted.silenced,
        could_not_run=_could_not_run(settings, resolution),
        source_url=settings.source_url,
    )


def _could_not_run(settings: Settings, resolution: Resolution) -> str | None:
    """Exit 3 territory: there was something to ask, and no answer came from anywhere."""
    if settings.offline or resolution.wanted == 0 or resolution.verified > 0:
        return None
    return _NOTHING_REACHED


def check(settings: Settings, echo: Callable[..., None]) -> int:
    """`linkwatch check`: run, write the reports, print the summary; the exit code."""
    report = run(settings)
    written = write_reports(report, settings.formats, settings.output_dir, echo)
    for line in summary_lines(report, written, settings.verbose, settings.quiet):
        echo(line, err="github" in settings.formats)
    for line in no_entry_lines(report, settings.fail_if_empty):
        echo(line, err=True)
    if report.could_not_run:
        echo(f"linkwatch: {report.could_not_run}", err=True)
    code = exit_code(report, settings.fail_on)
    return 1 if code == 0 and settings.fail_if_empty and not report.entries else code


def exit_code(report: Report, fail_on: str) -> int:
    """3 when the checks could not run; else 0 when nothing reaches the --fail-on level, 1
    otherwise."""
    if report.could_not_run:
        return 3
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(finding.severity.rank >= threshold for finding in report.findings))
