"""
Render an HTML report of 5,000 findings and use it in headless chromium; print the figures.

Targets (issue 7): rendering under 2 s; in the browser the page loads and every filter, the
search, the grouping and the sorting respond (here: under 100 ms to the next painted frame, the
threshold at which a response feels immediate). The report is that of a generated survey (see
offline_checks.py) cut to exactly FINDINGS findings, one in ten marked new since a baseline.

    python benchmarks/html_report.py [FINDINGS] [RUNS]

Needs Debian's chromium at /usr/bin/chromium and the Python package playwright (the test extra).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from offline_checks import generate
from playwright.sync_api import Page, sync_playwright

from linkwatch import pipeline
from linkwatch.model.report import Compared, Report
from linkwatch.reporters import html
from linkwatch.reporters import json as json_report
from linkwatch.settings import Settings

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]  # fmt: skip
RESPONSIVE_MS = 100

# Runs one interaction in the page; returns [ms until its handler and layout are done,
# ms until the next frame is painted].
MEASURE = """async ([selector, action, value]) => {
  const element = document.querySelector(selector);
  const start = performance.now();
  if (action === "click") element.click();
  else { element.value = value; element.dispatchEvent(new Event("input", {bubbles: true})); }
  document.body.getBoundingClientRect();
  const handled = performance.now() - start;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [handled, performance.now() - start];
}"""
# (what, selector, action, value), in pairs that undo each other, so they can be repeated.
INTERACTIONS = [
    ("hide info findings", "#findings input[value=info]", "click", None),
    ("show them again", "#findings input[value=info]", "click", None),
    ("one kind only", "#findings select[name=kind]", "input", "year-mismatch"),
    ("all kinds again", "#findings select[name=kind]", "input", ""),
    ("group by kind", "#findings input[value=kind]", "click", None),
    ("group by section", "#findings input[value=section]", "click", None),
    ("sort by entry", "#findings th:nth-child(4) button", "click", None),
    ("sort by entry, desc", "#findings th:nth-child(4) button", "click", None),
    ("hide skipped links", "#links input[value=skipped]", "click", None),
    ("show them again", "#links input[value=skipped]", "click", None),
]
# Search: type, then wait for the list to change (the script waits 120 ms after a keystroke).
SEARCH = """async (text) => {
  const input = document.querySelector("#findings input[type=search]");
  const status = document.querySelector("#findings [data-shown]");
  const before = status.textContent;
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  while (status.textContent === before) await new Promise((r) => setTimeout(r, 1));
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
}"""


def build_report(findings: int, folder: Path) -> Report:
    """The offline report of a generated survey, cut to `findings` findings."""
    survey = folder / "survey.md"
    survey.write_text(generate(int(findings * 1.3) + 100))
    report = pipeline.run(Settings(files=(survey,), offline=True))
    assert len(report.findings) >= findings, "the generated survey has too few findings"
    marked = tuple(
        replace(f, baseline="new" if i % 10 == 0 else "persisting")
        for i, f in enumerate(report.findings[:findings])
    )
    fixed = tuple(replace(f, baseline=None) for f in report.findings[findings : findings + 50])
    return replace(report, findings=marked, fixed=fixed, compared_with=Compared("old.json", "x"))


def time_render(report: Report, runs: int) -> tuple[float, list[float], str]:
    started = time.perf_counter()
    text = html.render(report)  # the first call also compiles the template
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        html.render(report)
        times.append(time.perf_counter() - started)
    return first, times, text


def use_in_browser(path: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        print(f"browser: page loaded (parsed, laid out, script run) in "
              f"{time.perf_counter() - started:.2f} s; console errors: {len(errors)}")  # fmt: skip
        _interact(page, repeats=5)
        browser.close()


def _interact(page: Page, repeats: int) -> None:
    slowest = 0.0
    timings: dict[int, list[tuple[float, float]]] = {i: [] for i in range(len(INTERACTIONS))}
    statuses: dict[int, str] = {}
    for _ in range(repeats):
        for index, (_, selector, action, value) in enumerate(INTERACTIONS):
            timings[index].append(page.evaluate(MEASURE, [selector, action, value]))
            statuses[index] = page.locator(f"{selector.split()[0]} [data-shown]").text_content()
    print(f"interactions, median and worst of {repeats} (ms until handled and laid out; "
          "until the next frame is painted):")  # fmt: skip
    for index, (what, *_) in enumerate(INTERACTIONS):
        handled = [t[0] for t in timings[index]]
        painted = [t[1] for t in timings[index]]
        slowest = max(slowest, statistics.median(painted))
        print(f"  {what:<20} {statistics.median(handled):5.0f} (worst {max(handled):4.0f})"
              f"   painted {statistics.median(painted):5.0f} (worst {max(painted):4.0f})"
              f"   {statuses[index]}")  # fmt: skip
    verdict = "responsive" if slowest < RESPONSIVE_MS else "SLOW"
    print(f"slowest median interaction: {slowest:.0f} ms to the next frame ({verdict}: "
          f"target < {RESPONSIVE_MS} ms)")  # fmt: skip
    searches = [page.evaluate(SEARCH, text) for text in ("paper 12", "", "learning fast", "")]
    print(f"search: {statistics.median(searches):.0f} ms median from the keystroke to the painted"
          " list, of which 120 ms is the script's deliberate pause while typing")  # fmt: skip


def _rerender(report: Report, folder: Path) -> float:
    source = folder / "linkwatch.json"
    if not source.exists():
        source.write_text(json_report.render(report), encoding="utf-8")
    command = [sys.executable, "-m", "linkwatch", "report", str(source), "-f", "html", "-o"]
    started = time.perf_counter()
    subprocess.run([*command, str(folder / "again")], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    findings = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as folder:
        report = build_report(findings, Path(folder))
        first, times, text = time_render(report, runs)
        path = Path(folder) / "linkwatch.html"
        path.write_text(text, encoding="utf-8")
        print(f"report: {len(report.findings)} findings, {len(report.fixed)} fixed, "
              f"{len(report.links)} links, {len(report.entries)} entries; "
              f"HTML {len(text.encode()) / 1e6:.1f} MB")  # fmt: skip
        print(f"render to HTML: first {first:.3f} s (with template compile), then median "
              f"{statistics.median(times):.3f} s, worst {max(times):.3f} s over {runs} runs "
              "(target < 2 s)")  # fmt: skip
        commands = [_rerender(report, Path(folder)) for _ in range(3)]
        print(f"'linkwatch report REPORT.json -f html', a fresh process (start, read, validate, "
              f"render, write): median {statistics.median(commands):.2f} s of 3")  # fmt: skip
        use_in_browser(path)


if __name__ == "__main__":
    main()
