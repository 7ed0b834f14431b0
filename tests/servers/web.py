"""
A small simulated web with httpx-style routes, one for each way a link can behave:

/status/{code}           that status, to HEAD and GET alike
/head/{code}             {code} to HEAD, 200 to GET (servers that do not do HEAD)
/redirect/{code}/{n}     a chain of n redirects of that code, ending at /status/200
/loop                    a redirect loop (/loop → /loop2 → /loop)
/flaky/{code}/{n}?key=k  {code} for the first n requests with that key, then 200
/retry-after/{code}?after=VALUE&times=n&key=k
                         {code} with Retry-After: VALUE for the first n requests, then 200
/slow/{seconds}          200 after that long
/reset                   the connection dropped with no answer
/huge                    405 to HEAD; to GET, 200 with a 1 GB body, streamed (bytes sent counted)
/to?url=U&code=301       a redirect of that code to any URL U (e.g. from https to http)

Every request is counted per (method, path), and the most requests in flight at once is kept.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter

from aiohttp import web

ONE_GB = 1024**3
_CHUNK = b"x" * 65536


class WebState:
    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str]] = Counter()
        self.by_key: Counter[str] = Counter()
        self.in_flight = 0
        self.peak_in_flight = 0
        self.huge_bytes_sent = 0
        self.user_agents: set[str] = set()
        self.authorization: list[str] = []
        self.arrivals: list[tuple[float, str]] = []
        """(monotonic time, path with query) of every request, in order of arrival."""

    def count(self, method: str, path: str) -> int:
        return self.requests[(method, path)]

    def total(self, path: str) -> int:
        return sum(n for (_, p), n in self.requests.items() if p == path)


STATE = web.AppKey("state", WebState)


def make_app(state: WebState | None = None, latency: float = 0.0) -> web.Application:
    state = state or WebState()

    @web.middleware
    async def counting(request: web.Request, handler):  # type: ignore[no-untyped-def]
        state.requests[(request.method, request.path)] += 1
        state.arrivals.append((time.monotonic(), request.path_qs))
        state.user_agents.add(request.headers.get("User-Agent", ""))
        if "Authorization" in request.headers:
            state.authorization.append(request.headers["Authorization"])
        state.in_flight += 1
        state.peak_in_flight = max(state.peak_in_flight, state.in_flight)
        try:
            if latency:
                await asyncio.sleep(latency)
            return await handler(request)
        finally:
            state.in_flight -= 1

    app = web.Application(middlewares=[counting])
    app[STATE] = state
    app.router.add_route("*", "/status/{code}", _status)
    app.router.add_route("*", "/head/{code}", _head_only)
    app.router.add_route("*", "/redirect/{code}/{n}", _redirect)
    app.router.add_route("*", "/loop", _loop)
    app.router.add_route("*", "/loop2", _loop)
    app.router.add_route("*", "/flaky/{code}/{n}", _flaky)
    app.router.add_route("*", "/retry-after/{code}", _retry_after)
    app.router.add_route("*", "/slow/{seconds}", _slow)
    app.router.add_route("*", "/reset", _reset)
    app.router.add_route("*", "/huge", _huge)
    app.router.add_route("*", "/to", _to)
    return app


async def _status(request: web.Request) -> web.Response:
    return web.Response(status=int(request.match_info["code"]), text="status page")


async def _head_only(request: web.Request) -> web.Response:
    if request.method == "HEAD":
        return web.Response(status=int(request.match_info["code"]))
    return web.Response(text="<html><title>fine</title></html>", content_type="text/html")


async def _to(request: web.Request) -> web.Response:
    code = int(request.query.get("code", "301"))
    return web.Response(status=code, headers={"Location": request.query["url"]})


async def _loop(request: web.Request) -> web.Response:
    location = "/loop2" if request.path == "/loop" else "/loop"
    return web.Response(status=301, headers={"Location": location})


async def _redirect(request: web.Request) -> web.Response:
    code, n = int(request.match_info["code"]), int(request.match_info["n"])
    location = f"/redirect/{code}/{n - 1}" if n > 1 else "/status/200"
    return web.Response(status=code, headers={"Location": location})


async def _flaky(request: web.Request) -> web.Response:
    state = request.app[STATE]
    key = request.query.get("key", request.path)
    state.by_key[key] += 1
    if state.by_key[key] <= int(request.match_info["n"]):
        return web.Response(status=int(request.match_info["code"]))
    return web.Response(text="fine now")


async def _retry_after(request: web.Request) -> web.Response:
    state = request.app[STATE]
    key = request.query.get("key", request.path)
    state.by_key[key] += 1
    if state.by_key[key] <= int(request.query.get("times", "1")):
        return web.Response(
            status=int(request.match_info["code"]),
            headers={"Retry-After": request.query.get("after", "1")},
        )
    return web.Response(text="fine now")


async def _slow(request: web.Request) -> web.Response:
    await asyncio.sleep(float(request.match_info["seconds"]))
    return web.Response(text="late")


async def _reset(request: web.Request) -> web.Response:
    assert request.transport is not None
    request.transport.abort()
    raise asyncio.CancelledError  # the handler ends without an answer


async def _huge(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    if request.method == "HEAD":
        return web.Response(status=405)  # so the probe has to GET it
    response = web.StreamResponse(headers={"Content-Length": str(ONE_GB)})
    await response.prepare(request)
    try:
        for _ in range(ONE_GB // len(_CHUNK)):
            await response.write(_CHUNK)
            state.huge_bytes_sent += len(_CHUNK)
    except (ConnectionError, asyncio.CancelledError):
        pass
    return response
