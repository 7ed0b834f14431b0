"""
The resolve stage: every service asked about the survey at once, with one shared client and
one cache; what they answer becomes the Records the checks read.
"""

from __future__ import annotations

import asyncio
import ssl
import sys
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from linkwatch.errors import BadInput
from linkwatch.model import Survey
from linkwatch.model.records import Records, Resolution
from linkwatch.progress import Progress
from linkwatch.resolvers.arxiv import ArxivResolver
from linkwatch.resolvers.base import Resolved, Resolver, Resources
from linkwatch.resolvers.github import GithubResolver
from linkwatch.resolvers.huggingface import HuggingFaceResolver
from linkwatch.resolvers.semanticscholar import SemanticScholarResolver
from linkwatch.resolvers.threads import call_soon, in_daemon_thread
from linkwatch.resolvers.web import WebResolver
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client, Limits

# The API resolvers; the web prober takes every link none of them claims.
API_RESOLVERS: tuple[type[Resolver[Any, Any]], ...] = (
    ArxivResolver,
    SemanticScholarResolver,
    GithubResolver,
    HuggingFaceResolver,
)


_SWITCH_SECONDS = 0.0005

SurveyReader = Callable[[Callable[[Sequence[str]], None]], Survey]
"""Parses the survey, handing the function it is given the links' URLs as it finds them."""


async def resolve(survey: Survey, settings: Settings, progress: Progress) -> Resolution:
    """Ask every service about the survey at once, sharing one client and one cache."""

    async def ready(_: WebResolver) -> Survey:
        return survey

    return (await _resolved(ready, settings, progress))[1]


async def parse_and_resolve(
    read: SurveyReader, settings: Settings, progress: Progress
) -> tuple[Survey, Resolution]:
    """`resolve`, with the survey read in a thread meanwhile: the web prober starts on the links
    of the first tables while the rest is parsed, rather than after the last."""

    def reading(web: WebResolver) -> asyncio.Future[Survey]:
        loop = asyncio.get_running_loop()

        def found(urls: Sequence[str]) -> None:  # in the parsing thread
            call_soon(loop, web.prefetch, urls)

        parsed = in_daemon_thread(read, found)
        # While the parser's thread runs beside the event loop, the interpreter lock changes
        # hands every 0.5 ms, not every 5: each socket call of the loop gives the lock up and
        # must win it back, and at 5 ms a turn the loop sends little until the parse ends.
        previous = sys.getswitchinterval()
        sys.setswitchinterval(min(previous, _SWITCH_SECONDS))
        parsed.add_done_callback(lambda _: sys.setswitchinterval(previous))
        return parsed

    return await _resolved(reading, settings, progress)


async def _resolved(
    survey_for: Callable[[WebResolver], Awaitable[Survey]], settings: Settings, progress: Progress
) -> tuple[Survey, Resolution]:
    cache = Cache(settings.cache_path)
    try:
        async with Client(_limits(settings)) as client:
            resources = Resources(client, cache, settings, progress)
            resolvers: list[Resolver[Any, Any]] = [kind(resources) for kind in API_RESOLVERS]
            web = WebResolver(resources, leave_to=resolvers)
            resolvers.append(web)
            try:
                survey = await survey_for(web)
            except BaseException:
                web.abandon()
                raise
            wanted = [resolver.wanted(survey) for resolver in resolvers]
            results: list[Resolved[Any, Any]] = await asyncio.gather(
                *(
                    resolver.resolve_all(keys)
                    for resolver, keys in zip(resolvers, wanted, strict=True)
                )
            )
    finally:
        cache.close()
    families = {
        resolver.family: result.records for resolver, result in zip(resolvers, results, strict=True)
    }
    requests = Counter(client.requests)
    for result in results:
        requests.update(result.requests)
    excluded = sum(1 for record in families["web"].values() if record.excluded)
    return survey, Resolution(
        records=Records.from_families(families),
        requests=dict(requests),
        notes=(*([cache.note] if cache.note else []), *(n for r in results for n in r.notes)),
        wanted=sum(len(keys) for keys in wanted) - excluded,
        verified=sum(result.verified for result in results),
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
