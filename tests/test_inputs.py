"""
What `linkwatch check` reads: the default file, folders (git-aware), globs, and what it says of
a file that holds no paper entry. Every test is a real run of the command line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

RunCli = Callable[..., Result]

# Certainly paper entries: a paper table whose rows link arXiv.
PAPERS = (
    "| Paper | Published in | Code |\n|---|---|---|\n"
    "| [Tinystories](https://arxiv.org/abs/2305.07759) | arXiv 2023 | - |\n"
    "| [Self-Instruct](https://arxiv.org/abs/2212.10560) | arXiv 2022 | - |\n"
)
# Certainly none: a paragraph of prose with a link to a blog.
PROSE = "# Notes\n\nWe wrote about it [on our blog](https://blog.example.org/2024/notes).\n"


def write(root: Path, *names: str, text: str = PAPERS) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def checked(run_cli: RunCli, *args: str) -> list[str]:
    """The files an offline check of ARGS read, from its JSON report."""
    result = run_cli("check", "--offline", "-f", "json", *args)
    assert result.exit_code == 0, result.output
    report = json.loads(Path("reports/linkwatch.json").read_text(encoding="utf-8"))
    return [source["file"] for source in report["inputs"]]


def one_error_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("linkwatch: error: ")
    assert not Path("reports").exists()
    return lines[0]


def git(repo: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    subprocess.run(command, cwd=repo, capture_output=True, check=True)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# The default


def test_without_paths_survey_md_comes_before_readme(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md", "README.md")
    assert checked(run_cli) == ["survey.md"]


def test_without_survey_md_readme_is_checked(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "README.md", "other.md")
    assert checked(run_cli) == ["README.md"]


def test_without_either_it_says_what_it_looked_for(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "other.md")
    (workdir / "survey.md").mkdir()  # a folder by that name is not the survey
    line = one_error_line(run_cli("check", "--offline"))
    assert "no survey.md or README.md in " in line
    assert str(workdir) in line


def test_config_files_are_the_default_and_paths_replace_them(
    workdir: Path, run_cli: RunCli
) -> None:
    write(workdir, "survey.md", "lists/a.md", "lists/b.md")
    (workdir / "linkwatch.toml").write_text('files = ["lists"]\n')
    assert checked(run_cli) == ["lists/a.md", "lists/b.md"]
    assert checked(run_cli, "survey.md") == ["survey.md"]


def test_fix_without_path_takes_readme_too(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "README.md", text=PAPERS.replace("2305.07759", "2305.07759v1"))
    result = run_cli("fix", "--fresh")
    assert result.exit_code == 0, result.output
    assert "+| [Tinystories](https://arxiv.org/abs/2305.07759) |" in result.stdout
    assert result.stderr.startswith("README.md: 1 fix (versioned-arxiv-link 1)")


# Folders

SKIPPED = (
    "node_modules/pkg/README.md",
    ".venv/lib/README.md",
    "venv/README.md",
    "env/README.md",  # a virtualenv by another name: it holds pyvenv.cfg
    "lib/site-packages/pkg/README.md",
)


def test_a_folder_is_every_markdown_file_in_it(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "lists/b.md", "lists/a/z.markdown", "lists/a/y.MD", "lists/c.txt")
    write(workdir / "lists", *SKIPPED)
    (workdir / "lists" / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    expected = ["lists/a/y.MD", "lists/a/z.markdown", "lists/b.md"]
    assert checked(run_cli, "lists") == expected
    assert checked(run_cli, "lists/") == expected


def test_files_are_checked_once_in_the_order_given(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md", "b.md", "docs/a.md")
    assert checked(run_cli, "survey.md", ".", "docs/../survey.md", "docs/a.md") == [
        "survey.md",
        "b.md",
        "docs/a.md",
    ]


def test_a_folder_without_markdown_is_one_line(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "s.md")
    write(workdir, "folder/notes.txt", "folder/node_modules/x/README.md")
    line = one_error_line(run_cli("check", "--offline", "folder"))
    assert "folder: no Markdown file (*.md, *.markdown) in this folder" in line


@needs_git
def test_in_a_git_checkout_a_folder_is_what_git_tracks_or_would(
    workdir: Path, run_cli: RunCli
) -> None:
    """Tracked and untracked-but-not-ignored files; not ignored ones, not a deleted one, and
    nothing under node_modules or a virtualenv, even when git does not ignore them."""
    repo = workdir / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, ".gitignore", text="ignored.md\nbuild/\n")
    write(repo, "survey.md", "docs/tracked.md", "docs/deleted.md", "docs/untracked.md")
    write(repo, "ignored.md", "build/out.md", "docs/ignored.md")
    write(repo, *SKIPPED)
    (repo / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    git(repo, "add", ".gitignore", "survey.md", "docs/tracked.md", "docs/deleted.md")
    git(repo, "add", "-f", "node_modules/pkg/README.md")  # tracked, and still never read
    git(repo, "commit", "-qm", "survey")
    (repo / "docs" / "deleted.md").unlink()
    assert checked(run_cli, "repo") == [
        "repo/docs/tracked.md",
        "repo/docs/untracked.md",
        "repo/survey.md",
    ]
    assert checked(run_cli, "repo/docs") == ["repo/docs/tracked.md", "repo/docs/untracked.md"]


@needs_git
def test_a_folder_git_ignores_entirely_is_walked(workdir: Path, run_cli: RunCli) -> None:
    git(workdir, "init", "-q")
    write(workdir, ".gitignore", text="build/\n")
    write(workdir, "build/out.md", "build/node_modules/x/README.md")
    assert checked(run_cli, "build") == ["build/out.md"]


@needs_git
def test_without_git_a_checkout_is_walked(
    workdir: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(workdir, "init", "-q")
    write(workdir, ".gitignore", text="ignored.md\n")
    write(workdir, "a.md", "ignored.md", ".venv/README.md")
    monkeypatch.setenv("PATH", str(workdir / "no-such-bin"))
    assert checked(run_cli, ".") == ["a.md", "ignored.md"]


@needs_git
def test_when_git_fails_the_folder_is_walked(
    workdir: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A git that exits non-zero (here: a broken repository) is not the last word."""
    git(workdir, "init", "-q")
    write(workdir, ".gitignore", text="ignored.md\n")
    write(workdir, "a.md", "ignored.md", "node_modules/README.md")
    (workdir / ".git" / "HEAD").write_text("garbage\n")
    monkeypatch.delenv("GIT_DIR", raising=False)
    assert checked(run_cli, ".") == ["a.md", "ignored.md"]


# Globs


def test_a_glob_is_expanded_without_a_shell(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "docs/a.md", "docs/sub/deeper/b.md", "docs/c.markdown", "top.md")
    write(workdir, "docs/node_modules/x/README.md", "docs/.hidden/d.md")
    assert checked(run_cli, "docs/**/*.md") == ["docs/a.md", "docs/sub/deeper/b.md"]
    assert checked(run_cli, "docs/*.m?", "docs/[ab].md") == ["docs/a.md"]
    assert checked(run_cli, str(workdir / "docs" / "*.markdown")) == [
        str(workdir / "docs" / "c.markdown")
    ]


def test_a_glob_that_names_a_skipped_folder_is_taken_at_its_word(
    workdir: Path, run_cli: RunCli
) -> None:
    write(workdir, "node_modules/x/README.md")
    assert checked(run_cli, "node_modules/x/*.md") == ["node_modules/x/README.md"]


def test_a_path_that_exists_is_not_a_glob(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "[draft].md", "d.md")
    assert checked(run_cli, "[draft].md") == ["[draft].md"]


def test_a_glob_that_matches_nothing_is_one_line(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md")
    line = one_error_line(run_cli("check", "--offline", "docs/**/*.md"))
    assert line == "linkwatch: error: docs/**/*.md: no file matches this pattern"


# Files that hold no paper entry

NO_ENTRIES = "linkwatch: no paper entries found in notes.md: is it a paper list?"


def test_a_file_with_links_but_no_entries_says_so(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md")
    write(workdir, "notes.md", text=PROSE)
    write(workdir, "empty.md", text="")  # no links: nothing to say
    result = run_cli("check", "--offline", "survey.md", "notes.md", "empty.md")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [NO_ENTRIES]
    quiet = run_cli("check", "--offline", "-q", "survey.md", "notes.md")
    assert quiet.stderr.splitlines() == [NO_ENTRIES]


def test_a_paper_list_says_nothing_of_the_kind(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md")
    result = run_cli("check", "--offline", "--fail-if-empty")
    assert result.exit_code == 0, result.output
    assert "no paper entries" not in result.output


def test_fail_if_empty_fails_a_run_without_entries(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "notes.md", text=PROSE)
    without = run_cli("check", "--offline", "notes.md")
    assert without.exit_code == 0, without.output
    result = run_cli("check", "--offline", "--fail-if-empty", "notes.md")
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [NO_ENTRIES]
    assert Path("reports/linkwatch.json").is_file()  # the reports are still written


def test_fail_if_empty_fails_an_empty_input(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md", text="")
    assert run_cli("check", "--offline").exit_code == 0
    result = run_cli("check", "--offline", "--fail-if-empty")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "linkwatch: no paper entries found in survey.md: is it a paper list?"
    ]


def test_fail_if_empty_passes_when_one_file_has_entries(workdir: Path, run_cli: RunCli) -> None:
    write(workdir, "survey.md")
    write(workdir, "notes.md", text=PROSE)
    result = run_cli("check", "--offline", "--fail-if-empty", "survey.md", "notes.md")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [NO_ENTRIES]


@pytest.mark.parametrize("config", ["linkwatch.toml", "pyproject.toml"])
def test_fail_if_empty_in_the_config(workdir: Path, run_cli: RunCli, config: str) -> None:
    table = "[tool.linkwatch]\n" if config == "pyproject.toml" else ""
    (workdir / config).write_text(f"{table}fail-if-empty = true\n")
    write(workdir, "notes.md", text=PROSE)
    assert run_cli("check", "--offline", "notes.md").exit_code == 1
    assert run_cli("check", "--offline", "--no-fail-if-empty", "notes.md").exit_code == 0


@pytest.mark.parametrize("value", ['"yes"', "1", "[true]"])
def test_fail_if_empty_must_be_true_or_false(workdir: Path, run_cli: RunCli, value: str) -> None:
    (workdir / "linkwatch.toml").write_text(f"fail_if_empty = {value}\n")
    write(workdir, "survey.md")
    line = one_error_line(run_cli("check", "--offline"))
    assert line.endswith("linkwatch.toml: 'fail_if_empty' should be true or false")


def test_the_console_script_reads_a_folder(workdir: Path) -> None:
    """Through the real entry point: a folder, and the line on stderr."""
    write(workdir, "lists/survey.md")
    write(workdir, "lists/notes.md", text=PROSE)
    process = subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", "--offline", "-f", "json", "lists"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert process.stderr == (
        "linkwatch: no paper entries found in lists/notes.md: is it a paper list?\n"
    )
    assert "lists/notes.md, lists/survey.md: 2 entries, 3 links" in process.stdout
