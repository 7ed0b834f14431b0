"""
A loopback Hugging Face Hub API: repository info, user and organisation overviews, recording
every request.

Where each answer's shape comes from (shared/APIS.md §3, itself from huggingface_hub's
`hf_api.py` and `utils/_http.py` and two 2026 live probes of huggingface.co):
- `GET /api/{models|datasets|spaces}/{id}` 200: `_id`, `id` and, with `expand[]=…`, exactly the
  keys asked for; an unknown expand key is a 400 (spaces have no `gated`). `gated` is false,
  "auto" or "manual"; gated repositories answer 200 here (only their files refuse).
- missing, or private without access: anonymously 401 `{"error": "Invalid username or
  password."}` with the same text in `X-Error-Message` and no `X-Error-Code`; with a token 404
  with `X-Error-Code: RepoNotFound`. A token the Hub does not know: 401 with `X-Error-Message:
  Invalid credentials in Authorization header`.
- renamed or transferred, or another letter case: 307 with a relative `Location`, query kept.
- `GET /api/users/{name}/overview`: 200 (`_id`, `user`, `type: "user"`, `fullname`, …), 307 to
  the canonical case, 404 `{"error": "This user does not exist"}` for an org or unknown name;
  `GET /api/organizations/{name}/overview`: 200 (`_id`, `name`, `fullname`, …), case-insensitive,
  404 otherwise.
- every answer carries `RateLimit: "api";r=…;t=…` and `RateLimit-Policy: "fixed window";"api";
  q=500;w=300`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

_KINDS = {"models": "model", "datasets": "dataset", "spaces": "space"}
_EXPANDABLE = {
    "model": {"gated", "private", "disabled", "downloads", "likes", "sha", "lastModified"},
    "dataset": {"gated", "private", "disabled", "downloads", "likes", "sha", "lastModified"},
    "space": {"private", "disabled", "likes", "sha", "lastModified", "sdk"},
}
_INVALID = "Invalid username or password."


@dataclass
class HubRepo:
    kind: str
    id: str
    gated: bool | str = False
    private: bool = False
    disabled: bool = False
    old_ids: tuple[str, ...] = ()


@dataclass
class HubCall:
    path: str
    query: str
    authorization: str | None
    status: int = 0


@dataclass
class FakeHub:
    repos: list[HubRepo] = field(default_factory=list)
    users: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    token: str = "hf_test-token"
    replies: list[Callable[[], web.Response]] = field(default_factory=list)
    redirect_to: str | None = None
    """Answer repository requests with a 307 to this base URL (another host)."""
    calls: list[HubCall] = field(default_factory=list)
    remaining: int = 500
    enforce: bool = False
    """Answer 429 once `remaining` is spent, with r=0 and the window's reset (t=93, as the
    Hub answered a run of 3,362 links in the issue 'Never crash')."""

    def app(self) -> web.Application:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/api/{kind:models|datasets|spaces}/{owner}/{name}", self._repo)
        app.router.add_get("/api/users/{name}/overview", self._user)
        app.router.add_get("/api/organizations/{name}/overview", self._org)
        return app

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        call = HubCall(request.path, request.query_string, request.headers.get("Authorization"))
        self.calls.append(call)
        self.remaining -= 1
        if self.replies:
            response = self.replies.pop(0)()
        elif self.enforce and self.remaining < 0:
            response = too_many_requests(reset=93)
        else:
            response = await self._checked(request, handler)
        if response.status != 429:
            response.headers.update(self._limits())
        call.status = response.status
        return response

    async def _checked(self, request: web.Request, handler: Any) -> web.StreamResponse:
        auth = request.headers.get("Authorization")
        if auth is not None and auth != f"Bearer {self.token}":
            message = "Invalid credentials in Authorization header"
            return _error(401, message, None, {"error": message})
        return await handler(request)

    def _limits(self) -> dict[str, str]:
        return {
            "RateLimit": f'"api";r={max(0, self.remaining)};t=295',
            "RateLimit-Policy": '"fixed window";"api";q=500;w=300',
        }

    async def _repo(self, request: web.Request) -> web.StreamResponse:
        kind = _KINDS[request.match_info["kind"]]
        asked = f"{request.match_info['owner']}/{request.match_info['name']}"
        authorized = request.headers.get("Authorization") == f"Bearer {self.token}"
        if self.redirect_to:
            return _redirect(self.redirect_to + request.path_qs)
        repo = self._find(kind, asked)
        if repo is None or (repo.private and not authorized):
            if authorized:
                return _error(
                    404, "Repository not found", "RepoNotFound", {"error": "Repository not found"}
                )
            return _error(401, _INVALID, None, {"error": _INVALID})
        if repo.id != asked:
            location = f"/api/{request.match_info['kind']}/{repo.id}"
            query = f"?{request.query_string}" if request.query_string else ""
            return _redirect(location + query)
        return self._info(request, repo)

    def _info(self, request: web.Request, repo: HubRepo) -> web.Response:
        full = {
            "_id": f"65{abs(hash(repo.id)) % 10**20:020d}",
            "id": repo.id,
            "gated": repo.gated,
            "private": repo.private,
            "disabled": repo.disabled,
            "downloads": 1234,
            "likes": 56,
            "sha": "0" * 40,
            "lastModified": "2024-06-01T00:00:00.000Z",
            "sdk": "gradio",
        }
        expand = request.query.getall("expand[]", [])
        if unknown := [key for key in expand if key not in _EXPANDABLE[repo.kind]]:
            body = {"error": f'"expand" must be one of {sorted(_EXPANDABLE[repo.kind])}: {unknown}'}
            return web.json_response(body, status=400)
        keys = {"_id", "id", *expand} if expand else set(full)
        return web.json_response({key: full[key] for key in full if key in keys})

    def _find(self, kind: str, asked: str) -> HubRepo | None:
        for repo in self.repos:
            names = (repo.id, *repo.old_ids)
            if repo.kind == kind and asked.casefold() in (n.casefold() for n in names):
                return repo
        return None

    async def _user(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        for user in self.users:
            if user == name:
                return web.json_response(
                    {
                        "_id": "64" + "0" * 22,
                        "user": user,
                        "type": "user",
                        "fullname": user.title(),
                        "orgs": [],
                    }
                )
            if user.casefold() == name.casefold():
                return _redirect(f"/api/users/{user}/overview")
        return web.json_response({"error": "This user does not exist"}, status=404)

    async def _org(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        for org in self.orgs:
            if org.casefold() == name.casefold():
                return web.json_response(
                    {"_id": "63" + "0" * 22, "name": org, "fullname": org, "isVerified": False}
                )
        return web.json_response(
            {"error": "Sorry, we can't find the page you are looking for."}, status=404
        )


def too_many_requests(reset: int = 1) -> web.Response:
    """429 with the Hub's RateLimit headers, r=0 (APIS.md §3.4)."""
    return web.json_response(
        {"error": "Too Many Requests"},
        status=429,
        headers={
            "RateLimit": f'"api";r=0;t={reset}',
            "RateLimit-Policy": '"fixed window";"api";q=500;w=300',
        },
    )


def _redirect(location: str) -> web.Response:
    return web.Response(status=307, headers={"Location": location})


def _error(status: int, message: str, code: str | None, body: dict[str, str]) -> web.Response:
    headers = {"X-Error-Message": message}
    if code:
        headers["X-Error-Code"] = code
    return web.json_response(body, status=status, headers=headers)
