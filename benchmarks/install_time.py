"""
The Action's install step, timed from a clean virtual environment each time:

  before  pip install PROJECT, unpinned, no pip cache (what every run did before)
  cold    pip install -c constraints.txt PROJECT, into an empty PIP_CACHE_DIR (a first run)
  warm    the same, the cache dir kept from the cold run (every later run: actions/cache
          restores it, keyed by constraints.txt's hash)

    python benchmarks/install_time.py [--repeat N]

Each case runs N times (default 2) and prints every time and the best. The figures depend on
the index: where the registry is near (a mirror on the same network), the download a warm cache
saves is small, and building linkwatch's own wheel is most of what remains.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent


def install(work: Path, name: str, pins: bool, cache: Path | None) -> float:
    venv = work / f"venv-{name}"
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    command = [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
    env = dict(os.environ)
    if cache is None:
        command.append("--no-cache-dir")
    else:
        env["PIP_CACHE_DIR"] = str(cache)
    if pins:
        command += ["-c", str(ROOT / "constraints.txt")]
    started = time.monotonic()
    subprocess.run([*command, str(ROOT)], check=True, env=env, capture_output=True)
    seconds = time.monotonic() - started
    subprocess.run([str(venv / "bin" / "linkwatch"), "--version"], check=True, capture_output=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        before = [install(work, "before", False, None) for _ in range(args.repeat)]
        cold, warm = [], []
        for n in range(args.repeat):
            cache = work / f"pip-cache-{n}"  # empty: a first run
            cold.append(install(work, "cold", True, cache))
            warm.append(install(work, "warm", True, cache))
    for name, times in (("before (unpinned, no cache)", before),
                        ("after, cold cache (pinned)", cold),
                        ("after, warm cache (pinned)", warm)):  # fmt: skip
        shown = ", ".join(f"{t:.1f}" for t in times)
        print(f"{name:<30} best {min(times):5.1f} s   ({shown})")


if __name__ == "__main__":
    main()
