"""
The one HTTP client of a run, shared by every resolver: connection pooling, politeness and
retries in one place, so resolvers only say what to fetch.

Each request goes through the same sequence: join an identical request already in flight →
take the host's slot (its cap, its pause, any Retry-After it asked for) → take a global slot →
send → record the figures → on a transient answer, wait (Retry-After, else exponential backoff
with jitter) and try again.
"""

from __future__ import annotations

import asyncio
import errno
import heapq
import itertools
import json as jsonlib
import random
import socket
import ssl
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import proxy_bypass

import aiohttp
from aiohttp.helpers import ProxyInfo, proxies_from_env
from multidict import CIMultiDict, CIMultiDictProxy
from tenacity import AsyncRetrying, RetryCallState

from linkwatch import __version__
from linkwatch.errors import BadInput
from linkwatch.settings import HostRule
from linkwatch.transport.failures import (
    SILENT_KINDS,
    Failure,
    FailureKind,
    is_transient,
    retry_after_seconds,
)
from linkwatch.transport.ratelimits import RateLimit, ietf_rate_limit_wait

USER_AGENT = f"linkwatch/{__version__} (+https://github.com/linkwatch/linkwatch)"
MAX_REDIRECTS = 20  # as browsers follow
_MAX_BODY = 32 * 1024 * 1024  # an API answer larger than this is not an API answer


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, headers, the body (or the prefix asked for) and timings."""

    status: int
    headers: CIMultiDictProxy[str]
    body: bytes
    url: str
    elapsed_ms: int
    attempts: int = 1

    def json(self) -> Any:
        return jsonlib.loads(self.body)

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object, or {} when it is not one (an error page, a list)."""
        try:
            data = self.json()
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


@dataclass(frozen=True, slots=True)
class Token:
    """A credential that may only ever be sent to one origin (scheme, host and port)."""

    origin: str
    authorization: str = field(repr=False)

    @classmethod
    def for_url(cls, url: str, authorization: str) -> Token:
        return cls(origin_of(url), authorization)


@dataclass(frozen=True, slots=True)
class _Request:
    method: str
    url: str
    headers: Mapping[str, str]
    json: Any
    token: Token | None
    read_limit: int | None
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Limits:
    concurrency: int = 256
    host_concurrency: int = 4
    timeout: float = 20.0
    retries: int = 3
    hosts: Mapping[str, HostRule] = field(default_factory=dict)
    backoff: float = 0.2
    """First wait of the exponential backoff, in seconds: it doubles each try, up to
    `backoff_cap` (0.2 s, 0.4 s, 0.5 s: the k-th retry goes no sooner than 0.2, 0.6, 1.1 s
    after the first try was sent, so a failure must last over a second to count), plus up to
    half the first wait of jitter, and never sooner than that half after the previous answer.
    Time a host's pause held a try back counts toward the next wait, as it was a rest too."""
    backoff_cap: float = 0.5
    retry_after_cap: float = 60.0
    """Longest Retry-After honoured; asked to wait longer, the link is left rate-limited."""
    ssl: ssl.SSLContext | None = None
    """Certificates to trust instead of the system's (a company CA, a test CA)."""


class _Slots:
    """A host's slots: a semaphore whose waiters are served by priority, then in order of
    arrival (a link already under way, a retry, the next hop, GET after HEAD, goes before
    links not started, so a slow link's next try does not queue behind the whole host), and
    that hands out no slot while the host is paused (its Retry-After, its delay): a paused host
    holds no slots, and when the pause ends the waiters are served in that order."""

    def __init__(self, size: int) -> None:
        self._free = size
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._arrivals = itertools.count()
        self.not_before = 0.0
        """Monotonic time before which no slot is handed out."""
        self._wake: asyncio.TimerHandle | None = None

    def pause_until(self, when: float) -> None:
        self.not_before = max(self.not_before, when)

    async def acquire(self, priority: int) -> None:
        if self._free > 0 and not self._waiters and time.monotonic() >= self.not_before:
            self._free -= 1
            return
        arrival = next(self._arrivals)
        while True:
            granted = asyncio.get_running_loop().create_future()
            heapq.heappush(self._waiters, (priority, arrival, granted))
            self._dispatch()
            try:
                await granted
            except asyncio.CancelledError:
                if granted.done() and not granted.cancelled():
                    self.release()  # handed a slot just as we were cancelled: pass it on
                raise
            if time.monotonic() >= self.not_before:
                return
            # handed a slot, then the host was paused before this task ran: back in line,
            # in the same place
            self._free += 1

    def release(self) -> None:
        self._free += 1
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand free slots to the first waiters, or, while paused, wake up when it ends."""
        if self._wake is not None:
            return  # already set to wake at the end of the pause
        pause = self.not_before - time.monotonic()
        if pause > 0:
            if self._free > 0 and self._waiters:
                self._wake = asyncio.get_running_loop().call_later(pause, self._woken)
            return
        while self._free > 0 and self._waiters:
            granted = heapq.heappop(self._waiters)[2]
            if not granted.done():
                self._free -= 1
                granted.set_result(None)

    def _woken(self) -> None:
        self._wake = None
        self._dispatch()  # the pause may have grown meanwhile: then it sets a new wake-up


@dataclass(slots=True)
class _Host:
    """The politeness state of one origin."""

    slots: _Slots
    delay: float = 0.0
    in_flight: int = 0
    peak: int = 0
    silent: int = 0
    """Tries in a row that got no answer at all (timeouts, refusals, resets)."""
    given_up: Failure | None = None
    """Set once the host stayed silent BREAKER times in a row: later requests fail at once."""
    spent_until: float = 0.0
    """The host asked to wait past the Retry-After cap (a spent budget): until then, requests
    fail at once as rate-limited instead of being sent for another 429."""
    spent_detail: str = ""


BREAKER = 3
"""Tries in a row without any answer after which a host is not asked again this run."""


class Client:
    """Use as `async with Client(limits) as client:`; one per run."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.requests: Counter[str] = Counter()
        """Requests sent per host name, retries included (the report's 'requests')."""
        self._hosts: dict[str, _Host] = {}
        self._service_rules: dict[str, HostRule] = {}
        self._sockets = _room_for(limits.concurrency)
        self._global = asyncio.Semaphore(self._sockets)
        self._in_flight: dict[tuple[str, str, str | None], asyncio.Future[Answer]] = {}
        self._unresolvable: dict[str, Failure] = {}
        """Hosts whose name did not resolve: asked once per run, not once per link."""
        self._session: aiohttp.ClientSession | None = None
        self._timeout = aiohttp.ClientTimeout(total=limits.timeout, sock_connect=limits.timeout)
        self._env_proxies: dict[str, ProxyInfo] = {}
        self._proxies: dict[str, ProxyInfo | None] = {}
        """The proxy of each origin, looked up once (HTTP(S)_PROXY, NO_PROXY)."""

    async def __aenter__(self) -> Client:
        connector = aiohttp.TCPConnector(
            limit=self._sockets,
            limit_per_host=0,
            ttl_dns_cache=300,
            ssl=self.limits.ssl or True,
        )
        # The proxy variables (and ~/.netrc for a proxy's credentials) are read once here and
        # each origin's proxy looked up once; aiohttp's trust_env would do both again on every
        # request, in two worker-thread hops that double its CPU per request.
        try:
            self._env_proxies = proxies_from_env()
        except ValueError as exc:  # HTTPS_PROXY=http://[::1
            raise BadInput(f"HTTP_PROXY / HTTPS_PROXY: not a usable proxy URL ({exc})") from None
        self._session = aiohttp.ClientSession(
            connector=connector,
            trust_env=False,
            headers={"User-Agent": USER_AGENT},
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._session is not None:
            await self._session.close()

    def set_service_rule(self, url: str, rule: HostRule) -> None:
        """A service's own politeness for its origin (GitHub's REST API asks for one request
        at a time); a rule the config file gives for the host wins. Set it before the first
        request to that origin."""
        self._service_rules[origin_of(url)] = rule

    def peak_in_flight(self) -> dict[str, int]:
        """The most requests ever in flight at once, per origin."""
        return {origin: host.peak for origin, host in self._hosts.items()}

    async def fetch(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        token: Token | None = None,
        read_limit: int | None = None,
        follow_redirects: bool = False,
        continued: bool = False,
    ) -> Answer:
        """One request, retried while the answer is transient; raises Failure when no HTTP
        answer came. `read_limit` reads only that much of the body (a probe needs no more);
        redirects are followed only when asked, the token dropped on leaving its origin;
        `continued` marks a later step of work under way, served before new work."""
        _requestable(url)
        request = _Request(method, url, headers or {}, json, token, read_limit, continued)
        key = (method, url, token.origin if token else None)
        shareable = json is None and method in ("GET", "HEAD")
        if shareable and key in self._in_flight:
            return await asyncio.shield(self._in_flight[key])
        task = asyncio.ensure_future(self._fetch(request, follow_redirects))
        if shareable:
            self._in_flight[key] = task
            task.add_done_callback(lambda _: self._in_flight.pop(key, None))
        return await task

    async def _fetch(self, request: _Request, follow: bool) -> Answer:
        answer = await self._with_retries(request)
        for _ in range(MAX_REDIRECTS):
            location = answer.headers.get("Location")
            if not follow or answer.status not in (301, 302, 303, 307, 308) or not location:
                return answer
            method = "GET" if answer.status == 303 else request.method
            try:
                url = urljoin(answer.url, location)
                urlsplit(url).port  # noqa: B018 - raises ValueError for a bad port
            except ValueError:
                detail = f"redirected to an invalid address ({location[:200]!r})"
                raise Failure(FailureKind.INVALID_URL, detail) from None
            request = replace(request, method=method, url=url, continued=True)
            answer = await self._with_retries(request)
        raise Failure(FailureKind.OTHER, f"more than {MAX_REDIRECTS} redirects")

    async def _with_retries(self, request: _Request) -> Answer:
        """The first try goes straight out; only an outcome worth another try enters
        tenacity's loop, which replays it as its first attempt (so the waits and the count of
        tries are tenacity's) and sends the later ones. Most requests never build the loop."""
        first: Answer | Failure
        try:
            first = await self._once(request)
        except Failure as failure:
            first = failure
        if self.limits.retries == 0 or not self._worth_retrying(first):
            if isinstance(first, Failure):
                raise first
            return first
        took = first.elapsed if isinstance(first, Failure) else first.elapsed_ms / 1000
        retrying = AsyncRetrying(
            stop=self._stop,
            wait=partial(self._wait, first_sent=time.monotonic() - took),
            reraise=True,
            retry=self._should_retry,
            retry_error_callback=_last_outcome,
        )
        replayed = False

        async def attempt() -> Answer:
            nonlocal replayed
            if not replayed:
                replayed = True
                if isinstance(first, Failure):
                    raise first
                return first
            return await self._once(replace(request, continued=True))

        answer: Answer = await retrying(attempt)
        attempts = retrying.statistics.get("attempt_number", 1)
        return replace(answer, attempts=attempts)

    async def _once(self, request: _Request) -> Answer:
        """One request through the host's slot and a global slot."""
        hostname = _hostname(request.url)
        if (known := self._unresolvable.get(hostname)) is not None:
            raise known
        host = self._host(request.url)
        self._refuse_early(host)
        await host.slots.acquire(0 if request.continued else 1)
        try:
            self._refuse_early(host)  # it went silent, or spent its budget, meanwhile
            async with self._global:
                host.in_flight += 1
                host.peak = max(host.peak, host.in_flight)
                self.requests[hostname] += 1
                try:
                    answer = await self._send(request)
                except Failure as failure:
                    if failure.kind == FailureKind.DNS:
                        self._unresolvable[hostname] = failure
                    self._note_silence(host, hostname, failure)
                    raise
                finally:
                    host.in_flight -= 1
                    if host.delay:
                        host.slots.pause_until(time.monotonic() + host.delay)
                host.silent = 0
                self._heed(host, answer)
                return answer
        finally:
            host.slots.release()

    def _heed(self, host: _Host, answer: Answer) -> None:
        """A busy answer that says how long to wait pauses its host at once, before its slot
        goes to the next request; one asking longer than the cap marks the host spent."""
        if not self._worth_retrying(answer) or (wait := asked_wait(answer)) is None:
            return
        now = time.monotonic()
        if wait <= self.limits.retry_after_cap:
            host.slots.pause_until(now + wait)
            return
        host.spent_until = max(host.spent_until, now + wait)
        host.spent_detail = (
            f"{_hostname(answer.url)} asked to wait {wait:.0f} s (HTTP {answer.status}, "
            f"a spent rate limit), more than the {self.limits.retry_after_cap:.0f} s "
            "linkwatch waits"
        )

    async def _send(self, request: _Request) -> Answer:
        assert self._session is not None, "use the client as an async context manager"
        sent = CIMultiDict(request.headers)
        token = request.token
        if token is not None and origin_of(request.url) == token.origin:
            sent["Authorization"] = token.authorization
        proxy = self._proxy(request.url)
        started = time.monotonic()
        try:
            async with self._session.request(
                request.method,
                request.url,
                headers=sent,
                json=request.json,
                allow_redirects=False,
                timeout=self._timeout,
                proxy=proxy.proxy if proxy else None,
                proxy_auth=proxy.proxy_auth if proxy else None,
            ) as response:
                body = await _read(response, request.read_limit)
                elapsed = int((time.monotonic() - started) * 1000)
                return Answer(response.status, response.headers, body, request.url, elapsed)
        except (aiohttp.ClientError, TimeoutError, OSError, ValueError) as exc:
            failure = classify(exc, _hostname(request.url) or request.url)
            failure.elapsed = time.monotonic() - started
            raise failure from exc

    @staticmethod
    def _refuse_early(host: _Host) -> None:
        if host.given_up is not None:
            raise _copy(host.given_up)
        if host.spent_until > time.monotonic():
            raise Failure(FailureKind.RATE_LIMITED, host.spent_detail)

    def _note_silence(self, host: _Host, hostname: str, failure: Failure) -> None:
        """The breaker: BREAKER silent tries in a row and the host is given up on."""
        if failure.kind not in SILENT_KINDS:
            return
        host.silent += 1
        if host.silent >= BREAKER and host.given_up is None:
            detail = (
                f"{failure.detail}; {hostname} gave no answer {host.silent} times in a row, "
                "so it was not asked again this run"
            )
            host.given_up = Failure(failure.kind, detail)

    def _proxy(self, url: str) -> ProxyInfo | None:
        """The proxy the environment names for `url`'s origin (None: direct), as aiohttp's
        trust_env reads it: the scheme's *_PROXY variable unless NO_PROXY covers the host."""
        origin = origin_of(url)
        if origin not in self._proxies:
            parts = urlsplit(url)
            host = parts.hostname or ""
            bypass = not host or proxy_bypass(host)
            self._proxies[origin] = None if bypass else self._env_proxies.get(parts.scheme)
        return self._proxies[origin]

    def _host(self, url: str) -> _Host:
        origin = origin_of(url)
        if origin not in self._hosts:
            rule = self.limits.hosts.get(_hostname(url)) or self._service_rules.get(
                origin, HostRule()
            )
            self._hosts[origin] = _Host(
                _Slots(rule.concurrency or self.limits.host_concurrency),
                rule.delay_seconds,
            )
        return self._hosts[origin]

    # retry policy

    def _should_retry(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None:
            return False
        return self._worth_retrying(outcome.exception() if outcome.failed else outcome.result())

    @staticmethod
    def _worth_retrying(outcome: Answer | BaseException) -> bool:
        """Transient statuses and failures (failures.is_transient), and a 403 asking to wait."""
        if isinstance(outcome, Failure):
            return is_transient(outcome)
        if isinstance(outcome, Answer):
            return is_transient(outcome.status) or _asks_to_wait(outcome)
        return False

    def _stop(self, state: RetryCallState) -> bool:
        if state.attempt_number > self.limits.retries:
            return True
        wait = self._retry_after(state)
        return wait is not None and wait > self.limits.retry_after_cap

    def _wait(self, state: RetryCallState, first_sent: float) -> float:
        if self._retry_after(state) is not None:
            return 0.0  # _heed paused the host (or marked it spent): its queue does the waiting
        due = first_sent + self._due(state.attempt_number)
        least = self.limits.backoff / 2
        return max(least, due - time.monotonic()) + random.uniform(0, least)

    def _due(self, retry: int) -> float:
        """When the `retry`-th retry is due, in seconds after the first try was sent: the sum
        of the first `retry` waits, each twice the one before, up to the cap."""
        due, step = 0.0, self.limits.backoff
        for done in range(retry):
            if step >= self.limits.backoff_cap:
                return due + (retry - done) * self.limits.backoff_cap  # the rest are the cap
            due, step = due + step, step * 2
        return due

    def _retry_after(self, state: RetryCallState) -> float | None:
        outcome = state.outcome
        if outcome is None or outcome.failed:
            return None
        return asked_wait(outcome.result())


def asked_wait(answer: Answer) -> float | None:
    """How long the server asked to wait: its Retry-After, or for a 403 or 429 with a spent
    budget (`x-ratelimit-remaining: 0`), until its `x-ratelimit-reset`."""
    wait = retry_after_seconds(answer.headers.get("Retry-After"))
    if wait is not None or answer.status not in (403, 429):
        return wait
    limit = RateLimit.from_headers(answer.headers)
    if limit.remaining == 0 and (until := limit.seconds_to_reset()) is not None:
        return until + 1
    return ietf_rate_limit_wait(answer.headers.get("RateLimit"))


def _copy(failure: Failure) -> Failure:
    """A fresh exception for each request (an exception object carries its traceback)."""
    return Failure(failure.kind, failure.detail)


def _asks_to_wait(answer: Answer) -> bool:
    """A 403 that says 'not now': a Retry-After (GitHub's secondary rate limit) or a spent
    budget with its reset time (the primary limit; a 403 alone means 'forbidden')
    (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api)."""
    return answer.status == 403 and asked_wait(answer) is not None


def _last_outcome(state: RetryCallState) -> Answer:
    """After the last try: the last answer (a 503 is still an answer), or its failure."""
    assert state.outcome is not None
    return state.outcome.result()


async def _read(response: aiohttp.ClientResponse, limit: int | None) -> bytes:
    if limit is None:
        chunks, size = [], 0
        async for chunk in response.content.iter_any():
            chunks.append(chunk)
            size += len(chunk)
            if size > _MAX_BODY:
                raise Failure(FailureKind.OTHER, f"the answer is over {_MAX_BODY >> 20} MB")
        return b"".join(chunks)
    body = await response.content.read(limit) if limit > 0 else b""
    if not response.content.at_eof():
        response.close()  # drop the connection rather than download the rest
    return body


_SPARE_FILES = 64  # the cache, the reports, the interpreter's own files


def _room_for(sockets: int) -> int:
    """How many connections may be open at once: `sockets`, after raising the soft limit on
    open files to make room (macOS starts processes at 256), or fewer when the hard limit
    is lower than that."""
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return sockets
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = sockets + _SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        ceiling = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (ceiling, hard))
            soft = ceiling
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return sockets
    return max(1, min(sockets, soft - _SPARE_FILES))


@lru_cache(maxsize=65536)
def _requestable(url: str) -> None:
    """Raises Failure for a URL no request can be made of (a bad port, a broken IPv6 host);
    cached, as every request of a run asks it again."""
    try:
        urlsplit(url).port  # noqa: B018 - raises ValueError
    except ValueError as exc:
        raise Failure(FailureKind.INVALID_URL, f"not a URL that can be requested ({exc})") from None


@lru_cache(maxsize=65536)
def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


@lru_cache(maxsize=65536)
def _hostname(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def classify(exc: BaseException, host: str) -> Failure:
    """The Failure an exception of aiohttp (or asyncio) stands for."""
    match exc:
        case aiohttp.ClientConnectorDNSError() if _errno(exc) == socket.EAI_AGAIN:
            return Failure(
                FailureKind.DNS_TEMPORARY, f"the name {host} could not be looked up now (DNS)"
            )
        case aiohttp.ClientConnectorDNSError():
            return Failure(FailureKind.DNS, f"the name {host} does not resolve (DNS)")
        case aiohttp.ClientConnectorCertificateError():
            return Failure(
                FailureKind.TLS,
                f"{host} has an invalid TLS certificate ({_reason(exc.certificate_error)})",
            )
        case aiohttp.ClientSSLError() | ssl.SSLError():
            return Failure(
                FailureKind.TLS, f"the TLS handshake with {host} failed ({_reason(exc)})"
            )
        case aiohttp.ClientConnectorError() if _errno(exc) == errno.ECONNREFUSED:
            return Failure(FailureKind.REFUSED, f"{host} refused the connection")
        case aiohttp.ConnectionTimeoutError():
            return Failure(FailureKind.CONNECT_TIMEOUT, f"could not connect to {host} in time")
        case aiohttp.ServerTimeoutError() | asyncio.TimeoutError() | TimeoutError():
            return Failure(FailureKind.TIMEOUT, f"{host} did not answer in time")
        case aiohttp.ServerDisconnectedError() | aiohttp.ClientPayloadError():
            return Failure(FailureKind.RESET, f"{host} closed the connection mid-answer")
        case aiohttp.ClientOSError() if _errno(exc) in (errno.ECONNRESET, errno.EPIPE):
            return Failure(FailureKind.RESET, f"{host} reset the connection")
        case aiohttp.InvalidURL():
            return Failure(FailureKind.INVALID_URL, f"not a URL that can be requested ({exc})")
        case aiohttp.ClientConnectorError():
            return Failure(FailureKind.REFUSED, f"could not connect to {host} ({_reason(exc)})")
        case _:
            return Failure(FailureKind.OTHER, f"{type(exc).__name__}: {_reason(exc)}")


def _errno(exc: BaseException) -> int | None:
    os_error = getattr(exc, "os_error", None)
    return getattr(os_error, "errno", None) or getattr(exc, "errno", None)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
    return str(reason).strip() or type(exc).__name__
