"""
URL classification: which service can tell whether a link is right.
"""

from __future__ import annotations

import pytest

from linkwatch.model.targets import (
    ArxivRef,
    GithubOwner,
    GithubRepo,
    HfOwner,
    HfRepo,
    WebPage,
    identify,
    is_paper_url,
    parse_arxiv_id,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2305.07759", ArxivRef("2305.07759")),
        ("http://arxiv.org/abs/2305.07759v2", ArxivRef("2305.07759", 2)),
        ("https://arxiv.org/pdf/2305.07759", ArxivRef("2305.07759")),
        ("https://arxiv.org/pdf/2305.07759v3.pdf", ArxivRef("2305.07759", 3)),
        ("https://arxiv.org/html/2305.07759v1", ArxivRef("2305.07759", 1)),
        ("https://www.arxiv.org/abs/1412.6980", ArxivRef("1412.6980")),
        ("https://export.arxiv.org/abs/hep-th/9901001", ArxivRef("hep-th/9901001")),
        ("https://arxiv.org/abs/math.GT/0309136v1", ArxivRef("math.GT/0309136", 1)),
        ("https://arxiv.org/abs/2305.07759?context=cs", ArxivRef("2305.07759")),
        ("https://arxiv.org/abs/2305.07759#S3", ArxivRef("2305.07759")),
        ("https://arxiv.org/list/cs.CL/recent", WebPage("https://arxiv.org/list/cs.CL/recent")),
        ("https://github.com/ise-uiuc/magicoder", GithubRepo("ise-uiuc", "magicoder")),
        ("https://github.com/ntunlp/kmlm.git", GithubRepo("ntunlp", "kmlm")),
        (
            "https://github.com/thalesbertaglia/chatgpt-explanations-sponsored-content/",
            GithubRepo("thalesbertaglia", "chatgpt-explanations-sponsored-content"),
        ),
        (
            "https://github.com/dptech-corp/Uni-SMART/tree/main/SciLitLLM",
            GithubRepo("dptech-corp", "Uni-SMART", "tree/main/SciLitLLM"),
        ),
        ("https://github.com/a/b?tab=readme#usage", GithubRepo("a", "b")),
        ("https://github.com/EleutherAI", GithubOwner("EleutherAI")),
        ("https://github.com/orgs/EleutherAI", GithubOwner("EleutherAI")),
        ("https://github.com/topics/llm", WebPage("https://github.com/topics/llm")),
        (
            "https://tiger-ai-lab.github.io/MAmmoTH/",
            WebPage("https://tiger-ai-lab.github.io/MAmmoTH/"),
        ),
        ("https://huggingface.co/roneneldan", HfOwner("roneneldan")),
        ("https://huggingface.co/datasets/Vivacem/MMIQC", HfRepo("dataset", "Vivacem/MMIQC")),
        ("https://huggingface.co/spaces/org/demo", HfRepo("space", "org/demo")),
        (
            "https://huggingface.co/meta-llama/Llama-2-7b/tree/main",
            HfRepo("model", "meta-llama/Llama-2-7b", "tree/main"),
        ),
        (
            "https://huggingface.co/papers/2305.07759",
            WebPage("https://huggingface.co/papers/2305.07759"),
        ),
        ("https://huggingface.co/", WebPage("https://huggingface.co/")),
        ("mailto:someone@example.org", WebPage("mailto:someone@example.org")),
    ],
)
def test_identify(url: str, expected: object) -> None:
    assert expected == identify(url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2305.07759", ArxivRef("2305.07759")),
        ("0704.0001v2", ArxivRef("0704.0001", 2)),
        ("hep-th/9901001", ArxivRef("hep-th/9901001")),
        ("abc", None),
        ("2305.07759 x", None),
    ],
)
def test_parse_arxiv_id(text: str, expected: ArxivRef | None) -> None:
    assert expected == parse_arxiv_id(text)


@pytest.mark.parametrize(
    ("arxiv_id", "defect"),
    [
        ("2305.07759", None),
        ("1412.6980", None),
        ("0704.0001", None),
        ("hep-th/9901001", None),
        ("2313.00001", "month"),
        ("2305.0775", "5 digits"),
        ("1412.69800", "4 digits"),
        ("0612.0001", "April 2007"),
        ("hep-th/0801001", "March 2007"),
    ],
)
def test_impossible_arxiv_ids(arxiv_id: str, defect: str | None) -> None:
    found = ArxivRef(arxiv_id).defect()
    assert (found is None) if defect is None else (found is not None and defect in found)


def test_first_version_year_comes_from_the_id() -> None:
    assert (ArxivRef("2212.10560").year, ArxivRef("2212.10560").month) == (2022, 12)
    assert ArxivRef("hep-th/9901001").year == 1999


@pytest.mark.parametrize(
    ("url", "paper"),
    [
        ("https://arxiv.org/abs/2212.10560", True),
        ("https://doi.org/10.1145/3636243.3636256", True),
        ("https://openreview.net/forum?id=x", True),
        ("https://aclanthology.org/2020.emnlp-main.743/", True),
        ("https://proceedings.neurips.cc/paper_files/paper/2022/hash/x.html", True),
        ("https://github.com/yizhongw/self-instruct", False),
        ("https://osf.io/ctgqx/", False),
        ("https://huggingface.co/datasets/Vivacem/MMIQC", False),
    ],
)
def test_paper_urls(url: str, paper: bool) -> None:
    assert paper == is_paper_url(url)
