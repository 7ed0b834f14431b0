"""
Parsing: every table row becomes an entry and every link a record, each with its line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from linkwatch.model import Role, Survey, Syntax
from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source


def parse(path: Path) -> Survey:
    return parse_survey([read_source(path)])


SURVEY = """\
# Survey

* [Section](#section)

## Section

### Sub

| Paper | Published in | Code/Project |
|---|:---:|:---:|
| [Tinystories](https://arxiv.org/abs/2305.07759) | arxiv 2023 | https://huggingface.co/roneneldan |
[No leading pipe](https://arxiv.org/pdf/2212.10560v2.pdf)|arxiv 2022|[code](https://github.com/a/b)|
| [Ref style][mm] | ICLR 2024 | <https://github.com/c/d> |
| [Old](https://arxiv.org/abs/hep-th/9901001) | arXiv 1999 | - |

Text with https://osf.io/ctgqx/ and <a href="https://example.org/x">html</a>,
then a second line with ![img](https://img.shields.io/badge.svg).

<p><a href="https://example.org/block">in a block</a></p>

[mm]: https://openreview.net/forum?id=abc
"""


def test_rows_become_entries(write_survey: Callable[..., Path]) -> None:
    entries = parse(write_survey(SURVEY)).entries
    assert [e.line for e in entries] == [11, 12, 13, 14]
    first = entries[0]
    assert first.section == ("Survey", "Section", "Sub")
    assert first.section_path == "Survey > Section > Sub"
    assert (first.title, first.paper_url) == ("Tinystories", "https://arxiv.org/abs/2305.07759")
    assert (first.venue, first.code_urls) == ("arxiv 2023", ("https://huggingface.co/roneneldan",))
    assert (first.arxiv_id, first.arxiv_version) == ("2305.07759", None)


def test_arxiv_ids_in_every_form(write_survey: Callable[..., Path]) -> None:
    entries = parse(write_survey(SURVEY)).entries
    assert [(e.arxiv_id, e.arxiv_version) for e in entries] == [
        ("2305.07759", None),
        ("2212.10560", 2),
        (None, None),
        ("hep-th/9901001", None),
    ]


def test_reference_links_resolve(write_survey: Callable[..., Path]) -> None:
    entry = parse(write_survey(SURVEY)).entries[2]
    assert (entry.title, entry.paper_url) == ("Ref style", "https://openreview.net/forum?id=abc")
    assert entry.code_urls == ("https://github.com/c/d",)


def test_every_link_with_its_line_role_and_syntax(write_survey: Callable[..., Path]) -> None:
    links = parse(write_survey(SURVEY)).links
    found = [(link.line, link.role, link.syntax, link.url) for link in links]
    assert found == [
        (3, Role.TOC, Syntax.INLINE, "#section"),
        (11, Role.PAPER, Syntax.INLINE, "https://arxiv.org/abs/2305.07759"),
        (11, Role.CODE, Syntax.BARE, "https://huggingface.co/roneneldan"),
        (12, Role.PAPER, Syntax.INLINE, "https://arxiv.org/pdf/2212.10560v2.pdf"),
        (12, Role.CODE, Syntax.INLINE, "https://github.com/a/b"),
        (13, Role.PAPER, Syntax.REFERENCE, "https://openreview.net/forum?id=abc"),
        (13, Role.CODE, Syntax.AUTOLINK, "https://github.com/c/d"),
        (14, Role.PAPER, Syntax.INLINE, "https://arxiv.org/abs/hep-th/9901001"),
        (16, Role.OTHER, Syntax.BARE, "https://osf.io/ctgqx/"),
        (16, Role.OTHER, Syntax.HTML, "https://example.org/x"),
        (17, Role.OTHER, Syntax.IMAGE, "https://img.shields.io/badge.svg"),
        (19, Role.OTHER, Syntax.HTML, "https://example.org/block"),
        (21, Role.OTHER, Syntax.REFERENCE, "https://openreview.net/forum?id=abc"),
    ]


def test_link_spans_point_at_the_url_as_written(write_survey: Callable[..., Path]) -> None:
    path = write_survey(SURVEY)
    lines = path.read_text().splitlines()
    for link in parse(path).links:
        if link.span is not None:
            assert lines[link.line - 1][link.span.start : link.span.end] == link.url


def test_urls_are_kept_exactly_as_written(write_survey: Callable[..., Path]) -> None:
    """No percent-encoding: a fix must find the original text on its line."""
    text = (
        "| Paper | Venue | Code |\n|---|---|---|\n"
        "| [Cell](https://www.cell.com/iscience/fulltext/S2589-0042(23)00537-0) | x | - |\n"
        "| [仲景](https://github.com/pariskang/CMLM-ZhongJing) | y | - |\n"
    )
    urls = [link.url for link in parse(write_survey(text)).links]
    assert urls == [
        "https://www.cell.com/iscience/fulltext/S2589-0042(23)00537-0",
        "https://github.com/pariskang/CMLM-ZhongJing",
    ]


def test_headings_get_github_anchors(write_survey: Callable[..., Path]) -> None:
    text = "# Applications\n\n## Applications\n\n### Data preparation\n"
    headings = parse(write_survey(text)).headings
    assert [(h.line, h.level, h.slug) for h in headings] == [
        (1, 1, "applications"),
        (3, 2, "applications-1"),
        (5, 3, "data-preparation"),
    ]


def test_line_numbers_survive_crlf_and_multiline_paragraphs(
    write_survey: Callable[..., Path],
) -> None:
    text = "# T\r\n\r\nfirst line\r\nsecond https://a.org/x\r\nthird https://b.org/y\r\n"
    links = parse(write_survey(text)).links
    assert [(link.line, link.url) for link in links] == [
        (4, "https://a.org/x"),
        (5, "https://b.org/y"),
    ]


def test_a_table_that_is_not_about_papers_gives_no_entries(
    write_survey: Callable[..., Path],
) -> None:
    text = "| Option | Default |\n|---|---|\n| timeout | 20 |\n"
    assert parse(write_survey(text)).entries == ()


def test_an_empty_paper_table_gives_no_entries(write_survey: Callable[..., Path]) -> None:
    text = "| Paper | Published in | Code/Project |\n|---|:---:|:---:|\n\n## Next\n"
    survey = parse(write_survey(text))
    assert (survey.entries, survey.table_defects) == ((), ())


def test_reference_definitions_later_in_the_file_are_resolved_in_tables(
    write_survey: Callable[..., Path],
) -> None:
    """Tables are normally handed over as soon as they are parsed; a definition below them
    must still resolve the links above."""
    text = (
        "| Paper | Venue | Code |\n|---|---|---|\n| [A][a] | ICLR 2024 | - |\n\n"
        "[a]: https://openreview.net/forum?id=a\n"
    )
    assert parse(write_survey(text)).entries[0].paper_url == "https://openreview.net/forum?id=a"


def test_several_tables_keep_their_sections(write_survey: Callable[..., Path]) -> None:
    table = "| Paper | Venue | Code |\n|---|---|---|\n| [A](https://a.org/{n}) | ICLR 2024 | - |\n"
    text = "# A\n\n" + table.format(n=1) + "\n# B\n\n## C\n\n" + table.format(n=2)
    entries = parse(write_survey(text)).entries
    assert [(e.section, e.block) for e in entries] == [(("A",), 0), (("B", "C"), 1)]


def test_tokens_are_handed_over_block_by_block() -> None:
    """A long list is never held as one token stream: each top-level table is handed over as
    soon as it is parsed, after paragraphs too (markdown-it-py's lheading rule leaves
    parentType 'paragraph' behind, which once kept every later table in memory)."""
    from linkwatch.parse.markdown import parse

    table = "| Paper | Code |\n|---|---|\n| [A](https://arxiv.org/abs/2401.00001) | - |\n"
    text = "".join(f"## Part {n}\n\nSome words.\n\n{table}\n" for n in range(5))
    batches: list[int] = []
    parse(text, lambda tokens: batches.append(len(tokens)))
    assert len(batches) == 6  # five tables, then what follows the last one
    assert max(batches) < 40
