"""
Publisher and proceedings pages on loopback: each real site's path served from a recorded-shape
fixture of tests/servers/payloads/pages/ (each file says where its shape comes from), reached
through `--remap 'https?://(HOST)/(.*) http://127.0.0.1:PORT/\\1/\\2'` so a survey keeps its
real URLs. doi.org answers as the DOI resolver does: a 302 to the publisher's page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

PAGES = Path(__file__).parent / "payloads" / "pages"
HOSTS = (
    "doi.org",
    "dl.acm.org",
    "aclanthology.org",
    "openreview.net",
    "proceedings.neurips.cc",
    "proceedings.mlr.press",
    "www.pnas.org",
    "www.cell.com",
    "lab.example.org",
)


@dataclass
class PagesState:
    pages: dict[str, str] = field(default_factory=dict)
    """'host/path?query' → fixture file name (or raw HTML when it starts with '<')."""
    redirects: dict[str, str] = field(default_factory=dict)
    """'doi.org/10.1145/...' → 'dl.acm.org/doi/10.1145/...'."""
    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(method, 'host/path?query') → how many times it was asked."""


def remap(server_url: str) -> str:
    """The --remap value that sends every site of HOSTS to this server."""
    hosts = "|".join(host.replace(".", r"\.") for host in HOSTS)
    return rf"^https?://({hosts})/(.*) {server_url}/\1/\2"


def make_app(state: PagesState) -> web.Application:
    async def page(request: web.Request) -> web.StreamResponse:
        key = request.path_qs.lstrip("/")
        state.requests[(request.method, key)] += 1
        if key in state.redirects:
            host = request.host
            raise web.HTTPFound(f"http://{host}/{state.redirects[key]}")
        name = state.pages.get(key)
        if name is None:
            return web.Response(status=404, text="not found")
        html = name if name.startswith("<") else (PAGES / name).read_text(encoding="utf-8")
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", page)
    return app
