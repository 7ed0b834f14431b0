"""
Findings the maintainer silenced on purpose, ruff-style: kinds ignored everywhere (`ignore =
[...]`, `--ignore`, a severity of 'off'), inline comments in the survey, and links `--exclude`
names (every finding about such a link, offline ones included; an entry's title, venue and year
findings stay, as they are about the entry).

    <!-- linkwatch-disable-next-line title-case -->     the next line, those kinds (or all)
    <!-- linkwatch-disable venue-format -->  ...  <!-- linkwatch-enable -->     a block
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from linkwatch.model import Finding, SourceFile
from linkwatch.model.kinds import ENTRY_KINDS, KINDS
from linkwatch.settings import Settings

_DIRECTIVE = re.compile(
    r"<!--\s*linkwatch-(?P<verb>disable-next-line|disable|enable)(?P<kinds>[\s\w,-]*?)\s*-->",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Quiet:
    """Lines `first`..`last` (inclusive) of one file, for `kinds` (None: every kind)."""

    first: int
    last: int
    kinds: frozenset[str] | None

    def covers(self, line: int, kind: str) -> bool:
        return self.first <= line <= self.last and (self.kinds is None or kind in self.kinds)


@dataclass(frozen=True, slots=True)
class Silencing:
    kept: list[Finding]
    silenced: int
    notes: tuple[str, ...]
    """Directives naming kinds that do not exist (a typo would silence nothing)."""


def silence(
    findings: Iterable[Finding], sources: Sequence[SourceFile], settings: Settings
) -> Silencing:
    """The findings left once every silencing rule has been applied, and how many went."""
    notes: list[str] = []
    quiet = {source.path: _directives(source, notes) for source in sources}
    excluded = [re.compile(pattern) for pattern in settings.exclude]
    kept, silenced = [], 0
    for finding in findings:
        url = finding.problem.url or ""
        if (
            finding.kind in settings.ignore
            or (
                url
                and finding.kind not in ENTRY_KINDS
                and any(pattern.search(url) for pattern in excluded)
            )
            or any(q.covers(finding.line, finding.kind) for q in quiet.get(finding.file, ()))
        ):
            silenced += 1
        else:
            kept.append(finding)
    return Silencing(kept, silenced, tuple(notes))


def _directives(source: SourceFile, notes: list[str]) -> list[_Quiet]:
    if "linkwatch-" not in source.text:
        return []  # nearly every survey: no need to look line by line
    found: list[_Quiet] = []
    open_at: tuple[int, frozenset[str] | None] | None = None
    for number, line in enumerate(source.lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            verb = match["verb"].lower()
            kinds = _kinds(match["kinds"], source.path, number, notes)
            if verb == "disable-next-line":
                found.append(_Quiet(number + 1, number + 1, kinds))
            elif verb == "disable" and open_at is None:
                open_at = (number, kinds)
            elif verb == "enable" and open_at is not None:
                found.append(_Quiet(open_at[0], number, open_at[1]))
                open_at = None
    if open_at is not None:  # disabled to the end of the file
        found.append(_Quiet(open_at[0], len(source.lines), open_at[1]))
    return found


def _kinds(text: str, path: str, line: int, notes: list[str]) -> frozenset[str] | None:
    """The kinds a directive names (None when it names none: every kind); a name that is no
    kind is said in the notes and silences nothing."""
    names = {name for name in re.split(r"[\s,]+", text.strip()) if name}
    for unknown in sorted(names - set(KINDS)):
        notes.append(f"{path}:{line}: linkwatch-disable names no finding kind '{unknown}'")
    return frozenset(names & set(KINDS)) if names else None
