"""
The Markdown report keeps hostile survey text literal, and stays within a GitHub comment.
"""

from __future__ import annotations

import re
from dataclasses import replace

from linkwatch.model.report import Compared
from linkwatch.reporters import markdown
from tests.reporters.hostile import hostile_report


def test_survey_text_cannot_add_markup_links_or_rows() -> None:
    text = markdown.render(hostile_report())
    outside_code = re.sub(r"`[^`]*`", "", text)  # code spans show markup as text
    assert "<script" not in outside_code and "<img" not in outside_code
    assert re.search(r"(?<!\\)\]\(javascript:", outside_code) is None
    (row,) = [line for line in text.splitlines() if line.startswith("| [docs/a,b:c.md:7]")]
    assert row.count(" | ") == 3, "a pipe in the title must not add a table cell"
    assert "\\*bold\\*" in row and "\\[x\\]" in row
    assert "(check first)" in row
    assert "([evidence]" not in row, "a javascript: evidence is not a link"


def test_a_baseline_without_new_findings_says_so() -> None:
    report = hostile_report()
    old = tuple(replace(f, baseline="persisting") for f in report.findings)
    text = markdown.render(replace(report, findings=old, compared_with=Compared("p.json", "x")))
    assert "### Nothing new since the last run" in text
    assert text.index("### Persisting since the last run: 1") < text.index("### Fixed since")


def test_a_title_of_emoji_counts_twice_toward_the_limit() -> None:
    assert markdown.size("a\U0001f600") == 3
