"""
Progress of a long run on stderr, on one line that never wraps: the work that exists (links,
arXiv IDs, GitHub, ...: a kind with nothing to do is not shown), failures so far, the time
elapsed, and what the run is waiting on ('arXiv: next request in 3 s').

Shown only on a terminal; silent in CI, with --quiet and with --no-progress, so logs and
redirected output stay clean. (click's progressbar draws one count; this one draws several.)
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from typing import Protocol, TextIO

_REDRAW_SECONDS = 0.1


class Progress(Protocol):
    def add(self, label: str, total: int) -> None:
        """Announce `total` more items of work of one kind ('links', 'arXiv IDs')."""

    def advance(self, label: str, failed: bool = False) -> None:
        """One item of `label` is done."""

    def waiting(self, what: str, seconds: float) -> None:
        """The run waits `seconds` on `what` ('arXiv'), said until the next item is done."""

    def close(self) -> None:
        """Clear the line."""


class NoProgress:
    def add(self, label: str, total: int) -> None:
        pass

    def advance(self, label: str, failed: bool = False) -> None:
        pass

    def waiting(self, what: str, seconds: float) -> None:
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
        self._started = time.monotonic()
        self._wait: tuple[str, float] | None = None
        """What the run waits on, and until when (monotonic seconds)."""
        self._lock = threading.Lock()  # the arXiv worker thread says when it waits

    def add(self, label: str, total: int) -> None:
        with self._lock:
            self.totals[label] = self.totals.get(label, 0) + total
            self.done.setdefault(label, 0)
            self._draw(force=True)

    def advance(self, label: str, failed: bool = False) -> None:
        with self._lock:
            self.done[label] = self.done.get(label, 0) + 1
            self.failed += failed
            self._wait = None
            self._draw()

    def waiting(self, what: str, seconds: float) -> None:
        with self._lock:
            self._wait = (what, time.monotonic() + seconds)
            self._draw(force=True)

    def close(self) -> None:
        with self._lock:
            if self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The line as drawn, before it is cut to the terminal's width."""
        now = time.monotonic() if now is None else now
        parts = [
            f"{label} {self.done[label]}/{total}"
            for label, total in self.totals.items()
            if total > 0
        ]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self._wait is not None and (left := self._wait[1] - now) > 0:
            parts.append(f"{self._wait[0]}: next request in {left:.0f} s")
        parts.append(f"{now - self._started:.0f}s")
        return " · ".join(parts)

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._drawn_at < _REDRAW_SECONDS:
            return
        self._drawn_at = now
        columns = shutil.get_terminal_size((80, 24)).columns
        line = self.line(now)[: max(10, columns - 1)]  # one column spare: no wrap, ever
        self._width = min(self._width, columns - 1)
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
