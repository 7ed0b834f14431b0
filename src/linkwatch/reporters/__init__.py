"""
Output formats: a table from format name to a pure `render(report) -> str` (and, for the
large JSON and HTML reports, the same text in pieces), and the one function that writes them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from linkwatch.model.report import Report
from linkwatch.reporters import github, html, json, markdown, sarif
from linkwatch.sources.files import write_atomic


@dataclass(frozen=True, slots=True)
class Format:
    render: Callable[[Report], str]
    filename: str | None
    """Where the format is written in the output folder; None for stdout (annotations)."""
    stream: Callable[[Report], Iterable[str]] | None = None
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
    """Render every format; files go to `output_dir` atomically, annotations to `echo`, and
    the Markdown report to $GITHUB_STEP_SUMMARY when 'github' is asked for in Actions."""
    written = []
    for name in formats:
        form = FORMATS[name]
        if form.filename is None:
            echo(form.render(report).rstrip("\n"))
            _append_step_summary(report)
            continue
        path = output_dir / form.filename
        write_atomic(path, form.stream(report) if form.stream else form.render(report))
        written.append(path)
    return written


def _append_step_summary(report: Report) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(markdown.render(report) + "\n")
