"""
Reading survey files safely and writing outputs atomically.

Surveys are read as bytes and decoded strictly, so a binary or mis-encoded file is refused with
one clear line instead of being half-parsed; outputs are written to a temporary file beside the
target and renamed over it, so a crash or Ctrl-C never leaves a truncated report or survey.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from linkwatch.errors import BadInput
from linkwatch.model import SourceFile

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-32's little-endian BOM starts the same way


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceFile:
    """A survey file, or BadInput saying plainly why it cannot be one."""
    data = read_bytes(path, max_bytes)
    if data.startswith(_UTF16_BOMS):  # its NUL bytes would make it look binary
        raise BadInput(f"{path}: UTF-16 text, not UTF-8; save the survey as UTF-8")
    if b"\x00" in data[:8192]:
        raise BadInput(f"{path}: this looks like a binary file, not a Markdown survey")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{path}: not UTF-8 text (invalid byte at offset {exc.start}); save the survey as UTF-8"
        ) from None
    lines = tuple(_LINE_BREAK.split(text))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return SourceFile(str(path), text, hashlib.sha256(data).hexdigest(), lines)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or BadInput: missing, a directory, too big, unreadable."""
    try:
        if path.is_dir():
            raise BadInput(f"{path}: is a directory; give the survey's Markdown file")
        if path.exists() and not path.is_file():  # a device, a FIFO: /dev/zero never ends
            raise BadInput(f"{path}: not a regular file; give the survey's Markdown file")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # never more than the limit, whatever stat says
        if len(data) > max_bytes:
            size = max(path.stat().st_size, len(data))
            raise BadInput(
                f"{path}: {_size(size)} is over the {_size(max_bytes)} limit for a survey; "
                "raise max-file-mb in the config if this file really is one"
            )
        return data
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except RuntimeError:  # a symlink loop, as pathlib says it before Python 3.13
        raise BadInput(f"{path}: a symbolic link loop") from None
    except PermissionError:
        raise BadInput(f"{path}: permission denied") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """Replace `path` with `data` all at once, keeping its permission bits when it exists.
    `data` may come in pieces (a 25 MB JSON report is written as it is encoded, never held
    whole)."""
    commit(stage(path, data), path)


def stage(path: Path, data: str | bytes | Iterable[str | bytes]) -> Path:
    """`data` written and synced to a temporary file beside `path`, which `commit` renames
    into place: several files can be staged first and renamed together, as one set."""
    pieces: Iterable[bytes] = (
        (data.encode(),)
        if isinstance(data, str)
        else (data,)
        if isinstance(data, bytes)
        else _chunked(data)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb", buffering=1 << 16) as out:
            for piece in pieces:
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
    except BaseException:
        discard(Path(temporary))
        raise
    return Path(temporary)


def commit(staged: Path, path: Path) -> None:
    """Rename a staged file into place (atomic on one file system)."""
    try:
        staged.replace(path)
    except BaseException:
        discard(staged)
        raise


def discard(staged: Path) -> None:
    with contextlib.suppress(OSError):
        staged.unlink()


def _chunked(pieces: Iterable[str | bytes], size: int = 1 << 16) -> Iterator[bytes]:
    """Small pieces (an encoder yields millions of them) joined into chunks of about `size`
    characters, each encoded and written once; bytes (an encoded report) pass as they are."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        if isinstance(piece, bytes):
            if batch:
                yield "".join(batch).encode()
                batch, length = [], 0
            yield piece
            continue
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch).encode()
            batch, length = [], 0
    if batch:
        yield "".join(batch).encode()


def _default_mode() -> int:
    """What a plain open() would create: 0o666 less the umask (mkstemp would give 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _size(count: int) -> str:
    """A size as a person reads it: '16 MB', '1.5 MB', '200 KB', '3 bytes'."""
    if count >= 2**20:
        return f"{count / 2**20:.3g} MB"
    if count >= 1024:
        return f"{count / 1024:.3g} KB"
    return f"{count} byte{'s' if count != 1 else ''}"
