"""
Every finding knows the section of the survey it is in: the heading path above its line.
"""

from __future__ import annotations

from pathlib import Path

from linkwatch import pipeline
from linkwatch.model import Heading
from linkwatch.parse.sections import Sections
from linkwatch.settings import Settings
from tests.conftest import PROJECT


def _heading(file: str, line: int, level: int, text: str) -> Heading:
    return Heading(file, line, level, text, text.lower())


def test_a_line_is_in_the_path_of_the_headings_above_it() -> None:
    sections = Sections(
        [
            _heading("a.md", 3, 1, "Survey"),
            _heading("a.md", 5, 2, "Applications"),
            _heading("a.md", 9, 3, "Math"),
            _heading("a.md", 20, 2, "Dataset"),
            _heading("b.md", 1, 2, "Other file"),
        ]
    )
    assert sections.at("a.md", 2) == ""
    assert sections.at("a.md", 3) == "Survey"
    assert sections.at("a.md", 19) == "Survey > Applications > Math"
    assert sections.at("a.md", 20) == "Survey > Dataset"
    assert sections.at("b.md", 400) == "Other file"
    assert sections.at("unknown.md", 4) == ""


def test_findings_of_survey_md_carry_their_sections(workdir: Path) -> None:
    report = pipeline.run(Settings(files=(PROJECT / "survey.md",), offline=True))
    by_line = {(f.line, f.kind): f.section for f in report.findings}
    assert by_line[(26, "placeholder-link")] == "Types of Data Synthesis and Augmentation"
    assert by_line[(106, "empty-entry")] == "Applications > Fine-Tuning"
    assert by_line[(151, "insecure-link")] == "Applications > Applications > Math"


def test_a_finding_on_a_row_is_in_the_section_of_its_entry(workdir: Path) -> None:
    report = pipeline.run(Settings(files=(PROJECT / "survey.md",), offline=True))
    entry_sections = {entry.line: entry.section_path for entry in report.entries}
    on_rows = [f for f in report.findings if f.line in entry_sections]
    assert len(on_rows) > 40
    assert [entry_sections[f.line] for f in on_rows] == [f.section for f in on_rows]
