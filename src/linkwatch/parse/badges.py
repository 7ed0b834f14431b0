"""
shields.io badges read as data: a venue badge (`badge/Conference-NeurIPS'24-blue`) says where
a paper was published, a stars badge (`github/stars/owner/repo`) names its repository.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urlsplit

from linkwatch.model.targets import split_url

_SHIELDS_HOSTS = frozenset({"img.shields.io", "shields.io", "badgen.net"})
# Labels that only say 'this badge is a venue': the message alone is the venue.
_GENERIC_LABELS = frozenset(
    {
        "conference",
        "conf",
        "journal",
        "venue",
        "publish",
        "published",
        "publication",
        "paper",
        "pub",
        "accepted",
        "status",
    }
)
# A dash that separates fields: not one of the doubled '--' that stand for a dash.
_FIELD_DASH = re.compile(r"(?<!-)-(?!-)")
_STARS = re.compile(
    r"^/github/(?:stars|forks|last-commit|watchers)/([\w.-]+)/([\w.-]+?)(?:\.svg)?$"
)


def _split(url: str) -> SplitResult | None:
    """urlsplit, or None for a URL it refuses ('http://[::1' raises ValueError)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def is_badge(url: str) -> bool:
    """Whether an image URL is a shields.io-style badge."""
    parts = split_url(url) if "://" in url else None
    return parts is not None and parts.host in _SHIELDS_HOSTS


def badge_text(url: str) -> str:
    """What a static badge says, label and message ('NeurIPS 2023', "NeurIPS'24" when the
    label is generic like 'Conference'); empty for other badges."""
    parts = _split(url)
    if (
        parts is None
        or parts.hostname not in _SHIELDS_HOSTS
        or not parts.path.startswith("/badge/")
    ):
        return ""
    body = parts.path[len("/badge/") :].removesuffix(".svg")
    fields = [_decoded(field) for field in _FIELD_DASH.split(body)]
    if len(fields) < 2:
        return ""
    words = fields[:-1]  # the last field is the colour
    if len(words) == 2 and words[0].strip().lower() in _GENERIC_LABELS:
        words = words[1:]
    return " ".join(word.strip() for word in words if word.strip())


def badge_repo(url: str) -> str | None:
    """The GitHub repository a stars (forks, last-commit) badge names, as its URL."""
    parts = _split(url)
    if parts is None or parts.hostname not in _SHIELDS_HOSTS:
        return None
    match = _STARS.match(parts.path)
    return f"https://github.com/{match[1]}/{match[2]}" if match else None


def _decoded(field: str) -> str:
    """shields.io escapes: '--' is a dash, '__' an underscore, '_' a space."""
    text = unquote(field).replace("--", "\x00").replace("__", "\x01").replace("_", " ")
    return text.replace("\x00", "-").replace("\x01", "_")
