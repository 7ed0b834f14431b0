"""
A simulated web for the link-checking benchmark: H hosts (one port each on 127.0.0.1), every
answer after a fixed latency, and paths that behave like the links of a real survey:

/ok/N 200 · /gone/N 404 · /gone410/N 410 · /moved/N 301 → /ok · /temp/N 302 → /ok ·
/flaky/N 500 once, then 200 · /busy/N 503 + Retry-After: 1 once · /limited/N 429 +
Retry-After: 1 once · /nohead/N 405 to HEAD, 200 to GET · /slow/N never in time · /dead/N 500.

Each host counts its requests and the most it ever had in flight; GET /stats on the control
port returns them. Run: python benchmarks/simulated_web.py HOSTS LATENCY SLOW_SECONDS; it
prints {"control": port, "hosts": [ports]} on one line, then serves until killed.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class HostStats:
    requests: int = 0
    in_flight: int = 0
    peak: int = 0
    seen: Counter[str] = field(default_factory=Counter)


STATS = web.AppKey("stats", HostStats)


def host_app(latency: float, slow: float) -> web.Application:
    stats = HostStats()

    @web.middleware
    async def measured(request: web.Request, handler):  # type: ignore[no-untyped-def]
        stats.requests += 1
        stats.in_flight += 1
        stats.peak = max(stats.peak, stats.in_flight)
        try:
            await asyncio.sleep(latency)
            return await handler(request)
        finally:
            stats.in_flight -= 1

    async def route(request: web.Request) -> web.StreamResponse:
        kind = request.match_info["kind"]
        stats.seen[request.path] += 1
        first = stats.seen[request.path] == 1
        match kind:
            case "ok":
                return web.Response(text="ok")
            case "gone":
                return web.Response(status=404)
            case "gone410":
                return web.Response(status=410)
            case "moved" | "temp":
                code = 301 if kind == "moved" else 302
                return web.Response(status=code, headers={"Location": f"/ok/{request.path}"})
            case "flaky":
                return web.Response(status=500 if first else 200)
            case "busy" | "limited":
                code = 503 if kind == "busy" else 429
                if first:
                    return web.Response(status=code, headers={"Retry-After": "1"})
                return web.Response(text="ok")
            case "nohead":
                return web.Response(status=405 if request.method == "HEAD" else 200)
            case "slow":
                await asyncio.sleep(slow)
                return web.Response(text="late")
            case _:
                return web.Response(status=500)

    app = web.Application(middlewares=[measured])
    app[STATS] = stats
    app.router.add_route("*", "/{kind}/{rest:.*}", route)
    return app


async def serve(hosts: int, latency: float, slow: float) -> None:
    apps = [host_app(latency, slow) for _ in range(hosts)]
    ports = [await _start(app) for app in apps]

    async def stats(_: web.Request) -> web.Response:
        return web.json_response(
            {
                str(port): {"requests": app[STATS].requests, "peak": app[STATS].peak}
                for port, app in zip(ports, apps, strict=True)
            }
        )

    control = web.Application()
    control.router.add_get("/stats", stats)
    print(json.dumps({"control": await _start(control), "hosts": ports}), flush=True)
    await asyncio.Event().wait()


async def _start(app: web.Application) -> int:
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    assert site._server is not None
    return int(site._server.sockets[0].getsockname()[1])


if __name__ == "__main__":
    hosts, latency, slow = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    asyncio.run(serve(hosts, latency, slow))
