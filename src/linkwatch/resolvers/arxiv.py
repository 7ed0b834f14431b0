"""
arXiv papers through the arXiv query API, with the `arxiv` package: every ID of the survey in
batches of `arxiv_batch_size` (one request for up to 100 IDs), at least `arxiv_delay_seconds`
apart on one connection, off the event loop so that the web prober works meanwhile.

What the API answers (docs/APIS.md §1): an unknown ID is simply absent from a 200 feed; a
malformed one makes the whole request fail with 400, so IDs are validated here first; a
throttled or busy API answers 429 ("Rate exceeded.", no Retry-After) or 503. A record says what
was asked and what came back; the checks decide what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from linkwatch.model import Survey
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.targets import arxiv_ref, is_arxiv_link, parse_arxiv_id
from linkwatch.papers.titles import differs_beyond_case
from linkwatch.resolvers.base import Resolved, Resolver, Resources
from linkwatch.resolvers.threads import in_daemon_thread
from linkwatch.settings import Settings

if TYPE_CHECKING:
    from linkwatch.resolvers.arxiv_api import ArxivApi, Batch


NAMESPACE = "arxiv"


class ArxivResolver(Resolver[str, ArxivRecord]):
    """Every well-formed arXiv ID linked from the survey (malformed ones are the offline
    malformed-url check's), and version 1 of those whose listed title is not arXiv's."""

    family = "arxiv"

    def __init__(self, resources: Resources) -> None:
        super().__init__(resources)
        self._titles: dict[str, set[str]] = {}
        self._exclude = [re.compile(pattern) for pattern in resources.settings.exclude]

    def wanted(self, survey: Survey) -> Collection[str]:
        urls = (link.url for link in survey.links if not self._excluded(link.url))
        refs = (arxiv_ref(url) for url in urls)
        ids = dict.fromkeys(ref.id for ref in refs if ref is not None and ref.defect() is None)
        for entry in survey.entries:
            if entry.arxiv_id in ids and entry.title:
                self._titles.setdefault(entry.arxiv_id, set()).add(entry.title)
        return list(ids)

    def _excluded(self, url: str) -> bool:
        return any(pattern.search(url) for pattern in self._exclude)

    def claims(self, url: str) -> bool:
        return is_arxiv_link(url) and not self._excluded(url)

    async def resolve_all(self, keys: Collection[str]) -> Resolved[str, ArxivRecord]:
        if not keys:
            return Resolved()
        self.resources.progress.add("arXiv IDs", len(keys))
        # The arxiv package (with requests and feedparser: 23 MB, 50 ms) is loaded only when
        # there are IDs to ask about, in the worker thread, while the web prober starts.
        api = await in_daemon_thread(_api, self.resources.settings)
        failed: list[Batch] = []
        try:
            records = await self._resolve(api, list(keys), failed)
            old = [f"{key}v1" for key in keys if self._renamed(records.get(key))]
            records.update(await self._resolve(api, old, failed))
        finally:
            api.close()
        verified = sum(1 for key, r in records.items() if r.answered and not _versioned(key))
        requests = {api.host: api.requests} if api.requests else {}
        return Resolved(records, verified, _notes(failed), requests)

    async def _resolve(
        self, api: ArxivApi, keys: list[str], failed: list[Batch]
    ) -> dict[str, ArxivRecord]:
        """Cached records where fresh, the rest from the API in a worker thread; the batches
        that failed are added to `failed`."""
        records = self._cached(keys)
        progress = self.resources.progress
        for key, record in records.items():  # the old titles looked up are not counted
            if not _versioned(key):
                progress.advance("arXiv IDs", failed=not record.answered)
        missing = [key for key in keys if key not in records]
        if not missing:
            return records
        fetched: dict[str, ArxivRecord] = {}

        def arrived(batch: Batch) -> None:
            """In the worker thread, as each batch is answered: its records, counted."""
            for record in _records(batch):
                fetched[record.requested] = record
                if not _versioned(record.requested):
                    progress.advance("arXiv IDs", failed=not record.answered)

        batches = await in_daemon_thread(
            api.fetch, missing, lambda seconds: progress.waiting("arXiv", seconds), arrived
        )
        for key, record in fetched.items():
            self.resources.remember(NAMESPACE, key, record)
        records.update(fetched)
        failed.extend(batch for batch in batches if batch.failure)
        return records

    def _cached(self, keys: list[str]) -> dict[str, ArxivRecord]:
        """Found papers are kept `arxiv_max_age` (30 days); 'no such ID' only `--max-age`, as a
        paper submitted today has an ID before the API knows it."""
        settings = self.resources.settings
        stored = self.resources.cache.fresh(NAMESPACE, keys, settings.arxiv_max_age_seconds)
        records = {key: ArxivRecord.from_json(c.value) for key, c in stored.items()}
        return {
            key: record
            for key, record in records.items()
            if record.status == ArxivStatus.FOUND or stored[key].age() < settings.max_age_seconds
        }

    def _renamed(self, record: ArxivRecord | None) -> bool:
        """Whether version 1 may explain a listed title: a later version exists and some row
        lists a title that is not the current one, letter case aside."""
        if record is None or record.status != ArxivStatus.FOUND or record.version < 2:
            return False
        listed = self._titles.get(record.requested, ())
        return any(differs_beyond_case(title, record.title) for title in listed)


def _api(settings: Settings) -> ArxivApi:
    from linkwatch.resolvers.arxiv_api import ArxivApi

    return ArxivApi(settings)


def _notes(failed: list[Batch]) -> tuple[str, ...]:
    if not failed:
        return ()
    ids = sum(len(batch.ids) for batch in failed)
    return (
        f"arXiv API: {ids} IDs not verified: {failed[0].failure}. Their papers are "
        "reported as unverified, not as wrong",
    )


def _records(batch: Batch) -> list[ArxivRecord]:
    """One record per requested ID: what came back for it, or why nothing could."""
    if batch.failure:
        return [ArxivRecord(key, ArxivStatus.UNVERIFIED, detail=batch.failure) for key in batch.ids]
    found: dict[str, ArxivRecord] = {}
    for result in batch.results:
        ref = parse_arxiv_id(result.get_short_id())
        if ref is None:
            continue
        record = ArxivRecord(
            ref.id,
            ArxivStatus.FOUND,
            ref.version or 1,
            result.title,
            result.published,
            result.updated,
            result.comment or None,
            result.journal_ref or None,
            result.doi or None,
            result.primary_category,
        )
        if ref.id not in found or found[ref.id].version < record.version:
            found[ref.id] = record  # an unversioned ID stands for its latest version
        versioned = f"{ref.id}v{record.version}"
        found[versioned] = replace(record, requested=versioned)
    return [
        replace(found[key], requested=key) if key in found else _not_found(key) for key in batch.ids
    ]


def _versioned(key: str) -> bool:
    ref = parse_arxiv_id(key)
    return ref is not None and ref.version is not None


def _not_found(key: str) -> ArxivRecord:
    return ArxivRecord(key, ArxivStatus.NOT_FOUND)
