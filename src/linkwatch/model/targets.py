"""
What a URL points at: an arXiv paper, a GitHub or Hugging Face repository, or a plain web page.

Pure functions of the URL text, so the resolvers can group identifiers by service and the
offline checks can reason about links without touching the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

# New-style IDs (0704.0001 onwards) are YYMM.NNNN until 2014, YYMM.NNNNN since; old-style IDs
# are archive[.SUBJ]/YYMMNNN. https://info.arxiv.org/help/arxiv_identifier.html
ARXIV_NEW_ID = r"\d{4}\.\d{4,5}"
ARXIV_OLD_ID = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_ID_RE = re.compile(rf"(?P<id>{ARXIV_NEW_ID}|{ARXIV_OLD_ID})(?:v(?P<version>\d+))?")
_ARXIV_PATH = (
    rf"/+(?P<form>abs|pdf|html|format)/(?P<id>{ARXIV_NEW_ID}|{ARXIV_OLD_ID})"
    r"(?:v(?P<version>\d+))?(?:\.pdf)?/?"
)
_ARXIV_PATH_RE = re.compile(f"^{_ARXIV_PATH}$")
# The common case, matched without urlsplit: most links of a survey are arXiv links.
_ARXIV_URL_RE = re.compile(
    rf"^https?://(?:www\.|export\.)?arxiv\.org{_ARXIV_PATH}(?:[?#].*)?$", re.IGNORECASE
)
ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
HF_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
# 'github.com/owner/repo' or 'www.example.org': a web address without its scheme. A lone
# 'pruning.md' is a file next to the survey, however much '.md' looks like a domain.
LOOKS_LIKE_DOMAIN = re.compile(
    r"^(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.I
)

# First path segments of github.com that are site pages, not users or organisations.
_GITHUB_RESERVED = frozenset(
    [
        "about",
        "apps",
        "codespaces",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "explore",
        "features",
        "issues",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "pricing",
        "pulls",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "team",
        "topics",
        "trending",
    ]
)
_HF_RESERVED = frozenset(
    [
        "api",
        "blog",
        "chat",
        "collections",
        "docs",
        "join",
        "learn",
        "login",
        "models",
        "new",
        "organizations",
        "papers",
        "posts",
        "pricing",
        "settings",
        "tasks",
    ]
)

# Hosts whose links are papers (or paper landing pages), never code.
_PAPER_HOSTS = frozenset(
    (
        "arxiv.org",
        "doi.org",
        "openreview.net",
        "aclanthology.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "proceedings.mlr.press",
        "openaccess.thecvf.com",
        "ojs.aaai.org",
        "ijcai.org",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "sciencedirect.com",
        "pnas.org",
        "nature.com",
        "science.org",
        "cell.com",
        "biorxiv.org",
        "medrxiv.org",
        "semanticscholar.org",
        "jmlr.org",
        "aclweb.org",
        "researchgate.net",
        "ssrn.com",
        "neurips.cc",
        "nips.cc",
        "iclr.cc",
        "icml.cc",
        "mlr.press",
        "thecvf.com",
        "ecva.net",
        "aaai.org",
        "acm.org",
        "ieee.org",
        "computer.org",
        "springer.com",
        "wiley.com",
        "mdpi.com",
        "tandfonline.com",
        "frontiersin.org",
        "plos.org",
        "iop.org",
        "jair.org",
        "isca-speech.org",
        "usenix.org",
        "vldb.org",
        "sciencemag.org",
        "elifesciences.org",
        "academic.oup.com",
        "chemrxiv.org",
        "psyarxiv.com",
        "hal.science",
        "europepmc.org",
        "ncbi.nlm.nih.gov",
    )
)
# Paths of general hosts that hold papers: Hugging Face's paper pages.
_PAPER_PATHS = (("huggingface.co", "/papers/"),)
_CODE_HOSTS = frozenset(
    {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitee.com", "github.io"}
)


@dataclass(frozen=True, slots=True)
class ArxivRef:
    """An arXiv paper, possibly pinned to a version."""

    id: str
    version: int | None = None

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.id}"

    @property
    def year(self) -> int:
        """The year the ID was assigned: every ID starts with YYMM."""
        return _year_month(self.id)[0]

    @property
    def month(self) -> int:
        return _year_month(self.id)[1]

    def defect(self) -> str | None:
        """Why this ID cannot exist, or None: a month 13, a date before the scheme began, or
        the wrong number of digits for its date (4 until 2014, 5 from 1501 on)."""
        return _arxiv_defect(self.id)


@lru_cache(maxsize=65536)
def _year_month(arxiv_id: str) -> tuple[int, int]:
    """(year, month) from the YYMM an ID starts with; cached, as every check asks."""
    digits = arxiv_id.split("/")[-1]
    yy = int(digits[:2])
    return (1900 + yy if yy >= 91 else 2000 + yy), int(digits[2:4])


@lru_cache(maxsize=65536)
def _arxiv_defect(arxiv_id: str) -> str | None:
    year, month = _year_month(arxiv_id)
    if not 1 <= month <= 12:
        return f"{arxiv_id} has no valid month ({month:02d})"
    if "/" in arxiv_id:
        if (1991, 8) <= (year, month) <= (2007, 3):
            return None
        return f"old-style IDs like {arxiv_id} ran from 1991 to March 2007"
    yymm, number = arxiv_id.split(".")
    if (year, month) < (2007, 4):
        return f"new-style IDs like {arxiv_id} start in April 2007"
    digits = 5 if yymm >= "1501" else 4
    if len(number) != digits:
        return f"IDs from {year}-{month:02d} have {digits} digits after the dot"
    return None


@dataclass(frozen=True, slots=True)
class GithubRepo:
    owner: str
    name: str
    rest: str = ""
    """The path below the repository (`tree/main/docs`), without leading slash."""

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"


@dataclass(frozen=True, slots=True)
class GithubOwner:
    login: str


@dataclass(frozen=True, slots=True)
class HfRepo:
    kind: str
    """'model', 'dataset' or 'space'."""
    repo_id: str
    rest: str = ""


@dataclass(frozen=True, slots=True)
class HfOwner:
    name: str


@dataclass(frozen=True, slots=True)
class WebPage:
    url: str


Target = ArxivRef | GithubRepo | GithubOwner | HfRepo | HfOwner | WebPage


def parse_arxiv_id(text: str) -> ArxivRef | None:
    """An ID such as '2305.07759v2' or 'hep-th/9901001' (nothing else around it)."""
    match = _ARXIV_ID_RE.fullmatch(text.strip())
    if not match:
        return None
    version = match["version"]
    return ArxivRef(match["id"], int(version) if version else None)


@dataclass(frozen=True, slots=True)
class UrlParts:
    scheme: str
    """Lower-cased."""
    netloc: str
    host: str
    """Lower-cased, without user or port."""
    path: str


# scheme://host[:port]/path: nearly every link of a survey; urlsplit handles the rest.
_PLAIN_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#@\[\]]*)(?=[/?#]|$)([^?#]*)")


@lru_cache(maxsize=65536)
def split_url(url: str) -> UrlParts | None:
    """The parts of a URL, None when it cannot be parsed (a bad port, a broken IPv6 host).
    Cached, and plain URLs skip urlsplit: every check looks at the same links."""
    plain = _PLAIN_URL.match(url)
    if plain:
        host, _, port = plain[2].partition(":")
        if port and not (port.isdigit() and int(port) <= 65535):
            return None
        return UrlParts(plain[1].lower(), plain[2], host.lower(), plain[3])
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    return UrlParts(parts.scheme.lower(), parts.netloc, parts.hostname or "", parts.path)


@lru_cache(maxsize=65536)
def identify(url: str) -> Target:
    """Classify a URL by the service that can tell whether it is right."""
    fast = _ARXIV_URL_RE.match(url)
    if fast:
        version = fast["version"]
        return ArxivRef(fast["id"], int(version) if version else None)
    parts = split_url(url)
    if parts is None:
        return WebPage(url)
    host = parts.host
    if parts.scheme not in ("http", "https"):
        return WebPage(url)
    if host in ARXIV_HOSTS:
        return _arxiv(parts.path) or WebPage(url)
    if host in GITHUB_HOSTS:
        return _github(parts.path) or WebPage(url)
    if host in HF_HOSTS:
        return _huggingface(parts.path) or WebPage(url)
    return WebPage(url)


def arxiv_ref(url: str) -> ArxivRef | None:
    target = identify(url)
    return target if isinstance(target, ArxivRef) else None


_ARXIV_PAGES = ("/abs/", "/pdf/", "/html/", "/format/")


def is_arxiv_link(url: str) -> bool:
    """A link the arXiv API answers for: an arXiv ID, or a paper page on arxiv.org whose ID
    is malformed (the malformed-url check's, and never probed as a web page)."""
    if arxiv_ref(url) is not None:
        return True
    parts = split_url(url)
    return parts is not None and parts.host in ARXIV_HOSTS and parts.path.startswith(_ARXIV_PAGES)


def _arxiv(path: str) -> ArxivRef | None:
    match = _ARXIV_PATH_RE.match(path)
    if not match:
        return None
    version = match["version"]
    return ArxivRef(match["id"], int(version) if version else None)


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _github(path: str) -> GithubRepo | GithubOwner | None:
    segments = _segments(path)
    if not segments:
        return None
    if segments[0] == "orgs" and len(segments) >= 2:
        return GithubOwner(segments[1])
    if segments[0].lower() in _GITHUB_RESERVED:
        return None
    if len(segments) == 1:
        return GithubOwner(segments[0])
    name = segments[1].removesuffix(".git")
    return GithubRepo(segments[0], name, "/".join(segments[2:])) if name else None


def _huggingface(path: str) -> HfRepo | HfOwner | None:
    segments = _segments(path)
    if not segments:
        return None
    kind = {"datasets": "dataset", "spaces": "space"}.get(segments[0])
    if kind:
        segments = segments[1:]
        if len(segments) < 2:
            return None
        return HfRepo(kind, "/".join(segments[:2]), "/".join(segments[2:]))
    if segments[0] in _HF_RESERVED:
        return None
    if len(segments) == 1:
        return HfOwner(segments[0])
    return HfRepo("model", "/".join(segments[:2]), "/".join(segments[2:]))


def host_of(url: str) -> str:
    """The lower-cased host name, or '' when the URL has none."""
    parts = split_url(url)
    return parts.host if parts else ""


def host_matches(host: str, domains: frozenset[str]) -> bool:
    """Whether `host` is one of `domains` or a subdomain of one."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in domains for i in range(len(labels)))


def is_paper_url(url: str) -> bool:
    """Whether a URL points at a paper rather than code (arXiv, DOI, proceedings, ...)."""
    if isinstance(identify(url), ArxivRef):
        return True
    parts = split_url(url)
    if parts is None:
        return False
    if host_matches(parts.host, _PAPER_HOSTS):
        return True
    return any(parts.host == host and parts.path.startswith(path) for host, path in _PAPER_PATHS)


def is_repository_url(url: str) -> bool:
    """A source repository or its project site: github.com/owner/repo and its peers
    (GitLab, Bitbucket, Codeberg, Gitee), owner.github.io."""
    parts = split_url(url)
    if parts is None or not host_matches(parts.host, _CODE_HOSTS):
        return False
    return parts.host.endswith("github.io") or parts.path.strip("/").count("/") >= 1


# 'xxxx' only as a whole path segment or query value ('/xxxx/', '=xxxx'), not inside a name
# such as the GitHub user 'wxxxxxxh'.
_PLACEHOLDER_URL = re.compile(
    r"\.\.\.|…|^(?:url|link|todo|tbd|xxx+|#)$|(?<![^/=.?&#])x{4,}(?![^/=.?&#])", re.I
)
_PLACEHOLDER_HOSTS = frozenset({"example.com", "example.org", "example.net", "www.example.com"})


@lru_cache(maxsize=65536)
def is_placeholder(url: str) -> bool:
    """A link target left to fill in: 'URL', 'https://arxiv.org/abs/...', example.com."""
    return bool(_PLACEHOLDER_URL.search(url)) or host_of(url) in _PLACEHOLDER_HOSTS
