"""
A paper's page read for what it says of the paper: Google Scholar's Highwire Press tags
(`citation_title`, `citation_publication_date` / `citation_date` / `citation_online_date`,
`citation_conference_title` / `citation_journal_title`, `citation_doi`, `citation_arxiv_id`;
APIS.md §4b), from the first 64 KiB the web prober reads anyway: they sit in `<head>`.
"""

from __future__ import annotations

import re
import warnings

from linkwatch.model.records.web import PageMeta

_CHARSET = re.compile(r"charset=[\"']?([-\w.:]+)", re.I)
_DATES = ("citation_publication_date", "citation_date", "citation_online_date")
_VENUES = ("citation_conference_title", "citation_journal_title")


def page_meta(body: bytes, content_type: str | None) -> PageMeta | None:
    """The citation_* tags of an HTML page's head; None for anything else (a PDF, a page
    without citation_title)."""
    if content_type and "html" not in content_type.lower():
        return None
    if b"citation_" not in body:
        return None  # most pages: no need to parse them at all
    tags = _meta_tags(_decoded(body, content_type))
    title = " ".join(tags.get("citation_title", "").split())
    if not title:
        return None
    date = next((tags[name] for name in _DATES if tags.get(name)), "")
    venue = next((tags[name] for name in _VENUES if tags.get(name)), "")
    return PageMeta(
        title=title,
        date=date.strip(),
        venue=" ".join(venue.split()),
        doi=tags.get("citation_doi", "").strip(),
        arxiv_id=tags.get("citation_arxiv_id", "").strip(),
    )


def _decoded(body: bytes, content_type: str | None) -> str:
    found = _CHARSET.search(content_type or "")
    try:
        return body.decode(found.group(1) if found else "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _meta_tags(html: str) -> dict[str, str]:
    """The first value of each meta name (or property), names in lower case."""
    from bs4 import BeautifulSoup, SoupStrainer, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "html.parser", parse_only=SoupStrainer("meta"))
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").lower()
        content = tag.get("content")
        if name.startswith("citation_") and isinstance(content, str) and name not in tags:
            tags[name] = content
    return tags
