"""
The Hugging Face resolver against a loopback Hub: missing, private, gated, disabled and moved
told apart the way the Hub answers, anonymously and with HF_TOKEN.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass

import pytest

from linkwatch.checks.statuses import hub_status
from linkwatch.model import LinkStatus
from linkwatch.model.records.existence import Existence
from linkwatch.model.records.huggingface import HubRecord, Key, hub_key, hub_new_url
from linkwatch.model.targets import HfOwner, HfRepo
from linkwatch.progress import NoProgress
from linkwatch.resolvers.base import Resources
from linkwatch.resolvers.huggingface import HuggingFaceResolver
from linkwatch.settings import Services, Settings
from linkwatch.transport.cache import Cache
from linkwatch.transport.client import Client
from tests.resolvers.conftest import FAST
from tests.servers.huggingface import FakeHub, HubRepo, too_many_requests
from tests.servers.loopback import LoopbackServer

Hub = tuple[LoopbackServer, FakeHub]
HF = "https://huggingface.co"


@dataclass
class Run:
    records: Mapping[Key, HubRecord]
    notes: list[str]

    def of(self, url: str) -> HubRecord:
        key = hub_key(url)
        assert key is not None, url
        return self.records[key]


def resolve(hub: Hub, urls: list[str], token: str | None = None) -> Run:
    server, _ = hub
    settings = Settings(services=Services(hf_endpoint=server.url, hf_token=token))

    async def go() -> Run:
        async with Client(FAST) as client:
            resources = Resources(client, Cache(None), settings, NoProgress())
            resolver = HuggingFaceResolver(resources)
            keys = list(dict.fromkeys(k for url in urls if (k := hub_key(url)) is not None))
            resolved = await resolver.resolve_all(keys)
            return Run(resolved.records, resolved.notes)

    return asyncio.run(go())


@pytest.fixture
def stocked(hub: Hub) -> Hub:
    fake = hub[1]
    fake.repos += [
        HubRepo("dataset", "tomg-group-umd/GenQA"),
        HubRepo("dataset", "Vivacem/MMIQC"),
        HubRepo("model", "meta-llama/Llama-2-7b-hf", gated="manual"),
        HubRepo("model", "bigcode/starcoder", gated="auto"),
        HubRepo("model", "me/secret", private=True),
        HubRepo("model", "org/withdrawn", disabled=True),
        HubRepo("space", "owner/demo"),
        HubRepo("model", "new-owner/new-name", old_ids=("old-owner/old-name",)),
    ]
    fake.users.append("roneneldan")
    fake.orgs.append("tomg-group-umd")
    return hub


@pytest.mark.parametrize(
    ("url", "key"),
    [
        (f"{HF}/datasets/Vivacem/MMIQC", HfRepo("dataset", "Vivacem/MMIQC")),
        (f"{HF}/datasets/Vivacem/MMIQC/viewer/default", HfRepo("dataset", "Vivacem/MMIQC")),
        (f"{HF}/spaces/owner/demo", HfRepo("space", "owner/demo")),
        (f"{HF}/meta-llama/Llama-2-7b-hf/tree/main", HfRepo("model", "meta-llama/Llama-2-7b-hf")),
        (f"{HF}/roneneldan", HfOwner("roneneldan")),
        (f"{HF}/", None),
        (f"{HF}/papers/2305.07759", None),
    ],
)
def test_every_hub_link_maps_to_its_repository_or_owner(url: str, key: Key | None) -> None:
    assert hub_key(url) == key


def test_anonymously_found_gated_disabled_moved_and_missing_are_told_apart(stocked: Hub) -> None:
    urls = {
        "found": f"{HF}/datasets/tomg-group-umd/GenQA",
        "manual": f"{HF}/meta-llama/Llama-2-7b-hf",
        "auto": f"{HF}/bigcode/starcoder",
        "private": f"{HF}/me/secret",
        "disabled": f"{HF}/org/withdrawn",
        "space": f"{HF}/spaces/owner/demo",
        "moved": f"{HF}/old-owner/old-name",
        "case": f"{HF}/datasets/vivacem/mmiqc",
        "missing": f"{HF}/datasets/nobody/nothing",
    }
    run = resolve(stocked, list(urls.values()))
    got = {name: run.of(url) for name, url in urls.items()}
    assert got["found"].existence == Existence.FOUND and not got["found"].gated
    assert (got["manual"].gated, got["auto"].gated) == ("manual", "auto")
    assert (got["private"].existence, got["private"].http_status) == (Existence.MISSING, 401)
    assert "missing or private" in got["private"].detail
    assert got["disabled"].disabled
    assert got["space"].existence == Existence.FOUND, "no 'gated' expand for spaces (a 400)"
    assert (got["moved"].moved, got["moved"].name) == (True, "new-owner/new-name")
    assert not got["case"].moved and got["case"].name == "Vivacem/MMIQC"
    assert got["missing"].existence == Existence.MISSING
    assert {c.authorization for c in stocked[1].calls} == {None}


def test_with_a_token_private_is_found_and_missing_is_a_404(stocked: Hub) -> None:
    fake = stocked[1]
    run = resolve(stocked, [f"{HF}/me/secret", f"{HF}/nobody/nothing"], token=fake.token)
    assert run.of(f"{HF}/me/secret").private
    missing = run.of(f"{HF}/nobody/nothing")
    assert (missing.existence, missing.http_status) == (Existence.MISSING, 404)
    assert {c.authorization for c in fake.calls} == {f"Bearer {fake.token}"}


def test_users_and_organisations_share_one_namespace(stocked: Hub) -> None:
    urls = [f"{HF}/roneneldan", f"{HF}/tomg-group-umd", f"{HF}/Roneneldan", f"{HF}/no-one"]
    run = resolve(stocked, urls)
    assert [run.of(u).kind for u in urls[:3]] == ["user", "organization", "user"]
    assert run.of(urls[2]).name == "roneneldan"
    assert run.of(urls[3]).existence == Existence.MISSING


def test_a_rejected_token_leaves_links_unverified(stocked: Hub) -> None:
    run = resolve(stocked, [f"{HF}/datasets/Vivacem/MMIQC"], token="hf_wrong")
    assert run.of(f"{HF}/datasets/Vivacem/MMIQC").existence == Existence.UNVERIFIED
    assert "rejected HF_TOKEN" in run.notes[0]


def test_a_hub_that_keeps_answering_429_is_not_blamed(stocked: Hub) -> None:
    stocked[1].replies += [too_many_requests] * 5
    url = f"{HF}/datasets/Vivacem/MMIQC"
    record = resolve(stocked, [url]).of(url)
    assert (record.existence, record.rate_limited) == (Existence.UNVERIFIED, True)
    assert hub_status(record, url).status == LinkStatus.RATE_LIMITED


def test_a_move_replaces_only_the_repository_id() -> None:
    url = f"{HF}/datasets/old/name/viewer?row=3"
    assert hub_new_url(url, "new/id") == f"{HF}/datasets/new/id/viewer?row=3"
    assert hub_new_url(f"{HF}/old/name", "new/id") == f"{HF}/new/id"


def test_a_spent_hub_budget_is_respected_not_hammered(hub: Hub) -> None:
    """The Hub's budget runs out after 3 requests and it answers 429 with
    `RateLimit: "api";r=0;t=93`: linkwatch waits no 93 s and sends no further request for the
    other 37 ids, which are unverified (rate-limited), never missing."""
    _, fake = hub
    fake.repos += [HubRepo("model", f"org/model-{n}") for n in range(40)]
    fake.remaining, fake.enforce = 3, True
    urls = [f"{HF}/org/model-{n}" for n in range(40)]
    run = resolve(hub, urls)
    statuses = [call.status for call in fake.calls]
    assert statuses.count(200) == 3
    assert statuses.count(429) <= 4  # the first refusal, and those already in flight
    records = [run.of(url) for url in urls]
    limited = [r for r in records if r.existence == Existence.UNVERIFIED]
    assert len(limited) == 37 and all(r.rate_limited for r in limited)
    assert "asked to wait 93 s" in limited[-1].detail
