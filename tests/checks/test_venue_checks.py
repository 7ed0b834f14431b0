"""
The venue checks on hand-made records: a preprint published since (venue-outdated), a listed
venue the sources contradict (venue-mismatch), what is never a contradiction (a workshop, a
silent or unsure source), notices when Semantic Scholar could not answer or the sources
disagree, which row of several has the venue right, and fixes that never overlap.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from linkwatch.checks import Context, run_checks
from linkwatch.fix.edits import Text, checked, place, superseded
from linkwatch.model import Finding
from linkwatch.model.records import Records
from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source

TABLE = "| Paper | Published in | Code |\n|---|---|---|\n"
ICLR = "International Conference on Learning Representations"
EMNLP = "Conference on Empirical Methods in Natural Language Processing"
VENUE_KINDS = ("venue-outdated", "venue-mismatch", "venue-format", "unverified", "year-mismatch")
ID = "2207.14502"


def row(venue: str, arxiv_id: str = ID, title: str = "A Paper") -> str:
    return f"| [{title}](https://arxiv.org/abs/{arxiv_id}) | {venue} | - |\n"


def paper(comment: str | None = None, posted: str = "2022-07-29") -> ArxivRecord:
    when = datetime.fromisoformat(posted).replace(tzinfo=UTC)
    return ArxivRecord(ID, ArxivStatus.FOUND, 1, "A Paper", when, when, comment)


def s2(**fields: object) -> S2Record:
    return S2Record(ID, S2Status.FOUND, paper_id="abc123", **fields)  # type: ignore[arg-type]


def check(
    tmp_path: Path, rows: str, arxiv: ArxivRecord | None = None, s2: S2Record | None = None
) -> list[Finding]:
    path = tmp_path / "survey.md"
    path.write_text(TABLE + rows, encoding="utf-8")
    survey = parse_survey([read_source(path)])
    records = Records(
        frozenset({"arxiv", "s2"}),
        arxiv={ID: arxiv or paper()},
        s2={ID: s2} if s2 else {},
    )
    return run_checks(Context(survey, records))


def venue_findings(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.line, f.kind) for f in findings if f.kind in VENUE_KINDS]


def only(findings: list[Finding], kind: str) -> Finding:
    (finding,) = [f for f in findings if f.kind == kind]
    return finding


def test_a_preprint_published_since_is_outdated_with_a_safe_fix(tmp_path: Path) -> None:
    """'arxiv 2022' for an ICLR 2023 paper (Semantic Scholar with its DBLP key)."""
    findings = check(tmp_path, row("arxiv 2022"), s2=s2(venue=ICLR, dblp="conf/iclr/HaluptzokBK23"))
    outdated = only(findings, "venue-outdated")
    fix = outdated.problem.fix
    assert fix is not None and (fix.old, fix.new, fix.safe) == ("arxiv 2022", "ICLR 2023", True)
    assert "published at ICLR 2023" in outdated.problem.message
    assert outdated.problem.evidence == "https://www.semanticscholar.org/paper/abc123"
    assert (outdated.problem.expected, outdated.problem.actual) == ("ICLR 2023", "arxiv 2022")


def test_a_comment_alone_gives_a_fix_offered_not_made(tmp_path: Path) -> None:
    findings = check(tmp_path, row("arxiv 2022"), arxiv=paper("Accepted at ICLR 2023"))
    fix = only(findings, "venue-outdated").problem.fix
    assert fix is not None and (fix.new, fix.safe) == ("ICLR 2023", False)


def test_no_year_known_no_fix(tmp_path: Path) -> None:
    outdated = only(check(tmp_path, row("arxiv 2022"), s2=s2(venue=ICLR)), "venue-outdated")
    assert outdated.problem.fix is None
    assert "published at ICLR." in outdated.problem.message


def test_findings_or_main_unknown_is_said_and_not_fixed_unasked(tmp_path: Path) -> None:
    findings = check(tmp_path, row("arxiv 2022"), s2=s2(venue=EMNLP, dblp="conf/emnlp/X22"))
    outdated = only(findings, "venue-outdated")
    assert "its main conference or its Findings" in outdated.problem.message
    assert outdated.problem.fix is not None and not outdated.problem.fix.safe


def test_a_workshop_paper_may_stay_listed_as_its_preprint(tmp_path: Path) -> None:
    comment = "Accepted at the NeurIPS 2023 Workshop on Instruction Tuning"
    assert venue_findings(check(tmp_path, row("arxiv 2022"), arxiv=paper(comment))) == []


def test_silent_sources_say_nothing(tmp_path: Path) -> None:
    preprint = s2(venue="arXiv.org", publication_venue="arXiv.org", journal="ArXiv")
    assert venue_findings(check(tmp_path, row("arxiv 2022"), s2=preprint)) == []
    assert venue_findings(check(tmp_path, row("NeurIPS 2022"), s2=preprint)) == []
    not_found = S2Record(ID, S2Status.NOT_FOUND)
    assert venue_findings(check(tmp_path, row("arxiv 2022"), s2=not_found)) == []


def test_the_right_venue_gives_nothing(tmp_path: Path) -> None:
    record = s2(venue=ICLR, dblp="conf/iclr/X23")
    for venue in ("ICLR 2023", "ICLR 2023 (poster)", "ICLR'23", "ICLR 2022 (Workshop) / ICLR 2023"):
        assert venue_findings(check(tmp_path, row(venue), s2=record)) == [], venue


def test_a_wrong_year_is_a_mismatch(tmp_path: Path) -> None:
    findings = check(tmp_path, row("ICLR 2022"), s2=s2(venue=ICLR, dblp="conf/iclr/X23"))
    mismatch = only(findings, "venue-mismatch")
    fix = mismatch.problem.fix
    assert fix is not None and (fix.old, fix.new, fix.safe) == ("ICLR 2022", "ICLR 2023", True)


def test_another_conference_is_a_mismatch(tmp_path: Path) -> None:
    findings = check(tmp_path, row("NeurIPS 2023"), s2=s2(venue=ICLR, dblp="conf/iclr/X24"))
    assert "Listed as 'NeurIPS 2023', but it was published at ICLR 2024" in (
        only(findings, "venue-mismatch").problem.message
    )


def test_findings_listed_as_the_main_conference_is_a_mismatch(tmp_path: Path) -> None:
    record = s2(venue=EMNLP, acl="2023.findings-emnlp.725")
    mismatch = only(check(tmp_path, row("EMNLP 2023"), s2=record), "venue-mismatch")
    assert "not in the main conference" in mismatch.problem.message
    assert mismatch.problem.fix is not None
    assert mismatch.problem.fix.new == "Findings of EMNLP 2023"


def test_the_main_conference_listed_as_findings_is_a_mismatch(tmp_path: Path) -> None:
    record = s2(venue=EMNLP, acl="2023.emnlp-main.12")
    mismatch = only(check(tmp_path, row("Findings of EMNLP 2023"), s2=record), "venue-mismatch")
    assert "not in its Findings" in mismatch.problem.message


def test_semantic_scholar_alone_never_contradicts_findings(tmp_path: Path) -> None:
    """It files Findings under the main conference: 'Findings of EMNLP 2023' stands."""
    record = s2(venue=EMNLP, dblp="conf/emnlp/X23")
    assert venue_findings(check(tmp_path, row("Findings of EMNLP 2023"), s2=record)) == []
    assert venue_findings(check(tmp_path, row("EMNLP 2023"), s2=record)) == []


def test_a_workshop_is_not_the_main_conference(tmp_path: Path) -> None:
    comment = "Accepted at the NeurIPS 2023 Workshop on Instruction Tuning"
    mismatch = only(check(tmp_path, row("NeurIPS 2023"), arxiv=paper(comment)), "venue-mismatch")
    assert "a workshop is not the main conference" in mismatch.problem.message


def test_a_listed_workshop_is_not_contradicted_by_a_later_conference(tmp_path: Path) -> None:
    record = s2(venue=ICLR, dblp="conf/iclr/X25")
    assert venue_findings(check(tmp_path, row("NeurIPS Workshop 2024"), s2=record)) == []


def test_submitted_is_not_a_claim_to_contradict(tmp_path: Path) -> None:
    record = s2(venue=ICLR, dblp="conf/iclr/X25")
    assert venue_findings(check(tmp_path, row("Submitted to NeurIPS 2024"), s2=record)) == []


def test_semantic_scholar_unanswered_is_a_notice(tmp_path: Path) -> None:
    record = S2Record(ID, S2Status.UNVERIFIED, detail="Semantic Scholar is throttling (HTTP 429)")
    findings = check(tmp_path, row("arxiv 2022"), s2=record)
    notice = only(findings, "unverified")
    assert (notice.severity, notice.problem.message) == (
        "info",
        "Venue not verified: Semantic Scholar is throttling (HTTP 429).",
    )


def test_sources_that_disagree_give_a_notice_not_a_warning(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        row("arxiv 2022"),
        arxiv=paper("Accepted at NeurIPS 2022"),
        s2=s2(venue=ICLR, dblp="conf/iclr/X23"),
    )
    assert venue_findings(findings) == [(3, "unverified")]
    assert "the sources disagree" in findings[0].problem.message


def test_overlapping_fixes_are_each_emitted_and_settled_by_the_fixer(tmp_path: Path) -> None:
    """'Arxiv 2023' (a spelling) for a 2022 preprint (a year) published at ICLR 2023: each
    check offers its own fix; the fixer makes the venue fix, which rewrites the mention the
    other two lie inside (composing the year fix would give 'ICLR 2022'), and reports no
    conflict."""
    findings = check(tmp_path, row("Arxiv 2023"), s2=s2(venue=ICLR, dblp="conf/iclr/X23"))
    assert sorted(venue_findings(findings)) == [
        (3, "venue-format"),
        (3, "venue-outdated"),
        (3, "year-mismatch"),
    ]
    fixes = {f.kind: f.problem.fix for f in findings if f.problem.fix is not None}
    assert {kind: (fix.old, fix.new) for kind, fix in fixes.items()} == {
        "venue-format": ("Arxiv", "arXiv"),
        "venue-outdated": ("Arxiv 2023", "ICLR 2023"),
        "year-mismatch": ("2023", "2022"),
    }
    text = Text.decode((tmp_path / "survey.md").read_bytes(), "survey.md")
    edits = [place(text, kind, fix, "survey.md") for kind, fix in fixes.items()]
    (edit,) = checked(edits, "survey.md")
    assert (edit.kind, edit.old, edit.new) == ("venue-outdated", "Arxiv 2023", "ICLR 2023")
    assert {e.kind for e in superseded(edits)} == {"venue-format", "year-mismatch"}


def test_a_venue_year_the_sources_confirm_is_not_a_year_mismatch(tmp_path: Path) -> None:
    """A December 2023 workshop paper posted to arXiv in January 2024 (2401.17461, GEM)."""
    record = s2(venue="", acl="2023.gem-1.16")
    findings = check(
        tmp_path, row("EMNLP Workshop 2023"), arxiv=paper(posted="2024-01-23"), s2=record
    )
    assert venue_findings(findings) == []


def test_inconsistent_rows_say_which_one_is_right(tmp_path: Path) -> None:
    """'Language Models Can Teach Themselves to Program Better' as 'arxiv 2022' in one table
    and 'ICLR 2023' in another: one finding for both rows, naming the right one."""
    title = "Language Models Can Teach Themselves to Program Better"
    rows = row("arxiv 2022", title=title) + "\n## Code\n\n" + TABLE + row("ICLR 2023", title=title)
    findings = check(tmp_path, rows, s2=s2(venue=ICLR, dblp="conf/iclr/X23"))
    (group,) = [f for f in findings if f.kind == "inconsistent-entry"]
    assert (group.line, group.problem.related_lines) == (3, (9,))
    assert group.problem.message.endswith("line 9 has it right.")
    assert group.problem.expected == "ICLR 2023"


def test_offline_the_online_venue_checks_do_not_run(tmp_path: Path) -> None:
    path = tmp_path / "survey.md"
    path.write_text(TABLE + row("arxiv 2022"), encoding="utf-8")
    findings = run_checks(Context(parse_survey([read_source(path)])))
    assert venue_findings(findings) == []
