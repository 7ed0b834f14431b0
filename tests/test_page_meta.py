"""
What linkwatch reads from a paper's page: the citation_* tags of the six page shapes of
tests/servers/payloads/pages/ (each fixture says where its shape comes from).
"""

from __future__ import annotations

import pytest

from linkwatch.model.records.web import PageMeta
from linkwatch.resolvers.page_meta import page_meta
from tests.servers.pages import PAGES

EXPECTED = {
    "acl_anthology.html": PageMeta(
        "MedDialog: Large-scale Medical Dialogue Datasets",
        "2020/11",
        "Proceedings of the 2020 Conference on Empirical Methods in Natural Language "
        "Processing (EMNLP)",
        "10.18653/v1/2020.emnlp-main.743",
    ),
    "openreview_forum.html": PageMeta(
        "Generating Programming Puzzles to Train Language Models",
        "2022/04/05",
        "ICLR 2022 Workshop DL4C",
    ),
    "neurips_abstract.html": PageMeta(
        "STaR: Bootstrapping Reasoning With Reasoning",
        "2022",
        "Advances in Neural Information Processing Systems",
    ),
    "pmlr.html": PageMeta(
        "DS-1000: A Natural and Reliable Benchmark for Data Science Code Generation",
        "2023/07/03",
        "Proceedings of the 40th International Conference on Machine Learning",
    ),
    "acm_dl.html": None,  # Dublin Core only: nothing read, Semantic Scholar's DOI answer decides
    "no_meta.html": None,
}


@pytest.mark.parametrize(("name", "expected"), EXPECTED.items())
def test_the_citation_tags_of_each_page_shape(name: str, expected: PageMeta | None) -> None:
    body = (PAGES / name).read_bytes()
    assert page_meta(body, "text/html; charset=utf-8") == expected


def test_a_pdf_or_a_page_cut_before_its_tags_gives_nothing() -> None:
    body = (PAGES / "pmlr.html").read_bytes()
    assert page_meta(body, "application/pdf") is None
    assert page_meta(body[:200], "text/html") is None


def test_the_year_of_each_date_form() -> None:
    assert [PageMeta("t", d).year for d in ("2020/11", "2022", "2023/07/03", "", "n.d.")] == [
        2020,
        2022,
        2023,
        None,
        None,
    ]
