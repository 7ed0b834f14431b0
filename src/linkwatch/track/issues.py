"""
A small client of GitHub's REST issues API: find the open issue with a label, create, edit,
comment; rate limits waited out within a cap, and the token sent to the API's own host only.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, stop_after_attempt

from linkwatch import __version__
from linkwatch.errors import LinkwatchError, ServicesUnreachable
from linkwatch.transport.ratelimits import GITHUB_API_VERSION, rate_limit_wait

# https://docs.github.com/rest/about-the-rest-api/api-versions
API_VERSION = GITHUB_API_VERSION
_REDIRECTS = (301, 302, 303, 307, 308)
_MAX_REDIRECTS = 3
_MAX_PAGES = 10
_TRANSIENT_STATUS = (500, 502, 503, 504)


class GitHubError(LinkwatchError):
    """GitHub answered, and the answer means the request cannot work as given (exit 2)."""


class GitHubUnavailable(ServicesUnreachable):
    """GitHub could not be reached, or kept refusing past the retries and the wait cap (exit 3)."""


@dataclass(frozen=True, slots=True)
class Issue:
    number: int
    title: str
    body: str
    html_url: str
    labels: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Issue:
        labels = tuple(label["name"] for label in data.get("labels", []) if "name" in label)
        return cls(data["number"], data["title"], data.get("body") or "", data["html_url"], labels)


@dataclass(frozen=True, slots=True)
class Policy:
    """How long to keep trying: attempts per request, the longest single wait (a rate limit
    that resets later than this is an error, not a wait), and the first 5xx backoff."""

    attempts: int = 4
    max_wait: float = 120.0
    backoff: float = 2.0


class _Transient(Exception):
    """Worth another attempt after `wait` seconds."""

    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


class IssuesClient:
    """The issues of one repository, through one aiohttp session."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        api_url: str,
        token: str,
        repo: str,
        policy: Policy = Policy(),
    ) -> None:
        self._session = session
        self._api = api_url.rstrip("/")
        self._token = token
        self._repo = repo
        self._policy = policy

    async def open_issue(self, label: str) -> Issue | None:
        """The oldest open issue carrying `label` (pull requests, which the endpoint also
        lists, are skipped)."""
        params = {"state": "open", "labels": label, "sort": "created", "direction": "asc"}
        url: str | None = self._url("/issues") + "?per_page=100"
        for _ in range(_MAX_PAGES):
            if url is None:
                return None
            data, response = await self._call("GET", url, params=params)
            for item in data if isinstance(data, list) else []:
                if "pull_request" not in item and label in _label_names(item):
                    return Issue.from_json(item)
            url, params = _next_page(response, self._api), {}
        return None

    async def create(self, title: str, body: str, labels: list[str]) -> Issue:
        data, _ = await self._call("POST", self._url("/issues"), json=_body(title, body, labels))
        return Issue.from_json(data)

    async def edit(self, number: int, **fields: str) -> Issue:
        data, _ = await self._call("PATCH", self._url(f"/issues/{number}"), json=fields)
        return Issue.from_json(data)

    async def comment(self, number: int, body: str) -> None:
        await self._call("POST", self._url(f"/issues/{number}/comments"), json={"body": body})

    def _url(self, path: str) -> str:
        return f"{self._api}/repos/{self._repo}{path}"

    async def _call(self, method: str, url: str, **kwargs: Any) -> tuple[Any, _Answer]:
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._policy.attempts),
            wait=_wait_asked,
            retry=retry_if_exception_type(_Transient),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    answer = await self._follow(method, url, **kwargs)
                    return answer.data, answer
        except _Transient as exc:
            message = f"{exc}; tried {self._policy.attempts} times"
            raise GitHubUnavailable(self._redacted(message)) from None
        raise AssertionError("unreachable")  # pragma: no cover - tenacity returns or raises

    async def _follow(self, method: str, url: str, **kwargs: Any) -> _Answer:
        """One attempt, following redirects only within the API's own origin."""
        for _ in range(_MAX_REDIRECTS + 1):
            answer = await self._once(method, url, **kwargs)
            if answer.status not in _REDIRECTS:
                return self._judged(answer)
            url, kwargs["params"] = self._redirect_target(answer), None
        raise GitHubError(f"{method} {_path(url)}: too many redirects from the GitHub API")

    async def _once(self, method: str, url: str, **kwargs: Any) -> _Answer:
        try:
            async with self._session.request(
                method, url, headers=self._headers(), allow_redirects=False, **kwargs
            ) as response:
                body = await response.read()
                headers = {key.lower(): value for key, value in response.headers.items()}
                return _Answer(method, url, response.status, headers, _json(body))
        except (aiohttp.ClientError, TimeoutError) as exc:
            host = urlsplit(self._api).netloc
            reason = type(exc).__name__ if isinstance(exc, TimeoutError) else str(exc)
            message = f"cannot reach the GitHub API at {host} ({reason})"
            raise _Transient(message, self._policy.backoff) from None

    def _headers(self) -> dict[str, str]:
        return {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": f"linkwatch/{__version__}",
            "Authorization": f"Bearer {self._token}",
        }

    def _redirect_target(self, answer: _Answer) -> str:
        location = urljoin(self._api + "/", answer.headers.get("location", ""))
        if _origin(location) != _origin(self._api):
            host = self._redacted(urlsplit(location).netloc)
            raise GitHubError(
                f"the GitHub API redirected to another host ({host}); "
                "linkwatch sends the token nowhere else: set GITHUB_API_URL to the API itself"
            )
        return location

    def _judged(self, answer: _Answer) -> _Answer:
        if 200 <= answer.status < 300:
            return answer
        wait = _wait_for(answer, self._policy)
        if wait is None:
            raise GitHubError(self._redacted(_explain(answer, self._repo)))
        if wait > self._policy.max_wait:
            raise GitHubUnavailable(self._redacted(_too_long(answer, wait)))
        what = f"{answer.method} {_path(answer.url)}"
        raise _Transient(self._redacted(f"{what}: GitHub answered {_message(answer)}"), wait)

    def _redacted(self, text: str) -> str:
        """Whatever a server echoes back, the token is never printed."""
        return text.replace(self._token, "***") if self._token else text


@dataclass(frozen=True, slots=True)
class _Answer:
    method: str
    url: str
    status: int
    headers: dict[str, str]
    """Names in lower case."""
    data: Any
    """The decoded JSON body; None when empty or not JSON (a proxy's HTML error page)."""


def _json(body: bytes) -> Any:
    try:
        return json.loads(body) if body else None
    except ValueError:
        return None


def _body(title: str, body: str, labels: list[str]) -> dict[str, Any]:
    return {"title": title, "body": body, "labels": labels}


def _label_names(item: dict[str, Any]) -> set[str]:
    return {label.get("name", "") for label in item.get("labels", []) if isinstance(label, dict)}


def _next_page(answer: _Answer, api: str) -> str | None:
    """The rel="next" URL of the Link header, when it stays on the API's origin."""
    for part in answer.headers.get("link", "").split(","):
        url, _, rel = part.partition(";")
        if 'rel="next"' in rel:
            target = url.strip().strip("<>")
            return target if _origin(target) == _origin(api) else None
    return None


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _path(url: str) -> str:
    return urlsplit(url).path


def _wait_asked(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    return error.wait if isinstance(error, _Transient) else 1.0


def _wait_for(answer: _Answer, policy: Policy) -> float | None:
    """Seconds to wait before trying again, or None when trying again cannot help: a 5xx
    backs off, a rate limit waits as GitHub asks (`linkwatch.transport.ratelimits`)."""
    if answer.status in _TRANSIENT_STATUS:
        return policy.backoff
    return rate_limit_wait(answer.status, answer.headers, _message(answer))


def _message(answer: _Answer) -> str:
    data = answer.data if isinstance(answer.data, dict) else {}
    return f"{answer.status} {data.get('message') or 'no message'}"


def _too_long(answer: _Answer, wait: float) -> str:
    when = time.strftime("%H:%M:%S UTC", time.gmtime(time.time() + wait))
    return (
        f"GitHub API rate limit reached ({_message(answer)}); it allows requests again at "
        f"{when}: run again after that"
    )


def _explain(answer: _Answer, repo: str) -> str:
    """One line that says what went wrong and what to do."""
    message = _message(answer)
    match answer.status:
        case 401:
            return f"GitHub rejected the token ({message}): check GITHUB_TOKEN"
        case 403:
            return (
                f"GitHub refused ({message}): the token needs 'issues: write' permission on {repo}"
            )
        case 404:
            return f"GitHub knows no repository {repo} ({message}), or the token cannot see it"
        case 410:
            return f"issues are turned off in {repo} ({message}): turn them on in its settings"
        case _:
            return f"GitHub refused the request ({message}{_details(answer)})"


def _details(answer: _Answer) -> str:
    data = answer.data if isinstance(answer.data, dict) else {}
    errors = [e.get("message") or e.get("code", "") for e in data.get("errors", [])]
    return f": {'; '.join(str(e) for e in errors if e)}" if any(errors) else ""
