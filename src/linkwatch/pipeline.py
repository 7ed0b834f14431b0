"""
One run: read → parse → resolve → check → report. The only place the stages meet.
"""

from __future__ import annotations

import asyncio
import gc
import ssl
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkwatch.cache import Cache
from linkwatch.checks import Context, run_checks, runnable
from linkwatch.checks.links import local_target
from linkwatch.client import Client, Limits
from linkwatch.errors import BadInput
from linkwatch.files import read_source
from linkwatch.model import Link, LinkOutcome, LinkStatus, Severity, Survey
from linkwatch.parse import parse_survey
from linkwatch.progress import Progress, progress_for
from linkwatch.records import Records
from linkwatch.reporters.baseline import compare
from linkwatch.reporters.read import read_report
from linkwatch.reporters.report import InputFile, LinkRow, NotRun, Report, now_utc
from linkwatch.resolvers import API_RESOLVERS
from linkwatch.resolvers.base import Resolver, Resources
from linkwatch.resolvers.web import WebResolver
from linkwatch.sections import with_sections
from linkwatch.settings import Settings

_NOTHING_REACHED = "nothing could be verified: no host or service could be reached"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolve stage hands on: the records and what the run should say about it."""

    records: Records = field(default_factory=Records)
    outcomes: Mapping[str, LinkOutcome] = field(default_factory=dict)
    """What the resolvers say of each link URL they looked at, for the link table."""
    requests: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    wanted: int = 0
    """How many identifiers the resolvers were asked about (excluded links not counted)."""
    verified: int = 0
    """How many of them got a real answer, from a service or the cache."""


def run(settings: Settings, progress: Progress | None = None) -> Report:
    """Check the survey files and return the report (nothing is written here)."""
    started = time.monotonic()
    previous = read_report(settings.baseline) if settings.baseline else None
    sources = [read_source(path, settings.max_file_bytes) for path in settings.files]
    with paused_gc():
        survey = parse_survey(sources)
    if settings.offline:
        resolution = Resolution()
    else:
        bar = progress or progress_for(settings.quiet, settings.progress)
        try:
            resolution = asyncio.run(resolve(survey, settings, bar))
        finally:
            bar.close()
    ready, skipped = runnable(resolution.records.resolved)
    with paused_gc():
        findings = run_checks(Context(survey, resolution.records), settings.severity, ready)
        findings = with_sections(findings, survey.headings)
    reason = "offline" if settings.offline else "its service was not asked"
    # a kind may have a check per family (unverified: web, GitHub, Hugging Face): list it once
    skipped_kinds = dict.fromkeys(check.kind for check in skipped)
    not_run = [NotRun(kind, reason) for kind in skipped_kinds]
    report = Report(
        generated_at=now_utc(),
        inputs=tuple(InputFile(source.path, source.sha256) for source in sources),
        entries=survey.entries,
        links=tuple(_row(link, survey, resolution, settings) for link in survey.links),
        findings=tuple(findings),
        duration_s=time.monotonic() - started,
        requests=dict(sorted(resolution.requests.items())),
        not_run=tuple(not_run),
        notes=resolution.notes,
        could_not_run=_could_not_run(settings, resolution),
        source_url=settings.source_url,
    )
    return compare(report, previous, str(settings.baseline)) if previous else report


async def resolve(survey: Survey, settings: Settings, progress: Progress) -> Resolution:
    """Ask every service about the survey at once, sharing one client and one cache."""
    cache = Cache(settings.cache_path)
    try:
        async with Client(_limits(settings)) as client:
            resources = Resources(client, cache, settings, progress)
            resolvers: list[Resolver[Any, Any]] = [kind(resources) for kind in API_RESOLVERS]
            web = WebResolver(resources, claimed=lambda url: any(r.claims(url) for r in resolvers))
            resolvers.append(web)
            wanted = [resolver.wanted(survey) for resolver in resolvers]
            results = await asyncio.gather(
                *(
                    resolver.resolve_all(keys)
                    for resolver, keys in zip(resolvers, wanted, strict=True)
                )
            )
    finally:
        cache.close()
    families = {
        resolver.family: result for resolver, result in zip(resolvers, results, strict=True)
    }
    notes = [*([cache.note] if cache.note else []), *resources.notes]
    verified = sum(r.verified(result) for r, result in zip(resolvers, results, strict=True))
    outcomes = _link_outcomes(survey, resolvers, results)
    excluded = sum(
        1 for record in families["web"].values() if record.outcome.status == LinkStatus.SKIPPED
    )
    return Resolution(
        records=Records.from_families(families),
        outcomes=outcomes,
        requests=dict(client.requests),
        notes=tuple(notes),
        wanted=sum(len(keys) for keys in wanted) - excluded,
        verified=verified,
    )


def _limits(settings: Settings) -> Limits:
    return Limits(
        settings.concurrency,
        settings.host_concurrency,
        settings.timeout,
        settings.retries,
        settings.hosts,
        ssl=_trust(settings.ca_bundle) if settings.ca_bundle else None,
    )


def _trust(bundle: Path) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(bundle))
    except (OSError, ssl.SSLError) as exc:
        raise BadInput(f"ca_bundle {bundle}: not a readable PEM certificate file ({exc})") from None


def _could_not_run(settings: Settings, resolution: Resolution) -> str | None:
    """Exit 3 territory: there was something to ask, and no answer came from anywhere."""
    if settings.offline or resolution.wanted == 0 or resolution.verified > 0:
        return None
    return _NOTHING_REACHED


def _link_outcomes(
    survey: Survey, resolvers: list[Resolver[Any, Any]], results: list[Mapping[Any, Any]]
) -> dict[str, LinkOutcome]:
    """Each link URL's outcome, from the first resolver that has something to say of it."""
    outcomes: dict[str, LinkOutcome] = {}
    for url in dict.fromkeys(link.url for link in survey.links):
        for resolver, records in zip(resolvers, results, strict=True):
            outcome = resolver.link_outcome(url, records)
            if outcome is not None:
                outcomes[url] = outcome
                break
    return outcomes


def _row(link: Link, survey: Survey, resolution: Resolution, settings: Settings) -> LinkRow:
    outcome = resolution.outcomes.get(link.url)
    return LinkRow(link, outcome or _unprobed_outcome(link, survey, settings))


def _unprobed_outcome(link: Link, survey: Survey, settings: Settings) -> LinkOutcome:
    """What can be said of a link no resolver probed: anchors are checked, the rest is not."""
    if link.url.startswith("#") and len(link.url) > 1:
        found = link.url[1:] in survey.anchors(link.file)
        return LinkOutcome(
            LinkStatus.OK if found else LinkStatus.BROKEN,
            "heading found" if found else "no heading has this anchor",
        )
    if (target := local_target(link)) is not None:
        exists = target.exists()
        return LinkOutcome(
            LinkStatus.OK if exists else LinkStatus.BROKEN,
            "file exists" if exists else "no such file",
        )
    if settings.offline:
        return _NOT_PROBED
    return _NOT_A_WEB_LINK if "://" not in link.url else _NOT_YET


_NOT_PROBED = LinkOutcome(LinkStatus.SKIPPED, "not probed (offline)")
_NOT_A_WEB_LINK = LinkOutcome(LinkStatus.SKIPPED, "not a web link")
_NOT_YET = LinkOutcome(LinkStatus.SKIPPED, "its service's check is not built yet")


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
    """3 when the checks could not run; else 0 when nothing reaches the --fail-on level, 1
    otherwise."""
    if report.could_not_run:
        return 3
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return int(any(finding.severity.rank >= threshold for finding in report.findings))
