"""
The web prober against a simulated web on loopback: each scenario's verdict, and how many
requests it took.
"""

from __future__ import annotations

import ssl
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from linkwatch.model import LinkStatus
from linkwatch.settings import Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Limits
from tests.conftest import Web
from tests.resolvers.conftest import FAST, ResolveWeb, outcome, verdict


def test_200_takes_one_head(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/status/200"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert (state.count("HEAD", "/status/200"), state.count("GET", "/status/200")) == (1, 0)


def test_404_and_410_are_broken_once_a_get_confirms_them(web: Web, resolve_web: ResolveWeb) -> None:
    """Many servers answer HEAD wrongly: a HEAD 404 or 410 is asked again with a GET (one
    extra request), which decides; neither is retried."""
    server, state = web
    urls = [f"{server.url}/status/404", f"{server.url}/status/410"]
    records, _ = resolve_web(urls)
    assert [outcome(records, u) for u in urls] == [("broken", 404), ("broken", 410)]
    assert [state.count(m, "/status/404") for m in ("HEAD", "GET")] == [1, 1]
    assert [state.count(m, "/status/410") for m in ("HEAD", "GET")] == [1, 1]


def test_a_server_lying_on_head_is_not_broken(web: Web, resolve_web: ResolveWeb) -> None:
    server, _ = web
    url = f"{server.url}/head/404"  # 404 to HEAD, 200 to GET
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)


def test_an_unparseable_location_breaks_that_link_not_the_run(
    web: Web, resolve_web: ResolveWeb
) -> None:
    server, _ = web
    bad = f"{server.url}/to?url=http://[::1&code=301"
    good = f"{server.url}/status/200"
    records, _ = resolve_web([bad, good])
    judged = verdict(records, bad)
    assert judged.status == LinkStatus.BROKEN
    assert judged.detail == "redirects to an invalid address ('http://[::1')"
    assert outcome(records, good) == ("ok", 200)


def test_408_on_every_try_is_a_timeout_not_broken(web: Web, resolve_web: ResolveWeb) -> None:
    server, _ = web
    url = f"{server.url}/status/408"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("timeout", 408)


def test_twenty_redirects_are_followed_as_browsers_do(web: Web, resolve_web: ResolveWeb) -> None:
    server, _ = web
    followed, too_many = f"{server.url}/redirect/302/20", f"{server.url}/redirect/302/21"
    records, _ = resolve_web([followed, too_many])
    assert outcome(records, followed) == ("ok", 200)
    assert verdict(records, too_many).detail == "more than 20 redirects"


def test_500_then_200_is_a_transient_failure(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/flaky/500/1"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert state.total("/flaky/500/1") == 2


def test_persistent_5xx_is_broken_after_the_retries(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/status/502"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("broken", 502)
    assert state.total("/status/502") == FAST.retries + 1


def test_503_with_retry_after_waits_that_long(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/retry-after/503?after=1"
    started = time.monotonic()
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert state.total("/retry-after/503") == 2
    assert time.monotonic() - started >= 1.0


def test_429_with_retry_after_in_seconds(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/retry-after/429?after=1&key=seconds"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert state.by_key["seconds"] == 2


def test_429_with_retry_after_as_a_date(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
    url = f"{server.url}/retry-after/429?key=date&after={when.replace(' ', '%20')}"
    started = time.monotonic()
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert state.by_key["date"] == 2
    assert time.monotonic() - started >= 0.9  # the date has one-second resolution


def test_still_429_is_rate_limited_not_broken(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/retry-after/429?after=0&times=99&key=always"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("rate-limited", 429)
    assert state.by_key["always"] == FAST.retries + 1


def test_retry_after_beyond_the_cap_is_not_waited_for(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/retry-after/429?after=3600&key=hour"
    started = time.monotonic()
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("rate-limited", 429)
    assert state.by_key["hour"] == 1
    assert time.monotonic() - started < 5


def test_405_on_head_falls_back_to_get(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/head/405"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert (state.count("HEAD", "/head/405"), state.count("GET", "/head/405")) == (1, 1)


def test_a_301_chain_is_a_redirect_to_its_end(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/redirect/301/3"
    records, _ = resolve_web([url])
    record = records[url]
    assert outcome(records, url) == ("redirect", 200)
    assert record.moved_to == f"{server.url}/status/200"
    assert [hop.status for hop in record.hops] == [301, 301, 301]
    assert sum(state.total(f"/redirect/301/{n}") for n in (1, 2, 3)) == 3


def test_a_302_is_fine_and_not_a_move(web: Web, resolve_web: ResolveWeb) -> None:
    server, _ = web
    url = f"{server.url}/redirect/302/1"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert records[url].moved_to is None
    assert verdict(records, url).final_url == f"{server.url}/status/200"


def test_a_redirect_loop_is_broken(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/loop"
    records, _ = resolve_web([url])
    assert verdict(records, url).status == LinkStatus.BROKEN
    assert "redirect loop" in verdict(records, url).detail
    assert (state.total("/loop"), state.total("/loop2")) == (1, 1)


def test_https_to_http_downgrade_is_noticed(
    web: Web,
    tls_web: Web,
    trusting: ssl.SSLContext,
    resolve_web: ResolveWeb,
) -> None:
    plain, _ = web
    secure, _ = tls_web
    url = f"{secure.url}/to?code=302&url={plain.url}/status/200"
    records, _ = resolve_web([url], limits=Limits(timeout=2, retries=0, ssl=trusting))
    assert outcome(records, url) == ("ok", 200)
    assert records[url].downgraded


def test_slower_than_the_timeout_is_a_timeout(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/slow/3"
    records, _ = resolve_web([url], limits=Limits(timeout=0.3, retries=1, backoff=0.01))
    assert verdict(records, url).status == LinkStatus.TIMEOUT
    assert state.total("/slow/3") == 2


def test_a_reset_connection_is_unverified_not_broken(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/reset"
    records, _ = resolve_web([url])
    assert verdict(records, url).status == LinkStatus.ERROR
    assert "closed the connection" in verdict(records, url).detail
    # each try is sent once more by aiohttp itself, as RFC 9112 allows for idempotent requests
    assert state.total("/reset") in (FAST.retries + 1, 2 * (FAST.retries + 1))


def test_a_huge_page_is_not_downloaded(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/huge"
    records, _ = resolve_web([url])
    assert outcome(records, url) == ("ok", 200)
    assert state.huge_bytes_sent < 16 * 1024 * 1024  # of 1 GB; the rest is never sent


def test_a_self_signed_certificate_is_a_broken_link(
    tls_web: Web,
    resolve_web: ResolveWeb,
) -> None:
    server, state = tls_web
    url = f"{server.url}/status/200"
    records, _ = resolve_web([url])
    assert verdict(records, url).status == LinkStatus.BROKEN
    assert "certificate" in verdict(records, url).detail
    assert state.total("/status/200") == 0


def test_the_host_cap_is_never_exceeded(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    urls = [f"{server.url}/slow/0.05?n={n}" for n in range(40)]
    records, resources = resolve_web(urls, limits=Limits(host_concurrency=3, timeout=5))
    assert {verdict(records, url).status for url in records} == {LinkStatus.OK}
    assert state.peak_in_flight == 3
    assert resources.client.peak_in_flight() == {server.url: 3}


def test_a_host_rule_slows_one_host_down(web: Web, resolve_web: ResolveWeb) -> None:
    from linkwatch.settings import HostRule

    server, state = web
    urls = [f"{server.url}/status/200?n={n}" for n in range(4)]
    started = time.monotonic()
    resolve_web(urls, limits=Limits(hosts={"127.0.0.1": HostRule(1, 0.2)}))
    assert state.peak_in_flight == 1
    assert time.monotonic() - started >= 0.6  # three pauses between four requests


def test_nothing_reachable_means_network_down_not_broken(resolve_web: ResolveWeb) -> None:
    urls = ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b", "https://no-such-host.invalid/c"]
    records, resources = resolve_web(urls)
    assert {verdict(records, url).status for url in records} == {LinkStatus.ERROR}
    assert all(r.network_down for r in records.values())
    assert resources.notes == (
        "network unreachable: no host could be reached, so no link was checked",
    )


@pytest.mark.usefixtures("real_dns")
def test_a_name_that_does_not_resolve_while_others_do_is_broken(
    web: Web,
    resolve_web: ResolveWeb,
) -> None:
    server, _ = web
    dead = "https://no-such-host.invalid/paper"
    records, resources = resolve_web([f"{server.url}/status/200", dead])
    assert verdict(records, dead).status == LinkStatus.BROKEN
    assert "does not resolve" in verdict(records, dead).detail
    assert resources.notes == ()


def test_excluded_links_are_skipped_without_a_request(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = f"{server.url}/status/200"
    records, _ = resolve_web([url], settings=Settings(exclude=(r"/status/",)))
    assert verdict(records, url).status == LinkStatus.SKIPPED
    assert state.total("/status/200") == 0


def test_remap_sends_the_request_elsewhere(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    url = "https://papers.example.org/status/404"
    settings = Settings(remap=((r"^https://papers\.example\.org", server.url),))
    records, _ = resolve_web([url], settings=settings)
    assert outcome(records, url) == ("broken", 404)
    assert records[url].probed_url == f"{server.url}/status/404"
    assert state.total("/status/404") == 2  # HEAD, then the GET that confirms


def test_cached_final_answers_cost_no_request(
    web: Web,
    resolve_web: ResolveWeb,
    tmp_path: Path,
) -> None:
    server, state = web
    urls = [f"{server.url}/status/200", f"{server.url}/status/404", f"{server.url}/slow/3"]
    limits = Limits(timeout=0.2, retries=0)
    resolve_web(urls, limits=limits, cache=Cache(tmp_path / "cache.sqlite"))
    before = sum(state.requests.values())
    records, _ = resolve_web(urls, limits=limits, cache=Cache(tmp_path / "cache.sqlite"))
    assert [outcome(records, u)[0] for u in urls] == ["ok", "broken", "timeout"]
    assert sum(state.requests.values()) - before == 1  # only the timeout is asked again


def test_expired_answers_are_asked_again(
    web: Web,
    resolve_web: ResolveWeb,
    tmp_path: Path,
) -> None:
    server, state = web
    url = f"{server.url}/status/200"
    resolve_web([url], cache=Cache(tmp_path / "c.sqlite"))
    resolve_web([url], settings=Settings(max_age_seconds=0), cache=Cache(tmp_path / "c.sqlite"))
    assert state.total("/status/200") == 2


def test_requests_say_who_we_are_and_carry_no_token(web: Web, resolve_web: ResolveWeb) -> None:
    server, state = web
    resolve_web([f"{server.url}/status/200"])
    (agent,) = state.user_agents
    assert agent.startswith("linkwatch/") and "(+https://" in agent
    assert state.authorization == []
