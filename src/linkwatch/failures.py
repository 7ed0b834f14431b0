"""
What went wrong with a request, in plain words, and whether trying again can help.

Every aiohttp exception is turned into a `Failure` here, at the boundary, and `is_transient`
is the one place that decides what gets retried, what is cached and what may be called broken.
"""

from __future__ import annotations

import asyncio
import errno
import ssl
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

import aiohttp


class FailureKind(StrEnum):
    DNS = "dns"
    REFUSED = "refused"
    RESET = "reset"
    TLS = "tls"
    CONNECT_TIMEOUT = "connect-timeout"
    TIMEOUT = "timeout"
    INVALID_URL = "invalid-url"
    OTHER = "other"


# Statuses worth asking again: the server is busy or a gateway hiccuped.
TRANSIENT_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
_TRANSIENT_KINDS = frozenset({FailureKind.RESET, FailureKind.TIMEOUT, FailureKind.CONNECT_TIMEOUT})
# Failures before any host was reached: when every request ends so, the network is down.
CONNECTION_KINDS = frozenset({FailureKind.DNS, FailureKind.REFUSED, FailureKind.CONNECT_TIMEOUT})


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


def classify(exc: BaseException, host: str) -> Failure:
    """The Failure an exception of aiohttp (or asyncio) stands for."""
    match exc:
        case aiohttp.ClientConnectorDNSError():
            return Failure(FailureKind.DNS, f"the name {host} does not resolve (DNS)")
        case aiohttp.ClientConnectorCertificateError():
            return Failure(
                FailureKind.TLS,
                f"{host} has an invalid TLS certificate ({_reason(exc.certificate_error)})",
            )
        case aiohttp.ClientSSLError() | ssl.SSLError():
            return Failure(
                FailureKind.TLS, f"the TLS handshake with {host} failed ({_reason(exc)})"
            )
        case aiohttp.ClientConnectorError() if _errno(exc) == errno.ECONNREFUSED:
            return Failure(FailureKind.REFUSED, f"{host} refused the connection")
        case aiohttp.ConnectionTimeoutError():
            return Failure(FailureKind.CONNECT_TIMEOUT, f"could not connect to {host} in time")
        case aiohttp.ServerTimeoutError() | asyncio.TimeoutError() | TimeoutError():
            return Failure(FailureKind.TIMEOUT, f"{host} did not answer in time")
        case aiohttp.ServerDisconnectedError() | aiohttp.ClientPayloadError():
            return Failure(FailureKind.RESET, f"{host} closed the connection mid-answer")
        case aiohttp.ClientOSError() if _errno(exc) in (errno.ECONNRESET, errno.EPIPE):
            return Failure(FailureKind.RESET, f"{host} reset the connection")
        case aiohttp.InvalidURL():
            return Failure(FailureKind.INVALID_URL, f"not a URL that can be requested ({exc})")
        case aiohttp.ClientConnectorError():
            return Failure(FailureKind.REFUSED, f"could not connect to {host} ({_reason(exc)})")
        case _:
            return Failure(FailureKind.OTHER, f"{type(exc).__name__}: {_reason(exc)}")


def _errno(exc: BaseException) -> int | None:
    os_error = getattr(exc, "os_error", None)
    return getattr(os_error, "errno", None) or getattr(exc, "errno", None)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc)
    return str(reason).strip() or type(exc).__name__


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
