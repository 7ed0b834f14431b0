"""
Checks on links: http:// where https is served, and what probing each link found (broken,
too slow, moved, rate-limited, or impossible to verify).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from linkwatch.checks.base import Context, about_link, replacing_url
from linkwatch.checks.statuses import local_target
from linkwatch.model import Fix, Link, LinkOutcome, LinkStatus, Problem
from linkwatch.model.records.web import WebRecord
from linkwatch.model.targets import host_matches, host_of, is_placeholder

# Hosts that serve every page over https (most redirect http:// to it, or use HSTS).
HTTPS_HOSTS = frozenset(
    {
        "arxiv.org",
        "github.com",
        "github.io",
        "huggingface.co",
        "hf.co",
        "openreview.net",
        "aclanthology.org",
        "doi.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "proceedings.mlr.press",
        "semanticscholar.org",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "sciencedirect.com",
        "nature.com",
        "science.org",
        "pnas.org",
        "cell.com",
        "biorxiv.org",
        "medrxiv.org",
        "openaccess.thecvf.com",
        "ojs.aaai.org",
        "ijcai.org",
        "jmlr.org",
        "paperswithcode.com",
        "kaggle.com",
        "google.com",
        "youtube.com",
        "twitter.com",
        "x.com",
        "medium.com",
        "wikipedia.org",
        "gitlab.com",
        "zenodo.org",
        "osf.io",
        "readthedocs.io",
        "pypi.org",
        "colab.research.google.com",
    }
)


def insecure_link(context: Context) -> Iterator[Problem]:
    """An http:// link to a host that serves https (`http://arxiv.org/abs/2211.09085`): known
    hosts offline, any other host when its https:// form answered the same. The reader's
    first request goes out unencrypted. Fix: the https:// link."""
    for link in context.survey.links:
        if not link.url.lower().startswith("http://"):
            continue
        record = context.records.web.get(link.url)
        known = host_matches(host_of(link.url), HTTPS_HOSTS)
        if known or (record is not None and record.https_ok):
            secure = "https://" + link.url[len("http://") :]
            yield Problem(
                link.file,
                link.line,
                f"Insecure link: {host_of(link.url)} serves https, so link {secure}.",
                url=link.url,
                entry_title=link.text or None,
                expected=secure,
                actual=link.url,
                fix=replacing_url(link, secure),
            )


def broken_link(context: Context) -> Iterator[Problem]:
    """A link that is gone: 404 or 410, a 5xx on every try, a name that does not resolve while
    others do, a refused connection, a bad certificate or a redirect loop."""
    for link, record, verdict in _probed(context, LinkStatus.BROKEN):
        yield _problem(link, record, f"Broken link: {verdict.detail}.")


def timeout(context: Context) -> Iterator[Problem]:
    """A link whose server did not answer within --timeout, on any try: slow or dying, not
    proven broken."""
    for link, record, verdict in _probed(context, LinkStatus.TIMEOUT):
        yield _problem(link, record, f"No answer in time: {verdict.detail}.")


def redirect(context: Context) -> Iterator[Problem]:
    """A link that moved permanently (301/308): readers take a detour, and old addresses die
    eventually. Fix: the address it moved to (not applied unasked when the move lands on a
    site's front page, or when --remap changed the address probed). Also a redirect from https
    to plain http. A move from http:// to https:// is left to insecure-link."""
    for link in context.survey.links:
        record = context.records.web.get(link.url)
        if record is None:
            continue
        if record.downgraded:
            yield _problem(link, record, "This https link redirects to plain http (a downgrade).")
        elif record.moved_to and not record.https_ok:
            safe = record.probed_url is None and _plausible_move(link.url, record.moved_to)
            yield _problem(
                link,
                record,
                f"Moved permanently to {record.moved_to}.",
                fix=replacing_url(link, record.moved_to, safe=safe),
            )


def rate_limited(context: Context) -> Iterator[Problem]:
    """A link whose host still answered 429 after its Retry-After was honoured: not verified,
    and not broken either."""
    for link, record, _ in _probed(context, LinkStatus.RATE_LIMITED):
        yield _problem(
            link,
            record,
            "Not verified: the host kept answering 429 Too Many Requests; try again later.",
        )


def unverified(context: Context) -> Iterator[Problem]:
    """A link that could not be verified for a reason that is not the link's fault: the server
    refuses automated checks (401/403) or keeps resetting the connection."""
    for link, record, verdict in _probed(context, LinkStatus.ERROR):
        if not record.network_down:
            yield _problem(link, record, f"Could not verify: {verdict.detail}.")


def _probed(context: Context, status: LinkStatus) -> Iterator[tuple[Link, WebRecord, LinkOutcome]]:
    """The probed links the judge gave `status`, with their record and verdict."""
    for link in context.survey.links:
        record = context.records.web.get(link.url)
        if record is not None and (verdict := context.status(link)).status == status:
            yield link, record, verdict


def _problem(link: Link, record: WebRecord, message: str, fix: Fix | None = None) -> Problem:
    return about_link(link, message, expected=record.moved_to, evidence=record.final_url, fix=fix)


def _plausible_move(old: str, new: str) -> bool:
    """A page moved to a site's front page is more likely gone than moved: offer that fix,
    but do not apply it unasked."""
    old_path, new_path = urlsplit(old).path.strip("/"), urlsplit(new).path.strip("/")
    return bool(new_path) or not old_path


def missing_file(context: Context) -> Iterator[Problem]:
    """A relative link to a file that is not in the repository (`[DER](2021)`, or
    `figures/model.png` after the folder was renamed): GitHub shows its reader a 404 page."""
    for link in context.survey.links:
        # the verdict first (judged once, for the report too): the file system is asked again
        # only for the few broken links that are local files
        if (
            context.status(link).status == LinkStatus.BROKEN
            and local_target(link) is not None
            and not is_placeholder(link.url)  # 'URL' left to fill in: placeholder-link says so
            and not any(ch.isspace() for ch in link.url)  # no link at all: malformed-url says so
        ):
            yield Problem(
                link.file,
                link.line,
                f"Broken link: there is no file {link.url} beside {Path(link.file).name}.",
                url=link.url,
                entry_title=link.text or None,
            )
