"""
GitHub's REST API without a token: one `GET /repos/{owner}/{repo}` (or `/users/{login}`) per
repository, one at a time, conditional on the cached ETag, stopping before the budget runs out.

Without a token GitHub allows 60 requests an hour per address, a 304 Not Modified included
(https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api). Every answer
says what is left (`x-ratelimit-remaining`); once nothing is, the repositories not yet asked
are left unverified, not missing, and the run says when the budget comes back.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urljoin

from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import (
    NAMESPACE,
    GithubRecord,
    Key,
    cache_key,
    left_unverified,
    subject_id,
    unverified,
)
from linkwatch.model.targets import GithubRepo
from linkwatch.resolvers.base import Resources
from linkwatch.transport.client import Answer
from linkwatch.transport.failures import CONNECTION_KINDS, Failure
from linkwatch.transport.ratelimits import GITHUB_API_VERSION as API_VERSION
from linkwatch.transport.ratelimits import RateLimit, rate_limit_wait, reset_phrase

_HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
_MOVED = frozenset({301, 302, 307, 308})


class RestWalk:
    """One run's walk through the repositories, and the budget GitHub says is left."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.api = resources.settings.services.github_api_url
        self.limit = RateLimit()
        self.stopped: str | None = None
        """Why no more requests are sent (the budget is spent, GitHub is unreachable)."""
        self.advice = "run again later"
        self.note: str | None = None
        """What the run should hear when some subjects were left unverified."""

    async def run(self, subjects: list[Key]) -> dict[str, GithubRecord]:
        records: dict[str, GithubRecord] = {}
        for subject in subjects:
            records[cache_key(subject)] = (
                unverified(subject, self.stopped, rate_limited=self._rate_limited)
                if self.stopped
                else await self._one(subject)
            )
            self.resources.progress.advance("GitHub", failed=self.stopped is not None)
        left = sum(1 for r in records.values() if r.existence == Existence.UNVERIFIED)
        if self.stopped and left:
            self.note = left_unverified(left, subjects, self.stopped, self.advice)
        return records

    @property
    def _rate_limited(self) -> bool:
        return self.limit.remaining == 0 or "rate limit" in (self.stopped or "")

    async def _one(self, subject: Key) -> GithubRecord:
        url = self._url(subject)
        cached = self.resources.cache.get(NAMESPACE, cache_key(subject))
        headers = dict(_HEADERS)
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        try:
            answer = await self._get(url, headers)
            if answer.status == 304 and cached is not None:
                self.resources.cache.touch(NAMESPACE, cache_key(subject))
                return GithubRecord.from_json(cached.value)
            record = await self._record(subject, answer)
        except Failure as failure:
            if failure.kind in CONNECTION_KINDS:
                self.stopped = f"the GitHub API could not be reached ({failure.detail})"
            return unverified(subject, failure.detail)
        etag = answer.headers.get("ETag") if answer.status == 200 else None
        self.resources.remember(NAMESPACE, cache_key(subject), record, etag)
        return record

    async def _get(self, url: str, headers: dict[str, str]) -> Answer:
        answer = await self.resources.client.fetch("GET", url, headers=headers)
        self.limit = RateLimit.from_headers(answer.headers)
        if self.limit.remaining == 0:
            self._stop_for_budget()
        return answer

    async def _record(self, subject: Key, answer: Answer) -> GithubRecord:
        status = answer.status
        if status in _MOVED and answer.headers.get("Location"):
            return await self._follow(subject, answer)
        if status == 200:
            return found(subject, answer.json(), status)
        if status in (404, 410) or _blocked(answer):
            return missing(subject, answer)
        wait = rate_limit_wait(status, answer.headers, _message(answer))
        if wait is not None:
            self._stop_for_limit(status, wait, answer)
            return unverified(subject, self.stopped or "", rate_limited=True)
        return unverified(subject, f"GitHub answered HTTP {status} ({_message(answer)})")

    async def _follow(self, subject: Key, moved: Answer) -> GithubRecord:
        """A renamed or transferred repository answers 301 to /repositories/{id}: one more
        request learns its current name, which is the fix."""
        if self.stopped:
            return unverified(subject, f"it moved, but {self.stopped}", rate_limited=True)
        target = urljoin(moved.url, moved.headers["Location"])
        answer = await self._get(target, dict(_HEADERS))
        if answer.status != 200:
            return unverified(subject, f"it moved, and {target} answered HTTP {answer.status}")
        return found(subject, answer.json(), moved.status)

    def _stop_for_budget(self) -> None:
        if self.stopped:
            return
        limit = self.limit
        self.stopped = (
            f"GitHub's API budget without a token ({limit.limit or 60} requests an hour) is "
            f"spent; it is whole again {reset_phrase(limit.reset)}"
        )
        self.advice = "run again after that, or set GITHUB_TOKEN (5,000 requests an hour)"

    def _stop_for_limit(self, status: int, wait: float, answer: Answer) -> None:
        if RateLimit.from_headers(answer.headers).remaining == 0:
            self._stop_for_budget()
            return
        self.stopped = (
            f"GitHub's secondary rate limit (HTTP {status}: {_message(answer)}) asks for a "
            f"wait of {round(wait)} s, longer than linkwatch waits"
        )

    def _url(self, subject: Key) -> str:
        if isinstance(subject, GithubRepo):
            return (
                f"{self.api}/repos/{quote(subject.owner, safe='')}/{quote(subject.name, safe='')}"
            )
        return f"{self.api}/users/{quote(subject.login, safe='')}"


def found(subject: Key, data: Any, status: int) -> GithubRecord:
    """A repository object (or a user or organisation object) of the REST API."""
    data = data if isinstance(data, dict) else {}
    return GithubRecord(
        Existence.FOUND,
        subject_id(subject),
        name=data.get("full_name") or data.get("login"),
        archived=bool(data.get("archived")),
        disabled=bool(data.get("disabled")),
        private=bool(data.get("private")),
        pushed_at=data.get("pushed_at"),
        detail=f"HTTP {status}",
        http_status=status,
        evidence=data.get("html_url"),
    )


def missing(subject: Key, answer: Answer) -> GithubRecord:
    what = "repository" if isinstance(subject, GithubRepo) else "user or organisation"
    block = _blocked(answer)
    reason = f"access to it is blocked ({block})" if block else f"no such {what}"
    return GithubRecord(
        Existence.MISSING,
        subject_id(subject),
        detail=f"{reason} (HTTP {answer.status} {_message(answer)})",
        http_status=answer.status,
        evidence=answer.url,
    )


def _blocked(answer: Answer) -> str | None:
    """Why a repository GitHub blocks (403 for terms of service, 451 for a DMCA takedown)
    cannot be read: `{"message": "Repository access blocked", "block": {"reason": "dmca"}}`."""
    if answer.status not in (403, 451):
        return None
    block = answer.json_object().get("block")
    return str(block.get("reason") or "blocked") if isinstance(block, dict) else None


def _message(answer: Answer) -> str:
    return str(answer.json_object().get("message") or "no message")
