"""
Ctrl-C while the arXiv API hangs: the run ends at once (the arxiv package's blocking request in
its worker thread is not waited for), says so in one line, exits 130, and leaves the cache usable.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import MACHINE_ENVIRON, PROJECT
from tests.servers.black_hole import BlackHole


def test_ctrl_c_ends_a_run_stuck_on_the_arxiv_api(tmp_path: Path) -> None:
    hole = BlackHole()
    (tmp_path / "survey.md").write_text(
        "| Paper | Venue |\n|---|---|\n"
        "| [TinyStories](https://arxiv.org/abs/2305.07759) | arXiv |\n"
    )
    env = {
        **{k: v for k, v in MACHINE_ENVIRON.items() if "PROXY" not in k.upper()},
        "LINKWATCH_ARXIV_API_URL": f"http://127.0.0.1:{hole.port}/api/query",
        "LINKWATCH_S2_API_URL": "http://127.0.0.1:1/graph/v1",
        "PYTHONPATH": str(PROJECT / "src"),
    }
    command = [
        *(sys.executable, "-m", "linkwatch", "check", "survey.md", "--timeout", "30"),
        *("--exclude", "^(?!https://arxiv)", "--cache", "cache.sqlite", "--no-progress"),
    ]
    try:
        process = subprocess.Popen(
            command,
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 20
        while hole.connections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # until the arXiv request is in flight (and hangs)
        assert hole.connections >= 1
        process.send_signal(signal.SIGINT)
        try:
            _, err = process.communicate(timeout=5)  # the request itself would take 30 s
        except subprocess.TimeoutExpired:
            process.kill()
            raise AssertionError("Ctrl-C waited for the arXiv request") from None
    finally:
        hole.close()
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "linkwatch: interrupted"
    assert "Traceback" not in err
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
