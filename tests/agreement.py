"""
The links table and the findings must tell one story: each link shown broken has a finding
on its line naming its URL, and each finding that calls a link broken (or slow, or throttled)
has that link shown so. The suite checks every JSON report its tests write (tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Finding kinds that speak of one link's state, and the status its row must then show.
LINK_STATES = {
    "broken-link": "broken",
    "broken-anchor": "broken",
    "repo-not-found": "broken",
    "hf-not-found": "broken",
    "arxiv-not-found": "broken",
    "timeout": "timeout",
    "rate-limited": "rate-limited",
}


def disagreements(report: Mapping[str, Any]) -> list[str]:
    """Every place where the links table and the findings contradict each other."""
    rows: dict[tuple[str, int, str], set[str]] = {}
    for row in report.get("links", ()):
        rows.setdefault((row["file"], row["line"], row["url"]), set()).add(row["status"])
    named: dict[tuple[str, int, str], set[str]] = {}
    for finding in report.get("findings", ()):
        if finding.get("url"):
            key = (finding["file"], finding["line"], finding["url"])
            named.setdefault(key, set()).add(finding["kind"])
    problems = []
    for key, statuses in rows.items():
        if "broken" in statuses and not any(
            LINK_STATES.get(k) == "broken" for k in named.get(key, ())
        ):
            problems.append(f"{_where(key)} is shown broken, but no finding says so")
    for key, kinds in named.items():
        for kind in kinds:
            wanted = LINK_STATES.get(kind)
            if wanted is not None and wanted not in rows.get(key, set()):
                shown = ", ".join(sorted(rows.get(key, set()))) or "not shown"
                problems.append(f"{_where(key)} has a {kind} finding, but its row is {shown}")
    return problems


def _where(key: tuple[str, int, str]) -> str:
    file, line, url = key
    return f"{file}:{line} {url}"
