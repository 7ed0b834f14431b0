"""
The blocking side of the arXiv resolver: the `arxiv` package (requests, time.sleep) driven from
one worker thread, one batch of IDs a request, with the pauses and retries arXiv asks for.

The package's own retries wait a flat `delay_seconds` and do not cover read timeouts, so they
are switched off (`num_retries=0`) and done here with tenacity, as the shared client does,
backing off exponentially from arXiv's own pause; what is worth another try is decided by
failures.is_transient, the rule every other service follows. The package's one
`requests.Session` gets the request timeout the package does not set (APIS.md §1.5).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import arxiv
import requests
from requests.adapters import HTTPAdapter
from tenacity import (
    RetryCallState,
    RetryError,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from urllib3.exceptions import NameResolutionError, NewConnectionError

from linkwatch.model import FailureKind
from linkwatch.model.targets import host_of
from linkwatch.settings import Settings
from linkwatch.transport.failures import Failure, is_transient

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

    def __init__(self, reason: str, outcome: int | Failure | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = outcome is None or is_transient(outcome)
        """None: an answer not believed (an empty page under load), always asked again."""


def _slept(state: RetryCallState) -> float:
    action = state.next_action
    return action.sleep if action is not None else 0.0


def _worth_retrying(error: BaseException) -> bool:
    return isinstance(error, _Unanswered) and error.transient


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
        self._asked = False
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

    def fetch(
        self,
        ids: Sequence[str],
        on_wait: Callable[[float], None] = lambda seconds: None,
        on_batch: Callable[[Batch], None] = lambda batch: None,
    ) -> list[Batch]:
        """Every ID in batches; a batch the API would not answer carries the reason.
        `on_wait` hears of each pause before a request (arXiv's spacing, a retry's backoff),
        `on_batch` of each batch as it is done (the progress line counts them as they come)."""
        size = max(1, self.batch_size)
        batches = []
        for i in range(0, len(ids), size):
            batches.append(self._batch(tuple(ids[i : i + size]), on_wait))
            on_batch(batches[-1])
        return batches

    def _batch(self, ids: tuple[str, ...], on_wait: Callable[[float], None]) -> Batch:
        pause = max(self.delay, 0.1)
        if self._asked:
            on_wait(self.delay)  # the package sleeps out arXiv's spacing before this request
        self._asked = True
        retrying = Retrying(
            stop=stop_after_attempt(self.retries + 1),
            wait=wait_exponential(multiplier=pause, max=_MAX_BACKOFF) + wait_random(0, pause / 4),
            retry=retry_if_exception(_worth_retrying),
            before_sleep=lambda state: on_wait(_slept(state) + self.delay),
        )
        try:
            return Batch(ids, retrying(self._query, ids))
        except RetryError as spent:
            unanswered = spent.last_attempt.exception()
        except _Unanswered as refused:  # not worth another try: raised through at once
            unanswered = refused
        assert isinstance(unanswered, _Unanswered)
        attempts = retrying.statistics.get("attempt_number", 1)
        tries = f" after {attempts} tries" if attempts > 1 else ""
        return Batch(ids, failure=f"{unanswered.reason}{tries}")

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
            raise _Unanswered(_status(error.status), error.status) from None
        except requests.RequestException as error:
            raise _Unanswered(_network(error), _failure(error)) from None
        if not results and len(ids) > 1:
            raise _Unanswered(f"an empty answer for {len(ids)} IDs at once", None)
        return tuple(results)


def _status(status: int) -> str:
    if status == 429:
        return "the arXiv API is throttling (HTTP 429)"
    if status >= 500:
        return f"the arXiv API is unavailable (HTTP {status})"
    return f"the arXiv API refused the request (HTTP {status})"


def _failure(error: requests.RequestException) -> Failure:
    """The Failure a `requests` exception stands for, so that is_transient judges it."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(error, requests.ConnectTimeout):
        kind = FailureKind.CONNECT_TIMEOUT
    elif isinstance(error, requests.Timeout):
        kind = FailureKind.TIMEOUT
    elif isinstance(reason, NameResolutionError):
        kind = FailureKind.DNS
    elif isinstance(reason, NewConnectionError):
        kind = FailureKind.REFUSED
    else:
        kind = FailureKind.RESET
    return Failure(kind, str(error))


def _network(error: requests.RequestException) -> str:
    if isinstance(error, requests.Timeout):
        return "the arXiv API did not answer in time"
    return "the arXiv API could not be reached"
