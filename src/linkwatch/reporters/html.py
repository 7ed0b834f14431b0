"""
The HTML report: one self-contained page (no CDN), rendered with Jinja2 and autoescaping, so
titles and messages taken from the survey or from remote services can never inject markup.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from linkwatch.model import Severity
from linkwatch.reporters.report import Report


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("linkwatch.reporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(report: Report) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(report=report, severities=list(Severity))
