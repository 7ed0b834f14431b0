"""
Parse and check a generated 10,000-row survey offline; print wall time and peak memory.

Targets (issue 2): under 1 s and under 100 MB. Each run is a fresh process, so the figures are
what a user waits for (no warm caches) and the peak RSS is that of one run alone.

    python benchmarks/offline_checks.py [ROWS] [RUNS]
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VENUES = [
    "arxiv 2023",
    "NeurIPS 2022",
    "ICLR 2024",
    "NIPS 2021",
    "Arxiv 2022",
    "ACL 2023",
    "EMNLP Workshop 2023",
    "Findings of ACL 2024",
    "41 ICML",
    "arxuv 2023",
]


def generate(rows: int, seed: int = 7) -> str:
    """A survey shaped like the real one: sections of 250-row tables of arXiv papers with venue
    and code columns, and the defects the checks look for in about half of the rows."""
    rng = random.Random(seed)
    lines = ["# Generated survey", "", "## Table of Contents", "* [Section 0](#section-0)", ""]
    for row in range(rows):
        if row % 250 == 0:
            lines += [
                "",
                f"## Section {row // 250}",
                "",
                "| Paper | Published in | Code/Project |",
                "|---|:---:|:---:|",
            ]
        month = rng.randint(1, 12)
        arxiv_id = f"{rng.randint(18, 24)}{month:02d}.{rng.randint(1, 99999):05d}"
        scheme = "http" if rng.random() < 0.05 else "https"
        title = f"Paper {row}: learning {rng.choice(['to reason', 'from data', 'fast'])}"
        code = rng.choice(
            [
                "-",
                f"https://github.com/owner{row}/repo{row}",
                f"https://huggingface.co/datasets/org{row}/set",
            ]
        )
        lines.append(
            f"| [{title}]({scheme}://arxiv.org/abs/{arxiv_id}) | {rng.choice(VENUES)} | {code} |"
        )
    return "\n".join(lines) + "\n"


def one_run(path: str) -> None:
    """Child process: one offline check of `path` (no reports written); prints its figures."""
    from linkwatch import pipeline
    from linkwatch.settings import Settings

    before = _rss_mb()
    started = time.perf_counter()
    report = pipeline.run(Settings(files=(Path(path),), offline=True))
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss_mb": _rss_mb(),
                "rss_before_mb": before,
                "entries": len(report.entries),
                "links": len(report.links),
                "findings": len(report.findings),
            }
        )
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.md"
        path.write_text(generate(rows))
        size_mb = path.stat().st_size / 1e6
        results = [_child(path) for _ in range(runs)]
    times = [r["seconds"] for r in results]
    first = results[0]
    print(
        f"rows: {rows}  file: {size_mb:.2f} MB  entries: {first['entries']}  "
        f"links: {first['links']}  findings: {first['findings']}"
    )
    print(
        f"read + parse + check, {runs} fresh processes: median {statistics.median(times):.3f} s"
        f"  best {min(times):.3f} s  worst {max(times):.3f} s  (target < 1 s)"
    )
    print(
        f"peak RSS: {max(r['rss_mb'] for r in results):.1f} MB, of which "
        f"{first['rss_before_mb']:.1f} MB is the interpreter and libraries (target < 100 MB)"
    )


def _child(path: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--one-run", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one-run":
        one_run(sys.argv[2])
    else:
        main()
