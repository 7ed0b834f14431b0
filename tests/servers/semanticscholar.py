"""
A loopback Semantic Scholar Graph API: `POST /graph/v1/paper/batch?fields=...` answering as the
real one does.

Shapes, from recorded live answers and the API's own documentation (APIS.md §4):
- 200: a JSON list aligned with the requested IDs, `null` for an ID it does not index (the
  Swagger text; anilkeshwani/arxivbot plans/s2_api_migration_reference.md, "Verified by live API
  call"); each paper has `paperId` and the fields asked for, null when it has no value. A full
  live record (ARXIV:2408.16532, WavTokenizer, ICLR 2025) is in the same file: `venue` and
  `publicationVenue.name` 'International Conference on Learning Representations', `year` 2024
  (its arXiv year), `journal` {'name': 'ArXiv', 'volume': 'abs/2408.16532'}, externalIds.DBLP
  'conf/iclr/Ji00C0Z0C0LZY0J25'.
- 400 `{"error": "No valid paper ids given"}` when none of the IDs is known (several clients'
  tests: "Live behaviour: a batch in which no id matches is a 400, not null rows");
  `{"error": "Unrecognized or unsupported fields: [a, b]"}` for a bad field (the Swagger
  Error400 text); more than 500 IDs: 400 too (its message text is NOT CONFIRMED).
- 429 `{"message": "Too Many Requests. Please wait and try again or apply for a key for higher
  rate limits. https://www.semanticscholar.org/product/api#api-key-form", "code": "429"}` with
  no Retry-After (the same migration reference, "Confirmed by inspecting actual response
  headers"); 500 and 504 `{"message": "Endpoint request timed out"}` (allenai/s2-folks #58).

Papers are loaded from a payload file (s2_survey.toml says how); every request is logged.
"""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from aiohttp import web

PAYLOADS = Path(__file__).parent / "payloads"
FIELDS = frozenset(
    [
        "paperId",
        "corpusId",
        "externalIds",
        "url",
        "title",
        "abstract",
        "venue",
        "publicationVenue",
        "year",
        "referenceCount",
        "citationCount",
        "influentialCitationCount",
        "isOpenAccess",
        "openAccessPdf",
        "fieldsOfStudy",
        "s2FieldsOfStudy",
        "publicationTypes",
        "publicationDate",
        "journal",
        "citationStyles",
        "authors",
    ]
)
TOO_MANY = (
    "Too Many Requests. Please wait and try again or apply for a key for higher rate limits. "
    "https://www.semanticscholar.org/product/api#api-key-form"
)
ARXIV_VENUE = {
    "id": "1901e811-ee72-4b20-8f7e-de08cd395a10",
    "name": "arXiv.org",
    "alternate_names": ["ArXiv"],
    "issn": "2331-8422",
    "url": "https://arxiv.org",
}
"""As in a recorded preprint answer (a Rust project's test of real S2 payloads: name arXiv.org,
alternate_names ['ArXiv'], issn 2331-8422); the id is NOT CONFIRMED."""


@dataclass
class Request:
    at: float
    ids: tuple[str, ...]
    fields: str | None
    api_key: str | None
    status: int


@dataclass
class S2State:
    papers: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Full paper objects by bare arXiv ID."""
    others: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Full paper objects by another id the batch takes: 'DOI:10.1145/...' (a DOI matches
    whatever its letter case, as DOIs are case-insensitive), 'ACL:2020.emnlp-main.743'."""
    script: list[int] = field(default_factory=list)
    """Answers to give before the real ones: 429, 500, 504, or 400 (an unsupported field)."""
    requests: list[Request] = field(default_factory=list)

    def add(self, papers: dict[str, dict[str, Any]]) -> S2State:
        self.papers.update(papers)
        return self


def make_app(state: S2State) -> web.Application:
    async def batch(request: web.Request) -> web.Response:
        arrived = time.monotonic()
        try:
            body = await request.json()
        except json.JSONDecodeError:
            body = None
        ids = body.get("ids") if isinstance(body, dict) else None
        response = _answer(state, ids, request.query.get("fields"))
        state.requests.append(
            Request(
                arrived,
                tuple(ids) if isinstance(ids, list) else (),
                request.query.get("fields"),
                request.headers.get("x-api-key"),
                response.status,
            )
        )
        return response

    app = web.Application()
    app.router.add_post("/graph/v1/paper/batch", batch)
    return app


def _answer(state: S2State, ids: object, fields: str | None) -> web.Response:
    if state.script:
        return _scripted(state.script.pop(0))
    asked = [name for name in (fields or "").split(",") if name]
    unknown = [name for name in asked if name not in FIELDS]
    if unknown:
        return _error(f"Unrecognized or unsupported fields: [{', '.join(unknown)}]")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return _error("Body must contain an 'ids' array of strings")
    if len(ids) > 500:
        return _error("Cannot process more than 500 paper ids at a time")  # text unverified
    found = [_paper(state, paper_id, asked or ["title"]) for paper_id in ids]
    if not any(found):
        return _error("No valid paper ids given")
    return web.json_response(found)


def _paper(state: S2State, paper_id: str, fields: list[str]) -> dict[str, Any] | None:
    kind, _, value = paper_id.partition(":")
    if kind.upper() == "ARXIV":
        paper = state.papers.get(value)
    else:
        wanted = f"{kind.upper()}:{value.lower() if kind.upper() == 'DOI' else value}"
        paper = next((p for key, p in state.others.items() if _normal(key) == wanted), None)
    if paper is None:
        return None
    return {"paperId": paper["paperId"], **{name: paper.get(name) for name in fields}}


def _scripted(status: int) -> web.Response:
    if status == 400:
        return _error("Unrecognized or unsupported fields: [garbage]")
    if status == 429:
        return web.json_response({"message": TOO_MANY, "code": "429"}, status=429)
    if status == 504:
        return web.json_response({"message": "Endpoint request timed out"}, status=504)
    return web.json_response({"message": "Internal server error"}, status=status)


def _error(message: str) -> web.Response:
    return web.json_response({"error": message}, status=400)


def load_papers(name: str) -> dict[str, dict[str, Any]]:
    """The papers of a payload file as Semantic Scholar would return them (s2_survey.toml
    documents the fields; a `record` table is a recorded answer, returned as it is)."""
    data = tomllib.loads((PAYLOADS / name).read_text(encoding="utf-8"))
    first_posted = _first_posted(data.get("arxiv_payload"))
    venues = data.get("venue", {})
    return {
        item["id"]: item["record"]
        if "record" in item
        else s2_paper(item, venues.get(item.get("venue", "")), first_posted.get(item["id"]))
        for item in data["paper"]
        if not item.get("unindexed")
    }


def s2_paper(
    item: dict[str, Any], venue: dict[str, Any] | None, posted: date | None
) -> dict[str, Any]:
    """One paper object: a catalogued venue, 'arXiv.org' for a preprint, or nothing known."""
    arxiv_id = item["id"]
    kind = item.get("venue", "")
    yymm, _, number = arxiv_id.partition(".")
    if kind == "arXiv":
        name, catalogue, dblp = "arXiv.org", ARXIV_VENUE, f"journals/corr/abs-{yymm}-{number}"
    elif venue is not None:
        name = venue["name"]
        keys = ("id", "name", "type", "alternate_names", "url")
        catalogue = {key: venue[key] for key in keys if key in venue}
        dblp = f"{venue['dblp']}/X{item['year'] % 100:02d}"
    else:
        name, catalogue, dblp = item.get("s2_venue", ""), None, ""
    digest = hashlib.sha1(arxiv_id.encode()).hexdigest()
    return {
        "paperId": digest,
        "externalIds": {
            **({"DBLP": dblp} if dblp else {}),
            **({"ACL": item["acl"]} if "acl" in item else {}),
            "ArXiv": arxiv_id,
            "DOI": f"10.48550/arXiv.{arxiv_id}",
            "CorpusId": int(digest[:8], 16),
        },
        "venue": name,
        "publicationVenue": catalogue,
        "year": item.get("s2_year", posted.year if posted else None),
        "publicationDate": posted.isoformat() if posted else None,
        "journal": {"name": "ArXiv", "volume": f"abs/{arxiv_id}"},
    }


def _first_posted(arxiv_payload: str | None) -> dict[str, date]:
    if not arxiv_payload:
        return {}
    data = tomllib.loads((PAYLOADS / arxiv_payload).read_text(encoding="utf-8"))
    return {paper["id"]: _date(paper["published"]) for paper in data["paper"]}


def _date(value: object) -> date:
    return value.date() if hasattr(value, "date") else date.fromisoformat(str(value)[:10])


def _normal(key: str) -> str:
    kind, _, value = key.partition(":")
    return f"{kind.upper()}:{value.lower() if kind.upper() == 'DOI' else value}"
