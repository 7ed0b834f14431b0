"""
Link checking against a simulated web: wall time against its lower bound, politeness, memory,
and whether every verdict is right; then markdown-link-check on the same survey, where npm can
install it.

    python benchmarks/link_checking.py [LINKS] [HOSTS] [LATENCY_S]     (default 2000 100 0.05)

The lower bound, as issue 3 defines it: the maximum over hosts of ceil(requests / cap) x
latency plus the unavoidable waits on that host: every Retry-After it sends (linkwatch pauses
the whole host, as a rate limit is the host's) and the timeouts of a link that never answers
((retries + 1) x timeout). A stricter bound is printed too: the slowest single link (its steps
in sequence) or the busiest host's ceil(requests / cap) x latency, whichever is longer; no
checker can beat it, however impolite.
"""

from __future__ import annotations

import json
import math
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

HOST_CAP = 4
TIMEOUT = 2.0
RETRIES = 1
RETRY_AFTER = 1.0
SLOW = 30.0  # the slow path answers long after any timeout
HERE = Path(__file__).parent

# kind: (share of links, expected verdict, requests it costs, its waits in sequence beyond the
# latencies (Retry-After, timeouts), how many latencies in sequence)
KINDS = {
    "ok": (0.66, "ok", 1, 0.0, 1),
    "gone": (0.06, "broken", 1, 0.0, 1),
    "gone410": (0.02, "broken", 1, 0.0, 1),
    "moved": (0.05, "redirect", 2, 0.0, 2),
    "temp": (0.04, "ok", 2, 0.0, 2),
    "flaky": (0.03, "ok", 2, 0.0, 2),
    "busy": (0.03, "ok", 2, RETRY_AFTER, 2),
    "limited": (0.03, "ok", 2, RETRY_AFTER, 2),
    "nohead": (0.03, "ok", 2, 0.0, 2),
    "slow": (0.02, "timeout", RETRIES + 1, (RETRIES + 1) * TIMEOUT, 0),
    "dead": (0.03, "broken", RETRIES + 1, 0.0, RETRIES + 1),
}
HOST_WIDE = {"busy", "limited"}  # their Retry-After pauses the whole host


def plan(links: int, hosts: int, seed: int = 11) -> list[tuple[int, str, int]]:
    """(host index, kind, link number) for every link."""
    rng = random.Random(seed)
    kinds = rng.choices(list(KINDS), weights=[share for share, *_ in KINDS.values()], k=links)
    return [(n % hosts, kind, n) for n, kind in enumerate(kinds)]


def survey(links: list[tuple[int, str, int]], ports: list[int]) -> str:
    rows = ["# Benchmark survey", "", "| Paper | Published in | Code |", "|---|---|---|"]
    rows += [
        f"| [Paper {n}](http://127.0.0.1:{ports[h]}/{kind}/{n}) | ICLR 2024 | - |"
        for h, kind, n in links
    ]
    return "\n".join(rows) + "\n"


def lower_bounds(
    links: list[tuple[int, str, int]], hosts: int, latency: float
) -> tuple[float, float]:
    """(the issue's bound, the strict bound), in seconds."""
    requests: Counter[int] = Counter()
    pauses: Counter[int] = Counter()
    timeouts: dict[int, float] = {}
    slowest_link = 0.0
    for h, kind, _ in links:
        _, _, cost, waits, steps = KINDS[kind]
        requests[h] += cost  # a redirect's target (/ok/...) is a request of its own
        pauses[h] += waits if kind in HOST_WIDE else 0.0
        if kind == "slow":
            timeouts[h] = waits
        slowest_link = max(slowest_link, waits + steps * latency)
    work = {h: math.ceil(requests[h] / HOST_CAP) * latency for h in range(hosts)}
    issue = max(work[h] + pauses[h] + timeouts.get(h, 0.0) for h in range(hosts))
    return issue, max(max(work.values()), slowest_link)


def main() -> None:
    links_n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    hosts_n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    latency = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    server = subprocess.Popen(
        [sys.executable, str(HERE / "simulated_web.py"), str(hosts_n), str(latency), str(SLOW)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        ports = json.loads(server.stdout.readline())
        links = plan(links_n, hosts_n)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "survey.md"
            path.write_text(survey(links, ports["hosts"]))
            wall, report, rss = run_linkwatch(path, Path(folder), hosts_n)
            stats = fetch_stats(ports["control"])
            bounds = lower_bounds(links, hosts_n, latency)
            show(links, report, stats, wall, bounds, rss, latency)
            compare_markdown_link_check(path, wall)
    finally:
        server.kill()


def run_linkwatch(path: Path, folder: Path, hosts: int) -> tuple[float, dict, float]:
    command = [
        sys.executable,
        "-m",
        "linkwatch",
        "check",
        str(path),
        "--no-cache",
        "--no-progress",
        "-q",
        "-f",
        "json",
        "-o",
        str(folder / "out"),
        "--timeout",
        str(TIMEOUT),
        "--retries",
        str(RETRIES),
        "--host-concurrency",
        str(HOST_CAP),
        "--concurrency",
        str(hosts * HOST_CAP),
        "--fail-on",
        "never",
    ]
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - started
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    report = json.loads((folder / "out" / "linkwatch.json").read_text())
    return wall, report, rss


def fetch_stats(port: int) -> dict[str, dict[str, int]]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats") as answer:
        return json.loads(answer.read())


def show(links, report, stats, wall, bounds, rss, latency) -> None:  # type: ignore[no-untyped-def]
    expected = {n: KINDS[kind][1] for _, kind, n in links}
    got = {int(link["url"].rsplit("/", 1)[1]): link["status"] for link in report["links"]}
    per_host = sorted(s["requests"] for s in stats.values())
    peak = max(s["peak"] for s in stats.values())
    precision, recall = _broken_precision_recall(expected, got)
    right = sum(expected[n] == got.get(n) for n in expected)
    print(
        f"links: {len(links)}  hosts: {len(stats)}  latency: {latency * 1000:.0f} ms  "
        f"cap per host: {HOST_CAP}  timeout: {TIMEOUT:g} s  retries: {RETRIES}"
    )
    bound, strict = bounds
    print(f"wall time: {wall:.2f} s (whole CLI run, interpreter start included)")
    print(
        f"lower bound (issue 3's definition): {bound:.2f} s  ratio: {wall / bound:.2f} "
        "(target <= 1.5)"
    )
    print(
        f"strict lower bound (slowest link or busiest host): {strict:.2f} s  ratio: "
        f"{wall / strict:.2f}"
    )
    print(
        f"requests per host: min {per_host[0]}  median {per_host[len(per_host) // 2]}  "
        f"max {per_host[-1]}  total {sum(per_host)}"
    )
    print(f"peak requests in flight on any host: {peak} (cap {HOST_CAP})")
    print(f"peak RSS of linkwatch: {rss:.1f} MB (target < 150 MB)")
    print(
        f"verdicts right: {right}/{len(expected)}  broken links: precision {precision:.3f}  "
        f"recall {recall:.3f}"
    )
    wrong = Counter((expected[n], got.get(n)) for n in expected if expected[n] != got.get(n))
    if wrong:
        print(f"wrong verdicts (expected, got): {dict(wrong)}")


def _broken_precision_recall(expected: dict[int, str], got: dict[int, str]) -> tuple[float, float]:
    flagged = {n for n, status in got.items() if status == "broken"}
    truly = {n for n, status in expected.items() if status == "broken"}
    hits = len(flagged & truly)
    return (hits / len(flagged) if flagged else 1.0, hits / len(truly) if truly else 1.0)


def compare_markdown_link_check(path: Path, wall: float) -> None:
    """markdown-link-check on the same survey, installed with npm into a scratch folder."""
    npm = shutil.which("npm")
    if npm is None:
        print("markdown-link-check: not run (npm is not installed)")
        return
    prefix = Path(tempfile.gettempdir()) / "linkwatch-bench-mlc"
    binary = prefix / "node_modules" / ".bin" / "markdown-link-check"
    if not binary.exists():
        install = subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                "markdown-link-check@3",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if install.returncode != 0 or not binary.exists():
            print(f"markdown-link-check: could not be installed ({install.stderr.strip()[:200]})")
            return
    config = path.parent / "mlc.json"
    config.write_text(
        json.dumps(
            {
                "timeout": f"{TIMEOUT:g}s",
                "retryOn429": True,
                "retryCount": RETRIES,
                "aliveStatusCodes": [200, 206],
            }
        )
    )
    started = time.monotonic()
    subprocess.run(
        [str(binary), "-q", "-c", str(config), str(path)], capture_output=True, check=False
    )
    theirs = time.monotonic() - started
    print(
        f"markdown-link-check 3: {theirs:.2f} s on the same survey  "
        f"(linkwatch is {theirs / wall:.1f}x faster)"
    )


if __name__ == "__main__":
    main()
