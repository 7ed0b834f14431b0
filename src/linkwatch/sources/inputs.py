"""
Which files a check reads: PATHS as a repository holds them.

A PATH is a file (taken as given), a folder (every Markdown file in it, recursively), or a glob
(`docs/**/*.md`, expanded here so it works without a shell, as in the GitHub Action). In a git
checkout a folder holds what git tracks, plus untracked files it does not ignore; outside one, or
when git is missing or fails, the folder is walked. Either way nothing under `.git`,
`node_modules`, `site-packages` or a virtualenv is read. With no PATH: survey.md, else README.md.
"""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from linkwatch.errors import BadInput

DEFAULTS = ("survey.md", "README.md")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
SKIPPED_FOLDERS = frozenset({".git", "node_modules", ".venv", "venv", "site-packages"})
GIT_TIMEOUT_SECONDS = 15.0
_GLOB_CHARACTERS = frozenset("*?[")
_MARKDOWN = "Markdown file (*.md, *.markdown)"


def find_inputs(paths: Sequence[str | Path], cwd: Path | None = None) -> tuple[Path, ...]:
    """The files to check, in the order of `paths` (each folder's and glob's sorted), each once.

    BadInput when there is nothing to check: no default file, a folder without Markdown, a glob
    that matches nothing. A PATH that does not exist is kept, so reading it says so.
    """
    base = cwd or Path.cwd()
    if not paths:
        return (_default(base),)
    found: dict[Path, Path] = {}
    for path in paths:
        try:
            expanded = _expand(Path(path), str(path), base)
        except OSError as exc:  # a name too long, a path the file system refuses
            raise BadInput(f"{str(path)[:200]}: cannot be read ({exc.strerror})") from None
        for file in expanded:
            found.setdefault(_identity(file, base), file)
    return tuple(found.values())


def _default(cwd: Path) -> Path:
    for name in DEFAULTS:
        if (cwd / name).is_file():
            return Path(name)
    raise BadInput(
        f"no {' or '.join(DEFAULTS)} in {cwd}: give the files, folders or globs to check"
    )


def _expand(path: Path, text: str, cwd: Path) -> list[Path]:
    full = path if path.is_absolute() else cwd / path
    if full.is_dir():
        return _folder(path, full)
    if not full.exists() and _GLOB_CHARACTERS & set(text):
        return _glob(text, cwd)
    return [path]


def _identity(file: Path, cwd: Path) -> Path:
    """What makes two spellings of a path the same file (`docs/a.md`, `./docs/../docs/a.md`)."""
    try:
        return (cwd / file).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before 3.13): the spelling
        return file


def _folder(path: Path, full: Path) -> list[Path]:
    listed = _git_files(full)
    relative = _walk(full) if listed is None else listed
    files = sorted({path / name for name in relative if _wanted(full, name)})
    if not files:
        raise BadInput(
            f"{path}: no {_MARKDOWN} in this folder (git-ignored files, .git, node_modules, "
            "site-packages and virtualenvs are left out)"
        )
    return files


def _git_files(folder: Path) -> list[Path] | None:
    """The files git tracks under `folder`, and the untracked ones it does not ignore, relative
    to it; None when git cannot say (not a checkout, git missing or failing, or the whole folder
    ignored, which is then walked like any folder)."""
    command = ["git", "-C", str(folder), "ls-files", "-z", "--cached", "--others"]
    try:
        done = subprocess.run(
            [*command, "--exclude-standard"],
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    names = [Path(os.fsdecode(name)) for name in done.stdout.split(b"\0") if name]
    return names or None


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not _skipped(Path(root, name))]
        here = Path(root).relative_to(folder)
        found += [here / name for name in files if _is_markdown(name)]
    return found


def _wanted(folder: Path, relative: Path) -> bool:
    """A Markdown file that exists, not under a folder that is never read."""
    if not _is_markdown(relative.name) or not (folder / relative).is_file():
        return False
    return not any(_skipped(folder / parent) for parent in _parents(relative))


def _parents(relative: Path) -> Iterable[Path]:
    """'a/b/c.md' → 'a', 'a/b'."""
    parts = relative.parts[:-1]
    return (Path(*parts[: index + 1]) for index in range(len(parts)))


def _skipped(folder: Path) -> bool:
    return folder.name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def _is_markdown(name: str) -> bool:
    return Path(name).suffix.lower() in MARKDOWN_SUFFIXES


def _glob(pattern: str, cwd: Path) -> list[Path]:
    """The files a shell would pass for `pattern` (`**` recursive, hidden names left out), less
    those under a never-read folder that the pattern's wildcards reached."""
    literal = _literal_prefix(Path(pattern))
    absolute = Path(pattern).is_absolute()
    # glob.glob, not Path.glob: it takes absolute patterns too, and its `**` leaves hidden
    # folders out (.git, .venv), as a shell does
    root = None if absolute else cwd
    matches = glob.glob(pattern, root_dir=root, recursive=True)  # noqa: PTH207
    files = sorted(
        {
            Path(match)
            for match in matches
            if (cwd / match).is_file() and not _under_skipped(Path(match), literal, cwd)
        }
    )
    if not files:
        raise BadInput(f"{pattern}: no file matches this pattern")
    return files


def _literal_prefix(pattern: Path) -> int:
    """How many leading parts of the pattern have no wildcard (those were asked for by name)."""
    for index, part in enumerate(pattern.parts):
        if _GLOB_CHARACTERS & set(part):
            return index
    return len(pattern.parts)


def _under_skipped(match: Path, literal: int, cwd: Path) -> bool:
    parts = match.parts
    return any(
        _skipped(cwd / Path(*parts[: index + 1])) for index in range(literal, len(parts) - 1)
    )
