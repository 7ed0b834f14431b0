"""
A 5 MB paper list made of the real excerpts of tests/surveys/real/ (every layout: pipe tables
of several shapes, bullet and numbered lists, HTML tables, badges), concatenated until it
reaches the size; checked offline by the command a user runs, reports included. Prints the
size, entries, links, wall time and the peak memory of the check.

Targets (issue 12): no slower than 12 s and under 250 MB.

    python benchmarks/big_list.py [MEGABYTES] [RUNS]
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "surveys" / "real"


def generate(megabytes: float) -> str:
    """The excerpts one after another, each under its own heading, until `megabytes`."""
    excerpts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    parts, size, copy = ["# A long paper list\n\n"], 0, 0
    while size < megabytes * 1_000_000:
        for number, text in enumerate(excerpts):
            part = f"\n## Part {copy}.{number}\n\n{text}\n"
            parts.append(part)
            size += len(part.encode())
        copy += 1
    return "".join(parts)


def one_check(path: Path, out: Path) -> tuple[float, dict]:
    """Wall seconds of one `linkwatch check --offline`, in a fresh process, and its summary."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", "--offline", str(path), "-o", str(out),
         "--no-progress", "--no-fail-if-empty"],
        capture_output=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    return seconds, json.loads((out / "linkwatch.json").read_text())["summary"]


def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 5.0
    runs = int(argv[1]) if len(argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.md"
        path.write_text(generate(megabytes), encoding="utf-8")
        size = path.stat().st_size / 1_000_000
        lines = path.read_text(encoding="utf-8").count("\n")
        figures = [one_check(path, Path(tmp) / f"out{run}") for run in range(runs)]
    seconds = [s for s, _ in figures]
    # Every child is one check of the same list: the largest child's peak is a check's peak.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = figures[0][1]
    print(f"list: {size:.2f} MB, {lines} lines, {summary['entries']} entries, "
          f"{summary['links']} links")  # fmt: skip
    print(f"check --offline with reports, {runs} runs: median {statistics.median(seconds):.2f} s "
          f"(min {min(seconds):.2f}, max {max(seconds):.2f}), peak RSS {peak:.0f} MB")  # fmt: skip
    print("targets: <= 12 s, < 250 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
