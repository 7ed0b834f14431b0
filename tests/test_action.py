"""
The composite action's scripts, run as a runner runs them (`bash --noprofile --norc -eo
pipefail`) in a local git repository, with the step outputs and summary files a runner provides:
what each step writes, and the exit code the action ends with.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import PROJECT
from tests.servers.github import FakeGitHub
from tests.servers.threaded import serving
from tests.test_constraints import pins

BIN = str(Path(sys.executable).parent)  # this environment's linkwatch and python
TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
EMPTY = "| []() | arxiv 2024 | - |\n"  # an error, already on the base branch
INSECURE = "| [Self-Instruct](http://arxiv.org/abs/2212.10560) | arxiv 2022 | - |\n"  # info
ACTION = YAML(typ="safe").load(PROJECT.joinpath("action.yml").read_text(encoding="utf-8"))
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Path]:
    """A survey repository: the base commit has one error, HEAD adds an insecure link."""
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q")
    (path / "survey.md").write_text(TABLE + EMPTY)
    git(path, "add", "survey.md")
    git(path, "commit", "-qm", "base")
    (path / "survey.md").write_text(TABLE + EMPTY + INSECURE)
    git(path, "commit", "-qam", "head")
    yield path


def run_step(
    name: str, repo: Path, runner_env: dict[str, str] | None = None, **env: str
) -> tuple[subprocess.CompletedProcess, dict]:
    """Run the step's script with the env the step declares (the test gives every value) and
    what a runner adds (`runner_env` too); returns the process and the outputs it wrote."""
    step = STEPS[name]
    assert set(step.get("env", {})) == set(env), "the test must give each env value"
    runner = repo.parent / "runner"
    runner.mkdir(exist_ok=True)
    outputs = runner / f"output-{len(list(runner.iterdir()))}"
    outputs.touch()
    script = runner / "step.sh"
    script.write_text(step["run"])
    environ = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(runner)),
        "RUNNER_TEMP": str(runner),
        "GITHUB_WORKSPACE": str(repo),
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(runner / "summary.md"),
        "GITHUB_REPOSITORY": "octo/papers",
        **(runner_env or {}),
        **env,
    }
    process = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=repo,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return process, values


def check(
    repo: Path,
    args: str = "--offline",
    baseline: str = "",
    survey: str = "survey.md",
    fail_if_empty: str = "false",
) -> dict[str, str]:
    process, outputs = run_step(
        "Check the survey",
        repo,
        BIN=BIN,
        SURVEY=survey,
        ARGS=args,
        OUT="reports",
        BASELINE=baseline,
        FAIL_IF_EMPTY=fail_if_empty,
        GITHUB_TOKEN="",
    )
    assert process.returncode == 0, process.stderr
    return {**outputs, "stdout": process.stdout}


def verdict(repo: Path, code: str, new_only: str = "false", fail_on: str = "error") -> dict:
    process, outputs = run_step(
        "Judge the findings",
        repo,
        BIN=BIN,
        CODE=code,
        REPORT="reports/linkwatch.json",
        FAIL_ON=fail_on,
        NEW_ONLY=new_only,
    )
    assert process.returncode == 0, process.stderr
    return outputs


def test_the_check_writes_reports_annotations_and_the_summary(repo: Path) -> None:
    outputs = check(repo)
    assert (outputs["code"], outputs["report"]) == ("0", "reports/linkwatch.json")
    assert "::error file=survey.md,line=3," in outputs["stdout"]
    assert "::notice file=survey.md,line=4," in outputs["stdout"]
    assert "## linkwatch report" in (repo.parent / "runner" / "summary.md").read_text()
    names = sorted(p.name for p in (repo / "reports").iterdir())
    assert names == ["linkwatch.html", "linkwatch.json", "linkwatch.md", "linkwatch.sarif"]


def test_args_are_split_as_a_shell_would(repo: Path) -> None:
    """A quoted argument with a space stays one argument."""
    (repo / "my config.toml").write_text('[severity]\n"insecure-link" = "error"\n')
    check(repo, "--offline --config 'my config.toml'")
    report = json.loads((repo / "reports" / "linkwatch.json").read_text())
    assert {f["kind"]: f["severity"] for f in report["findings"]}["insecure-link"] == "error"


def test_without_a_path_the_default_survey_is_checked(repo: Path) -> None:
    assert ACTION["inputs"]["path"]["default"] == ""
    outputs = check(repo, survey="")
    assert outputs["code"] == "0"
    report = json.loads((repo / "reports" / "linkwatch.json").read_text())
    assert [source["file"] for source in report["inputs"]] == ["survey.md"]


def test_folders_and_globs_reach_linkwatch_unexpanded(repo: Path) -> None:
    (repo / "lists").mkdir()
    (repo / "lists" / "more.md").write_text(TABLE + INSECURE)
    check(repo, survey="lists 'lists/*.md' survey.md")
    report = json.loads((repo / "reports" / "linkwatch.json").read_text())
    assert [source["file"] for source in report["inputs"]] == ["lists/more.md", "survey.md"]


def test_fail_if_empty_is_passed_on(repo: Path) -> None:
    """A survey with no paper entry fails by default (as lychee-action fails on empty input),
    and passes with fail-if-empty: false."""
    assert ACTION["inputs"]["fail-if-empty"]["default"] == "true"
    (repo / "survey.md").write_text("Our [blog](https://blog.example.org/post).\n")
    assert check(repo, fail_if_empty="false")["code"] == "0"
    assert check(repo, fail_if_empty="true")["code"] == "1"
    assert verdict(repo, "1") == {"exit-code": "1"}


def test_the_base_revision_is_checked_in_a_worktree_then_removed(repo: Path) -> None:
    process, outputs = run_step(
        "Check the base revision",
        repo,
        BIN=BIN,
        REF="HEAD^1",
        SURVEY="survey.md",
        ARGS="--offline",
        GITHUB_TOKEN="",
    )
    assert process.returncode == 0, process.stderr
    base = json.loads(Path(outputs["report"]).read_text())
    assert [f["kind"] for f in base["findings"]] == ["empty-entry"]
    assert len(git(repo, "worktree", "list").splitlines()) == 1


def test_a_base_revision_that_does_not_exist_is_a_warning(repo: Path) -> None:
    process, outputs = run_step(
        "Check the base revision",
        repo,
        BIN=BIN,
        REF="no-such-branch",
        SURVEY="survey.md",
        ARGS="--offline",
        GITHUB_TOKEN="",
    )
    assert process.returncode == 0
    assert "report" not in outputs
    assert "::warning::linkwatch: cannot check out no-such-branch" in process.stdout


def test_the_verdict_counts_and_fails_at_fail_on(repo: Path) -> None:
    check(repo)
    outputs = verdict(repo, "0")
    expected = {"errors": "1", "warnings": "0", "info": "1", "new": "2", "exit-code": "1"}
    assert outputs == expected
    assert verdict(repo, "0", fail_on="never")["exit-code"] == "0"


def test_on_a_pull_request_only_new_findings_fail(repo: Path) -> None:
    """Findings marked persisting (as --baseline marks them) do not fail the step."""
    check(repo)
    path = repo / "reports" / "linkwatch.json"
    report = json.loads(path.read_text())
    for finding in report["findings"]:
        finding["baseline"] = "persisting" if finding["kind"] == "empty-entry" else "new"
    path.write_text(json.dumps(report))
    assert verdict(repo, "0", new_only="true")["exit-code"] == "0"
    assert verdict(repo, "0", new_only="false")["exit-code"] == "1"


def test_a_check_that_could_not_run_passes_its_code_on(repo: Path) -> None:
    assert verdict(repo, "3") == {"exit-code": "3"}


@pytest.mark.parametrize(("code", "status"), [("0", 0), ("1", 1), ("3", 3), ("", 2)])
def test_the_last_step_ends_with_the_exit_code(repo: Path, code: str, status: int) -> None:
    process, _ = run_step("Fail at fail-on", repo, CODE=code)
    assert process.returncode == status


def test_the_tracking_step_opens_the_issue(repo: Path) -> None:
    check(repo)
    fake = FakeGitHub(token="ghs_step")
    with serving(fake.app()) as url:
        fake.base_url = url
        process, _ = run_step(
            "Keep the tracking issue current",
            repo,
            {"GITHUB_API_URL": url},  # the runner sets it
            BIN=BIN,
            REPORT="reports/linkwatch.json",
            LABEL="linkwatch",
            GITHUB_TOKEN="ghs_step",
        )
    assert process.returncode == 0, process.stderr
    assert process.stdout.startswith("opened issue #1")
    assert [label["name"] for label in fake.issues[1]["labels"]] == ["linkwatch"]


def install(repo: Path, runner_env: dict[str, str] | None = None) -> tuple[str, Path, str]:
    """Run the install step for real: (its stdout, the venv's bin folder, the cache folder)."""
    cache = repo.parent / "install-cache"
    process, outputs = run_step(
        "Install linkwatch",
        repo,
        {"GITHUB_ACTION_PATH": str(PROJECT), **(runner_env or {})},
        PYTHON=sys.executable,
        CACHE_DIR=str(cache),
    )
    assert process.returncode == 0, process.stderr[-2000:]
    bin_dir = Path(outputs["bin"])
    version = subprocess.run(
        [str(bin_dir / "linkwatch"), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("linkwatch, version ")
    return process.stdout, bin_dir, str(cache)


def installed(bin_dir: Path) -> dict[str, str]:
    """Every distribution in the venv and its version (a venv uv made has no pip to ask)."""
    code = (
        "import importlib.metadata as m, json; "
        "print(json.dumps({d.metadata['Name'].lower(): d.version for d in m.distributions()}))"
    )
    listed = subprocess.run(
        [str(bin_dir / "python"), "-c", code], capture_output=True, text=True, check=True
    )
    return {re.sub(r"[-_.]+", "-", k).lower(): v for k, v in json.loads(listed.stdout).items()}


def test_the_install_step_installs_the_pinned_set_with_uv_into_its_cache(repo: Path) -> None:
    stdout, bin_dir, cache = install(repo)
    assert "installing with pip" not in stdout
    versions = installed(bin_dir)
    for name, version in pins().items():
        if name != "uv":  # the installer is kept beside the venv, not in it
            assert versions.get(name) == version, name
    assert (Path(cache) / "uv").is_dir()  # what actions/cache keeps for the next run
    again, _, _ = install(repo)  # the action used twice in a job: the venv is there already
    assert "installing with pip" not in again


def test_when_uv_cannot_install_pip_does(repo: Path) -> None:
    """An index only pip knows of (uv is pointed at a closed port here): pip installs it."""
    stdout, bin_dir, _ = install(repo, {"UV_INDEX_URL": "http://127.0.0.1:9/simple"})
    assert "::notice title=linkwatch::uv could not install linkwatch; installing with pip" in stdout
    assert installed(bin_dir)["aiohttp"] == pins()["aiohttp"]
