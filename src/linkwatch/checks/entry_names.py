"""
Findings about a link named by the paper it belongs to: '[pdf]' or '[code]()' says nothing of
which paper's link is broken, the entry's title does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from linkwatch.model import Entry, Problem
from linkwatch.parse.fields import is_generic


class EntryNames:
    """Names a problem about a link by the paper it belongs to: a finding on '[pdf]' or
    '[code]()' says which paper's link it is, as the entry's title."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for entry in entries:
            if entry.title:
                self._spans[entry.file].append((entry.line, entry.end_line, entry.title))
        for spans in self._spans.values():
            spans.sort()
        self._starts = {file: [span[0] for span in spans] for file, spans in self._spans.items()}

    def __call__(self, problem: Problem) -> Problem:
        if not is_generic(problem.entry_title or ""):
            return problem
        spans = self._spans.get(problem.file, [])
        at = bisect_right(self._starts.get(problem.file, []), problem.line) - 1
        if at < 0:
            return problem
        line, end, title = spans[at]
        if problem.line > max(line, end):
            return problem
        return replace(problem, entry_title=title)
