"""
A loopback GitHub for repository lookups: the REST API, the GraphQL API, and the github.com
pages below a repository, all from one state, recording every request.

Where each answer's shape comes from:
- `GET /repos/{owner}/{repo}` 200: the repository object of GitHub's REST reference
  (docs.github.com/rest/repos/repos#get-a-repository), the fields linkwatch reads named as in
  a recorded 2023 api.github.com answer (PyGithub `tests/ReplayData/Artifact.setUp.txt`:
  `full_name`, `html_url`, `archived`, `disabled`, `private`, `visibility`, `pushed_at`, with
  `ETag: W/"…"` and `Cache-Control: public, max-age=60, s-maxage=60` anonymously).
- a renamed or transferred repository: `301`, `Location: {api}/repositories/{id}`, body
  `{"message": "Moved Permanently", "url": …, "documentation_url": …}` (PyGithub
  `Repository.testGetRepositoryWith301Redirect.txt`, shared/APIS.md §2.1); `GET
  /repositories/{id}` answers the repository under its new name.
- `If-None-Match` with the current ETag: `304` with no body (PyGithub
  `ConditionalRequestUpdate.testDidNotUpdate.txt`); it counts against the budget, as GitHub
  counts unauthenticated 304s.
- missing or private (anonymously): `404 {"message": "Not Found", "documentation_url":
  "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404"}` (APIS.md §2.1).
- users and organisations: `GET /users/{login}` 200 with `login`, `type`, `html_url`, else 404.
- the primary limit: every answer carries `x-ratelimit-limit/-remaining/-used/-reset/-resource`;
  past the budget `403` with remaining 0 and GitHub's message "API rate limit exceeded for
  127.0.0.1. (But here's the good news: …)" (APIS.md §2.2).
- GraphQL (`POST /graphql`, APIS.md §2.3): 401 without a token; aliases answered as `data.<alias>`;
  a missing repository is `null` plus an error `{"type": "NOT_FOUND", "path": [alias],
  "locations": […], "message": "Could not resolve to a Repository with the name 'o/n'."}`;
  `repository` follows renames (`nameWithOwner` is the new name); `repositoryOwner` is nullable and
  answers `null` for an unknown login; `rateLimit {limit cost remaining resetAt}`; past the budget
  200 with `{"errors": [{"type": "RATE_LIMITED", …}]}`.
- github.com pages: 200 for a tree/blob path the repository has, 404 otherwise, and 301 from an
  old name to the new one, as github.com redirects renamed repositories.

The GraphQL side reads the query linkwatch sends (aliases over `repository(owner: $o, name: $n)`
and `repositoryOwner(login: $o)` with variables); it is not a GraphQL engine.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

_DOCS = "https://docs.github.com/rest"
SURVEY_STATES = Path(__file__).parent / "payloads" / "survey_states.json"
_REPO_FIELD = re.compile(r"(\w+): repository\(owner: \$(\w+), name: \$(\w+)\)")
_OWNER_FIELD = re.compile(r"(\w+): repositoryOwner\(login: \$(\w+)\)")


@dataclass
class Repo:
    full_name: str
    id: int = 0
    archived: bool = False
    disabled: bool = False
    private: bool = False
    pushed_at: str = "2024-05-01T12:00:00Z"
    old_names: tuple[str, ...] = ()
    """Names it had before a rename or transfer: GitHub redirects from them."""
    paths: tuple[str, ...] = ()
    """Pages below it that exist ('tree/main/docs')."""


@dataclass
class Call:
    method: str
    path: str
    authorization: str | None
    if_none_match: str | None
    status: int = 0


@dataclass
class FakeGitHubRepos:
    repos: list[Repo] = field(default_factory=list)
    users: dict[str, str] = field(default_factory=dict)
    """login → 'User' or 'Organization'."""
    token: str = "ghp_test-token"
    budget: int = 60
    """Unauthenticated REST requests left this hour."""
    graphql_points: int = 5000
    reset: int = field(default_factory=lambda: int(time.time()) + 1800)
    replies: list[Callable[[], web.Response]] = field(default_factory=list)
    """Answers given, in order, before anything else (secondary rate limits, 502s...)."""
    redirect_graphql_to: str | None = None
    """Answer GraphQL with a 307 to this URL (another host)."""
    calls: list[Call] = field(default_factory=list)
    page_calls: list[Call] = field(default_factory=list)
    base_url: str = ""

    def add(self, repo: Repo) -> Repo:
        repo.id = repo.id or 100_000 + len(self.repos)
        self.repos.append(repo)
        return repo

    @classmethod
    def from_survey_states(cls) -> FakeGitHubRepos:
        """The survey's repositories as found (payloads/survey_states.json says from where)."""
        states = json.loads(SURVEY_STATES.read_text(encoding="utf-8"))
        fake = cls()
        for entry in states["repositories"]:
            moved = entry["state"] == "moved"
            fake.add(
                Repo(
                    entry["now"] if moved else entry["name"],
                    archived=entry["archived"],
                    old_names=(entry["name"],) if moved else (),
                    paths=tuple(states["paths"].get(entry["name"], ())),
                )
            )
        return fake

    def rest_calls(self) -> list[Call]:
        return [c for c in self.calls if c.path != "/graphql"]

    def graphql_calls(self) -> list[Call]:
        return [c for c in self.calls if c.path == "/graphql"]

    def find(self, name: str) -> tuple[Repo | None, bool]:
        """The repository a name means, and whether the name is an old one."""
        for repo in self.repos:
            if repo.full_name.casefold() == name.casefold():
                return repo, False
        for repo in self.repos:
            if name.casefold() in (old.casefold() for old in repo.old_names):
                return repo, True
        return None, False

    # the API

    def api(self) -> web.Application:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/repos/{owner}/{repo}", self._repo)
        app.router.add_get("/repositories/{id}", self._repo_by_id)
        app.router.add_get("/users/{login}", self._user)
        app.router.add_post("/graphql", self._graphql)
        return app

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        call = Call(
            request.method,
            request.path,
            request.headers.get("Authorization"),
            request.headers.get("If-None-Match"),
        )
        self.calls.append(call)
        response = await self._answer(request, handler)
        call.status = response.status
        return response

    async def _answer(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if self.replies:
            return self.replies.pop(0)()
        if request.path == "/graphql":
            return await handler(request)
        if self.budget <= 0:
            return self._over_budget()
        self.budget -= 1
        return await handler(request)

    async def _repo(self, request: web.Request) -> web.Response:
        name = f"{request.match_info['owner']}/{request.match_info['repo']}"
        repo, old = self.find(name)
        if repo is None or repo.private:
            return self._json(_not_found("repos/repos#get-a-repository"), 404)
        if old:
            url = f"{self.base_url}/repositories/{repo.id}"
            body = {
                "message": "Moved Permanently",
                "url": url,
                "documentation_url": f"{_DOCS}/guides/best-practices-for-using-the-rest-api"
                "#follow-redirects",
            }
            return self._json(body, 301, {"Location": url})
        return self._repository(request, repo)

    async def _repo_by_id(self, request: web.Request) -> web.Response:
        for repo in self.repos:
            if str(repo.id) == request.match_info["id"] and not repo.private:
                return self._repository(request, repo)
        return self._json(_not_found("repos/repos#get-a-repository"), 404)

    def _repository(self, request: web.Request, repo: Repo) -> web.Response:
        body = _repository(repo, self.base_url)
        etag = 'W/"' + hashlib.sha1(json.dumps(body).encode()).hexdigest() + '"'
        headers = {"ETag": etag, "Cache-Control": "public, max-age=60, s-maxage=60"}
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={**headers, **self._limits()})
        return self._json(body, 200, headers)

    async def _user(self, request: web.Request) -> web.Response:
        login = request.match_info["login"]
        for known, kind in self.users.items():
            if known.casefold() == login.casefold():
                body = {
                    "login": known,
                    "id": 1,
                    "type": kind,
                    "html_url": f"https://github.com/{known}",
                }
                return self._json(body, 200)
        return self._json(_not_found("users/users#get-a-user"), 404)

    def _over_budget(self) -> web.Response:
        message = (
            "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated "
            "requests get a higher rate limit. Check out the documentation for more details.)"
        )
        body = {
            "message": message,
            "documentation_url": f"{_DOCS}/overview/resources-in-the-rest-api#rate-limiting",
        }
        return self._json(body, 403)

    def _limits(self, resource: str = "core", limit: int = 60) -> dict[str, str]:
        remaining = self.budget if resource == "core" else self.graphql_points
        return {
            "x-ratelimit-limit": str(limit),
            "x-ratelimit-remaining": str(max(0, remaining)),
            "x-ratelimit-used": str(limit - max(0, remaining)),
            "x-ratelimit-reset": str(self.reset),
            "x-ratelimit-resource": resource,
        }

    def _json(
        self, body: Any, status: int, headers: dict[str, str] | None = None, resource: str = "core"
    ) -> web.Response:
        limit = 60 if resource == "core" else 5000
        all_headers = {**self._limits(resource, limit), **(headers or {})}
        return web.json_response(body, status=status, headers=all_headers)

    # GraphQL

    async def _graphql(self, request: web.Request) -> web.Response:
        if self.redirect_graphql_to:
            return web.Response(status=307, headers={"Location": self.redirect_graphql_to})
        auth = request.headers.get("Authorization")
        if auth != f"Bearer {self.token}":
            message = (
                "Bad credentials" if auth else "This endpoint requires you to be authenticated."
            )
            doc = "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql"
            return self._json(
                {"message": message, "documentation_url": doc}, 401, resource="graphql"
            )
        if self.graphql_points <= 0:
            error = {
                "type": "RATE_LIMITED",
                "message": "API rate limit already exceeded for user ID 1.",
            }
            return self._json({"errors": [error]}, 200, resource="graphql")
        self.graphql_points -= 1
        payload = await request.json()
        data, errors = self._resolve(payload["query"], payload.get("variables") or {})
        body: dict[str, Any] = {"data": data}
        if errors:
            body["errors"] = errors
        return self._json(body, 200, resource="graphql")

    def _resolve(self, query: str, variables: dict[str, str]) -> tuple[dict[str, Any], list[Any]]:
        reset_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.reset))
        data: dict[str, Any] = {
            "rateLimit": {
                "limit": 5000,
                "cost": 1,
                "remaining": self.graphql_points,
                "resetAt": reset_at,
            }
        }
        errors = []
        for line, text in enumerate(query.splitlines(), 1):
            for match in _REPO_FIELD.finditer(text):
                alias, owner, name = match[1], variables[match[2]], variables[match[3]]
                repo, _ = self.find(f"{owner}/{name}")
                data[alias] = _node(repo) if repo is not None else None
                if repo is None:
                    errors.append(
                        {
                            "type": "NOT_FOUND",
                            "path": [alias],
                            "locations": [{"line": line, "column": match.start() + 1}],
                            "message": "Could not resolve to a Repository with the name "
                            f"'{owner}/{name}'.",
                        }
                    )
            for match in _OWNER_FIELD.finditer(text):
                alias, login = match[1], variables[match[2]]
                known = next((u for u in self.users if u.casefold() == login.casefold()), None)
                data[alias] = (
                    {"login": known, "url": f"https://github.com/{known}"} if known else None
                )
        return data, errors

    # github.com pages

    def pages(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/{owner}/{repo}/{tail:.*}", self._page)
        return app

    async def _page(self, request: web.Request) -> web.Response:
        self.page_calls.append(
            Call(request.method, request.path, request.headers.get("Authorization"), None)
        )
        name = f"{request.match_info['owner']}/{request.match_info['repo']}"
        repo, old = self.find(name)
        tail = request.match_info["tail"].strip("/")
        if repo is None or repo.private:
            raise web.HTTPNotFound(text="Not Found")
        if old:
            raise web.HTTPMovedPermanently(f"/{repo.full_name}/{tail}")
        if tail and tail not in repo.paths:
            raise web.HTTPNotFound(text="Not Found")
        return web.Response(text=f"<title>{repo.full_name}</title>", content_type="text/html")


def secondary_limit(retry_after: int) -> Callable[[], web.Response]:
    """GitHub's secondary rate limit: 403, a Retry-After, and its message (APIS.md §2.2)."""

    def reply() -> web.Response:
        body = {
            "message": "You have exceeded a secondary rate limit. Please wait a few minutes "
            "before you try again.",
            "documentation_url": f"{_DOCS}/overview/rate-limits-for-the-rest-api"
            "#about-secondary-rate-limits",
        }
        return web.json_response(body, status=403, headers={"Retry-After": str(retry_after)})

    return reply


def _not_found(doc: str) -> dict[str, str]:
    return {"message": "Not Found", "documentation_url": f"{_DOCS}/{doc}", "status": "404"}


def _repository(repo: Repo, api: str) -> dict[str, Any]:
    owner, name = repo.full_name.split("/")
    return {
        "id": repo.id,
        "node_id": f"R_kgDO{repo.id:08d}",
        "name": name,
        "full_name": repo.full_name,
        "private": repo.private,
        "owner": {"login": owner, "id": repo.id + 1, "type": "Organization"},
        "html_url": f"https://github.com/{repo.full_name}",
        "description": None,
        "fork": False,
        "url": f"{api}/repos/{repo.full_name}",
        "created_at": "2023-01-10T08:00:00Z",
        "updated_at": repo.pushed_at,
        "pushed_at": repo.pushed_at,
        "archived": repo.archived,
        "disabled": repo.disabled,
        "visibility": "private" if repo.private else "public",
        "default_branch": "main",
    }


def _node(repo: Repo) -> dict[str, Any]:
    return {
        "nameWithOwner": repo.full_name,
        "url": f"https://github.com/{repo.full_name}",
        "isArchived": repo.archived,
        "isDisabled": repo.disabled,
        "isPrivate": repo.private,
        "pushedAt": repo.pushed_at,
    }
