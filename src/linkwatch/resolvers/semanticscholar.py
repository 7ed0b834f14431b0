"""
The venue of every arXiv paper of the survey from the Semantic Scholar Graph API, in as few
requests as it allows: `POST {LINKWATCH_S2_API_URL}/paper/batch?fields=...` with up to 500
`ARXIV:<id>` a request (APIS.md §4.1).

The answer is a list aligned with the request, `null` for an ID Semantic Scholar does not index;
a batch none of whose IDs it knows is refused with 400 `{"error": "No valid paper ids given"}`
(seen live by several clients), which is the same answer. A 429 carries no Retry-After, so the
shared client backs off exponentially; after the retries, and on 5xx, other 4xx or no
connection, the papers are unverified, never "not found". `S2_API_KEY` goes out as `x-api-key`
to the Semantic Scholar URL only (redirects are not followed) and is never cached or reported.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from linkwatch.model import Survey
from linkwatch.model.paper_links import s2_key
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.model.targets import ArxivRef
from linkwatch.resolvers.base import Resolved, Resolver, Resources
from linkwatch.settings import HostRule
from linkwatch.transport.client import Answer
from linkwatch.transport.failures import Failure

NAMESPACE = "s2"
BATCH_SIZE = 500
"""The batch endpoint's limit: 'Can only process 500 paper ids at a time.'"""
FIELDS = "title,venue,publicationVenue,year,journal,externalIds,publicationDate"
POLITE = HostRule(concurrency=1, delay_seconds=1.0)
"""One request at a time, a second apart: the rate of an API key (APIS.md §4.3)."""
_NO_VALID_IDS = "No valid paper ids given"
_PROGRESS = "Semantic Scholar papers"


class SemanticScholarResolver(Resolver[str, S2Record]):
    """The arXiv ID of every row that lists a venue (the rows the venue checks read), and
    the DOI, ACL Anthology ID or Semantic Scholar id of every row whose paper link names one
    (their titles, years and venues are checked against its answer): one batch for all."""

    family = "s2"

    def __init__(self, resources: Resources) -> None:
        super().__init__(resources)
        self._exclude = [re.compile(pattern) for pattern in resources.settings.exclude]
        self._url = f"{resources.settings.services.s2_api_url}/paper/batch?fields={FIELDS}"

    def wanted(self, survey: Survey) -> Collection[str]:
        arxiv = (
            entry.arxiv_id
            for entry in survey.entries
            if entry.arxiv_id and entry.venue and not self._excluded(entry.paper_url)
        )
        others = (
            s2_key(entry.paper_url, None)
            for entry in survey.entries
            if not entry.arxiv_id and not self._excluded(entry.paper_url)
        )
        ids = [key for key in dict.fromkeys(arxiv) if ArxivRef(key).defect() is None]
        return ids + [key for key in dict.fromkeys(others) if key is not None]

    def _excluded(self, url: str | None) -> bool:
        return url is not None and any(pattern.search(url) for pattern in self._exclude)

    async def resolve_all(self, keys: Collection[str]) -> Resolved[str, S2Record]:
        if not keys:
            return Resolved()
        self.resources.progress.add(_PROGRESS, len(keys))
        records = self._cached(list(keys))
        missing = [key for key in keys if key not in records]
        self.resources.client.set_service_rule(self._url, POLITE)
        for start in range(0, len(missing), BATCH_SIZE):
            fetched = await self._batch(missing[start : start + BATCH_SIZE])
            for record in fetched:
                self.resources.remember(NAMESPACE, record.requested, record)
                records[record.requested] = record
        for key in keys:
            self.resources.progress.advance(_PROGRESS, failed=not records[key].answered)
        verified = sum(1 for record in records.values() if record.answered)
        return Resolved(records, verified, _notes(records.values()))

    def _cached(self, keys: list[str]) -> dict[str, S2Record]:
        """Found papers are kept as long as arXiv records (`arxiv_max_age`, 30 days); 'not
        indexed' only `--max-age`, as Semantic Scholar picks new papers up within days."""
        settings = self.resources.settings
        stored = self.resources.cache.fresh(NAMESPACE, keys, settings.arxiv_max_age_seconds)
        records = {key: S2Record.from_json(cached.value) for key, cached in stored.items()}
        return {
            key: record
            for key, record in records.items()
            if record.status == S2Status.FOUND or stored[key].age() < settings.max_age_seconds
        }

    async def _batch(self, ids: list[str]) -> list[S2Record]:
        key = self.resources.settings.services.s2_api_key
        try:
            answer = await self.resources.client.fetch(
                "POST",
                self._url,
                json={"ids": [_asked(key) for key in ids]},
                headers={"x-api-key": key} if key else None,
            )
        except Failure as failure:
            return _unverified(ids, f"Semantic Scholar could not be reached ({failure.detail})")
        return _records(ids, answer)


def _asked(key: str) -> str:
    """A key as the batch takes it: 'DOI:...', 'ACL:...' and paper ids as they are, a bare
    arXiv ID with its 'ARXIV:' prefix."""
    return key if ":" in key or len(key) == 40 else f"ARXIV:{key}"


def _notes(records: Collection[S2Record]) -> tuple[str, ...]:
    failed = [record for record in records if not record.answered]
    if not failed:
        return ()
    return (
        f"Semantic Scholar: {len(failed)} papers not verified: {failed[0].detail}. "
        "Their venues are checked against arXiv's comments and journal references only",
    )


def _records(ids: list[str], answer: Answer) -> list[S2Record]:
    """One record per requested ID from an HTTP answer (after the client's retries)."""
    body = _json(answer)
    if answer.status == 200 and isinstance(body, list) and len(body) == len(ids):
        return [
            S2Record.from_paper(key, paper) if isinstance(paper, Mapping) else _not_found(key)
            for key, paper in zip(ids, body, strict=True)
        ]
    error = (body.get("error") or body.get("message")) if isinstance(body, Mapping) else None
    if answer.status == 400 and error == _NO_VALID_IDS:
        return [_not_found(key) for key in ids]
    return _unverified(ids, _why(answer, error))


def _why(answer: Answer, error: object) -> str:
    tries = f" after {answer.attempts} tries" if answer.attempts > 1 else ""
    if answer.status == 200:
        return "Semantic Scholar gave an answer that does not match the request"
    if answer.status == 429:
        return f"Semantic Scholar is throttling (HTTP 429){tries}"
    if answer.status >= 500:
        return f"Semantic Scholar is unavailable (HTTP {answer.status}){tries}"
    said = f": {error}" if isinstance(error, str) and error else ""
    return f"Semantic Scholar refused the request (HTTP {answer.status}{said})"


def _json(answer: Answer) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def _not_found(key: str) -> S2Record:
    return S2Record(key, S2Status.NOT_FOUND)


def _unverified(ids: list[str], detail: str) -> list[S2Record]:
    return [S2Record(key, S2Status.UNVERIFIED, detail=detail) for key in ids]
