"""
Which paper a link names when it is not an arXiv link: a DOI (doi.org, and publishers that put
it in the path), an ACL Anthology ID, a Semantic Scholar paper, an OpenReview forum, or a
proceedings or publisher page whose own metadata (Highwire `citation_*` tags) says.

Pure functions of the URL, so they are table-tested on real URL shapes (tests/test_paper_links.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

from linkwatch.model.targets import host_matches, split_url


class PaperIdKind(StrEnum):
    DOI = "doi"
    ACL = "acl"
    S2 = "s2"
    """A Semantic Scholar paper id (the 40-hex sha of semanticscholar.org/paper/...)."""
    OPENREVIEW = "openreview"
    URL = "url"
    """A page of a site Semantic Scholar takes `URL:` ids for (acm.org, aclweb.org, biorxiv.org),
    without a DOI or ACL ID in its address ('dl.acm.org/citation.cfm?id=2689747')."""
    PAGE = "page"
    """No identifier in the URL: the page's metadata names the paper."""


@dataclass(frozen=True, slots=True)
class PaperLink:
    """The paper a link names, and how Semantic Scholar's batch can be asked for it."""

    kind: PaperIdKind
    value: str
    """The DOI ('10.1145/3636243.3636256'), the ACL ID ('2020.emnlp-main.743'), the sha, the
    forum id, or for a page the URL itself."""

    @property
    def s2_id(self) -> str | None:
        """The identifier Semantic Scholar's paper batch takes, or None when it takes none
        (an OpenReview forum, a proceedings page: only their pages say what they are)."""
        match self.kind:
            case PaperIdKind.DOI:
                return f"DOI:{self.value}"
            case PaperIdKind.ACL:
                return f"ACL:{self.value}"
            case PaperIdKind.S2:
                return self.value
            case PaperIdKind.URL:
                return f"URL:{self.value}"
        return None


# A DOI: '10.' a registrant code, '/', a suffix (Crossref's recommended pattern, which covers
# all but a few legacy DOIs: https://www.crossref.org/blog/dois-and-matching-regular-expressions/,
# plus '_', which Springer's chapter DOIs use: 10.1007/978-3-030-58452-8_13)
_DOI = re.compile(r"10\.\d{4,9}/[-._;()/:A-Za-z0-9_]+")
_DOI_HOSTS = frozenset({"doi.org", "dx.doi.org"})
# Publishers whose article paths carry the DOI ('dl.acm.org/doi/10.1145/...',
# 'pnas.org/doi/10.1073/pnas...', 'link.springer.com/article/10.1007/...').
_DOI_IN_PATH = frozenset(
    {
        "dl.acm.org",
        "pnas.org",
        "science.org",
        "link.springer.com",
        "onlinelibrary.wiley.com",
        "tandfonline.com",
        "journals.sagepub.com",
        "pubs.acs.org",
        "ascelibrary.org",
        "journals.aps.org",
        "iopscience.iop.org",
        "biorxiv.org",
        "medrxiv.org",
        "academic.oup.com",
    }
)
# Nature's article ids are the suffix of DOIs under 10.1038 ('nature.com/articles/s41586-...').
_NATURE_ARTICLE = re.compile(r"^/articles/(?P<id>[a-z0-9][-a-z0-9.]+)$", re.I)
_ACL_HOSTS = frozenset({"aclanthology.org", "aclweb.org"})
_ACL_ID = re.compile(
    r"^(?P<id>\d{4}\.[a-z0-9-]+\.\d+|[A-Z]\d{2}-\d{4})(?:v\d+)?(?:\.pdf)?/?$", re.I
)
# Sites whose paper pages Semantic Scholar's batch takes as `URL:` ids (APIS.md §4.1)
_S2_URL_HOSTS = frozenset({"dl.acm.org", "biorxiv.org"})
_S2_PAPER = re.compile(r"^/paper/(?:[^/]+/)?(?P<sha>[0-9a-f]{40})/?$")
# Proceedings and publisher pages that carry Google Scholar's citation_* meta tags.
PAGE_HOSTS = frozenset(
    {
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "papers.neurips.cc",
        "proceedings.mlr.press",
        "openaccess.thecvf.com",
        "ojs.aaai.org",
        "ijcai.org",
        "jmlr.org",
        "ieeexplore.ieee.org",
        "cell.com",
        "sciencedirect.com",
        "ecva.net",
        "isca-archive.org",
        "usenix.org",
    }
)


@lru_cache(maxsize=1 << 16)
def paper_link(url: str) -> PaperLink | None:
    """The paper `url` names, for the publisher, proceedings and index sites above; None for
    any other link (arXiv's are arxiv_ref's). Remembered per URL: the parser, the resolvers
    and several checks ask about the same links."""
    parts = split_url(url)
    if parts is None or parts.scheme not in ("http", "https"):
        return None
    host, path = parts.host, unquote(parts.path)
    if host_matches(host, _DOI_HOSTS):
        found = _DOI.match(path.lstrip("/"))
        return PaperLink(PaperIdKind.DOI, _clean_doi(found.group())) if found else None
    if host_matches(host, _ACL_HOSTS):
        tail = path.removeprefix("/anthology").lstrip("/")
        found = _ACL_ID.match(tail)
        return PaperLink(PaperIdKind.ACL, found["id"]) if found else None
    if host_matches(host, frozenset({"semanticscholar.org"})):
        found = _S2_PAPER.match(path)
        return PaperLink(PaperIdKind.S2, found["sha"]) if found else None
    if host_matches(host, frozenset({"openreview.net"})) and path in ("/forum", "/pdf"):
        forum = parse_qs(urlsplit(url).query).get("id", [""])[0]
        return PaperLink(PaperIdKind.OPENREVIEW, forum) if forum else None
    if host_matches(host, _DOI_IN_PATH) and (found := _DOI.search(path)):
        return PaperLink(PaperIdKind.DOI, _clean_doi(found.group()))
    if host_matches(host, frozenset({"nature.com"})) and (found := _NATURE_ARTICLE.match(path)):
        return PaperLink(PaperIdKind.DOI, f"10.1038/{found['id']}")
    if host_matches(host, _S2_URL_HOSTS) and path.strip("/") and not path.lower().endswith(".pdf"):
        return PaperLink(PaperIdKind.URL, url)
    if host_matches(host, PAGE_HOSTS) and path.strip("/") and not path.lower().endswith(".pdf"):
        return PaperLink(PaperIdKind.PAGE, url)  # a PDF has no citation_* tags to read
    return None


def has_meta_page(url: str) -> bool:
    """Whether the page at `url` is one whose head names its paper (citation_* tags): a
    proceedings or publisher page, an OpenReview forum, an ACL Anthology or DOI landing page;
    not a PDF."""
    found = paper_link(url)
    if found is None or found.kind == PaperIdKind.S2:
        return False
    parts = split_url(url)
    if parts is None or parts.path.lower().endswith(".pdf"):
        return False
    return not (found.kind == PaperIdKind.OPENREVIEW and parts.path == "/pdf")


def s2_key(paper_url: str | None, arxiv_id: str | None) -> str | None:
    """What Semantic Scholar is asked about an entry: its arXiv ID (bare, as the arXiv
    checks key it), else the DOI, ACL or paper id its paper link names."""
    if arxiv_id:
        return arxiv_id
    found = paper_link(paper_url) if paper_url else None
    return found.s2_id if found is not None else None


def _clean_doi(doi: str) -> str:
    """A DOI as a path gives it: without a trailing '.pdf', '/full', '/abstract' or
    punctuation that ends a sentence, and without bioRxiv's version suffix ('v1')."""
    doi = re.sub(r"(?:\.full)?(?:\.pdf|\.html?)$", "", doi, flags=re.I)
    doi = re.sub(r"/(?:full|abstract|abs|pdf|epdf|summary|meta)$", "", doi, flags=re.I)
    doi = doi.rstrip(".,;:)")
    if doi.startswith("10.1101/"):
        doi = re.sub(r"v\d+$", "", doi)
    return doi
