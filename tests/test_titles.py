"""
Titles compared as a reader sees them: what normalisation removes, and where case, a typo and a
different title begin.
"""

from __future__ import annotations

import pytest

from linkwatch.papers.titles import Likeness, compare, display, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A Survey on In-Context\n  Learning", "A Survey on In-Context Learning"),
        ("Schr\\\"{o}dinger's Cat", "Schrodinger's Cat"),
        ("Schrödinger\u2019s Cat", "Schrodinger's Cat"),
        (
            "{BERT}: Pre-training of Deep \\emph{Bidirectional} Transformers",
            "BERT: Pre-training of Deep Bidirectional Transformers",
        ),
        ("VILA$^2$: VILA Augmented VILA", "VILA2: VILA Augmented VILA"),
        ("An $\\mathcal{O}(n)$ Algorithm", "An O(n) Algorithm"),
        ("Rock \\& Roll -- a “Study” — again.", 'Rock & Roll - a "Study" - again'),
        ("Wait for it...", "Wait for it..."),
        ("for ``Everyone''", 'for "Everyone"'),
        ("Non\u00a0breaking", "Non breaking"),
    ],
)
def test_normalise_keeps_only_what_a_reader_sees(raw: str, expected: str) -> None:
    assert expected == normalise(raw)


@pytest.mark.parametrize(
    ("listed", "actual", "likeness"),
    [
        ("Textbooks Are All You Need.", "Textbooks Are All You Need", Likeness.SAME),
        ("VILA2: VILA Augmented VILA", "VILA$^2$: VILA Augmented VILA", Likeness.SAME),
        ("Textbooks are all you need", "Textbooks Are All You Need", Likeness.CASE),
        ("Conmmon 7B language models", "Common 7B Language Models", Likeness.TYPO),
        (
            "Is Child-Directed Speech Effective",
            "Is Child-Directed Speech Effective?",
            Likeness.TYPO,
        ),
        ("Attention all you need", "Attention Is All You Need", Likeness.TYPO),
        (
            "Language Models are Zero-Shot Reasoners",
            "Language Models are Few-Shot Reasoners",
            Likeness.FAR,
        ),
        ("Attention is all we need", "Attention Is All You Need", Likeness.FAR),
        (
            "Magicoder: Source code is all you need",
            "Magicoder: Empowering Code Generation with OSS-Instruct",
            Likeness.FAR,
        ),
    ],
)
def test_compare_tells_case_typo_and_another_title_apart(
    listed: str, actual: str, likeness: Likeness
) -> None:
    assert likeness == compare(listed, actual).likeness


def test_a_typo_names_the_words_and_says_when_case_differs_too() -> None:
    comparison = compare(
        "MetaMeth: Bootstap your own mathematical questions for large language models",
        "MetaMath: Bootstrap Your Own Mathematical Questions for Large Language Models",
    )
    assert comparison.words == (("MetaMeth:", "MetaMath:"), ("Bootstap", "Bootstrap"))
    assert comparison.case_too


def test_display_gives_one_line_of_plain_letters_and_keeps_math() -> None:
    assert display("Schr\\\"{o}dinger's \\emph{Cat}\n  study") == "Schrödinger's Cat study"
    assert display("VILA$^2$: VILA") == "VILA$^2$: VILA"
