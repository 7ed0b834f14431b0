"""
Reports before and after a change that must not change behaviour: `snapshot` writes the JSON
report of every survey the project knows (survey.md offline and online, every fixture survey
under tests/surveys/, and the benchmarks' generated surveys), timestamps and durations removed;
`compare` says which differ and how.

    python benchmarks/compare_reports.py snapshot DIR
    python benchmarks/compare_reports.py compare BEFORE_DIR AFTER_DIR

Online, survey.md is checked against the loopback arXiv, Semantic Scholar, GitHub and Hugging
Face services of the tests, loaded with its papers' and repositories' real states; every other
link is excluded, so nothing leaves the machine.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.big_list import generate as big_list  # noqa: E402
from benchmarks.code_links import services  # noqa: E402
from benchmarks.offline_checks import generate as generated_survey  # noqa: E402
from tests.servers import semanticscholar  # noqa: E402
from tests.servers.arxiv import ArxivState, load_papers, make_app  # noqa: E402
from tests.servers.loopback import serving  # noqa: E402

ONLINE_EXCLUDE = r"^(?!https?://(www\.)?(arxiv\.org|github\.com|huggingface\.co)/.)"
_VOLATILE = ("generated_at", "duration_s")


def snapshot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generated = {
            "generated-2000-rows": generated_survey(2000),
            "big-list-0.3MB": big_list(0.3),
        }
        for name, text in generated.items():
            (work / f"{name}.md").write_text(text, encoding="utf-8")
        surveys = [ROOT / "survey.md", *sorted((ROOT / "tests" / "surveys").rglob("*.md"))]
        surveys += [work / f"{name}.md" for name in generated]
        for survey in surveys:
            name = _name(survey)
            report = _check(survey, work / name, os.environ, "--offline")
            _write(out / f"offline-{name}.json", report)
            print(f"offline {name}")
        _write(out / "online-survey.json", _online(work / "online"))
        print("online survey.md")


def _online(work: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    (work / "linkwatch.toml").write_text("arxiv-delay-seconds = 0.2\n")
    arxiv = ArxivState().add(*load_papers("arxiv_survey.toml"))
    s2 = semanticscholar.S2State().add(semanticscholar.load_papers("s2_survey.toml"))
    with (
        serving(make_app(arxiv)) as arxiv_server,
        serving(semanticscholar.make_app(s2)) as s2_server,
        services() as (github, _, env),
    ):
        github.budget = 10_000
        env = {
            **env,
            "LINKWATCH_ARXIV_API_URL": f"{arxiv_server.url}/api/query",
            "LINKWATCH_S2_API_URL": f"{s2_server.url}/graph/v1",
        }
        remap = ("--remap", rf"^https://github\.com {env['LINKWATCH_PAGES']}")
        return _check(ROOT / "survey.md", work, env, "--exclude", ONLINE_EXCLUDE, *remap)


def _check(survey: Path, work: Path, env: dict[str, str], *extra: str) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "linkwatch", "check", str(survey), "-o", str(work / "out"),
         "-f", "json", "--no-progress", "--no-fail-if-empty", "--cache",
         str(work / "cache.sqlite"), *extra],
        cwd=work, env=env, capture_output=True, check=False, timeout=600,
    )  # fmt: skip
    report = json.loads((work / "out" / "linkwatch.json").read_text(encoding="utf-8"))
    return _stable(report)


def _stable(value: object, volatile: tuple[str, ...] = _VOLATILE) -> object:
    """The report without the keys that change from run to run (times, durations)."""
    if isinstance(value, dict):
        return {k: _stable(v, volatile) for k, v in value.items() if k not in volatile}
    if isinstance(value, list):
        return [_stable(v, volatile) for v in value]
    return value


def _name(survey: Path) -> str:
    try:
        return str(survey.relative_to(ROOT)).replace("/", "--")
    except ValueError:
        return survey.stem


def _write(path: Path, report: object) -> None:
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    differing = 0
    for name in names:
        a, b = before / name, after / name
        if not (a.exists() and b.exists()):
            print(f"{name}: only in {'after' if b.exists() else 'before'}")
            differing += 1
            continue
        old, new = _load(a), _load(b)
        if old == new:
            continue
        differing += 1
        print(f"{name}: differs")
        for key in sorted(set(old) | set(new)):
            if old.get(key) == new.get(key):
                continue
            if isinstance(old.get(key), list) and isinstance(new.get(key), list):
                gone = _items(old[key]) - _items(new[key])
                came = _items(new[key]) - _items(old[key])
                for item in sorted(gone)[:20]:
                    print(f"  - {key}: {item}")
                for item in sorted(came)[:20]:
                    print(f"  + {key}: {item}")
            else:
                print(f"  {key}: {old.get(key)!r} -> {new.get(key)!r}")
    print(f"{len(names)} reports, {len(names) - differing} identical, {differing} differ")
    return 1 if differing else 0


def _load(path: Path) -> dict:
    """A snapshot with the run's scratch folder (where generated surveys live) and the
    checkout (two checkouts may be compared) named alike."""
    scratch = re.escape(tempfile.gettempdir()) + r"/tmp[\w-]+/"
    text = re.sub(scratch, "$WORK/", path.read_text(encoding="utf-8"))
    text = re.sub(r"/[^\"\s]*?/(survey\.md|tests/surveys/)", r"$ROOT/\1", text)
    # Finding ids hash the file's path as given, which differs between two checkouts.
    return _stable(json.loads(text), ("id",))  # type: ignore[return-value]


def _items(values: list) -> set[str]:
    return {json.dumps(v, sort_keys=True, ensure_ascii=False) for v in values}


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["snapshot", out]:
            snapshot(Path(out))
        case ["compare", before, after]:
            raise SystemExit(compare(Path(before), Path(after)))
        case _:
            raise SystemExit(__doc__)
