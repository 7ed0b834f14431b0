"""
The progress line shows on a terminal only, drawn by rich: the work that exists, failures, the
time elapsed and what the run waits on, on one line cut to the terminal's width.
"""

from __future__ import annotations

import io
import re

import pytest

from linkwatch.progress import NoProgress, ProgressLine, progress_for

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def drawn_lines(stream: Terminal) -> list[str]:
    """What reached the screen, control sequences dropped, one entry per drawn line."""
    text = _CONTROL.sub("\n", stream.getvalue()).replace("\r", "\n")
    return [line for line in text.split("\n") if line.strip()]


def test_the_line_counts_done_total_and_failures() -> None:
    stream = Terminal()
    bar = ProgressLine(stream)
    bar.add("links", 3)
    bar.advance("links")
    bar.advance("links", failed=True)
    bar.advance("links")
    assert bar.line(bar._started + 0.2) == "1 failed · 0s · links 3/3"
    bar.close()
    assert "1 failed · 0s · links 3/3" in drawn_lines(stream)
    # transient: the line is erased at the end (rich moves up and clears it)
    assert stream.getvalue().rstrip("\n").endswith("\x1b[2K")


def test_a_line_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    shown = progress_for(False, True, Terminal())
    assert isinstance(shown, ProgressLine)
    shown.close()
    assert isinstance(progress_for(False, True, io.StringIO()), NoProgress)
    assert isinstance(progress_for(True, True, Terminal()), NoProgress)
    assert isinstance(progress_for(False, False, Terminal()), NoProgress)
    monkeypatch.setenv("CI", "true")
    assert isinstance(progress_for(False, True, Terminal()), NoProgress)


def test_only_the_work_that_exists_and_what_the_run_waits_on() -> None:
    bar = ProgressLine(Terminal())
    bar.add("links", 2)
    bar.add("GitHub", 0)  # no GitHub link: not shown
    bar.add("arXiv IDs", 74)
    bar.waiting("arXiv", 3.0)
    assert bar._wait is not None
    at = bar._wait[1] - 2.6
    assert bar.line(at) == (
        f"links 0/2 · arXiv IDs 0/74 · arXiv: next request in 3 s · {at - bar._started:.0f}s"
    )
    bar.advance("arXiv IDs")  # the request went: no longer waiting
    assert bar.line(bar._started + 12.4) == "links 0/2 · arXiv IDs 1/74 · 12s"
    bar.advance("links")
    bar.advance("links")  # done: moved to the end, where a narrow terminal cuts first
    assert bar.line(bar._started + 13.0) == "arXiv IDs 1/74 · 13s · links 2/2"
    bar.close()


def test_what_matters_survives_a_narrow_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns, with three kinds done, the wait and the clock are still on screen."""
    monkeypatch.setenv("COLUMNS", "80")
    stream = Terminal()
    bar = ProgressLine(stream)
    for label, total in (("arXiv IDs", 73), ("Semantic Scholar papers", 73), ("GitHub", 44)):
        bar.add(label, total)
    for label, total in (("Semantic Scholar papers", 73), ("GitHub", 44)):
        for _ in range(total):
            bar.advance(label)
    bar.waiting("arXiv", 3.0)
    bar._live.refresh()
    bar.close()
    (line,) = {line for line in drawn_lines(stream) if line.startswith("arXiv IDs")}
    assert line.startswith("arXiv IDs 0/73 · arXiv: next request in ")
    assert re.search(r" · \d+s · Semantic Scholar", line)
    assert len(line) <= 80 and line.endswith("…")


def test_the_line_never_wraps(monkeypatch: pytest.MonkeyPatch) -> None:
    """On an 80-column terminal every drawn line fits in 80 columns, cut with an ellipsis."""
    monkeypatch.setenv("COLUMNS", "80")
    stream = Terminal()
    bar = ProgressLine(stream)
    for n in range(12):
        bar.add(f"kind of work {n}", 1000)
    bar._live.refresh()
    lines = drawn_lines(stream)
    bar.close()
    assert any(line.startswith("kind of work 0 0/1000 · ") for line in lines)
    assert max(len(line) for line in lines) <= 80
    assert any(line.endswith("…") for line in lines)
