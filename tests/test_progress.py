"""
The progress bar shows on a terminal only, and says links done of total and failures.
"""

from __future__ import annotations

import io

import pytest

from linkwatch.progress import NoProgress, ProgressBar, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_counts_done_total_and_failures() -> None:
    stream = Terminal()
    bar = ProgressBar(stream)
    bar.add("links", 3)
    bar.advance("links")
    bar.advance("links", failed=True)
    bar._drawn_at = 0.0  # let the last redraw through at once
    bar.advance("links")
    assert stream.getvalue().rsplit("\r", 1)[-1].strip() == "links 3/3 · 1 failed · 0s"
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_a_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert isinstance(progress_for(False, True, Terminal()), ProgressBar)
    assert isinstance(progress_for(False, True, io.StringIO()), NoProgress)
    assert isinstance(progress_for(True, True, Terminal()), NoProgress)
    assert isinstance(progress_for(False, False, Terminal()), NoProgress)
    monkeypatch.setenv("CI", "true")
    assert isinstance(progress_for(False, True, Terminal()), NoProgress)


def test_only_the_work_that_exists_and_what_the_run_waits_on() -> None:
    bar = ProgressBar(Terminal())
    bar.add("links", 2)
    bar.add("GitHub", 0)  # no GitHub link: not shown
    bar.add("arXiv IDs", 74)
    now = bar._started + 12.4
    bar.waiting("arXiv", 3.0)
    wait_until = bar._wait[1] if bar._wait else 0.0
    assert bar.line(
        wait_until - 2.6
    ) == "links 0/2 · arXiv IDs 0/74 · arXiv: next request in 3 s · " + (
        f"{wait_until - 2.6 - bar._started:.0f}s"
    )
    bar.advance("arXiv IDs")  # the request went: no longer waiting
    assert bar.line(now) == "links 0/2 · arXiv IDs 1/74 · 12s"


def test_the_line_never_wraps(monkeypatch: pytest.MonkeyPatch) -> None:
    """On an 80-column terminal the drawn line is at most 79 characters, however much work."""
    monkeypatch.setenv("COLUMNS", "80")
    stream = Terminal()
    bar = ProgressBar(stream)
    for n in range(12):
        bar.add(f"kind of work {n}", 1000)
    drawn = [part for part in stream.getvalue().split("\r") if part]
    assert drawn and max(len(part) for part in drawn) <= 79
