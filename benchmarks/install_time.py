"""
The Action's install step, timed from a clean virtual environment each time:

  before       pip install PROJECT, unpinned, no pip cache (what every run once did)
  pip, cold    pip install -c constraints.txt PROJECT into an empty PIP_CACHE_DIR
  pip, warm    the same, the cache kept from the cold run
  step, cold   action.yml's "Install linkwatch" step as it is (uv, pinned by constraints.txt),
               with an empty cache folder (a first run)
  step, warm   the same, the cache folder kept (every later run: actions/cache restores it,
               keyed by constraints.txt's hash)

    python benchmarks/install_time.py [--repeat N]

Each case runs N times (default 2) and prints every time and the best. The figures depend on
the index: where the registry is near, the download a warm cache saves is small, and pip's own
work (resolving, unpacking, compiling) is most of what remains; that is what uv cuts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

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


def step(work: Path, name: str, cache: Path) -> float:
    """The Action's install step, run as a runner would run it."""
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (install_step,) = [s for s in action["runs"]["steps"] if s["name"] == "Install linkwatch"]
    runner = work / f"runner-{name}"
    shutil.rmtree(runner, ignore_errors=True)
    runner.mkdir()
    script = runner / "step.sh"
    script.write_text(install_step["run"], encoding="utf-8")
    env = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_OUTPUT": str(runner / "out"),
           "GITHUB_ACTION_PATH": str(ROOT), "PYTHON": sys.executable,
           "CACHE_DIR": str(cache)}  # fmt: skip
    started = time.monotonic()
    done = subprocess.run(["bash", "-eo", "pipefail", str(script)], env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    seconds = time.monotonic() - started
    if "installing with pip" in done.stdout:
        print(f"warning: uv could not install ({name}): pip did", file=sys.stderr)
    venv = runner / "linkwatch-venv"
    subprocess.run([str(venv / "bin" / "linkwatch"), "--version"], check=True, capture_output=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        before = [install(work, "before", False, None) for _ in range(args.repeat)]
        cold, warm, step_cold, step_warm = [], [], [], []
        for n in range(args.repeat):
            cache = work / f"pip-cache-{n}"  # empty: a first run
            cold.append(install(work, "cold", True, cache))
            warm.append(install(work, "warm", True, cache))
            cache = work / f"step-cache-{n}"
            step_cold.append(step(work, "cold", cache))
            step_warm.append(step(work, "warm", cache))
    for name, times in (("before (unpinned, no cache)", before),
                        ("pip pinned, cold cache", cold),
                        ("pip pinned, warm cache", warm),
                        ("the step (uv), cold cache", step_cold),
                        ("the step (uv), warm cache", step_warm)):  # fmt: skip
        shown = ", ".join(f"{t:.1f}" for t in times)
        print(f"{name:<30} best {min(times):5.1f} s   ({shown})")


if __name__ == "__main__":
    main()
