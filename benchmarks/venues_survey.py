"""
survey.md against the loopback arXiv and Semantic Scholar APIs loaded with its papers' real
titles and publications (tests/servers/payloads/arxiv_survey.toml, s2_survey.toml): how many
Semantic Scholar requests a first run and a second run within max-age make, how many IDs each,
and the venue findings (with how many fixes are safe), on survey.md and the other fixture
surveys of tests/surveys/online/venues/.

    python benchmarks/venues_survey.py

Every non-arXiv link is excluded, so nothing leaves loopback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import arxiv, semanticscholar  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402

NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"
VENUE_KINDS = ("venue-outdated", "venue-mismatch", "venue-format", "inconsistent-entry")
SURVEYS = [ROOT / "survey.md", *sorted((ROOT / "tests/surveys/online/venues").glob("*.md"))]


def check(survey: Path, workdir: Path, env: dict[str, str]) -> tuple[float, dict]:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", str(survey), "-o", "out", "-f", "json",
         "--no-progress", "--cache", f"{survey.stem}.sqlite", "--exclude", NOT_ARXIV],
        cwd=workdir, env=env, capture_output=True, check=False,
    )  # fmt: skip
    return time.monotonic() - started, json.loads((workdir / "out/linkwatch.json").read_text())


def report(survey: Path, workdir: Path, env: dict[str, str], s2: semanticscholar.S2State) -> None:
    before = len(s2.requests)
    first_time, first = check(survey, workdir, env)
    asked = s2.requests[before:]
    second_time, _ = check(survey, workdir, env)
    warm = len(s2.requests) - before - len(asked)
    print(f"{survey.relative_to(ROOT)}")
    print(f"  run 1: {first_time:.2f} s, {len(asked)} Semantic Scholar request(s): "
          f"{[len(r.ids) for r in asked]} IDs, HTTP {[r.status for r in asked]}")  # fmt: skip
    print(f"  run 2 (within max-age): {second_time:.2f} s, {warm} Semantic Scholar requests")
    venue = [f for f in first["findings"] if f["kind"] in VENUE_KINDS]
    kinds = Counter(f["kind"] for f in venue)
    safe = sum(1 for f in venue if f.get("fix") and f["fix"]["safe"])
    offered = sum(1 for f in venue if f.get("fix") and not f["fix"]["safe"])
    print(f"  venue findings: {dict(sorted(kinds.items()))}; fixes: {safe} safe, {offered} "
          "offered only")  # fmt: skip


def main() -> None:
    a = arxiv.ArxivState().add(*arxiv.load_papers("arxiv_survey.toml"))
    a.add(*arxiv.load_papers("arxiv_venues.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    s2.add(semanticscholar.load_papers("s2_venues.toml"))
    with (
        serving(arxiv.make_app(a)) as arxiv_server,
        serving(semanticscholar.make_app(s2)) as s2_server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        workdir = Path(tmp)
        (workdir / "linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
        env = dict(
            os.environ,
            LINKWATCH_ARXIV_API_URL=f"{arxiv_server.url}/api/query",
            LINKWATCH_S2_API_URL=f"{s2_server.url}/graph/v1",
        )
        env.pop("S2_API_KEY", None)
        for survey in SURVEYS:
            report(survey, workdir, env, s2)


if __name__ == "__main__":
    main()
