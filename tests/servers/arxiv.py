"""
A loopback arXiv query API (`GET|POST /api/query`) that answers as the real one does.

The Atom it writes is shaped after the responses recorded live from export.arxiv.org in April
2026 by the `arxiv` package's own tests (lukasschwab/arxiv.py, tests/fixtures/
id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.json for a feed with one known and one unknown ID,
id_abc_s0_m100_b79c8dcf6bc3.json for the 400 error feed of a malformed ID), as summarised in
APIS.md §1.2-1.4:
- an unknown ID is left out of a 200 feed (totalResults counts what was found);
- a malformed ID fails the whole request: 400 with a one-entry error feed;
- `2305.07759v1` returns that version (its title and date), `published` staying version 1's; a
  version past the latest is left out (what the emulator answers; the real API is unverified);
- entries come back ordered by publication date, not in the order asked;
- a scripted answer can be queued: 503 (an HTML page), 429 with the plain-text body
  "Rate exceeded.", or an empty feed.

Every request is logged with the server's monotonic time, so tests measure the pauses here.
"""

from __future__ import annotations

import asyncio
import re
import time
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from aiohttp import web

PAYLOADS = Path(__file__).parent / "payloads"
_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_HEAD = (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
    'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n'
)
ATOM = "application/atom+xml"


@dataclass
class Version:
    title: str
    submitted: datetime
    comment: str | None = None
    journal_ref: str | None = None


@dataclass
class Paper:
    id: str
    versions: list[Version]
    authors: tuple[str, ...] = ("A. Author", "B. Author")
    category: str = "cs.CL"
    doi: str | None = None

    @property
    def published(self) -> datetime:
        return self.versions[0].submitted


@dataclass
class Request:
    at: float
    """time.monotonic() on the server when the request arrived."""
    method: str
    ids: tuple[str, ...]
    status: int
    max_results: str | None
    user_agent: str
    connection: tuple[str, int] | None = None
    """The client's address and port: the same for every request sent on one connection."""


@dataclass
class ArxivState:
    papers: dict[str, Paper] = field(default_factory=dict)
    script: list[int | str] = field(default_factory=list)
    """Answers to give before the real ones, first first: 503, 429, or 'empty'."""
    requests: list[Request] = field(default_factory=list)
    latency: float = 0.0
    """Seconds to wait before answering (a slow API, or one that stalls)."""

    def add(self, *papers: Paper) -> ArxivState:
        for paper in papers:
            self.papers[paper.id] = paper
        return self

    def gaps(self) -> list[float]:
        """Seconds between consecutive requests, as the server saw them."""
        times = [request.at for request in self.requests]
        return [b - a for a, b in pairwise(times)]


def paper(
    arxiv_id: str,
    title: str,
    published: str = "2023-05-12T17:15:30Z",
    *later: str,
    comment: str | None = None,
    journal_ref: str | None = None,
) -> Paper:
    """A paper whose version 1 is `title`, and whose later versions have the titles `later`."""
    first = _when(published)
    titles = [title, *later]
    versions = [Version(t, first + timedelta(days=40 * n)) for n, t in enumerate(titles)]
    versions[-1].comment, versions[-1].journal_ref = comment, journal_ref
    return Paper(arxiv_id, versions)


def load_papers(name: str) -> list[Paper]:
    """The papers of a payload file (see arxiv_survey.toml for its fields)."""
    data = tomllib.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    return [_from_toml(item) for item in data["paper"]]


def _from_toml(item: dict) -> Paper:
    published = _as_utc(item["published"])
    count = item.get("versions", 1)
    versions = [
        Version(item["title"], published + timedelta(days=30 * n), item.get(f"v{n + 1}_comment"))
        for n in range(count)
    ]
    versions[0].title = item.get("v1_title", item["title"])
    versions[0].submitted = published
    if "updated" in item and count > 1:
        versions[-1].submitted = _as_utc(item["updated"])
    versions[-1].comment = item.get("comment", versions[-1].comment)
    versions[-1].journal_ref = item.get("journal_ref")
    return Paper(item["id"], versions, doi=item.get("doi"))


def make_app(state: ArxivState) -> web.Application:
    async def query(request: web.Request) -> web.Response:
        params = dict(request.query)
        if request.method == "POST":
            params.update({k: str(v) for k, v in (await request.post()).items()})
        ids = tuple(i for i in params.get("id_list", "").split(",") if i)
        arrived = time.monotonic()
        if state.latency:
            await asyncio.sleep(state.latency)
        response = _answer(state, ids, params)
        state.requests.append(
            Request(
                arrived,
                request.method,
                ids,
                response.status,
                params.get("max_results"),
                request.headers.get("User-Agent", ""),
                request.transport.get_extra_info("peername") if request.transport else None,
            )
        )
        return response

    app = web.Application()
    app.router.add_route("GET", "/api/query", query)
    app.router.add_route("POST", "/api/query", query)
    return app


def _answer(state: ArxivState, ids: tuple[str, ...], params: dict[str, str]) -> web.Response:
    if state.script:
        scripted = state.script.pop(0)
        if scripted == 429:  # a bare text body, no Retry-After (APIS.md §1.4)
            return web.Response(status=429, text="Rate exceeded.", content_type="text/plain")
        if scripted == 503:
            body = "<html><body><h1>503 Service Unavailable</h1></body></html>"
            return web.Response(status=503, text=body, content_type="text/html")
        if scripted == "empty":
            return _feed(ids, [], params)
    bad = next((i for i in ids if not _ID.match(i)), None)
    if bad is not None:
        return _error_feed(bad)
    found = [entry for i in ids if (entry := _lookup(state, i)) is not None]
    found.sort(key=lambda pair: pair[0].published)
    start = int(params.get("start", "0"))
    size = int(params.get("max_results", "10"))
    return _feed(ids, found[start : start + size], params, total=len(found))


def _lookup(state: ArxivState, requested: str) -> tuple[Paper, int] | None:
    match = re.fullmatch(r"(?P<id>.*?\d)(?:v(?P<version>\d+))?", requested)
    found = state.papers.get(match["id"]) if match else None
    if match is None or found is None:
        return None
    number = int(match["version"]) if match["version"] else len(found.versions)
    return (found, number) if 1 <= number <= len(found.versions) else None


def _feed(
    ids: tuple[str, ...], entries: list[tuple[Paper, int]], params: dict[str, str], total=0
) -> web.Response:
    id_list = ",".join(ids)
    start, size = params.get("start", "0"), params.get("max_results", "10")
    query = f"search_query=&amp;id_list={escape(id_list)}&amp;start={start}&amp;max_results={size}"
    head = (
        f"{_HEAD}  <id>https://arxiv.org/api/qFNnN3Zc8bA02fouemuGZq2J4Tg</id>\n"
        f"  <title>arXiv Query: {query}</title>\n"
        f"  <updated>{_stamp(datetime.now(UTC))}</updated>\n"
        f'  <link href="https://arxiv.org/api/query?{query}" type="application/atom+xml"/>\n'
        f"  <opensearch:itemsPerPage>{size}</opensearch:itemsPerPage>\n"
        f"  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
        f"  <opensearch:startIndex>{start}</opensearch:startIndex>\n"
    )
    body = head + "".join(_entry(p, n) for p, n in entries) + "</feed>\n"
    return web.Response(text=body, content_type=ATOM)


def _entry(found: Paper, number: int) -> str:
    version = found.versions[number - 1]
    short = f"{found.id}v{number}"
    parts = [
        "  <entry>\n",
        f"    <id>http://arxiv.org/abs/{short}</id>\n",
        f"    <title>{escape(version.title)}</title>\n",
        f"    <updated>{_stamp(version.submitted)}</updated>\n",
        f'    <link href="https://arxiv.org/abs/{short}" rel="alternate" type="text/html"/>\n',
        f'    <link href="https://arxiv.org/pdf/{short}" rel="related" '
        'type="application/pdf" title="pdf"/>\n',
        f"    <summary>An abstract of {escape(found.id)}.</summary>\n",
        f'    <category term="{found.category}" scheme="http://arxiv.org/schemas/atom"/>\n',
        f"    <published>{_stamp(found.published)}</published>\n",
    ]
    if version.comment:
        parts.append(f"    <arxiv:comment>{escape(version.comment)}</arxiv:comment>\n")
    parts.append(f'    <arxiv:primary_category term="{found.category}"/>\n')
    if version.journal_ref:
        parts.append(f"    <arxiv:journal_ref>{escape(version.journal_ref)}</arxiv:journal_ref>\n")
    parts += [
        f"    <author>\n      <name>{escape(a)}</name>\n    </author>\n" for a in found.authors
    ]
    if found.doi:
        parts.append(f"    <arxiv:doi>{escape(found.doi)}</arxiv:doi>\n")
        parts.append(
            f'    <link rel="related" href={quoteattr("https://doi.org/" + found.doi)} '
            'title="doi"/>\n'
        )
    parts.append("  </entry>\n")
    return "".join(parts)


def _error_feed(bad: str) -> web.Response:
    anchor = f"https://arxiv.org/api/errors#incorrect_id_format_for_{escape(bad)}"
    now = _stamp(datetime.now(UTC))
    body = (
        f"{_HEAD}  <id>https://arxiv.org/</id>\n  <title>arXiv Search Results</title>\n"
        f"  <updated>{now}</updated>\n  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n"
        "  <opensearch:totalResults>1</opensearch:totalResults>\n"
        "  <opensearch:startIndex>0</opensearch:startIndex>\n"
        f"  <entry>\n    <id>{anchor}</id>\n    <title>Error</title>\n"
        f"    <updated>{now}</updated>\n"
        f'    <link href="{anchor}" rel="alternate" type="text/html"/>\n'
        f"    <summary>incorrect id format for {escape(bad)}</summary>\n"
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n  </entry>\n</feed>\n"
    )
    return web.Response(status=400, text=body, content_type=ATOM)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _as_utc(value: datetime | str) -> datetime:
    return _when(value) if isinstance(value, str) else value.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
