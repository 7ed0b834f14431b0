"""
`linkwatch check` online against the loopback arXiv API: the project's survey.md with the real
titles of its papers, the online fixture surveys with their expected findings, the cache, and
what the run says when arXiv is down.

Only arXiv links are checked here: every other link is excluded, so nothing leaves loopback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import S2, SURVEYS, Arxiv, Web, expected_in
from tests.servers.arxiv import load_papers

ONLINE = sorted((SURVEYS / "online").glob("*.md"))
NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"
MAGICODER = "Magicoder: Empowering Code Generation with OSS-Instruct"


def check(run_cli, survey: Path, *args: str) -> tuple[Result, dict]:  # type: ignore[no-untyped-def]
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    result = run_cli(
        "check",
        survey,
        "-o",
        "out",
        "-f",
        "json",
        "--no-progress",
        "--cache",
        "cache.sqlite",
        "--exclude",
        NOT_ARXIV,
        *args,
    )
    return result, json.loads(Path("out/linkwatch.json").read_text())


def by_line(data: dict, kind: str) -> dict[int, dict]:
    return {f["line"]: f for f in data["findings"] if f["kind"] == kind}


def test_survey_md_costs_one_request_and_finds_its_typos_and_old_title(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """73 distinct arXiv IDs, one request; one more for the version 1 titles of the few
    papers listed under another title; the typos fixed to arXiv's titles."""
    _, state = arxiv_api
    state.add(*load_papers("arxiv_survey.toml"))
    _, data = check(run_cli, survey_md)
    first, old = (request.ids for request in state.requests)
    assert len(first) == len(set(first)) == 73
    assert all(key.endswith("v1") for key in old) and len(old) <= 5
    assert data["summary"]["requests"] == {"127.0.0.1": 3}  # and one to Semantic Scholar
    typos = by_line(data, "title-typo")
    assert typos[102]["fix"]["new"] == (
        "MetaMath: Bootstrap Your Own Mathematical Questions for Large Language Models"
    )
    assert "'MetaMeth:' where arXiv has 'MetaMath:'" in typos[102]["message"]
    assert typos[104]["fix"]["new"] == (
        "Common 7B Language Models Already Possess Strong Math Capabilities"
    )
    assert "'Conmmon' where arXiv has 'Common'" in typos[104]["message"]
    renamed = by_line(data, "title-mismatch")
    assert "the paper's old title (arXiv v1)" in renamed[101]["message"]
    assert renamed[101]["fix"]["new"] == MAGICODER
    assert 36 not in renamed  # the row that already has the current title
    assert data["summary"]["by_kind"].get("arxiv-not-found", 0) == 0


def test_survey_md_a_second_run_within_max_age_asks_arxiv_nothing(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    _, state = arxiv_api
    state.add(*load_papers("arxiv_survey.toml"))
    _, first = check(run_cli, survey_md)
    asked = len(state.requests)
    _, second = check(run_cli, survey_md)
    assert len(state.requests) == asked
    assert second["summary"]["requests"] == {}
    assert [f["id"] for f in second["findings"]] == [f["id"] for f in first["findings"]]


def test_the_title_fixes_apply_to_survey_md(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, survey_md: Path
) -> None:
    """`linkwatch fix` puts arXiv's titles in place of the typos, and touches nothing else."""
    _, state = arxiv_api
    state.add(*load_papers("arxiv_survey.toml"))
    shutil.copy(survey_md, workdir / "survey.md")
    check(run_cli, Path("survey.md"))
    result = run_cli(
        "fix", "survey.md", "--write", "--only", "title-typo", "--report", "out/linkwatch.json"
    )
    assert result.exit_code == 0, result.output
    before = survey_md.read_text().splitlines()
    after = (workdir / "survey.md").read_text().splitlines()
    changed = {
        n + 1: line for n, (old, line) in enumerate(zip(before, after, strict=True)) if old != line
    }
    assert set(changed) == {60, 78, 81, 99, 102, 104}
    assert changed[102].startswith(
        "|[MetaMath: Bootstrap Your Own Mathematical Questions for Large Language Models]("
        "https://arxiv.org/abs/2309.12284)|"
    )


@pytest.mark.parametrize("path", ONLINE, ids=[p.stem for p in ONLINE])
def test_online_fixture_survey_gives_exactly_its_expected_findings(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, run_cli, path: Path
) -> None:
    """Typos, wrong years, wrong IDs found on their lines; nothing on the clean rows."""
    _, state = arxiv_api
    state.add(*load_papers("arxiv_fixtures.toml"))
    _, data = check(run_cli, path)
    assert expected_in(path) == {(f["line"], f["kind"]) for f in data["findings"]}
    assert len(state.requests) <= 2


def test_with_arxiv_down_its_papers_are_unverified_and_the_run_exits_3(
    workdir: Path, arxiv_api: Arxiv, run_cli
) -> None:
    """Only arXiv links, arXiv answers 503 every time and Semantic Scholar is out of reach:
    nothing could be verified."""
    _, state = arxiv_api
    state.add(*load_papers("arxiv_fixtures.toml"))
    state.script = [503] * 10
    result, data = check(run_cli, SURVEYS / "online" / "ids.md", "--retries", "1")
    assert result.exit_code == 3
    assert "nothing could be verified" in result.output
    assert len(state.requests) == 2
    kinds = data["summary"]["by_kind"]
    unverified = [f["message"] for f in data["findings"] if f["kind"] == "unverified"]
    assert len([m for m in unverified if "with arXiv" in m]) == 6
    assert len([m for m in unverified if "Semantic Scholar" in m]) == 6
    assert "arxiv-not-found" not in kinds
    assert any("arXiv API: 6 IDs not verified" in note for note in data["notes"])
    statuses = {link["status"] for link in data["links"] if "2113" not in link["url"]}
    assert statuses == {"error"}


def test_with_arxiv_throttling_and_the_web_up_the_run_goes_on(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, web: Web, run_cli
) -> None:
    """429 'Rate exceeded.' on every try: the paper is unverified (a notice), the web link is
    checked, and the exit code is the findings', not 3."""
    _, state = arxiv_api
    site, _ = web
    state.script = [429] * 10
    (workdir / "survey.md").write_text(
        "| Paper | Published in | Code |\n|---|---|---|\n"
        f"| [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | NeurIPS 2017 | "
        f"{site.url}/status/200 |\n"
    )
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    result = run_cli("check", "-o", "out", "-f", "json", "--no-progress", "--retries", "1")
    data = json.loads(Path("out/linkwatch.json").read_text())
    assert result.exit_code == 0, result.output
    (finding,) = data["findings"]
    assert (finding["kind"], finding["severity"]) == ("unverified", "info")
    assert "throttling (HTTP 429)" in finding["message"]
