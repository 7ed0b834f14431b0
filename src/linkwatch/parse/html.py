"""
Links inside raw HTML in the Markdown (`<a href>`, `<img src>`), which awesome lists use for
badges and logos.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from linkwatch.model import Link, Role, Syntax

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_URL_ATTRIBUTES = {"a": "href", "img": "src", "source": "src", "video": "src", "iframe": "src"}


def html_anchors(html: str) -> Iterator[str]:
    """The ids and names an HTML fragment defines, which '#fragment' links may target."""
    if "id=" not in html and "name=" not in html:
        return
    for tag in _soup(html).find_all(True):
        for attribute in ("id", "name"):
            value = tag.get(attribute)
            if isinstance(value, str) and value:
                yield value


def _soup(html: str) -> BeautifulSoup:
    # Imported on first use: bs4 (and the lxml it probes for) costs a survey without raw HTML
    # 50 ms and megabytes for nothing.
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def html_links(file: str, html: str, first_line: int) -> Iterator[Link]:
    """Every link attribute in an HTML fragment that starts on `first_line`."""
    if "href" not in html and "src" not in html:
        return
    for _, link in tagged_links(file, _soup(html), first_line):
        yield link


def parsed(html: str) -> BeautifulSoup:
    """The fragment as beautifulsoup4 reads it (html.parser: tags know their source line)."""
    return _soup(html)


def tagged_links(file: str, soup: BeautifulSoup, first_line: int) -> Iterator[tuple[Tag, Link]]:
    """Every link attribute of a parsed fragment, with the tag that holds it."""
    for tag in soup.find_all(list(_URL_ATTRIBUTES)):
        url = tag.get(_URL_ATTRIBUTES[tag.name])
        if isinstance(url, str) and url.strip():
            line = first_line + (tag.sourceline or 1) - 1
            role = Role.TOC if url.startswith("#") else Role.OTHER
            text = tag.get_text(" ", strip=True)
            yield tag, Link(url.strip(), file, line, role, Syntax.HTML, text)
