"""
What the Hugging Face Hub said of a model, dataset, space, user or organisation, and how a
link names its repository.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from linkwatch.model.records.existence import Existence, renamed
from linkwatch.model.targets import HfOwner, HfRepo, identify

Key = HfRepo | HfOwner
_REPO_PART = re.compile(
    r"^(?P<head>[^:/]+://[^/]+/+(?:(?:datasets|spaces)/+)?)(?P<id>[^/?#]+/[^/?#]+)(?P<tail>.*)$",
    re.S,
)


@dataclass(frozen=True, slots=True)
class HubRecord:
    """What the Hub said of one model, dataset, space, user or organisation."""

    existence: Existence
    kind: str
    """'model', 'dataset', 'space', 'user' or 'organization'."""
    asked: str
    """The repository id ('owner/name') or the name, as the link writes it."""
    name: str | None = None
    """The canonical id the Hub answered with: a rename shows here."""
    gated: str | None = None
    """'auto' or 'manual' as the Hub says; 'yes' when only an error code showed the gate."""
    private: bool = False
    disabled: bool = False
    detail: str = ""
    http_status: int | None = None
    evidence: str | None = None
    rate_limited: bool = False

    @property
    def moved(self) -> bool:
        """Renamed or transferred: the Hub answers under another id (case aside)."""
        return renamed(self)

    @property
    def final(self) -> bool:
        """Cached only when the service said yes or no (never an unverified answer)."""
        return self.existence != Existence.UNVERIFIED

    def to_json(self) -> dict[str, Any]:
        return {
            "existence": self.existence.value,
            "kind": self.kind,
            "asked": self.asked,
            "name": self.name,
            "gated": self.gated,
            "private": self.private,
            "disabled": self.disabled,
            "detail": self.detail,
            "http_status": self.http_status,
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HubRecord:
        return cls(**{**data, "existence": Existence(data["existence"])})


def hub_key(url: str) -> Key | None:
    """The repository or owner a huggingface.co link stands for (paths below it aside)."""
    match identify(url):
        case HfRepo(kind, repo_id, _):
            return HfRepo(kind, repo_id)
        case HfOwner() as owner:
            return owner
        case _:
            return None


def hub_new_url(url: str, name: str) -> str:
    """The link with only the repository id replaced; everything around it stays."""
    match = _REPO_PART.match(url)
    return f"{match['head']}{name}{match['tail']}" if match else url
