"""
`linkwatch gate`: exit 1 when findings reach --fail-on (only new ones with --new-only), and the
counts as KEY=VALUE lines that a GitHub Action appends to $GITHUB_OUTPUT.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

RunCli = Callable[..., Result]
TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
ROWS = (
    "| []() | arxiv 2024 | - |\n"  # empty-entry: error
    "| [Self-Instruct](http://arxiv.org/abs/2212.10560) | arxiv 2023 | - |\n"  # 1 warning, 1 info
)


@pytest.fixture
def report(workdir: Path, run_cli: RunCli) -> Path:
    (workdir / "survey.md").write_text(TABLE + ROWS)
    assert run_cli("check", "--offline", "-f", "json", "--fail-on", "never").exit_code == 0
    return workdir / "reports" / "linkwatch.json"


def mark(report: Path, baseline: dict[str, str]) -> None:
    """Mark findings by kind as --baseline does: 'new' or 'persisting'."""
    data = json.loads(report.read_text())
    for finding in data["findings"]:
        finding["baseline"] = baseline.get(finding["kind"], "new")
    report.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("args", "code"),
    [([], 1), (["--fail-on", "warning"], 1), (["--fail-on", "never"], 0)],
)
def test_counts_and_exit_code(report: Path, run_cli: RunCli, args: list[str], code: int) -> None:
    result = run_cli("gate", *args)
    assert result.exit_code == code
    assert result.stdout == "errors=1\nwarnings=1\ninfo=1\nnew=3\n"


def test_new_only_ignores_what_the_baseline_already_had(report: Path, run_cli: RunCli) -> None:
    mark(report, {"empty-entry": "persisting"})
    result = run_cli("gate", "--new-only")
    assert result.exit_code == 0
    assert result.stdout == "errors=1\nwarnings=1\ninfo=1\nnew=2\n"
    assert result.stderr == (
        "reports/linkwatch.json: 1 errors, 1 warnings, 1 info (2 new); "
        "0 new findings at or above 'error': passing\n"
    )
    assert run_cli("gate", "--new-only", "--fail-on", "warning").exit_code == 1
    assert run_cli("gate").exit_code == 1  # without --new-only the old error still counts


def test_a_new_error_fails_with_new_only(report: Path, run_cli: RunCli) -> None:
    mark(report, {"year-mismatch": "persisting", "insecure-link": "persisting"})
    assert run_cli("gate", "--new-only").exit_code == 1


def test_a_missing_report_is_exit_2(workdir: Path, run_cli: RunCli) -> None:
    result = run_cli("gate", "nothing.json")
    assert result.exit_code == 2
    assert result.output.startswith("linkwatch: error: nothing.json: no such report")
