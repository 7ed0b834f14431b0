"""
Plain web links: probed over HTTP, HEAD first, one redirect hop at a time, never downloading
more than a small prefix of a page.

The prober records what happened (the last status, or the failure; the hops; where permanent
redirects lead); what that makes the link is judged in checks/statuses.py. When no host at all
can be reached, the network is down: the records say so and a note tells the run.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any
from urllib.parse import urljoin

from linkwatch.model import Survey
from linkwatch.model.paper_links import has_meta_page
from linkwatch.model.records.web import Hop, PageMeta, WebRecord
from linkwatch.model.targets import host_of, split_url
from linkwatch.resolvers.base import Resolved, Resolver, Resources
from linkwatch.resolvers.page_meta import page_meta
from linkwatch.transport.client import Answer
from linkwatch.transport.failures import CONNECTION_KINDS, Failure

_PERMANENT = frozenset({301, 308})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# HEAD answers that say nothing about the page: the server does not do HEAD, or refuses it;
# and a HEAD 404 or 410, which many servers give for pages a GET finds: confirmed with a GET.
_HEAD_UNRELIABLE = frozenset({400, 403, 404, 405, 410, 501})
_MAX_HOPS = 20  # as browsers follow (Chrome and Firefox stop at 20)
_PREFIX_BYTES = 64 * 1024
_NETWORK_DOWN = "network unreachable: no host could be reached, so no link was checked"
_IP_HOST = re.compile(r"^(\d+\.){3}\d+$|^\[?[0-9a-f:]+\]?$", re.I)
NAMESPACE = "web"


class WebResolver(Resolver[str, WebRecord]):
    """Every http(s) link that no API resolver claims."""

    family = "web"

    def __init__(self, resources: Resources, leave_to: Sequence[Resolver[Any, Any]] = ()) -> None:
        super().__init__(resources)
        self.leave_to = tuple(leave_to)
        """The API resolvers whose links the prober leaves to them (GitHub, the Hub, arXiv)."""
        settings = resources.settings
        self._exclude = [re.compile(pattern) for pattern in settings.exclude]
        self._remap = [
            (re.compile(pattern), replacement) for pattern, replacement in settings.remap
        ]
        self._meta_pages: frozenset[str] = frozenset()
        """Paper pages of entries without an arXiv ID: read with GET, for their citation_*
        tags (the one request the probe makes anyway)."""
        self._early: dict[str, asyncio.Task[WebRecord]] = {}
        """Probes started while the survey was still being parsed (`prefetch`)."""
        self._considered: set[str] = set()
        """Every URL `prefetch` was handed: the parser hands a table's links over twice (as
        its rows are parsed, then as they are read), and a URL may be on many rows."""

    def prefetch(self, urls: Iterable[str]) -> None:
        """Start probing links the parser has found so far, before the survey is complete. A
        URL that may turn out to be a paper page read for its tags (`has_meta_page`) waits for
        the whole survey, so every URL is still asked exactly as `resolve_all` would ask it."""
        fresh = []
        for url in urls:
            if url in self._considered:
                continue
            self._considered.add(url)
            if self._probed(url) and not has_meta_page(url):
                fresh.append(url)
        self.resources.progress.add("links", len(fresh))
        for url in fresh:
            self._early[url] = asyncio.ensure_future(self._resolve(url))

    def abandon(self) -> None:
        """Cancel the probes `prefetch` started (the parse failed or the run was stopped)."""
        for task in self._early.values():
            task.cancel()
        self._early.clear()

    def wanted(self, survey: Survey) -> Collection[str]:
        self._meta_pages = frozenset(
            entry.paper_url
            for entry in survey.entries
            if entry.paper_url and not entry.arxiv_id and has_meta_page(entry.paper_url)
        )
        urls = dict.fromkeys(link.url for link in survey.links)
        return [url for url in urls if self._probed(url)]

    def _probed(self, url: str) -> bool:
        """A web link no API resolver claims."""
        return _is_web(url) and not any(r.claims(url) for r in self.leave_to)

    async def resolve_all(self, keys: Collection[str]) -> Resolved[str, WebRecord]:
        early, self._early = self._early, {}
        self.resources.progress.add("links", sum(1 for url in keys if url not in early))
        try:
            results = await asyncio.gather(
                *(early.pop(url) if url in early else self._resolve(url) for url in keys)
            )
        finally:
            for unwanted in early.values():  # none: every link the parser handed over is wanted
                unwanted.cancel()
        records = dict(zip(keys, results, strict=True))
        if not _network_down(records):
            verified = sum(1 for record in records.values() if record.answered)
            return Resolved(records, verified=verified)
        down = {url: replace(r, network_down=not r.excluded) for url, r in records.items()}
        return Resolved(down, notes=(_NETWORK_DOWN,))

    async def _resolve(self, url: str) -> WebRecord:
        record = await self._record(url)
        status = record.http_status
        failed = not record.excluded and (status is None or not 200 <= status < 300)
        self.resources.progress.advance("links", failed=failed)
        return record

    async def check(self, url: str) -> WebRecord:
        """One URL as the prober sees it (--exclude, --remap and the cache applied), for an
        API resolver that also needs a page (a path below a GitHub repository)."""
        return await self._record(url)

    async def _record(self, url: str) -> WebRecord:
        if any(pattern.search(url) for pattern in self._exclude):
            return WebRecord(excluded=True)
        target = self._remapped(url)
        cache = self.resources.cache
        probed = target if target != url else None
        read = url in self._meta_pages
        key = f"{target} +meta" if read else target  # a HEAD's record has no page to read
        cached = cache.fresh(NAMESPACE, [key], self.resources.settings.max_age_seconds)
        if key in cached:
            return _probed_at(WebRecord.from_json(cached[key].value), probed)
        record = await self.probe(target, read_meta=read)
        if url.lower().startswith("http://"):
            record = replace(record, https_ok=await self._https_answers(url, record))
        self.resources.remember(NAMESPACE, key, record)
        return _probed_at(record, probed)

    def _remapped(self, url: str) -> str:
        for pattern, replacement in self._remap:
            url = pattern.sub(replacement, url)
        return url

    async def probe(self, url: str, read_meta: bool = False) -> WebRecord:
        """Follow `url` hop by hop and record where it ends; with `read_meta`, every hop is
        a GET of the page's first 64 KiB and the last one's citation_* tags are kept."""
        hops: list[Hop] = []
        seen = {url}
        current = url
        try:
            for hop in range(_MAX_HOPS + 1):
                answer = await self._head_then_get(current, hop > 0, read_meta)
                location = answer.headers.get("Location")
                if answer.status not in _REDIRECTS or not location:
                    meta = _meta(answer) if read_meta else None
                    return _answered(answer, hops, current, meta)
                hops.append(Hop(current, answer.status))
                target = _joined(current, location)
                if target is None:  # a server's Location that no URL parser takes
                    detail = f"redirects to an invalid address ({location[:200]!r})"
                    return WebRecord(final_url=current, detail=detail, hops=tuple(hops))
                current = target
                if current in seen:
                    return WebRecord(
                        final_url=current,
                        detail=f"redirect loop back to {current}",
                        hops=tuple(hops),
                    )
                seen.add(current)
        except Failure as failure:
            return WebRecord(
                final_url=current, detail=failure.detail, failure=failure.kind, hops=tuple(hops)
            )
        detail = f"more than {_MAX_HOPS} redirects"
        return WebRecord(final_url=current, detail=detail, hops=tuple(hops))

    async def _head_then_get(self, url: str, continued: bool, get: bool = False) -> Answer:
        client = self.resources.client
        if get:
            return await client.fetch("GET", url, read_limit=_PREFIX_BYTES, continued=continued)
        answer = await client.fetch("HEAD", url, continued=continued)
        if answer.status in _HEAD_UNRELIABLE:
            answer = await client.fetch("GET", url, read_limit=_PREFIX_BYTES, continued=True)
        return answer

    async def _https_answers(self, url: str, plain: WebRecord) -> bool | None:
        """Whether the https:// form of an http:// link answers as it does (None: not asked,
        as for a link that does not answer 2xx or a bare IP address, which has no
        certificate). Both forms are remapped alike, so a test or a mirror sees the same
        question."""
        secure_url = self._remapped("https://" + url[len("http://") :])
        if plain.moved_to == secure_url:
            return True  # the site itself sends readers to https
        host = host_of(url)
        if not _plain_success(plain) or _IP_HOST.match(host) or host == "localhost":
            return None
        secure = await self.probe(secure_url)
        return secure.http_status == plain.http_status


def _answered(answer: Answer, hops: list[Hop], url: str, meta: PageMeta | None) -> WebRecord:
    return WebRecord(
        http_status=answer.status,
        final_url=url,
        elapsed_ms=answer.elapsed_ms,
        hops=tuple(hops),
        moved_to=_permanent_target(hops, url),
        downgraded=_downgraded(hops, url),
        meta=meta,
    )


def _probed_at(record: WebRecord, probed: str | None) -> WebRecord:
    """The record, saying which URL was probed when --remap changed it."""
    return record if record.probed_url == probed else replace(record, probed_url=probed)


def _joined(base: str, location: str) -> str | None:
    """The next hop, or None when `location` is no URL (`http://[::1`, a bad port)."""
    try:
        target = urljoin(base, location)
    except ValueError:
        return None
    return target if split_url(target) is not None else None


def _meta(answer: Answer) -> PageMeta | None:
    if not 200 <= answer.status < 300:
        return None
    return page_meta(answer.body, answer.headers.get("Content-Type"))


def _plain_success(record: WebRecord) -> bool:
    """A 2xx reached without a permanent move."""
    status = record.http_status
    return status is not None and 200 <= status < 300 and record.moved_to is None


def _network_down(records: Mapping[str, WebRecord]) -> bool:
    """No host answered at all, and every try failed before reaching one."""
    tried = [r for r in records.values() if not r.excluded]
    return bool(tried) and all(not r.answered and r.failure in CONNECTION_KINDS for r in tried)


def _permanent_target(hops: list[Hop], final: str) -> str | None:
    """The URL the leading permanent redirects point to; None when the first hop is not."""
    target = None
    for index, hop in enumerate(hops):
        if hop.status not in _PERMANENT:
            break
        target = hops[index + 1].url if index + 1 < len(hops) else final
    return target


def _downgraded(hops: list[Hop], final: str) -> bool:
    urls = [hop.url for hop in hops] + [final]
    return any(a.startswith("https://") and b.startswith("http://") for a, b in pairwise(urls))


def _is_web(url: str) -> bool:
    parts = split_url(url)
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.host)
