"""
A loopback GitHub REST server for the issues API, recording every call it gets.

Response shapes follow GitHub's REST reference (API version 2022-11-28):
- issue objects and "List repository issues" (`GET /repos/{owner}/{repo}/issues`, which lists
  pull requests too, marked by a `pull_request` key; `labels` filters by name; pages linked by
  a `Link: <…>; rel="next"` header): docs.github.com/rest/issues/issues#list-repository-issues
- "Create an issue" (201), "Update an issue" (200; `state`, `state_reason`):
  docs.github.com/rest/issues/issues#create-an-issue and #update-an-issue
- "Create an issue comment" (201): docs.github.com/rest/issues/comments#create-an-issue-comment
- errors `{"message", "documentation_url", "status"}`; 401 "Bad credentials"; rate limits as 403
  or 429 with `x-ratelimit-*` and `retry-after` headers, body as quoted in shared/APIS.md §2.2
  (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api); 422 "Validation
  Failed" with an `errors` list for a body over 65,536 characters.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BODY_LIMIT = 65_536
_DOCS = "https://docs.github.com/rest"


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    authorization: str | None
    json: Any


@dataclass
class FakeGitHub:
    """The state of one fake repository's issues, and what the client sent."""

    token: str
    repo: str = "octo/papers"
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[str]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    replies: list[Callable[[], web.Response]] = field(default_factory=list)
    """Answers to give, in order, before handling requests normally (rate limits, 503s…)."""
    redirect_to: str | None = None
    """Answer every request with a 307 to this base URL (another host)."""
    renamed_from: str | None = None
    """An old OWNER/NAME of the repository: answered 301 (GET) or 307 (other methods) to the
    same path under the current name, as GitHub does for renamed repositories (APIS.md §2.1)."""
    drop_labels: bool = False
    """Drop labels on create, as GitHub does for tokens without push access."""
    page_size: int = 100
    base_url: str = ""

    def add_issue(self, title: str, labels: list[str], body: str = "", pr: bool = False) -> int:
        number = len(self.issues) + 1
        self.issues[number] = _issue(self, number, title, body, labels, pr)
        return number

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._record])
        base = "/repos/{owner}/{repo}/issues"
        app.router.add_get(base, self._list)
        app.router.add_post(base, self._create)
        app.router.add_patch(base + "/{number}", self._update)
        app.router.add_post(base + "/{number}/comments", self._comment)
        return app

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        body = await request.json() if request.can_read_body else None
        auth = request.headers.get("Authorization")
        self.calls.append(Call(request.method, request.path, dict(request.query), auth, body))
        if self.redirect_to:
            raise web.HTTPTemporaryRedirect(self.redirect_to + request.path_qs)
        if self.replies:
            return self.replies.pop(0)()
        old = f"/repos/{self.renamed_from}/"
        if self.renamed_from and request.path_qs.startswith(old):
            moved = request.path_qs.replace(old, f"/repos/{self.repo}/", 1)
            if request.method == "GET":
                raise web.HTTPMovedPermanently(moved)
            raise web.HTTPTemporaryRedirect(moved)
        if auth != f"Bearer {self.token}":
            return _error(401, "Bad credentials", "rest")
        if request.match_info.get("owner", "") + "/" + request.match_info.get("repo", "") != (
            self.repo
        ):
            return _error(404, "Not Found", "rest/issues/issues")
        return await handler(request)

    async def _list(self, request: web.Request) -> web.Response:
        state, wanted = request.query.get("state", "open"), request.query.get("labels")
        found = [
            issue
            for _, issue in sorted(self.issues.items())
            if state in (issue["state"], "all")
            and (not wanted or wanted in {label["name"] for label in issue["labels"]})
        ]
        page = int(request.query.get("page", "1"))
        size = int(request.query.get("per_page", "30"))
        size = min(size, self.page_size)
        headers = _rate_headers()
        if page * size < len(found):
            query = {**request.query, "page": str(page + 1)}
            link = request.url.with_query(query)
            headers["Link"] = f'<{link}>; rel="next"'
        return web.json_response(found[(page - 1) * size : page * size], headers=headers)

    async def _create(self, request: web.Request) -> web.Response:
        data = await request.json()
        if len(data.get("body") or "") > BODY_LIMIT:
            return _too_long()
        labels = [] if self.drop_labels else data.get("labels", [])
        number = self.add_issue(data["title"], labels, data.get("body") or "")
        return web.json_response(self.issues[number], status=201, headers=_rate_headers())

    async def _update(self, request: web.Request) -> web.Response:
        data = await request.json()
        issue = self.issues.get(int(request.match_info["number"]))
        if issue is None:
            return _error(404, "Not Found", "rest/issues/issues#update-an-issue")
        if len(data.get("body") or "") > BODY_LIMIT:
            return _too_long()
        issue.update({k: v for k, v in data.items() if k in ("title", "body", "state")})
        if data.get("state") == "closed":
            issue["state_reason"] = data.get("state_reason", "completed")
            issue["closed_at"] = "2026-11-24T12:00:00Z"
        return web.json_response(issue, headers=_rate_headers())

    async def _comment(self, request: web.Request) -> web.Response:
        number = int(request.match_info["number"])
        body = (await request.json())["body"]
        self.comments.setdefault(number, []).append(body)
        comment = {
            "id": 1000 + sum(map(len, self.comments.values())),
            "html_url": f"https://github.com/{self.repo}/issues/{number}#issuecomment-1",
            "body": body,
            "user": _user(),
            "created_at": "2026-11-24T12:00:00Z",
            "author_association": "NONE",
        }
        return web.json_response(comment, status=201, headers=_rate_headers())


def rate_limited(status: int = 403, retry_after: int | None = None, reset_in: int = 3600):
    """A primary rate-limit answer (remaining 0, reset in `reset_in` seconds), or with
    `retry_after` a secondary one."""

    def reply() -> web.Response:
        headers = _rate_headers(remaining=0, reset=int(time.time()) + reset_in)
        if retry_after is not None:
            headers = {"retry-after": str(retry_after)}
            message = "You have exceeded a secondary rate limit. Please wait a few minutes."
        else:
            message = "API rate limit exceeded for installation ID 1."
        body = {"message": message, "documentation_url": f"{_DOCS}/overview/rate-limits"}
        return web.json_response(body, status=status, headers=headers)

    return reply


def status(code: int, message: str = "Server Error") -> Callable[[], web.Response]:
    return lambda: _error(code, message, "rest")


def _error(code: int, message: str, doc: str) -> web.Response:
    body = {"message": message, "documentation_url": f"{_DOCS}/{doc}", "status": str(code)}
    return web.json_response(body, status=code, headers=_rate_headers())


def _too_long() -> web.Response:
    body = {
        "message": "Validation Failed",
        "errors": [
            {
                "resource": "Issue",
                "code": "custom",
                "field": "body",
                "message": "body is too long (maximum is 65536 characters)",
            }
        ],
        "documentation_url": f"{_DOCS}/issues/issues#create-an-issue",
        "status": "422",
    }
    return web.json_response(body, status=422)


def _rate_headers(remaining: int = 4999, reset: int | None = None) -> dict[str, str]:
    return {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-used": str(5000 - remaining),
        "x-ratelimit-reset": str(reset or int(time.time()) + 3600),
        "x-ratelimit-resource": "core",
        "X-GitHub-Api-Version-Selected": "2022-11-28",
    }


def _user() -> dict[str, Any]:
    return {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}


def _issue(
    fake: FakeGitHub, number: int, title: str, body: str, labels: list[str], pr: bool
) -> dict[str, Any]:
    api = f"{fake.base_url}/repos/{fake.repo}"
    issue: dict[str, Any] = {
        "id": 2_000_000 + number,
        "node_id": f"I_kwDO{number:08d}",
        "url": f"{api}/issues/{number}",
        "repository_url": api,
        "comments_url": f"{api}/issues/{number}/comments",
        "html_url": f"https://github.com/{fake.repo}/issues/{number}",
        "number": number,
        "state": "open",
        "state_reason": None,
        "title": title,
        "body": body or None,
        "user": _user(),
        "labels": [
            {"id": 7, "node_id": "LA_1", "name": name, "color": "ededed", "default": False}
            for name in labels
        ],
        "assignees": [],
        "locked": False,
        "comments": 0,
        "created_at": "2026-11-17T12:00:00Z",
        "updated_at": "2026-11-17T12:00:00Z",
        "closed_at": None,
        "author_association": "NONE",
    }
    if pr:
        issue["pull_request"] = {"url": f"{api}/pulls/{number}"}
    return issue
