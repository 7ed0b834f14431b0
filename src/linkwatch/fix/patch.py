"""
A unified diff of two versions of a file that `git apply` and `patch` take back byte for byte:
line endings are kept in the diff lines, and a last line without one is marked as such.
"""

from __future__ import annotations

import difflib
import re

import click

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NO_NEWLINE = "\\ No newline at end of file\n"
_STYLES = {"+++": {"bold": True}, "---": {"bold": True}, "@@": {"fg": "cyan"}}
_MARK_STYLES = {"+": {"fg": "green"}, "-": {"fg": "red"}}


def unified_diff(name: str, before: bytes, after: bytes, color: bool = False) -> str:
    """The diff from `before` to `after` (both UTF-8) with three lines of context; '' when they
    are the same. Colour only for a terminal: the plain diff is what a patch tool reads."""
    if before == after:
        return ""
    label = name.lstrip("/")
    lines = difflib.unified_diff(
        _split(before.decode("utf-8")),
        _split(after.decode("utf-8")),
        f"a/{label}",
        f"b/{label}",
    )
    text = "".join(_ended(line) for line in lines)
    return _colored(text) if color else text


def _split(text: str) -> list[str]:
    """Lines with their endings kept, as `str.splitlines(keepends=True)` would give them if it
    split at \\r\\n, \\r and \\n only (it also splits at form feeds and other separators)."""
    return _LINES.findall(text)


def _ended(line: str) -> str:
    if line.endswith(("\n", "\r")):
        return line
    return line + "\n" + _NO_NEWLINE


def _colored(text: str) -> str:
    out = []
    for line in _split(text):
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        style = next((s for p, s in _STYLES.items() if body.startswith(p)), None)
        style = style or _MARK_STYLES.get(body[:1])
        out.append((click.style(body, **style) if style else body) + ending)
    return "".join(out)
