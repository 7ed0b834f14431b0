"""
The blocking side of the arXiv resolver: the `arxiv` package (requests, time.sleep) driven from
one worker thread, one batch of IDs a request, with the pauses and retries arXiv asks for.

The package's own retries wait a flat `delay_seconds` and do not cover read timeouts, so they
are switched off (`num_retries=0`) and done here with exponential backoff; its one
`requests.Session` gets the request timeout the package does not set (APIS.md §1.5).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import arxiv
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError

from linkwatch.model.targets import host_of
from linkwatch.settings import Settings
from linkwatch.transport.failures import TRANSIENT_STATUSES

# The package logs every page and retry at INFO and a malformed feed at WARNING; linkwatch
# reports through its own notes instead.
logging.getLogger("arxiv").setLevel(logging.ERROR)
_MAX_BACKOFF = 60.0


@dataclass(frozen=True, slots=True)
class Batch:
    """One id_list request: the IDs asked, and the results or why there are none."""

    ids: tuple[str, ...]
    results: tuple[arxiv.Result, ...] = ()
    failure: str = ""


class _Unanswered(Exception):
    """Why a request got no answer worth keeping, and whether asking again may help."""

    def __init__(self, reason: str, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


class _Counting(HTTPAdapter):
    """Counts the requests sent and gives each the timeout `requests` leaves unset."""

    def __init__(self, timeout: float) -> None:
        super().__init__(max_retries=0)
        self.timeout = timeout
        self.sent = 0

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["timeout"] = kwargs.get("timeout") or self.timeout
        self.sent += 1
        return super().send(request, **kwargs)


class ArxivApi:
    """One `arxiv.Client` for the run: its pause between requests spans every batch."""

    def __init__(self, settings: Settings) -> None:
        self.url = settings.services.arxiv_api_url
        self.host = host_of(self.url) or self.url
        self.batch_size = settings.arxiv_batch_size
        self.delay = settings.arxiv_delay_seconds
        self.retries = settings.retries
        self._client = arxiv.Client(
            page_size=settings.arxiv_batch_size,
            delay_seconds=settings.arxiv_delay_seconds,
            num_retries=0,
        )
        # An instance attribute, not the class's: tests and runs in one process never share it.
        self._client.query_url_format = f"{self.url}?{{}}"
        self._adapter = _Counting(settings.timeout)
        session: requests.Session = self._client._session  # the package offers no other way
        session.mount("http://", self._adapter)
        session.mount("https://", self._adapter)
        if settings.ca_bundle:
            session.verify = str(settings.ca_bundle)

    @property
    def requests(self) -> int:
        return self._adapter.sent

    def close(self) -> None:
        self._client._session.close()

    def fetch(self, ids: Sequence[str]) -> list[Batch]:
        """Every ID in batches; a batch the API would not answer carries the reason."""
        size = max(1, self.batch_size)
        return [self._batch(tuple(ids[i : i + size])) for i in range(0, len(ids), size)]

    def _batch(self, ids: tuple[str, ...]) -> Batch:
        for attempt in range(self.retries + 1):
            try:
                return Batch(ids, self._query(ids))
            except _Unanswered as unanswered:
                if not unanswered.transient or attempt == self.retries:
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    return Batch(ids, failure=f"{unanswered.reason}{tries}")
                time.sleep(self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _query(self, ids: tuple[str, ...]) -> tuple[arxiv.Result, ...]:
        """One request. An empty answer to many IDs at once is not believed: the API has been
        seen to answer valid queries with empty pages under load (APIS.md §1.4)."""
        search = arxiv.Search(id_list=list(ids), max_results=len(ids))
        results: list[arxiv.Result] = []
        try:
            results.extend(self._client.results(search))
        except arxiv.UnexpectedEmptyPageError:
            pass  # a later page came back empty: keep what the first one gave
        except arxiv.HTTPError as error:
            raise _Unanswered(_status(error.status), error.status in TRANSIENT_STATUSES) from None
        except requests.RequestException as error:
            raise _Unanswered(_network(error), _transient(error)) from None
        if not results and len(ids) > 1:
            raise _Unanswered(f"an empty answer for {len(ids)} IDs at once", True)
        return tuple(results)

    def _backoff(self, attempt: int) -> float:
        """Exponential from arXiv's own pause (3 s by default), with jitter, capped."""
        base = max(self.delay, 0.1) * 2**attempt
        return min(_MAX_BACKOFF, base * random.uniform(1.0, 1.25))


def _status(status: int) -> str:
    if status == 429:
        return "the arXiv API is throttling (HTTP 429)"
    if status >= 500:
        return f"the arXiv API is unavailable (HTTP {status})"
    return f"the arXiv API refused the request (HTTP {status})"


def _transient(error: requests.RequestException) -> bool:
    """Timeouts and dropped connections are worth another try; a refused connection or a name
    that does not resolve is not (the same rule as failures.is_transient for the web)."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return not isinstance(reason, NewConnectionError)


def _network(error: requests.RequestException) -> str:
    if isinstance(error, requests.Timeout):
        return "the arXiv API did not answer in time"
    return "the arXiv API could not be reached"
