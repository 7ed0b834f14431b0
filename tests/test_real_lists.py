"""
The thirty-six real paper lists of tests/surveys/real/ (excerpts of awesome lists as their
repositories hold them) read by `linkwatch check`:

- offline, against their hand-checked ground truth (`*.papers.json`): the share of papers read
  right (scored as benchmarks/real_lists.py scores them), three sampled rows per list field by
  field, and the error findings, which are only what cutting an excerpt out of its README
  leaves (a table of contents pointing at headings left out, images beside the README);
- planted defects, one per copy in tests/surveys/real_planted/, each found on its line and
  absent from the unplanted original;
- online, one list and one table against the loopback arXiv, Semantic Scholar, GitHub, Hugging
  Face and web servers: the same entries as offline, and no error but the excerpt's own and the
  links the servers were told to answer 404.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkwatch.cli import cli
from tests.conftest import S2, SURVEYS, Arxiv, GithubServers, Web, serving_github
from tests.servers.arxiv import Paper, paper
from tests.servers.github_repos import FakeGitHubRepos, Repo
from tests.servers.huggingface import FakeHub, HubRepo
from tests.servers.loopback import LoopbackServer, serving

REAL = SURVEYS / "real"
PLANTED = SURVEYS / "real_planted"
EXCERPTS = sorted(REAL.glob("*.md"))
NAMES = [path.stem for path in EXCERPTS]


# ---------------------------------------------------------------------------------------------
# running the CLI


def check(path: Path, out: Path, *args: str) -> dict:
    """`linkwatch check PATH -o OUT -f json` in the current directory; the JSON report."""
    result = CliRunner().invoke(
        cli,
        ["check", str(path), "-o", str(out), "-f", "json", "--no-progress", *args],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads((out / "linkwatch.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The offline report of a file, made once per module (in an empty directory, so that no
    config file of the project applies)."""
    reports: dict[Path, dict] = {}
    where = tmp_path_factory.mktemp("offline")

    def report(path: Path) -> dict:
        if path not in reports:
            with pytest.MonkeyPatch.context() as patch:
                patch.chdir(where)
                out = where / f"{path.parent.name}-{path.stem}"
                reports[path] = check(path, out, "--offline", "--no-cache")
        return reports[path]

    return report


def truth_of(path: Path) -> list[dict]:
    return json.loads(path.with_suffix(".papers.json").read_text(encoding="utf-8"))


def normal(text: str | None) -> str:
    """A title as benchmarks/real_lists.py compares it: NFKC, case, spacing and outer
    punctuation aside."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(text.split()).strip(" .,:;\"'“”*")


def covering(entries: list[dict], line: int) -> list[dict]:
    return [e for e in entries if e["line"] <= line <= e.get("end_line", e["line"])]


def is_right(paper_row: dict, entries: list[dict]) -> bool:
    """The benchmark's rule: an entry covering the paper's line has its title and paper URL."""
    return any(
        normal(e["title"]) == normal(paper_row["title"])
        and (e["paper_url"] or None) == paper_row["paper_url"]
        for e in covering(entries, paper_row["line"])
    )


def at(report: dict, line: int, kind: str) -> list[dict]:
    return [f for f in report["findings"] if f["line"] == line and f["kind"] == kind]


# ---------------------------------------------------------------------------------------------
# 1. offline, every excerpt against its ground truth


def test_the_corpus_is_the_thirty_six_excerpts_with_their_truth() -> None:
    assert len(EXCERPTS) == 36
    assert all(path.with_suffix(".papers.json").is_file() for path in EXCERPTS)
    assert sum(len(truth_of(path)) for path in EXCERPTS) == 1796


@pytest.mark.parametrize("counter", ["count_list_papers.py", "count_table_papers.py"])
def test_the_independent_counters_agree_with_the_truth(counter: str) -> None:
    """The hand counts of tests/surveys/real/ (standard library only, no linkwatch)."""
    result = subprocess.run(
        [sys.executable, str(REAL / counter)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", EXCERPTS, ids=NAMES)
def test_at_least_95_percent_of_the_papers_are_read_right(path: Path, offline) -> None:
    truth = truth_of(path)
    entries = offline(path)["entries"]
    wrong = [f"line {p['line']}: {p['title']!r}" for p in truth if not is_right(p, entries)]
    assert len(truth) - len(wrong) >= 0.95 * len(truth), wrong


@pytest.mark.parametrize("path", EXCERPTS, ids=NAMES)
def test_no_fewer_entries_with_a_paper_url_than_papers_with_one(path: Path, offline) -> None:
    with_url = [e for e in offline(path)["entries"] if e["paper_url"]]
    papers_with_url = [p for p in truth_of(path) if p["paper_url"]]
    assert len(with_url) >= len(papers_with_url)


# Three truth rows per list, by line.
SAMPLES = [
    ("l_cvpr2024", 10),
    ("l_cvpr2024", 25),
    ("l_cvpr2024", 59),
    ("l_graph_cls", 12),
    ("l_graph_cls", 49),
    ("l_graph_cls", 100),
    ("l_label_noise", 36),
    ("l_label_noise", 62),
    ("l_label_noise", 86),
    ("l_ts_transformers", 48),
    ("l_ts_transformers", 61),
    ("l_ts_transformers", 86),
    ("t_pwc", 9),
    ("t_pwc", 14),
    ("t_pwc", 53),
    ("t_super_res", 44),
    ("t_super_res", 56),
    ("t_super_res", 84),
    ("l_anomaly", 26),
    ("l_anomaly", 45),
    ("l_anomaly", 82),
    ("l_gnn", 27),
    ("l_gnn", 31),
    ("l_gnn", 35),
    ("l_graph_llm", 26),
    ("l_graph_llm", 46),
    ("l_graph_llm", 80),
    ("l_xai", 68),
    ("l_xai", 80),
    ("l_xai", 90),
    ("t_llm_eval", 29),
    ("t_llm_eval", 30),
    ("t_llm_eval", 67),
    ("t_rs_change", 11),
    ("t_rs_change", 13),
    ("t_rs_change", 68),
    ("l_agent_papers", 45),
    ("l_agent_papers", 81),
    ("l_agent_papers", 108),
    ("l_applied_ml", 43),
    ("l_applied_ml", 67),
    ("l_applied_ml", 96),
    ("l_code_llm", 14),
    ("l_code_llm", 46),
    ("l_code_llm", 124),
    ("l_diffusion_rl", 37),
    ("l_diffusion_rl", 55),
    ("l_diffusion_rl", 114),
    ("l_dl_roadmap", 31),
    ("l_dl_roadmap", 74),
    ("l_dl_roadmap", 99),
    ("l_foundation", 34),
    ("l_foundation", 80),
    ("l_foundation", 87),
    ("l_diffusion_models", 22),
    ("l_diffusion_models", 42),
    ("l_diffusion_models", 70),
    ("l_llm_reasoning", 18),
    ("l_llm_reasoning", 76),
    ("l_llm_reasoning", 100),
    ("l_long_context", 34),
    ("l_long_context", 73),
    ("l_long_context", 117),
    ("l_llmsurvey", 9),
    ("l_llmsurvey", 87),
    ("l_llmsurvey", 91),
    ("l_mamba", 18),
    ("l_mamba", 78),
    ("l_mamba", 103),
    ("l_model_quant", 23),
    ("l_model_quant", 64),
    ("l_model_quant", 92),
    ("l_plmpapers", 15),
    ("l_plmpapers", 19),
    ("l_plmpapers", 52),
    ("l_rag_survey", 9),
    ("l_rag_survey", 73),
    ("l_rag_survey", 95),
    ("t_agent_survey", 43),
    ("t_agent_survey", 98),
    ("t_agent_survey", 109),
    ("t_awesome_llm", 6),
    ("t_awesome_llm", 34),
    ("t_awesome_llm", 48),
    ("t_efficient_llm", 6),
    ("t_efficient_llm", 13),
    ("t_efficient_llm", 39),
    ("t_iqa", 46),
    ("t_iqa", 89),
    ("t_iqa", 138),
    ("t_llm_inference", 27),
    ("t_llm_inference", 31),
    ("t_llm_inference", 44),
    ("t_mllm", 6),
    ("t_mllm", 26),
    ("t_nlp_progress", 11),
    ("t_nlp_progress", 18),
    ("t_nlp_progress", 91),
    ("t_ml_potw", 81),
    ("t_ml_potw", 91),
    ("t_ml_potw", 93),
    ("t_mllm", 52),
    ("t_video_diffusion", 21),
    ("t_video_diffusion", 31),
    ("t_video_diffusion", 53),
    ("t_video_reasoning", 28),
    ("t_video_reasoning", 76),
    ("t_video_reasoning", 104),
]


def test_three_samples_per_list() -> None:
    names = Counter(name for name, _ in SAMPLES)
    assert names == dict.fromkeys(NAMES, 3)


@pytest.mark.parametrize(("name", "line"), SAMPLES)
def test_a_sampled_row_is_read_field_by_field(name: str, line: int, offline) -> None:
    path = REAL / f"{name}.md"
    (want,) = [p for p in truth_of(path) if p["line"] == line]
    (entry,) = covering(offline(path)["entries"], line)
    got = {
        "title": normal(entry["title"]),
        "paper_url": entry["paper_url"] or None,
        "venue": entry["venue"] if want["venue"] else None,
        "missing code": sorted(set(want["code_urls"]) - set(entry["code_urls"])),
    }
    assert got == {
        "title": normal(want["title"]),
        "paper_url": want["paper_url"],
        "venue": want["venue"],
        "missing code": [],
    }


def test_a_type_badge_is_not_a_venue(offline) -> None:
    (entry,) = covering(offline(REAL / "t_efficient_llm.md")["entries"], 17)
    (want,) = [p for p in truth_of(REAL / "t_efficient_llm.md") if p["line"] == 17]
    assert (want["venue"], entry["venue"]) == (None, "")


# Error findings each excerpt has only because it was cut out of its README: the table of
# contents points at headings left out (broken-anchor), images and figures sit beside the
# README (broken-link to a local file).
EXCERPT_ERRORS = {
    "l_cvpr2024": {},
    "l_graph_cls": {},
    "l_label_noise": {},
    "l_ts_transformers": {},
    "t_pwc": {},
    "t_super_res": {},
    "l_anomaly": {},
    "l_gnn": {"broken-anchor": 4},  # '#content', a heading above the excerpt
    "l_graph_llm": {},
    "l_xai": {},
    "t_llm_eval": {},
    "t_rs_change": {},
    "l_agent_papers": {},
    "l_applied_ml": {"broken-anchor": 14},
    "l_code_llm": {"broken-link": 1},
    "l_diffusion_models": {},
    "l_dl_roadmap": {},
    "l_foundation": {},
    "l_diffusion_rl": {},
    "l_llm_reasoning": {"broken-anchor": 1},  # '#readme-top', an <a name> above the excerpt
    "l_long_context": {},
    "l_mamba": {},
    "l_llmsurvey": {},
    "l_model_quant": {"broken-anchor": 1},
    "l_plmpapers": {"broken-link": 1},
    "l_rag_survey": {},
    "t_agent_survey": {"broken-link": 1},  # assets/architecture-1.png beside the README
    "t_awesome_llm": {},
    "t_efficient_llm": {"broken-link": 35},
    "t_iqa": {"broken-link": 2},
    "t_llm_inference": {"broken-anchor": 3},
    "t_ml_potw": {},
    "t_nlp_progress": {},
    "t_mllm": {},
    "t_video_diffusion": {},
    "t_video_reasoning": {},
}
_SLUG = re.compile(r"[^\w\- ]")


def slugs_of(path: Path) -> set[str]:
    """The anchors the headings of a file make, roughly as GitHub makes them (enough to tell
    that an anchor names no heading of the excerpt)."""
    headings = re.findall(r"^#{1,6}\s+(.*?)\s*#*\s*$", path.read_text(encoding="utf-8"), re.M)
    return {_SLUG.sub("", h.lower()).replace(" ", "-") for h in headings}


def excerpt_artifact(path: Path, finding: dict) -> bool:
    url = finding["url"] or ""
    if finding["kind"] == "broken-anchor":
        return url.startswith("#") and url[1:] not in slugs_of(path)
    if finding["kind"] == "broken-link":
        return (
            not re.match(r"^[a-z]+:", url)
            and f"there is no file {url} beside {path.name}" in finding["message"]
            and not (path.parent / url).exists()
        )
    return False


# Errors that are the lists' own defects, checked by hand: l_dl_roadmap links
# 'http://arxiv.org/pdf/1112.6209.pdf&embed' and a PDF URL with a second URL glued on.
LIST_DEFECTS = {
    "l_dl_roadmap": {(18, "malformed-url"), (45, "malformed-url")},
    "l_label_noise": {(80, "malformed-url")},  # 'openaccess.thecvf.com/...' with no scheme
    "l_ts_transformers": {(10, "placeholder-link"), (11, "placeholder-link")},  # '[[paper]]()'
    "t_pwc": {(26, "broken-link")},  # a title linked to '(nan)'
}


@pytest.mark.parametrize("path", EXCERPTS, ids=NAMES)
def test_the_only_errors_are_the_lists_defects_and_excerpt_artifacts(path: Path, offline) -> None:
    errors = [f for f in offline(path)["findings"] if f["severity"] == "error"]
    defects = LIST_DEFECTS.get(path.stem, set())
    assert {(f["line"], f["kind"]) for f in errors} >= defects
    rest = [f for f in errors if (f["line"], f["kind"]) not in defects]
    assert [f for f in rest if not excerpt_artifact(path, f)] == []
    assert Counter(f["kind"] for f in rest) == EXCERPT_ERRORS[path.stem]


# ---------------------------------------------------------------------------------------------
# 2. planted defects, offline


def test_every_planted_copy_differs_from_its_original_by_one_change() -> None:
    copies = sorted(PLANTED.glob("*.md"))
    assert [p.name for p in copies] == [
        "l_diffusion_rl_typo.md",
        "l_llmsurvey_year.md",
        "l_model_quant_nips.md",
        "l_plmpapers_duplicate.md",
        "t_iqa_http.md",
    ]
    for copy in copies:
        original = REAL / (copy.stem.rsplit("_", 1)[0] + ".md")
        mine, theirs = (p.read_text(encoding="utf-8").splitlines() for p in (copy, original))
        assert mine[0].startswith(
            f"<!-- PLANTED (one change to tests/surveys/real/{original.name})"
        )
        assert mine[0].endswith(theirs[0][len("<!-- ") :])
        body, kept = mine[1:], theirs[1:]
        if len(body) == len(kept):
            assert sum(a != b for a, b in zip(body, kept, strict=True)) == 1, copy.name
        else:
            (extra,) = [n for n in range(len(body)) if body[:n] + body[n + 1 :] == kept]
            assert body[extra] in kept, copy.name


def test_a_duplicated_numbered_item_is_a_duplicate_of_the_first(offline) -> None:
    """l_plmpapers: the BERT item of line 19 copied to line 31."""
    copy = offline(PLANTED / "l_plmpapers_duplicate.md")
    (finding,) = [f for f in copy["findings"] if f["kind"] == "duplicate-entry"]
    assert (finding["line"], finding["severity"]) == (31, "warning")
    assert "the same paper as line 19" in finding["message"]
    assert finding["url"] == "https://arxiv.org/pdf/1810.04805.pdf"
    original = offline(REAL / "l_plmpapers.md")
    assert [f for f in original["findings"] if f["kind"] == "duplicate-entry"] == []
    assert not at(original, 19, "inconsistent-entry") and not at(copy, 19, "inconsistent-entry")


def test_nips_in_a_venue_badge_is_an_old_name(offline) -> None:
    """l_model_quant line 27: the badge Conference-NIPS%202024 (offline: venue-format, the kind
    for a non-canonical spelling; venue-outdated is for papers listed as arXiv only)."""
    copy = offline(PLANTED / "l_model_quant_nips.md")
    (entry,) = covering(copy["entries"], 27)
    assert entry["venue"] == "NIPS 2024"
    (finding,) = [f for f in copy["findings"] if f["kind"].startswith("venue-")]
    assert (finding["line"], finding["kind"], finding["severity"]) == (27, "venue-format", "info")
    assert finding["message"] == "'NIPS' is not the canonical name: write 'NeurIPS'."
    assert (finding["actual"], finding["expected"]) == ("NIPS", "NeurIPS")
    original = offline(REAL / "l_model_quant.md")
    assert covering(original["entries"], 27)[0]["venue"] == "ICML'23"
    assert [f for f in original["findings"] if f["kind"].startswith("venue-")] == []


def test_an_arxiv_year_before_the_first_version_in_a_numbered_list(offline) -> None:
    """l_llmsurvey line 91: 'arXiv 2019' for arXiv 2110.15032 (first posted in 2021)."""
    copy = offline(PLANTED / "l_llmsurvey_year.md")
    (finding,) = at(copy, 91, "year-mismatch")
    assert finding["message"] == (
        "Listed as 'arXiv 2019', but arXiv 2110.15032 was first posted in 2021."
    )
    assert finding["fix"] == {"line": 91, "column": 125, "old": "2019", "new": "2021", "safe": True}
    line = (PLANTED / "l_llmsurvey_year.md").read_text(encoding="utf-8").splitlines()[90]
    assert line[125:129] == "2019"  # the column is a 0-based offset
    others = {f["line"] for f in copy["findings"] if f["kind"] == "year-mismatch"}
    assert others == {72, 91}  # 72: NeurIPS 2022 for a paper first posted in 2023 (real)
    assert not at(offline(REAL / "l_llmsurvey.md"), 91, "year-mismatch")


def test_an_http_arxiv_link_in_an_html_table_row(offline) -> None:
    """t_iqa line 89, the GMSD row (lines 84-90): http://arxiv.org/abs/1308.3052."""
    copy = offline(PLANTED / "t_iqa_http.md")
    (finding,) = [f for f in copy["findings"] if f["kind"] == "insecure-link"]
    assert (finding["line"], finding["url"]) == (89, "http://arxiv.org/abs/1308.3052")
    assert finding["fix"]["line"] == 89
    assert (finding["fix"]["old"], finding["fix"]["new"]) == (
        "http://arxiv.org/abs/1308.3052",
        "https://arxiv.org/abs/1308.3052",
    )
    (entry,) = covering(copy["entries"], 89)
    assert (entry["layout"], entry["line"], entry["paper_url"]) == (
        "html",
        84,
        "http://arxiv.org/abs/1308.3052",
    )
    original = offline(REAL / "t_iqa.md")
    assert [f for f in original["findings"] if f["kind"] == "insecure-link"] == []


# ---------------------------------------------------------------------------------------------
# the loopback services, loaded from an excerpt's own links: the answers are shaped as
# tests/servers/ shape them (after recorded arXiv, GitHub and Hugging Face answers); what they
# hold (papers, repositories, Hub repos) is what the excerpt links, less the one of each kind a
# test wants answered 404.

ARXIV_LINK = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})(?:v(\d+))?")


def first_posted(arxiv_id: str) -> str:
    """The first day of the month a new-style arXiv ID says the paper was first posted (the
    real day is not known here: the excerpts list months, some days)."""
    return f"20{arxiv_id[:2]}-{arxiv_id[2:4]}-01T00:00:00Z"


def arxiv_papers(report: dict) -> list[Paper]:
    """Every arXiv ID an excerpt links, with the title its entry lists, first posted in the
    month its ID says, with as many versions as its links pin."""
    titles = {e["arxiv_id"]: e["title"] for e in report["entries"] if e.get("arxiv_id")}
    versions: dict[str, int] = {}
    for link in report["links"]:
        for arxiv_id, version in ARXIV_LINK.findall(link["url"]):
            versions[arxiv_id] = max(versions.get(arxiv_id, 1), int(version or 1))
    return [
        paper(i, titles.get(i, f"Paper {i}"), first_posted(i), *[titles.get(i, "")] * (n - 1))
        for i, n in sorted(versions.items())
    ]


def github_state(report: dict, missing: str) -> FakeGitHubRepos:
    """Every repository (and page below it) and owner the excerpt links, but `missing`."""
    fake = FakeGitHubRepos()
    paths: dict[str, set[str]] = {}
    for link in report["links"]:
        match = re.match(r"^https://github\.com/([^/?#]+)(?:/([^/?#]+))?/?(.*)$", link["url"])
        if not match:
            continue
        owner, name, tail = match.groups()
        if name is None:
            fake.users[owner] = "User"
        elif f"{owner}/{name}" != missing:
            paths.setdefault(f"{owner}/{name}", set()).update([tail.strip("/")] if tail else [])
    for full_name, below in sorted(paths.items()):
        fake.add(Repo(full_name, paths=tuple(sorted(below))))
    return fake


def hub_state(report: dict, missing: str) -> FakeHub:
    fake = FakeHub()
    for link in report["links"]:
        match = re.match(
            r"^https://huggingface\.co/(?:(datasets|spaces)/)?([^/?#]+)/([^/?#]+)", link["url"]
        )
        if match and match[2] not in ("blog", "collections", "docs", "papers"):
            kind = {"datasets": "dataset", "spaces": "space"}.get(match[1] or "", "model")
            if "/".join(filter(None, match.groups())) != missing:
                fake.repos.append(HubRepo(kind, f"{match[2]}/{match[3]}"))
    return fake


# ---------------------------------------------------------------------------------------------
# 2c. a title typo, online against the loopback arXiv API


NOT_ARXIV = r"^(?!https?://(www\.)?arxiv\.org/)"
MADIFF = "MADiff: Offline Multi-agent Learning with Diffusion Models"


def test_a_title_typo_in_a_bullet_item_is_found_against_arxiv(
    workdir: Path, arxiv_api: Arxiv, s2_api: S2, offline
) -> None:
    """l_diffusion_rl line 22: 'Difusion' for 'Diffusion' in the title of arXiv 2305.17330,
    the arXiv API loaded with every paper of the excerpt under the title the original lists
    (2305.17330's is its real arXiv title)."""
    _, state = arxiv_api
    state.add(*arxiv_papers(offline(REAL / "l_diffusion_rl.md")))
    assert state.papers["2305.17330"].versions[0].title == MADIFF
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    excluded = ("--exclude", NOT_ARXIV, "--no-cache")
    copy = check(PLANTED / "l_diffusion_rl_typo.md", Path("copy"), *excluded)
    (typo,) = [f for f in copy["findings"] if f["kind"] == "title-typo"]
    assert (typo["line"], typo["url"]) == (22, "https://arxiv.org/abs/2305.17330")
    assert "'Difusion' where arXiv has 'Diffusion'" in typo["message"]
    assert (typo["fix"]["line"], typo["fix"]["new"]) == (22, MADIFF)
    assert copy["summary"]["by_kind"].get("arxiv-not-found", 0) == 0
    original = check(REAL / "l_diffusion_rl.md", Path("original"), *excluded)
    assert [f for f in original["findings"] if f["kind"].startswith("title-")] == []
    assert {link["status"] for link in original["links"] if "arxiv.org" in link["url"]} <= {
        "ok",
        "skipped",
    }


# ---------------------------------------------------------------------------------------------
# 3. online end to end


# Per excerpt: the links the servers answer 404 (a web page, a repository, a Hugging Face repo)
# and the hosts of demos the servers cannot stand in for (left out with --exclude).
ONLINE = {
    "l_code_llm": {
        "web": "https://qwenlm.github.io/blog/codeqwen1.5/",
        "github": "microsoft/PyCodeGPT",
        "hub": "microsoft/phi-1",
        "exclude": [],
    },
    "t_mllm": {
        "web": "https://otter.cliangyu.com/",
        "github": "dannyrose30/VCOT",
        "hub": "spaces/dhansmair/flamingo-mini-cap",
        "exclude": [r"^http://\d+\.\d+\.\d+\.\d+:", r"\.gradio\.live/", r"^http://demo\."],
    },
}


@pytest.fixture
def services(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, offline
) -> Iterator[tuple[GithubServers, LoopbackServer, FakeHub]]:
    name = request.node.callspec.params["name"]
    report = offline(REAL / f"{name}.md")
    fake = github_state(report, ONLINE[name]["github"])
    hub = hub_state(report, ONLINE[name]["hub"])
    with serving(hub.app()) as hub_server:
        for github in serving_github(fake):
            monkeypatch.setenv("GITHUB_API_URL", github.api.url)
            monkeypatch.setenv("HF_ENDPOINT", hub_server.url)
            yield github, hub_server, hub


def error_keys(report: dict) -> set[tuple[int, str, str]]:
    return {
        (f["line"], f["kind"], f["url"]) for f in report["findings"] if f["severity"] == "error"
    }


def line_of(report: dict, url: str) -> int:
    (line,) = {link["line"] for link in report["links"] if link["url"] == url}
    return line


@pytest.mark.parametrize("name", sorted(ONLINE))
def test_online_the_entries_are_the_offline_ones_and_the_errors_are_known(
    name: str,
    workdir: Path,
    arxiv_api: Arxiv,
    s2_api: S2,
    web: Web,
    services: tuple[GithubServers, LoopbackServer, FakeHub],
    offline,
) -> None:
    path = REAL / f"{name}.md"
    plan = ONLINE[name]
    before = offline(path)
    _, arxiv_state = arxiv_api
    arxiv_state.add(*arxiv_papers(before))
    site, site_state = web
    github, _, hub = services
    Path("linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    remaps = [
        f"^{re.escape(plan['web'])}$ {site.url}/status/404",
        github.remap,
        rf"^https?://(?!127\.0\.0\.1[:/]).*$ {site.url}/status/200",
    ]
    args = [a for r in remaps for a in ("--remap", r)]
    args += [a for x in plan["exclude"] for a in ("--exclude", x)]
    after = check(path, Path("out"), *args, "--no-cache", "--timeout", "5", "--retries", "1")

    assert after["entries"] == before["entries"]
    repo, hub_repo = f"https://github.com/{plan['github']}", f"https://huggingface.co/{plan['hub']}"
    answered_404 = {
        (line_of(before, plan["web"]), "broken-link", plan["web"]),
        (line_of(before, repo), "repo-not-found", repo),
        (line_of(before, hub_repo), "hf-not-found", hub_repo),
    }
    assert error_keys(after) == error_keys(before) | answered_404
    assert site_state.total("/status/404") >= 1
    assert arxiv_state.requests and all(r.status == 200 for r in arxiv_state.requests)
    assert github.fake.calls and hub.calls
    assert set(after["summary"]["requests"]) == {"127.0.0.1"}
    skipped = [link["url"] for link in after["links"] if link["status"] == "skipped"]
    assert all(any(re.search(x, url) for x in plan["exclude"]) for url in skipped if url), skipped
