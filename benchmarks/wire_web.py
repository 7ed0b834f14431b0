"""
A simulated web on the wire for benchmarks/wire_pace.py: H hosts, host i on its own loopback
address 127.0.1.(i+1) (Linux routes all of 127/8 to lo), all on one port, every answer after a
fixed latency. Paths:

/ok/N 200 · /gone/N 404 · /gone410/N 410 · /dead/N 500 · /nohead/N 405 to HEAD, 200 to GET ·
/busy/N 503 + Retry-After: 1 the first two times, then 200 · /limited/N the same with 429 ·
/moved/N 301 → /ok/N on the same host.

Each host counts its requests and the most it ever had in flight. On the control port
(127.0.0.1), GET /stats returns them keyed by host address, GET /trace every request's times,
method, path and status, and GET /reset zeroes them (and the Retry-After refusals), so one
server serves several checkers in turn.

    python benchmarks/wire_web.py HOSTS LATENCY_S

prints {"control": port, "port": port, "hosts": [addresses]} on one line, then serves until
killed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

REFUSALS = 2  # how many times a Retry-After link refuses before it answers 200


@dataclass
class HostStats:
    requests: int = 0
    in_flight: int = 0
    peak: int = 0
    seen: Counter[str] = field(default_factory=Counter)
    trace: list[tuple[float, float, str, str, int]] = field(default_factory=list)
    """(received, answered, method, path, status) of every request, monotonic seconds."""

    def reset(self) -> None:
        self.requests = self.peak = 0
        self.seen.clear()
        self.trace.clear()


def host_app(stats: HostStats, latency: float) -> web.Application:
    @web.middleware
    async def measured(request: web.Request, handler):  # type: ignore[no-untyped-def]
        stats.requests += 1
        stats.in_flight += 1
        stats.peak = max(stats.peak, stats.in_flight)
        received = time.monotonic()
        status = 0
        try:
            await asyncio.sleep(latency)
            response = await handler(request)
            status = response.status
            return response
        finally:
            stats.in_flight -= 1
            stats.trace.append((received, time.monotonic(), request.method, request.path, status))

    async def route(request: web.Request) -> web.StreamResponse:
        kind, number = request.match_info["kind"], request.match_info["n"]
        stats.seen[request.path] += 1
        match kind:
            case "ok":
                return web.Response(text="ok")
            case "gone":
                return web.Response(status=404)
            case "gone410":
                return web.Response(status=410)
            case "moved":
                return web.Response(status=301, headers={"Location": f"/ok/{number}"})
            case "busy" | "limited":
                if stats.seen[request.path] <= REFUSALS:
                    code = 503 if kind == "busy" else 429
                    return web.Response(status=code, headers={"Retry-After": "1"})
                return web.Response(text="ok")
            case "nohead":
                return web.Response(status=405 if request.method == "HEAD" else 200)
            case _:
                return web.Response(status=500)

    app = web.Application(middlewares=[measured])
    app.router.add_route("*", "/{kind}/{n}", route)
    return app


async def serve(hosts: int, latency: float) -> None:
    addresses = [f"127.0.1.{i + 1}" for i in range(hosts)]
    stats = {address: HostStats() for address in addresses}
    port = 0
    for address in addresses:  # the first binds port 0; the rest share the port it got
        port = await _start(host_app(stats[address], latency), address, port)

    async def report(_: web.Request) -> web.Response:
        return web.json_response(
            {a: {"requests": s.requests, "peak": s.peak} for a, s in stats.items()}
        )

    async def trace(_: web.Request) -> web.Response:
        return web.json_response({a: s.trace for a, s in stats.items()})

    async def reset(_: web.Request) -> web.Response:
        for s in stats.values():
            s.reset()
        return web.json_response({"reset": len(stats)})

    control = web.Application()
    control.router.add_get("/stats", report)
    control.router.add_get("/reset", reset)
    control.router.add_get("/trace", trace)
    control_port = await _start(control, "127.0.0.1", 0)
    print(json.dumps({"control": control_port, "port": port, "hosts": addresses}), flush=True)
    await asyncio.Event().wait()


async def _start(app: web.Application, address: str, port: int) -> int:
    runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, address, port, backlog=1024)
    await site.start()
    assert site._server is not None
    return int(site._server.sockets[0].getsockname()[1])


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]), float(sys.argv[2])))
