"""
parse/speedups.py must change no token: the parser with its shortcuts and markdown-it's own
code give the same token stream (types, maps, contents, attributes, children, the recorded
link sources) on every list in the repository and on generated text full of the characters
the shortcuts must hand back to markdown-it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from linkwatch.parse import speedups
from linkwatch.parse.markdown import configured

ROOT = Path(__file__).parent.parent
LISTS = sorted({*ROOT.glob("tests/surveys/**/*.md"), ROOT / "survey.md"})
# Fragments that steer markdown-it into every branch the shortcuts skip: escapes, nesting,
# angle brackets, code spans, entities, control characters, pipes, images, titles.
FRAGMENTS = [
    "a", "Title", " ", "  ", "\t", "[", "]", "(", ")", "\\", "\\|", "\\]", "\\(", "<", ">",
    "`", "``", "|", "!", "![", "&amp;", "&#93;", "&", "*", "_", "**", "~~", ":", '"', "'",
    "\x7f", "\x01", "http://x.org/a", "https://arxiv.org/abs/2401.00001", "<https://a.b/c>",
    "](", "](http://x.org/p)", '](http://x.org "t")', "](<a b>)", "]: http://ref.org/", "\n",
    "-", "---", ":---:", "[![b](https://img.shields.io/x)](https://github.com/o/r)",
]  # fmt: skip


def tokens(md: MarkdownIt, text: str) -> list[dict]:
    return [token.as_dict() for token in md.parse(text, {})]


@pytest.fixture(scope="module")
def parsers() -> tuple[MarkdownIt, MarkdownIt]:
    return configured(fast=True), configured(fast=False)


@pytest.mark.parametrize("path", LISTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_list_parses_to_the_same_tokens(path: Path, parsers) -> None:
    fast, stock = parsers
    text = path.read_text(encoding="utf-8")
    assert tokens(fast, text) == tokens(stock, text)


def generated(rng: random.Random) -> str:
    def run(n: int) -> str:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, n)))

    shape = rng.randrange(3)
    if shape == 0:  # a table: a header, a delimiter row, rows of tricky cells
        width = rng.randint(1, 4)
        head = "| " + " | ".join(run(3) or "h" for _ in range(width)) + " |"
        rows = ["|" + "|".join(run(6) for _ in range(rng.randint(0, width + 1))) + "|"]
        rows += [" | ".join(run(6) for _ in range(width)) for _ in range(rng.randint(0, 3))]
        return "\n".join([head, "|" + "---|" * width, *rows]) + "\n"
    if shape == 1:  # links with tricky labels and destinations
        return "".join(f"[{run(4)}]({run(4)}) {run(2)}" for _ in range(rng.randint(1, 4)))
    return "- " + run(12) + "\n" + run(12)


def test_generated_text_parses_to_the_same_tokens(parsers) -> None:
    fast, stock = parsers
    rng = random.Random(20261203)
    differing = [
        text
        for text in (generated(rng) for _ in range(4000))
        if tokens(fast, text) != tokens(stock, text)
    ]
    assert differing == []


def test_the_shortcuts_take_the_common_case_and_leave_the_rest(parsers) -> None:
    """The shortcut answers plain destinations itself; escaped and nested ones go to markdown-it
    (which the token comparisons above then check)."""
    plain = speedups.link_destination("(https://arxiv.org/abs/2401.00001) x", 1, 36)
    assert (plain.ok, plain.pos, plain.str) == (True, 33, "https://arxiv.org/abs/2401.00001")
    nested = speedups.link_destination("(https://en.wikipedia.org/wiki/A_(b)) x", 1, 39)
    assert (nested.ok, nested.str) == (True, "https://en.wikipedia.org/wiki/A_(b)")
    assert type(nested) is not speedups._Destination  # markdown-it's own answer


def test_a_parser_with_an_unproven_inline_rule_is_refused() -> None:
    md = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
    with pytest.raises(RuntimeError, match="linkify"):
        speedups.install(md)
