"""
Final answers kept between runs in one SQLite file, so a second run asks only what expired.

WAL journal, a busy timeout and one autocommitted statement per answer: two runs can share the
file, and a run killed at any moment leaves it consistent. Only final answers are stored (never
a timeout or a 429), keyed by what was asked (a URL, an arXiv ID); no request header, and so no
token, is ever written.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SCHEMA_VERSION = 1
_BUSY_TIMEOUT_MS = 15_000


@dataclass(frozen=True, slots=True)
class Cached:
    value: dict[str, Any]
    stored_at: float
    etag: str | None = None

    def age(self, now: float | None = None) -> float:
        return (now if now is not None else time.time()) - self.stored_at


class Cache:
    """A namespaced key → JSON value store; `Cache(None)` keeps nothing (`--no-cache`)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.note: str | None = None
        """Set when the file could not be used as it was (damaged, unwritable)."""
        self._db = self._open(path) if path is not None else None

    def _open(self, path: Path) -> sqlite3.Connection | None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return _connect(path)
        except sqlite3.OperationalError as exc:  # locked for too long, read-only, ...
            self.note = f"cannot use the cache {path} ({exc}); running without it"
            return None
        except sqlite3.DatabaseError:  # not a database at all
            damaged = path.with_suffix(path.suffix + ".damaged")
            with contextlib.suppress(OSError):
                path.replace(damaged)
            self.note = f"the cache {path} was damaged; moved it to {damaged.name} and started anew"
            return _connect(path)
        except OSError as exc:
            self.note = f"cannot use the cache {path} ({exc.strerror}); running without it"
            return None

    def get(self, namespace: str, key: str) -> Cached | None:
        """The stored answer, however old (the caller judges freshness; an expired answer
        still carries the ETag for a conditional request)."""
        return self.get_many(namespace, [key]).get(key)

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Cached]:
        if self._db is None:
            return {}
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Cached] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT key, value, stored_at, etag FROM answers "
                f"WHERE namespace = ? AND key IN ({marks})",
                [namespace, *chunk],
            )
            found.update({k: Cached(json.loads(v), at, tag) for k, v, at, tag in rows})
        return found

    def fresh(self, namespace: str, keys: Iterable[str], max_age: float) -> dict[str, Cached]:
        """The stored answers younger than `max_age` seconds."""
        now = time.time()
        return {k: c for k, c in self.get_many(namespace, keys).items() if c.age(now) < max_age}

    def put(self, namespace: str, key: str, value: dict[str, Any], etag: str | None = None) -> None:
        if self._db is None:
            return
        self._db.execute(
            "INSERT OR REPLACE INTO answers (namespace, key, value, stored_at, etag) "
            "VALUES (?, ?, ?, ?, ?)",
            (namespace, key, json.dumps(value, separators=(",", ":")), time.time(), etag),
        )

    def touch(self, namespace: str, key: str) -> None:
        """Mark a stored answer as confirmed now (a 304 Not Modified)."""
        if self._db is not None:
            self._db.execute(
                "UPDATE answers SET stored_at = ? WHERE namespace = ? AND key = ?",
                (time.time(), namespace, key),
            )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL once per file. The switch needs a moment alone with the file, and SQLite
    answers 'locked' at once rather than waiting when two runs start together: try again."""
    for attempt in range(50):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if attempt == 49:
                raise
            time.sleep(0.05)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    _use_wal(db)
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("BEGIN IMMEDIATE")  # two runs starting together must not both build the table
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA_VERSION:
            db.execute("DROP TABLE IF EXISTS answers")
            db.execute(
                "CREATE TABLE answers (namespace TEXT NOT NULL, key TEXT NOT NULL, "
                "value TEXT NOT NULL, stored_at REAL NOT NULL, etag TEXT, "
                "PRIMARY KEY (namespace, key))"
            )
            db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return db
