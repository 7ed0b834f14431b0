"""
The finding kinds of the contract (DESIGN.md), each with its default severity: the registry of
checks, the config's `severity` table and the reports all name kinds from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from linkwatch.model import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a notice

KINDS: Mapping[str, Severity] = {
    "empty-entry": E,
    "malformed-url": E,
    "placeholder-link": E,
    "table-malformed": W,
    "broken-anchor": E,
    "versioned-arxiv-link": N,
    "year-mismatch": W,
    "insecure-link": N,
    "venue-format": N,
    "venue-outdated": W,
    "venue-mismatch": W,
    "duplicate-entry": W,
    "inconsistent-entry": W,
    "code-link-not-code": N,
    "broken-link": E,
    "timeout": W,
    "redirect": N,
    "rate-limited": N,
    "unverified": N,
    "arxiv-not-found": E,
    "arxiv-withdrawn": N,
    "title-typo": W,
    "title-case": N,
    "title-mismatch": W,
    "repo-not-found": E,
    "repo-moved": W,
    "repo-archived": N,
    "hf-not-found": E,
    "hf-gated": N,
}

ENTRY_KINDS = frozenset(
    {
        "empty-entry",
        "table-malformed",
        "year-mismatch",
        "venue-format",
        "venue-outdated",
        "venue-mismatch",
        "duplicate-entry",
        "inconsistent-entry",
        "title-typo",
        "title-case",
        "title-mismatch",
    }
)
"""Kinds about an entry (its title, venue, year, row), not about the link a finding names:
--exclude of that link does not silence them."""
