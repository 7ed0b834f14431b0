"""
Hugging Face links checked through the Hub's API at HF_ENDPOINT: models, datasets, spaces,
users and organisations, each asked once, with HF_TOKEN when it is set.

How the Hub tells them apart (shared/APIS.md §3.3, from huggingface_hub's `hf_raise_for_status`
and live probes): a gated repository answers 200 with `gated` set; a missing or private one
answers an anonymous request 401 without an `X-Error-Code` (the two cannot be told apart), and a
request with a token 404 with `X-Error-Code: RepoNotFound`; a renamed one answers 307 with a
relative Location, which the client follows on the same origin only (so the token never leaves).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import quote

from linkwatch.model import Survey
from linkwatch.model.records.existence import Existence, answered
from linkwatch.model.records.huggingface import HubRecord, Key, hub_key
from linkwatch.model.targets import HfOwner, HfRepo
from linkwatch.resolvers.base import Resolved, Resolver, Resources, is_excluded
from linkwatch.transport.client import Answer, Token
from linkwatch.transport.failures import Failure, FailureKind

NAMESPACE = "huggingface"
_API = {"model": "models", "dataset": "datasets", "space": "spaces"}
_PAGE = {"model": "", "dataset": "datasets/", "space": "spaces/"}
# Only what the checks read: a smaller answer, and an unknown key would be a 400. Spaces have no
# 'gated' (huggingface_hub's ExpandSpaceProperty_T).
_EXPAND = {
    "model": ("gated", "private", "disabled"),
    "dataset": ("gated", "private", "disabled"),
    "space": ("private", "disabled"),
}
_BAD_TOKEN = "Invalid credentials in Authorization header"
_DISABLED = "Access to this resource is disabled."


class HuggingFaceResolver(Resolver[Key, HubRecord]):
    """Every huggingface.co model, dataset, space, user and organisation link."""

    family = "huggingface"

    def __init__(self, resources: Resources) -> None:
        super().__init__(resources)
        services = resources.settings.services
        self.endpoint = services.hf_endpoint
        token = services.hf_token
        self.token = Token.for_url(self.endpoint, f"Bearer {token}") if token else None

    def wanted(self, survey: Survey) -> Collection[Key]:
        keys = (self._key(link.url) for link in survey.links)
        return list(dict.fromkeys(key for key in keys if key is not None))

    def claims(self, url: str) -> bool:
        return self._key(url) is not None

    def _key(self, url: str) -> Key | None:
        key = hub_key(url)
        return None if key is None or is_excluded(self.resources.settings, url) else key

    def _cache_key(self, key: Key) -> str:
        """Per id, case aside, and per kind of asking: with a token the Hub shows more."""
        what = f"{key.kind}:{key.repo_id}" if isinstance(key, HfRepo) else f"owner:{key.name}"
        return what.casefold() + ("+token" if self.token else "")

    async def resolve_all(self, keys: Collection[Key]) -> Resolved[Key, HubRecord]:
        subjects = list({self._cache_key(key): key for key in keys}.values())
        self.resources.progress.add("Hugging Face", len(subjects))
        cache, max_age = self.resources.cache, self.resources.settings.max_age_seconds
        cached = cache.fresh(NAMESPACE, [self._cache_key(s) for s in subjects], max_age)
        found = {k: HubRecord.from_json(entry.value) for k, entry in cached.items()}
        for _ in found:
            self.resources.progress.advance("Hugging Face")
        asking = [s for s in subjects if self._cache_key(s) not in found]
        for subject, record in zip(
            asking, await asyncio.gather(*(self._ask(s) for s in asking)), strict=True
        ):
            found[self._cache_key(subject)] = record
            self.resources.remember(NAMESPACE, self._cache_key(subject), record)
        left = [r for r in found.values() if r.existence == Existence.UNVERIFIED]
        records = {key: replace(found[self._cache_key(key)], asked=_asked(key)) for key in keys}
        return Resolved(records, answered(records.values()), _notes(left, len(subjects)))

    async def _ask(self, key: Key) -> HubRecord:
        try:
            if isinstance(key, HfRepo):
                record = await self._repo(key)
            else:
                record = await self._owner(key)
        except Failure as failure:
            limited = failure.kind == FailureKind.RATE_LIMITED
            record = _unverified(key, failure.detail, rate_limited=limited)
        failed = record.existence != Existence.FOUND
        self.resources.progress.advance("Hugging Face", failed=failed)
        return record

    async def _repo(self, key: HfRepo) -> HubRecord:
        expand = "&".join(f"expand[]={field}" for field in _EXPAND[key.kind])
        url = f"{self.endpoint}/api/{_API[key.kind]}/{quote(key.repo_id, safe='/')}?{expand}"
        answer = await self._get(url)
        if answer.status == 200:
            data = answer.json_object()
            name = str(data.get("id") or key.repo_id)
            gated = data.get("gated")
            return HubRecord(
                Existence.FOUND,
                key.kind,
                key.repo_id,
                name=name,
                gated=str(gated) if gated else None,
                private=bool(data.get("private")),
                disabled=bool(data.get("disabled")),
                detail="HTTP 200",
                http_status=200,
                evidence=f"{self.endpoint}/{_PAGE[key.kind]}{name}",
            )
        return _refused(key, answer)

    async def _owner(self, key: HfOwner) -> HubRecord:
        """A name is a user or an organisation (one namespace): users first."""
        name = quote(key.name, safe="")
        for kind, path, field in (
            ("user", f"/api/users/{name}/overview", "user"),
            ("organization", f"/api/organizations/{name}/overview", "name"),
        ):
            answer = await self._get(self.endpoint + path)
            if answer.status == 200:
                canonical = str(answer.json_object().get(field) or key.name)
                return HubRecord(
                    Existence.FOUND,
                    kind,
                    key.name,
                    name=canonical,
                    detail="HTTP 200",
                    http_status=200,
                    evidence=f"{self.endpoint}/{canonical}",
                )
            if answer.status != 404:
                return _refused(key, answer)
        return _refused(key, answer)

    async def _get(self, url: str) -> Answer:
        headers = {"Accept": "application/json"}
        return await self.resources.client.fetch(
            "GET", url, headers=headers, token=self.token, follow_redirects=True
        )


def _notes(left: list[HubRecord], asked: int) -> tuple[str, ...]:
    if not left:
        return ()
    return (
        f"Hugging Face: {len(left)} of {asked} left unverified, not broken "
        f"({left[0].detail}); run again later.",
    )


def _refused(key: Key, answer: Answer) -> HubRecord:
    """Any answer but 200, read the way the Hub means it."""
    status, code = answer.status, answer.headers.get("X-Error-Code")
    message = answer.headers.get("X-Error-Message") or str(answer.json_object().get("error") or "")
    said = f"HTTP {status}" + (f": {message}" if message else "")
    if code == "GatedRepo" or message == _DISABLED:
        return _behind_a_gate(key, said, status, disabled=message == _DISABLED)
    if status == 401 and message == _BAD_TOKEN:
        return _unverified(key, f"the Hub rejected HF_TOKEN ({said})", status)
    if status == 404 or (status == 401 and code is None):
        what = "missing or private" if status == 401 else "missing"
        return HubRecord(
            Existence.MISSING,
            _kind(key),
            _asked(key),
            detail=f"{what} ({said})",
            http_status=status,
            evidence=answer.url,
        )
    return _unverified(key, f"the Hub answered {said}", status, rate_limited=status == 429)


def _asked(key: Key) -> str:
    return key.repo_id if isinstance(key, HfRepo) else key.name


def _kind(key: Key) -> str:
    return key.kind if isinstance(key, HfRepo) else "user"


def _unverified(
    key: Key, detail: str, status: int | None = None, rate_limited: bool = False
) -> HubRecord:
    return HubRecord(
        Existence.UNVERIFIED,
        _kind(key),
        _asked(key),
        detail=detail,
        http_status=status,
        rate_limited=rate_limited,
    )


def _behind_a_gate(key: Key, said: str, status: int, disabled: bool) -> HubRecord:
    """Something exists behind the refusal: a gate (`X-Error-Code: GatedRepo`), or a
    repository the Hub disabled."""
    return HubRecord(
        Existence.FOUND,
        _kind(key),
        _asked(key),
        name=_asked(key),
        gated=None if disabled else "yes",
        disabled=disabled,
        detail=said,
        http_status=status,
    )
