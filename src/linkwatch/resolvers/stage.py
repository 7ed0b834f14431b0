"""
The resolve stage: every service asked about the survey at once, with one shared client and
one cache; what they answer becomes the Records the checks read.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linkwatch.errors import BadInput
from linkwatch.model import LinkOutcome, LinkStatus, Survey
from linkwatch.model.records import Records, Resolution
from linkwatch.progress import Progress
from linkwatch.resolvers.arxiv import ArxivResolver
from linkwatch.resolvers.base import Resolver, Resources
from linkwatch.resolvers.github import GithubResolver
from linkwatch.resolvers.huggingface import HuggingFaceResolver
from linkwatch.resolvers.semanticscholar import SemanticScholarResolver
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


async def resolve(survey: Survey, settings: Settings, progress: Progress) -> Resolution:
    """Ask every service about the survey at once, sharing one client and one cache."""
    cache = Cache(settings.cache_path)
    try:
        async with Client(_limits(settings)) as client:
            resources = Resources(client, cache, settings, progress)
            resolvers: list[Resolver[Any, Any]] = [kind(resources) for kind in API_RESOLVERS]
            web = WebResolver(resources, leave_to=resolvers)
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
