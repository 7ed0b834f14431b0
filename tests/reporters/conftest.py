"""
A real headless browser for the HTML report: Debian's chromium driven by Playwright. Each page
is opened from a file, as a maintainer opens a downloaded report, and every console error, page
error, dialog and request is recorded so tests can say there were none.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
# Never 'playwright install': the browser is the distribution's, installed by .ci/run.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("LINKWATCH_SCREENSHOTS", PROJECT / "reports" / "screenshots"))
_WRITTEN: list[Path] = []


@dataclass
class Opened:
    """A report open in the browser, and what happened while it was."""

    page: Page
    url: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def screenshot(self, name: str, full_page: bool = True, element: str | None = None) -> Path:
        """Write a PNG for a person to look at (listed at the end of the test run): the page,
        or only the element `element` (a CSS selector)."""
        path = SCREENSHOTS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if element:
            self.page.locator(element).screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=full_page)
        _WRITTEN.append(path)
        return path


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One browser for the reporter tests, closed when they end: Playwright's sync API keeps an
    event loop running in this thread, and the CLI's own asyncio.run must not meet it."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (bash .ci/run does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_html(browser: Browser, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    """Open an HTML text as file://…/linkwatch.html; no console error may be logged."""
    opened: list[Opened] = []

    def open_(html: str, javascript: bool = True, width: int = 1400) -> Opened:
        path = tmp_path / f"report{len(opened)}" / "linkwatch.html"
        path.parent.mkdir()
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(
            java_script_enabled=javascript, viewport={"width": width, "height": 1000}
        )
        page = context.new_page()
        result = Opened(page, path.as_uri())
        page.on("console", lambda m: m.type == "error" and result.errors.append(m.text))
        page.on("pageerror", lambda exc: result.errors.append(str(exc)))
        page.on("dialog", lambda d: (result.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda request: result.requests.append(request.url))
        page.goto(result.url)
        opened.append(result)
        return result

    yield open_
    for result in opened:
        result.page.context.close()
        assert result.errors == [], f"console errors in {result.url}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _WRITTEN:
        terminalreporter.write_sep("-", "screenshots of the HTML report")
        for path in dict.fromkeys(_WRITTEN):
            terminalreporter.write_line(str(path))
