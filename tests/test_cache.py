"""
The SQLite cache: answers survive between runs, two runs can share it, and a run killed in the
middle of writing leaves it whole.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from linkwatch.transport.cache import Cache

WRITER = """
import sys
from pathlib import Path
from linkwatch.transport.cache import Cache
cache = Cache(Path(sys.argv[1]))
for n in range(int(sys.argv[3])):
    cache.put("web", f"{sys.argv[2]}-{n}", {"status": "ok", "n": n})
print("done", flush=True)
"""


def test_answers_survive_between_runs(tmp_path: Path) -> None:
    first = Cache(tmp_path / "c.sqlite")
    first.put("web", "https://a.org", {"status": "ok"}, etag='"abc"')
    first.close()
    second = Cache(tmp_path / "c.sqlite")
    cached = second.get("web", "https://a.org")
    assert cached is not None
    assert (cached.value, cached.etag) == ({"status": "ok"}, '"abc"')
    assert second.get("arxiv", "https://a.org") is None


def test_freshness_follows_max_age(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    cache.put("web", "old", {"v": 1})
    time.sleep(0.05)
    cache.put("web", "new", {"v": 2})
    assert set(cache.fresh("web", ["old", "new", "absent"], max_age=0.04)) == {"new"}
    assert set(cache.fresh("web", ["old", "new"], max_age=60)) == {"old", "new"}


def test_no_cache_keeps_nothing(tmp_path: Path) -> None:
    cache = Cache(None)
    cache.put("web", "x", {"v": 1})
    assert cache.get("web", "x") is None
    assert list(tmp_path.iterdir()) == []


def test_two_runs_can_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "300"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [writer.communicate(timeout=60) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    keys = [f"{name}-{n}" for name in ("a", "b") for n in range(300)]
    assert len(Cache(path).get_many("web", keys)) == 600
    assert sorted(p.name for p in tmp_path.iterdir() if "damaged" in p.name) == []


def test_a_run_killed_mid_write_leaves_the_cache_usable(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), "k", "1000000"], stdout=subprocess.DEVNULL
    )
    time.sleep(1.0)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    written = db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    db.close()
    assert written > 0
    cache = Cache(path)
    cache.put("web", "after", {"v": 1})
    assert cache.get("web", "k-0") is not None
    assert cache.get("web", "after") is not None


def test_a_damaged_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = Cache(path)
    cache.put("web", "x", {"v": 1})
    assert cache.get("web", "x") is not None
    assert cache.note is not None and "damaged" in cache.note
    assert (tmp_path / "c.sqlite.damaged").exists()
