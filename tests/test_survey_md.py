"""
The project's own survey.md: the offline run reports what issue 2 lists, each on its line.
"""

from __future__ import annotations

import pytest

from linkwatch.model import Finding
from tests.conftest import PROJECT, findings_of


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return findings_of(PROJECT / "survey.md")


def lines_of(findings: list[Finding], kind: str) -> list[int]:
    return sorted(f.line for f in findings if f.kind == kind)


def test_survey_md_is_the_shared_survey() -> None:
    shared = PROJECT.parent / "shared" / "survey.md"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert shared.read_bytes() == (PROJECT / "survey.md").read_bytes()


def test_the_six_empty_rows_of_fine_tuning(findings: list[Finding]) -> None:
    assert lines_of(findings, "empty-entry") == [106, 107, 108, 109, 110, 111]


def test_the_hugging_face_url_with_a_space(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.kind == "malformed-url"]
    assert finding.line == 39
    assert finding.problem.url == "https://huggingface.co/ datasets/Vivacem/MMIQC"


def test_the_placeholder_row(findings: list[Finding]) -> None:
    assert lines_of(findings, "placeholder-link") == [26]


def test_the_v1_pinned_link(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.kind == "versioned-arxiv-link"]
    assert (finding.line, finding.problem.url) == (103, "https://arxiv.org/abs/2405.14333v1")


def test_every_http_arxiv_link(findings: list[Finding]) -> None:
    http_lines = [
        n
        for n, line in enumerate((PROJECT / "survey.md").read_text().splitlines(), 1)
        for _ in range(line.count("http://arxiv.org"))
    ]
    assert lines_of(findings, "insecure-link") == http_lines
    assert len(http_lines) == 15


@pytest.mark.parametrize(
    ("line", "written", "canonical"),
    [
        (26, "arxuv", "arXiv"),
        (185, "NIPS", "NeurIPS"),
        (188, "Arxiv", "arXiv"),
        (189, "Arxiv", "arXiv"),
        (234, "Arxiv", "arXiv"),
        (36, "41 ICML", "ICML 2024"),
    ],
)
def test_venue_spellings(findings: list[Finding], line: int, written: str, canonical: str) -> None:
    (finding,) = [f for f in findings if f.kind == "venue-format" and f.line == line]
    assert finding.problem.fix is not None
    assert (finding.problem.fix.old, finding.problem.fix.new) == (written, canonical)


def test_synthetic_dialogue_listed_twice_in_math(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.kind == "duplicate-entry"]
    assert (finding.line, finding.problem.related_lines) == (159, (157,))
    assert finding.problem.entry_title == "Synthetic Dialogue Dataset Generation using LLM Agents"


def test_self_instruct_year(findings: list[Finding]) -> None:
    self_instruct = [f for f in findings if f.kind == "year-mismatch" and f.line in (37, 94)]
    assert [(f.problem.actual, f.problem.expected) for f in self_instruct] == [
        ("2023", "2022"),
        ("2023", "2022"),
    ]


def test_self_instruct_code_link_points_to_arxiv(findings: list[Finding]) -> None:
    assert 37 in lines_of(findings, "code-link-not-code")


def test_the_second_applications_anchor_is_fine(findings: list[Finding]) -> None:
    assert lines_of(findings, "broken-anchor") == []
