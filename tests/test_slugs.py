"""
Heading anchors follow GitHub's slugger, repeated headings included.
"""

from __future__ import annotations

import pytest

from linkwatch.parse.slugs import Slugger, slug_base


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
