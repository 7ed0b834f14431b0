"""
`linkwatch report REPORT.json`: re-renders any format from the JSON alone, after validating it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

TABLE = "# Papers\n\n| Paper | Published in | Code |\n|---|---|---|\n"
ROWS = (
    "| [Old paper](https://arxiv.org/abs/1706.03762) | NIPS 2017 | - |\n"
    "| [example](https://arxiv.org/abs/...) | arXiv 2023 | - |\n"
)
RunCli = Callable[..., Result]


@pytest.fixture
def checked(workdir: Path, run_cli: RunCli) -> Path:
    """A JSON report of a small survey, and the HTML and Markdown written with it."""
    (workdir / "survey.md").write_text(TABLE + ROWS)
    assert run_cli("check", "--offline").exit_code == 1
    return workdir / "reports" / "linkwatch.json"


def test_rerendering_gives_the_same_html_and_markdown(
    checked: Path, workdir: Path, run_cli: RunCli
) -> None:
    result = run_cli("report", checked, "-f", "html,markdown", "-o", "again")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (workdir / "again").iterdir()) == [
        "linkwatch.html",
        "linkwatch.md",
    ]
    for name in ("linkwatch.html", "linkwatch.md"):
        original = (checked.parent / name).read_text()
        assert (workdir / "again" / name).read_text() == original


def test_json_rerendered_is_the_json_read(checked: Path, workdir: Path, run_cli: RunCli) -> None:
    assert run_cli("report", checked, "-f", "json", "-o", "again").exit_code == 0
    assert (workdir / "again" / "linkwatch.json").read_text() == checked.read_text()


def test_github_annotations_from_the_json(checked: Path, run_cli: RunCli) -> None:
    result = run_cli("report", checked, "-f", "github")
    assert result.exit_code == 0, result.output
    assert "::error file=survey.md,line=6,title=linkwatch%3A placeholder-link::" in result.output


def test_default_is_html_and_markdown_beside_the_json(checked: Path, run_cli: RunCli) -> None:
    for name in ("linkwatch.html", "linkwatch.md"):
        (checked.parent / name).unlink()
    assert run_cli("report", checked).exit_code == 0
    assert sorted(p.name for p in checked.parent.iterdir()) == [
        "linkwatch.html",
        "linkwatch.json",
        "linkwatch.md",
    ]


def _invalid(data: dict) -> str:
    data["findings"][0]["severity"] = "fatal"
    return json.dumps(data)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "report.json: no such report"),
        (
            '{"schema_version": 1,',
            "not valid JSON (line 1, column 22: Expecting property name",
        ),
        ("[1, 2]", "report.json: not a linkwatch JSON report: (top): [1, 2] is not of type"),
        (_invalid, "not a linkwatch JSON report: findings/0/severity: 'fatal' is not one of"),
        (lambda d: json.dumps({**d, "schema_version": 2}), "schema_version 2 is not the one"),
        (b"\xff\xfe{}", "report.json: not UTF-8 text"),
    ],
)
def test_a_bad_report_is_one_line_and_exit_2(
    checked: Path, workdir: Path, run_cli: RunCli, content: object, message: str
) -> None:
    target = workdir / "report.json"
    if isinstance(content, bytes):
        target.write_bytes(content)
    elif isinstance(content, str):
        target.write_text(content)
    elif content is not None:
        target.write_text(content(json.loads(checked.read_text())))
    result = run_cli("report", target, "-o", "out")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("linkwatch: error: ")
    assert message in lines[0]
    assert not (workdir / "out").exists()
