"""
The judge of links: what each link's row in the report says, from the records the resolvers
brought back. The link checks (broken-link, broken-anchor, timeout, ...) read their verdicts
here, so the links table and the findings come from the same rules and cannot disagree.

A link is called broken only on positive evidence: 404, 410 or another 4xx, a 5xx on every
try, a name that does not resolve while others do, a refused connection, a bad certificate, a
redirect loop; an API that says the thing does not exist; a missing heading or file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from linkwatch.model import FailureKind, Link, LinkOutcome, LinkStatus, Survey
from linkwatch.model.records import Records
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.records.existence import Existence, ServiceRecord
from linkwatch.model.records.github import GithubRecord, github_key, new_url
from linkwatch.model.records.huggingface import HubRecord, hub_key, hub_new_url
from linkwatch.model.records.web import WebRecord
from linkwatch.model.targets import LOOKS_LIKE_DOMAIN, ArxivRef, arxiv_ref, is_arxiv_link
from linkwatch.parse.slugs import anchor_matches

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# The server will not answer a robot; the page may be fine.
_REFUSES_ROBOTS = frozenset({401, 403, 407, 999})
_BROKEN_FAILURES = frozenset(
    {FailureKind.DNS, FailureKind.REFUSED, FailureKind.TLS, FailureKind.INVALID_URL}
)
_TIMEOUTS = frozenset({FailureKind.TIMEOUT, FailureKind.CONNECT_TIMEOUT})

_EXCLUDED = LinkOutcome(LinkStatus.SKIPPED, "excluded by --exclude")
_NOT_PROBED = LinkOutcome(LinkStatus.SKIPPED, "not probed (offline)")
_NOT_A_WEB_LINK = LinkOutcome(LinkStatus.SKIPPED, "not a web link")
_NOT_ASKED = LinkOutcome(LinkStatus.SKIPPED, "no service said anything of it")
_NOT_LOOKED_UP = LinkOutcome(LinkStatus.SKIPPED, "not a valid arXiv ID, so not looked up")


def link_status(link: Link, survey: Survey, records: Records) -> LinkOutcome:
    """The verdict on one link: anchors and local files from the survey itself, the rest
    from the record of the service that answered for it."""
    url = link.url
    if url.startswith("#") and len(url) > 1:
        return anchor_status(url, survey.anchors(link.file))
    if (target := local_target(link)) is not None:
        exists = target.exists()
        return LinkOutcome(
            LinkStatus.OK if exists else LinkStatus.BROKEN,
            "file exists" if exists else "no such file",
        )
    if not records.resolved:
        return _NOT_PROBED
    if (web := records.web.get(url)) is not None:
        return web_status(web)
    if is_arxiv_link(url):
        return _arxiv_link_status(url, records.arxiv)
    if (key := github_key(url)) is not None and (repo := records.github.get(key)) is not None:
        return github_status(repo, url)
    if (key := hub_key(url)) is not None and (hub := records.huggingface.get(key)) is not None:
        return hub_status(hub, url)
    return _NOT_A_WEB_LINK if "://" not in url else _NOT_ASKED


def anchor_status(url: str, anchors: frozenset[str] | set[str]) -> LinkOutcome:
    """A '#fragment' link: found when a heading of its file has that slug (GitHub's rules)."""
    found = anchor_matches(url[1:], anchors)
    return LinkOutcome(
        LinkStatus.OK if found else LinkStatus.BROKEN,
        "heading found" if found else "no heading has this anchor",
    )


def web_status(record: WebRecord) -> LinkOutcome:
    """What a probe's last answer, or its failure, makes the link."""
    if record.excluded:
        return _EXCLUDED
    url, status = record.final_url, record.http_status
    if record.network_down:
        detail = f"not checked: {record.detail} (and no other host answered either)"
        return LinkOutcome(LinkStatus.ERROR, detail)
    if status is None:
        return LinkOutcome(_failure_status(record), record.detail or "no answer", None, url)
    if 200 <= status < 300:
        verdict = LinkStatus.REDIRECT if record.moved_to else LinkStatus.OK
        detail = f"moved permanently to {record.moved_to}" if record.moved_to else f"HTTP {status}"
    elif status == 429:
        verdict, detail = LinkStatus.RATE_LIMITED, "HTTP 429: still rate-limited after retries"
    elif status == 408:  # the server's own 'Request Timeout': slow, not gone
        verdict, detail = LinkStatus.TIMEOUT, "HTTP 408 (the server timed out) on every try"
    elif status in _REFUSES_ROBOTS:
        verdict, detail = LinkStatus.ERROR, f"HTTP {status}: the server refuses automated checks"
    elif status >= 500:
        verdict, detail = LinkStatus.BROKEN, f"HTTP {status} on every try"
    elif status >= 400:
        verdict, detail = LinkStatus.BROKEN, f"HTTP {status}"
    else:
        verdict, detail = LinkStatus.ERROR, f"HTTP {status} without a usable answer"
    return LinkOutcome(verdict, detail, status, url, record.elapsed_ms)


def _failure_status(record: WebRecord) -> LinkStatus:
    """No answer came: a loop or a dead name is the link's fault, a timeout is slow, the
    rest (a reset connection) is not known."""
    if record.failure is None or record.failure in _BROKEN_FAILURES:
        return LinkStatus.BROKEN  # no failure: the chain itself was at fault (a loop)
    if record.failure in _TIMEOUTS:
        return LinkStatus.TIMEOUT
    if record.failure == FailureKind.RATE_LIMITED:
        return LinkStatus.RATE_LIMITED
    return LinkStatus.ERROR


def _arxiv_link_status(url: str, records: Mapping[str, ArxivRecord]) -> LinkOutcome:
    ref = arxiv_ref(url)
    if ref is None or ref.defect() is not None:
        return _NOT_LOOKED_UP
    record = records.get(ref.id)
    return arxiv_status(record, ref) if record is not None else _NOT_ASKED


def arxiv_status(record: ArxivRecord, ref: ArxivRef) -> LinkOutcome:
    """An arXiv link: the ID and the version it names must exist."""
    match record.status:
        case ArxivStatus.UNVERIFIED:
            return LinkOutcome(LinkStatus.ERROR, f"not verified: {record.detail}")
        case ArxivStatus.NOT_FOUND:
            return LinkOutcome(LinkStatus.BROKEN, "the arXiv API knows no such ID")
    if ref.version is not None and ref.version > record.version:
        detail = f"arXiv has no version {ref.version} (the latest is v{record.version})"
        return LinkOutcome(LinkStatus.BROKEN, detail)
    return LinkOutcome(LinkStatus.OK, f"arXiv: v{record.version}", final_url=ref.abs_url)


def github_status(record: GithubRecord, url: str) -> LinkOutcome:
    """A GitHub link: the repository (or owner) must exist and be public; a tree or blob
    link's page must answer too."""
    if (unsettled := _unsettled(record, "GitHub", url)) is not None:
        return unsettled
    status = record.http_status
    if record.private or record.disabled:
        state = "private" if record.private else "disabled"
        return LinkOutcome(LinkStatus.BROKEN, f"GitHub: {state}; readers get a 404", status, url)
    if record.page is not None and (page := web_status(record.page)).status != LinkStatus.OK:
        return page
    if record.moved and record.name is not None:
        moved_to = new_url(url, record.name)
        return LinkOutcome(LinkStatus.REDIRECT, f"moved to {record.name}", status, moved_to)
    state = "archived" if record.archived else "found"
    return LinkOutcome(LinkStatus.OK, f"GitHub: {state}", status, url)


def hub_status(record: HubRecord, url: str) -> LinkOutcome:
    """A Hugging Face link: the repository (or owner) must exist; a gate is no breakage."""
    if (unsettled := _unsettled(record, "Hugging Face", url)) is not None:
        return unsettled
    status = record.http_status
    if record.moved and record.name is not None:
        moved_to = hub_new_url(url, record.name)
        return LinkOutcome(LinkStatus.REDIRECT, f"moved to {record.name}", status, moved_to)
    notes = [f"gated ({record.gated})"] if record.gated else []
    notes += [flag for flag in ("private", "disabled") if getattr(record, flag)]
    return LinkOutcome(LinkStatus.OK, f"Hugging Face: {', '.join(notes) or 'found'}", status, url)


def _unsettled(record: ServiceRecord, service: str, url: str) -> LinkOutcome | None:
    """The verdict when the service found nothing or could not be asked; None when the
    thing was found and the service's own reading decides."""
    status = record.http_status
    match record.existence:
        case Existence.UNVERIFIED:
            state = LinkStatus.RATE_LIMITED if record.rate_limited else LinkStatus.ERROR
            return LinkOutcome(state, f"not verified: {record.detail}", status)
        case Existence.MISSING:
            return LinkOutcome(LinkStatus.BROKEN, f"{service}: {record.detail}", status, url)
    return None


def local_target(link: Link) -> Path | None:
    """The file a relative link points at, or None when the link is not a plain relative path
    (a URL, an anchor, mailto:, '../../issues' leaving the repository for GitHub's pages)."""
    url = link.url.strip()
    if "://" in url:  # the common case, decided before any pattern
        return None
    if not url or url.startswith(("#", "//")) or _SCHEME.match(url) or LOOKS_LIKE_DOMAIN.match(url):
        return None
    path = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    folder = Path(link.file).resolve().parent
    root = _repository_root(folder)
    target = (root / path.lstrip("/")) if path.startswith("/") else (folder / path)
    target = target.resolve()
    return target if target.is_relative_to(root) else None


@lru_cache(maxsize=256)
def _repository_root(folder: Path) -> Path:
    """The folder holding .git above the survey, else the survey's own folder (once per
    folder: every relative link of a survey asks)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder
