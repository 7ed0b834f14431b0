"""
`linkwatch check` online with the loopback arXiv and Semantic Scholar APIs loaded with the real
publications of survey.md's papers (tests/servers/payloads/s2_survey.toml says where each was
found and what S2's answer is modelled on): one Semantic Scholar request, none when warm; the
canonical fixes of '41 ICML' and 'NIPS 2022'; preprints published since; the same paper in two
tables reported together with the row that is right; nothing on rows at their real venue.

Only arXiv links are probed (every other link is excluded), so nothing leaves loopback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from linkwatch.parse import parse_survey
from linkwatch.sources.files import read_source
from tests.conftest import S2, SURVEYS, Arxiv, expected_in
from tests.servers.arxiv import load_papers
from tests.servers.semanticscholar import load_papers as load_s2

NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"
OUTDATED = {
    33, 37, 38, 39, 41, 42, 43, 45, 48, 49, 51, 59, 61, 62, 63, 66, 68, 69, 78, 79, 80, 81, 82,
    83, 84, 91, 92, 93, 94, 98, 99, 100, 101, 102, 105, 154, 155, 156, 162, 207, 234,
}  # fmt: skip
"""Rows listed as 'arxiv YEAR' whose paper was published since (the fixture's sources)."""
UNSURE = {42, 48, 49, 66, 80, 82, 91, 207}
"""ACL and EMNLP papers whose track (main or Findings) no source gives: fix offered only."""
AT_THEIR_VENUE = {36, 152, 169, 173, 187, 190, 191, 192, 193, 210}
"""Rows listing a venue the sources agree with, or cannot contradict: no venue warning."""


def check(run_cli, survey: Path, *args: str) -> tuple[Result, dict]:  # type: ignore[no-untyped-def]
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    result = run_cli(
        "check", survey, "-o", "out", "-f", "json", "--no-progress", "--cache", "cache.sqlite",
        "--exclude", NOT_ARXIV, *args,
    )  # fmt: skip
    return result, json.loads(Path("out/linkwatch.json").read_text())


def loaded(arxiv_api: Arxiv, s2_api: S2) -> None:
    arxiv_api[1].add(*load_papers("arxiv_survey.toml"))
    s2_api[1].add(load_s2("s2_survey.toml"))


def of_kind(data: dict, kind: str) -> dict[int, dict]:
    return {f["line"]: f for f in data["findings"] if f["kind"] == kind}


def test_one_semantic_scholar_request_for_every_paper_none_when_warm(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    loaded(arxiv_api, s2_api)
    _, first = check(run_cli, survey_md)
    (request,) = s2_api[1].requests
    assert len(request.ids) == len(set(request.ids)) == 73
    arxiv_requests = len(arxiv_api[1].requests)
    _, second = check(run_cli, survey_md)
    assert len(s2_api[1].requests) == 1
    assert len(arxiv_api[1].requests) == arxiv_requests
    assert second["summary"]["requests"] == {}
    assert [f["id"] for f in second["findings"]] == [f["id"] for f in first["findings"]]


def test_41_icml_and_nips_2022_get_the_canonical_fix(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    loaded(arxiv_api, s2_api)
    _, data = check(run_cli, survey_md)
    spelling = of_kind(data, "venue-format")
    assert (spelling[36]["fix"]["old"], spelling[36]["fix"]["new"]) == ("41 ICML", "ICML 2024")
    assert (spelling[185]["fix"]["old"], spelling[185]["fix"]["new"]) == ("NIPS", "NeurIPS")


def test_the_same_paper_with_two_venues_is_reported_together_with_the_right_row(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """'Language Models Can Teach Themselves to Program Better': arxiv 2022 (Fine-Tuning),
    ICLR 2023 (Applications > Code), an ICLR 2023 paper."""
    loaded(arxiv_api, s2_api)
    _, data = check(run_cli, survey_md)
    (group,) = [
        f
        for f in data["findings"]
        if f["kind"] == "inconsistent-entry" and "different venue" in f["message"]
        and "2207.14502" in f["message"]
    ]  # fmt: skip
    assert group["line"] == 93
    assert "line 93: 'arxiv 2022'; line 187: 'ICLR 2023'" in group["message"]
    assert group["message"].endswith("line 187 has it right.")
    assert group["expected"] == "ICLR 2023"


def test_preprints_published_since_are_outdated(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    loaded(arxiv_api, s2_api)
    _, data = check(run_cli, survey_md)
    outdated = of_kind(data, "venue-outdated")
    assert set(outdated) == OUTDATED
    assert {line for line, f in outdated.items() if not f["fix"]["safe"]} == UNSURE
    teach = outdated[93]
    assert (teach["fix"]["old"], teach["fix"]["new"], teach["severity"]) == (
        "arxiv 2022",
        "ICLR 2023",
        "warning",
    )
    assert outdated[33]["fix"]["new"] == "Findings of EMNLP 2022"  # Dialogic
    assert outdated[234]["fix"]["new"] == "Findings of ACL 2024"  # FinTral, 'Arxiv 2024'


def test_no_venue_warning_for_a_paper_at_its_real_venue(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    loaded(arxiv_api, s2_api)
    _, data = check(run_cli, survey_md)
    warned = {
        f["line"] for f in data["findings"] if f["kind"] in ("venue-outdated", "venue-mismatch")
    }
    assert warned & AT_THEIR_VENUE == set()
    assert "venue-mismatch" not in data["summary"]["by_kind"]
    assert "unverified" not in data["summary"]["by_kind"]


def test_every_safe_fix_applies_without_overlap(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """Venue, spelling, year and title fixes of one run never edit the same text twice."""
    loaded(arxiv_api, s2_api)
    shutil.copy(survey_md, workdir / "survey.md")
    check(run_cli, Path("survey.md"))
    result = run_cli("fix", "survey.md", "--write", "--report", "out/linkwatch.json")
    assert result.exit_code == 0, result.output
    after = (workdir / "survey.md").read_text().splitlines()
    assert after[92].startswith("|[Language models can teach themselves to program better]")
    assert after[92].endswith("|ICLR 2023|https://github.com/microsoft/PythonProgrammingPuzzles|")


def test_with_semantic_scholar_throttling_the_venues_are_unverified_not_wrong(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """429 on every try: one notice per row, no venue warning; arXiv answered, so not exit 3."""
    loaded(arxiv_api, s2_api)
    s2_api[1].script = [429] * 10
    result, data = check(run_cli, survey_md, "--retries", "1")
    assert result.exit_code != 3
    notices = [f for f in data["findings"] if f["message"].startswith("Venue not verified")]
    rows = [e for e in parse_survey([read_source(survey_md)]).entries if e.arxiv_id and e.venue]
    assert len(notices) == len(rows) == 93  # every row with an arXiv link and a venue
    assert "throttling (HTTP 429) after 2 tries" in notices[0]["message"]
    assert "venue-outdated" not in data["summary"]["by_kind"]
    assert any(
        note.startswith("Semantic Scholar: 73 papers not verified") for note in data["notes"]
    )


VENUE_SURVEYS = sorted((SURVEYS / "online" / "venues").glob("*.md"))


def loaded_for_fixtures(arxiv_api: Arxiv, s2_api: S2) -> None:
    loaded(arxiv_api, s2_api)
    arxiv_api[1].add(*load_papers("arxiv_venues.toml"))
    s2_api[1].add(load_s2("s2_venues.toml"))


@pytest.mark.parametrize("path", VENUE_SURVEYS, ids=[p.stem for p in VENUE_SURVEYS])
def test_venue_fixture_survey_gives_exactly_its_expected_findings(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, path: Path
) -> None:
    """Another real survey, a clean one (nothing), and venues known from arXiv comments."""
    loaded_for_fixtures(arxiv_api, s2_api)
    _, data = check(run_cli, path, "--no-cache")
    assert expected_in(path) == {(f["line"], f["kind"]) for f in data["findings"]}
    assert len(s2_api[1].requests) == 1


def test_the_other_survey_lists_findings_papers_as_main_conference_papers(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli
) -> None:
    """IRIP-BUAA's later list: CORE and GPT3Mix as 'EMNLP 2022' and 'EMNLP 2021'; their ACL
    Anthology IDs (in Semantic Scholar's record) put them in the Findings."""
    loaded_for_fixtures(arxiv_api, s2_api)
    _, data = check(run_cli, SURVEYS / "online" / "venues" / "irip_later.md", "--no-cache")
    mismatch = of_kind(data, "venue-mismatch")
    assert (mismatch[18]["fix"]["new"], mismatch[18]["fix"]["safe"]) == (
        "Findings of EMNLP 2022",
        True,
    )
    assert "not in the main conference" in mismatch[20]["message"]
    assert 19 not in mismatch  # ALIA's row links CORE's ID: its venue is not CORE's


def test_comment_and_recorded_s2_answer_agree_on_wavtokenizer(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli
) -> None:
    loaded_for_fixtures(arxiv_api, s2_api)
    _, data = check(run_cli, SURVEYS / "online" / "venues" / "comments.md", "--no-cache")
    outdated = of_kind(data, "venue-outdated")
    assert (outdated[11]["fix"]["new"], outdated[11]["fix"]["safe"]) == ("ICLR 2025", True)
    assert (outdated[17]["fix"]["new"], outdated[17]["fix"]["safe"]) == ("ICML 2024", False)
    assert outdated[11]["evidence"] == (
        "https://www.semanticscholar.org/paper/ebdbded60f48131ed7ba73807c3c086993a96f89"
    )


def test_after_the_safe_fixes_the_baseline_says_nothing_is_new(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """A finding's id is what it is about (its kind, file and paper or link), not the cell text
    a fix rewrites nor the line: after `linkwatch fix --write`, every finding left persists."""
    loaded(arxiv_api, s2_api)
    survey = workdir / "survey.md"  # a copy: the project's survey.md is never written
    shutil.copy(survey_md, survey)
    _, before = check(run_cli, survey)
    shutil.copy("out/linkwatch.json", "baseline.json")
    fixed = run_cli("fix", survey, "--report", "baseline.json", "--write")
    assert fixed.exit_code == 0, fixed.output
    assert "applied" in fixed.output
    assert survey.read_bytes() != survey_md.read_bytes()
    _, after = check(run_cli, survey, "--baseline", "baseline.json")
    new = [(f["line"], f["kind"]) for f in after["findings"] if f.get("baseline") == "new"]
    assert new == []
    assert len(after["findings"]) < len(before["findings"])
    assert len(after["fixed"]) == len(before["findings"]) - len(after["findings"])
