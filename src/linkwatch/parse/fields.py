"""
The one judge of what an entry's parts say, whatever the layout: which link is the paper, what
the title, venue and date are, which links are code. Readers (pipe tables, lists, HTML tables)
cut a paper into parts (cells, item paragraphs) and hand them here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from linkwatch.model import Cell, Link, Role, Span, Syntax
from linkwatch.model.targets import HfRepo, identify, is_paper_url, is_repository_url, split_url
from linkwatch.papers.dates import is_date
from linkwatch.papers.venues import Spelling, parse_venue
from linkwatch.parse.badges import badge_repo, badge_text, is_badge
from linkwatch.parse.inline import Runs
from linkwatch.parse.tables import Column

# Link words that name the kind of link, not the paper: '[paper]', '[[pdf]]', 'arXiv', 'Code'.
_GENERIC = re.compile(
    r"^[\W_]*(?:paper|papers|pdf|arxiv|abs|abstract|html|link|url|here|openreview|acl|doi|"
    r"preprint|official|code|codes|github|gitlab|repo|repository|project|project page|page|"
    r"homepage|website|web|site|demo|blog|video|slides|poster|model|models|checkpoint|docs?|"
    r"documentation|"
    r"checkpoints|weights|data|dataset|datasets|huggingface|hugging face|hf|source|download|"
    r"publication|proceedings|ieee|acm|springer|pmlr|cvf|bib|bibtex|talk|tweet|twitter|"
    r"\d+)?\d?[\W_]*$",  # 'Paper2' too
    re.I,
)
_SAYS_LINK = re.compile(r"^[\W_]*(?:link|url|here)[\W_]*$", re.I)  # or where it is
_LINK_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # '(Low Resolution)', '(not yet)'
_SAYS_PAPER = re.compile(
    r"^[\W_]*(?:paper|pdf|arxiv|abs|openreview|acl|doi|preprint|publication|proceedings|"
    r"ieee|acm|springer|pmlr|cvf)[\W_]*$",
    re.I,
)
_SAYS_CODE = re.compile(
    r"^[\W_]*(?:code|codes|github|gitlab|repo|repository|project|project page|page|"
    r"homepage|website|official|implementation|official code|code & model|checkpoints?|"
    r"models?|weights|model weights|source|source code|hugging[\s_-]?face|hf)[\W_]*$",
    re.I,
)
# Link words that name something beside the code, even when it is kept on GitHub
# ('[bibtex](https://github.com/.../nerf.txt)', '[blog](https://owner.github.io/...)').
_SAYS_NOT_CODE = re.compile(
    r"^[\W_]*(?:blog|blog post|bib|bibtex|citation|cite|slides?|sildes|video|videos|poster|talk|"
    r"tweet|twitter|news|press|\u4e2d\u6587\u7248|\u4e2d\u6587|chinese|zhihu|\u77e5\u4e4e)[\W_]*$",
    re.I,
)
_CITATION_FILE = re.compile(r"\.(?:bib|bibtex|ris)(?:$|[?#])", re.I)
_SIZE_OR_NUMBER = re.compile(r"^[~≈<>]?\d[\d.,]*\s*(?:[KMBT]B?|[kmbt]|%|x)?$")
_URL_TEXT = re.compile(r"^(?:[a-z][a-z+.-]*://|www\.)\S*$", re.I)
# emoji shortcodes GitHub shows as emoji, at a title's either end ('Deep Sets. :star:')
_SHORTCODES = re.compile(r"^(?:\s*:[a-z0-9_+-]{2,30}:)+\s*|(?:\s*:[a-z0-9_+-]{2,30}:)+\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_BRACKETED = re.compile(r"\[([^\[\]]+)\]|[(\uff08]([^()\uff08\uff09]+)[)\uff09]")  # full-width too
# Where a venue chunk ends: brackets, line breaks, sentence ends, and 'et al.' glued to what
# follows ('*Aman Madaan et al.arXiv.*').
_CHUNK_SPLIT = re.compile(r"[\[\]()|;\n]|\.(?:\s|$)|,\s|:\s|\bet al\.")
_MAX_VENUE_WORDS = 8
_CONTENT_SHARE = 0.6
# Folders that hold papers on sites that are no paper host: research.google/pubs/...,
# amazon.science/publications/...
_PAPER_SEGMENTS = frozenset({"pubs", "pub", "publications", "publication", "papers", "paper"})
_PUNCTUATION = " *_.,:;-\u2013\u2014`'\">\uff08\uff09"  # and full-width brackets
_EXACT = frozenset({Spelling.CANONICAL, Spelling.ACCEPTED, Spelling.FULL_NAME, Spelling.ALIAS})
_WORDED = frozenset({Syntax.INLINE, Syntax.REFERENCE, Syntax.HTML})
_NICKNAME = re.compile(r"^[^\w\[]*\[[^\]]{1,40}\]\s*(?=\S)")
_AFFILIATION = re.compile(r"\s*\(@[^()]*\)\s*$")
_LEADING_SYMBOLS = re.compile(r"^[^\w\[(\"\u201c'\u2018]+")
_LABEL = re.compile(r"^\s*([A-Za-z][\w &/-]{0,24}):\s")
_NUMBERING = re.compile(r"^\s*\d{1,3}[).]\s+")
# Where a plain title ends and its description begins: a spaced dash or a double space
# ('1) Self-Adaptive LLMs - introduces Transformer^2, ...').
_DESCRIPTION = re.compile(r"\s+:\s|\s[-\u2013\u2014]\s|\s{2,}")  # and "Title [[pdf]]: a ..."
_LONG_TEXT_WORDS = 20
_MAX_TITLE_WORDS = 16
_MIN_TITLE_WORDS = 3
_VENUE_LABEL = re.compile(r"^(?:[A-Z][\w&.-]*\s?){1,4}['\u2019]?\s?(?:19|20)?\d\d$")
_LEADING_TAG = re.compile(r"^\s*[\[(\uff08][^\[\]()\uff08\uff09]{0,40}[\])\uff09]\s*")
_TRAILING_TAG = re.compile(r"\s*[\[(\uff08]([^\[\]()\uff08\uff09]{0,40})[\])\uff09]\s*$")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|(?<!\w)\(\s*\)")  # not the '()' of 'LLM.int8()'
_ACRONYM = re.compile(r"^[A-Z]{2,8}$")  # '[TCSVT](...)' beside a Model column: a venue word
_VENUE_DASH_DATE = re.compile(r"^(.*?\S)\s+[-\u2013\u2014]\s+(\S.*)$")
_TRAILING_IN = re.compile(r"\s*[,\uff0c]\s*in$")
_DATED_LEAD = re.compile(r"^(?:19|20)\d\d(?:-[\w&.]+(?:[-\s][\w&.]+)?)?\s+-\s+")
_YEAR_AT_END = re.compile(r"(?:19|20)\d\d$")
# A name as citations write it: 'Béatrice Finance', 'Kipf A', 'Joseph M. Hellerstein', 'Dutt',
# 'A.', 'Jae-woong Lee', 'van den Oord'; one to four words, each capitalised or a particle.
_NAME = re.compile(
    r"^(?:(?:van|von|der|den|de|da|di|le|la|du)\s+)*[A-Z\u00C0-\u024F][\w'\u2019.\-]*"
    r"(?:\s+(?:(?:van|von|der|den|de|da|di|le|la|du)\s+)*[A-Z\u00C0-\u024F][\w'\u2019.\-]*){0,3}$"
)
_INITIAL = re.compile(r"^(?:[A-Z]\.?\s?-?){1,3}$")
_INITIALLED_NAME = re.compile(r"^(?:[A-Z]\.\s?-?){1,3}\s*[A-Z\u00C0-\u024F][\w'\u2019\-]+$")
_INITIAL_FIRST = re.compile(r"^(?:[A-Z]\.\s?)+[A-Z]")
_FIRST_PHRASE = re.compile(r"[.,:;]\s")
_CITED_ARXIV_ID = re.compile(r",\s*arxiv:\s?\d{4}\.\d{4,5}(?:v\d+)?\.?$", re.I)
_COMMA_INITIAL = re.compile(r",\s+(?=[A-Z]\.\s?[A-Z])")
# Words of titles that no one is named: 'Knowledge Distillation and Domain Adaptation' is
# no pair of names
_TITLE_WORDS = frozenset(
    [
        "learning",
        "network",
        "networks",
        "neural",
        "deep",
        "model",
        "models",
        "knowledge",
        "distillation",
        "adaptation",
        "domain",
        "graph",
        "graphs",
        "language",
        "languages",
        "vision",
        "visual",
        "transformer",
        "transformers",
        "representation",
        "representations",
        "detection",
        "segmentation",
        "generation",
        "recognition",
        "reinforcement",
        "training",
        "inference",
        "data",
        "dataset",
        "benchmark",
        "survey",
        "analysis",
        "towards",
        "via",
        "unsupervised",
        "supervised",
        "semi-supervised",
        "self-supervised",
        "efficient",
        "robust",
    ]
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_ET_AL = re.compile(r",?\s*\bet\.?\s*al\.?", re.I)
_AUTHOR_YEAR = re.compile(r"\s*\((?:(?:19|20)\d\d[a-z]?|n\.\s?d\.)\)\s*$")
# The words a title wraps onto its next line: a few, then its '(Venue, Year)' or '[links]'
_WRAPPED_TITLE = re.compile(r"^((?:[^\s\[\](),.;:|]+ ?){1,6}?)\.?\s*(?=[\[(])")
_MARKED_LINE = re.compile(r"[\[\]()|]|[.:;]$")
_LINK_WORDS = re.compile(r"[\s,;.:]*\[\[?([^\[\]]{1,24})\]")
_TRAILING_LINK_WORDS = re.compile(r"(?:\s*\[[^\[\]]*\])+[\s.]*$")  # ' [pdf] [code]'
# 'MobileNets: Efficient ... Applications (2017), Andrew G. Howard et al.': a title, its year
# in brackets, then the authors
_YEAR_THEN_REST = re.compile(r"^(.*?\S)\s*\((?:19|20)\d\d\)[,.:]?\s+(\S.*)$")
_IN_PREFIX = re.compile(r"^(?:in|In|IN)\s+(?=\S)")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LABEL_WORD = re.compile(r"[^\W_]+")
_MAX_LABEL_WORDS = 5
_LABEL_WORDS = frozenset(
    [
        "arxiv",
        "preprint",
        "industry",
        "track",
        "main",
        "oral",
        "spotlight",
        "poster",
        "short",
        "long",
        "paper",
        "demo",
        "workshop",
        "findings",
        "of",
        "best",
        "award",
        "highlight",
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# 'Title. ECCV'2018', 'Title, CVPR 2021.': a venue sentence after a plain title.
_TRAILING_VENUE = re.compile(
    r"[.,;]\s+([A-Za-z0-9][\w&./ -]{0,30}?,?['\u2019]?\s?(?:19|20)?\d\d)\.?$"
)
_IN_VENUE = re.compile(r"(?:^|[\s,\uff0c])in\s+([A-Z][^,.;\[\]()\n]{1,60}?\s(?:19|20)\d\d)(?!\d)")
_VENUE_AND_DATE = re.compile(
    r"^(.*[^\s.])(?:\s+|\.)((?:19|20)\d\d[-./]\d{1,2}(?:[-./]\d{1,2})?)$"
)  # and "arXiv.2021.02"
_LEADING_AUTHORS = re.compile(
    r"^(?:(?:(?:[A-Z]\.\s?-?){1,3}\s?[A-Z][\w'\u2019-]+(?:\s+et\s+al\.?)?"
    r"|[A-Z][\w'\u2019-]+\s+et\s+al\.?)(?:\s*,\s*|\s+and\s+|\s*&\s*))+"
)
# A citation's last sentence ending in a year, after its authors ('et al. TMI 2021 [[code]]')
_LAST_SENTENCE = re.compile(
    r"(?:\.\s+|\bet al\.?\s*)((?:[A-Z][^.\[\]()]{0,60}?[\s,])?(?:19|20)\d\d)[\s.\[\]]*$"
)
_AFTER_LINK = re.compile(r"^[\s,.;:]*([A-Z][^\[\]()*_|\n]{0,200}?(?:19|20)\d\d)\.?\s*(?:$|\[)")
_THROUGH_ET_AL = re.compile(r"^[^()\[\]]*?\bet\.?\s*al\.?,?\s*")
_COMMA = re.compile(r"\s*,\s*")
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NOTE = re.compile(r"^(?:from|by|via)\s", re.I)
_SENTENCE_END = re.compile(r"[.\u201d\"]\s|\n")
_ARXIV_CITED = re.compile(r"^arxiv[:\s]\s*\d{4}\.\d{4,5}(?:v\d+)?$", re.I)
# Where a plain citation's title ends: a full stop after a word (not 'vs.', 'e.g.'), before
# the authors and a year or an arXiv ID ('Relational Knowledge Distillation. Park, Wonpyo et
# al. CVPR 2019', 'Adaptive Regularization of Labels. arXiv:1908.05474').
_TITLE_STOP = re.compile(
    r"(?:(?<=[^\W\d_]{3})|(?<=[A-Z\d]{2})|(?<=[)\]])|(?<=\b[A-Z][a-z])|(?<=\bal))\.\s+"
)  # and after 'Wu.' or 'et al.', which end a list of authors
# A citation's authors before its title: APA's 'Yang, Z., Liang, E., & Stoica, I. (2019).'
# (or '(n.d.).'), and names with their initials after them, 'Tzoumas K, Deshpande A, Jensen C S.'
_APA_AUTHORS = re.compile(r"^(.+?)\s*\((?:(?:19|20)\d\d[a-z]?|n\.\s?d\.)\)\.?\s+(?=\S)")
_INITIALS_AFTER_NAMES = re.compile(
    r"^((?:[A-Z][\w'\u2019-]+(?: [A-Z]){1,3}, )+(?:[A-Z][\w'\u2019-]+(?: [A-Z]){1,3}|et al))"
    r"\.\s+(?=\S)"
)
_AFTER_MARK = re.compile(r"(?<=[!?])\.?\s+(?=[A-Z])")
_DOCUMENT_TYPE = re.compile(r"\[(?:J|C|M|D|R|A|EB/OL|J/OL|C/OL)\]$")  # GB/T 7714's '[J]'
_CITATION_TAIL = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|arxiv:\s?\d{4}\.\d{4,5}", re.I)
_PLACEHOLDER = re.compile(r"^[\s\-\u2013\u2014/?]*$|^(?:n/?a|tbd|none)$", re.I)


@dataclass(slots=True)
class Part:
    """One piece of an entry as a reader cut it: a table cell or a list item's paragraph."""

    cell: Cell
    links: list[Link]
    runs: Runs
    column: Column = Column.OTHER


Locate = Callable[[str], Cell | None]
"""Where a piece of an entry's text is written, as a cell a fix can land in."""


@dataclass(slots=True)
class Fields:
    """What the parts of one entry say."""

    title: str = ""
    title_cell: Cell | None = None
    paper: Link | None = None
    venue: str = ""
    venue_cell: Cell | None = None
    year_cell: Cell | None = None
    date: str = ""
    date_cell: Cell | None = None
    code_urls: list[str] = field(default_factory=list)
    code_cells: list[Cell] = field(default_factory=list)
    other_urls: list[str] = field(default_factory=list)
    name: str = ""
    roles: dict[int, Role] = field(default_factory=dict)
    """The role of each link, by `id()`, where the judge knows better than the column."""


def is_generic(text: str) -> bool:
    """Whether a link's words name the kind of link rather than the paper ('[[pdf]]', '📄
    Paper (Low Resolution)', 'Code (not yet)')."""
    return bool(_GENERIC.match(text) or _GENERIC.match(_LINK_NOTE.sub("", text)))


def names_a_kind(text: str) -> bool:
    """A few words ending in a kind of link ('arXiv Paper', 'PyTorch code', '🎥 Fast Forward
    Video'): they say what the link is, not which paper."""
    words = [word for word in text.split() if _LETTER.search(word)]
    return 0 < len(words) <= 3 and is_generic(words[-1])


def says_paper(text: str) -> bool:
    """Whether a link's words say it is the paper ('[[paper]]', 'PDF', 'arXiv')."""
    return bool(_SAYS_PAPER.match(text))


def is_code_url(url: str) -> bool:
    """A repository or project page: GitHub and its peers, a Hugging Face model or space."""
    return isinstance(identify(url), HfRepo) or is_repository_url(url)


def is_paper_link(link: Link) -> bool:
    """A link to a paper host or a PDF, or one whose words say paper / pdf / arXiv."""
    if not _followable(link):
        return False
    if is_paper_url(link.url) or _SAYS_PAPER.match(link.text):
        return True
    if _SAYS_NOT_CODE.match(link.text.strip("[] ")):
        return False  # '[[Slides]](.../KDCRec-Slides.pdf)': beside the paper, not the paper
    parts = split_url(link.url)
    path = parts.path.lower() if parts is not None else ""
    if path.endswith(".pdf"):
        return True  # a PDF is a paper, on a project page (owner.github.io/files/x.pdf) too
    return bool(_PAPER_SEGMENTS & set(path.split("/")[:-1])) and not is_code_url(link.url)


def is_title_like(text: str) -> bool:
    """Text a title can be: words, not a URL, a date, a size, a number or an emoji run."""
    text = text.strip()
    return bool(
        _LETTER.search(text)
        and not _URL_TEXT.match(text)
        and not is_date(text)
        and not _SIZE_OR_NUMBER.match(text)
    )


def paper_link(parts: Sequence[Part]) -> Link | None:
    """The paper: the title column's first link with words when it is a paper link, else the
    first paper link outside code columns, else the title column's first link with words that
    is no repository (a title linked to its GitHub repository is code, not the paper)."""
    titled = [
        link
        for part in parts
        if part.column == Column.TITLE
        for link in part.links
        if link.syntax != Syntax.IMAGE and link.text.strip() and _followable(link)
    ]
    if titled and is_paper_link(titled[0]):
        return titled[0]
    for part in parts:  # a 'Paper' column beside the title: its link, whatever its host,
        if part.column == Column.PAPER:  # unless its words say it is something else ('blog')
            found = next((link for link in part.links if _in_a_paper_column(link)), None)
            if found is not None:
                return found
    for part in parts:
        if part.column == Column.CODE:
            continue
        for link in part.links:
            if is_paper_link(link):
                return link
    return next((link for link in titled if not is_code_url(link.url)), None)


def _in_a_paper_column(link: Link) -> bool:
    """A Paper column's link that is the paper: words that say paper, only 'Link', or a title
    ('[Link](https://epubs.siam.org/...)'), not '[[docs]]' or a repository."""
    words = link.text
    return (
        link.syntax != Syntax.IMAGE
        and _followable(link)
        and not is_code_url(link.url)
        and (not is_generic(words) or says_paper(words) or bool(_SAYS_LINK.match(words)))
    )


def roles_by_content(roles: list[Column], columns: Sequence[Sequence[str]]) -> list[Column]:
    """Header roles, with the columns no header word explains read by their cells: mostly
    dates is a date column, mostly known venues a venue column."""
    result = list(roles)
    for index, (role, texts) in enumerate(zip(roles, columns, strict=False)):
        filled = [text.strip() for text in texts if text.strip(" -\u2013\u2014")]
        if role not in (Column.OTHER, Column.LINKS) or not filled:
            continue
        share = _CONTENT_SHARE * len(filled)
        if sum(bool(is_date(text)) for text in filled) >= share:
            result[index] = Column.DATE
        elif Column.VENUE not in result and sum(_reads_as_venue(t) for t in filled) >= share:
            result[index] = Column.VENUE
    return result


def _reads_as_venue(text: str) -> bool:
    return len(text.split()) <= _MAX_VENUE_WORDS and _known(text)


def judge(parts: Sequence[Part], locate: Locate, paper: Link | None) -> Fields:
    """Title, venue, date and code of one entry whose paper link is `paper`."""
    fields = Fields(paper=paper)
    _title(fields, parts, locate)
    _venue_and_date(fields, parts, locate)
    _code(fields, parts)
    return fields


def _title(fields: Fields, parts: Sequence[Part], locate: Locate) -> None:
    paper = fields.paper
    home = _part_of(parts, paper) if paper else None
    named = next((p for p in parts if p.column == Column.TITLE and p is not home), None)
    acronym = bool(named and named.runs.text and _ACRONYM.match(paper.text)) if paper else False
    if (
        paper
        and paper.syntax in _WORDED
        and not is_generic(paper.text)
        and not _is_label(paper.text)
        and not acronym
        and not (paper.text.startswith("[") and paper.text.endswith("]"))  # '[[Slides]][ref]'
        and not (home is not None and _bracketed_in(home.runs.text, paper.text.strip()))
    ):
        fields.title = _cleaned(paper.text)
        fields.title_cell = (
            home.cell if home and home.column == Column.TITLE else locate(paper.text)
        )
        if named is not None and is_title_like(named.runs.first_line):
            fields.name = _cleaned(named.runs.first_line)
        return
    titled = next((p for p in parts if p.column == Column.TITLE), None)
    if titled is not None and titled.runs.text and not (titled is home and _only_links(titled)):
        fields.title = _title_text(titled, strict=False)
        fields.title_cell = titled.cell
        return
    for part in parts:
        if part.column in (Column.OTHER, Column.LINKS):
            title = _title_text(part, strict=True)
            if title:
                fields.title, fields.title_cell = title, locate(title) or part.cell
                return


def _title_text(part: Part, strict: bool) -> str:
    """A part's title: quoted, else bold, else a link's words, else its first line; `strict`
    parts (no title column) give only text that reads as a title."""
    runs = part.runs
    line = _wrapped_first_line(runs) if strict else runs.first_line
    first = _headline(_cleaned(line))
    marked = _marked_title(runs)
    if marked:
        return marked
    for link in part.links:
        text = link.text.strip()
        if (
            link.syntax != Syntax.IMAGE
            and text
            and not is_generic(text)
            and is_title_like(text)
            and not _bracketed_in(runs.text, text)
            and not (text.startswith("[") and text.endswith("]"))
            and not _is_label(text)
        ):
            return _cleaned(text)
    after_authors = _before_authors(runs, first)
    # the emphasis after the authors is the title, or its words wrap onto the next line
    told = after_authors != first or line != runs.first_line
    first = _before_link_words(_after_comma_authors(_before_year_and_authors(after_authors)))
    if not told and part.links and all(_beside_title(link, runs) for link in part.links):
        named = _EMPTY_BRACKETS.sub("", runs.outside.split("\n")[0])
        named = _without_tags(_EMPTY_BRACKETS.sub("", named).strip(" |,;"))  # '[CIKM 2022]'
        named = _headline(_cleaned(named.strip(" []|,;")))
        if named and is_title_like(named) and len(named) < len(first):
            first = named  # '| SOCKET [[paper](...)] |': the name without its links
    first = _without_trailing_venue(_before_citation(first) if strict else first)
    if strict:
        first = _without_tags(first).strip(" .,:;-|")
        if not is_title_like(first) or (parse_venue(first) and _known(first) and _is_label(first)):
            return ""
    return first


def _beside_title(link: Link, runs: Runs) -> bool:
    """A link written beside the title, not as it: '[pdf]', 'CVPR 2023', or any words in
    brackets ('[[Awesome]](...)', '[[supplementary]](...)')."""
    text = link.text.strip()
    bracketed = text.startswith("[") and text.endswith("]")
    return bracketed or is_generic(text) or _is_label(text) or _bracketed_in(runs.text, text)


def _before_citation(text: str) -> str:
    """A plain citation's title: the first sentence, when what follows names a year or an
    arXiv ID (the authors and the venue); the second when the first is the authors
    ('Béatrice Finance, Georges Gardarin. A Rule-Based Query Rewriter ... ICDE 1991.')."""
    start = 0
    apa = _APA_AUTHORS.match(text)
    authors = apa or _INITIALS_AFTER_NAMES.match(text)
    if authors and _cites_authors(authors[1], dated=apa is not None):
        start = authors.end()  # 'Yang, Z., ... & Stoica, I. (2020). Title.', 'Wu P, Cong G. Title'
    for stop in _TITLE_STOP.finditer(text):
        if stop.start() < start:
            continue
        head = _DOCUMENT_TYPE.sub("", text[start : stop.start()]).strip()
        if start == 0 and is_author_list(head):
            start = stop.end()
            continue
        if len(head.split()) >= 2 and (authors or _CITATION_TAIL.search(text, stop.end())):
            return _before_venue_after_mark(head)
        break
    return _before_venue_after_mark(text[start:].strip()) if authors else text


def _before_venue_after_mark(title: str) -> str:
    """A title that ends in '!' or '?' before the venue ('DeepDB: Learn from data, not from
    queries! VLDB, 2020', 'Can Learned Models Replace Hash Functions?. VLDB, 2022')."""
    for mark in _AFTER_MARK.finditer(title):
        rest = title[mark.end() :].strip(_PUNCTUATION)
        if rest and len(rest.split()) <= _MAX_VENUE_WORDS and _is_venue(rest, False):
            return title[: mark.start()]
    return title


def names_year_or_arxiv_id(text: str) -> bool:
    """Whether a citation's tail names a year or an arXiv ID, as its venue part does."""
    return bool(_CITATION_TAIL.search(text))


def is_author_list(text: str) -> bool:
    """Two names or more, or a name and 'et al.' ('Kipf A, Kipf T, Radke B, et al',
    'Dutt, A., Wang, C., & Chaudhuri, S. (2018)'): the authors, not a title."""
    text = _AUTHOR_YEAR.sub("", text.strip()).strip(" .,")
    etal = bool(_ET_AL.search(text))
    names = [n.strip(" .,") for n in _NAME_SPLIT.split(_ET_AL.sub("", text)) if n.strip(" .,")]
    if not names or not (len(names) >= 2 or etal) or not all(map(_NAME.match, names)):
        return False
    if any(word.lower() in _TITLE_WORDS for name in names for word in name.split()):
        return False  # 'Joint Progressive Knowledge Distillation and Unsupervised Domain ...'
    if etal:
        return True
    # 'Learning, Reasoning, and Planning' is a title: names of one word need their initials
    # ('Dutt, A., Wang, C.') or 'et al.'
    return all(
        " " in name or _INITIAL.match(name) or (i + 1 < len(names) and _INITIAL.match(names[i + 1]))
        for i, name in enumerate(names)
    )


def _without_trailing_venue(title: str) -> str:
    """A plain title without the venue sentence written after it ('3DFeat-Net: ... Point Cloud
    Registration. ECCV'2018' is the title up to 'Registration')."""
    trailing = _TRAILING_VENUE.search(title)
    if trailing is None:
        return title
    venue, head = trailing[1].strip(), title[: trailing.start()].strip()
    if (_VENUE_LABEL.match(venue) or _is_venue(venue, False)) and is_title_like(head):
        return head
    return title


def _bracketed_in(text: str, words: str) -> bool:
    """A link written '[[project page](...)]': a resource beside the paper, not its title."""
    at = text.find(words)
    return at > 0 and text[at - 1] == "[" and text[at + len(words) : at + len(words) + 1] == "]"


def _is_label(text: str) -> bool:
    """A venue label rather than a title ('arXiv2025', 'TGRS2024', "KDD' 19", 'COLING 2025
    Industry Track', 'arXiv, 21 Jul 2025', 'ACM MM 2024 (Oral)')."""
    text = text.strip(" []")
    return (
        bool(_VENUE_LABEL.match(text))
        or (len(text.split()) <= 3 and (_has_year(text) or _exact_venue(text)) and _known(text))
        or _noted_venue(text)
    )


def _noted_venue(text: str) -> bool:
    """A year and a few words that are all a venue's: acronyms, track words, a day and a
    month ('VIS 2024 Short Paper')."""
    if not _YEAR_IN.search(text):
        return False
    words = _LABEL_WORD.findall(_YEAR_IN.sub(" ", text))
    return (
        0 < len(words) <= _MAX_LABEL_WORDS
        and all(
            word.isdigit() or word.lower() in _LABEL_WORDS or (word.isupper() and len(word) >= 2)
            for word in words
        )
        and (_known(text) or any(word.isupper() for word in words))
    )


def _exact_venue(text: str) -> bool:
    """A venue's name and nothing else ('IJCAI', 'NeurIPS'), as a link's words may be."""
    return any(
        m.venue is not None and m.written.strip() == text and m.spelling in _EXACT
        for m in parse_venue(text)
    )


def _before_authors(runs: Runs, first: str) -> str:
    """'Tool Learning with Foundation Models. _Qin et al._ arXiv 2023.': the title ends where
    the emphasised authors begin."""
    for names in runs.emphasis:
        at = first.find(names) if names else -1
        if names and at < 0 and (whole := runs.first_line.find(names)) > 0:
            # `first` was cut inside the emphasised title: the whole first line says
            title = _title_after_authors(runs.first_line[:whole].strip(" .,;:-|*_"), names)
            if title:
                return title
        before = first[:at].rstrip(" _*")
        if at > 0 and not before.endswith(
            (".", "?", "!", ",", ";", ":", "-", "|", " in", "\uff0cin")
        ):
            continue  # 'Distilled Person _Re-identification_: ...' emphasises the title's words
        head = first[:at].strip(" .,;:-|") if at > 0 else ""
        head = _TRAILING_IN.sub("", head).strip(" .,;:-|")
        if head and (title := _title_after_authors(head, names)):
            return title
        if head and is_title_like(head) and len(head.split()) >= 2:
            return head
    return first


def _wrapped_first_line(runs: Runs) -> str:
    """An item's first line, with the words of a title wrapped onto the next line before its
    tag or links ('* Deep Bidirectional Language-Knowledge Graph' / 'Pretraining (NIPS, 2022)
    [[paper]](...)'); a line of authors or anything else below the title is not the title."""
    first = runs.first_line
    if not runs.wraps:
        return first  # '<br>' ends the title: 'Title <br> TACL [[Paper]](...)'
    rest = runs.text[len(first) :] if runs.text.startswith(first) else ""
    wrapped = _WRAPPED_TITLE.match(rest.lstrip()) if rest and first else None
    if wrapped is None or _MARKED_LINE.search(first) or is_author_list(wrapped[1]):
        return first
    return f"{first} {wrapped[1].strip()}"


def _after_comma_authors(text: str) -> str:
    """'Hanxi Li, Yi Li and Fatih Porikli, DeepTrack: Learning ... Tracking, BMVC, 2014': the
    title after the authors a citation lists first, comma after comma."""
    chunks = text.split(", ")
    for cut in range(len(chunks) - 1, 1, -1):
        names, rest = ", ".join(chunks[:cut]), ", ".join(chunks[cut:])
        lead = _FIRST_PHRASE.split(rest, maxsplit=1)[0]
        if (
            len(rest.split()) >= _MIN_TITLE_WORDS
            and rest[:1].isupper()  # not '... and Barzan Mozafari. Title', '& Naughton, J.'
            and not _APA_AUTHORS.match(rest)  # an APA citation's authors run on
            and is_title_like(rest)
            and not (_NAME.match(lead) and " " in lead)  # 'Jensen C S. Title', 'et al. Title'
            and not _INITIAL_FIRST.match(rest)  # 'A. Pavlo, and G. J. Gordon, ...'
            and not _ET_AL.match(lead)
            and is_author_list(names)
        ):
            return _CITED_ARXIV_ID.sub("", rest)
    return text


def _before_link_words(text: str) -> str:
    """A title without the links' words left after it, as when Markdown refuses a link
    ('Title, [Paper],[[Code]](https://github.com/...', closed by a full-width parenthesis)."""
    for words in _LINK_WORDS.finditer(text):
        head = text[: words.start()]
        if (is_generic(words[1]) or names_a_kind(words[1])) and is_title_like(head):
            return head
    return text


def _before_year_and_authors(text: str) -> str:
    """'Neural Turing Machines (2014), A. Graves et al.', 'Torch7: A matlab-like environment
    for machine learning, R. Collobert et al.': the title ends at its bracketed year, or at the
    comma, when the authors follow (named by their initials after a comma)."""
    cited = _YEAR_THEN_REST.match(text)
    if cited and is_title_like(cited[1]) and _names_authors(cited[2], initials=False):
        return cited[1]
    for comma in _COMMA_INITIAL.finditer(text):
        head = text[: comma.start()]
        if is_title_like(head) and _names_authors(text[comma.end() :], initials=True):
            return head
    return text


def _names_authors(text: str, initials: bool) -> bool:
    """Whether `text` (links' words aside) is a list of authors, or one author with an initial
    ('S. Ioffe'); with `initials`, every name must start with one ('G. Hinton and R.
    Salakhutdinov')."""
    authors = _TRAILING_LINK_WORDS.sub("", text).strip(" .,;")
    if _INITIALLED_NAME.match(authors):
        return True
    if not is_author_list(authors):
        return False
    names = [n for n in _NAME_SPLIT.split(_ET_AL.sub("", authors)) if n.strip(" .")]
    return not initials or all(_INITIALLED_NAME.match(name.strip(" .")) for name in names)


def _title_after_authors(authors: str, emphasised: str) -> str:
    """'Authors. *Title*. SIGMOD 1992.': the emphasis is the title when what comes before it
    is a list of authors."""
    if is_title_like(emphasised) and (
        _cites_authors(authors) or _cites_authors(_without_tags(authors))
    ):
        return emphasised.strip(" .")
    return ""


def _cites_authors(text: str, dated: bool = False) -> bool:
    """A list of authors, or one author with the citation's year ('Shangyu Wu. (2022)', or
    `dated` when the year was read off already)."""
    if is_author_list(text.replace("\u2026", ",")):
        return True
    alone = _AUTHOR_YEAR.sub("", text.strip(" .,"))
    return (dated or alone != text.strip(" .,")) and bool(_NAME.match(alone.strip(" .,")))


def _without_tags(text: str) -> str:
    """A plain title without the tags around it: brackets that say a venue, a date or a
    nickname at either end, and the '|' fields that follow ('Title | [KDD' 19] | [pdf]');
    '(LLMs)' inside the title stays."""
    text = text.split(" | ")[0] if " | " in text else text
    while True:
        leading = _LEADING_TAG.match(text)
        stripped = text[leading.end() :].strip() if leading and _a_tag(leading[0]) else text
        trailing = _TRAILING_TAG.search(stripped)
        if trailing and (trailing[0].lstrip().startswith("[") or _is_venue(trailing[1], True)):
            stripped = stripped[: trailing.start()].strip()
        if stripped == text or not stripped:
            return text
        text = stripped


def _a_tag(bracket: str) -> bool:
    """A tag before a title: any '[...]', a '(...)' but one of a word or two that begins the
    title itself ('(Dynamic) Prompting might be all you need ...')."""
    bracket = bracket.strip()
    words = bracket[1:-1].split()
    return (
        bracket.startswith("[")
        or not 0 < len(words) <= 2
        or any(not word.isalpha() or word.lower() in _LABEL_WORDS for word in words)
        or _known(bracket[1:-1])
    )


def _marked_title(runs: Runs) -> str:
    """Quoted text near the start, else bold text, that reads as a title: not a nickname tag
    ('[GPT-4]'), not a venue ('**[NeurIPS 2023]**'), and not a phrase quoted deep in a
    description ('**Alignment Faking in LLMs** - shows that ... "alignment faking"')."""
    nickname = _NICKNAME.match(runs.first_line)
    for kind, texts in (("quoted", runs.quoted), ("strong", runs.strong)):
        for raw in texts:
            text = raw.strip(" .:,;")
            if text[:1] in '"“' and text[-1:] in '"”':
                text = text.strip(' "“”.:,;')  # '**"GPT-4 Technical Report"**'
            elif text[:1] in '"“”':
                text = text[1:]  # an opening quote alone, whose close is outside the bold
            if not is_title_like(text) or len(text) <= 2 or (nickname and text in nickname[0]):
                continue
            if kind == "quoted" and (
                _in_description(runs.text, raw)
                or any(raw in bold and bold.strip(' "“”') != raw for bold in runs.strong)
            ):
                continue  # a phrase quoted in a description, or inside the bold title
            if kind == "strong" and (
                _inside_title(runs.first_line, raw)
                or _after_its_links(runs.first_line, raw)
                or (_known(text) and parse_venue(text))
                or raw.startswith(("(", "["))
                or _bracketed_in(runs.text, raw)
                or _inside_brackets(runs.text, raw)  # tag chips '[__`seg.`__ __`oth.`__]'
                or _is_label(text.strip("[]() "))
            ):
                continue  # a venue, or a note ('**(ICLR best paper)**')
            return _cleaned(text)
    return ""


def _after_its_links(line: str, run: str) -> bool:
    """A bold name written after a plain title and its links ('Deep Contextualized Word
    Representations (NAACL 2018) [[paper]](...) - ***ELMo***'): the model's name."""
    at = line.find(run)
    if at <= 0 or "[" not in line[:at]:
        return False
    head = _LEADING_SYMBOLS.sub("", line[: line.find("[")].strip())
    while (tag := _LEADING_TAG.match(head)) and _a_tag(tag[0]):
        head = _LEADING_SYMBOLS.sub("", head[tag.end() :])  # '⭐(arXiv 2024) [Aesthetic] **Title**'
    head = head.strip(_PUNCTUATION)
    if head.startswith("("):
        return False  # a long tag still: '(IEEE Transactions on ... Systems 2022) **Title**'
    return len(head.split()) >= _MIN_TITLE_WORDS and is_title_like(head)


def _inside_title(line: str, run: str) -> bool:
    """A bold phrase that the title's own words run into ('Deep Learning for **Video-Text
    Retrieval**: a Review'), not a bold title after its tags, numbering or authors."""
    at = line.find(run)
    if at <= 0:
        return False
    before = _without_tags(_NUMBERING.sub("", line[:at], count=1).strip()).strip()
    return (
        bool(before)
        and before[-1].isalnum()
        and is_title_like(before)
        and not is_author_list(before)
        and not _is_label(before)
    )


def _inside_brackets(text: str, run: str) -> bool:
    """Whether `run` sits inside a bracket of a few words ('[seg. oth.]'), as tags do."""
    at = text.find(run)
    if at < 0:
        return False
    opened, closes = text.rfind("[", 0, at), text.find("]", at + len(run))
    return (
        opened >= 0
        and text.rfind("]", 0, at) < opened
        and closes >= 0
        and len(text[opened:closes].split()) <= _MAX_VENUE_WORDS
    )


def _in_description(text: str, run: str) -> bool:
    """Whether `run` comes after a title's description has begun (a spaced dash, a double
    space) or far into the text."""
    before = text[: max(text.find(run), 0)]
    return bool(_DESCRIPTION.search(before)) or len(before.split()) > _LONG_TEXT_WORDS


def _headline(text: str) -> str:
    """A plain title cell's title: without its numbering ('1) '), and without the description
    a cell runs on with after a spaced dash or a double space."""
    text = _NUMBERING.sub("", text, count=1)
    cut = _DESCRIPTION.search(text)
    if cut is None or not 0 < len(text[: cut.start()].split()) <= _MAX_TITLE_WORDS:
        return text
    # A subtitle after a dash starts with a capital, a description ('- introduces ...') does
    # not; and a description runs on for longer than a title (a double space alone may sit
    # inside a title: 'Large Language Models  with a Single GPU').
    dash = cut[0].strip() != ""
    if (dash and text[cut.end() :][:1].islower()) or len(text.split()) > _LONG_TEXT_WORDS:
        return text[: cut.start()].strip()
    return text


def _cleaned(title: str) -> str:
    """A title without what lists write around it: a leading emoji or '[Nickname]' tag, a
    trailing '(@Affiliation)'."""
    title = _SHORTCODES.sub("", _AFFILIATION.sub("", title.strip()))
    rest = _NICKNAME.sub("", title, count=1)
    title = rest if is_title_like(rest) and rest != title else title
    title = _TRAILING_IN.sub("", _LEADING_SYMBOLS.sub("", title)).strip()
    lead = _DATED_LEAD.match(title)
    if lead and is_title_like(title[lead.end() :]):
        title = title[lead.end() :]  # '2015-CVPR - Learning from Massive Noisy Data'
    trailing = _TRAILING_TAG.search(title)
    if trailing and _YEAR_AT_END.search(trailing[1]) and len(trailing[1].split()) <= 4:
        title = title[: trailing.start()].strip()  # '**DAGCN: ... (ACPR 2019)**'
    return title


def _only_links(part: Part) -> bool:
    return not part.runs.outside.strip(" \n[]()|/,.")


def _venue_and_date(fields: Fields, parts: Sequence[Part], locate: Locate) -> None:
    venue = next((p for p in parts if p.column == Column.VENUE), None)
    year = next((p for p in parts if p.column == Column.YEAR), None)
    date = next((p for p in parts if p.column == Column.DATE), None)
    if year is not None and is_date(year.cell.text.strip()):
        date, year = year, None
    if venue is not None and date is None and is_date(venue.cell.text.strip()):
        date, venue = venue, None  # a 'Publication time' column of dates ('2004.04')
    elif date is not None and year is None and not _dated(date):
        date, year = None, date  # a 'Date' column of years: the year, as before
    if date is not None and _dated(date):
        fields.date, fields.date_cell = date.cell.text.strip(), date.cell
    if venue is not None or year is not None:
        fields.venue_cell = venue.cell if venue else None
        fields.year_cell = year.cell if year else None
        texts = [_shown(p) for p in (venue, year) if p is not None]
        if venue is not None and year is not None and _has_year(texts[0]):
            texts = texts[:1]  # '[TGRS2024](...)' beside a Year column of 2023
        fields.venue = " ".join(text for text in texts if text)
        return
    candidates = _venue_candidates(parts, locate)
    # not 'CGF' of 'CGF: Learning ...', unless written beside the title too ('**VoxSRC 2019:
    # ...**(2019)')
    venues = [
        text
        for text, _ in candidates
        if not is_date(text)
        and (text not in fields.title or _beside_the_title(text, fields.title, parts))
    ]
    # a citation's bracketed year after its authors ('Yang, Z., ... (2019). Title. VLDB, 2019.')
    # gives way to the venue the citation names
    named = any(not _BARE_YEAR.match(text) for text in venues)
    for text, cell in candidates:
        if not fields.date and is_date(text):
            fields.date, fields.date_cell = text, cell
        elif not fields.venue and text in venues and not (named and _BARE_YEAR.match(text)):
            fields.venue, fields.venue_cell = text, cell
    if not fields.venue and fields.paper is not None and (tail := _after_link(parts, fields.paper)):
        fields.venue, fields.venue_cell = tail, locate(tail)
    if not fields.venue and not fields.date and (cited := _cited_last(parts, fields.title)):
        fields.venue, fields.venue_cell = cited, locate(cited)
    paper = fields.paper
    if paper is not None and is_date(words := paper.text.strip(" []")):
        if not fields.date:  # '[[11 Jan 2021]](https://arxiv.org/...)': when, not where
            fields.date, fields.date_cell = words, locate(words)
        return
    if not fields.venue and paper is not None and _is_label(paper.text) and paper.text.strip(" []"):
        words = paper.text.strip(" []")  # '[[IJCAI]](https://arxiv.org/...)': the venue
        fields.venue, fields.venue_cell = words, locate(words)
    cited = _TRAILING_TAG.search(paper.text) if paper is not None else None
    if not fields.venue and cited and (year := _YEAR_AT_END.search(cited[1])):
        # 'SGM (Wu et al., 2020)': the year the link's words cite; no cell, as the year may
        # also stand in the URL beside it, where no fix must land
        fields.venue, fields.venue_cell = year[0], None


def _beside_the_title(text: str, title: str, parts: Sequence[Part]) -> bool:
    """Whether `text`, which the title holds, is written outside the title too."""
    return bool(title) and text in " ".join(part.runs.text for part in parts).replace(title, " ", 1)


def _cited_last(parts: Sequence[Part], title: str) -> str:
    """The last sentence of a plain citation, after its title and authors, when it ends in a
    year: its venue, known or not ('Title. Li, Kang et al. TMI 2021', '... Wang, Naiyan.
    2017', '... et al. Applied Sciences, 2019')."""
    for part in parts:
        if part.column != Column.OTHER or not title:
            continue
        line = part.runs.outside.split("\n")[0]
        if title not in line:
            continue
        last = _LAST_SENTENCE.search(line[line.find(title) + len(title) :])
        venue = _without_leading_authors(last[1].strip()) if last else ""
        words = [word.strip(",").lower() for word in venue.split()]
        titled = sum(word in _TITLE_WORDS for word in words) >= 2  # 'Chinese Pre-trained ...'
        if venue and len(words) <= _MAX_VENUE_WORDS and not titled and not is_author_list(venue):
            return venue
    return ""


def _dated(part: Part) -> bool:
    """A date, or in a Date column also one with a two-digit year ('23.02')."""
    return is_date(part.cell.text.strip(), short_year=part.column == Column.DATE)


def _after_link(parts: Sequence[Part], paper: Link) -> str:
    """What a citation writes right after its title link: '[Title](url), IEEE DSAA, 2018'
    names the venue even when the venue table does not know it."""
    home = _part_of(parts, paper)
    if home is None or home.column not in (Column.OTHER, Column.LINKS):
        return ""
    source = home.cell.source
    at = source.find(f"]({paper.url})")
    if at < 0:
        return ""
    tail = _AFTER_LINK.match(source[at + len(paper.url) + 3 :])
    # the authors before it are no venue ('[Title](url), L.K. Hansen, P. Salamon, 1990',
    # '[Title](url) N. Carlini et al., SSP 2017')
    venue = _without_leading_authors(tail[1]) if tail else ""
    return venue if venue and len(venue.split()) <= _MAX_VENUE_WORDS else ""


def _without_leading_authors(text: str) -> str:
    """'Sergey Zagoruyko, Nikos Komodakis, 2016' is '2016'; 'IEEE DSAA, 2018' stays."""
    text = _LEADING_AUTHORS.sub("", text)
    etal = _THROUGH_ET_AL.match(text)  # 'Taegyeong Lee, et al. 2025'
    if etal and is_author_list(etal[0].strip(" ,")):
        return text[etal.end() :]
    chunks = _COMMA.split(text)
    for cut in range(len(chunks) - 1, 0, -1):
        names = ", ".join(chunks[:cut])
        if (is_author_list(names) or _a_person(names)) and not _known(names):
            return ", ".join(chunks[cut:])
    return text


def _a_person(text: str) -> bool:
    """One person's name with an initial: 'Thomas G. Dietterich' ('Rich Caruana' could as well
    be a journal's name, 'Information Fusion')."""
    words = text.split()
    return (
        bool(_NAME.match(text))
        and 2 <= len(words) <= 4
        and any(_INITIAL.match(word) for word in words)
        and all(_INITIAL.match(word) or any(ch.islower() for ch in word) for word in words)
    )


def _shown(part: Part) -> str:
    """What a venue or year cell says: its text, else what its badges say
    ('![](https://img.shields.io/badge/ICLR-2025-blue.svg)' is 'ICLR 2025'); nothing for a
    placeholder ('-', 'N/A')."""
    text = part.cell.text.strip()
    if _LETTER.search(text) or any(ch.isdigit() for ch in text):
        return "" if _PLACEHOLDER.match(text) else text
    badges = [badge_text(link.url) for link in part.links if is_badge(link.url)]
    return " ".join(badge for badge in badges if badge)


def _venue_candidates(parts: Sequence[Part], locate: Locate) -> list[tuple[str, Cell | None]]:
    """Text that may say where or when: badges, bracketed chunks, then plain chunks (in
    parts that are no title cell)."""
    found: list[tuple[str, Cell | None]] = []
    for part in parts:
        for link in part.links:
            text = badge_text(link.url)
            if _ARXIV_CITED.match(text):
                continue  # 'arXiv 2211.06220': a badge that links the preprint, names no venue
            if text and (_has_year(text) or _known_venue(text)):  # not 'Unstructured'
                found.append((text, None))
    for part in parts:
        if part.column in (Column.CODE, Column.LINKS):
            continue
        outside = part.runs.outside
        for match in _BRACKETED.finditer(outside):
            text = _without_notes((match[1] or match[2]).strip())
            dated = _VENUE_AND_DATE.match(text)
            if _BARE_YEAR.match(text) and (cited := _cited_venue(outside, match)):
                found.append((cited, locate(cited)))
            elif dated and is_date(dated[2]) and _is_venue(dated[1], True):
                found.extend(((dated[2], locate(dated[2])), (dated[1], locate(dated[1]))))
            elif text and _venue_sized(text) and _is_venue(text, True):
                found.append((text, locate(text)))
        plain = _without_quoted(part.runs, outside)
        if part.column == Column.TITLE:
            # the title's own line is no venue; lines below it may say one ('<br> > CVPR'18')
            plain = plain.split("\n", 1)[1] if "\n" in plain.strip("\n") else ""
        lead = _DATED_LEAD.match(part.runs.text)
        if lead:
            tag = lead[0].strip(" -")
            found.append((tag, locate(tag)))
        for cited in _IN_VENUE.finditer(plain):
            found.append((cited[1], locate(cited[1])))
        for chunk in _CHUNK_SPLIT.split(plain):
            text = chunk.strip(_PUNCTUATION)
            head, _, rest = text.partition(" ")
            if rest and is_date(head):  # '20210706 CVPR-21 [Title](...)'
                found.append((head, locate(head)))
                text = rest.strip(_PUNCTUATION)
            dashed = _VENUE_DASH_DATE.match(text)
            if dashed and is_date(dashed[2]):  # 'AAAI 25 - Mar 2025', an en dash as often
                found.append((dashed[2], locate(dashed[2])))
                text = dashed[1].strip(_PUNCTUATION)
            text = _IN_PREFIX.sub("", text)  # 'In *ICML 2017*'
            text = _emphasised_end(text, part.runs)
            if text and len(text.split()) <= _MAX_VENUE_WORDS and _is_venue(text, False):
                text = _with_next_year(plain, text)
                found.append((text, locate(text)))
    return found


def _emphasised_end(text: str, runs: Runs) -> str:
    """The venue a chunk ends with in emphasis, without the names before it ('Dhiraj Gandhi,
    Abhinav Gupta *IROS 2017*' gives the chunk 'Abhinav Gupta IROS 2017')."""
    for marked in runs.emphasis:
        venue = marked.strip(_PUNCTUATION)
        if venue and venue != text and text.endswith(" " + venue) and _is_venue(venue, False):
            return venue
    return text


def _venue_sized(text: str) -> bool:
    """Short enough for a venue, or a venue's full name ('IEEE Transactions on Neural Networks
    and Learning Systems 2022')."""
    if len(text.split()) <= _MAX_VENUE_WORDS:
        return True
    return any(mention.spelling == Spelling.FULL_NAME for mention in parse_venue(text))


def _with_next_year(text: str, venue: str) -> str:
    """A venue name and the year a citation writes after it ('Advances in Neural Information
    Processing Systems. 2014')."""
    if _has_year(venue):
        return venue
    after = re.search(re.escape(venue) + r"[.,]?\s+(?:19|20)\d\d(?!\d|\.\d)", text)
    return after[0] if after else venue


def _without_notes(text: str) -> str:
    """A bracket's text without the notes lists add beside a venue ('from Cornell, ICCV 2023
    best student paper' is 'ICCV 2023 best student paper')."""
    if "," not in text:
        return text
    pieces = [p.strip() for p in text.split(",") if not _NOTE.match(p.strip())]
    return ", ".join(piece for piece in pieces if piece) or text


def _cited_venue(outside: str, year: re.Match[str]) -> str:
    """A citation's venue and its bracketed year ('arXiv preprint arXiv:1412.6980 (2014)',
    'Nature 518.7540 (2015)'): the text since the last sentence end, when it names a venue."""
    lead = _SENTENCE_END.split(outside[: year.start()])[-1].strip(_PUNCTUATION)
    if lead and len(lead.split()) <= _MAX_VENUE_WORDS and _known(lead):
        return f"{lead} {year[0]}"
    return ""


def _is_venue(text: str, bracketed: bool) -> bool:
    """A date, or a venue with its year, or a venue name alone spelt exactly ('arXiv',
    'JMLR'); in brackets ('[IJCAI-ECAI 2022]') a name and year the venue table need not know."""
    if is_date(text):
        return True
    if _ARXIV_CITED.match(text):
        return True  # '[arXiv:2501.16295]', or a plain citation's 'arXiv:1908.05474'
    mentions = parse_venue(text)
    if any(m.year and m.year_written for m in mentions):
        return _known(text) or (bracketed and not _in_prose(text))
    # in brackets, a label that names no publication is a link's ('[[Website] (https://...)]')
    labelled = bracketed and all(m.venue is None or m.venue.type == "other" for m in mentions)
    return _exact_venue(text) and not labelled


def _in_prose(text: str) -> bool:
    """Words of a sentence, not of a venue: '(1st ranked in VOC2012)', not '[IJCAI-ECAI 2022]'
    or '(arXiv preprint 2023)'."""
    words = [word for word in _LABEL_WORD.findall(text) if word.islower() and len(word) > 2]
    return any(word not in _LABEL_WORDS and word not in _NAME_WORDS for word in words)


# the small words of venues' names ('Expert Systems with Applications', 'Transactions on ...')
_NAME_WORDS = frozenset(["and", "with", "for", "the", "on", "of", "in"])


def _without_quoted(runs: Runs, text: str) -> str:
    for title in (*runs.quoted, *runs.strong):
        if title:
            text = text.replace(title, " ")
    return text


def _has_year(text: str) -> bool:
    return any(mention.year for mention in parse_venue(text)) or bool(is_date(text))


def _known(text: str) -> bool:
    """A venue the venue table knows, spelt so that it is not a guess."""
    return any(
        mention.venue is not None and mention.spelling != Spelling.GUESSED
        for mention in parse_venue(text)
    )


def _known_venue(text: str) -> bool:
    """A venue a badge can name: a conference, a journal or arXiv; 'GitHub', 'Homepage' and
    'Blog' badges name none."""
    return any(
        mention.venue is not None
        and mention.spelling != Spelling.GUESSED
        and (mention.venue.is_publication or mention.is_arxiv)
        for mention in parse_venue(text)
    )


def _code(fields: Fields, parts: Sequence[Part]) -> None:
    seen: set[str] = set()
    for part in parts:
        if part.column == Column.CODE:
            fields.code_cells.append(part.cell)
            for link in part.links:
                if link.url and link.syntax != Syntax.IMAGE and not is_badge(link.url):
                    fields.code_urls.append(link.url)
                    seen.add(link.url.rstrip("/").lower())
    paper = fields.paper.url.rstrip("/").lower() if fields.paper else None
    for part in parts:
        label = link_label(part)  # 'Code: [...]' says code; 'ExpEnv: [...]' says not code
        says_code = label is not None and bool(_SAYS_CODE.match(label))
        elsewhere = label is not None and not says_code
        for index, link in enumerate(part.links):
            if link is fields.paper or not link.url:
                continue
            if link.syntax == Syntax.IMAGE or is_badge(link.url):
                repo = badge_repo(link.url)
                if repo and repo.lower() not in seen:
                    seen.add(repo.lower())
                    fields.code_urls.append(repo)
                continue
            if part.column == Column.CODE or not _followable(link):
                continue
            key = link.url.rstrip("/").lower()
            if key == paper:
                continue  # the paper again (a venue badge that links to it)
            if key in seen:
                fields.roles[id(link)] = Role.CODE
            elif _SAYS_NOT_CODE.match(words := _words(part, index)) or _CITATION_FILE.search(
                link.url
            ):
                fields.other_urls.append(link.url)
            elif ((says_code or _SAYS_CODE.match(words)) and not is_paper_url(link.url)) or (
                not elsewhere and is_code_url(link.url)
            ):
                seen.add(key)
                fields.code_urls.append(link.url)
                fields.roles[id(link)] = Role.CODE
            else:
                fields.other_urls.append(link.url)
    if fields.paper is not None:
        fields.roles[id(fields.paper)] = Role.PAPER


def _words(part: Part, index: int) -> str:
    """A link's words; for a link around a badge alone, what the badge says
    ('[![Website](https://img.shields.io/badge/Website-9cf)](https://...)' says 'Website')."""
    link = part.links[index]
    if link.text.strip() or index + 1 >= len(part.links):
        return link.text
    image = part.links[index + 1]
    if image.syntax != Syntax.IMAGE:
        return link.text
    return badge_text(image.url) or image.text


def link_label(part: Part) -> str | None:
    """A sub-item's label when the rest is only its links ('ExpEnv: [link]', 'Homepage:
    https://...'); a paper's own text that starts with a nickname ('OneFlow: "OneFlow: ..."
    [[Source](...)]') has no such label."""
    outside = part.runs.outside
    label = _LABEL.match(outside)
    if label is None:
        return None
    rest = outside[label.end() :]
    for link in part.links:
        rest = rest.replace(link.url, "")  # bare URLs are text to the inline parser
    return None if rest.strip(" \n[]()|/,.<>") else label[1]


def _followable(link: Link) -> bool:
    return bool(link.url) and not link.url.startswith("#") and not is_badge(link.url)


def _part_of(parts: Sequence[Part], link: Link) -> Part | None:
    return next((part for part in parts if any(item is link for item in part.links)), None)


def segment(line: int, source: str, text: str, start: int = 0) -> Cell | None:
    """`text` where it is written in `source` (a line, searched from `start`), as a cell."""
    if not text:
        return None
    column = source.find(text, start)
    if column < 0:
        return None
    return Cell(text, text, Span(line, column, column + len(text)))
