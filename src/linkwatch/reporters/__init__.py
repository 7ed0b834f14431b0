"""
Output formats: a table from format name to a pure `render(report) -> str` (and, for the
large JSON and HTML reports, the same text in pieces), and the one function that writes them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from linkwatch.errors import BadInput
from linkwatch.gc_pause import paused_gc
from linkwatch.model.report import Report
from linkwatch.reporters import github, html, json, markdown, sarif
from linkwatch.sources.files import commit, discard, stage, write_atomic


@dataclass(frozen=True, slots=True)
class Format:
    render: Callable[[Report], str]
    filename: str | None
    """Where the format is written in the output folder; None for stdout (annotations)."""
    stream: Callable[[Report], Iterable[str]] | Callable[[Report], Iterable[bytes]] | None = None
    """The same text in pieces, for formats whose text is best not held whole."""


FORMATS: dict[str, Format] = {
    "json": Format(json.render, "linkwatch.json", json.stream),
    "html": Format(html.render, "linkwatch.html", html.stream),
    "markdown": Format(markdown.render, "linkwatch.md"),
    "github": Format(github.render, None),
    "sarif": Format(sarif.render, "linkwatch.sarif"),
}


def write_reports(
    report: Report, formats: Iterable[str], output_dir: Path, echo: Callable[[str], None]
) -> list[Path]:
    """Render every format; files go to `output_dir` as a set (each staged in a temporary
    file, then all renamed), annotations to `echo`, and the Markdown report to
    $GITHUB_STEP_SUMMARY when 'github' is asked for in Actions. A folder that cannot take
    them is one line (BadInput), with the JSON report kept in a temporary file."""
    chosen = _chosen(formats)
    files = [(form, output_dir / form.filename) for _, form in chosen if form.filename]
    staged: list[tuple[Path, Path]] = []
    current = output_dir
    try:
        with paused_gc():
            for form, path in files:
                current = path
                data = form.stream(report) if form.stream else form.render(report)
                staged.append((stage(path, data), path))
        for temporary, path in staged:  # every report staged: now the renames, as a set
            current = path
            commit(temporary, path)
    except OSError as exc:
        for temporary, _ in staged:
            discard(temporary)
        raise BadInput(_unwritable(current, exc, report)) from None
    for _, form in chosen:
        if form.filename is None:
            echo(form.render(report).rstrip("\n"))
            _append_step_summary(report)
    return [path for _, path in files]


def _chosen(formats: Iterable[str]) -> list[tuple[str, Format]]:
    return [(name, FORMATS[name]) for name in formats]


def _unwritable(path: Path, exc: OSError, report: Report) -> str:
    """One line: which report could not be written and why, and where the results are kept."""
    reason = exc.strerror or type(exc).__name__
    if (blocker := _file_in_the_way(path)) is not None:  # EEXIST/ENOTDIR say it obscurely
        reason = f"{blocker} is a file, not a folder (choose another with -o)"
    saved = _rescue(report)
    kept = f"; the JSON report is saved in {saved}" if saved else ""
    return f"cannot write {path}: {reason}{kept}"


def _file_in_the_way(path: Path) -> Path | None:
    """The file where the reports' folder (or one above it) should be, if there is one."""
    for folder in path.parents:
        if folder.exists():
            return None if folder.is_dir() else folder
    return None


def _rescue(report: Report) -> Path | None:
    """The run's results in a temporary file, so that an unwritable folder loses nothing."""
    try:
        handle, name = tempfile.mkstemp(prefix="linkwatch-", suffix=".json")
        os.close(handle)
        write_atomic(Path(name), json.stream(report))
    except OSError:
        return None
    return Path(name)


def _append_step_summary(report: Report) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(markdown.render(report) + "\n")
    except OSError as exc:  # the reports are written; the job summary is a courtesy
        raise BadInput(
            f"GITHUB_STEP_SUMMARY {target}: cannot be written ({exc.strerror}); "
            "the reports themselves were written"
        ) from None
