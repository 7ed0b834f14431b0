"""
Golden files: the Markdown report and the GitHub annotations of a fixed survey, compared byte for
byte with the files in golden/. After a deliberate change of either format, regenerate them:

    .venv/bin/python -m pytest tests/reporters/test_golden.py --update-golden

and read the diff (`git diff tests/reporters/golden`) before committing it.
"""

from __future__ import annotations

from contextlib import chdir
from dataclasses import replace
from pathlib import Path

import pytest

from linkwatch import pipeline
from linkwatch.model.report import Report
from linkwatch.reporters import github, markdown
from linkwatch.reporters.baseline import compare
from linkwatch.settings import Settings

GOLDEN = Path(__file__).parent / "golden"
SOURCE_URL = "https://github.com/example/survey/blob/0123456789abcdef0123456789abcdef01234567"


def _run(folder: Path, when: str) -> Report:
    with chdir(folder):
        report = pipeline.run(
            Settings(files=(Path("survey.md"),), offline=True, source_url=SOURCE_URL)
        )
    return replace(report, generated_at=when, duration_s=0.0, tool_version="0.0.0-golden")


@pytest.fixture(scope="module")
def report() -> Report:
    """golden/survey.md compared with golden/before/survey.md, with fixed times and version."""
    previous = _run(GOLDEN / "before", "2026-11-24T06:00:00Z")
    return compare(_run(GOLDEN, "2026-11-25T06:00:00Z"), previous, "previous/linkwatch.json")


def _matches_golden(text: str, name: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: see the module docstring"


def test_the_golden_survey_has_new_persisting_and_fixed_findings(report: Report) -> None:
    marks = [f.baseline for f in report.findings]
    assert (marks.count("new"), marks.count("persisting")) == (3, 10)
    assert [(f.kind, f.line) for f in report.fixed] == [("venue-format", 20)]


def test_markdown_report(report: Report, update_golden: bool) -> None:
    _matches_golden(markdown.render(report), "report.md", update_golden)


def test_markdown_report_cut_to_a_limit(report: Report, update_golden: bool) -> None:
    text = markdown.render(report, limit=3000)
    assert markdown.size(text) <= 3000
    _matches_golden(text, "report-truncated.md", update_golden)


def test_github_annotations(report: Report, update_golden: bool) -> None:
    _matches_golden(github.render(report), "annotations.txt", update_golden)
