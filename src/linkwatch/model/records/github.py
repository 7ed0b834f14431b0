"""
What GitHub said of a repository, user or organisation, and which GitHub thing a link means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linkwatch.model.records.existence import Existence, renamed
from linkwatch.model.records.web import WebRecord
from linkwatch.model.targets import GithubOwner, GithubRepo, identify

NAMESPACE = "github"
Key = GithubRepo | GithubOwner
"""A repository (`rest` empty, or the tree/blob path below it), or a user or organisation."""
_PATH_KINDS = ("tree", "blob")
# scheme://host/OWNER/NAME then '.git', a path, a query or a fragment, all kept by a fix.
_REPO_PART = re.compile(
    r"^(?P<head>[^:/]+://[^/]+/+)(?P<owner>[^/?#]+)(?P<sep>/+)(?P<name>[^/?#]+?)"
    r"(?P<tail>(?:\.git)?(?:[/?#].*)?)$",
    re.S,
)


@dataclass(frozen=True, slots=True)
class GithubRecord:
    """What GitHub said of one repository, user or organisation (and, for a tree or blob
    link, what its page answered)."""

    existence: Existence
    asked: str
    """'owner/name' or 'login' as the link writes it."""
    name: str | None = None
    """The canonical 'Owner/Name' (or login) GitHub answered with: a rename shows here."""
    archived: bool = False
    disabled: bool = False
    private: bool = False
    pushed_at: str | None = None
    detail: str = ""
    """What the answer was, in plain words ('HTTP 404', 'the API budget is spent ...')."""
    http_status: int | None = None
    evidence: str | None = None
    """Where the answer can be seen: the repository's page, or the API URL that said 404."""
    rate_limited: bool = False
    """Unverified because GitHub's rate limit (or the budget left under it) stopped the run."""
    page: WebRecord | None = None
    """For a tree or blob link: what probing its page found."""

    @property
    def moved(self) -> bool:
        """Renamed or transferred: GitHub answers under another name (case aside)."""
        return renamed(self)

    @property
    def final(self) -> bool:
        """Cached only when the service said yes or no (never an unverified answer)."""
        return self.existence != Existence.UNVERIFIED

    def to_json(self) -> dict[str, Any]:
        """The cached form (a page has its own entry in the web cache)."""
        return {
            "existence": self.existence.value,
            "asked": self.asked,
            "name": self.name,
            "archived": self.archived,
            "disabled": self.disabled,
            "private": self.private,
            "pushed_at": self.pushed_at,
            "detail": self.detail,
            "http_status": self.http_status,
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GithubRecord:
        return cls(**{**data, "existence": Existence(data["existence"])})


def github_key(url: str) -> Key | None:
    """The repository or owner a github.com link stands for; a tree or blob path is kept,
    any other page of a repository (issues, releases, wiki) stands for the repository."""
    match identify(url):
        case GithubRepo(owner, name, rest):
            return GithubRepo(owner, name, rest if _is_path(rest) else "")
        case GithubOwner() as owner:
            return owner
        case _:
            return None


def subject_of(key: Key) -> Key:
    """What the API is asked about: the repository without its path, or the owner."""
    return GithubRepo(key.owner, key.name) if isinstance(key, GithubRepo) else key


def subject_id(key: Key) -> str:
    return key.full_name if isinstance(key, GithubRepo) else key.login


def cache_key(key: Key) -> str:
    """GitHub's names are case-insensitive: one entry per repository however it is written."""
    return subject_id(key).casefold()


def unverified(key: Key, detail: str, rate_limited: bool = False) -> GithubRecord:
    return GithubRecord(
        Existence.UNVERIFIED, subject_id(key), detail=detail, rate_limited=rate_limited
    )


def left_unverified(left: int, subjects: list[Key], reason: str, advice: str) -> str:
    """The run's note when a budget, a limit or an outage stopped the lookups."""
    owners = any(isinstance(subject, GithubOwner) for subject in subjects)
    what = "repositories and owners" if owners else "repositories"
    return (
        f"GitHub: {left} of {len(subjects)} {what} left unverified, not broken: {reason}; {advice}."
    )


def new_url(url: str, name: str) -> str:
    """The link with only its owner/name part replaced by `name` ('Owner/Name'): scheme, host,
    '.git', the path below the repository, a query and a fragment all stay."""
    match = _REPO_PART.match(url)
    if match is None or "/" not in name:
        return url
    owner, repo = name.split("/", 1)
    return f"{match['head']}{owner}{match['sep']}{repo}{match['tail']}"


def _is_path(rest: str) -> bool:
    kind, _, below = rest.partition("/")
    return kind in _PATH_KINDS and bool(below)
