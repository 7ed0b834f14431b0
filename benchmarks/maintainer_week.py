"""
A maintainer's week with survey.md, replayed against the loopback services of the tests (arXiv,
Semantic Scholar, GitHub's API and pages, the Hugging Face Hub, GitHub's issues API):

  Monday     the scheduled check (-f json,markdown,html,github,sarif): the annotations GitHub
             would show and the closing notice, the SARIF file against the published schema,
             and `track` opening the weekly issue;
  Tuesday    `ignore = ["title-case"]` in linkwatch.toml: the weekly issue after silencing;
  Wednesday  `linkwatch fix --write` (the safe fixes), then `check --baseline` (how many new),
             `gate --new-only --fail-on warning` and `track` again.
  --tmux     terminal captures at 80 and 160 columns, with and without NO_COLOR, into
             reports/terminal/ (tmux must be installed): one mid-run (the progress line) and
             one at the end (the summary).

    python benchmarks/maintainer_week.py [--tmux]

Links to other sites are excluded (no internet here), so the counts cover arXiv, Semantic
Scholar, GitHub and Hugging Face findings and every offline check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from code_links import services  # noqa: E402
from jsonschema import Draft7Validator  # noqa: E402
from tests.reporters.test_sarif import SCHEMA as SARIF_SCHEMA  # noqa: E402
from tests.servers import arxiv, semanticscholar  # noqa: E402
from tests.servers.github import FakeGitHub  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402

ONLY_SERVICES = r"^(?!https?://(www\.)?(arxiv\.org|github\.com|huggingface\.co)/.)"
ISSUES_TOKEN = "ghs_weeklyIssueTokenOnLoopback0123456789"


def linkwatch(work: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "linkwatch", *args],
        cwd=work, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def check_args(pages: str, *extra: str) -> list[str]:
    return [
        "check", "survey.md", "--no-progress", "--exclude", ONLY_SERVICES,
        "--remap", rf"^https://github\.com {pages}", "--fail-on", "never", *extra,
    ]  # fmt: skip


def annotations(stdout: str) -> Counter[str]:
    return Counter(m[1] for m in re.finditer(r"^::(error|warning|notice)\b", stdout, re.M))


def sarif_errors(path: Path) -> list[str]:
    """What the published SARIF 2.1.0 schema finds wrong, as the tests validate it."""
    sarif = json.loads(path.read_text(encoding="utf-8"))
    return [e.message for e in Draft7Validator(SARIF_SCHEMA).iter_errors(sarif)]


def counts_row(body: str) -> str:
    """The counts table of an issue body, on one line."""
    match = re.search(r"^\| Errors .*?\n\|[-:|]+\n\|.*$", body, re.M)
    return " ".join(match[0].split()) if match else "(no counts table)"


def week() -> None:
    a = arxiv.ArxivState().add(*arxiv.load_papers("arxiv_survey.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    issues = FakeGitHub(token=ISSUES_TOKEN)
    with (
        services() as (github, _hub, base_env),
        serving(arxiv.make_app(a)) as arxiv_server,
        serving(semanticscholar.make_app(s2)) as s2_server,
        serving(issues.app()) as issues_server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        issues.base_url = issues_server.url
        work = Path(tmp)
        shutil.copy(ROOT / "survey.md", work / "survey.md")  # the project's copy is never written
        config = work / "linkwatch.toml"
        config.write_text("arxiv-delay-seconds = 0.2\n", encoding="utf-8")
        env = {
            **base_env,
            "GITHUB_TOKEN": github.token,
            "LINKWATCH_ARXIV_API_URL": f"{arxiv_server.url}/api/query",
            "LINKWATCH_S2_API_URL": f"{s2_server.url}/graph/v1",
            "GITHUB_STEP_SUMMARY": str(work / "step-summary.md"),
        }
        env.pop("S2_API_KEY", None)
        track_env = {**env, "GITHUB_API_URL": issues_server.url, "GITHUB_TOKEN": ISSUES_TOKEN}
        pages = env["LINKWATCH_PAGES"]
        formats = ["-f", "json,markdown,html,github,sarif", "-o", "reports"]

        print("== Monday: the scheduled check")
        started = time.monotonic()
        monday = linkwatch(work, env, *check_args(pages, *formats))
        seconds = time.monotonic() - started
        report = json.loads((work / "reports/linkwatch.json").read_text(encoding="utf-8"))
        by_severity = Counter(f["severity"] for f in report["findings"])
        print(f"check: exit {monday.returncode}, {seconds:.1f} s, {len(report['findings'])} "
              f"findings {dict(sorted(by_severity.items()))}")  # fmt: skip
        shown = annotations(monday.stdout)
        print(f"annotations printed: {dict(sorted(shown.items()))} (GitHub shows 10 per level)")
        closing = [line for line in monday.stdout.splitlines() if "more findings" in line]
        print(f"closing notice: {closing[-1] if closing else '(none)'}")
        errors = sarif_errors(work / "reports/linkwatch.sarif")
        sarif = json.loads((work / "reports/linkwatch.sarif").read_text(encoding="utf-8"))
        run = sarif["runs"][0]
        print(f"SARIF: {len(run['results'])} results, {len(run['tool']['driver']['rules'])} "
              f"rules, {len(errors)} schema errors")  # fmt: skip
        tracked = linkwatch(work, track_env, "track", "--repo", "octo/papers")
        print(f"track: {tracked.stdout.strip() or tracked.stderr.strip()}")
        body = issues.issues[1]["body"] if issues.issues else ""
        print(f"issue #1 counts: {counts_row(body)}; title-case in it: "
              f"{body.count('title-case')} mentions")  # fmt: skip
        shutil.copy(work / "reports/linkwatch.json", work / "monday.json")

        print('\n== Tuesday: ignore = ["title-case"]')
        config.write_text('arxiv-delay-seconds = 0.2\nignore = ["title-case"]\n', encoding="utf-8")
        tuesday = linkwatch(work, env, *check_args(pages, *formats))
        said = (tuesday.stdout + tuesday.stderr).splitlines()
        summary = next((line for line in said if " errors · " in line), "?")
        print(f"check: exit {tuesday.returncode}; summary: {summary}")
        tracked = linkwatch(work, track_env, "track", "--repo", "octo/papers")
        print(f"track: {tracked.stdout.strip() or tracked.stderr.strip()}")
        body = issues.issues[1]["body"]
        print(f"issue #1 counts: {counts_row(body)}; title-case in it: "
              f"{body.count('title-case')} mentions")  # fmt: skip
        comments = issues.comments.get(1, [])
        if comments:
            print(f"comment: {comments[-1].splitlines()[0]}")
        shutil.copy(work / "reports/linkwatch.json", work / "tuesday.json")

        print("\n== Wednesday: linkwatch fix --write, then the baseline")
        fixed = linkwatch(work, env, "fix", "survey.md", "--report", "tuesday.json", "--write")
        said = [line for line in (fixed.stdout + fixed.stderr).splitlines() if "fix" in line]
        print(f"fix: exit {fixed.returncode}; {said[-1] if said else '?'}")
        after = linkwatch(work, env, *check_args(pages, *formats, "--baseline", "tuesday.json"))
        data = json.loads((work / "reports/linkwatch.json").read_text(encoding="utf-8"))
        new = [f for f in data["findings"] if f.get("baseline") == "new"]
        print(f"check --baseline tuesday.json: exit {after.returncode}; {len(data['findings'])} "
              f"findings, {len(new)} new, {len(data['fixed'])} fixed")  # fmt: skip
        gate = linkwatch(work, env, "gate", "reports/linkwatch.json", "--new-only",
                         "--fail-on", "warning")  # fmt: skip
        print(f"gate --new-only --fail-on warning: exit {gate.returncode}")
        tracked = linkwatch(work, track_env, "track", "--repo", "octo/papers")
        print(f"track: {tracked.stdout.strip() or tracked.stderr.strip()}")
        comments = issues.comments.get(1, [])
        if comments:
            print(f"last comment: {comments[-1].splitlines()[0]}")


def captures(out: Path) -> None:
    """The terminal as a maintainer sees it, in tmux windows of 80 and 160 columns."""
    if shutil.which("tmux") is None:
        print("tmux is not installed: no captures")
        return
    out.mkdir(parents=True, exist_ok=True)
    a = arxiv.ArxivState().add(*arxiv.load_papers("arxiv_survey.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    with (
        services() as (github, _hub, base_env),
        serving(arxiv.make_app(a)) as arxiv_server,
        serving(semanticscholar.make_app(s2)) as s2_server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        work = Path(tmp)
        shutil.copy(ROOT / "survey.md", work / "survey.md")
        # arXiv's own 3 s spacing and batches of 20 IDs (4 requests), so that the progress
        # line has something to wait on
        (work / "linkwatch.toml").write_text(
            "arxiv-delay-seconds = 3\narxiv-batch-size = 20\n", encoding="utf-8"
        )
        env = {
            "GITHUB_TOKEN": github.token,
            "GITHUB_API_URL": base_env["GITHUB_API_URL"],
            "HF_ENDPOINT": base_env["HF_ENDPOINT"],
            "LINKWATCH_ARXIV_API_URL": f"{arxiv_server.url}/api/query",
            "LINKWATCH_S2_API_URL": f"{s2_server.url}/graph/v1",
            "TERM": "xterm-256color",
        }
        pages = base_env["LINKWATCH_PAGES"]
        args = [a for a in check_args(pages, "--no-cache") if a != "--no-progress"]
        command = " ".join(shlex.quote(part) for part in [sys.executable, "-m", "linkwatch", *args])
        for columns in (80, 160):
            for no_color in (False, True):
                name = f"{columns}-{'no-color' if no_color else 'color'}"
                variables = {**env, **({"NO_COLOR": "1"} if no_color else {})}
                exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in variables.items())
                session = f"linkwatch-{name}"
                shell = f"cd {shlex.quote(str(work))} && env -u CI {exports} {command}; sleep 600"
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
                subprocess.run(
                    ["tmux", "new-session", "-d", "-s", session, "-x", str(columns), "-y", "50",
                     shell],
                    check=True,
                )  # fmt: skip
                waiting, latest, deadline = [], "", time.monotonic() + 120
                while time.monotonic() < deadline:
                    screen = _capture(session)
                    if "errors ·" in screen:
                        break
                    latest = screen
                    if "next request in" in screen:
                        waiting.append(screen)
                    time.sleep(0.3)
                mid = waiting[len(waiting) // 2] if waiting else latest  # halfway through
                time.sleep(0.5)
                end = _capture(session)
                subprocess.run(["tmux", "kill-session", "-t", session], check=False)
                (out / f"{name}-progress.ansi").write_text(mid, encoding="utf-8")
                (out / f"{name}-end.ansi").write_text(end, encoding="utf-8")
                plain = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in end.splitlines()]
                widest = max((len(line) for line in plain), default=0)
                progress = next(
                    (
                        re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
                        for line in mid.splitlines()
                        if "arXiv IDs" in line
                    ),
                    "(none)",
                )
                coloured = "present" if "\x1b[" in end else "absent"
                print(f"{name}: colour codes {coloured}; widest line {widest} columns; "
                      f"progress line mid-run: {progress!r}")  # fmt: skip
        print(f"captures (with colour codes) in {out}")


def _capture(session: str) -> str:
    done = subprocess.run(
        ["tmux", "capture-pane", "-p", "-e", "-t", session, "-S", "-50"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout.rstrip("\n") + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tmux", action="store_true", help="terminal captures in tmux too")
    args = parser.parse_args()
    week()
    if args.tmux:
        print("\n== the terminal (tmux)")
        captures(ROOT / "reports" / "terminal")


if __name__ == "__main__":
    os.environ.pop("CI", None)
    main()
