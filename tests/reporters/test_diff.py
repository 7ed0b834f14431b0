"""
Word differences: which words of the expected and the found text differ, as plain segments.
"""

from __future__ import annotations

import pytest

from linkwatch.reporters.diff import word_diff


@pytest.mark.parametrize(
    ("expected", "actual", "marked_expected", "marked_actual"),
    [
        ("2022", "2023", ["2022"], ["2023"]),
        ("ICML 2024", "41 ICML", [" 2024"], ["41 "]),
        ("https://arxiv.org/abs/1", "http://arxiv.org/abs/1", ["https"], ["http"]),
        ("All You Need", "all you need", ["All You Need"], ["all you need"]),
        ("same", "same", [], []),
    ],
)
def test_only_the_differing_words_are_marked(
    expected: str, actual: str, marked_expected: list[str], marked_actual: list[str]
) -> None:
    left, right = word_diff(expected, actual)
    assert "".join(text for text, _ in left) == expected
    assert "".join(text for text, _ in right) == actual
    assert [text for text, changed in left if changed] == marked_expected
    assert [text for text, changed in right if changed] == marked_actual


def test_very_long_texts_are_marked_whole() -> None:
    left, right = word_diff("a " * 1000, "b " * 1000)
    assert (left, right) == ((("a " * 1000, True),), (("b " * 1000, True),))
