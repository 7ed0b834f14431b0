"""
Probing starts while the survey is still being parsed (pipeline → stage.parse_and_resolve):
the web prober is handed each table's link URLs a few rows at a time. It must still ask every
URL exactly once and exactly as a run that waited for the whole survey would: a paper page read
for its citation tags (GET) is never first probed with a HEAD.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from linkwatch import pipeline
from linkwatch.progress import NoProgress
from linkwatch.settings import Settings
from tests.conftest import Web

TABLES, ROWS = 40, 50


class RecordedProgress(NoProgress):
    """What the run announced, and when: `add` is called as links are found."""

    def __init__(self) -> None:
        self.added: list[tuple[float, str, int]] = []

    def add(self, label: str, total: int) -> None:
        self.added.append((time.monotonic(), label, total))


def survey(base: str) -> str:
    lines = ["# Papers", ""]
    for table in range(TABLES):
        lines += ["", f"## Part {table}", "", "| Paper | Published in | Code |", "|---|---|---|"]
        for row in range(ROWS):
            n = table * ROWS + row
            paper = (
                "https://openreview.net/forum?id=streamed"  # a paper page: read with GET
                if n == TABLES * ROWS // 2
                else f"{base}/status/200?paper={n}"
            )
            lines.append(f"| [Paper {n}]({paper}) | ICLR 2024 | {base}/status/200?code={n} |")
    return "\n".join(lines) + "\n"


def run(tmp_path: Path, base: str, progress: RecordedProgress):  # type: ignore[no-untyped-def]
    path = tmp_path / "survey.md"
    path.write_text(survey(base), encoding="utf-8")
    settings = Settings(
        files=(path,),
        cache_path=None,
        remap=((r"^https://openreview\.net/forum\?id=streamed$", f"{base}/head/200"),),
    )
    return pipeline.run(settings, progress)


def test_links_are_probed_while_the_survey_is_parsed_each_once(tmp_path: Path, web: Web) -> None:
    server, state = web
    progress = RecordedProgress()
    switching = sys.getswitchinterval()
    report = run(tmp_path, server.url, progress)
    assert sys.getswitchinterval() == switching  # shortened only while the parser ran

    wanted = 2 * TABLES * ROWS  # a paper and a code link per row, every URL different
    asked = Counter(path for _, path in state.arrivals)
    assert len(asked) == wanted
    assert set(asked.values()) == {1}
    assert state.count("HEAD", "/status/200") == wanted - 1
    assert sum(total for _, label, total in progress.added if label == "links") == wanted
    assert {row.outcome.status.value for row in report.links} == {"ok"}

    first_request = min(when for when, _ in state.arrivals)
    links_found = [when for when, label, _ in progress.added if label == "links"]
    assert len(links_found) > TABLES  # handed over a few rows at a time, not all at the end
    assert first_request < links_found[-1], "nothing was asked before the last link was found"


def test_a_paper_page_waits_for_the_whole_survey_and_is_read_once(tmp_path: Path, web: Web) -> None:
    server, state = web
    run(tmp_path, server.url, RecordedProgress())
    assert (state.count("GET", "/head/200"), state.count("HEAD", "/head/200")) == (1, 0)
