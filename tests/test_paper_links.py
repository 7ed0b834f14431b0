"""
Which paper a non-arXiv link names: URL shapes copied from survey.md and the real lists of
tests/surveys/real/ (the file each comes from is named beside it).
"""

from __future__ import annotations

import pytest

from linkwatch.model.paper_links import PaperIdKind, has_meta_page, paper_link

CASES = [
    # survey.md
    ("https://doi.org/10.1145/3636243.3636256", PaperIdKind.DOI, "10.1145/3636243.3636256"),
    (
        "https://www.pnas.org/doi/10.1073/pnas.2305016120",
        PaperIdKind.DOI,
        "10.1073/pnas.2305016120",
    ),
    ("https://aclanthology.org/2020.emnlp-main.743/", PaperIdKind.ACL, "2020.emnlp-main.743"),
    ("https://openreview.net/forum?id=H8cx0iO-y-9", PaperIdKind.OPENREVIEW, "H8cx0iO-y-9"),
    (
        "https://proceedings.neurips.cc/paper_files/paper/2022/hash/"
        "639a9a172c044fbb64175b5fad42e9a5-Abstract-Conference.html",
        PaperIdKind.PAGE,
        None,
    ),
    # l_agent_papers.md
    (
        "https://aclanthology.org/2021.findings-emnlp.218/",
        PaperIdKind.ACL,
        "2021.findings-emnlp.218",
    ),
    ("https://aclanthology.org/N19-1419/", PaperIdKind.ACL, "N19-1419"),
    (
        "https://doi.org/10.18653/v1/2022.acl-long.585",
        PaperIdKind.DOI,
        "10.18653/v1/2022.acl-long.585",
    ),
    (
        "https://link.springer.com/chapter/10.1007/978-3-319-32055-7_10",
        PaperIdKind.DOI,
        "10.1007/978-3-319-32055-7_10",
    ),
    ("https://proceedings.mlr.press/v202/lai23b.html", PaperIdKind.PAGE, None),
    (
        "https://www.nature.com/articles/s41591-023-02448-8",
        PaperIdKind.DOI,
        "10.1038/s41591-023-02448-8",
    ),
    # l_anomaly.md, l_applied_ml.md, l_code_llm.md
    ("https://dl.acm.org/doi/10.1145/3240508.3240615", PaperIdKind.DOI, "10.1145/3240508.3240615"),
    (
        "https://dl.acm.org/doi/abs/10.1145/3292500.3330672",
        PaperIdKind.DOI,
        "10.1145/3292500.3330672",
    ),
    ("https://openreview.net/pdf?id=ByeNra4FDB", PaperIdKind.OPENREVIEW, "ByeNra4FDB"),
    (
        "https://aclanthology.org/2023.findings-acl.676.pdf",
        PaperIdKind.ACL,
        "2023.findings-acl.676",
    ),
    ("https://www.aclweb.org/anthology/P19-1001", PaperIdKind.ACL, "P19-1001"),
    ("https://ieeexplore.ieee.org/document/9059022", PaperIdKind.PAGE, None),
    (
        "https://openaccess.thecvf.com/content/CVPR2021/html/Salehi_Multiresolution_Knowledge_"
        "Distillation_for_Anomaly_Detection_CVPR_2021_paper.html",
        PaperIdKind.PAGE,
        None,
    ),
    (
        "https://www.biorxiv.org/content/10.1101/2023.01.11.523679v1",
        PaperIdKind.DOI,
        "10.1101/2023.01.11.523679",
    ),
    (
        "https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/"
        "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
        PaperIdKind.S2,
        "204e3073870fae3d05bcbc2f6a8e263d9b72e776",
    ),
]
URL_IDS = [
    # l_anomaly.md: the old ACM DL pages carry no DOI; Semantic Scholar takes them as URL: ids
    (
        "https://dl.acm.org/citation.cfm?id=2689747",
        "URL:https://dl.acm.org/citation.cfm?id=2689747",
    ),
]
NOT_PAPERS = [
    "https://arxiv.org/abs/2305.07759",
    "https://github.com/owner/repo",
    "http://papers.nips.cc/paper/7422-a-loss-framework-for-calibrated-anomaly-detection.pdf",
    "https://doi.org/",
    "https://aclanthology.org/events/acl-2023/",
    "https://openreview.net/group?id=ICLR.cc/2024/Conference",
]


@pytest.mark.parametrize(("url", "kind", "value"), CASES)
def test_the_paper_behind_a_link(url: str, kind: PaperIdKind, value: str | None) -> None:
    found = paper_link(url)
    assert found is not None, url
    assert (found.kind, found.value) == (kind, value or url)


@pytest.mark.parametrize("url", NOT_PAPERS)
def test_links_that_name_no_paper(url: str) -> None:
    assert paper_link(url) is None


def test_what_the_semantic_scholar_batch_is_asked() -> None:
    ids = [paper_link(url) for url, *_ in CASES[:4]]
    assert [i.s2_id for i in ids if i is not None] == [
        "DOI:10.1145/3636243.3636256",
        "DOI:10.1073/pnas.2305016120",
        "ACL:2020.emnlp-main.743",
        None,
    ]


def test_pages_read_for_their_metadata_are_not_pdfs() -> None:
    assert has_meta_page("https://openreview.net/forum?id=H8cx0iO-y-9")
    assert has_meta_page("https://proceedings.mlr.press/v202/lai23b.html")
    assert has_meta_page("https://doi.org/10.1145/3636243.3636256")
    assert not has_meta_page("https://openreview.net/pdf?id=ByeNra4FDB")
    assert not has_meta_page("https://aclanthology.org/2023.findings-acl.676.pdf")


@pytest.mark.parametrize(("url", "asked"), URL_IDS)
def test_pages_semantic_scholar_takes_as_url_ids(url: str, asked: str) -> None:
    found = paper_link(url)
    assert found is not None and (found.kind, found.s2_id) == (PaperIdKind.URL, asked)
