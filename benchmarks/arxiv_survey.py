"""
survey.md against the loopback arXiv API loaded with its papers' real titles
(tests/servers/payloads/arxiv_survey.toml): how many requests, how many IDs each, the pause
between them as the server saw it, the wall time of a first run and of a second run within
max-age, and the title findings the issue asks for.

    python benchmarks/arxiv_survey.py [DELAY_S]          (default 3, arXiv's published rate)

Every non-arXiv link is excluded, so nothing leaves loopback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import semanticscholar  # noqa: E402
from tests.servers.arxiv import ArxivState, load_papers, make_app  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402

NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"
ROWS = {102: "title-typo", 104: "title-typo", 101: "title-mismatch", 193: "title-mismatch"}


def check(workdir: Path, env: dict[str, str]) -> tuple[float, dict]:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", str(ROOT / "survey.md"), "-o", "out",
         "-f", "json", "--no-progress", "--cache", "cache.sqlite", "--exclude", NOT_ARXIV],
        cwd=workdir, env=env, capture_output=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    return elapsed, json.loads((workdir / "out" / "linkwatch.json").read_text())


def main(delay: float) -> None:
    state = ArxivState().add(*load_papers("arxiv_survey.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    with (
        serving(make_app(state)) as server,
        serving(semanticscholar.make_app(s2)) as s2_server,  # venues: see venues_survey.py
        tempfile.TemporaryDirectory() as tmp,
    ):
        workdir = Path(tmp)
        (workdir / "linkwatch.toml").write_text(f"arxiv-delay-seconds = {delay}\n")
        env = dict(
            os.environ,
            LINKWATCH_ARXIV_API_URL=f"{server.url}/api/query",
            LINKWATCH_S2_API_URL=f"{s2_server.url}/graph/v1",
        )
        first_time, first = check(workdir, env)
        asked = list(state.requests)
        second_time, second = check(workdir, env)
    print(f"arXiv pause: {delay} s; papers known to the server: {len(state.papers)}")
    print(f"run 1: {first_time:.2f} s, {len(asked)} arXiv requests")
    for number, request in enumerate(asked, 1):
        print(f"  request {number}: {len(request.ids)} IDs, HTTP {request.status}: "
              f"{', '.join(request.ids[:3])}{', ...' if len(request.ids) > 3 else ''}")  # fmt: skip
    if len(asked) > 1:
        print(f"  pause between requests (server clock): {min(state.gaps()):.3f} s")
    print(f"  report summary.requests: {first['summary']['requests']}")
    print(f"run 2 (within max-age): {second_time:.2f} s, "
          f"{len(state.requests) - len(asked)} arXiv requests, "
          f"summary.requests {second['summary']['requests']}")  # fmt: skip
    kinds = first["summary"]["by_kind"]
    print("findings:", {k: kinds[k] for k in sorted(kinds) if k.startswith(("title", "arxiv"))})
    for finding in first["findings"]:
        if ROWS.get(finding["line"]) == finding["kind"]:
            fix = (finding.get("fix") or {}).get("new")
            print(f"  line {finding['line']} {finding['kind']}: {finding['message']}")
            print(f"    fix: {fix}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
