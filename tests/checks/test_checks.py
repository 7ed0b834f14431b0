"""
What each offline check says and the fix it offers, on small surveys.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from linkwatch.checks import KINDS, REGISTRY
from linkwatch.model import Finding
from tests.conftest import findings_of

HEADER = "| Paper | Published in | Code |\n|---|---|---|\n"


def one(findings: list[Finding], kind: str) -> Finding:
    matching = [f for f in findings if f.kind == kind]
    assert len(matching) == 1, [f"{f.line} {f.kind}" for f in findings]
    return matching[0]


def apply_fix(line: str, finding: Finding) -> str:
    fix = finding.problem.fix
    assert fix is not None and fix.column is not None
    assert line[fix.column : fix.column + len(fix.old)] == fix.old
    return line[: fix.column] + fix.new + line[fix.column + len(fix.old) :]


def test_every_check_has_a_docstring_with_an_example(write_survey: Callable[..., Path]) -> None:
    """Each registered check explains what it flags, so the registry documents itself."""
    for check in REGISTRY:
        assert check.run.__doc__ and len(check.run.__doc__.split()) > 8, check.kind
        assert check.kind in KINDS


def test_year_fix_replaces_only_the_year(write_survey: Callable[..., Path]) -> None:
    """'arxiv 2023' for 2212.10560 becomes 'arxiv 2022', nothing else on the row moves."""
    row = "| [Self-Instruct](https://arxiv.org/abs/2212.10560) | arxiv 2023 | 2023 code |"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "year-mismatch")
    assert finding.problem.expected == "2022"
    assert apply_fix(row, finding) == row.replace("arxiv 2023", "arxiv 2022")


def test_venue_format_fix_for_nips(write_survey: Callable[..., Path]) -> None:
    """'NIPS 2022' gets the canonical 'NeurIPS 2022'."""
    row = "| [CodeRL](https://openreview.net/forum?id=x) | NIPS 2022 | - |"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "venue-format")
    assert apply_fix(row, finding) == row.replace("NIPS 2022", "NeurIPS 2022")
    assert finding.problem.fix is not None and finding.problem.fix.safe


def test_venue_format_fix_for_edition_number(write_survey: Callable[..., Path]) -> None:
    """'41 ICML' is the 41st ICML, held in 2024."""
    row = "| [Magicoder](https://arxiv.org/abs/2312.02120) |      41 ICML       | - |"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "venue-format")
    assert apply_fix(row, finding) == row.replace("41 ICML", "ICML 2024")


def test_a_guessed_venue_fix_is_not_safe(write_survey: Callable[..., Path]) -> None:
    """A near miss found by edit distance is offered, but never applied without asking."""
    row = "| [X](https://openreview.net/forum?id=x) | Interspeach 2023 | - |"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "venue-format")
    assert finding.problem.expected == "Interspeech"
    assert finding.problem.fix is not None and not finding.problem.fix.safe


def test_insecure_link_fix_is_https(write_survey: Callable[..., Path]) -> None:
    row = "| [Galactica](http://arxiv.org/abs/2211.09085) | arXiv 2022 | - |"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "insecure-link")
    assert apply_fix(row, finding) == row.replace("http://", "https://")


def test_versioned_link_fix_drops_the_version(write_survey: Callable[..., Path]) -> None:
    row = "|[DeepSeek-Prover](https://arxiv.org/abs/2405.14333v1)|arxiv 2024|-|"
    finding = one(findings_of(write_survey(HEADER + row + "\n")), "versioned-arxiv-link")
    assert apply_fix(row, finding) == row.replace("2405.14333v1", "2405.14333")


def test_two_identical_urls_on_one_row_get_their_own_columns(
    write_survey: Callable[..., Path],
) -> None:
    """The paper and code cells both link http://arxiv.org/...: each fix points at its own."""
    url = "http://arxiv.org/abs/2402.10986"
    row = f"| [FinTral]({url}) | arXiv 2024 | {url} |"
    findings = [
        f for f in findings_of(write_survey(HEADER + row + "\n")) if f.kind == "insecure-link"
    ]
    columns = sorted(f.problem.fix.column for f in findings if f.problem.fix)
    assert columns == [row.index("http://"), row.rindex("http://")]


def test_broken_anchor_suggests_the_closest_heading(write_survey: Callable[..., Path]) -> None:
    text = "* [Go](#aplications)\n\n## Applications\n"
    finding = one(findings_of(write_survey(text)), "broken-anchor")
    assert "#applications" in finding.problem.message
    assert finding.problem.fix is not None and finding.problem.fix.new == "#applications"


def test_anchor_rows_and_findings_agree_case_and_percent_encoding_aside(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    """The links table and broken-anchor come from one rule: '#Related-Work' and
    '#caf%C3%A9' reach their headings in both, '#nope' is broken in both."""
    text = "## Related Work\n\n## Café\n\n- [x](#Related-Work)\n- [y](#caf%C3%A9)\n- [z](#nope)\n"
    (workdir / "survey.md").write_text(text, encoding="utf-8")
    run_cli("check", "--offline", "survey.md", "-f", "json")
    report = json.loads((workdir / "reports" / "linkwatch.json").read_text(encoding="utf-8"))
    assert [(row["url"], row["status"]) for row in report["links"]] == [
        ("#Related-Work", "ok"),
        ("#caf%C3%A9", "ok"),
        ("#nope", "broken"),
    ]
    assert [(f["kind"], f["line"], f["url"]) for f in report["findings"]] == [
        ("broken-anchor", 7, "#nope")
    ]


def test_broken_anchor_suggests_the_first_of_equally_close_headings(
    write_survey: Callable[..., Path],
) -> None:
    """Equally close headings: the suggestion does not depend on set order (hash seed)."""
    text = "* [Go](#graph)\n\n## Graph B\n\n## Graph A\n"
    finding = one(findings_of(write_survey(text)), "broken-anchor")
    assert finding.problem.fix is not None and finding.problem.fix.new == "#graph-a"


def test_duplicate_rows_point_at_the_first(write_survey: Callable[..., Path]) -> None:
    rows = (
        "| [A paper about things](https://arxiv.org/abs/2401.17461) | arXiv 2024 | - |\n"
        "| [Other](https://arxiv.org/abs/2305.07759) | arXiv 2023 | - |\n"
        "| [A Paper About Things](https://arxiv.org/abs/2401.17461) | arXiv 2024 | - |\n"
    )
    finding = one(findings_of(write_survey(HEADER + rows)), "duplicate-entry")
    assert (finding.line, finding.problem.related_lines) == (5, (3,))


def test_inconsistent_venues_are_reported_together(write_survey: Callable[..., Path]) -> None:
    """Three rows of one paper with three venues make one finding naming all three lines."""
    text = (
        "## A\n\n"
        + HEADER
        + "| [Magicoder](https://arxiv.org/abs/2312.02120) | 41 ICML | - |\n\n## B\n\n"
        + HEADER
        + "| [Magicoder](https://arxiv.org/abs/2312.02120) | arxiv 2023 | - |\n\n## C\n\n"
        + HEADER
        + "| [Magicoder](https://arxiv.org/abs/2312.02120) | ICML 2024 | - |\n"
    )
    findings = [f for f in findings_of(write_survey(text)) if f.kind == "inconsistent-entry"]
    assert len(findings) == 1
    assert findings[0].problem.related_lines == (11, 17)
    assert "'41 ICML'" in findings[0].problem.message
    assert "'ICML 2024'" in findings[0].problem.message


def test_code_links_that_add_to_another_rows_agree(write_survey: Callable[..., Path]) -> None:
    """The repository in one row, the repository and its blog post in another: no row is wrong
    (t_llm_inference lists DeepSpeed-FastGen so). A different repository, or none, is not so."""
    repo = "[r](https://github.com/microsoft/DeepSpeed)"
    blog = "[b](https://github.com/microsoft/DeepSpeed/tree/master/blogs/deepspeed-fastgen)"
    row = "| [FastGen](https://arxiv.org/abs/2401.08671) | arXiv 2024 | {} |\n"
    adds = HEADER + row.format(repo) + "\n## B\n\n" + HEADER + row.format(f"{repo} {blog}")
    assert [f.kind for f in findings_of(write_survey(adds))] == []
    other = "[o](https://github.com/other/fastgen)"
    for second in (other, "-"):
        text = HEADER + row.format(repo) + "\n## B\n\n" + HEADER + row.format(second)
        (finding,) = findings_of(write_survey(text))
        assert (finding.kind, finding.line, finding.problem.related_lines) == (
            "inconsistent-entry",
            3,
            (9,),
        )
        assert "different code link" in finding.problem.message


def test_a_row_without_a_year_does_not_disagree_about_it(
    write_survey: Callable[..., Path],
) -> None:
    text = (
        HEADER + "| [Flan-T5](https://arxiv.org/abs/2210.11416) | arXiv 2022 | - |\n"
        "\n## B\n\n" + HEADER + "| [Flan-T5](https://arxiv.org/abs/2210.11416) | arXiv | - |\n"
    )
    assert [f.kind for f in findings_of(write_survey(text))] == []


def test_same_venue_with_another_spelling_is_consistent(write_survey: Callable[..., Path]) -> None:
    """'NIPS 2022' and 'NeurIPS 2022' are the same venue: a format finding, not two venues."""
    text = (
        HEADER + "| [CodeRL](https://arxiv.org/abs/2207.01780) | NIPS 2022 | - |\n"
        "\n## B\n\n"
        + HEADER
        + "| [CodeRL](https://arxiv.org/abs/2207.01780) | NeurIPS 2022 | - |\n"
    )
    kinds = [f.kind for f in findings_of(write_survey(text))]
    assert kinds == ["venue-format"]


def test_identical_findings_get_distinct_stable_ids(write_survey: Callable[..., Path]) -> None:
    """Six empty rows are six findings with six ids, and the ids do not change between runs."""
    path = write_survey(HEADER + "| []() | arXiv 2024 | - |\n" * 6)
    first = [f.id for f in findings_of(path)]
    assert len(set(first)) == 6
    assert first == [f.id for f in findings_of(path)]


def test_a_finding_on_a_generic_link_names_the_paper(write_survey: Callable[..., Path]) -> None:
    """terryum/awesome-deep-learning-papers: 112 findings were about '[pdf]'; they name the
    paper whose link it is. A link outside any entry keeps its own words."""
    path = write_survey(
        "# List\n\n"
        "- **Distilling the knowledge in a neural network** (2015), G. Hinton et al. "
        "[[pdf]](http://arxiv.org/pdf/1503.02531) [code]()\n"
        "- **Deep Residual Learning** (2016), K. He et al. "
        "[[pdf]](https://arxiv.org/pdf/1512.03385)\n\n"
        "See [the listing](http://arxiv.org/list/cs.LG/recent) for more.\n"
    )
    assert [(f.line, f.kind, f.problem.entry_title) for f in findings_of(path)] == [
        (3, "placeholder-link", "Distilling the knowledge in a neural network"),
        (3, "insecure-link", "Distilling the knowledge in a neural network"),
        (6, "insecure-link", "the listing"),
    ]


def test_a_bare_url_that_carries_the_rest_of_a_refused_link(
    write_survey: Callable[..., Path],
) -> None:
    """'[[Website] (https://...)]' and '[[Code (in construction)(https://...)]]' are no links:
    GitHub links the bare URL with its ')]'; a full-width parenthesis stays in the URL too. A
    balanced bracket ('Foo_(bar)') is the URL's own."""
    path = write_survey(
        "# List\n\n"
        "- **ProgPrompt**, ICRA 2023. [[Paper](https://arxiv.org/abs/2209.11302)] "
        "[[Website] (https://progport.github.io/)]\n"
        "- STEMD, arXiv, 2023. [[Code (in construction)(https://github.com/Eaphan/STEMD)]]\n"
        "- Memory Transformer, [[Code]](https://github.com/CXH-Research/StainRestorer\uff09\n"
        "- See https://en.wikipedia.org/wiki/Transformer_(deep_learning) for more.\n"
    )
    found = [f for f in findings_of(path) if f.kind == "malformed-url"]
    assert [(f.line, f.problem.fix.new if f.problem.fix else None) for f in found] == [
        (3, "https://progport.github.io/"),
        (4, "https://github.com/Eaphan/STEMD"),
        (5, "https://github.com/CXH-Research/StainRestorer"),
    ]
    assert "it ends in ')]'" in found[0].problem.message
