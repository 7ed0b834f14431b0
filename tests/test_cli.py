"""
The command line: reports written, exit codes, and one clear line for every bad input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from linkwatch.cli import cli
from linkwatch.reporters.json import validate
from linkwatch.settings import build_settings, source_url

ROW = "| [Tinystories](https://arxiv.org/abs/2305.07759) | arXiv 2023 | - |\n"
TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
RunCli = Callable[..., Result]


def test_offline_check_writes_the_reports(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + ROW)
    result = run_cli("check", "--offline")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (workdir / "reports").iterdir()) == [
        "linkwatch.html",
        "linkwatch.json",
        "linkwatch.md",
    ]
    data = json.loads((workdir / "reports" / "linkwatch.json").read_text())
    validate(data)
    assert data["summary"]["entries"] == 1
    assert "0 errors" in result.output


def test_findings_at_the_fail_on_level_exit_1(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + "| []() | arXiv 2024 | - |\n")
    assert run_cli("check", "--offline").exit_code == 1
    assert run_cli("check", "--offline", "--fail-on", "never").exit_code == 0


def test_fail_on_warning_counts_warnings(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + ROW.replace("2023", "2021"))
    assert run_cli("check", "--offline").exit_code == 0
    assert run_cli("check", "--offline", "--fail-on", "warning").exit_code == 1


def test_every_link_excluded_asks_nothing(workdir: Path, run_cli: RunCli) -> None:
    """Online with every link excluded: nothing is asked, every link is skipped, every check
    ran (none is listed as not checked), and the run is not 'could not run'."""
    (workdir / "survey.md").write_text(TABLE + ROW)
    result = run_cli("check", "-o", "out", "-f", "json", "--exclude", ".")
    assert result.exit_code == 0, result.output
    data = json.loads((workdir / "out" / "linkwatch.json").read_text())
    assert (data["not_run"], data["summary"]["requests"]) == ([], {})
    assert data["links"][0]["status"] == "skipped"


def test_offline_names_the_checks_it_did_not_run(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + ROW)
    result = run_cli("check", "--offline", "-o", "out", "-f", "json")
    assert "Not checked (offline)" in result.output
    data = json.loads((workdir / "out" / "linkwatch.json").read_text())
    not_run = {n["kind"] for n in data["not_run"]}
    assert {"broken-link", "title-typo", "repo-moved", "venue-outdated"} <= not_run


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda d: None, ["missing.md"], "missing.md: no such file"),
        (lambda d: (d / "folder").mkdir(), ["folder"], "folder: no Markdown file"),
        (lambda d: (d / "bin.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), ["bin.md"], "binary"),
        (
            lambda d: (d / "latin.md").write_bytes("caf\xe9".encode("latin-1")),
            ["latin.md"],
            "not UTF-8",
        ),
        (
            lambda d: (d / "big.md").write_bytes(b"x" * (50 * 1024 * 1024)),
            ["big.md"],
            "over the 16 MB limit",
        ),
        (lambda d: (d / "linkwatch.toml").write_text("timeout = ["), ["s.md"], "not valid TOML"),
        (
            lambda d: (d / "linkwatch.toml").write_text("timeot = 3"),
            ["s.md"],
            "unknown key 'timeot'",
        ),
        (
            lambda d: (d / "linkwatch.toml").write_text('timeout = "x"'),
            ["s.md"],
            "'timeout' should be a number",
        ),
        (lambda d: None, ["s.md", "--config", "nope.toml"], "nope.toml: config file not found"),
        (lambda d: None, ["s.md", "--config", "."], ".: a folder, not a config file"),
        (
            lambda d: (d / "u16.md").write_bytes("\ufeff| a | b |\n".encode("utf-16-le")),
            ["u16.md"],
            "u16.md: UTF-16 text, not UTF-8; save the survey as UTF-8",
        ),
        (lambda d: None, ["s.md", "--max-age", "soon"], "not a duration"),
        (lambda d: None, ["s.md", "--exclude", "("], "not a valid regular expression"),
        (lambda d: None, ["s.md", "--concurrency", "0"], "concurrency must be at least 1"),
        (lambda d: None, ["s.md", "-f", "pdf"], "unknown format 'pdf'"),
        (lambda d: None, ["s.md", "--frobnicate"], "No such option '--frobnicate'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    workdir: Path,
    run_cli: RunCli,
    setup: Callable[[Path], None],
    args: list[str],
    message: str,
) -> None:
    (workdir / "s.md").write_text(TABLE + ROW)
    setup(workdir)
    result = run_cli("check", "--offline", *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("linkwatch: error: ")
    assert message in lines[0]
    assert not (workdir / "reports").exists()


@pytest.mark.parametrize("text", ["", "# Just a heading\n\nNo tables here.\n"])
def test_valid_input_with_nothing_to_check_gives_an_empty_report(
    workdir: Path,
    run_cli: RunCli,
    text: str,
) -> None:
    (workdir / "survey.md").write_text(text)
    result = run_cli("check", "--offline")
    assert result.exit_code == 0, result.output
    data = json.loads((workdir / "reports" / "linkwatch.json").read_text())
    assert (data["summary"]["entries"], data["findings"]) == (0, [])


def test_config_in_pyproject_is_read(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "pyproject.toml").write_text(
        '[tool.linkwatch]\noutput-dir = "custom"\n[tool.linkwatch.severity]\n'
        '"year-mismatch" = "error"\n'
    )
    (workdir / "survey.md").write_text(TABLE + ROW.replace("2023", "2021"))
    result = run_cli("check", "--offline")
    assert result.exit_code == 1
    assert (workdir / "custom" / "linkwatch.json").exists()


def test_console_script_errors_have_no_traceback(workdir: Path) -> None:
    """Through the real entry point (not CliRunner): one line on stderr, exit 2."""
    process = subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", "--offline", "nothing.md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 2
    assert process.stderr == "linkwatch: error: nothing.md: no such file\n"


def test_version(run_cli: RunCli) -> None:
    assert run_cli("--version").output.startswith("linkwatch, version ")


def test_github_format_prints_annotations(workdir: Path, run_cli: RunCli) -> None:
    (workdir / "survey.md").write_text(TABLE + "| []() | arXiv 2024 | - |\n")
    result = run_cli("check", "--offline", "-f", "github")
    assert (
        "::error file=survey.md,line=3,title=linkwatch%3A empty-entry::Empty entry" in result.output
    )


def test_source_url_comes_from_the_github_actions_environment() -> None:
    environ = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "owner/survey",
        "GITHUB_SHA": "0123abc",
    }
    assert source_url(environ) == "https://github.com/owner/survey/blob/0123abc"
    assert source_url({**environ, "GITHUB_SHA": ""}) is None
    assert build_settings({}, {}, environ).source_url == source_url(environ)


def test_colour_follows_color_no_color_and_force_color(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--color over NO_COLOR over FORCE_COLOR; without any, click's terminal detection (a
    test's output is no terminal: no colour)."""
    (workdir / "survey.md").write_text("| Paper | Venue |\n|---|---|\n| []() | NIPS 2017 |\n")
    args = ["check", "--offline", "--fail-on", "never", "-f", "json"]

    def styled(*before: str, **env: str) -> bool:
        for name in ("NO_COLOR", "FORCE_COLOR"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        result = CliRunner().invoke(cli, [*before, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return "\x1b[" in result.output

    assert not styled()
    assert styled("--color", "always")
    assert styled(FORCE_COLOR="1")
    assert not styled(NO_COLOR="1", FORCE_COLOR="1")
    assert not styled("--color", "never", FORCE_COLOR="1")
    assert styled("--color", "always", NO_COLOR="1")


@pytest.mark.parametrize("blocker", ["file", "folder-named-like-the-report"])
def test_reports_that_cannot_be_written_are_one_line_and_nothing_is_lost(
    workdir: Path, run_cli: Callable[..., Result], blocker: str
) -> None:
    (workdir / "survey.md").write_text(
        "| Paper | Venue |\n|---|---|\n| [A](https://arxiv.org/abs/2305.07759) | NIPS 2023 |\n"
    )
    if blocker == "file":
        (workdir / "out").write_text("not a folder")
        target = "out/linkwatch.json"
    else:
        (workdir / "out" / "linkwatch.json").mkdir(parents=True)
        target = "out/linkwatch.json"
    result = run_cli("check", "--offline", "survey.md", "-o", "out", "-q")
    assert result.exit_code == 2
    (line,) = [text for text in result.output.splitlines() if text.startswith("linkwatch:")]
    assert line.startswith(f"linkwatch: error: cannot write {target}: ")
    if blocker == "file":
        assert f"{target}: out is a file, not a folder (choose another with -o)" in line
    saved = Path(line.rsplit("the JSON report is saved in ", 1)[1])
    report = json.loads(saved.read_text(encoding="utf-8"))
    assert [f["kind"] for f in report["findings"]] == ["venue-format"]
    saved.unlink()
    assert "Traceback" not in result.output
    if blocker != "file":
        assert sorted(p.name for p in (workdir / "out").iterdir()) == ["linkwatch.json"]


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["--timeout", "nan"], "", "timeout must be a finite number of seconds"),
        (["--timeout", "inf"], "", "timeout must be a finite number of seconds"),
        ([], "timeout = inf\n", "timeout must be a finite number of seconds"),
        ([], "max-file-mb = inf\n", "max-file-mb must be a finite number of MB"),
        ([], "arxiv-delay-seconds = -1\n", "error: arxiv-delay-seconds cannot be negative"),
        (["--retries", "-1"], "", "error: retries cannot be negative"),
        (
            [],
            '[hosts."x.org"]\ndelay_seconds = inf\n',
            "hosts.x.org.delay_seconds must be a finite number of seconds",
        ),
        (
            [],
            "max-file-mb = 0.00001\n",
            "survey.md: 57 bytes is over the 10 bytes limit for a survey; raise max-file-mb",
        ),
        (["--remap", r"a \9"], "", r"--remap 'a \9': the replacement is not valid (invalid group"),
        (
            ["--remap", r"(?P<x>a) \g<y>"],
            "",
            "the replacement is not valid (unknown group name 'y'",
        ),
        (["--remap", r"a \g<"], "", "the replacement is not valid (missing group name"),
        (["--remap", r"a http://x\q"], "", r"the replacement is not valid (bad escape \q"),
        (["-f", ""], "", "--format: give at least one of json"),
    ],
)
def test_bad_values_are_one_line_and_exit_2(
    workdir: Path, run_cli: Callable[..., Result], args: list[str], config: str, message: str
) -> None:
    (workdir / "survey.md").write_text(
        "| Paper | Venue |\n|---|---|\n| [A](https://x.org/a) | - |\n"
    )
    if config:
        (workdir / "linkwatch.toml").write_text(config)
    result = run_cli("check", "--offline", "survey.md", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("pyproject", ["[tool]\nlinkwatch = 5\n", 'tool = "x"\n'])
def test_a_pyproject_with_odd_tool_tables(
    workdir: Path, run_cli: Callable[..., Result], pyproject: str
) -> None:
    """[tool] linkwatch that is no table is an error; a `tool` that is no table is not ours."""
    (workdir / "survey.md").write_text(
        "| Paper | Venue |\n|---|---|\n| [A](https://x.org/a) | - |\n"
    )
    (workdir / "pyproject.toml").write_text(pyproject)
    result = run_cli("check", "--offline", "survey.md", "-q")
    ours = "linkwatch" in pyproject
    assert result.exit_code == (2 if ours else 0), result.output
    assert ("[tool] linkwatch should be a table" in result.output) == ours


def test_non_regular_files_and_monstrous_reports_are_refused(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    device = run_cli("check", "--offline", "/dev/zero")
    assert device.exit_code == 2 and "not a regular file" in device.output
    (workdir / "deep.json").write_text("[" * 100_000)
    deep = run_cli("report", "deep.json")
    assert deep.exit_code == 2 and "nested too deeply" in deep.output
    (workdir / "big.json").write_text('{"a": ' + "9" * 5000 + "}")
    big = run_cli("report", "big.json")
    assert big.exit_code == 2 and "not a linkwatch JSON report" in big.output


def test_user_and_password_in_a_url_parse(workdir: Path, run_cli: Callable[..., Result]) -> None:
    (workdir / "survey.md").write_text("# x\n\n- [A paper](https://user:pass@papers.org/a)\n")
    result = run_cli("check", "--offline", "survey.md", "-v", "--fail-on", "never")
    assert "malformed-url" not in result.output


def test_what_the_bad_input_sweep_found_is_one_line_each(
    workdir: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cases benchmarks/bad_inputs.py found tracebacks or hangs for, before they were fixed."""
    survey = workdir / "survey.md"
    survey.write_text("# x\n\n- [A paper on things](http://[::1)\n")
    broken_ipv6 = run_cli("check", "--offline", "survey.md", "-f", "json", "--fail-on", "never")
    assert broken_ipv6.exit_code == 0 and "Traceback" not in broken_ipv6.output
    os.mkfifo(workdir / "fifo.json")
    fifo = run_cli("check", "--offline", "survey.md", "--baseline", "fifo.json")
    assert fifo.exit_code == 2 and "not a regular file" in fifo.output
    (workdir / "linkwatch.toml").write_text('[severity]\ntitle-case = ["error"]\n')
    typed = run_cli("check", "--offline", "survey.md")
    assert typed.exit_code == 2 and "severity.title-case: give error" in typed.output
    (workdir / "linkwatch.toml").unlink()
    (workdir / "loop.md").symlink_to(workdir / "loop.md")
    loop = run_cli("check", "--offline", "loop.md")
    assert loop.exit_code == 2 and "Traceback" not in loop.output
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workdir))  # a folder
    summary = run_cli("check", "--offline", "survey.md", "-f", "github", "--fail-on", "never")
    assert summary.exit_code == 2 and "GITHUB_STEP_SUMMARY" in summary.output
