"""
GitHub annotations: one workflow command per finding, escaped as @actions/core escapes them.
"""

from __future__ import annotations

from linkwatch.reporters import github
from tests.reporters.hostile import hostile_report


def test_properties_and_message_are_escaped() -> None:
    (line,) = github.render(hostile_report()).splitlines()
    assert line.startswith(
        "::warning file=docs/a%2Cb%3Ac.md,line=7,col=4,endColumn=64,"
        "title=linkwatch%3A title-typo (new)::Title "
    )
    assert "differs:%0A::error::injected, 50%25 sure%0AFix (check it first): replace" in line
    assert "Evidence" not in line, "a javascript: evidence is not offered"


def test_the_job_summary_is_appended_when_actions_names_it(workdir, run_cli, monkeypatch) -> None:
    summary = workdir / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    (workdir / "survey.md").write_text("| Paper | Venue |\n|---|---|\n| []() | NIPS 2017 |\n")
    result = run_cli("check", "--offline", "-f", "github", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    text = summary.read_text()
    assert text.startswith("earlier step\n## linkwatch report\n")
    assert "#### empty-entry · 1 error" in text
