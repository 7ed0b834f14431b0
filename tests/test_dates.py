"""
Date columns and bracketed dates against the first arXiv version: offline from the ID, online
from the API's `published`; fixes are never applied unasked and never date a paper before it
existed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linkwatch.papers.dates import parse_date
from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source
from tests.conftest import SURVEYS, Arxiv, findings_of
from tests.servers.arxiv import paper

NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"


def test_offline_fixes_write_the_ids_month_and_leave_full_dates_alone() -> None:
    found = {f.line: f for f in findings_of(SURVEYS / "dates.md") if f.kind == "year-mismatch"}
    early = found[9].problem
    assert "Dated 2023.05, before arXiv 2307.01234 was first posted (in 2023-07)" in early.message
    assert early.fix is not None and (early.fix.old, early.fix.new, early.fix.safe) == (
        "2023.05",
        "2023.07",
        False,
    )
    assert found[13].problem.fix is None  # a day the ID cannot tell
    listed = found[17].problem.fix
    assert listed is not None and (listed.old, listed.new) == ("2022/11", "2023/11")


def test_online_the_posted_day_decides(workdir: Path, arxiv_api: Arxiv, run_cli) -> None:  # type: ignore[no-untyped-def]
    """Posted on 2023-06-30 under a 2307 ID: a June date is right, a May one is not, and the
    full date's fix is the day it was posted."""
    _, state = arxiv_api
    state.add(
        paper("2307.00001", "Posted at the end of June", "2023-06-30T18:00:00Z"),
        paper("2307.00002", "Posted in July", "2023-07-20T10:00:00Z"),
    )
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    Path("survey.md").write_text(
        "|Date|Title|Paper|\n|---|---|---|\n"
        "|2023-06|Posted at the end of June|[[pdf]](https://arxiv.org/pdf/2307.00001)|\n"
        "|2023-05-31|Posted at the end of June|[[pdf]](https://arxiv.org/pdf/2307.00001)|\n"
        "|2023-07-01|Posted in July|[[pdf]](https://arxiv.org/pdf/2307.00002)|\n"
    )
    run_cli("check", "survey.md", "-o", "out", "-f", "json", "--no-progress",
            "--cache", "c.sqlite", "--exclude", NOT_ARXIV)  # fmt: skip
    data = json.loads(Path("out/linkwatch.json").read_text())
    dated = {f["line"]: f for f in data["findings"] if f["kind"] == "year-mismatch"}
    assert sorted(dated) == [4, 5]
    assert dated[4]["fix"] == {"line": 4, "column": 1, "old": "2023-05-31", "new": "2023-06-30",
                               "safe": False}  # fmt: skip
    assert dated[5]["fix"]["new"] == "2023-07-20"
    assert "first posted (on 2023-07-20)" in dated[5]["message"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2023-06", (2023, 6, None, "-")),
        ("2023.06.07", (2023, 6, 7, ".")),
        ("2025/03/17", (2025, 3, 17, "/")),
        ("Oct, 2024", (2024, 10, None, None)),
        ("Apr., 2023", (2023, 4, None, None)),
        ("14 Mar 2023", (2023, 3, 14, None)),
        ("September 5, 2022", (2022, 9, 5, None)),
        ("20210706", (2021, 7, 6, "")),
        ("06/2024", (2024, 6, None, "/")),
        ("3.2023", (2023, 3, None, ".")),
        ("12/29/2022", (2022, 12, 29, "/")),
        ("7/8/22", None),  # a two-digit year only in a Date column
        ("13/2024", None),
        ("23.02", None),  # a two-digit year only in a Date column
        ("20211306", None),
        ("2023", None),
        ("CVPR, 2024", None),
        ("2023-13", None),
        ("May the force", None),
    ],
)
def test_dates_as_lists_write_them(text: str, read: tuple[object, ...] | None) -> None:
    written = parse_date(text)
    got = (written.year, written.month, written.day, written.separator) if written else None
    assert got == read


def test_a_named_month_before_the_paper_is_found_and_never_rewritten(write_survey) -> None:  # type: ignore[no-untyped-def]
    path = write_survey(
        "| Title | Pub. & Date |\n|---|---|\n"
        "| [Early](https://arxiv.org/abs/2307.01234) | May, 2023 |\n"
        "| [In time](https://arxiv.org/abs/2307.01235) | Jul., 2023 |\n"
    )
    (finding,) = [f for f in findings_of(path) if f.kind == "year-mismatch"]
    assert finding.line == 3
    assert "Dated May, 2023, before arXiv 2307.01234" in finding.problem.message
    assert finding.problem.fix is None


def test_a_two_digit_year_is_a_date_only_where_a_column_says_so() -> None:
    written = parse_date("23.02", short_year=True)
    assert written is not None and (written.year, written.month) == (2023, 2)
    assert written.spelt(2023, 7) == "23.07"
    assert parse_date("23.13", short_year=True) is None
    assert parse_date("87.05", short_year=True) is None  # a score, not 2087


def test_date_columns_written_month_first_or_with_a_short_year(write_survey) -> None:  # type: ignore[no-untyped-def]
    """'MM/YYYY' and a Date column of 'YY.MM' are the entries' dates, not words of their venue;
    a date before the paper is fixed in the list's own way of writing dates."""
    path = write_survey(
        "| Title | Date | Venue |\n|---|---|---|\n"
        "| [Early](https://arxiv.org/abs/2307.01234) | 05/2023 | CVPR |\n"
        "| [On time](https://arxiv.org/abs/2307.01235) | 07/2023 | - |\n"
        "\n| Date | Venue | Paper |\n|---|---|---|\n"
        "| 23.02 | arxiv | [Short and early](https://arxiv.org/abs/2305.01236) |\n"
        "| 23.12 |  | [Short, later](https://arxiv.org/abs/2305.01237) |\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.venue, e.date) for e in survey.entries] == [
        (3, "CVPR", "05/2023"),
        (4, "", "07/2023"),
        (8, "arxiv", "23.02"),
        (9, "", "23.12"),
    ]
    fixes = {
        f.line: (f.problem.fix.old, f.problem.fix.new)
        for f in findings_of(path)
        if f.kind == "year-mismatch" and f.problem.fix
    }
    assert fixes == {3: ("05/2023", "07/2023"), 8: ("23.02", "23.05")}


def test_a_date_column_of_us_dates_is_no_venue(write_survey) -> None:  # type: ignore[no-untyped-def]
    """mli/paper-reading: '| 日期 | 标题 |' with '7/8/22': the video's date, never a venue that
    disagrees with the paper's year elsewhere in the list."""
    path = write_survey(
        "| 日期 | 标题 |\n| --: | -- |\n"
        "| 7/8/22 | [DALL·E 2](https://arxiv.org/pdf/2204.06125.pdf) 逐段精读 |\n"
        "| 12/29/22 | [Instruct GPT](https://arxiv.org/pdf/2203.02155.pdf) |\n\n"
        "| 年份 | 名字 |\n|---|---|\n"
        "| 2022 | [DALL·E 2](https://arxiv.org/abs/2204.06125) |\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.date, e.venue) for e in survey.entries] == [
        (3, "7/8/22", ""),
        (4, "12/29/22", ""),
        (8, "", "2022"),
    ]
    written = parse_date("7/8/22", short_year=True)
    assert written is not None and (written.year, written.month, written.day) == (2022, 7, 8)
    assert written.spelt(2022, 4) is None  # not rewritten
    assert [f.kind for f in findings_of(path)] == []


def test_a_blog_posts_date_before_the_paper_is_no_mismatch(write_survey) -> None:  # type: ignore[no-untyped-def]
    """GT-RIPL/Awesome-LLM-Robotics: '*Blog, Feb 2023*' for a paper posted in June 2023; the
    same date given as arXiv's is a mismatch."""
    path = write_survey(
        '* **PromptCraft**: "ChatGPT for Robotics: Design Principles and Model Abilities",'
        " *Blog, Feb 2023*, [[Paper](https://arxiv.org/abs/2306.17582)]\n"
        '* **Say-Can**: "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances",'
        " *arXiv, Apr 2021*. [[Paper](https://arxiv.org/abs/2204.01691)]\n"
        '* **MOO**: "Open-World Object Manipulation using Pre-Trained Vision-Language Models",'
        " *arXiv, Mar 2022*. [[Paper](https://arxiv.org/abs/2303.00905)]\n"
    )
    found = [(f.line, f.problem.message) for f in findings_of(path) if f.kind == "year-mismatch"]
    assert found == [
        (2, "Dated Apr 2021, before arXiv 2204.01691 was first posted (in 2022-04)."),
        (3, "Dated Mar 2022, before arXiv 2303.00905 was first posted (in 2023-03)."),
    ]
