"""
What the resolvers learned, handed to the checks: one mapping per record family.

An empty Records is an offline run; a check whose family is missing is not run, and the report
says so. Each resolver's family name is the name of its field here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from linkwatch.model.records.arxiv import ArxivRecord
from linkwatch.model.records.github import GithubRecord
from linkwatch.model.records.huggingface import HubRecord
from linkwatch.model.records.s2 import S2Record
from linkwatch.model.records.web import WebRecord


@dataclass(frozen=True, slots=True)
class Records:
    """Resolver results keyed by what was asked (a URL, an arXiv ID, a repository)."""

    resolved: frozenset[str] = frozenset()
    """The record families that were fetched in this run."""
    web: Mapping[str, WebRecord] = field(default_factory=dict)
    """Plain web links by URL as written in the survey."""
    arxiv: Mapping[str, ArxivRecord] = field(default_factory=dict)
    """arXiv API answers by the ID asked ('2305.07759', and '2312.02120v1' for old titles)."""
    github: Mapping[Any, GithubRecord] = field(default_factory=dict)
    """GitHub repositories and owners by `github_key(url)`."""
    huggingface: Mapping[Any, HubRecord] = field(default_factory=dict)
    """Hugging Face repositories and owners by `hub_key(url)`."""
    s2: Mapping[str, S2Record] = field(default_factory=dict)
    """Semantic Scholar's venue records by unversioned arXiv ID."""

    @classmethod
    def from_families(cls, families: Mapping[str, Mapping[Any, Any]]) -> Records:
        return cls(frozenset(families), **families)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolve stage hands on: the records and what the run should say about it."""

    records: Records = field(default_factory=Records)
    requests: Mapping[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    wanted: int = 0
    """How many identifiers the resolvers were asked about (excluded links not counted)."""
    verified: int = 0
    """How many of them got a real answer, from a service or the cache."""
