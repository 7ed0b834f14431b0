"""
The workflows and action.yml: valid against GitHub's published schemas, clean under zizmor's
offline audits, pinned and least-privileged, and the README shows the very workflow we run.
"""

from __future__ import annotations

import re
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import PROJECT

WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
LINKWATCH_WORKFLOW = PROJECT / ".github" / "workflows" / "linkwatch.yml"
ACTION = PROJECT / "action.yml"
# owner/repo[/path]@<40 hex> # v1.2.3
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+)*$")


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *paths]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    binary = Path(sysconfig.get_path("scripts")) / "zizmor"
    command = [binary, "--offline", "--no-progress", "--color", "never", *paths]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def steps(document: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in document:
        return document["runs"]["steps"]
    return [step for job in document["jobs"].values() for step in job.get("steps", [])]


def uses_lines(path: Path) -> list[str]:
    """Each `uses:` value with its trailing comment, as written."""
    return [
        m.group(1).strip() for m in re.finditer(r"^\s*-?\s*uses: (.+)$", path.read_text(), re.M)
    ]


def test_workflows_are_valid_against_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_action_is_valid_against_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-actions", ACTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = zizmor(*WORKFLOWS, ACTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_the_audits_are_live(tmp_path: Path) -> None:
    """The same tools do fail: an unpinned action for zizmor, an unknown key for the schema."""
    unpinned = tmp_path / "unpinned.yml"
    text = LINKWATCH_WORKFLOW.read_text()
    unpinned.write_text(re.sub(r"actions/checkout@\S+ # \S+", "actions/checkout@v4", text))
    assert zizmor(unpinned).returncode != 0
    broken = tmp_path / "broken.yml"
    broken.write_text(text.replace("runs-on:", "runs-upon:"))
    assert check_jsonschema("vendor.github-workflows", broken).returncode != 0


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_a_commit_with_its_version(path: Path) -> None:
    third_party = [uses for uses in uses_lines(path) if not uses.startswith(("./", "$/"))]
    assert third_party
    assert [uses for uses in third_party if not PINNED.match(uses)] == []


@pytest.mark.parametrize("path", [*WORKFLOWS, ACTION], ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(path: Path) -> None:
    """`${{ }}` values reach scripts through env: only (no template injection)."""
    scripts = [step["run"] for step in steps(load(path)) if "run" in step]
    assert [script for script in scripts if "${{" in script] == []


def test_the_workflow_runs_when_it_should_with_least_permissions() -> None:
    workflow = load(LINKWATCH_WORKFLOW)
    triggers = workflow["on"]
    assert set(triggers) == {"schedule", "workflow_dispatch", "push", "pull_request"}
    assert triggers["push"]["paths"] == ["**.md", "linkwatch.toml"]
    assert triggers["pull_request"]["paths"] == ["**.md", "linkwatch.toml"]
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write", "security-events": "write"}


def test_the_workflow_uses_this_repositorys_action() -> None:
    (job,) = load(LINKWATCH_WORKFLOW)["jobs"].values()
    (step,) = [step for step in job["steps"] if step.get("uses") == "$/"]
    assert step["with"]["track-issue"] == "${{ github.event_name == 'schedule' }}"
    assert "pull_request" in step["with"]["baseline-ref"]


def test_the_action_has_the_promised_interface() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"path", "args", "fail-on", "token", "track-issue"} <= set(action["inputs"])
    assert {"exit-code", "report", "errors", "warnings", "info"} <= set(action["outputs"])
    names = [step.get("uses", "").split("@")[0] for step in steps(action)]
    assert {"actions/cache/restore", "actions/cache/save", "actions/upload-artifact"} <= set(names)


def test_the_readme_shows_the_workflow_we_run() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it in your repository", 1)[1]
    shown = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert shown is not None
    assert shown.group(1) == LINKWATCH_WORKFLOW.read_text(encoding="utf-8")
