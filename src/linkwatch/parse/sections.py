"""
Which section of the survey a line is in: the heading path above it, as the reports group it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from linkwatch.model import Finding, Heading


class Sections:
    """Per file, the heading path in force from each heading's line on, for lookups by line."""

    def __init__(self, headings: Iterable[Heading]) -> None:
        self._starts: dict[str, list[int]] = {}
        self._paths: dict[str, list[str]] = {}
        stacks: dict[str, list[Heading]] = {}
        for heading in sorted(headings, key=lambda h: (h.file, h.line)):
            stack = stacks.setdefault(heading.file, [])
            # The same rule as the parser's entry sections: a heading closes every open heading
            # of its level or deeper.
            while stack and stack[-1].level >= heading.level:
                stack.pop()
            stack.append(heading)
            self._starts.setdefault(heading.file, []).append(heading.line)
            self._paths.setdefault(heading.file, []).append(" > ".join(h.text for h in stack))

    def at(self, file: str, line: int) -> str:
        """The section path of `line` in `file`; '' above the first heading."""
        starts = self._starts.get(file, [])
        index = bisect_right(starts, line) - 1
        return self._paths[file][index] if index >= 0 else ""


def with_sections(findings: Sequence[Finding], headings: Iterable[Heading]) -> list[Finding]:
    """The findings, each with the section its line is in."""
    sections = Sections(headings)
    return [replace(f, section=sections.at(f.file, f.line)) for f in findings]
