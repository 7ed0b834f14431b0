"""
What the resolvers learned, handed to the checks: one mapping per service.

An empty Records is an offline run; a check whose records are missing is simply not run, and
the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Records:
    """Resolver results keyed by what was asked (a URL, an arXiv ID, a repository)."""

    resolved: frozenset[str] = frozenset()
    """The record families that were fetched in this run ('links', 'arxiv', ...)."""
