"""
Parse and check a generated 10,000-row survey offline; print wall time and peak memory.

Targets (issue 2): under 1 s and under 100 MB. Run: python benchmarks/offline_checks.py [ROWS]
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from linkwatch import pipeline
from linkwatch.settings import Settings

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
    """A survey shaped like the real one: sections of tables, arXiv and venue links, code
    links, with a sprinkle of the defects the checks look for."""
    rng = random.Random(seed)
    lines = ["# Generated survey", "", "## Table of Contents", "* [Papers](#papers)", ""]
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


def run_once(path: Path) -> tuple[float, int, int, int]:
    """One offline `linkwatch check` minus writing the reports: read, parse, check."""
    started = time.perf_counter()
    report = pipeline.run(Settings(files=(path,), offline=True))
    return (
        time.perf_counter() - started,
        len(report.entries),
        len(report.links),
        len(report.findings),
    )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = 5
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "survey.md"
        path.write_text(generate(rows))
        size_mb = path.stat().st_size / 1e6
        baseline_rss = _rss_mb()
        first = run_once(path)  # the first run is the one a user waits for: cold caches
        rss_mb = _rss_mb()
        times = [first[0]] + [run_once(path)[0] for _ in range(runs - 1)]
        tracemalloc.start()
        run_once(path)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    seconds, entries, links, findings = first
    print(
        f"rows: {rows}  file: {size_mb:.2f} MB  entries: {entries}  links: {links}  "
        f"findings: {findings}"
    )
    print(f"first run (read, parse, check): {seconds:.3f} s (target < 1 s)")
    print(
        f"{runs} runs: best {min(times):.3f} s  median {statistics.median(times):.3f} s  "
        f"worst {max(times):.3f} s"
    )
    print(
        f"peak RSS of the process: {rss_mb:.1f} MB (of which {baseline_rss:.1f} MB is the "
        f"interpreter and libraries before parsing; target < 100 MB)"
    )
    print(f"peak Python allocations during one run (tracemalloc): {traced_peak / 1e6:.1f} MB")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
