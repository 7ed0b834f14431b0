"""
Bare URLs are links exactly when GitHub's extended-autolink rule says so (GFM spec examples).
"""

from __future__ import annotations

import pytest

from linkwatch.parse.autolinks import find_bare_urls


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Visit www.commonmark.org/help for more information.", ["www.commonmark.org/help"]),
        ("Visit www.commonmark.org.", ["www.commonmark.org"]),
        ("Visit www.commonmark.org/a.b.", ["www.commonmark.org/a.b"]),
        (
            "www.google.com/search?q=Markup+(business)",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        (
            "www.google.com/search?q=Markup+(business)))",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        (
            "(www.google.com/search?q=Markup+(business))",
            ["www.google.com/search?q=Markup+(business)"],
        ),
        ("www.google.com/search?q=commonmark&hl=en", ["www.google.com/search?q=commonmark&hl=en"]),
        ("www.google.com/search?q=commonmark&hl;", ["www.google.com/search?q=commonmark"]),
        ("www.commonmark.org/he<lp", ["www.commonmark.org/he"]),
        ("http://commonmark.org", ["http://commonmark.org"]),
        (
            "(Visit https://encrypted.google.com/search?q=Markup+(business))",
            ["https://encrypted.google.com/search?q=Markup+(business)"],
        ),
        ("https://github.com/ise-uiuc/magicoder", ["https://github.com/ise-uiuc/magicoder"]),
        ("https://huggingface.co/ datasets/Vivacem/MMIQC", ["https://huggingface.co/"]),
        ("see https://a.org, and https://b.org.", ["https://a.org", "https://b.org"]),
        ("www.x_y.com is not valid", []),
        ("no link here, just http and www", []),
        ("https://localhost/x", []),
        ("ahttps://github.com/x", []),
    ],
)
def test_extended_autolinks(text: str, urls: list[str]) -> None:
    assert urls == [bare.url for bare in find_bare_urls(text)]


def test_offsets_point_at_the_url() -> None:
    text = "code: https://github.com/a/b."
    (bare,) = find_bare_urls(text)
    assert text[bare.start : bare.end] == "https://github.com/a/b"
