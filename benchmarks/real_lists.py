"""
The real paper lists of tests/surveys/real/ checked offline, one by one: per list the papers
its hand-checked ground truth holds (`*.papers.json`), the entries linkwatch reads, how many
of the papers became an entry with the right title and paper URL, how many of the papers
with a venue, a date or code links got that venue, that month and all those links, the
findings by kind and severity, and the time.

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

from linkwatch.papers.dates import parse_date

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "surveys" / "real"


def normal(text: str | None) -> str:
    """Titles compared as a reader would: case, spacing and outer punctuation aside."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.split()).strip(" .,:;\"'“”*")


def scored(truth: list[dict], entries: list[dict]) -> tuple[Counter[str], list[str]]:
    """How many papers have an entry on their line with their title and paper URL; of the
    papers with a venue, how many have it; of those with code, how many have all of it."""
    by_line: dict[int, list[dict]] = {}
    for entry in entries:
        for line in range(entry["line"], entry.get("end_line", entry["line"]) + 1):
            by_line.setdefault(line, []).append(entry)
    score: Counter[str] = Counter()
    misses: list[str] = []
    for paper in truth:
        candidates = by_line.get(paper["line"], [])
        if paper["venue"]:
            score["venues"] += 1
            if any(normal(e["venue"]) == normal(paper["venue"]) for e in candidates):
                score["venue"] += 1
            else:
                got = [e["venue"] for e in candidates]
                misses.append(f"  line {paper['line']}: venue {paper['venue']!r}; got {got}")
        if paper.get("date"):
            score["dates"] += 1
            if any(_month(e.get("date", "")) == _month(paper["date"]) for e in candidates):
                score["date"] += 1
            else:
                got = [e.get("date") for e in candidates]
                misses.append(f"  line {paper['line']}: date {paper['date']!r}; got {got}")
        if paper["code_urls"]:
            score["codes"] += 1
            if any(set(paper["code_urls"]) <= set(e["code_urls"]) for e in candidates):
                score["code"] += 1
            else:
                got = [e["code_urls"] for e in candidates]
                misses.append(f"  line {paper['line']}: code {paper['code_urls']}; got {got}")
        if any(
            normal(e["title"]) == normal(paper["title"])
            and (e["paper_url"] or None) == paper["paper_url"]
            for e in candidates
        ):
            score["right"] += 1
            continue
        shown = [(e["title"], e["paper_url"]) for e in candidates] or "no entry"
        misses.append(
            f"  line {paper['line']}: want {paper['title']!r} {paper['paper_url']}; got {shown}"
        )
    return score, misses


def _month(text: str) -> tuple[int, int] | None:
    written = parse_date(text or "")
    return (written.year, written.month) if written else None


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
    print(f"{'venue':>9} {'date':>9} {'code':>9} ", end="")
    print(f"{'err':>4} {'warn':>4} {'info':>4} {'time':>6}  findings by kind")
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            truth = json.loads(path.with_suffix(".papers.json").read_text())
            report, elapsed = check(path, Path(tmp) / path.stem)
            score, misses = scored(truth, report["entries"])
            right = score["right"]
            findings = report["summary"]["findings"]
            kinds = ", ".join(
                f"{k} {n}" for k, n in sorted(report["summary"]["by_kind"].items()) if n
            )
            share = 100 * right / len(truth) if truth else 100.0
            counts = f"{findings['error']:4} {findings['warning']:4} {findings['info']:4}"
            print(
                f"{path.stem:24} {len(truth):6} {len(report['entries']):7} {right:6} {share:5.1f}% "
                f"{_ratio(score, 'venue')} {_ratio(score, 'date')} {_ratio(score, 'code')} "
                f"{counts} {elapsed:5.2f}s  {kinds}"
            )
            totals.update({"papers": len(truth), "entries": len(report["entries"])})
            totals.update(score)
            totals.update({"error": findings["error"]})
            if show:
                print("\n".join(misses))
    share = 100 * totals["right"] / totals["papers"] if totals["papers"] else 100.0
    print(
        f"{'all':24} {totals['papers']:6} {totals['entries']:7} {totals['right']:6} "
        f"{share:5.1f}% {_ratio(totals, 'venue')} {_ratio(totals, 'date')} "
        f"{_ratio(totals, 'code')} {totals['error']:4}"
    )
    return 0


def _ratio(score: Counter[str], what: str) -> str:
    return f"{score[what]:>4}/{score[what + 's']:<4}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
