"""
What the published record says of a paper linked without arXiv: Semantic Scholar's answer
for the DOI, ACL Anthology ID or paper id its link names, and the citation_* tags of its page.
The title, year and venue checks read these as they read arXiv's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from linkwatch.checks.base import Context
from linkwatch.model import Entry
from linkwatch.model.paper_links import s2_key
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.model.records.web import PageMeta
from linkwatch.papers.titles import Likeness, compare


@dataclass(frozen=True, slots=True)
class TitleSource:
    """A title a source gives for the paper, and where to see it."""

    name: str
    """How a message names the source: 'arXiv', 'Semantic Scholar', 'the paper's page'."""
    title: str
    evidence: str


def s2_record_of(context: Context, entry: Entry) -> S2Record | None:
    """Semantic Scholar's answer for the entry (by arXiv ID, else by its link's DOI or ACL ID)."""
    key = s2_key(entry.paper_url, entry.arxiv_id)
    return context.records.s2.get(key) if key else None


def page_meta_of(context: Context, entry: Entry) -> PageMeta | None:
    """What the entry's paper page says in its head, when it was read."""
    record = context.records.web.get(entry.paper_url) if entry.paper_url else None
    return record.meta if record is not None else None


def published_titles(context: Context, entry: Entry) -> list[TitleSource]:
    """The titles the published record gives an entry without arXiv: Semantic Scholar's,
    the page's, or both."""
    if entry.arxiv_id:
        return []
    sources = []
    record = s2_record_of(context, entry)
    if record is not None and record.status == S2Status.FOUND and record.title:
        sources.append(TitleSource("Semantic Scholar", record.title, record.url))
    meta = page_meta_of(context, entry)
    if meta is not None and entry.paper_url:
        sources.append(TitleSource("the paper's page", meta.title, entry.paper_url))
    return sources


def published_title(context: Context, entry: Entry) -> TitleSource | None:
    """The one title the published record gives; None when it is silent or its sources
    disagree beyond letter case (then nothing is asserted)."""
    sources = published_titles(context, entry)
    if not sources:
        return None
    first = sources[0]
    if any(compare(first.title, other.title).likeness not in _AGREE for other in sources[1:]):
        return None
    return first


_AGREE = (Likeness.SAME, Likeness.CASE)
