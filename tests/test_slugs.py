"""
Heading anchors follow GitHub's slugger, repeated headings included, on every fixture
github-slugger recorded from github.com; '#fragment' links are matched to them by one rule.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from linkwatch.parse.slugs import Slugger, anchor_matches, slug_base

SLUGGER_DATA = Path(__file__).parent / "data" / "slugger"
FIXTURES: list[dict[str, str]] = json.loads(
    (SLUGGER_DATA / "fixtures.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Types of Data Synthesis and Augmentation", "types-of-data-synthesis-and-augmentation"),
        ("RAG and Other Tools", "rag-and-other-tools"),
        ("Fine-Tuning", "fine-tuning"),
        ("C++ & Rust: a story", "c--rust-a-story"),
        ("What's new?", "whats-new"),
        ("snake_case stays", "snake_case-stays"),
        ("Émigré café", "émigré-café"),
        ("仲景 ZhongJing", "仲景-zhongjing"),
        ("Emoji 🚀 rocket", "emoji--rocket"),
        ("  Leading space", "--leading-space"),
        ("Step ① and ½", "step--and-"),
        ("Ⓐ circled letters stay", "ⓐ-circled-letters-stay"),
    ],
)
def test_slug_base(heading: str, slug: str) -> None:
    assert slug == slug_base(heading)


def test_repeated_headings_get_numbered() -> None:
    slugger = Slugger()
    slugs = [
        slugger.slug(text)
        for text in ("Applications", "Applications", "Applications-1", "Applications")
    ]
    assert slugs == ["applications", "applications-1", "applications-1-1", "applications-2"]


def test_the_fixtures_are_github_sluggers_unmodified() -> None:
    """The blob SOURCE.txt names, byte for byte (git's blob hash of the file)."""
    data = (SLUGGER_DATA / "fixtures.json").read_bytes()
    blob = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    assert blob in (SLUGGER_DATA / "SOURCE.txt").read_text(encoding="utf-8")
    assert len(FIXTURES) == 78


@pytest.mark.parametrize(
    "index", range(len(FIXTURES)), ids=[f"{i:02d}-{f['name']}" for i, f in enumerate(FIXTURES)]
)
def test_github_slugger_fixture(index: int) -> None:
    """As github-slugger's own test runs them: every input in order through one slugger, so
    'alpha' the second time is 'alpha-1'."""
    slugger = Slugger()
    for earlier in FIXTURES[:index]:
        slugger.slug(earlier["input"])
    fixture = FIXTURES[index]
    assert slugger.slug(fixture["input"]) == fixture["expected"]


ANCHORS = frozenset({"related-work", "café", "awesome-llm", "papers-", "custom-Anchor"})


@pytest.mark.parametrize(
    "fragment",
    [
        "related-work",
        "Related-Work",
        "caf%C3%A9",
        "CAF%C3%89",
        "café",
        "awesome-llm",
        "awesome-llm-",
        "papers",
        "papers-",
        "custom-Anchor",
    ],
)
def test_anchor_matches(fragment: str) -> None:
    assert anchor_matches(fragment, ANCHORS)


@pytest.mark.parametrize(
    "fragment", ["nope", "related", "related-work-1", "cafe", "awesome", "-", "%2D", "paper"]
)
def test_anchor_does_not_match(fragment: str) -> None:
    assert not anchor_matches(fragment, ANCHORS)


def test_a_badge_heading_matches_with_or_without_the_trailing_hyphen() -> None:
    """GitHub slugs '# Awesome-LLM [![Awesome](…)](…)' as 'awesome-llm-' (the image has no text,
    the space before it stays)."""
    assert slug_base("Awesome-LLM ") == "awesome-llm-"
    for anchors in ({"awesome-llm-"}, {"awesome-llm"}):
        assert anchor_matches("awesome-llm", anchors)
        assert anchor_matches("awesome-llm-", anchors)
        assert not anchor_matches("awesome-ll", anchors)


SURVEY = """\
# Awesome-LLM [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

* [x](#Related-Work)
* [y](#caf%C3%A9)
* [z](#awesome-llm)
* [w](#awesome-llm-)
* [bad](#nope)

## Related Work

## Café
"""


def test_links_table_and_findings_agree_on_anchors(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    """One rule for both: exactly '#nope' is a broken row in the links table and a
    broken-anchor finding; the case, the percent-escape and the badge's hyphen are fine."""
    (workdir / "survey.md").write_text(SURVEY, encoding="utf-8")
    result = run_cli("check", "--offline", "-f", "json", "-o", "out", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    report = json.loads((workdir / "out" / "linkwatch.json").read_text(encoding="utf-8"))
    rows = {row["url"]: row["status"] for row in report["links"] if row["url"].startswith("#")}
    assert rows == {
        "#Related-Work": "ok",
        "#caf%C3%A9": "ok",
        "#awesome-llm": "ok",
        "#awesome-llm-": "ok",
        "#nope": "broken",
    }
    broken = [f["url"] for f in report["findings"] if f["kind"] == "broken-anchor"]
    assert broken == ["#nope"]
