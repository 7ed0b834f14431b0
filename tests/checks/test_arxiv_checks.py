"""
The checks that read arXiv records: titles (case, typo, another title, an old title), IDs and
versions arXiv does not know, withdrawn and unverified papers, and years from the first version.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from linkwatch.checks import Context, run_checks
from linkwatch.model import Finding
from linkwatch.model.records import Records
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source

TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
MAGICODER = "Magicoder: Empowering Code Generation with OSS-Instruct"


def found(
    key: str,
    title: str,
    published: str = "2023-12-04",
    version: int = 1,
    comment: str | None = None,
) -> ArxivRecord:
    when = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return ArxivRecord(key, ArxivStatus.FOUND, version, title, when, when, comment)


def check(tmp_path: Path, rows: str, *records: ArxivRecord) -> list[Finding]:
    path = tmp_path / "survey.md"
    path.write_text(TABLE + rows, encoding="utf-8")
    survey = parse_survey([read_source(path)])
    arxiv = {record.requested: record for record in records}
    return run_checks(Context(survey, Records(frozenset({"arxiv"}), arxiv=arxiv)))


def of_kind(findings: list[Finding], *kinds: str) -> list[Finding]:
    return [finding for finding in findings if finding.kind in kinds]


def applied(line: str, finding: Finding) -> str:
    fix = finding.problem.fix
    assert fix is not None and fix.column is not None
    assert line[fix.column : fix.column + len(fix.old)] == fix.old
    return line[: fix.column] + fix.new + line[fix.column + len(fix.old) :]


def test_a_typo_names_the_words_and_its_fix_replaces_only_the_title(tmp_path: Path) -> None:
    row = "|[MetaMeth: Bootstap your own questions](https://arxiv.org/abs/2309.12284)|arxiv 2023|-|"
    title = "MetaMath: Bootstrap Your Own Questions"
    (typo,) = of_kind(
        check(tmp_path, row + "\n", found("2309.12284", title, "2023-09-21")),
        "title-typo",
        "title-case",
        "title-mismatch",
    )
    assert typo.kind == "title-typo"
    assert "'MetaMeth:' where arXiv has 'MetaMath:'" in typo.problem.message
    assert "'Bootstap' where arXiv has 'Bootstrap'" in typo.problem.message
    assert applied(row, typo) == row.replace("MetaMeth: Bootstap your own questions", title)


def test_letter_case_alone_is_a_notice_with_the_same_fix(tmp_path: Path) -> None:
    row = "| [ Textbooks are all you need](https://arxiv.org/abs/2306.11644) | arXiv 2023 | - |"
    findings = check(
        tmp_path, row + "\n", found("2306.11644", "Textbooks Are All You Need", "2023-06-20")
    )
    (case,) = of_kind(findings, "title-typo", "title-case", "title-mismatch")
    assert (case.kind, case.severity) == ("title-case", "info")
    assert case.problem.fix is not None and not case.problem.fix.safe  # often deliberate
    assert applied(row, case) == row.replace(
        "Textbooks are all you need", "Textbooks Are All You Need"
    )


def test_another_papers_title_is_a_mismatch_without_a_fix(tmp_path: Path) -> None:
    row = "| [Attention Is All You Need](https://arxiv.org/abs/2312.02120) | arXiv 2023 | - |\n"
    (mismatch,) = of_kind(
        check(tmp_path, row, found("2312.02120", MAGICODER, version=2)),
        "title-typo",
        "title-case",
        "title-mismatch",
    )
    assert mismatch.kind == "title-mismatch"
    assert MAGICODER in mismatch.problem.message
    assert mismatch.problem.fix is None


def test_an_old_title_is_named_as_such_and_the_current_one_offered(tmp_path: Path) -> None:
    row = "| [Magicoder: Source code is all you need](https://arxiv.org/abs/2312.02120) | x | - |"
    records = (
        found("2312.02120", MAGICODER, version=2),
        found("2312.02120v1", "Magicoder: Source Code Is All You Need"),
    )
    (old,) = of_kind(
        check(tmp_path, row + "\n", *records), "title-typo", "title-case", "title-mismatch"
    )
    assert old.kind == "title-mismatch"
    assert old.problem.message == (
        "'Magicoder: Source code is all you need' is the paper's old title (arXiv v1); "
        f"its current title is '{MAGICODER}'."
    )
    assert old.problem.evidence == "https://arxiv.org/abs/2312.02120v1"
    assert applied(row, old) == row.replace("Magicoder: Source code is all you need", MAGICODER)


def test_an_old_title_a_typo_away_is_still_an_old_title(tmp_path: Path) -> None:
    row = "| [Genixer: Empowering Multimodal LLMs](https://arxiv.org/abs/2312.06731) | x | - |\n"
    records = (
        found("2312.06731", "Genixer: Empowering Multimodal LLM", version=2),
        found("2312.06731v1", "Genixer: Empowering Multimodal LLMs"),
    )
    kinds = [
        f.kind for f in of_kind(check(tmp_path, row, *records), "title-typo", "title-mismatch")
    ]
    assert kinds == ["title-mismatch"]


def test_a_math_title_fix_is_offered_but_not_applied_unasked(tmp_path: Path) -> None:
    row = "| [VILA2: VLM Augmented VLM](https://arxiv.org/abs/2407.17453) | arXiv 2024 | - |\n"
    record = found("2407.17453", "VILA$^2$: VLM Augmented VLMs", "2024-07-24")
    (typo,) = of_kind(check(tmp_path, row, record), "title-typo")
    assert typo.problem.fix is not None and not typo.problem.fix.safe


def test_unknown_ids_and_versions_are_not_found(tmp_path: Path) -> None:
    rows = (
        "| [A](https://arxiv.org/abs/2305.99999) | arXiv 2023 | - |\n"
        "| [B](https://arxiv.org/abs/2305.07759v3) | arXiv 2023 | - |\n"
        "| [C](https://arxiv.org/abs/2305.07759v2) | arXiv 2023 | - |\n"
    )
    records = (
        ArxivRecord("2305.99999", ArxivStatus.NOT_FOUND),
        found("2305.07759", "B", "2023-05-12", version=2),
    )
    findings = of_kind(check(tmp_path, rows, *records), "arxiv-not-found")
    assert [(f.line, f.problem.message) for f in findings] == [
        (3, "arXiv has no paper 2305.99999: the API knows no such ID."),
        (4, "arXiv 2305.07759 has no version 3: the latest is v2."),
    ]


def test_a_withdrawn_paper_is_noted(tmp_path: Path) -> None:
    row = "| [W](https://arxiv.org/abs/2305.11111) | arXiv 2023 | - |\n"
    comment = "This paper has been withdrawn by the author due to an error in Lemma 2"
    record = found("2305.11111", "W", "2023-05-18", version=2, comment=comment)
    (withdrawn,) = of_kind(check(tmp_path, row, record), "arxiv-withdrawn")
    assert withdrawn.severity == "info"
    assert comment in withdrawn.problem.message


def test_an_unverified_paper_is_a_notice_not_an_error(tmp_path: Path) -> None:
    row = "| [U](https://arxiv.org/abs/2305.11111) | arXiv 2023 | - |\n"
    record = ArxivRecord("2305.11111", ArxivStatus.UNVERIFIED, detail="HTTP 503 after 4 tries")
    findings = check(tmp_path, row, record)
    assert [(f.kind, f.severity) for f in findings] == [("unverified", "info")]


def test_the_first_versions_date_settles_a_january_id(tmp_path: Path) -> None:
    """2301.00001 was first posted on 30 December 2022. Offline the ID allows 2022 and 2023
    alike; online only 2022 is right, and the row gets one year-mismatch, not two."""
    rows = (
        "| [T](https://arxiv.org/abs/2301.00001) | arXiv 2023 | - |\n"
        "| [T](https://arxiv.org/abs/2301.00001) | arXiv 2022 | - |\n"
        "| [T](https://arxiv.org/abs/2301.00001) | ICML 2022 | - |\n"
    )
    record = found("2301.00001", "T", "2022-12-30")
    findings = of_kind(check(tmp_path, rows, record), "year-mismatch")
    assert [(f.line, f.problem.expected, f.problem.actual) for f in findings] == [
        (3, "2022", "2023")
    ]
    assert "first posted on 2022-12-30" in findings[0].problem.message
    fix = findings[0].problem.fix
    assert fix is not None and (fix.old, fix.new) == ("2023", "2022")
