"""
GitHub's GraphQL API with a token: up to 100 repositories and owners in one query, each under
an alias, so a survey's code links cost one request.

Shapes (docs.github.com/graphql and shared/APIS.md §2.3): a missing repository answers HTTP 200
with `data.<alias>: null` and an error whose `path` is `[<alias>]` and `type` is `NOT_FOUND`;
`repository` follows renames by default, so a moved one answers under its new `nameWithOwner`;
over the rate limit the answer is still 200, with an error of type `RATE_LIMITED`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from linkwatch.model.records.existence import Existence
from linkwatch.model.records.github import (
    NAMESPACE,
    GithubRecord,
    Key,
    cache_key,
    left_unverified,
    subject_id,
    unverified,
)
from linkwatch.model.targets import GithubRepo
from linkwatch.resolvers.base import Resources
from linkwatch.transport.client import Answer, Token
from linkwatch.transport.failures import Failure
from linkwatch.transport.ratelimits import RateLimit, rate_limit_wait, reset_phrase

BATCH = 100
"""Repositories and owners per query. Scalar fields of aliased lookups request no connection,
so a query costs GitHub's minimum of 1 point whatever its size (APIS.md §2.3)."""
_REPOSITORY = "nameWithOwner url isArchived isDisabled isPrivate pushedAt"
_OWNER = "login url"


def build_query(batch: list[Key]) -> tuple[str, dict[str, str]]:
    """One query for the batch: `r{i}` aliases, names passed as variables (never spliced into
    the query text), and the rate limit left."""
    declarations, fields, variables = [], [], {}
    for i, subject in enumerate(batch):
        if isinstance(subject, GithubRepo):
            declarations += [f"$o{i}: String!", f"$n{i}: String!"]
            variables |= {f"o{i}": subject.owner, f"n{i}": subject.name}
            fields.append(f"r{i}: repository(owner: $o{i}, name: $n{i}) {{ {_REPOSITORY} }}")
        else:
            declarations.append(f"$o{i}: String!")
            variables[f"o{i}"] = subject.login
            fields.append(f"r{i}: repositoryOwner(login: $o{i}) {{ {_OWNER} }}")
    query = (
        f"query({', '.join(declarations)}) {{\n  rateLimit {{ limit cost remaining resetAt }}\n  "
        + "\n  ".join(fields)
        + "\n}"
    )
    return query, variables


class GraphqlBatches:
    """One run's queries, in batches of 100, one at a time."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        services = resources.settings.services
        self.url = services.github_graphql_url
        self.token = Token.for_url(self.url, f"Bearer {services.github_token}")
        self.stopped: str | None = None
        self.rate_limited = False
        self.note: str | None = None
        """What the run should hear when some subjects were left unverified."""

    async def run(self, subjects: list[Key]) -> dict[str, GithubRecord]:
        records: dict[str, GithubRecord] = {}
        for start in range(0, len(subjects), BATCH):
            batch = subjects[start : start + BATCH]
            records |= await self._batch(batch) if not self.stopped else self._left(batch)
            for _ in batch:
                self.resources.progress.advance("GitHub", failed=self.stopped is not None)
        for key, record in records.items():
            self.resources.remember(NAMESPACE, key, record)
        left = sum(1 for r in records.values() if r.existence == Existence.UNVERIFIED)
        if self.stopped and left:
            advice = "run again after that" if self.rate_limited else "run again later"
            self.note = left_unverified(left, subjects, self.stopped, advice)
        return records

    async def _batch(self, batch: list[Key]) -> dict[str, GithubRecord]:
        query, variables = build_query(batch)
        try:
            answer = await self.resources.client.fetch(
                "POST",
                self.url,
                json={"query": query, "variables": variables},
                headers={"Accept": "application/json"},
                token=self.token,
            )
        except Failure as failure:
            self.stopped = f"the GitHub GraphQL API could not be reached ({failure.detail})"
            return self._left(batch)
        body = answer.json_object()
        if answer.status != 200 or not isinstance(body.get("data"), dict):
            self.stopped = self._refusal(answer, body)
            return self._left(batch)
        self._check_budget(answer, body["data"])
        return parse(batch, body)

    def _left(self, batch: list[Key]) -> dict[str, GithubRecord]:
        detail = self.stopped or "not asked"
        return {cache_key(s): unverified(s, detail, self.rate_limited) for s in batch}

    def _refusal(self, answer: Answer, body: dict[str, Any]) -> str:
        message = _message(body)
        limited = any(e.get("type") == "RATE_LIMITED" for e in _errors(body))
        if limited or rate_limit_wait(answer.status, answer.headers, message) is not None:
            self.rate_limited = True
            reset = RateLimit.from_headers(answer.headers).reset
            return (
                f"GitHub's GraphQL rate limit is reached ({message}); it is whole again "
                f"{reset_phrase(reset)}"
            )
        if answer.status == 401:
            return f"GitHub rejected GITHUB_TOKEN (HTTP 401: {message}); check the token"
        return f"the GitHub GraphQL API answered HTTP {answer.status} ({message})"

    def _check_budget(self, answer: Answer, data: dict[str, Any]) -> None:
        """Stop before a query GitHub would refuse: none of the hour's points are left."""
        limit = data.get("rateLimit") if isinstance(data.get("rateLimit"), dict) else {}
        remaining = limit.get("remaining", RateLimit.from_headers(answer.headers).remaining)
        if remaining == 0:
            self.rate_limited = True
            reset = _epoch(limit.get("resetAt")) or RateLimit.from_headers(answer.headers).reset
            self.stopped = (
                f"the token's GraphQL budget is spent; it is whole again {reset_phrase(reset)}"
            )


def parse(batch: list[Key], body: dict[str, Any]) -> dict[str, GithubRecord]:
    """A record per alias: a node is found; null with a NOT_FOUND error (or no error at all)
    is missing; null with any other error is unverified."""
    data = body["data"]
    errors = _errors(body)
    by_alias = {e["path"][0]: e for e in errors if isinstance(e.get("path"), list) and e["path"]}
    unplaced = any(not e.get("path") for e in errors)
    records = {}
    for i, subject in enumerate(batch):
        node, error = data.get(f"r{i}"), by_alias.get(f"r{i}")
        if isinstance(node, dict):
            record = _found(subject, node)
        elif (error or {}).get("type") == "NOT_FOUND" or (error is None and not unplaced):
            record = _missing(subject, error)
        else:
            record = unverified(subject, f"GitHub answered: {_message({'errors': errors})}")
        records[cache_key(subject)] = record
    return records


def _found(subject: Key, node: dict[str, Any]) -> GithubRecord:
    return GithubRecord(
        Existence.FOUND,
        subject_id(subject),
        name=node.get("nameWithOwner") or node.get("login"),
        archived=bool(node.get("isArchived")),
        disabled=bool(node.get("isDisabled")),
        private=bool(node.get("isPrivate")),
        pushed_at=node.get("pushedAt"),
        detail="found (GraphQL)",
        evidence=node.get("url"),
    )


def _missing(subject: Key, error: dict[str, Any] | None) -> GithubRecord:
    what = "repository" if isinstance(subject, GithubRepo) else "user or organisation"
    message = (error or {}).get("message")
    return GithubRecord(
        Existence.MISSING,
        subject_id(subject),
        detail=f"no such {what}" + (f" ({message})" if message else ""),
        evidence=f"https://github.com/{subject_id(subject)}",
    )


def _errors(body: dict[str, Any]) -> list[dict[str, Any]]:
    errors = body.get("errors")
    return [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []


def _message(body: dict[str, Any]) -> str:
    messages = [str(e.get("message")) for e in _errors(body) if e.get("message")]
    return "; ".join(messages[:3]) or str(body.get("message") or "no message")


def _epoch(text: Any) -> float | None:
    """rateLimit.resetAt is an ISO 8601 DateTime ('2026-11-24T13:00:00Z')."""
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None
