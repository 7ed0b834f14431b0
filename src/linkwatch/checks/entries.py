"""
Checks across rows: the same paper twice in a table, the same paper told differently in
several rows, and code columns that link a paper.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from linkwatch.checks.base import Context
from linkwatch.checks.venues import known_publication, lists_publication
from linkwatch.model import Entry, Problem
from linkwatch.model.targets import is_paper_url
from linkwatch.papers.publications import Publication
from linkwatch.papers.venues import parse_venue

_NOT_ALNUM = re.compile(r"[\W_]+")
_YEAR_ONLY = re.compile(r"^[\W_]*(?:19|20)\d\d[\W_]*$")


def duplicate_entry(context: Context) -> Iterator[Problem]:
    """The same paper twice in one table or list (same arXiv ID, paper URL or title), like
    'Synthetic Dialogue Dataset Generation using LLM Agents' on two rows of the Math table."""
    by_block: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for entry in context.survey.entries:
        by_block[(entry.file, entry.block)].append(entry)
    for rows in by_block.values():
        for group in _same_paper_groups(rows):
            for index, later in enumerate(group[1:], start=1):
                first = next((e for e in group[:index] if _same_name(e, later)), None)
                if first is None:
                    continue  # two results of one paper ('PtGen' and 'Seq2Seq' rows)
                yield Problem(
                    later.file,
                    later.line,
                    f"Listed twice in the same table or list: the same paper as line {first.line}.",
                    url=later.paper_url,
                    entry_title=later.title,
                    related_lines=(first.line,),
                )


def _same_name(one: Entry, other: Entry) -> bool:
    """Names compared as written, case and spacing aside: 'ABS+' is not 'ABS'."""
    if not (one.name and other.name):
        return True
    return one.name.casefold().split() == other.name.casefold().split()


def inconsistent_entry(context: Context) -> Iterator[Problem]:
    """The same paper in several rows with a different title, venue, year or code link, such as
    Magicoder as '41 ICML', 'arxiv 2023' and 'ICML 2024': at most one of them is right. Online,
    where the paper was published says which rows have the venue right."""
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in context.survey.entries:
        by_file[entry.file].append(entry)
    for group in (g for rows in by_file.values() for g in _same_paper_groups(rows)):
        known = _published(context, group)
        for label, value in _FIELDS:
            problem = _disagreement(group, label, value, known if label == "venue" else None)
            if problem:
                yield problem


def _published(context: Context, group: list[Entry]) -> Publication | None:
    arxiv_id = next((entry.arxiv_id for entry in group if entry.arxiv_id), None)
    known = known_publication(context, arxiv_id)
    return known if isinstance(known, Publication) else None


def code_link_not_code(context: Context) -> Iterator[Problem]:
    """A code column whose cell links only papers (arXiv, DOI, proceedings), not code:
    Self-Instruct with https://arxiv.org/abs/2212.10560 as its code link. A cell with code and
    a paper (`[Github](...) [Paper](...)`) is fine, and so is a generic 'Links' column."""
    for entry in context.survey.entries:
        for cell in entry.code_cells:
            if cell.urls and all(is_paper_url(url) for url in cell.urls):
                yield Problem(
                    entry.file,
                    entry.line,
                    f"The code column links a paper ({cell.urls[0]}), not code.",
                    url=cell.urls[0],
                    entry_title=entry.title or None,
                )


def _same_paper_groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Rows that are the same paper by arXiv ID, paper URL or title, joined transitively; a
    shared title never joins rows of two different arXiv papers (a row that links the wrong
    paper is told by its title, not merged with every row of the other paper)."""
    parent = list(range(len(entries)))
    ids: list[set[str]] = [{entry.arxiv_id} if entry.arxiv_id else set() for entry in entries]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(one: int, other: int, by_title: bool) -> None:
        one, other = root(one), root(other)
        if one == other or (by_title and ids[one] and ids[other] and ids[one] != ids[other]):
            return
        parent[one] = other
        ids[other] |= ids[one]

    for by_title in (False, True):
        first_with: dict[str, int] = {}
        for index, entry in enumerate(entries):
            for key in _paper_keys(entry):
                if key.startswith("title:") != by_title:
                    continue
                if key in first_with:
                    join(index, first_with[key], by_title)
                else:
                    first_with[key] = index
    groups: dict[int, list[Entry]] = defaultdict(list)
    for index, entry in enumerate(entries):
        groups[root(index)].append(entry)
    return [group for group in groups.values() if len(group) > 1]


def _paper_keys(entry: Entry) -> list[str]:
    keys = []
    if entry.arxiv_id:
        keys.append(f"arxiv:{entry.arxiv_id}")
    elif entry.paper_url:
        keys.append("url:" + _normal_url(entry.paper_url))
    title = normal_title(entry.title)
    if len(title.split()) >= 3:
        keys.append(f"title:{title}")
    return keys


@lru_cache(maxsize=65536)
def normal_title(title: str) -> str:
    """Case, punctuation and spacing removed: what two spellings of one title share."""
    return " ".join(_NOT_ALNUM.sub(" ", title.casefold()).split())


def _normal_url(url: str) -> str:
    url = re.sub(r"^https?://(www\.)?", "", url.strip().lower())
    return url.removesuffix("/").removesuffix(".git")


def _venue_of(entry: Entry) -> str:
    """The venues a row names; a year alone ('2018') names none, so it disagrees with no
    'TOIS 2018' (the year check compares years)."""
    mentions = [m for m in parse_venue(entry.venue) if m.venue or not _YEAR_ONLY.match(m.text)]
    names = [f"{m.venue.canonical if m.venue else m.text} {m.track.value}" for m in mentions]
    return " / ".join(names)


def _year_of(entry: Entry) -> str:
    return " / ".join(str(m.year) for m in parse_venue(entry.venue) if m.year)


def _code_of(entry: Entry) -> str:
    return " ".join(sorted(_normal_url(url) for url in entry.code_urls))


_FIELDS: tuple[tuple[str, Callable[[Entry], str]], ...] = (
    ("title", lambda entry: normal_title(entry.title)),
    ("venue", _venue_of),
    ("year", _year_of),
    ("code link", _code_of),
)


def _disagreement(
    group: list[Entry], label: str, value: Callable[[Entry], str], known: Publication | None
) -> Problem | None:
    values = {entry.line: value(entry) for entry in group if entry.title or entry.paper_url}
    if label in ("year", "venue"):  # a row that gives none does not disagree about it
        values = {line: value for line, value in values.items() if value}
    if label == "title":
        if _names_and_titles(set(values.values())):
            return None
        titled = {line: title for line, title in values.items() if " " in title}
        if titled:  # 'ProDA' in a results table names 'Prompt Distribution Learning'
            values = titled
            group = [entry for entry in group if entry.line in titled]
    if label == "code link" and _one_adds_to_the_other(group):
        return None
    if len(set(values.values())) < 2:
        return None
    if label == "year" and len({_venue_of(e) for e in group}) > 1:
        return None  # the venue differs too; that finding already shows the years
    shown = "; ".join(f"line {entry.line}: {_shown(entry, label)}" for entry in group)
    first = group[0]
    paper = f"arXiv {first.arxiv_id}" if first.arxiv_id else f"'{first.title}'"
    return Problem(
        first.file,
        first.line,
        f"The same paper ({paper}) has a different {label} in {len(group)} rows: {shown}."
        + (_verdict(group, known) if known else ""),
        url=first.paper_url,
        entry_title=first.title,
        expected=known.label if known else None,
        # The values without their line numbers: `actual` is part of the finding's stable id,
        # which must not change when rows are added above (see Finding.identity).
        actual="; ".join(dict.fromkeys(_shown(entry, label) for entry in group)),
        related_lines=tuple(entry.line for entry in group[1:]),
    )


def _names_and_titles(titles: set[str]) -> bool:
    """'PandaLM' in a benchmark table and 'PandaLM: An Automatic Evaluation Benchmark ...' in a
    list: one row names the paper by the start of its title, the other gives it whole."""
    ordered = sorted(titles, key=len)
    return len(ordered) == 2 and ordered[1].startswith(ordered[0] + " ")


def _one_adds_to_the_other(group: list[Entry]) -> bool:
    """Rows whose code links only add to one another's (the repository in one row, the
    repository and its blog post in another): no row's link is wrong. A row with no code
    link at all still disagrees."""
    sets = sorted(({_normal_url(url) for url in e.code_urls} for e in group), key=len)
    return bool(sets[0]) and all(a <= b for a, b in pairwise(sets))


def _verdict(group: list[Entry], known: Publication) -> str:
    """Which rows name the venue the sources know ('It was published at ICLR 2023 ...')."""
    right = [str(entry.line) for entry in group if lists_publication(entry, known)]
    rows = (
        f"line {right[0]} has it right"
        if len(right) == 1
        else f"lines {', '.join(right)} have it right"
        if right
        else "no row has it right"
    )
    return f" It was published at {known.label} ({known.evidence}): {rows}."


def _shown(entry: Entry, label: str) -> str:
    match label:
        case "title":
            return f"'{entry.title}'"
        case "code link":
            return ", ".join(entry.code_urls) or "none"
        case _:
            return f"'{entry.venue}'" if entry.venue else "none"
