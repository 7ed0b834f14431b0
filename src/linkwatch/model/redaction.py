"""
The one redaction step: every configured secret (GITHUB_TOKEN, HF_TOKEN, S2_API_KEY, a proxy's
password) replaced by '***' in whatever text came back from a remote answer, before it reaches
a report, the terminal, the cache or a GitHub issue. A service (or a proxy in front of it) that
echoes the credential ('Bad credentials: Bearer ghp_...') leaks nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

T = TypeVar("T")
MASK = "***"
_PROXY_VARIABLES = (
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "ALL_PROXY",
    "https_proxy",
    "http_proxy",
    "all_proxy",
)


class Redactor:
    def __init__(self, secrets: Iterable[str | None]) -> None:
        # longest first, so a secret that contains another is masked whole
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.secrets)

    def text(self, text: str) -> str:
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def value(self, value: T) -> T:
        """`value` with every string in it redacted: strings, lists, tuples, dicts, frozen
        dataclasses (a whole Report); the same object back when nothing needed it."""
        if not self.secrets:
            return value
        return self._walk(value)

    def _walk(self, value: Any) -> Any:
        match value:
            case str():
                return self.text(value)
            case list():
                return [self._walk(v) for v in value]
            case tuple():
                return tuple(self._walk(v) for v in value)
            case dict():
                return {k: self._walk(v) for k, v in value.items()}
            case _ if is_dataclass(value) and not isinstance(value, type):
                changes = {}
                for field in fields(value):
                    old = getattr(value, field.name)
                    new = self._walk(old)
                    if new is not old and new != old:
                        changes[field.name] = new
                return replace(value, **changes) if changes else value
        return value


def proxy_secrets(environ: Mapping[str, str]) -> list[str]:
    """The passwords in the proxy variables: http://user:pass@proxy:3128."""
    found = []
    for name in _PROXY_VARIABLES:
        url = environ.get(name)
        if not url:
            continue
        try:
            parts = urlsplit(url if "://" in url else f"http://{url}")
        except ValueError:
            continue
        if parts.password:
            found.append(unquote(parts.password))
    return found
