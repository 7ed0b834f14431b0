"""
Checks on how the survey is written: empty rows, malformed and placeholder URLs, broken tables
and anchors. None of them needs the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote

from rapidfuzz import process

from linkwatch.checks.base import Context, replacing_url
from linkwatch.model import Entry, Fix, Link, LinkStatus, Problem, Role, Syntax
from linkwatch.model.targets import (
    ARXIV_HOSTS,
    LOOKS_LIKE_DOMAIN,
    arxiv_ref,
    is_placeholder,
    split_url,
)
from linkwatch.parse.fields import is_generic

_PLACEHOLDER_TITLE = re.compile(
    r"^(?:example paper|paper title|title|tbd|todo|xxx+|lorem ipsum.*|your paper.*)$", re.I
)
_WHITESPACE = re.compile(r"\s")
# What a bare URL can carry away of a link Markdown refused: ')]', ')', or a full-width
# bracket ('\uff09', '\u3011') that ends it in Chinese text
_MARKDOWN_RESIDUE = re.compile(r"[)\]\uff09\u3011\u300d]+$")
_FULL_WIDTH = re.compile(r"[\uff09\u3011\u300d]")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.I)
_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
# A bare URL in a cell followed by more URL after a space: 'https://huggingface.co/ datasets/x'
_SPLIT_URL = re.compile(
    r"^(?P<head>https?://\S+)(?P<tail>(?:\s+[\w.~%/?=&#:+-]*/[\w.~%/?=&#:+-]*)+)$"
)


def empty_entry(context: Context) -> Iterator[Problem]:
    """An entry with neither a title nor any link, such as `| []() | arxiv 2024 | - |` or
    `- []()`: it shows nothing a reader can use. A row with a title and no link is a paper the
    list names without linking, which is its choice."""
    for entry in context.survey.entries:
        if not entry.title and not entry.paper_url and not entry.code_urls:
            yield Problem(
                entry.file,
                entry.line,
                "Empty entry: it has no title and no link.",
                url=entry.paper_url or None,
                entry_title=entry.title or None,
            )


def placeholder_link(context: Context) -> Iterator[Problem]:
    """A placeholder left in the survey: `[example paper](https://arxiv.org/abs/...)`, a link
    to example.com, or a template row."""
    linked = set()
    for link in context.survey.links:
        if not link.url and link.syntax == Syntax.INLINE and _names_a_slot(link.text):
            linked.add((link.file, link.line))
            yield Problem(  # '[code]()': GitHub links the page itself
                link.file,
                link.line,
                f"Empty link left in the survey: [{link.text}]() links nowhere.",
                entry_title=link.text,
            )
        elif link.url and is_placeholder(link.url):
            linked.add((link.file, link.line))
            yield Problem(
                link.file,
                link.line,
                f"Placeholder link left in the survey: {link.url}",
                url=link.url,
                entry_title=link.text or None,
            )
    for entry in context.survey.entries:
        if _PLACEHOLDER_TITLE.match(entry.title) and (entry.file, entry.line) not in linked:
            yield Problem(
                entry.file,
                entry.line,
                f"Placeholder row left in the survey: '{entry.title}'.",
                url=entry.paper_url,
                entry_title=entry.title,
            )


def _names_a_slot(text: str) -> bool:
    """Link words that only say what the link was to be ('[code]()', '[\\[paper\\]]()'): a
    slot left empty. A title linked to nothing ('[A paper with no link]()') or '[Coming
    soon]()' still tells the reader something."""
    # a note says why it is empty ('[💻 Code (not yet)]()'): no slot forgotten
    return bool(text.strip(" []")) and is_generic(text) and not text.rstrip().endswith(")")


def malformed_url(context: Context) -> Iterator[Problem]:
    """A URL no browser can follow: a space inside it, a misspelt scheme ('htps://'), a bad
    host ('arxiv,org'), a missing scheme (GitHub then treats it as a file path), or an arXiv
    link whose ID cannot exist."""
    for link in context.survey.links:
        if link.url and not is_placeholder(link.url):
            reason, fix = _url_defect(link)
            if reason:
                yield Problem(
                    link.file,
                    link.line,
                    f"Malformed URL {link.url!r}: {reason}.",
                    url=link.url,
                    entry_title=link.text or None,
                    fix=fix,
                )
    for entry in context.survey.entries:
        yield from _split_urls(entry)


def _url_defect(link: Link) -> tuple[str, Fix | None]:
    url = link.url
    if _WHITESPACE.search(url):
        if not url.startswith("#") and ":" not in url and "/" not in url:  # '[[pdf]](Title)'
            return "words stand where the URL belongs, so GitHub shows no link", None
        return "it contains a space", None
    if link.role == Role.TOC or (link.syntax == Syntax.IMAGE and "://" not in url):
        return "", None
    if "://" not in url:
        if link.syntax in (Syntax.INLINE, Syntax.REFERENCE) and LOOKS_LIKE_DOMAIN.match(url):
            return "it has no https://, so GitHub treats it as a file path", replacing_url(
                link, "https://" + url, safe=False
            )
        return "", None  # a relative link to a file, or mailto:
    residue = _MARKDOWN_RESIDUE.search(url) if link.syntax == Syntax.BARE else None
    unbalanced = url.count(")") > url.count("(") or url.count("]") > url.count("[")
    if residue and (unbalanced or _FULL_WIDTH.search(residue[0])):
        # '[[Website] (https://progport.github.io/)]': GitHub links the URL with its ')]'
        return f"it ends in {residue[0]!r}, left of a link Markdown did not read", (
            replacing_url(link, url[: residue.start()], safe=False)
        )
    parts = split_url(url)
    if parts is None:
        return "it cannot be parsed (a bad port or IPv6 address)", None
    hostname = parts.host
    if parts.scheme not in _SCHEMES:
        return f"'{parts.scheme}://' is not a web address scheme", None
    return _host_defect(parts.netloc, hostname) or _arxiv_defect(url, hostname, parts.path), None


def _arxiv_defect(url: str, host: str, path: str) -> str:
    if host not in ARXIV_HOSTS or not path.startswith(("/abs/", "/pdf/")):
        return ""
    ref = arxiv_ref(url)
    if ref is None:
        return f"'{path.split('/', 2)[2]}' is not an arXiv identifier"
    return ref.defect() or ""


@lru_cache(maxsize=4096)
def _host_defect(netloc: str, host: str) -> str:
    if not host:
        return "it has no host name"
    labels = host.rstrip(".").split(".")
    if len(labels) < 2 and host != "localhost":
        return f"'{host}' is not a full host name"
    if not all(_HOST_LABEL.match(label) for label in labels):
        return f"'{netloc}' is not a valid host name"
    return ""


def _split_urls(entry: Entry) -> Iterator[Problem]:
    for cell in (entry.title_cell, *entry.code_cells):
        match = _SPLIT_URL.match(cell.text) if cell and " " in cell.text.strip() else None
        if cell and match:
            joined = match["head"] + "".join(match["tail"].split())
            yield Problem(
                entry.file,
                entry.line,
                f"Malformed URL {cell.text!r}: a space splits it in two; "
                f"it probably should be {joined}.",
                url=cell.text,
                entry_title=entry.title or None,
                fix=Fix(entry.line, cell.source, joined, cell.span.start, safe=False)
                if cell.source == cell.text
                else None,
            )


def table_malformed(context: Context) -> Iterator[Problem]:
    """A row with more or fewer cells than its header (GitHub pads or drops cells, so a value
    lands in the wrong column), or a table GitHub does not render at all."""
    for defect in context.survey.table_defects:
        yield Problem(defect.file, defect.line, defect.message)


def broken_anchor(context: Context) -> Iterator[Problem]:
    """A '#fragment' link that no heading of the file produces, with GitHub's slug rules:
    '#applications-1' is the second 'Applications' heading."""
    for link in context.survey.links:
        if not link.url.startswith("#") or len(link.url) == 1 or _WHITESPACE.search(link.url):
            continue  # '#two words' is no link at all: malformed-url says so
        if context.status(link).status != LinkStatus.BROKEN:
            continue
        # sorted: among equally close anchors the suggestion must not depend on hash order
        anchors = sorted(context.survey.anchors(link.file))
        fragment = unquote(link.url[1:])
        closest = process.extractOne(fragment, anchors, score_cutoff=80) if anchors else None
        hint = f" Did you mean #{closest[0]}?" if closest else ""
        yield Problem(
            link.file,
            link.line,
            f"No heading in {link.file} has the anchor {link.url}.{hint}",
            url=link.url,
            entry_title=link.text or None,
            fix=replacing_url(link, "#" + closest[0], safe=False) if closest else None,
        )
