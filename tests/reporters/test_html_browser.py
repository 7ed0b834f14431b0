"""
The HTML report in a real browser (Debian's chromium, headless): grouped findings, filters,
search and sorting change what is visible, hostile text stays inert, nothing is requested and
nothing is logged to the console. Screenshots go to reports/screenshots/ for a person to see.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import chdir
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from linkwatch import pipeline
from linkwatch.model import Link, LinkOutcome, LinkStatus, Role, Syntax
from linkwatch.model.report import LinkRow, Report
from linkwatch.reporters import html
from linkwatch.settings import Settings
from tests.conftest import PROJECT
from tests.reporters.conftest import Opened
from tests.reporters.hostile import IMG, SCRIPT, TITLE, hostile_report

OpenHtml = Callable[..., Opened]

# What the page shows: the visible groups with their titles, counts and rows.
VISIBLE_GROUPS = """() => Array.from(
  document.querySelectorAll("#findings [data-by]:not([hidden]) [data-group]:not([hidden])"),
  (group) => ({
    title: group.querySelector("h3 .title").textContent,
    count: group.querySelector("[data-count]").textContent,
    rows: Array.from(group.querySelectorAll("tbody tr:not([hidden])"), (row) =>
      [row.dataset.kind, row.querySelector(".line").textContent.trim(), row.dataset.severity]),
  }))"""
VISIBLE_LINKS = """() => Array.from(document.querySelectorAll("#links tbody tr:not([hidden])"),
  (row) => Array.from(row.cells, (cell) => cell.textContent.trim()))"""


@pytest.fixture(scope="module")
def survey_report() -> Report:
    """The offline report of the project's survey.md, as 'linkwatch check --offline' makes it."""
    with chdir(PROJECT):
        return pipeline.run(Settings(files=(Path("survey.md"),), offline=True))


@pytest.fixture
def survey_page(survey_report: Report, open_html: OpenHtml) -> Opened:
    return open_html(html.render(survey_report))


def _rows(opened: Opened) -> list[list[str]]:
    return [row for group in opened.page.evaluate(VISIBLE_GROUPS) for row in group["rows"]]


def test_survey_md_findings_are_grouped_by_section(
    survey_report: Report, survey_page: Opened
) -> None:
    expected: dict[str, list[list[str]]] = {}
    for f in sorted(survey_report.findings, key=lambda f: f.line):
        title = f.section.replace(" > ", " \u203a ")
        expected.setdefault(title, []).append([f.kind, f"survey.md:{f.line}", f.severity.value])
    groups = survey_page.page.evaluate(VISIBLE_GROUPS)
    survey_page.screenshot("survey-report.png", full_page=False)
    survey_page.screenshot("survey-report-findings.png", element="#findings")
    assert [(g["title"], g["rows"]) for g in groups] == list(expected.items())
    assert [g["count"] for g in groups] == [str(len(rows)) for rows in expected.values()]
    assert groups[0]["title"] == "Types of Data Synthesis and Augmentation"
    assert survey_page.page.locator("[data-shown]").first.text_content() == "All 58 findings"


def test_grouping_by_kind_moves_every_row_and_back(
    survey_report: Report, survey_page: Opened
) -> None:
    by_section = survey_page.page.evaluate(VISIBLE_GROUPS)
    survey_page.page.get_by_role("radio", name="kind").check()
    groups = survey_page.page.evaluate(VISIBLE_GROUPS)
    survey_page.screenshot("survey-report-by-kind.png", full_page=False)
    assert [g["title"] for g in groups][:3] == ["empty-entry", "malformed-url", "placeholder-link"]
    assert {g["title"]: len(g["rows"]) for g in groups} == survey_report.by_kind()
    assert all(row[0] == g["title"] for g in groups for row in g["rows"])
    survey_page.page.get_by_role("radio", name="section").check()
    assert survey_page.page.evaluate(VISIBLE_GROUPS) == by_section


def test_severity_filters_hide_rows_and_empty_groups(survey_page: Opened) -> None:
    page = survey_page.page
    page.get_by_role("checkbox", name="info").uncheck()
    rows = _rows(survey_page)
    assert len(rows) == 8 + 26
    assert {row[2] for row in rows} == {"error", "warning"}
    titles = [g["title"] for g in page.evaluate(VISIBLE_GROUPS)]
    assert "Applications \u203a Applications \u203a Financial" not in titles  # info only
    assert page.locator("[data-shown]").first.text_content() == "34 of 58 findings shown"
    page.get_by_role("checkbox", name="warning").uncheck()
    page.get_by_role("checkbox", name="error").uncheck()
    assert _rows(survey_page) == []
    assert page.get_by_text("No finding matches these filters.").is_visible()


def test_the_kind_menu_shows_one_kind(survey_page: Opened) -> None:
    survey_page.page.get_by_role("combobox", name="Kind").select_option("year-mismatch")
    rows = _rows(survey_page)
    assert [row[0] for row in rows] == ["year-mismatch"] * 8


def test_search_keeps_the_rows_that_mention_the_text(
    survey_report: Report, survey_page: Opened
) -> None:
    page = survey_page.page
    page.get_by_label("Search").first.fill("2212.10560")
    expect(page.locator("[data-shown]").first).to_contain_text(" of ")  # after the debounce
    mentioned = [
        [f.kind, f"survey.md:{f.line}", f.severity.value]
        for f in sorted(survey_report.findings, key=lambda f: f.line)
        if "2212.10560" in f"{f.problem.message} {f.problem.entry_title} {f.problem.fix}"
    ]
    assert len(mentioned) >= 4
    assert sorted(_rows(survey_page)) == sorted(mentioned)
    page.get_by_label("Search").first.fill("")
    expect(page.locator("[data-shown]").first).to_have_text("All 58 findings")
    assert len(_rows(survey_page)) == 58


def test_sorting_orders_the_rows_of_every_group(survey_page: Opened) -> None:
    page = survey_page.page
    line = page.locator("#findings th").filter(has_text="Line").first
    line.get_by_role("button").click()
    assert line.get_attribute("aria-sort") == "ascending"
    line.get_by_role("button").click()
    assert line.get_attribute("aria-sort") == "descending"
    for group in page.evaluate(VISIBLE_GROUPS):
        numbers = [int(row[1].split(":")[1]) for row in group["rows"]]
        assert numbers == sorted(numbers, reverse=True), group["title"]
    page.locator("#findings th").filter(has_text="Severity").first.get_by_role("button").click()
    rank = {"error": 0, "warning": 1, "info": 2}
    for group in page.evaluate(VISIBLE_GROUPS):
        ranks = [rank[row[2]] for row in group["rows"]]
        assert ranks == sorted(ranks), group["title"]


def test_the_page_requests_nothing_and_works_offline(survey_page: Opened) -> None:
    assert survey_page.requests == [survey_page.url]
    assert survey_page.page.evaluate("document.querySelectorAll('link[href^=http]').length") == 0


def test_without_javascript_every_finding_is_still_there(
    survey_report: Report, open_html: OpenHtml
) -> None:
    opened = open_html(html.render(survey_report), javascript=False)
    assert opened.page.locator("#findings tbody tr").count() == 58
    assert not opened.page.locator("#findings form").is_visible()


def test_hostile_text_stays_inert(open_html: OpenHtml) -> None:
    report = hostile_report()
    old = tuple(replace(finding, baseline="persisting") for finding in report.findings)
    opened = open_html(html.render(replace(report, findings=old)))
    page = opened.page
    page.get_by_label("Search").first.fill("pwned")
    expect(page.locator("[data-shown]").first).to_have_text("All 1 finding")
    page.locator("#findings th button").first.click()
    page.get_by_role("radio", name="kind").check()
    page.locator("#links th button").first.click()
    opened.screenshot("hostile-report.png", full_page=False)
    assert opened.dialogs == []
    assert page.title() == "linkwatch report: docs/a,b:c.md"
    assert page.evaluate("document.querySelectorAll('img, b, [onerror]').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # the page's own two
    assert page.evaluate("document.querySelectorAll('a[href^=javascript i]').length") == 0
    assert page.locator("#findings td.entry").first.text_content() == TITLE
    assert page.locator("#findings h3 .title").first.text_content() == SCRIPT
    assert page.locator("#links td.detail").text_content() == IMG
    assert opened.requests == [opened.url]


def _link(url: str, line: int, status: LinkStatus, code: int | None, ms: int | None) -> LinkRow:
    final = "https://example.org/moved" if status == LinkStatus.REDIRECT else None
    outcome = LinkOutcome(status, f"{status.value} detail", code, final, ms)
    return LinkRow(Link(url, "survey.md", line, Role.PAPER, Syntax.INLINE), outcome)


LINKS = (
    _link("https://example.org/ok", 3, LinkStatus.OK, 200, 120),
    _link("https://example.org/gone", 4, LinkStatus.BROKEN, 404, 80),
    _link("https://example.org/old", 5, LinkStatus.REDIRECT, 301, 40),
    _link("https://slow.example.org/", 6, LinkStatus.TIMEOUT, None, None),
    _link("https://busy.example.org/", 7, LinkStatus.RATE_LIMITED, 429, 5),
    _link("https://example.org/skip", 8, LinkStatus.SKIPPED, None, None),
    _link("https://down.example.org/", 9, LinkStatus.ERROR, None, 3),
)


def test_the_link_table_shows_every_status(survey_report: Report, open_html: OpenHtml) -> None:
    opened = open_html(html.render(replace(survey_report, links=LINKS)))
    rows = opened.page.evaluate(VISIBLE_LINKS)
    assert [row[0] for row in rows] == [
        "broken",
        "error",
        "timeout",
        "rate-limited",
        "redirect",
        "ok",
        "skipped",
    ]
    redirect = rows[4]
    assert redirect[4:7] == ["301", "https://example.org/moved", "40 ms"]
    assert rows[2][4:7] == ["—", "—", "—"]
    opened.page.get_by_role("checkbox", name="skipped").uncheck()
    assert len(opened.page.evaluate(VISIBLE_LINKS)) == 6


def test_link_sorting_puts_empty_values_last(survey_report: Report, open_html: OpenHtml) -> None:
    opened = open_html(html.render(replace(survey_report, links=LINKS)))
    http = opened.page.locator("#links th").filter(has_text="HTTP").get_by_role("button")
    http.click()
    assert [row[4] for row in opened.page.evaluate(VISIBLE_LINKS)] == [
        *["200", "301", "404", "429"],
        *["—", "—", "—"],
    ]
    http.click()
    codes = [row[4] for row in opened.page.evaluate(VISIBLE_LINKS)]
    assert codes == ["429", "404", "301", "200", "—", "—", "—"]


def test_lines_link_to_github_when_the_source_is_known(
    survey_report: Report, open_html: OpenHtml
) -> None:
    source = "https://github.com/owner/survey/blob/0123abc"
    opened = open_html(html.render(replace(survey_report, source_url=source)))
    first = opened.page.locator("#findings td.line a").first
    assert first.get_attribute("href") == f"{source}/survey.md#L26"
    assert first.text_content() == "survey.md:26"


def test_a_long_report_shows_a_page_at_a_time(survey_report: Report, open_html: OpenHtml) -> None:
    long = replace(survey_report, findings=survey_report.findings * 8)
    opened = open_html(html.render(long))
    page = opened.page
    status = page.locator("#findings [data-shown]")
    assert (len(_rows(opened)), status.text_content()) == (
        200,
        "All 464 findings (the first 200 shown)",
    )
    page.get_by_role("button", name="Show 200 more (264 not shown)").click()
    assert len(_rows(opened)) == 400
    page.get_by_role("button", name="Show 64 more (64 not shown)").click()
    assert (len(_rows(opened)), status.text_content()) == (464, "All 464 findings")
    assert not page.locator("#findings [data-more]").is_visible()
    page.get_by_role("checkbox", name="info").uncheck()
    assert status.text_content() == "272 of 464 findings (the first 200 shown)"
    groups = page.evaluate(VISIBLE_GROUPS)
    assert sum(int(g["count"].split(" of ")[0]) for g in groups) <= 272


def test_without_javascript_a_long_report_shows_every_row(
    survey_report: Report, open_html: OpenHtml
) -> None:
    long = replace(survey_report, findings=survey_report.findings * 8)
    opened = open_html(html.render(long), javascript=False)
    visible = opened.page.locator("#findings tbody tr").evaluate_all(
        "(rows) => rows.filter((row) => row.getClientRects().length > 0).length"
    )
    assert visible == 464
