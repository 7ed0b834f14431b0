"""
What went wrong with a request, in plain words, and whether trying again can help.

The client turns every aiohttp exception into a `Failure` at its boundary; `is_transient` here
is the one place that decides what gets retried, what is cached and what may be called broken.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from linkwatch.model import TRANSIENT_STATUSES, FailureKind

_TRANSIENT_KINDS = frozenset(
    {
        FailureKind.RESET,
        FailureKind.TIMEOUT,
        FailureKind.CONNECT_TIMEOUT,
        FailureKind.DNS_TEMPORARY,
    }
)
# Failures that say the host is not answering at all: enough of them in a row and the host is
# given up on for the run (the breaker), so a black-holed service costs a few timeouts.
SILENT_KINDS = frozenset(
    {FailureKind.TIMEOUT, FailureKind.CONNECT_TIMEOUT, FailureKind.REFUSED, FailureKind.RESET}
)
# Failures before any host was reached: when every request ends so, the network is down.
CONNECTION_KINDS = frozenset(
    {
        FailureKind.DNS,
        FailureKind.DNS_TEMPORARY,
        FailureKind.REFUSED,
        FailureKind.CONNECT_TIMEOUT,
    }
)


class Failure(Exception):
    """A request that got no HTTP answer (a plain exception: it is raised and retried)."""

    def __init__(self, kind: FailureKind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.elapsed = 0.0
        """Seconds the failed try took (a timeout is a long wait already)."""


def is_transient(outcome: int | Failure) -> bool:
    """Whether another try may give another answer: busy statuses, resets and timeouts."""
    match outcome:
        case int(status):
            return status in TRANSIENT_STATUSES
        case Failure():
            return outcome.kind in _TRANSIENT_KINDS


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header as seconds to wait: delay-seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
