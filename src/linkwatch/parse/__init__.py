"""
Survey parsing: Markdown files in, entries, links and headings out.
"""

from __future__ import annotations

from collections.abc import Iterable

from linkwatch.model import SourceFile, Survey
from linkwatch.parse.markdown import UrlSink
from linkwatch.parse.survey import parse_source


def parse_survey(sources: Iterable[SourceFile], on_urls: UrlSink | None = None) -> Survey:
    """Parse every file and gather what they hold into one Survey; `on_urls`, if given, is
    handed the links' URLs as they are found."""
    files = tuple(sources)
    parsed = [parse_source(source, on_urls) for source in files]
    return Survey(
        files=files,
        entries=tuple(entry for p in parsed for entry in p.entries),
        links=tuple(link for p in parsed for link in p.links),
        headings=tuple(heading for p in parsed for heading in p.headings),
        table_defects=tuple(defect for p in parsed for defect in p.table_defects),
        html_anchors={f.path: frozenset(p.anchors) for f, p in zip(files, parsed, strict=True)},
    )
