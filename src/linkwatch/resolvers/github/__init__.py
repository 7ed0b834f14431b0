"""
GitHub links checked through GitHub's API: each repository (and user or organisation) once,
by GraphQL with a token and by REST without one, and pages below a repository over HTTP.

github.com/OWNER/NAME with /tree/..., /blob/..., .git, a trailing slash, a query or a fragment
all stand for the repository OWNER/NAME; a tree or blob link also has its page probed once the
repository is known to exist (a page costs no API budget). github.io sites are not claimed:
they stay with the web prober.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from dataclasses import replace

from linkwatch.model import Survey
from linkwatch.model.records.existence import Existence, answered
from linkwatch.model.records.github import (
    NAMESPACE,
    GithubRecord,
    Key,
    cache_key,
    github_key,
    subject_id,
    subject_of,
)
from linkwatch.model.targets import GithubRepo
from linkwatch.resolvers.base import Resolved, Resolver, Resources, is_excluded
from linkwatch.resolvers.github.graphql import GraphqlBatches
from linkwatch.resolvers.github.rest import RestWalk
from linkwatch.resolvers.web import WebResolver
from linkwatch.settings import HostRule
from linkwatch.transport.failures import CONNECTION_KINDS

WEB = "https://github.com"


def _unreachable_pages(records: list[GithubRecord]) -> list[GithubRecord]:
    """No page of github.com answered at all (the API may have, the web did not): the pages
    are not blamed, they are marked not checked, as the web prober does for its links."""
    pages = [r.page for r in records if r.page is not None and not r.page.excluded]
    if not pages or any(p.answered or p.failure not in CONNECTION_KINDS for p in pages):
        return records
    return [
        replace(r, page=replace(r.page, network_down=True)) if r.page is not None else r
        for r in records
    ]


class GithubResolver(Resolver[Key, GithubRecord]):
    """Every github.com repository, user and organisation link (not github.io sites)."""

    family = "github"

    def __init__(self, resources: Resources) -> None:
        super().__init__(resources)
        services = resources.settings.services
        # "Make requests serially instead of concurrently" (GitHub's REST API best practices).
        for url in (services.github_api_url, services.github_graphql_url):
            resources.client.set_service_rule(url, HostRule(concurrency=1))
        self._pages = WebResolver(resources)

    def wanted(self, survey: Survey) -> Collection[Key]:
        keys = (self._key(link.url) for link in survey.links)
        return list(dict.fromkeys(key for key in keys if key is not None))

    def claims(self, url: str) -> bool:
        return self._key(url) is not None

    def _key(self, url: str) -> Key | None:
        key = github_key(url)
        return None if key is None or is_excluded(self.resources.settings, url) else key

    async def resolve_all(self, keys: Collection[Key]) -> Resolved[Key, GithubRecord]:
        subjects = list({cache_key(key): subject_of(key) for key in keys}.values())
        self.resources.progress.add("GitHub", len(subjects))
        found, notes = await self._subjects(subjects)
        records = {key: replace(found[cache_key(key)], asked=subject_id(key)) for key in keys}
        paths = [key for key in keys if isinstance(key, GithubRepo) and key.rest]
        pages = await asyncio.gather(*(self._page(key, records[key]) for key in paths))
        records |= dict(zip(paths, _unreachable_pages(pages), strict=True))
        return Resolved(records, answered(records.values()), notes)

    async def _subjects(
        self, subjects: list[Key]
    ) -> tuple[dict[str, GithubRecord], tuple[str, ...]]:
        """Cached answers younger than --max-age, then the API for the rest; and the note
        on what was left unverified."""
        resources = self.resources
        cached = resources.cache.fresh(
            NAMESPACE, [cache_key(s) for s in subjects], resources.settings.max_age_seconds
        )
        found = {key: GithubRecord.from_json(entry.value) for key, entry in cached.items()}
        for _ in found:
            resources.progress.advance("GitHub")
        asking = [subject for subject in subjects if cache_key(subject) not in found]
        if not asking:
            return found, ()
        api = GraphqlBatches(resources) if resources.settings.services.github_token else None
        walk = api or RestWalk(resources)
        found |= await walk.run(asking)
        return found, (walk.note,) if walk.note else ()

    async def _page(self, key: GithubRepo, record: GithubRecord) -> GithubRecord:
        """The tree or blob page, under the repository's current name, once the repository
        is known to exist."""
        if record.existence != Existence.FOUND or record.name is None:
            return record
        page = await self._pages.check(f"{WEB}/{record.name}/{key.rest}")
        return replace(record, page=page)
