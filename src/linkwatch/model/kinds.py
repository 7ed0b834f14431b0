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

SUMMARIES: Mapping[str, str] = {
    "empty-entry": "An entry with neither a title nor a link.",
    "malformed-url": "A link that is not a valid URL (a space, a bad host, a malformed arXiv ID).",
    "placeholder-link": "A link that goes nowhere: '#', 'TODO', 'link', an empty target.",
    "table-malformed": "A table row with more or fewer cells than its header.",
    "broken-anchor": "A '#fragment' link that no heading of the file produces.",
    "versioned-arxiv-link": "An arXiv link pinned to one version ('2305.07759v1').",
    "year-mismatch": "A listed year or date before the paper's first arXiv version.",
    "insecure-link": "An http:// link to a host that serves https.",
    "venue-format": "A venue spelt non-canonically ('NIPS 2022', 'Arxiv 2023', '41 ICML').",
    "venue-outdated": "A paper listed as a preprint that has been published since.",
    "venue-mismatch": "A listed venue, year or track the sources contradict.",
    "duplicate-entry": "The same paper listed twice in one section.",
    "inconsistent-entry": "The same paper listed with different titles or venues in two places.",
    "code-link-not-code": "A code column that links something other than code.",
    "broken-link": "A link that is gone: 404 or 410, a 5xx on every try, a name that is gone.",
    "timeout": "A link whose server did not answer within --timeout on any try.",
    "redirect": "A link that moved permanently (or an https link that redirects to http).",
    "rate-limited": "A link whose host kept answering 429 after its Retry-After: not verified.",
    "unverified": "A link or paper that could not be verified this time: not broken.",
    "arxiv-not-found": "An arXiv ID (or version) the arXiv API does not know.",
    "arxiv-withdrawn": "A paper its authors withdrew from arXiv.",
    "title-typo": "A title a few letters away from the paper's real title.",
    "title-case": "A title that differs from the paper's only in letter case.",
    "title-mismatch": "A title far from the paper's: a wrong link, or the paper's old title.",
    "repo-not-found": "A GitHub repository or owner that does not exist or no reader can open.",
    "repo-moved": "A GitHub repository that was renamed or transferred.",
    "repo-archived": "An archived (read-only) GitHub repository.",
    "hf-not-found": "A Hugging Face model, dataset, space or owner the Hub does not know.",
    "hf-gated": "A Hugging Face repository readers must ask access to (or private, disabled).",
}
"""One line per kind: what it means (SARIF rules, `linkwatch kinds`)."""

assert set(SUMMARIES) == set(KINDS), "every kind has a summary"
