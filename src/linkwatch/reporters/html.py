"""
The HTML report: one self-contained page (inline CSS and JS, no CDN, no request at all) rendered
by Jinja2 with autoescaping, so text from the survey or from remote services is always text.

A Content-Security-Policy in the page allows only its own stylesheet and script (by hash), so
even a markup injection that got past the escaping could not run a script or load anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from linkwatch.model.report import Report
from linkwatch.reporters.html_view import PAGE, page


@dataclass(frozen=True, slots=True)
class Asset:
    """An inline stylesheet or script of the package, and its hash for the page's CSP."""

    text: Markup
    """Marked safe: it is the package's own CSS or JS, never survey or service text."""
    csp: Markup
    """"'sha256-…'" (base64 has no character to escape)."""


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("linkwatch.reporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> Asset:
    text = resources.files("linkwatch.reporters").joinpath("templates", name).read_text("utf-8")
    return _hashed(text)


def _hashed(text: str) -> Asset:
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return Asset(Markup(text), Markup(f"'sha256-{digest}'"))


# Runs in <head>, before the rows are parsed: with it, the rows past the first page (hidden in
# the HTML) are never laid out; without JavaScript a CSS rule shows them all.
_EARLY = _hashed('document.documentElement.classList.add("js");')


def render(report: Report) -> str:
    return "".join(stream(report))


def stream(report: Report) -> Iterator[str]:
    """The page as Jinja2 renders it, piece by piece (a report of 45,000 links is 24 MB)."""
    template = _environment().get_template("report.html.j2")
    return template.generate(
        page=page(report),
        css=_asset("report.css"),
        js=_asset("report.js"),
        early=_EARLY,
        page_size=PAGE,
    )
