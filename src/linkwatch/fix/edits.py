"""
Byte-exact edits of a survey: fixes placed at their line and column, applied, or recognised as
already applied, with every other byte (line endings, BOM, spaces, tabs) left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from linkwatch.errors import BadInput
from linkwatch.fix.compose import Piece, apart, applied, clash, pieces, span
from linkwatch.model import Fix

_BOM = "\ufeff"
# The same line breaks as files.read_source and markdown-it, so line N means the same line.
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
_RERUN = "run 'linkwatch check' again, then 'linkwatch fix'"


# Which fixes make which moot when they rewrite the text around them. The checks each offer
# their own fix; this is the one place that decides which of them apply together. Rewriting
# a venue mention as the paper's publication ('Arxiv 2023' → 'ICLR 2023') replaces the
# premise of the smaller fixes inside it: the listed venue's spelling and its year.
SUPERSEDES: dict[str, frozenset[str]] = {
    "venue-outdated": frozenset({"venue-format", "year-mismatch"}),
    "venue-mismatch": frozenset({"venue-format", "year-mismatch"}),
}


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

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def pieces(self) -> list[Piece]:
        """The smallest replacements this edit makes (linkwatch.fix.compose)."""
        return pieces(self.start, self.old, self.new)


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
    """The edits sorted by place, overlapping ones that agree (linkwatch.compose: they change
    different parts of a text, or the same part the same way, as when two findings ask for
    the same edit) made as one edit of the text they span together; BadInput when two change
    the same part two ways."""
    return [_composed(group, name) for group in _overlapping(sorted(set(edits), key=order))]


def superseded(edits: Iterable[Edit]) -> set[Edit]:
    """The edits another edit around them makes moot (SUPERSEDES): they are not made."""
    every = set(edits)
    return every - set(settled(every))


def order(edit: Edit) -> tuple[int, int, int, str, str]:
    """Where an edit is, then what it is: the order edits are composed and listed in."""
    return edit.line, edit.start, edit.end, edit.kind, edit.new


def _overlapping(edits: Iterable[Edit]) -> Iterator[list[Edit]]:
    """Edits sorted by place, in runs that overlap (or meet at an insertion), run by run."""
    group: list[Edit] = []
    end = 0
    for edit in edits:
        if group and (edit.line != group[0].line or apart((group[0].start, end), edit.span)):
            yield group
            group = []
        end = max(end, edit.end) if group else edit.end
        group.append(edit)
    if group:
        yield group


def _composed(group: list[Edit], name: str) -> Edit:
    """One edit making all of `group` (overlapping edits, sorted, the superseded ones left
    out), or BadInput naming two that change the same part of the text two ways."""
    group = settled(group)
    if len(group) == 1:
        return group[0]
    owner = {piece: edit for edit in reversed(group) for piece in edit.pieces()}
    found = clash(owner)
    if found is not None:
        one, other = sorted({owner[piece] for piece in found}, key=order)
        raise BadInput(
            f"{name}:{one.line}: the {one.kind} fix (column {one.start}) and the "
            f"{other.kind} fix (column {other.start}) overlap; apply one with --only KIND, "
            "then check again"
        )
    first = group[0]
    text = _spanned(group)
    kinds = "+".join(dict.fromkeys(edit.kind for edit in group))
    return Edit(kinds, first.line, first.start, text, applied(text, first.start, owner))


def settled(group: Iterable[Edit]) -> list[Edit]:
    """`group` without the edits that an edit around them supersedes (SUPERSEDES)."""
    group = list(group)
    return [edit for edit in group if not any(_supersedes(other, edit) for other in group)]


def _supersedes(outer: Edit, inner: Edit) -> bool:
    moot = {kind for own in outer.kind.split("+") for kind in SUPERSEDES.get(own, ())}
    return (
        outer is not inner
        and outer.line == inner.line
        and outer.start <= inner.start
        and inner.end <= outer.end
        and bool(moot & set(inner.kind.split("+")))
    )


def _spanned(group: Sequence[Edit]) -> str:
    """The text that overlapping edits, sorted by start, cover together."""
    first, text = group[0].start, group[0].old
    for edit in group[1:]:
        text += edit.old[first + len(text) - edit.start :]
    return text


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
    """The line before `group`'s fixes were made, and the fixes that were: a fix is made when
    all its pieces (linkwatch.fix.compose) are, so composed fixes are told apart too."""
    line, made = _revert_loose(line, [(kind, fix) for kind, fix in group if fix.column is None])
    placed = [(kind, fix) for kind, fix in group if fix.column is not None]
    there = _made_pieces(line, {piece for _, fix in placed for piece in _pieces(fix)})
    done = [(kind, fix) for kind, fix in placed if there.issuperset(_pieces(fix))]
    return _undone(line, {piece for _, fix in done for piece in _pieces(fix)}), made + done


def _pieces(fix: Fix) -> list[Piece]:
    return pieces(fix.column or 0, fix.old, fix.new)


def _made_pieces(line: str, wanted: set[Piece]) -> set[Piece]:
    """Which of `wanted` (placed on the line as it was before) `line` has made: walked left to
    right, each shifted by the ones made before it, a piece is made when its `new` text sits
    where its `old` text was. Of two pieces that overlap (fixes that conflict, one made with
    --only) at most one was made: the one with more of its `new` text there."""
    made: list[Piece] = []
    shift = 0
    for piece in sorted(wanted):
        start, _, new = piece
        if made and start < span(made[-1])[1]:
            last = made[-1]
            before = shift - _growth(last)
            if len(new) > len(last[2]) and _is_made(line, start + before, piece):
                made[-1], shift = piece, before + _growth(piece)
        elif _is_made(line, start + shift, piece):
            made.append(piece)
            shift += _growth(piece)
    return set(made)


def _is_made(line: str, at: int, piece: Piece) -> bool:
    """`new` is at `at`; when one text starts with the other ('v2' → ''), the longer one that
    is there decides."""
    _, old, new = piece
    return _is_there(line, at, new) and not (len(old) >= len(new) and _is_there(line, at, old))


def _growth(piece: Piece) -> int:
    return len(piece[2]) - len(piece[1])


def _undone(line: str, made: set[Piece]) -> str:
    """`line` with the `made` pieces (placed on the line as it was before) undone."""
    result, at, shift = [], 0, 0
    for piece in sorted(made):
        start, old, new = piece
        result += [line[at : start + shift], old]
        at = start + shift + len(new)
        shift += _growth(piece)
    return "".join(result) + line[at:]


def _revert_loose(line: str, fixes: list[tuple[str, Fix]]) -> tuple[str, list[tuple[str, Fix]]]:
    """Fixes without a column (reports from elsewhere) were made at the first occurrence of
    their `old` text: made when that text is gone and a result is there, all the fixes of
    one `old` text together or one of them alone; that result is undone."""
    made: list[tuple[str, Fix]] = []
    by_old: dict[str, list[tuple[str, Fix]]] = {}
    for kind, fix in fixes:
        by_old.setdefault(fix.old, []).append((kind, fix))
    for old, same in by_old.items():
        if old in line:
            continue
        found = [piece for _, fix in same for piece in pieces(0, old, fix.new)]
        together = [] if clash(found) else [(applied(old, 0, found), same)]
        for new, which in [*together, *((fix.new, [(kind, fix)]) for kind, fix in same)]:
            if new in line:
                line = line.replace(new, old, 1)
                made += which
                break
    return line, made


def _is_there(line: str, at: int, text: str) -> bool:
    return line[at : at + len(text)] == text
