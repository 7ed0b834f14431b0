"""
Plain web links: probed over HTTP, HEAD first, one redirect hop at a time, never downloading
more than a small prefix of a page.

A link is called broken only on positive evidence (404, 410, a 5xx that persists, a name that
does not resolve while others do, a refused connection, a bad certificate, a redirect loop).
When no host at all can be reached, the network is down and no link is blamed for it.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any
from urllib.parse import urljoin

from linkwatch.model import LinkOutcome, LinkStatus, Survey
from linkwatch.model.records.web import Hop, WebRecord
from linkwatch.model.targets import host_of, split_url
from linkwatch.resolvers.base import Resolver, Resources
from linkwatch.transport.client import Answer
from linkwatch.transport.failures import CONNECTION_KINDS, Failure, FailureKind

_PERMANENT = frozenset({301, 308})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# HEAD answers that say nothing about the page: the server does not do HEAD, or refuses it.
_HEAD_UNRELIABLE = frozenset({400, 403, 405, 501})
_BROKEN_STATUSES = frozenset({404, 410})
# The server will not answer a robot; the page may be fine.
_REFUSES_ROBOTS = frozenset({401, 403, 407, 999})
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

    def wanted(self, survey: Survey) -> Collection[str]:
        urls = (link.url for link in survey.links)
        return list(
            dict.fromkeys(
                url
                for url in urls
                if _is_web(url) and not any(r.claims(url) for r in self.leave_to)
            )
        )

    async def resolve_all(self, keys: Collection[str]) -> Mapping[str, WebRecord]:
        progress = self.resources.progress
        progress.add("links", len(keys))
        results = await asyncio.gather(*(self._resolve(url) for url in keys))
        records = dict(zip(keys, results, strict=True))
        return self._judge_unreachable(records)

    async def _resolve(self, url: str) -> WebRecord:
        record = await self._record(url)
        self.resources.progress.advance("links", failed=record.outcome.status != LinkStatus.OK)
        return record

    async def check(self, url: str) -> WebRecord:
        """One URL as the prober sees it (--exclude, --remap and the cache applied), for an
        API resolver that also needs a page (a path below a GitHub repository)."""
        return await self._record(url)

    async def _record(self, url: str) -> WebRecord:
        if any(pattern.search(url) for pattern in self._exclude):
            return WebRecord(LinkOutcome(LinkStatus.SKIPPED, "excluded by --exclude"))
        target = self._remapped(url)
        cache = self.resources.cache
        probed = target if target != url else None
        cached = cache.fresh(NAMESPACE, [target], self.resources.settings.max_age_seconds)
        if target in cached:
            return replace(WebRecord.from_json(cached[target].value), probed_url=probed)
        record = await self.probe(target)
        if url.lower().startswith("http://"):
            record = replace(record, https_ok=await self._https_answers(url, record))
        self.resources.remember(NAMESPACE, target, record)
        return replace(record, probed_url=probed)

    def _remapped(self, url: str) -> str:
        for pattern, replacement in self._remap:
            url = pattern.sub(replacement, url)
        return url

    async def probe(self, url: str) -> WebRecord:
        """Follow `url` hop by hop and judge where it ends."""
        hops: list[Hop] = []
        seen = {url}
        current = url
        try:
            for hop in range(11):
                answer = await self._head_then_get(current, continued=hop > 0)
                location = answer.headers.get("Location")
                if answer.status not in _REDIRECTS or not location:
                    return _verdict(answer, hops, current)
                hops.append(Hop(current, answer.status))
                current = urljoin(current, location)
                if current in seen:
                    return _broken(f"redirect loop back to {current}", hops, current)
                seen.add(current)
        except Failure as failure:
            return _failed(failure, hops, current)
        return _broken("more than 10 redirects", hops, current)

    async def _head_then_get(self, url: str, continued: bool) -> Answer:
        client = self.resources.client
        answer = await client.fetch("HEAD", url, continued=continued)
        if answer.status in _HEAD_UNRELIABLE:
            answer = await client.fetch("GET", url, read_limit=_PREFIX_BYTES, continued=True)
        return answer

    async def _https_answers(self, url: str, plain: WebRecord) -> bool | None:
        """Whether the https:// form of an http:// link answers as it does (None: not asked,
        as for a broken link or a bare IP address, which has no certificate). Both forms are
        remapped alike, so a test or a mirror sees the same question."""
        secure_url = self._remapped("https://" + url[len("http://") :])
        if plain.moved_to == secure_url:
            return True  # the site itself sends readers to https
        host = host_of(url)
        if plain.outcome.status != LinkStatus.OK or _IP_HOST.match(host) or host == "localhost":
            return None
        secure = await self.probe(secure_url)
        return secure.outcome.status in (LinkStatus.OK, LinkStatus.REDIRECT) and (
            secure.outcome.http_status == plain.outcome.http_status
        )

    def verified(self, records: Mapping[str, WebRecord]) -> int:
        return sum(1 for record in records.values() if record.answered)

    def link_outcome(self, url: str, records: Mapping[str, WebRecord]) -> LinkOutcome | None:
        record = records.get(url)
        return record.outcome if record is not None else None

    def _judge_unreachable(self, records: dict[str, WebRecord]) -> dict[str, WebRecord]:
        """No host answered at all: the network is down, and no link is blamed for it."""
        tried = [r for r in records.values() if r.outcome.status != LinkStatus.SKIPPED]
        if not tried or any(r.answered or r.failure not in CONNECTION_KINDS for r in tried):
            return records
        self.resources.notes.append(_NETWORK_DOWN)
        return {url: _unreachable(r) for url, r in records.items()}


def _verdict(answer: Answer, hops: list[Hop], url: str) -> WebRecord:
    status = answer.status
    moved_to = _permanent_target(hops, url)
    downgraded = _downgraded(hops, url)
    common = {"hops": tuple(hops), "moved_to": moved_to, "downgraded": downgraded}
    if 200 <= status < 300:
        verdict = LinkStatus.REDIRECT if moved_to else LinkStatus.OK
        detail = f"moved permanently to {moved_to}" if moved_to else f"HTTP {status}"
    elif status == 429:
        verdict, detail = LinkStatus.RATE_LIMITED, "HTTP 429: still rate-limited after retries"
    elif status in _REFUSES_ROBOTS:
        verdict, detail = LinkStatus.ERROR, f"HTTP {status}: the server refuses automated checks"
    elif status >= 500:
        verdict, detail = LinkStatus.BROKEN, f"HTTP {status} on every try"
    elif status in _BROKEN_STATUSES or 400 <= status < 500:
        verdict, detail = LinkStatus.BROKEN, f"HTTP {status}"
    else:
        verdict, detail = LinkStatus.ERROR, f"HTTP {status} without a usable answer"
    outcome = LinkOutcome(verdict, detail, status, url, answer.elapsed_ms)
    return WebRecord(outcome, **common)  # type: ignore[arg-type]


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


def _broken(detail: str, hops: list[Hop], url: str) -> WebRecord:
    return WebRecord(LinkOutcome(LinkStatus.BROKEN, detail, None, url), tuple(hops))


def _failed(failure: Failure, hops: list[Hop], url: str) -> WebRecord:
    match failure.kind:
        case FailureKind.TIMEOUT | FailureKind.CONNECT_TIMEOUT:
            status = LinkStatus.TIMEOUT
        case FailureKind.DNS | FailureKind.REFUSED | FailureKind.TLS | FailureKind.INVALID_URL:
            status = LinkStatus.BROKEN
        case _:
            status = LinkStatus.ERROR
    outcome = LinkOutcome(status, failure.detail, None, url)
    return WebRecord(outcome, tuple(hops), failure=failure.kind)


def _unreachable(record: WebRecord) -> WebRecord:
    if record.outcome.status == LinkStatus.SKIPPED:
        return record
    outcome = LinkOutcome(
        LinkStatus.ERROR,
        f"not checked: {record.outcome.detail} (and no other host answered either)",
    )
    return replace(record, outcome=outcome, network_down=True)


def _is_web(url: str) -> bool:
    parts = split_url(url)
    return parts is not None and parts.scheme in ("http", "https") and bool(parts.host)
