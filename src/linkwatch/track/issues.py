"""
A small client of GitHub's REST issues API: find the open issue with a label, create, edit,
comment. Every request goes through the run's shared HTTP client, which scopes the token to
the API's origin, retries 5xx answers and dropped connections, and waits out Retry-After and a
spent rate limit within a cap; what is left to this module is what GitHub's answers mean.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from linkwatch.errors import LinkwatchError, ServicesUnreachable
from linkwatch.transport.client import Client, Limits, Token
from linkwatch.transport.failures import Failure
from linkwatch.transport.ratelimits import GITHUB_API_VERSION, rate_limit_wait

# https://docs.github.com/rest/about-the-rest-api/api-versions
API_VERSION = GITHUB_API_VERSION
_REDIRECTS = (301, 302, 303, 307, 308)
_MAX_REDIRECTS = 3
_MAX_PAGES = 10


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
    timeout: float = 30.0

    def limits(self) -> Limits:
        """The shared client's settings for `track`: one request at a time is all it sends."""
        return Limits(
            concurrency=1,
            host_concurrency=1,
            timeout=self.timeout,
            retries=max(0, self.attempts - 1),
            backoff=self.backoff,
            backoff_cap=self.backoff * 4,  # 2, 4, 8 s: GitHub's API is asked to recover
            retry_after_cap=self.max_wait,
        )


class IssuesClient:
    """The issues of one repository, through the shared HTTP client."""

    def __init__(
        self,
        client: Client,
        api_url: str,
        token: str,
        repo: str,
        policy: Policy = Policy(),
    ) -> None:
        self._client = client
        self._api = api_url.rstrip("/")
        self._token = token
        self._credential = Token.for_url(self._api, f"Bearer {token}")
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

    async def _call(
        self,
        method: str,
        url: str,
        params: dict[str, str] | None = None,
        json: Any = None,
    ) -> tuple[Any, _Answer]:
        """One request, following redirects only within the API's own origin."""
        if params:
            url += ("&" if "?" in url else "?") + urlencode(params)
        for _ in range(_MAX_REDIRECTS + 1):
            answer = await self._once(method, url, json)
            if answer.status not in _REDIRECTS:
                return self._judged(answer).data, answer
            url = self._redirect_target(answer)
        raise GitHubError(f"{method} {_path(url)}: too many redirects from the GitHub API")

    async def _once(self, method: str, url: str, json: Any) -> _Answer:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
        try:
            answer = await self._client.fetch(
                method, url, headers=headers, json=json, token=self._credential
            )
        except Failure as failure:
            host = urlsplit(self._api).netloc
            message = f"cannot reach the GitHub API at {host} ({failure.detail})"
            raise GitHubUnavailable(self._redacted(message)) from None
        headers_seen = {key.lower(): value for key, value in answer.headers.items()}
        return _Answer(
            method, url, answer.status, headers_seen, _json(answer.body), answer.attempts
        )

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
        """A 2xx, or the one error line that says what GitHub's answer means (the client has
        already retried what was worth retrying)."""
        if 200 <= answer.status < 300:
            return answer
        wait = _wait_for(answer)
        if wait is None:
            raise GitHubError(self._redacted(_explain(answer, self._repo)))
        if wait > self._policy.max_wait:
            raise GitHubUnavailable(self._redacted(_too_long(answer, wait)))
        what = f"{answer.method} {_path(answer.url)}"
        tries = f"; tried {answer.attempts} times" if answer.attempts > 1 else ""
        message = f"{what}: GitHub answered {_message(answer)}{tries}"
        raise GitHubUnavailable(self._redacted(message))

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
    attempts: int = 1


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


def _wait_for(answer: _Answer) -> float | None:
    """Seconds GitHub still asked to wait after the client's tries, or None when waiting
    cannot help: a 5xx that persisted is unavailability (0), a rate limit waits as GitHub asks
    (`linkwatch.transport.ratelimits`), anything else is a refusal."""
    if answer.status >= 500:
        return 0.0
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
