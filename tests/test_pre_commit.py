"""
The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself against a fixture
repository: it installs linkwatch from this checkout, fails a commit whose list has a broken
anchor and passes a clean one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MACHINE_ENVIRON, PROJECT

BROKEN = (
    "# Papers\n\n| Paper | Venue |\n|---|---|\n"
    "| [TinyStories](https://arxiv.org/abs/2305.07759) | arXiv 2023 |\n"
    "| [See below](#nowhere) | - |\n"
)
CLEAN = BROKEN.replace("#nowhere", "#papers")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout as it is on disk (new files too, which try-repo would leave out), committed
    in a scratch repository that pre-commit installs the hook from."""
    repo = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = PROJECT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "hook"], cwd=repo, check=True)
    return repo


def run_hook(repo: Path, text: str, home: Path, hooks: Path) -> subprocess.CompletedProcess[str]:
    repo.mkdir(exist_ok=True)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "README.md").write_text(text, encoding="utf-8")
    subprocess.run([*git, "add", "README.md"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "list"], cwd=repo, check=True)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "linkwatch", "--all-files"],
        cwd=repo,
        env={**MACHINE_ENVIRON, "PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_hook_fails_a_broken_anchor_and_passes_a_clean_list(
    tmp_path: Path, pre_commit_home: Path, hook_repo: Path
) -> None:
    broken = run_hook(tmp_path / "broken", BROKEN, pre_commit_home, hook_repo)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "README.md:6:15 broken-anchor #nowhere" in broken.stdout
    clean = run_hook(tmp_path / "clean", CLEAN, pre_commit_home, hook_repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
