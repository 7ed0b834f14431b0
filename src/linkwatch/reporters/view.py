"""
What the reports people read share: findings in reading order, grouped by kind or by section
with the new ones first, and safe links to survey lines and evidence.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from linkwatch.model import Finding, Severity
from linkwatch.model.targets import split_url
from linkwatch.reporters.baseline import NEW

NO_SECTION = "(before the first heading)"
SEPARATOR = " \u203a "
"""Between the headings of a section path as shown (a single right-pointing angle quote)."""


@dataclass(frozen=True, slots=True)
class Group:
    """Findings that share a kind or a section, in reading order."""

    title: str
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> Severity:
        """The worst severity in the group."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank)


def is_new(finding: Finding) -> bool:
    return finding.baseline == NEW


def split_new(findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
    """The findings new since the baseline, and the others (all of them without a baseline)."""
    new, other = [], []
    for finding in findings:
        (new if is_new(finding) else other).append(finding)
    return new, other


def by_kind(findings: Iterable[Finding]) -> list[Group]:
    """One group per kind, worst severity first, then by name."""
    groups = _grouped(findings, lambda f: f.kind)
    return sorted(groups, key=lambda g: (-g.severity.rank, g.title))


def by_section(findings: Iterable[Finding], files: Sequence[str] = ()) -> list[Group]:
    """One group per section, in the order of the survey."""
    ordered = sorted(findings, key=lambda f: (_file_order(files, f.file), f.line))
    return _grouped(ordered, lambda finding: section_title(finding, files))


def section_title(finding: Finding, files: Sequence[str] = ()) -> str:
    """The section path as shown, after the file's name when there are several files."""
    section = finding.section.replace(" > ", SEPARATOR) or NO_SECTION
    return f"{finding.file}{SEPARATOR}{section}" if len(files) > 1 else section


def _grouped(findings: Iterable[Finding], key: Callable[[Finding], str]) -> list[Group]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(key(finding), []).append(finding)
    return [Group(title, tuple(members)) for title, members in groups.items()]


def _file_order(files: Sequence[str], file: str) -> int:
    return files.index(file) if file in files else len(files)


def line_url(source_url: str | None, file: str, line: int) -> str | None:
    """The line on GitHub ('<source_url>/docs/survey.md#L42'); None without a source URL or
    for a file given by an absolute path, whose place in the repository is unknown."""
    if not source_url or posixpath.isabs(file) or not file:
        return None
    path = posixpath.normpath(file.replace("\\", "/"))
    if path.startswith("../"):
        return None
    return f"{source_url}/{quote(path)}#L{line}"


def web_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address a reader may follow, else None: a survey or a
    service may hand over 'javascript:' or 'data:' URLs, which must never become links."""
    if not url:
        return None
    url = url.strip()
    fast = split_url(url)  # cached, and without urlsplit for plain URLs: a page has thousands
    if fast is not None:
        return url if fast.scheme in ("http", "https") and fast.netloc else None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None
