"""
Progress of a long run on stderr, on one line that never wraps: the work that exists (links,
arXiv IDs, GitHub, ...: a kind with nothing to do is not shown), failures so far, the time
elapsed, and what the run is waiting on ('arXiv: next request in 3 s').

Drawn by rich's Live display, which redraws ten times a second from its own thread (so the
clock and a countdown move while the run waits), cuts the line to the terminal's width with
an ellipsis, and erases it at the end. Shown only on a terminal; silent in CI, with --quiet
and with --no-progress, so logs and redirected output stay clean. rich is imported only then.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from rich.live import Live
    from rich.text import Text


class Progress(Protocol):
    def add(self, label: str, total: int) -> None:
        """Announce `total` more items of work of one kind ('links', 'arXiv IDs')."""

    def advance(self, label: str, failed: bool = False) -> None:
        """One item of `label` is done."""

    def waiting(self, what: str, seconds: float) -> None:
        """The run waits `seconds` on `what` ('arXiv'), said until the next item is done."""

    def close(self) -> None:
        """Erase the line."""


class NoProgress:
    def add(self, label: str, total: int) -> None:
        pass

    def advance(self, label: str, failed: bool = False) -> None:
        pass

    def waiting(self, what: str, seconds: float) -> None:
        pass

    def close(self) -> None:
        pass


class ProgressLine:
    """`links 120/206 · arXiv IDs 0/74 · 3 failed · 12s`, kept on screen by rich."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.live import Live

        self.totals: dict[str, int] = {}
        self.done: dict[str, int] = {}
        self.failed = 0
        self._started = time.monotonic()
        self._wait: tuple[str, float] | None = None
        """What the run waits on, and until when (monotonic seconds)."""
        self._lock = threading.Lock()  # the arXiv worker thread says when it waits
        console = Console(file=stream, highlight=False, emoji=False, markup=False)
        # what else the run prints on the terminal meanwhile goes above the line (stdout only
        # when it is the terminal too: piped, it stays in the pipe)
        ours = stream is sys.stderr
        self._live: Live = Live(
            self,
            console=console,
            transient=True,
            refresh_per_second=10,
            redirect_stdout=ours and sys.stdout.isatty(),
            redirect_stderr=ours,
        )
        self._live.start()

    def add(self, label: str, total: int) -> None:
        with self._lock:
            self.totals[label] = self.totals.get(label, 0) + total
            self.done.setdefault(label, 0)

    def advance(self, label: str, failed: bool = False) -> None:
        with self._lock:
            self.done[label] = self.done.get(label, 0) + 1
            self.failed += failed
            self._wait = None

    def waiting(self, what: str, seconds: float) -> None:
        with self._lock:
            self._wait = (what, time.monotonic() + seconds)

    def close(self) -> None:
        self._live.stop()

    def line(self, now: float | None = None) -> str:
        """The line as drawn, before it is cut to the terminal's width: work under way first,
        then failures, the wait and the clock, and last (cut first) the kinds already done."""
        now = time.monotonic() if now is None else now
        with self._lock:
            counts = [
                (self.done[label] >= total, f"{label} {self.done[label]}/{total}")
                for label, total in self.totals.items()
                if total > 0
            ]
            parts = [text for finished, text in counts if not finished]
            if self.failed:
                parts.append(f"{self.failed} failed")
            if self._wait is not None and (left := self._wait[1] - now) > 0:
                parts.append(f"{self._wait[0]}: next request in {math.ceil(left)} s")
        parts.append(f"{now - self._started:.0f}s")
        parts += [text for finished, text in counts if finished]
        return " · ".join(parts)

    def __rich__(self) -> Text:
        """What Live draws on each refresh: the line, never wrapped, cut with an ellipsis."""
        from rich.text import Text

        return Text(self.line(), no_wrap=True, overflow="ellipsis", end="")


def progress_for(quiet: bool, enabled: bool, stream: TextIO | None = None) -> Progress:
    """A progress line when the stream is a terminal and nobody asked for silence; else none."""
    stream = stream or sys.stderr
    in_ci = bool(os.environ.get("CI"))
    if quiet or not enabled or in_ci or not stream.isatty():
        return NoProgress()
    return ProgressLine(stream)
