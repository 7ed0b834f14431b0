"""
The registry of checks: one row per check, with the kind it reports (default severities are
the contract's, in model/kinds.py) and what it needs.

Adding a check means writing one function in the module of its family and one row here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from linkwatch.checks import arxiv, entries, links, repos, syntax, titles, venues
from linkwatch.checks.base import Check, Context
from linkwatch.checks.entry_names import EntryNames
from linkwatch.model import Finding, Problem, Severity
from linkwatch.model.kinds import KINDS

REGISTRY: tuple[Check, ...] = (
    Check("empty-entry", syntax.empty_entry),
    Check("malformed-url", syntax.malformed_url),
    Check("placeholder-link", syntax.placeholder_link),
    Check("table-malformed", syntax.table_malformed),
    Check("broken-anchor", syntax.broken_anchor),
    Check("versioned-arxiv-link", arxiv.versioned_arxiv_link),
    Check("year-mismatch", arxiv.year_mismatch),
    Check("insecure-link", links.insecure_link),
    Check("broken-link", links.missing_file),
    Check("broken-link", links.broken_link, needs="web"),
    Check("timeout", links.timeout, needs="web"),
    Check("redirect", links.redirect, needs="web"),
    Check("rate-limited", links.rate_limited, needs="web"),
    Check("unverified", links.unverified, needs="web"),
    Check("arxiv-not-found", arxiv.arxiv_not_found, needs="arxiv"),
    Check("arxiv-withdrawn", arxiv.arxiv_withdrawn, needs="arxiv"),
    Check("unverified", arxiv.arxiv_unverified, needs="arxiv"),
    Check("title-typo", titles.title_typo, needs="arxiv"),
    Check("title-case", titles.title_case, needs="arxiv"),
    Check("title-mismatch", titles.title_mismatch, needs="arxiv"),
    Check("venue-format", venues.venue_format),
    Check("venue-outdated", venues.venue_outdated, needs="s2"),
    Check("venue-mismatch", venues.venue_mismatch, needs="s2"),
    Check("unverified", venues.venue_unverified, needs="s2"),
    Check("duplicate-entry", entries.duplicate_entry),
    Check("inconsistent-entry", entries.inconsistent_entry),
    Check("code-link-not-code", entries.code_link_not_code),
    Check("repo-not-found", repos.repo_not_found, needs="github"),
    Check("repo-moved", repos.repo_moved, needs="github"),
    Check("repo-archived", repos.repo_archived, needs="github"),
    Check("broken-link", repos.repo_path_missing, needs="github"),
    Check("unverified", repos.repo_unverified, needs="github"),
    Check("hf-not-found", repos.hf_not_found, needs="huggingface"),
    Check("hf-gated", repos.hf_gated, needs="huggingface"),
    Check("redirect", repos.hf_moved, needs="huggingface"),
    Check("unverified", repos.hf_unverified, needs="huggingface"),
)

assert {check.kind for check in REGISTRY} == set(KINDS), "every kind has a check, and only those"


def run_checks(
    context: Context,
    severity: Mapping[str, Severity] | None = None,
    checks: Iterable[Check] = REGISTRY,
) -> list[Finding]:
    """Every problem the checks find, as findings with kind, severity and a stable id,
    sorted by file and line."""
    overrides = severity or {}
    named = EntryNames(context.survey.entries)
    findings = [
        Finding(check.kind, overrides.get(check.kind, check.severity), named(problem))
        for check in checks
        for problem in check.run(context)
    ]
    findings.sort(key=lambda f: (f.file, f.line, -f.severity.rank, f.kind))
    return with_ids(findings)


def runnable(available: frozenset[str]) -> tuple[list[Check], list[Check]]:
    """The checks whose records this run has, and those it must skip."""
    ready = [check for check in REGISTRY if check.needs is None or check.needs in available]
    skipped = [check for check in REGISTRY if check not in ready]
    return ready, skipped


def with_ids(findings: list[Finding]) -> list[Finding]:
    """Give each finding its stable id; identical problems (six empty rows) are told apart by
    their order, which stays stable as long as the rows do."""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        base = finding.identity()
        seen[base] += 1
        suffix = f"-{seen[base]}" if seen[base] > 1 else ""
        result.append(_replace_id(finding, base + suffix))
    return result


def _replace_id(finding: Finding, new_id: str) -> Finding:
    return Finding(finding.kind, finding.severity, finding.problem, new_id, finding.baseline)


__all__ = ["KINDS", "REGISTRY", "Check", "Context", "Problem", "run_checks", "runnable"]
