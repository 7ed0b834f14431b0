"""
Rate limits read in one place (GitHub's x-ratelimit-* headers, and the IETF draft's RateLimit
header the Hugging Face Hub sends): the shared client waits out a spent budget that
resets within its cap, the repository resolver and `track`'s issues client say what is left.

https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api: every answer
carries `x-ratelimit-limit`, `-remaining`, `-used`, `-reset` (UTC epoch seconds) and
`-resource`. Over a limit GitHub answers 403 or 429: wait `retry-after` seconds when it is
given; else, with `x-ratelimit-remaining: 0` (the primary limit), until `x-ratelimit-reset`;
else (a secondary limit) at least a minute.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass

from linkwatch.transport.failures import retry_after_seconds

GITHUB_API_VERSION = "2022-11-28"
"""The REST API version every GitHub request asks for (X-GitHub-Api-Version)."""
_SECONDARY_WAIT = 60.0


@dataclass(frozen=True, slots=True)
class RateLimit:
    """What the `x-ratelimit-*` headers of one answer say (None: the header was absent)."""

    limit: int | None = None
    remaining: int | None = None
    reset: float | None = None
    """When the budget is whole again, in UTC epoch seconds."""
    resource: str | None = None
    """Which budget: 'core' (REST), 'graphql', 'search', ..."""

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> RateLimit:
        """Read from any header mapping with lower-case or case-insensitive keys."""
        return cls(
            _int(headers.get("x-ratelimit-limit")),
            _int(headers.get("x-ratelimit-remaining")),
            _int(headers.get("x-ratelimit-reset")),
            headers.get("x-ratelimit-resource"),
        )

    def seconds_to_reset(self, now: float | None = None) -> float | None:
        if self.reset is None:
            return None
        return max(0.0, self.reset - (now if now is not None else time.time()))


def rate_limit_wait(
    status: int, headers: Mapping[str, str], message: str, now: float | None = None
) -> float | None:
    """Seconds GitHub asks for before the next try, or None when the answer is no rate limit
    (a 403 that means 'forbidden', or any other status)."""
    if status not in (403, 429):
        return None
    if (after := headers.get("retry-after")) is not None:
        seconds = retry_after_seconds(after)
        return seconds if seconds is not None else _SECONDARY_WAIT
    limit = RateLimit.from_headers(headers)
    if limit.remaining == 0:
        return (limit.seconds_to_reset(now) or 0.0) + 1
    if status == 429 or "secondary rate limit" in message.lower():
        return _SECONDARY_WAIT
    return None


_IETF_REMAINING = re.compile(r"(?:^|;)\s*r=(\d+)")
_IETF_RESET = re.compile(r"(?:^|;)\s*t=(\d+)")


def ietf_rate_limit_wait(value: str | None) -> float | None:
    """The IETF draft's `RateLimit: "api";r=0;t=93` (the Hugging Face Hub sends it): with
    nothing remaining, the seconds until the window resets."""
    if not value:
        return None
    remaining, reset = _IETF_REMAINING.search(value), _IETF_RESET.search(value)
    if remaining is None or reset is None or int(remaining.group(1)) > 0:
        return None
    return float(reset.group(1))


def reset_phrase(reset: float | None, now: float | None = None) -> str:
    """'at 14:05 UTC (in 37 min)', or 'within the hour' when GitHub did not say."""
    if reset is None:
        return "within the hour"
    now = now if now is not None else time.time()
    minutes = max(1, round((reset - now) / 60))
    return f"at {time.strftime('%H:%M UTC', time.gmtime(reset))} (in {minutes} min)"


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
