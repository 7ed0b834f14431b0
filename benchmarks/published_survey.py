"""
survey.md's papers linked without arXiv, checked against loopback services: which rows were
resolved and by which source (Semantic Scholar's batch by DOI or ACL ID, the page's citation_*
tags), the requests a cold run and a warm run make, and the findings on those rows.

    python benchmarks/published_survey.py

arXiv and Semantic Scholar answer with survey.md's recorded states (tests/servers/payloads/);
the pages are the fixtures of tests/servers/payloads/pages/ where one is that paper's shape,
else a page carrying the row's own title in citation_title (what those ten papers' real pages
say could not be verified here: the figures show routing and requests, not the live web).
GitHub and Hugging Face links are excluded.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import semanticscholar  # noqa: E402
from tests.servers.arxiv import ArxivState, load_papers, make_app  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402
from tests.servers.pages import PagesState, remap  # noqa: E402
from tests.servers.pages import make_app as pages_app  # noqa: E402
from tests.test_published import S2_PAPERS  # noqa: E402

from linkwatch.model.paper_links import paper_link, s2_key  # noqa: E402

FIXTURES = {
    "aclanthology.org/2020.emnlp-main.743/": "acl_anthology.html",
    "openreview.net/forum?id=H8cx0iO-y-9": "openreview_forum.html",
    "proceedings.neurips.cc/paper_files/paper/2022/hash/"
    "639a9a172c044fbb64175b5fad42e9a5-Abstract-Conference.html": "neurips_abstract.html",
    "dl.acm.org/doi/10.1145/3636243.3636256": "acm_dl.html",
}
# Everything but arXiv and the paper pages is excluded: nothing leaves the machine.
EXCLUDE = (
    r"^(?!https?://(www\.)?(arxiv\.org|doi\.org|dl\.acm\.org|aclanthology\.org|"
    r"openreview\.net|proceedings\.neurips\.cc|pnas\.org|cell\.com)/)"
)


def main() -> None:
    report_rows = _rows()
    pages = PagesState({key: _page(key, title) for key, title in report_rows.items()})
    pages.pages.update(FIXTURES)
    pages.redirects["doi.org/10.1145/3636243.3636256"] = "dl.acm.org/doi/10.1145/3636243.3636256"
    arxiv = ArxivState().add(*load_papers("arxiv_survey.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    s2.others.update(S2_PAPERS)
    with (
        serving(make_app(arxiv)) as arxiv_server,
        serving(semanticscholar.make_app(s2)) as s2_server,
        serving(pages_app(pages)) as pages_server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        work = Path(tmp)
        (work / "linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
        env = {
            "LINKWATCH_ARXIV_API_URL": f"{arxiv_server.url}/api/query",
            "LINKWATCH_S2_API_URL": f"{s2_server.url}/graph/v1",
            "PATH": "/usr/bin:/bin",
        }
        args = ["--exclude", EXCLUDE, "--remap", remap(pages_server.url)]
        cold = _check(work, env, args)
        cold_pages, cold_s2 = sum(pages.requests.values()), len(s2.requests)
        _check(work, env, args)
        warm_pages = sum(pages.requests.values()) - cold_pages
        warm_s2 = len(s2.requests) - cold_s2
    print(f"survey.md: {len(report_rows)} entries whose paper is linked without arXiv")
    _show(cold, pages, s2)
    (batch,) = s2.requests[:1]
    others = [i for i in batch.ids if not i.startswith("ARXIV:")]
    print(
        f"\nSemantic Scholar: {cold_s2} request(s) cold, {len(batch.ids)} ids in the batch "
        f"({len(batch.ids) - len(others)} ARXIV:, {len(others)} others: {', '.join(others)})"
    )
    twice = [key for key, n in pages.requests.items() if n > 2]
    print(
        f"pages: {cold_pages} requests cold ({len(pages.requests)} distinct), "
        f"none asked twice in a run: {not twice}"
    )
    print(f"warm run (within --max-age): {warm_pages} page requests, {warm_s2} Semantic Scholar")
    print(f"requests of the cold run by host: {cold['summary'].get('requests')}")


def _rows() -> dict[str, str]:
    """'host/path' of each survey.md entry linked without arXiv → its listed title."""
    out = subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", "--offline", str(ROOT / "survey.md"),
         "-o", "/dev/null", "-f", "json", "--no-progress", "-q"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    del out
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "linkwatch", "check", "--offline", str(ROOT / "survey.md"),
             "-o", tmp, "-f", "json", "--no-progress", "-q", "--fail-on", "never"],
            capture_output=True, check=False,
        )  # fmt: skip
        report = json.loads((Path(tmp) / "linkwatch.json").read_text(encoding="utf-8"))
    rows = {}
    for entry in report["entries"]:
        url = entry.get("paper_url") or ""
        if entry.get("arxiv_id") or paper_link(url) is None:
            continue
        key = url.split("://", 1)[1]
        rows[key] = entry["title"]
    return rows


def _page(key: str, title: str) -> str:
    if key in FIXTURES:
        return FIXTURES[key]
    if key.startswith("doi.org/"):
        return "no_meta.html"
    return f'<html><head><meta name="citation_title" content="{title}"></head></html>'


def _check(work: Path, env: dict[str, str], args: list[str]) -> dict:
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", str(ROOT / "survey.md"), "-o",
         str(work / "out"), "-f", "json", "--no-progress", "--fail-on", "never", "--cache",
         str(work / "cache.sqlite"), *args],
        cwd=work, env={**env, "PYTHONPATH": str(ROOT / "src")}, capture_output=True,
        check=False, timeout=600,
    )  # fmt: skip
    return json.loads((work / "out" / "linkwatch.json").read_text(encoding="utf-8"))


def _show(report: dict, pages: PagesState, s2: semanticscholar.S2State) -> None:
    links = {(row["line"], row["url"]): row for row in report["links"]}
    for entry in report["entries"]:
        url = entry.get("paper_url") or ""
        if entry.get("arxiv_id") or paper_link(url) is None:
            continue
        found = paper_link(url)
        assert found is not None
        key = s2_key(url, None)
        row = links.get((entry["line"], url), {})
        kinds = sorted(
            f["kind"] for f in report["findings"]
            if f["line"] == entry["line"] and f["kind"] not in ("insecure-link",)
        )  # fmt: skip
        known = key is not None and key in s2.others
        said = f"{key} ({'found' if known else 'not indexed'})" if key else "not asked"
        served = pages.pages.get(url.split("://", 1)[1], "")
        tags = "no page" if not served else "no tags" if "no_meta" in served else "tags read"
        print(
            f"  line {entry['line']:>3} {found.kind.value:<10} S2: {said:<44} "
            f"page: {tags:<9} link: {row.get('status', '?'):<7} findings: {', '.join(kinds) or '-'}"
        )


if __name__ == "__main__":
    main()
