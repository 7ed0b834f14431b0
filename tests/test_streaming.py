"""
Probing starts while the survey is still being parsed (pipeline → stage.parse_and_resolve):
the web prober is handed each table's link URLs a few rows at a time. It must still ask every
URL exactly once and exactly as a run that waited for the whole survey would: a paper page read
for its citation tags (GET) is never first probed with a HEAD.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from linkwatch import pipeline
from linkwatch.model import Survey
from linkwatch.parse import parse_survey
from linkwatch.progress import NoProgress
from linkwatch.resolvers.stage import parse_and_resolve
from linkwatch.settings import Settings
from linkwatch.sources.files import read_source
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
    handovers = [total for _, label, total in progress.added if label == "links"]
    assert len(handovers) > TABLES  # handed over a few rows at a time, not all at the end


def test_the_first_links_are_asked_before_the_parse_ends(tmp_path: Path, web: Web) -> None:
    """The parser is held after its first handover until the server has seen a request (or 10 s
    have passed), so the test does not depend on how busy the machine is: a prober that waited
    for the whole survey would leave the server unasked until the hold timed out."""
    server, state = web
    path = tmp_path / "survey.md"
    path.write_text(survey(server.url), encoding="utf-8")
    asked_while_parsing: list[bool] = []

    def read(on_urls: Callable[[Sequence[str]], None]) -> Survey:
        def handed(urls: Sequence[str]) -> None:
            on_urls(urls)
            if urls and not asked_while_parsing:
                deadline = time.monotonic() + 10
                while not state.arrivals and time.monotonic() < deadline:
                    time.sleep(0.005)
                asked_while_parsing.append(bool(state.arrivals))

        return parse_survey([read_source(path)], handed)

    parsed, resolution = asyncio.run(
        parse_and_resolve(read, Settings(files=(path,), cache_path=None), NoProgress())
    )
    assert asked_while_parsing == [True]
    assert len(parsed.entries) == TABLES * ROWS
    assert resolution.wanted == 2 * TABLES * ROWS


def test_a_paper_page_waits_for_the_whole_survey_and_is_read_once(tmp_path: Path, web: Web) -> None:
    server, state = web
    run(tmp_path, server.url, RecordedProgress())
    assert (state.count("GET", "/head/200"), state.count("HEAD", "/head/200")) == (1, 0)
