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
    assert stream.getvalue().rsplit("\r", 1)[-1].strip() == "links 3/3 · 1 failed"
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
