"""
Checks on code links that GitHub and Hugging Face answered for: gone, moved, archived, gated,
or not verifiable this time.
"""

from __future__ import annotations

from collections.abc import Iterator

from linkwatch.checks.base import Context, about_link, replacing_url
from linkwatch.checks.statuses import web_status
from linkwatch.model import Fix, Link, LinkStatus, Problem
from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import GithubRecord, github_key, new_url
from linkwatch.model.records.huggingface import HubRecord, hub_key, hub_new_url

_GATES = {
    "auto": "access is granted on request",
    "manual": "its authors approve each request",
    "yes": "readers must ask for access",
}
_PAGE_UNVERIFIED = (LinkStatus.ERROR, LinkStatus.TIMEOUT, LinkStatus.RATE_LIMITED)


def repo_not_found(context: Context) -> Iterator[Problem]:
    """A GitHub repository, user or organisation GitHub says does not exist (404), or one no
    reader can open: private, disabled, or blocked.
    `| [CodeRL](…) | NeurIPS 2022 | https://github.com/someone/deleted-repo |`"""
    for link, record in _github(context):
        if record.existence == Existence.MISSING:
            yield _problem(link, record, f"GitHub: {record.asked}: {record.detail}.")
        elif record.existence == Existence.FOUND and (record.private or record.disabled):
            state = "private" if record.private else "disabled"
            yield _problem(link, record, f"GitHub: {record.name} is {state}; readers get a 404.")


def repo_moved(context: Context) -> Iterator[Problem]:
    """A repository that was renamed or transferred: GitHub still redirects, until someone
    takes the old name. Fix: the link under the current owner/name, the rest of it kept.
    `https://github.com/noahshinn024/reflexion` → `https://github.com/noahshinn/reflexion`"""
    for link, record in _github(context):
        if record.moved and record.name is not None:
            new = new_url(link.url, record.name)
            message = f"GitHub: {record.asked} moved to {record.name}; link {new}."
            yield _problem(link, record, message, expected=new, fix=replacing_url(link, new))


def repo_archived(context: Context) -> Iterator[Problem]:
    """An archived repository: read-only, no fixes to come; readers may want to know.
    `| [STaR](…) | NeurIPS 2022 | https://github.com/owner/archived-repo |`"""
    for link, record in _github(context):
        if record.existence == Existence.FOUND and record.archived:
            pushed = f", last pushed {record.pushed_at[:10]}" if record.pushed_at else ""
            yield _problem(link, record, f"GitHub: {record.name} is archived (read-only{pushed}).")


def repo_path_missing(context: Context) -> Iterator[Problem]:
    """A tree or blob link whose repository exists but whose page does not (a moved file, a
    deleted branch): `https://github.com/owner/repo/tree/main/gone`."""
    for link, record in _github(context):
        page = record.page
        if page is not None and (verdict := web_status(page)).status == LinkStatus.BROKEN:
            message = f"Broken link: {record.name} exists, but this page: {verdict.detail}."
            yield _problem(link, record, message, evidence=page.final_url)


def repo_unverified(context: Context) -> Iterator[Problem]:
    """A GitHub link left unverified: the API budget was spent (60 requests an hour without a
    token), a rate limit or an outage stopped the run. Not broken; run again later."""
    for link, record in _github(context):
        page = record.page
        if record.existence == Existence.UNVERIFIED:
            yield _problem(link, record, f"Not verified: {record.detail}.")
        elif page is not None and (verdict := web_status(page)).status in _PAGE_UNVERIFIED:
            yield _problem(link, record, f"Could not verify the page: {verdict.detail}.")


def hf_not_found(context: Context) -> Iterator[Problem]:
    """A Hugging Face model, dataset, space, user or organisation the Hub says does not exist
    (anonymously the Hub answers a private one alike): `https://huggingface.co/datasets/x/gone`."""
    for link, record in _hub(context):
        if record.existence == Existence.MISSING:
            message = f"Hugging Face: {record.kind} {record.asked} is {record.detail}."
            yield _problem(link, record, message)


def hf_gated(context: Context) -> Iterator[Problem]:
    """A Hugging Face repository readers cannot simply open: gated (they must ask), private
    (seen with HF_TOKEN only) or disabled: `https://huggingface.co/meta-llama/Llama-2-7b`."""
    for link, record in _hub(context):
        if record.existence != Existence.FOUND:
            continue
        if record.gated:
            gate = _GATES.get(record.gated, "readers must ask for access")
            yield _problem(link, record, f"Hugging Face: {record.name} is gated: {gate}.")
        elif record.private or record.disabled:
            state = "private" if record.private else "disabled"
            yield _problem(link, record, f"Hugging Face: {record.name} is {state}.")


def hf_moved(context: Context) -> Iterator[Problem]:
    """A Hugging Face repository that was renamed or transferred: the Hub redirects to its
    new id. Fix: the link with the new id (a different letter case alone is no move)."""
    for link, record in _hub(context):
        if record.moved and record.name is not None:
            new = hub_new_url(link.url, record.name)
            message = f"Hugging Face: {record.asked} moved to {record.name}; link {new}."
            yield _problem(link, record, message, expected=new, fix=replacing_url(link, new))


def hf_unverified(context: Context) -> Iterator[Problem]:
    """A Hugging Face link left unverified: the Hub kept refusing (429, 5xx), could not be
    reached, or rejected HF_TOKEN. Not broken; run again later."""
    for link, record in _hub(context):
        if record.existence == Existence.UNVERIFIED:
            yield _problem(link, record, f"Not verified: {record.detail}.")


def _github(context: Context) -> Iterator[tuple[Link, GithubRecord]]:
    records = context.records.github
    for link in context.survey.links:
        key = github_key(link.url)
        record = records.get(key) if key is not None else None
        if record is not None:
            yield link, record


def _hub(context: Context) -> Iterator[tuple[Link, HubRecord]]:
    records = context.records.huggingface
    for link in context.survey.links:
        key = hub_key(link.url)
        record = records.get(key) if key is not None else None
        if record is not None:
            yield link, record


def _problem(
    link: Link,
    record: GithubRecord | HubRecord,
    message: str,
    expected: str | None = None,
    evidence: str | None = None,
    fix: Fix | None = None,
) -> Problem:
    evidence = evidence or record.evidence
    return about_link(link, message, expected=expected, evidence=evidence, fix=fix)
