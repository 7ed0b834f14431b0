"""
The shared client: tokens stay with their own origin, identical requests are sent once, and
failures are named in plain words.
"""

from __future__ import annotations

import asyncio
import itertools
import time

import pytest

from linkwatch.settings import HostRule
from linkwatch.transport.client import Client, Limits, Token, _Slots
from linkwatch.transport.failures import Failure, FailureKind
from tests.conftest import Web
from tests.servers.black_hole import BlackHole
from tests.servers.loopback import serving
from tests.servers.web import WebState, make_app


def fetch(limits: Limits, *calls: tuple[str, str, dict]) -> list[object]:
    async def go() -> list[object]:
        async with Client(limits) as client:
            return await asyncio.gather(
                *(client.fetch(method, url, **kwargs) for method, url, kwargs in calls),
                return_exceptions=True,
            )

    return asyncio.run(go())


def test_a_token_is_sent_to_its_origin_only_even_across_redirects(web: Web) -> None:
    server, state = web
    other_state = WebState()
    with serving(make_app(other_state)) as other:
        token = Token.for_url(server.url, "Bearer secret-token")
        target = f"{other.url}/status/200"
        (answer,) = fetch(
            Limits(),
            (
                "GET",
                f"{server.url}/to?url={target}&code=302",
                {"token": token, "follow_redirects": True},
            ),
        )
    assert getattr(answer, "status", None) == 200
    assert state.authorization == ["Bearer secret-token"]
    assert other_state.authorization == []
    assert "secret-token" not in repr(token)


def test_identical_requests_in_flight_are_sent_once(web: Web) -> None:
    server, state = web
    url = f"{server.url}/slow/0.2"
    answers = fetch(Limits(), *[("HEAD", url, {})] * 5)
    assert [getattr(a, "status", None) for a in answers] == [200] * 5
    assert state.total("/slow/0.2") == 1


@pytest.mark.parametrize(
    ("url", "kind", "words"),
    [
        ("http://127.0.0.1:9/x", FailureKind.REFUSED, "refused the connection"),
        ("https://no-such-host.invalid/x", FailureKind.DNS, "does not resolve"),
    ],
)
@pytest.mark.usefixtures("real_dns")
def test_failures_are_named(url: str, kind: FailureKind, words: str) -> None:
    (failure,) = fetch(Limits(retries=0), ("HEAD", url, {}))
    assert isinstance(failure, Failure)
    assert failure.kind == kind
    assert words in failure.detail


def test_requests_and_peaks_are_counted(web: Web) -> None:
    server, _ = web

    async def go() -> tuple[dict[str, int], dict[str, int]]:
        async with Client(Limits(host_concurrency=2)) as client:
            await asyncio.gather(
                *(client.fetch("GET", f"{server.url}/slow/0.05?n={n}") for n in range(6))
            )
            return dict(client.requests), client.peak_in_flight()

    requests, peaks = asyncio.run(go())
    assert requests == {"127.0.0.1": 6}
    assert peaks == {server.url: 2}


def test_a_service_rule_holds_its_origin_to_one_request_at_a_time(web: Web) -> None:
    """GitHub asks for serial requests: a service rule caps its origin below --host-concurrency."""
    server, _ = web

    async def go() -> dict[str, int]:
        async with Client(Limits(host_concurrency=4)) as client:
            client.set_service_rule(server.url, HostRule(concurrency=1))
            await asyncio.gather(
                *(client.fetch("GET", f"{server.url}/slow/0.05?n={n}") for n in range(4))
            )
            return client.peak_in_flight()

    assert {server.url: 1} == asyncio.run(go())


def test_a_403_with_retry_after_is_waited_out_and_tried_again(web: Web) -> None:
    """GitHub's secondary rate limit answers 403 with Retry-After: that is 'not now', not 'no'."""
    server, state = web
    url = f"{server.url}/retry-after/403?after=0&times=1&key=secondary"
    (answer,) = fetch(Limits(backoff=0.01), ("GET", url, {}))
    assert getattr(answer, "status", None) == 200
    assert state.total("/retry-after/403") == 2


def test_a_plain_403_is_an_answer_not_retried(web: Web) -> None:
    server, state = web
    (answer,) = fetch(Limits(backoff=0.01), ("GET", f"{server.url}/status/403", {}))
    assert (getattr(answer, "status", None), state.total("/status/403")) == (403, 1)


def test_a_host_that_never_answers_costs_a_few_timeouts_not_one_per_request() -> None:
    """20 requests, 3 retries each: without the breaker 80 tries of a full timeout each;
    with it, the host is given up on after 3 silent tries and the rest fail at once."""
    hole = BlackHole()
    try:
        urls = [f"http://127.0.0.1:{hole.port}/paper/{n}" for n in range(20)]
        results = fetch(
            Limits(timeout=0.3, retries=3, backoff=0.01), *(("HEAD", u, {}) for u in urls)
        )
    finally:
        hole.close()
    assert all(isinstance(r, Failure) for r in results)
    assert all(r.kind == FailureKind.TIMEOUT for r in results if isinstance(r, Failure))
    given_up = [r for r in results if isinstance(r, Failure) and "not asked again" in r.detail]
    assert len(given_up) >= 15
    assert hole.connections <= 8  # 80 tries (80 connections) without the breaker


def test_a_paused_host_holds_no_slot_and_work_under_way_goes_first_after(web: Web) -> None:
    """A Retry-After pauses the host: nothing is sent there until it ends, and links not
    started do not sit on the host's slots meanwhile, so when it ends the two links under way
    (the one told to wait, and a 500 whose retry came due during the pause) go first."""
    server, state = web
    told = f"{server.url}/retry-after/503?after=1&times=1&key=told"
    dead = f"{server.url}/status/500?key=dead"
    rest = [("HEAD", f"{server.url}/slow/0.3?n={n}", {}) for n in range(4)]
    limits = Limits(host_concurrency=2, retries=1)
    answers = fetch(limits, ("HEAD", told, {}), ("HEAD", dead, {}), *rest)
    assert [getattr(a, "status", None) for a in answers] == [200, 500, 200, 200, 200, 200]
    first = state.arrivals[0][0]
    after = [(t, path) for t, path in state.arrivals if t > first + 0.05]
    assert after[0][0] >= first + 1.0  # nothing was sent during the pause
    retried = {path.rsplit("=", 1)[1]: t - first for t, path in after if "key=" in path}
    # both retries at the pause's end; links not started used to hold the two slots through
    # the pause, then keep them 0.3 s, so the retries went at 1.3 s
    assert set(retried) == {"told", "dead"} and max(retried.values()) < 1.2


def test_retries_are_due_on_a_schedule_that_counts_a_pause_as_rest(web: Web) -> None:
    """The k-th retry of a 500 is due 0.2, 0.6, 1.0 s after the first try (backoff 0.2 s,
    capped at 0.4 s); a host's pause that held a try back counts toward the next wait, so
    after a 1 s pause the last tries follow at the 0.1 s least gap, not 0.4 s apart."""
    server, state = web
    pause = f"{server.url}/retry-after/503?after=1&times=1&key=pause"
    dead = f"{server.url}/status/500?n=dead"
    limits = Limits(host_concurrency=2, backoff=0.2, backoff_cap=0.4)
    answers = fetch(limits, ("HEAD", pause, {}), ("HEAD", dead, {}))
    assert [getattr(a, "status", None) for a in answers] == [200, 500]
    times = [t for t, path in state.arrivals if path.endswith("n=dead")]
    assert len(times) == 4
    start = times[0]
    assert times[1] - start >= 1.0  # held back by the pause, not sent at 0.2 s
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.1
    assert times[3] - start < 1.6  # 1.0 + 0.1..0.2 + 0.1..0.2; waits after each answer: 1.8


def test_the_schedule_doubles_to_the_cap_and_any_number_of_retries_is_fine() -> None:
    """0.2, 0.4, then 0.5 s waits: retries due 0.2, 0.6, 1.1, 1.6 s after the first try; a
    --retries of 30 digits builds nothing of that size (it once overflowed)."""
    client = Client(Limits(retries=10**30))
    assert [round(client._due(k), 6) for k in range(1, 6)] == [0.2, 0.6, 1.1, 1.6, 2.1]
    assert client._due(10**6) == pytest.approx(0.6 + (10**6 - 2) * 0.5)


def test_a_retry_after_pauses_the_host_before_its_slot_goes_to_the_next_link(web: Web) -> None:
    """One at a time: the link queued behind a 429 is not sent in the moment between the
    answer and the retry's wait, but after the pause, with the retry."""
    server, state = web
    told = f"{server.url}/retry-after/429?after=1&times=1&key=told"
    other = f"{server.url}/status/200?key=other"
    answers = fetch(Limits(host_concurrency=1), ("HEAD", told, {}), ("HEAD", other, {}))
    assert [getattr(a, "status", None) for a in answers] == [200, 200]
    (start, _), *later = state.arrivals
    assert [path.rsplit("=", 1)[1] for _, path in later] in (["told", "other"], ["other", "told"])
    assert min(t for t, _ in later) >= start + 1.0


def test_a_paused_slot_queue_serves_work_under_way_first_when_the_pause_ends() -> None:
    """One slot, free but paused: a link not started asks first, a retry asks later; nobody
    gets the slot during the pause, and at its end the retry does."""

    async def go() -> list[tuple[str, float]]:
        slots = _Slots(1)
        slots.pause_until(time.monotonic() + 0.3)
        granted: list[tuple[str, float]] = []

        async def take(name: str, priority: int, after: float) -> None:
            await asyncio.sleep(after)
            await slots.acquire(priority)
            granted.append((name, time.monotonic() - start))
            slots.release()

        start = time.monotonic()
        await asyncio.gather(take("new", 1, 0.0), take("retry", 0, 0.1))
        return granted

    granted = asyncio.run(go())
    assert [name for name, _ in granted] == ["retry", "new"]
    assert min(at for _, at in granted) >= 0.3
