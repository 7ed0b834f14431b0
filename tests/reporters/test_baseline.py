"""
--baseline: each finding is new or persisting by its stable id; findings gone since are fixed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from linkwatch.reporters.json import schema_errors

TABLE = "# Papers\n\n| Paper | Published in | Code |\n|---|---|---|\n"
NIPS = "| [Old paper](https://arxiv.org/abs/1706.03762) | NIPS 2017 | - |\n"
PLACEHOLDER = "| [example](https://arxiv.org/abs/...) | arXiv 2023 | - |\n"
INSECURE = "| [Plain](http://arxiv.org/abs/2305.07759) | arXiv 2023 | - |\n"
AGAIN = "\n## Again\n\n" + TABLE.split("\n\n")[1] + NIPS.replace("NIPS", "ICML")
RunCli = Callable[..., Result]


def _check(run_cli: RunCli, survey: Path, *args: str) -> dict:
    result = run_cli("check", "--offline", "-f", "json", "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    data = json.loads((survey.parent / "reports" / "linkwatch.json").read_text())
    data["output"] = result.output
    return data


def test_findings_are_new_or_persisting_and_gone_ones_are_fixed(
    workdir: Path, run_cli: RunCli
) -> None:
    survey = workdir / "survey.md"
    survey.write_text(TABLE + NIPS + PLACEHOLDER + AGAIN)
    before = _check(run_cli, survey)
    before.pop("output")
    (workdir / "previous.json").write_text(json.dumps(before))
    # A row added above shifts every line: ids must not depend on line numbers.
    survey.write_text(TABLE + INSECURE + NIPS + AGAIN)
    after = _check(run_cli, survey, "--baseline", "previous.json")
    when = before["generated_at"]
    assert f"Since previous.json ({when}): 1 new, 2 persisting, 1 fixed" in after.pop("output")
    assert schema_errors(after) == []
    marked = {(f["kind"], f["line"], f["baseline"]) for f in after["findings"]}
    assert marked == {
        ("insecure-link", 5, "new"),
        ("venue-format", 6, "persisting"),
        ("inconsistent-entry", 6, "persisting"),
    }
    assert [(f["kind"], f["line"]) for f in after["fixed"]] == [("placeholder-link", 6)]
    assert "baseline" not in after["fixed"][0]
    assert after["compared_with"] == {
        "file": "previous.json",
        "generated_at": before["generated_at"],
    }


def test_without_a_baseline_findings_are_not_marked(workdir: Path, run_cli: RunCli) -> None:
    survey = workdir / "survey.md"
    survey.write_text(TABLE + NIPS)
    data = _check(run_cli, survey)
    assert [f["kind"] for f in data["findings"]] == ["venue-format"]
    assert "baseline" not in data["findings"][0]
    assert "compared_with" not in data
    assert data["fixed"] == []


def test_a_missing_baseline_is_one_line_and_exit_2(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + NIPS)
    result = run_cli("check", "--offline", "--baseline", "previous.json")
    assert result.exit_code == 2
    assert result.output == (
        "linkwatch: error: previous.json: no such report; run 'linkwatch check' to write one\n"
    )
    assert not (workdir / "reports").exists()
