"""
Byte-exact edits of a survey: fixes placed at their line and column, applied, or recognised as
already applied, with every other byte (line endings, BOM, spaces, tabs) left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from linkwatch.errors import BadInput
from linkwatch.model import Fix

_BOM = "\ufeff"
# The same line breaks as files.read_source and markdown-it, so line N means the same line.
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_RERUN = "run 'linkwatch check' again, then 'linkwatch fix'"


@dataclass(frozen=True, slots=True)
class Text:
    """A decoded survey that re-encodes to exactly the bytes it came from."""

    bom: bool
    pieces: tuple[str, ...]
    """Line, break, line, break, ..., line: the text split at its line breaks, breaks kept."""

    @classmethod
    def decode(cls, data: bytes, name: str) -> Text:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(f"{name}: not UTF-8 text (invalid byte at offset {exc.start})") from None
        bom = text.startswith(_BOM)
        return cls(bom, tuple(_LINE_BREAK.split(text[1:] if bom else text)))

    def encode(self) -> bytes:
        return ((_BOM if self.bom else "") + "".join(self.pieces)).encode("utf-8")

    @property
    def line_count(self) -> int:
        return (len(self.pieces) + 1) // 2

    def line(self, number: int) -> str | None:
        """Line `number` (1-based) without its break; None past the end."""
        return self.pieces[2 * (number - 1)] if 1 <= number <= self.line_count else None

    def with_lines(self, lines: dict[int, str]) -> Text:
        pieces = list(self.pieces)
        for number, content in lines.items():
            pieces[2 * (number - 1)] = content
        return Text(self.bom, tuple(pieces))


@dataclass(frozen=True, slots=True)
class Edit:
    """A fix placed exactly: `old` starts at `start` on `line`, and `kind` is why it is made."""

    kind: str
    line: int
    start: int
    old: str
    new: str

    @property
    def end(self) -> int:
        return self.start + len(self.old)


def place(text: Text, kind: str, fix: Fix, name: str) -> Edit:
    """The edit `fix` makes on `text`, or BadInput when its `old` text is not where it says."""
    where = f"{name}:{fix.line}"
    if "\n" in fix.new or "\r" in fix.new:
        raise BadInput(f"{where}: the {kind} fix would insert a line break; refusing to apply it")
    line = text.line(fix.line)
    if line is None:
        raise BadInput(f"{where}: the file has only {text.line_count} lines; {_RERUN}")
    start = line.find(fix.old) if fix.column is None else fix.column
    if start < 0 or line[start : start + len(fix.old)] != fix.old:
        at = "on the line" if fix.column is None else f"at column {fix.column}"
        raise BadInput(
            f"{where}: the {kind} fix expects {fix.old!r} {at}, but it is not there; {_RERUN}"
        )
    return Edit(kind, fix.line, start, fix.old, fix.new)


def checked(edits: Iterable[Edit], name: str) -> list[Edit]:
    """The edits sorted by place, the same edit asked twice kept once; BadInput when two
    different edits touch the same text."""
    result: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.line, e.start, e.end, e.kind, e.new)):
        last = result[-1] if result else None
        if last is None or last.line != edit.line or last.end <= edit.start:
            result.append(edit)
        elif (last.start, last.old, last.new) != (edit.start, edit.old, edit.new):
            raise BadInput(
                f"{name}:{edit.line}: the {last.kind} fix (column {last.start}) and the "
                f"{edit.kind} fix (column {edit.start}) overlap; apply one with --only KIND, "
                "then check again"
            )
        # else: two findings ask for the very same edit; it is made once
    return result


def apply(text: Text, edits: Sequence[Edit]) -> Text:
    """`text` with `edits` (checked, so none overlap) made; nothing else changes."""
    lines: dict[int, str] = {}
    for edit in sorted(edits, key=lambda e: (e.line, -e.start)):
        line = lines.get(edit.line, text.line(edit.line) or "")
        lines[edit.line] = line[: edit.start] + edit.new + line[edit.end :]
    return text.with_lines(lines)


def unapplied(text: Text, fixes: Sequence[tuple[str, Fix]]) -> tuple[Text, list[tuple[str, Fix]]]:
    """Guess which `fixes` were already made in `text`: the text they were made on, and the
    fixes that were made. Only a guess: the caller must compare the text's digest."""
    lines: dict[int, str] = {}
    done = []
    by_line: dict[int, list[tuple[str, Fix]]] = {}
    for kind, fix in fixes:
        by_line.setdefault(fix.line, []).append((kind, fix))
    for number, group in sorted(by_line.items()):
        line = text.line(number)
        if line is None:
            continue
        original, made = _revert_line(line, group)
        if made:
            lines[number] = original
            done += made
    return text.with_lines(lines), done


def _revert_line(line: str, group: list[tuple[str, Fix]]) -> tuple[str, list[tuple[str, Fix]]]:
    """Walk the fixes of one line in column order; a fix whose `new` text sits where its `old`
    text was (shifted by the fixes made before it) is taken as made, and undone. When one text
    starts with the other ('…v1' → '…'), the longer one that is there decides."""
    made = []
    for kind, fix in group:  # no column: made when `old` is gone and `new` is there
        if fix.column is None and fix.old not in line and fix.new in line:
            line = line.replace(fix.new, fix.old, 1)
            made.append((kind, fix))
    shift = 0
    reverts: list[tuple[int, int, str]] = []
    for kind, fix in sorted(group, key=lambda item: item[1].column or 0):
        if fix.column is None:
            continue
        at = fix.column + shift
        if _is_there(line, at, fix.new) and not (
            len(fix.old) >= len(fix.new) and _is_there(line, at, fix.old)
        ):
            reverts.append((at, at + len(fix.new), fix.old))
            shift += len(fix.new) - len(fix.old)
            made.append((kind, fix))
    for start, end, old in reversed(reverts):
        line = line[:start] + old + line[end:]
    return line, made


def _is_there(line: str, at: int, text: str) -> bool:
    return line[at : at + len(text)] == text
