"""
Papers linked without arXiv, checked online against loopback pages (tests/servers/pages.py)
and the loopback Semantic Scholar batch: planted defects in a pipe table, a bullet list and an
HTML table are found, clean rows give nothing, and a warm run asks nothing again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import S2, SURVEYS
from tests.servers.loopback import LoopbackServer, serving
from tests.servers.pages import PagesState, make_app, remap

PLANTED = SURVEYS / "published" / "planted.md"
ACM = "dl.acm.org/doi/10.1145/3636243.3636256"
PAGES = {
    ACM: "acm_dl.html",
    "proceedings.mlr.press/v202/lai23b.html": "pmlr.html",
    "aclanthology.org/2020.emnlp-main.743/": "acl_anthology.html",
    "openreview.net/forum?id=H8cx0iO-y-9": "openreview_forum.html",
    "lab.example.org/project": "no_meta.html",
    "proceedings.neurips.cc/paper_files/paper/2022/hash/"
    "639a9a172c044fbb64175b5fad42e9a5-Abstract-Conference.html": "neurips_abstract.html",
    # older NeurIPS pages (paper/YYYY/hash/...-Abstract.html): the same tags, as
    # neurips_abstract.html shows them, written out here for two more papers
    "proceedings.neurips.cc/paper/2019/hash/51c68dc084cb0b8467eafad1330bce66-Abstract.html": (
        '<html><head><meta name="citation_title" content="Cold Case: The Lost MNIST Digits">'
        '<meta name="citation_journal_title" content="Advances in Neural Information '
        'Processing Systems"><meta name="citation_publication_date" content="2019"></head></html>'
    ),
    "proceedings.neurips.cc/paper/2020/hash/1f89885d556929e98d3ef9b86448f951-Abstract.html": (
        '<html><head><meta name="citation_title" content="Learning to summarize from human '
        'feedback"><meta name="citation_journal_title" content="Advances in Neural Information '
        'Processing Systems"><meta name="citation_publication_date" content="2020"></head></html>'
    ),
}
ACE = "Proceedings of the 26th Australasian Computing Education Conference"
S2_PAPERS = {
    "DOI:10.1145/3636243.3636256": {
        "paperId": "5b0a9b2b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
        "title": "A Comparative Study of AI-Generated (GPT-4) and Human-crafted MCQs in "
        "Programming Education",
        "venue": ACE,
        "publicationVenue": None,
        "year": 2024,
        "journal": {"name": ACE},
        "externalIds": {"DOI": "10.1145/3636243.3636256", "CorpusId": 267094371},
        "publicationDate": "2024-01-29",
    },
    "ACL:2020.emnlp-main.743": {
        "paperId": "6c1b0c3c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f70",
        "title": "MedDialog: Large-scale Medical Dialogue Datasets",
        "venue": "Conference on Empirical Methods in Natural Language Processing",
        "publicationVenue": {
            "name": "Conference on Empirical Methods in Natural Language Processing",
            "type": "conference",
        },
        "year": 2020,
        "journal": None,
        "externalIds": {"ACL": "2020.emnlp-main.743", "DOI": "10.18653/v1/2020.emnlp-main.743"},
        "publicationDate": "2020-11-01",
    },
}
EXPECTED = {
    (12, "title-typo"),  # pipe table: a typo'd title behind a DOI (Semantic Scholar's title)
    (17, "venue-mismatch"),  # bullet list: the wrong year behind an ACL Anthology link
    (25, "venue-outdated"),  # HTML table: a NeurIPS proceedings paper listed as arXiv
    (30, "venue-mismatch"),  # numbered list: NeurIPS 2020 for a NeurIPS 2019 page
    (36, "title-case"),  # badge table: the title's letter case differs from the page's
    (36, "venue-outdated"),  # and its arXiv badge is a NeurIPS 2020 paper's
}


@pytest.fixture
def pages() -> Iterator[tuple[LoopbackServer, PagesState]]:
    state = PagesState(dict(PAGES), {"doi.org/10.1145/3636243.3636256": ACM})
    with serving(make_app(state)) as server:
        yield server, state


def check(
    run_cli: Callable[..., Result], workdir: Path, server: LoopbackServer, *extra: str
) -> dict:
    survey = workdir / "survey.md"
    survey.write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(
        "check", "survey.md", "-f", "json", "--remap", remap(server.url), "--fail-on", "never",
        "--no-progress", "--exclude", r"^https://img\.shields\.io/", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads((workdir / "reports" / "linkwatch.json").read_text(encoding="utf-8"))


def test_planted_defects_behind_doi_acl_and_proceedings_links_are_found(
    workdir: Path,
    run_cli: Callable[..., Result],
    pages: tuple[LoopbackServer, PagesState],
    s2_api: S2,
) -> None:
    server, state = pages
    _, s2 = s2_api
    s2.others.update(S2_PAPERS)
    report = check(run_cli, workdir, server)
    found = {(f["line"], f["kind"]) for f in report["findings"]}
    assert found == EXPECTED, [f["message"] for f in report["findings"]]
    by_kind = {(f["line"], f["kind"]): f for f in report["findings"]}
    typo = by_kind[12, "title-typo"]
    assert "'Programing' where Semantic Scholar has 'Programming'" in typo["message"]
    assert typo["fix"]["new"].endswith("Programming Education")
    assert typo["evidence"].startswith("https://www.semanticscholar.org/paper/")
    mismatch = by_kind[17, "venue-mismatch"]
    assert "EMNLP 2020" in mismatch["message"] and mismatch["fix"]["new"] == "EMNLP 2020"
    outdated = by_kind[25, "venue-outdated"]
    assert outdated["fix"]["new"] == "NeurIPS 2022"
    assert outdated["evidence"] == PAGES_URL_NEURIPS
    assert by_kind[30, "venue-mismatch"]["fix"]["new"] == "NeurIPS 2019"
    # one batch for every paper Semantic Scholar can be asked about, each page read once
    (batch,) = s2.requests
    assert sorted(batch.ids) == ["ACL:2020.emnlp-main.743", "DOI:10.1145/3636243.3636256"]
    assert all(count == 1 for count in state.requests.values()), state.requests
    papers = {method for method, page in state.requests if not page.startswith("lab.")}
    assert papers == {"GET"}  # a paper's page is read with the one GET its probe makes
    assert ("HEAD", "lab.example.org/project") in state.requests  # not a paper: a HEAD


PAGES_URL_NEURIPS = (
    "https://proceedings.neurips.cc/paper_files/paper/2022/hash/"
    "639a9a172c044fbb64175b5fad42e9a5-Abstract-Conference.html"
)


def test_a_warm_run_asks_nothing_and_finds_the_same(
    workdir: Path,
    run_cli: Callable[..., Result],
    pages: tuple[LoopbackServer, PagesState],
    s2_api: S2,
) -> None:
    server, state = pages
    _, s2 = s2_api
    s2.others.update(S2_PAPERS)
    cache = str(workdir / "cache.sqlite")
    first = check(run_cli, workdir, server, "--cache", cache)
    asked = sum(state.requests.values()), len(s2.requests)
    second = check(run_cli, workdir, server, "--cache", cache)
    assert (sum(state.requests.values()), len(s2.requests)) == asked
    kinds = [(f["line"], f["kind"]) for f in first["findings"]]
    assert [(f["line"], f["kind"]) for f in second["findings"]] == kinds


def test_what_no_source_knows_is_never_wrong(
    workdir: Path,
    run_cli: Callable[..., Result],
    pages: tuple[LoopbackServer, PagesState],
    s2_api: S2,
) -> None:
    """Semantic Scholar knows none of the papers (null for each: a 400 'No valid paper ids')
    and no page has tags: not a single title, year or venue finding."""
    server, state = pages
    for key in list(state.pages):
        state.pages[key] = "no_meta.html"
    report = check(run_cli, workdir, server)
    assert report["findings"] == []
