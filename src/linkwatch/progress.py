"""
Progress of a long run on stderr: links done of total and failures so far, on one line.

Shown only on a terminal; silent in CI, with --quiet and with --no-progress, so logs and
redirected output stay clean.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Protocol, TextIO

_REDRAW_SECONDS = 0.1


class Progress(Protocol):
    def add(self, label: str, total: int) -> None:
        """Announce `total` more items of work of one kind ('links', 'arXiv IDs')."""

    def advance(self, label: str, failed: bool = False) -> None:
        """One item of `label` is done."""

    def close(self) -> None:
        """Clear the line."""


class NoProgress:
    def add(self, label: str, total: int) -> None:
        pass

    def advance(self, label: str, failed: bool = False) -> None:
        pass

    def close(self) -> None:
        pass


class ProgressBar:
    """`links 120/206 · arXiv IDs 0/74 · 3 failed`, redrawn at most ten times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.totals: dict[str, int] = {}
        self.done: dict[str, int] = {}
        self.failed = 0
        self._drawn_at = 0.0
        self._width = 0

    def add(self, label: str, total: int) -> None:
        self.totals[label] = self.totals.get(label, 0) + total
        self.done.setdefault(label, 0)
        self._draw(force=True)

    def advance(self, label: str, failed: bool = False) -> None:
        self.done[label] = self.done.get(label, 0) + 1
        self.failed += failed
        self._draw()

    def close(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._drawn_at < _REDRAW_SECONDS:
            return
        self._drawn_at = now
        parts = [f"{label} {self.done[label]}/{total}" for label, total in self.totals.items()]
        line = " · ".join(parts) + (f" · {self.failed} failed" if self.failed else "")
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(line))


def progress_for(quiet: bool, enabled: bool, stream: TextIO | None = None) -> Progress:
    """A bar when stderr is a terminal and nobody asked for silence; else nothing."""
    stream = stream or sys.stderr
    in_ci = bool(os.environ.get("CI"))
    if quiet or not enabled or in_ci or not stream.isatty():
        return NoProgress()
    return ProgressBar(stream)
