"""
`linkwatch check` online, against the simulated web on loopback: the links table filled in, the
link findings on their lines, the cache, and what happens when nothing can be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import trustme
from click.testing import Result

from tests.conftest import Web

TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"


def survey_for(base: str) -> str:
    rows = [
        f"| [Fine]({base}/status/200) | ICLR 2024 | {base}/head/405 |",
        f"| [Gone]({base}/status/404) | ICLR 2024 | - |",
        f"| [Moved]({base}/redirect/301/2) | ICLR 2024 | - |",
        f"| [Busy]({base}/retry-after/429?after=0&times=99) | ICLR 2024 | - |",
        f"| [Slow]({base}/slow/5) | ICLR 2024 | - |",
    ]
    return TABLE + "\n".join(rows) + "\n"


def check(run_cli, *args: str) -> tuple[Result, dict]:  # type: ignore[no-untyped-def]
    result = run_cli(
        "check",
        "--timeout",
        "0.5",
        "--retries",
        "1",
        "-o",
        "out",
        "-f",
        "json",
        "--no-progress",
        *args,
    )
    return result, json.loads(Path("out/linkwatch.json").read_text())


def test_the_report_has_every_link_and_its_finding(workdir: Path, web: Web, run_cli) -> None:
    server, _ = web
    (workdir / "survey.md").write_text(survey_for(server.url))
    result, data = check(run_cli, "--cache", "c.sqlite")
    assert result.exit_code == 1, result.output
    links = {link["url"].removeprefix(server.url): link for link in data["links"]}
    assert links["/status/200"]["status"] == "ok"
    assert links["/status/200"]["http_status"] == 200
    assert links["/status/200"]["elapsed_ms"] >= 0
    assert links["/head/405"]["status"] == "ok"
    assert links["/status/404"]["status"] == "broken"
    assert links["/redirect/301/2"]["status"] == "redirect"
    assert links["/redirect/301/2"]["final_url"] == f"{server.url}/status/200"
    assert links["/slow/5"]["status"] == "timeout"
    found = {(f["line"], f["kind"]) for f in data["findings"]}
    assert {(4, "broken-link"), (5, "redirect"), (6, "rate-limited"), (7, "timeout")} <= found
    (moved,) = [f for f in data["findings"] if f["kind"] == "redirect"]
    assert moved["fix"]["new"] == f"{server.url}/status/200"
    assert data["summary"]["requests"] == {"127.0.0.1": sum(web[1].requests.values())}


def test_a_second_run_within_max_age_asks_nothing_known_good(
    workdir: Path,
    web: Web,
    run_cli,
) -> None:
    server, state = web
    (workdir / "survey.md").write_text(
        TABLE + f"| [A]({server.url}/status/404) | ICLR 2024 | {server.url}/redirect/301/1 |\n"
    )
    check(run_cli, "--cache", "c.sqlite")
    first = sum(state.requests.values())
    result, data = check(run_cli, "--cache", "c.sqlite")
    assert (result.exit_code, sum(state.requests.values())) == (1, first)
    assert data["summary"]["requests"] == {}
    assert [link["status"] for link in data["links"]] == ["broken", "redirect"]
    check(run_cli, "--cache", "c.sqlite", "--max-age", "0s")
    assert sum(state.requests.values()) == 2 * first
    check(run_cli, "--no-cache")
    assert sum(state.requests.values()) == 3 * first


def test_an_online_insecure_link_is_confirmed_over_https(
    workdir: Path,
    web: Web,
    tls_web: Web,
    certificate_authority: trustme.CA,
    run_cli,
) -> None:
    """http://papers.test/... answers, and so does its https:// form: link the https one."""
    plain, _ = web
    secure, secure_state = tls_web
    certificate_authority.cert_pem.write_to_path(str(workdir / "ca.pem"))
    (workdir / "linkwatch.toml").write_text(
        f'ca-bundle = "ca.pem"\nremap = ["^http://papers\\\\.test {plain.url}", '
        f'"^https://papers\\\\.test {secure.url}"]\n'
    )
    (workdir / "survey.md").write_text(TABLE + "| [P](http://papers.test/status/200) | x | - |\n")
    _, data = check(run_cli)
    (finding,) = [f for f in data["findings"] if f["kind"] == "insecure-link"]
    assert finding["fix"]["new"] == "https://papers.test/status/200"
    assert secure_state.total("/status/200") == 1


def test_with_nothing_reachable_no_link_is_broken_and_it_exits_3(
    workdir: Path,
    run_cli,
) -> None:
    (workdir / "survey.md").write_text(
        TABLE + "| [A](http://127.0.0.1:9/a) | ICLR 2024 | https://no-such-host.invalid/x |\n"
    )
    result, data = check(run_cli)
    assert result.exit_code == 3
    assert "nothing could be verified" in result.output
    assert "network unreachable" in data["notes"][0]
    assert data["summary"]["by_kind"].get("broken-link", 0) == 0
    assert {link["status"] for link in data["links"]} == {"error"}


def test_survey_md_with_no_network_exits_3_quickly(workdir: Path) -> None:
    """The project's survey, every host out of reach (remapped to a closed port, and so are
    the GitHub and Hugging Face APIs): zero broken links, exit 3, well within 30 seconds."""
    survey = Path(__file__).parent.parent / "survey.md"
    closed = "http://127.0.0.1:9"
    environ = {**os.environ, "GITHUB_API_URL": closed, "HF_ENDPOINT": closed}
    started = time.monotonic()
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "linkwatch",
            "check",
            str(survey),
            "-o",
            "out",
            "-f",
            "json",
            "--no-cache",
            "--remap",
            r"^https?://[^/]+ http://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=environ,
    )
    elapsed = time.monotonic() - started
    data = json.loads(Path("out/linkwatch.json").read_text())
    assert process.returncode == 3, process.stderr
    assert data["summary"]["by_kind"].get("broken-link", 0) == 0
    assert data["summary"]["by_kind"].get("repo-not-found", 0) == 0
    assert data["summary"]["by_kind"].get("hf-not-found", 0) == 0
    assert elapsed < 30
