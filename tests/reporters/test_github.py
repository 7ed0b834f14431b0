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


def test_no_more_annotations_than_github_shows_and_one_notice_for_the_rest(
    workdir, run_cli
) -> None:
    """25 errors and 12 notices: 10 errors and 9 notices are annotated (the worst first), and
    the tenth notice says that 18 more (15 errors, 3 notices) are in the summary and reports."""
    lines = ["# Links", ""]
    lines += [f"- [Paper number {n}](#)" for n in range(25)]  # placeholder-link: errors
    lines += [f"- [Repository {n}](http://github.com/owner/repo{n})" for n in range(12)]
    (workdir / "survey.md").write_text("\n".join(lines) + "\n")
    result = run_cli("check", "--offline", "-f", "github", "--fail-on", "never", "-q")
    assert result.exit_code == 0, result.output
    commands = [line for line in result.output.splitlines() if line.startswith("::")]
    levels = [line.split(" ", 1)[0] for line in commands]
    assert levels == ["::error"] * 10 + ["::notice"] * 10
    assert commands[-1].startswith("::notice title=linkwatch%3A more findings::18 more findings")
    assert "(15 error, 3 info)" in commands[-1]
    assert "line=3," in commands[0]  # the first placeholder, in file order within a level
