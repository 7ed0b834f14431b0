"""
Bullet and numbered lists: which items present a paper, and what each paper's item holds.
Lists written as paragraphs, one paper each ('**Title** \\ *Authors* \\ arXiv 2023.
[[Paper](...)]'), are read as items too.

An item presents a paper when it links one (a paper host, a PDF, a link whose words say paper).
Its sub-items belong to it (`- Code: [Official](github...)`) unless they present a paper of
their own, as the items under a category bullet do. Other items (a tool, a blog post, a table
of contents) are no entries: their links are checked, nothing more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from linkwatch.model import Link, Role, Syntax
from linkwatch.model.targets import host_of
from linkwatch.papers.venues import parse_venue
from linkwatch.parse.fields import (
    Fields,
    Locate,
    Part,
    is_author_list,
    is_code_url,
    is_generic,
    judge,
    link_label,
    names_a_kind,
    names_year_or_arxiv_id,
    paper_link,
)

Locator = Callable[["Item"], Locate]


@dataclass(slots=True)
class Item:
    """One list item as read: its own paragraphs and its sub-items."""

    line: int
    parts: list[Part] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    last: int = 0
    """The last line that holds the item's text."""
    roles: dict[int, Role] = field(default_factory=dict)
    """Link roles the judge gave, by link `id()`, for this item's whole tree."""

    def all_parts(self) -> Iterator[Part]:
        yield from self.parts
        for child in self.children:
            yield from child.all_parts()


def item_entries(
    item: Item, locator: Locator, among_papers: bool = False
) -> list[tuple[Item, Fields]]:
    """The papers a top-level item and its sub-items present, in source order. Among items
    that mostly present papers (`among_papers`), an item written like them (a title linked
    to a project page, a blog post, a repository) is a paper too."""
    found: list[tuple[Item, Fields]] = []
    _read(item, locator, found, among_papers)
    for _, fields in found:
        item.roles.update(fields.roles)
    return found


def mostly_papers(items: list[Item]) -> bool:
    """Whether sibling items are a list of papers: at least three, and most of those with a
    link present a paper."""
    linked = [item for item in items if any(part.links for part in item.parts)]
    papers = sum(_presents_paper(item) for item in linked)
    if papers >= _MIN_SIBLINGS and papers >= _MOSTLY * len(linked):
        return True
    # A list of paper titles, each only a link ('- [ProfiX: Improving Profile-Guided
    # Optimization in Compilers with Graph Neural Networks](.../profix/README.md)'), wherever
    # the links go: titles of four words or more, nothing else in the items.
    titles = sum(_only_a_title_link(item) or _bold_title(item) or _cites(item) for item in items)
    return titles >= _MIN_TITLES and titles >= _MOST * len(items)


def _cites(item: Item) -> bool:
    """An item that cites a paper in plain text, its links only its code or slides ('5.
    Relational Knowledge Distillation. Park, Wonpyo et al. CVPR 2019 [[code]][1.5]')."""
    if not item.parts or _named_link(item) is not None:
        return False
    if any(paper_link([part]) for part in item.parts):
        return False
    outside = item.parts[0].runs.outside
    tagged = _VENUE_TAG.search(outside)  # 'Topology Distillation for Recommender System [KDD 2021]'
    if tagged and len(outside[: tagged.start()].split()) >= _MIN_TITLE_WORDS - 1:
        return True
    title, dot, tail = _BRACKETS.sub(" ", outside).strip().partition(". ")
    return bool(dot) and len(title.split()) >= 2 and names_year_or_arxiv_id(tail)


def _bold_title(item: Item) -> bool:
    """An item that opens with a bold title of four words or more and links nothing
    ('- **A Survey of Large Language Models;** Wayne Xin Zhao et al')."""
    if not item.parts or any(part.links for part in item.parts):
        return False
    runs = item.parts[0].runs
    return bool(
        runs.strong
        and runs.text.lstrip(" *").startswith(runs.strong[0][:20])
        and len(runs.strong[0].split()) >= _MIN_TITLE_WORDS
    )


def _only_a_title_link(item: Item) -> bool:
    if item.children or len(item.parts) != 1:
        return False
    named = _named_link(item)
    part = item.parts[0]
    return (
        named is not None
        and len(named.text.split()) >= _MIN_TITLE_WORDS
        and not part.runs.outside.strip(" \n-.,;:")
        and not part.runs.code
    )


def _read(item: Item, locator: Locator, found: list[tuple[Item, Fields]], among: bool) -> None:
    own = paper_link(item.parts)
    parts = list(item.parts)
    at = len(found)  # the item comes before the papers of its sub-items
    siblings = mostly_papers(item.children)
    for child in item.children:
        if _presents_paper(child) or (siblings and _written_like_a_paper(child)):
            _read(child, locator, found, siblings)
        else:
            parts.extend(child.all_parts())
            item.last = max(item.last, child.last)
    paper = own or paper_link(parts)
    if paper is not None:
        found.insert(at, (item, judge(parts, locator(item), paper)))
    elif (named := _named_link(item)) is not None and (
        among or _cited_after_its_title(item, named)
    ):
        paper = None if _is_repository(named.url) else named
        fields = judge(parts, locator(item), paper)
        if among or _has_venue_year(fields.venue):
            found.insert(at, (item, fields))
    elif among and ((cited := _cites(item)) or not any(p.links for p in item.parts)):
        fields = judge(parts, locator(item), None)
        bold = _bold_title(item)
        words = len(fields.title.split())
        if (words >= _MIN_NAME_WORDS and (fields.venue or bold)) or (cited and words >= 2):
            found.insert(at, (item, fields))  # 'Title | **[ECCV' 20]**': a paper, no link


def _cited_after_its_title(item: Item, named: Link) -> bool:
    """An item that opens with a title linked to its page and goes on like a citation
    ('[NeRF: Representing Scenes as ...](https://www.matthewtancik.com/nerf), Mildenhall et al.,
    ECCV 2020'): a paper wherever the link goes, once its venue and year are read."""
    text = item.parts[0].runs.text.lstrip(_LEAD) if item.parts else ""
    title = named.text.strip()
    return len(title.split()) >= _MIN_TITLE_WORDS and text.startswith(title)


def _has_venue_year(venue: str) -> bool:
    return any(m.venue is not None and m.year and m.year_written for m in parse_venue(venue))


def _is_repository(url: str) -> bool:
    """A repository is the paper's code, not the paper; a project page (owner.github.io) may
    be the paper's page."""
    if url.lower().endswith((".md", ".markdown")):
        return False  # a page of notes on the paper, kept in a repository ('.../README.md')
    return is_code_url(url) and not host_of(url).endswith("github.io")


def _written_like_a_paper(item: Item) -> bool:
    return _named_link(item) is not None or not any(part.links for part in item.parts)


def _named_link(item: Item) -> Link | None:
    """The item's first link when its words name something ('[Movie Gen: A Cast of Media
    Foundation Models](https://ai.meta.com/...)'): three words or more, not 'code' or 'blog'."""
    for part in item.parts:
        for link in part.links:
            if link.syntax == Syntax.IMAGE or not link.url or link.url.startswith("#"):
                continue
            words = link.text.split()
            if len(words) >= _MIN_NAME_WORDS and not is_generic(link.text):
                return link
            return None
    return None


def _presents_paper(item: Item) -> bool:
    """A sub-item is a paper of its own when it links a paper by its title or names one in
    bold or quotes; a generic '[[paper]]' under a titled item is the parent's."""
    paper = paper_link(item.parts)
    if paper is None:
        return any(_presents_paper(child) for child in item.children)
    titled = any(part.runs.quoted or part.runs.strong for part in item.parts)
    return titled or not is_generic(paper.text)


_BRACKETS = re.compile(r"\[[^\]]*\]")
_VENUE_TAG = re.compile(r"\[[^\[\]]{0,30}(?:(?:19|20)?\d\d|arxiv[^\]]*)\]", re.I)
_MAX_PARAGRAPH_LINES = 8
_MAX_WORDED_LINKS = 6
_BESIDE_LABEL = re.compile(r"^\W*(?:authors?|comments?|notes?|tl;?\s?dr|keywords?)\W*:", re.I)
_NUMBERED = re.compile(r"\s*\d+$")
_NOTE_WORDS = re.compile(
    r"^[\W_]*(?:(?:reading\s+)?notes?|(?:short\s+)?presentation|supplementary|youtube)[\W_]*$", re.I
)
_MIN_SIBLINGS = 3
_MOSTLY = 0.6
_MIN_NAME_WORDS = 3
_MIN_TITLES = 3
_MOST = 0.8
_MIN_TITLE_WORDS = 4
_LEAD = ' \t*_"\u201c#>'


def paragraph_fields(
    part: Part, lines: int, locate: Locate, after_a_paper: bool = False
) -> Fields | None:
    """A paragraph outside lists and tables is a paper when it is short, opens with a title
    (bold, quoted, or linked by its words) and links a paper; prose that mentions a paper
    ('See [our survey](https://arxiv.org/...)') is not one. Right after a paper paragraph, one
    that opens with a title linked anywhere (a publisher's page) is a paper too."""
    if lines > _MAX_PARAGRAPH_LINES:
        return None
    if presents_paper_alone(part):
        return judge([part], locate, paper_link([part]))
    named = _named_link(Item(0, [part])) if after_a_paper else None
    if named is None or not part.runs.text.startswith(named.text.strip()):
        return None
    return judge([part], locate, None if _is_repository(named.url) else named)


def presents_paper_alone(part: Part) -> bool:
    """A paragraph that is a paper by itself: it opens with a title and links a paper. In a
    list item after its first paragraph it is a paper of its own (the items of RAG-Survey
    hold one such paragraph a paper under a category name)."""
    return paper_link([part]) is not None and _opens_with_title(part)


def _opens_with_title(part: Part) -> bool:
    text = part.runs.text.lstrip(_LEAD)
    titles = [*part.runs.strong, *part.runs.quoted]
    titles += [
        link.text
        for link in part.links
        if link.syntax != Syntax.IMAGE and link.text.strip() and not is_generic(link.text)
    ]
    return any(title.strip(_LEAD) and text.startswith(title.strip(_LEAD)) for title in titles)


def names_a_paper(part: Part) -> bool:
    """A paragraph that is a bold title and nothing else ('**Magic Tokens: ...**'), badges
    aside ('**OpenTuner: ...** ![](https://img.shields.io/badge/-search-yellowgreen)')."""
    text = part.runs.text.strip()
    return (
        all(link.syntax == Syntax.IMAGE for link in part.links)
        and len(part.runs.strong) == 1
        and part.runs.strong[0] == text.strip("* ")
        and len(text.split()) >= _MIN_NAME_WORDS
    )


def labelled_links(items: list[Item]) -> Link | None:
    """The paper of a list that only labels links ('- Paper: https://...', '- Code: ...'):
    every item a label and its links, and one of them a paper."""
    if not items or any(item.children or len(item.parts) != 1 for item in items):
        return None
    if any(link_label(item.parts[0]) is None or not item.parts[0].links for item in items):
        return None
    return paper_link([part for item in items for part in item.parts])


def worded_links(items: list[Item]) -> Link | None:
    """The paper of a list of links worded only by what they are ('* [Link](arxiv...)', '*
    [Paper](./Paper/x.pdf)') under a heading that names the paper: one of them a paper."""
    if not items or len(items) > _MAX_WORDED_LINKS:
        return None
    if any(item.children or len(item.parts) != 1 for item in items):
        return None
    return _worded_paper([item.parts[0] for item in items])


def worded_link_paragraph(part: Part) -> Link | None:
    """The paper of a paragraph of such links under a heading that names the paper
    ('[📄 Paper](https://arxiv.org/...) | [🌐 Project Page](...) | [💻 Code (not yet)](...)')."""
    if len([link for link in part.links if link.syntax != Syntax.IMAGE]) > _MAX_WORDED_LINKS:
        return None
    return _worded_paper([part])


def _worded_paper(parts: list[Part]) -> Link | None:
    """The paper among links that only say what they are ('Paper', '📄 Paper (Low
    Resolution)', '🎥 Explanation Video'), with no words beside them (notes, not a paper's
    links)."""
    links = [link for part in parts for link in part.links if link.syntax != Syntax.IMAGE]
    if not links or not all(_says_what(link.text) for link in links):
        return None
    if any(part.runs.outside.strip(" \n[]()|/,.<>-\u00b7") for part in parts):
        return None
    return paper_link(parts)


def under_a_paper_heading(part: Part) -> bool:
    """A paragraph between a paper's heading and its links: the authors ('**Authors**: Yang
    Cao, Yuanliang Jv, Dan Xu'), or a note ('***Comment:***: First paper rendering ...')."""
    text = part.runs.text
    return bool(_BESIDE_LABEL.match(text)) or is_author_list(text)


def _says_what(text: str) -> bool:
    """'Link', 'Paper2', 'Reading Note1', '🎥 Explanation Video': words that say what a link
    is, not which paper."""
    text = _NUMBERED.sub("", text.strip())
    return is_generic(text) or bool(_NOTE_WORDS.match(text)) or names_a_kind(text)
