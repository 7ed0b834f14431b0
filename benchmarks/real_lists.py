"""
The real paper lists of tests/surveys/real/ checked offline, one by one: per list the papers
its hand-checked ground truth holds (`*.papers.json`), the entries linkwatch reads, how many
of the papers became an entry with the right title and paper URL, the findings by kind and
severity, and the time.

    python benchmarks/real_lists.py [FILE.md ...]     (default: every list with ground truth)
    python benchmarks/real_lists.py --misses          (also print every paper read wrongly)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "surveys" / "real"


def normal(text: str | None) -> str:
    """Titles compared as a reader would: case, spacing and outer punctuation aside."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.split()).strip(" .,:;\"'“”*")


def scored(truth: list[dict], entries: list[dict]) -> tuple[int, list[str]]:
    """How many papers have an entry on their line with their title and paper URL."""
    by_line: dict[int, list[dict]] = {}
    for entry in entries:
        for line in range(entry["line"], entry.get("end_line", entry["line"]) + 1):
            by_line.setdefault(line, []).append(entry)
    right, misses = 0, []
    for paper in truth:
        candidates = by_line.get(paper["line"], [])
        if any(
            normal(e["title"]) == normal(paper["title"])
            and (e["paper_url"] or None) == paper["paper_url"]
            for e in candidates
        ):
            right += 1
            continue
        shown = [(e["title"], e["paper_url"]) for e in candidates] or "no entry"
        misses.append(
            f"  line {paper['line']}: want {paper['title']!r} {paper['paper_url']}; got {shown}"
        )
    return right, misses


def check(path: Path, out: Path) -> tuple[dict, float]:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", "--offline", str(path), "-o", str(out),
         "-f", "json", "--no-progress", "--no-fail-if-empty"],
        capture_output=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    return json.loads((out / "linkwatch.json").read_text()), elapsed


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    names = [Path(arg) for arg in argv if not arg.startswith("--")]
    files = names or sorted(
        p.with_suffix("").with_suffix(".md") for p in CORPUS.glob("*.papers.json")
    )
    totals: Counter[str] = Counter()
    print(f"{'list':24} {'papers':>6} {'entries':>7} {'right':>6} {'%':>6} ", end="")
    print(f"{'err':>4} {'warn':>4} {'info':>4} {'time':>6}  findings by kind")
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            truth = json.loads(path.with_suffix(".papers.json").read_text())
            report, elapsed = check(path, Path(tmp) / path.stem)
            right, misses = scored(truth, report["entries"])
            findings = report["summary"]["findings"]
            kinds = ", ".join(
                f"{k} {n}" for k, n in sorted(report["summary"]["by_kind"].items()) if n
            )
            share = 100 * right / len(truth) if truth else 100.0
            counts = f"{findings['error']:4} {findings['warning']:4} {findings['info']:4}"
            print(
                f"{path.stem:24} {len(truth):6} {len(report['entries']):7} {right:6} {share:5.1f}% "
                f"{counts} {elapsed:5.2f}s  {kinds}"
            )
            totals.update({"papers": len(truth), "entries": len(report["entries"]), "right": right})
            totals.update({"error": findings["error"]})
            if show:
                print("\n".join(misses))
    share = 100 * totals["right"] / totals["papers"] if totals["papers"] else 100.0
    print(
        f"{'all':24} {totals['papers']:6} {totals['entries']:7} {totals['right']:6} "
        f"{share:5.1f}% {totals['error']:4}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
