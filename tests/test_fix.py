"""
`linkwatch fix`: the diff is exactly the fixes, --write makes exactly that diff, byte for byte,
anything doubtful (a changed file, a stale report, overlapping fixes that conflict) is refused
untouched, and overlapping fixes that agree are made as one edit.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from linkwatch.errors import BadInput
from linkwatch.fix.edits import Edit
from linkwatch.fix.edits import checked as checked_edits
from linkwatch.fix.patch import unified_diff
from tests.conftest import PROJECT

RunCli = Callable[..., Result]

# One row per offline fix kind, written the awkward ways real surveys are: non-ASCII titles,
# tabs around cells, trailing spaces, uneven padding.
ROWS = (
    "# Überblick: synthetische Daten",
    "",
    "| Paper | Published in | Code |",
    "|---|:---:|---|",
    "| [Über synthetische Daten — ein Überblick 🚀](http://arxiv.org/abs/2305.07759) "
    "| arxiv 2023 | - |   ",
    "|\t[TinyStories: 小さな物語](https://arxiv.org/abs/2306.11644v2)\t|\tNIPS 2023\t|\t-\t|",
    "| [Self-Instruct: Données](https://arxiv.org/abs/2212.10560) |   arxiv 2023   | - |",
    "| [Café au lait](https://arxiv.org/abs/2401.09003) | Arxiv 2024 | http://github.com/x/y |",
)
FIXED = {
    5: "| [Über synthetische Daten — ein Überblick 🚀](https://arxiv.org/abs/2305.07759) "
    "| arxiv 2023 | - |   ",
    6: "|\t[TinyStories: 小さな物語](https://arxiv.org/abs/2306.11644)\t|\tNeurIPS 2023\t|\t-\t|",
    7: "| [Self-Instruct: Données](https://arxiv.org/abs/2212.10560) |   arxiv 2022   | - |",
    8: "| [Café au lait](https://arxiv.org/abs/2401.09003) | arXiv 2024 | https://github.com/x/y |",
}
KINDS_LINE = "6 fixes (insecure-link 2, venue-format 2, versioned-arxiv-link 1, year-mismatch 1)"
STYLES = {
    "lf": ("\n", True, False),
    "crlf": ("\r\n", True, False),
    "crlf-no-final-newline": ("\r\n", False, False),
    "lf-no-final-newline": ("\n", False, False),
    "bom-cr": ("\r", True, True),
}


def survey_bytes(newline: str, final: bool, bom: bool, lines: dict[int, str] | None = None):
    rows = [(lines or {}).get(n, row) for n, row in enumerate(ROWS, 1)]
    text = newline.join(rows) + (newline if final else "")
    return ("\ufeff" if bom else "").encode() + text.encode()


def checked(workdir: Path, run_cli: RunCli, data: bytes, name: str = "survey.md") -> Path:
    """`data` written to `name` in the work folder and checked offline (reports/ written)."""
    path = workdir / name
    path.write_bytes(data)
    result = run_cli("check", "--offline", "-f", "json", "--fail-on", "never", name)
    assert result.exit_code == 0, result.output
    return path


def git_apply(diff: str, folder: Path) -> None:
    patch = folder / "change.diff"
    patch.write_bytes(diff.encode())
    subprocess.run(
        ["git", "apply", "--whitespace=nowarn", str(patch)], cwd=folder, check=True, timeout=30
    )
    patch.unlink()


def report_json(workdir: Path) -> dict:
    return json.loads((workdir / "reports" / "linkwatch.json").read_text(encoding="utf-8"))


def write_report(workdir: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False)
    (workdir / "reports" / "linkwatch.json").write_text(text, encoding="utf-8")


def stdout(result: Result) -> str:
    """Standard output exactly as written (Result.stdout turns CRLF into LF)."""
    return result.stdout_bytes.decode("utf-8")


def only_line(result: Result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("style", STYLES)
def test_the_diff_is_exactly_the_fixes_whatever_the_line_endings(
    workdir: Path, run_cli: RunCli, style: str
) -> None:
    """Each fixed row appears once as '-' and once as '+', with its own line ending, and a
    last line without one is marked so patch tools keep it that way."""
    newline, final, bom = STYLES[style]
    before = survey_bytes(newline, final, bom)
    checked(workdir, run_cli, before)
    result = run_cli("fix")
    assert result.exit_code == 0, result.output
    expected = unified_diff("survey.md", before, survey_bytes(newline, final, bom, FIXED))
    assert expected == stdout(result)
    assert f"survey.md: {KINDS_LINE} from reports/linkwatch.json; --write applies them\n" == (
        result.stderr
    )
    assert before == (workdir / "survey.md").read_bytes()  # no --write: untouched


def test_the_expected_diff_spelled_out(workdir: Path, run_cli: RunCli) -> None:
    """The exact text, for CRLF endings and no final newline."""
    checked(workdir, run_cli, survey_bytes("\r\n", False, False))
    rows = [f"{row}\r\n" for row in ROWS]
    new = {n: f"{row}\r\n" for n, row in FIXED.items()}
    expected = (
        "--- a/survey.md\n+++ b/survey.md\n@@ -2,7 +2,7 @@\n"
        + "".join(" " + rows[n - 1] for n in (2, 3, 4))
        + "".join("-" + rows[n - 1] for n in (5, 6, 7))
        + "-" + ROWS[7] + "\n\\ No newline at end of file\n"
        + "".join("+" + new[n] for n in (5, 6, 7))
        + "+" + FIXED[8] + "\n\\ No newline at end of file\n"
    )  # fmt: skip
    assert expected == stdout(run_cli("fix"))


@pytest.mark.parametrize("style", ["crlf", "crlf-no-final-newline", "lf-no-final-newline"])
def test_write_gives_the_bytes_of_the_applied_diff(
    workdir: Path, run_cli: RunCli, style: str
) -> None:
    """`git apply` of the printed diff and `fix --write` give the same file, byte for byte."""
    newline, final, bom = STYLES[style]
    checked(workdir, run_cli, survey_bytes(newline, final, bom))
    diff = stdout(run_cli("fix"))
    copy = workdir / "copy"
    copy.mkdir()
    shutil.copy(workdir / "survey.md", copy / "survey.md")
    git_apply(diff, copy)
    result = run_cli("fix", "--write")
    assert result.exit_code == 0, result.output
    assert (copy / "survey.md").read_bytes() == (workdir / "survey.md").read_bytes()
    assert survey_bytes(newline, final, bom, FIXED) == (workdir / "survey.md").read_bytes()


def test_a_second_write_changes_nothing_and_says_so(workdir: Path, run_cli: RunCli) -> None:
    checked(workdir, run_cli, survey_bytes("\r\n", False, False))
    assert run_cli("fix", "--write").exit_code == 0
    fixed = (workdir / "survey.md").read_bytes()
    again = run_cli("fix", "--write")
    assert again.exit_code == 0, again.output
    assert again.stdout == ""
    assert (
        again.stderr
        == "survey.md: nothing to fix; 6 fixes from reports/linkwatch.json already made\n"
    )
    assert fixed == (workdir / "survey.md").read_bytes()


def test_fixes_can_be_applied_kind_by_kind_from_one_report(workdir: Path, run_cli: RunCli) -> None:
    """--only picks kinds; a later run with the same report makes the rest, and the result is
    the same as making them all at once."""
    checked(workdir, run_cli, survey_bytes("\n", True, False))
    first = run_cli("fix", "--write", "--only", "insecure-link,year-mismatch")
    assert "applied 3 fixes (insecure-link 2, year-mismatch 1)" in first.stderr
    rest = run_cli("fix", "--write", "--only", "venue-format", "--only", "versioned-arxiv-link")
    assert "applied 3 fixes (venue-format 2, versioned-arxiv-link 1)" in rest.stderr
    assert "3 fixes made earlier" in rest.stderr
    assert survey_bytes("\n", True, False, FIXED) == (workdir / "survey.md").read_bytes()


def test_without_a_report_the_fixes_come_from_a_fresh_offline_check(
    workdir: Path, run_cli: RunCli
) -> None:
    (workdir / "survey.md").write_bytes(survey_bytes("\r\n", True, False))
    result = run_cli("fix", "--write")
    assert result.exit_code == 0, result.output
    assert f"{KINDS_LINE} from a fresh offline check" in result.stderr
    assert not (workdir / "reports").exists()
    assert survey_bytes("\r\n", True, False, FIXED) == (workdir / "survey.md").read_bytes()
    assert "nothing to fix (a fresh offline check)" in run_cli("fix", "--write").stderr


def test_a_file_changed_since_the_report_is_refused_and_left_alone(
    workdir: Path, run_cli: RunCli
) -> None:
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    changed = path.read_bytes().replace(b"Caf\xc3\xa9", b"Cafe")
    path.write_bytes(changed)
    result = run_cli("fix", "--write")
    assert result.exit_code == 2
    assert only_line(result) == (
        "linkwatch: error: survey.md changed since reports/linkwatch.json was made (its sha256 "
        "is not the report's); run 'linkwatch check' again, then 'linkwatch fix'"
    )
    assert changed == path.read_bytes()


def test_a_fix_whose_text_is_not_at_its_place_is_refused(workdir: Path, run_cli: RunCli) -> None:
    """A stale (or hand-edited) report whose digest matches but whose fix points elsewhere."""
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    year = next(f for f in data["findings"] if f["kind"] == "year-mismatch")
    year["fix"]["column"] -= 3
    write_report(workdir, data)
    before = path.read_bytes()
    result = run_cli("fix", "--write")
    assert result.exit_code == 2
    column = year["fix"]["column"]
    assert only_line(result) == (
        f"linkwatch: error: survey.md:7: the year-mismatch fix expects '2023' at column "
        f"{column}, but it is not there; run 'linkwatch check' again, then 'linkwatch fix'"
    )
    assert before == path.read_bytes()


@pytest.mark.parametrize(("kind", "new"), [("venue-format", "ARXIV 2024")])
def test_overlapping_fixes_that_conflict_are_refused(
    workdir: Path, run_cli: RunCli, kind: str, new: str
) -> None:
    """'Arxiv' → 'arXiv' and 'Arxiv 2024' → 'ARXIV 2024' change the same text two ways and
    neither supersedes the other: nothing is written."""
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    venue = next(f for f in data["findings"] if f["kind"] == "venue-format" and f["line"] == 8)
    other = dict(venue, kind=kind, id="x")
    other["fix"] = dict(venue["fix"], old="Arxiv 2024", new=new)
    data["findings"].append(other)
    write_report(workdir, data)
    before = path.read_bytes()
    result = run_cli("fix", "--write")
    assert result.exit_code == 2
    first, second = sorted(["venue-format", kind])
    column = venue["fix"]["column"]
    assert only_line(result) == (
        f"linkwatch: error: survey.md:8: the {first} fix (column {column}) and the {second} "
        f"fix (column {column}) overlap; apply one with --only KIND, then check again"
    )
    assert before == path.read_bytes()


def test_a_venue_rewrite_supersedes_the_spelling_fix_inside_it(
    workdir: Path, run_cli: RunCli
) -> None:
    """'Arxiv' → 'arXiv' inside 'Arxiv 2024' → 'ICLR 2024' (venue-outdated): the rewrite of
    the whole mention is made, the spelling fix is moot, and nothing is refused."""
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    venue = next(f for f in data["findings"] if f["kind"] == "venue-format" and f["line"] == 8)
    other = dict(venue, kind="venue-outdated", id="x")
    other["fix"] = dict(venue["fix"], old="Arxiv 2024", new="ICLR 2024")
    data["findings"].append(other)
    write_report(workdir, data)
    result = run_cli("fix", "--write", "--unsafe")
    assert result.exit_code == 0, result.output
    line = path.read_bytes().splitlines()[7]
    assert b"| ICLR 2024 |" in line and b"rxiv 2024" not in line


def test_overlapping_fixes_of_different_parts_of_a_text_make_one_edit(
    workdir: Path, run_cli: RunCli
) -> None:
    """'Arxiv 2024' → 'arXiv 2024' (the spelling) and 'Arxiv 2024' → 'Arxiv 2023' (the year)
    overlap but change different characters: both hold, in one edit, 'arXiv 2023'."""
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    venue = next(f for f in data["findings"] if f["kind"] == "venue-format" and f["line"] == 8)
    year = dict(venue, kind="year-mismatch", id="x")
    year["fix"] = dict(venue["fix"], old="Arxiv 2024", new="Arxiv 2023")
    data["findings"].append(year)
    write_report(workdir, data)
    result = run_cli("fix", "--write")
    assert result.exit_code == 0, result.output
    assert "applied 7 fixes" in result.stderr
    fixed = FIXED[8].replace("arXiv 2024", "arXiv 2023")
    assert survey_bytes("\n", True, False, {**FIXED, 8: fixed}) == path.read_bytes()
    again = run_cli("fix", "--write")
    assert "nothing to fix; 7 fixes from reports/linkwatch.json already made" in again.stderr


def test_the_same_fix_asked_by_two_findings_is_made_once(workdir: Path, run_cli: RunCli) -> None:
    checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    data["findings"].append(dict(data["findings"][0], id="twin"))
    write_report(workdir, data)
    assert run_cli("fix", "--write").exit_code == 0
    assert survey_bytes("\n", True, False, FIXED) == (workdir / "survey.md").read_bytes()


def test_a_fix_without_a_column_replaces_the_first_occurrence_once(
    workdir: Path, run_cli: RunCli
) -> None:
    """Reports from elsewhere may leave `column` null: the first occurrence on the line is
    replaced, and a second run still recognises the fix as made."""
    checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    for finding in data["findings"]:
        if finding["fix"]:
            finding["fix"]["column"] = None
    write_report(workdir, data)
    assert run_cli("fix", "--write").exit_code == 0
    assert survey_bytes("\n", True, False, FIXED) == (workdir / "survey.md").read_bytes()
    again = run_cli("fix", "--write")
    assert "nothing to fix; 6 fixes from reports/linkwatch.json already made" in again.stderr


def test_a_fix_that_would_add_a_line_break_is_refused(workdir: Path, run_cli: RunCli) -> None:
    checked(workdir, run_cli, survey_bytes("\n", True, False))
    data = report_json(workdir)
    data["findings"][0]["fix"]["new"] += "\n| injected | row | - |"
    write_report(workdir, data)
    result = run_cli("fix")
    assert result.exit_code == 2
    assert "would insert a line break; refusing to apply it" in only_line(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--report", "none.json"], "none.json: no such report; run 'linkwatch check'"),
        (["--only", "typo-kind"], "--only: unknown finding kind 'typo-kind'"),
        (["missing.md"], "missing.md: no such file"),
        (["--report", "survey.md"], "survey.md: not valid JSON"),
        (["--report", "other.json"], "other.json does not cover survey.md (it checked other.md)"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(
    workdir: Path, run_cli: RunCli, args: list[str], message: str
) -> None:
    checked(workdir, run_cli, survey_bytes("\n", True, False))
    (workdir / "other.md").write_bytes(survey_bytes("\n", True, False))
    run_cli("check", "--offline", "-f", "json", "-o", "o", "other.md")
    (workdir / "o" / "linkwatch.json").rename(workdir / "other.json")
    result = run_cli("fix", *args)
    assert result.exit_code == 2
    assert only_line(result).startswith("linkwatch: error: ")
    assert message in only_line(result)


def test_unsafe_fixes_are_left_out_unless_asked(workdir: Path, run_cli: RunCli) -> None:
    """A URL split by a space has a guessed fix: shown only with --unsafe."""
    row = "| [A](https://arxiv.org/abs/2305.07759) | arxiv 2023 | https://huggingface.co/ d/x |"
    path = checked(workdir, run_cli, "\n".join([*ROWS[2:4], row, ""]).encode())
    result = run_cli("fix")
    assert result.stdout == ""
    assert "nothing to fix" in result.stderr
    assert "1 unsafe left out (malformed-url 1): --unsafe includes them" in result.stderr
    assert run_cli("fix", "--unsafe", "--write").exit_code == 0
    assert b"https://huggingface.co/d/x |" in path.read_bytes()


def test_write_keeps_the_mode_and_writes_through_a_symlink(workdir: Path, run_cli: RunCli) -> None:
    real = workdir / "real.md"
    real.write_bytes(survey_bytes("\n", True, False))
    real.chmod(0o640)
    (workdir / "survey.md").symlink_to(real.name)
    assert run_cli("check", "--offline", "-f", "json", "--fail-on", "never").exit_code == 0
    assert run_cli("fix", "--write").exit_code == 0
    assert (workdir / "survey.md").is_symlink()
    assert real.stat().st_mode & 0o777 == 0o640
    assert survey_bytes("\n", True, False, FIXED) == real.read_bytes()


def test_an_interrupted_write_leaves_the_original_intact(workdir: Path, run_cli: RunCli) -> None:
    """The disk refuses the new file half-way (a file-size limit makes it fail like a full
    disk): the survey is unchanged, no temporary file is left, and the error is one line."""
    path = checked(workdir, run_cli, survey_bytes("\n", True, False) * 40)
    before = path.read_bytes()
    limit = len(before) // 2
    code = (
        "import resource, sys; "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
        "from linkwatch.cli import main; sys.argv = ['linkwatch', 'fix', '--write']; main()"
    )
    process = subprocess.run(
        [sys.executable, "-c", code],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert process.returncode == 2, process.stderr
    assert process.stderr == (
        "linkwatch: error: survey.md: could not be written (File too large); it is unchanged\n"
    )
    assert before == path.read_bytes()
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".survey.md.")] == []


def test_an_interrupt_during_the_rename_leaves_the_original_intact(
    workdir: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = checked(workdir, run_cli, survey_bytes("\n", True, False))
    before = path.read_bytes()

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupted)
    result = run_cli("fix", "--write")
    assert result.exit_code == 130
    assert before == path.read_bytes()
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".survey.md.")] == []


def test_colour_only_marks_the_lines(workdir: Path) -> None:
    """Coloured output, once the escape codes are gone, is the plain diff."""
    before, after = survey_bytes("\r\n", False, False), survey_bytes("\r\n", False, False, FIXED)
    coloured = unified_diff("survey.md", before, after, color=True)
    assert "\x1b[32m+" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == unified_diff("survey.md", before, after)


def test_the_project_survey_changes_only_on_the_fixed_lines(workdir: Path, run_cli: RunCli) -> None:
    """On a copy of survey.md: every line the diff touches is a line with a safe fix, each '+'
    line is its '-' line with the fixes made, and every other line is byte-identical."""
    original = (PROJECT / "survey.md").read_bytes()
    checked(workdir, run_cli, original)
    fixes = [f for f in report_json(workdir)["findings"] if f["fix"] and f["fix"]["safe"]]
    assert run_cli("fix", "--write").exit_code == 0
    old_lines = original.split(b"\n")
    new_lines = (workdir / "survey.md").read_bytes().split(b"\n")
    assert len(old_lines) == len(new_lines)
    changed = {n for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=True), 1) if a != b}
    assert {f["fix"]["line"] for f in fixes} == changed
    for number in changed:
        line = old_lines[number - 1].decode()
        for fix in sorted((f["fix"] for f in fixes if f["fix"]["line"] == number),
                          key=lambda fix: -fix["column"]):  # fmt: skip
            start = fix["column"]
            line = line[:start] + fix["new"] + line[start + len(fix["old"]) :]
        assert line.encode() == new_lines[number - 1]
    assert original == (PROJECT / "survey.md").read_bytes()


# An http:// link pinned to a version: insecure-link and versioned-arxiv-link both rewrite it.
PINNED = "| [Gopher](http://arxiv.org/abs/2112.11446v2) | arxiv 2021 | - |"
UNPINNED = "| [Gopher](https://arxiv.org/abs/2112.11446) | arxiv 2021 | - |"
TWO_KINDS = "2 fixes (insecure-link 1, versioned-arxiv-link 1)"


def table(*rows: str) -> bytes:
    return "\n".join([*ROWS[2:4], *rows, ""]).encode()


def test_two_fixes_of_one_url_compose_into_one_edit(workdir: Path, run_cli: RunCli) -> None:
    """http→https and dropping 'v2' both replace the whole URL, yet change different parts of
    it: the diff and --write make both, and a second run has nothing left to do."""
    path = checked(workdir, run_cli, table(PINNED))
    shown = run_cli("fix")
    assert shown.exit_code == 0, shown.output
    assert stdout(shown) == unified_diff("survey.md", table(PINNED), table(UNPINNED))
    assert (
        shown.stderr
        == f"survey.md: {TWO_KINDS} from reports/linkwatch.json; --write applies them\n"
    )
    written = run_cli("fix", "--write")
    assert written.exit_code == 0, written.output
    assert written.stderr == f"survey.md: applied {TWO_KINDS} from reports/linkwatch.json\n"
    assert path.read_bytes().decode().splitlines()[2] == UNPINNED
    again = run_cli("fix", "--write")
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == (
        "survey.md: nothing to fix; 2 fixes from reports/linkwatch.json already made\n"
    )
    assert table(UNPINNED) == path.read_bytes()
    assert run_cli("fix", "--fresh").stderr == "survey.md: nothing to fix (a fresh offline check)\n"


@pytest.mark.parametrize(
    "kinds", [["insecure-link", "versioned-arxiv-link"], ["versioned-arxiv-link", "insecure-link"]]
)
def test_composed_fixes_can_be_made_kind_by_kind(
    workdir: Path, run_cli: RunCli, kinds: list[str]
) -> None:
    """Either fix first with --only, then the other on top of it, from the same report."""
    path = checked(workdir, run_cli, table(PINNED))
    first = run_cli("fix", "--write", "--only", kinds[0])
    assert f"applied 1 fix ({kinds[0]} 1)" in first.stderr
    rest = run_cli("fix", "--write", "--only", kinds[1])
    assert f"applied 1 fix ({kinds[1]} 1) from reports/linkwatch.json; 1 fix made earlier" in (
        rest.stderr
    )
    assert table(UNPINNED) == path.read_bytes()
    assert "nothing to fix; 2 fixes" in run_cli("fix").stderr


def with_fixes(workdir: Path, fixes: list[tuple[str, int, str, str]]) -> None:
    """The report's findings replaced by findings of `(kind, column, old, new)` fixes on the
    third line, the way a report from elsewhere may spell them."""
    data = report_json(workdir)
    model = data["findings"][0]
    data["findings"] = [
        dict(model, kind=kind, id=f"{kind}{n}", fix=dict(model["fix"], column=at, old=old, new=new))
        for n, (kind, at, old, new) in enumerate(fixes)
    ]
    write_report(workdir, data)


# The same URL's fixes spelled as reports may: each the whole URL, or just the part it changes.
URL = "http://arxiv.org/abs/2112.11446v2"
AT = PINNED.index(URL)
THREE = {
    "whole URLs": [
        ("insecure-link", AT, URL, "https://arxiv.org/abs/2112.11446v2"),
        ("versioned-arxiv-link", AT, URL, "http://arxiv.org/abs/2112.11446"),
        ("redirect", AT, URL, "https://arxiv.org/abs/2112.11446"),
    ],
    "parts": [
        ("insecure-link", AT, "http://", "https://"),
        ("versioned-arxiv-link", PINNED.index("11446v2"), "11446v2", "11446"),
        ("redirect", AT, URL, "https://arxiv.org/abs/2112.11446"),
    ],
}


@pytest.mark.parametrize("spelling", THREE)
def test_three_fixes_that_agree_on_one_url(workdir: Path, run_cli: RunCli, spelling: str) -> None:
    """Three fixes of one URL, each holding on top of the others: one edit, made once."""
    path = checked(workdir, run_cli, table(PINNED))
    with_fixes(workdir, THREE[spelling])
    result = run_cli("fix", "--write")
    assert result.exit_code == 0, result.output
    assert "applied 3 fixes (insecure-link 1, redirect 1, versioned-arxiv-link 1)" in (
        result.stderr
    )
    assert table(UNPINNED) == path.read_bytes()
    again = run_cli("fix", "--write")
    assert again.exit_code == 0, again.output
    assert "nothing to fix; 3 fixes from reports/linkwatch.json already made" in again.stderr


@pytest.mark.parametrize(
    ("kind", "line"),
    [("redirect", PINNED.replace("v2", "v3")), ("versioned-arxiv-link", PINNED.replace("v2", ""))],
)
def test_two_fixes_that_conflict_on_one_url_are_refused(
    workdir: Path, run_cli: RunCli, kind: str, line: str
) -> None:
    """Dropping 'v2' and moving to 'v3' change the same characters two ways: nothing is
    written. Either one alone can still be made with --only, and then fix knows it made."""
    path = checked(workdir, run_cli, table(PINNED))
    with_fixes(
        workdir,
        [
            ("versioned-arxiv-link", AT, URL, "http://arxiv.org/abs/2112.11446"),
            ("redirect", AT, URL, "http://arxiv.org/abs/2112.11446v3"),
        ],
    )
    result = run_cli("fix", "--write")
    assert result.exit_code == 2
    assert only_line(result) == (
        f"linkwatch: error: survey.md:3: the redirect fix (column {AT}) and the "
        f"versioned-arxiv-link fix (column {AT}) overlap; apply one with --only KIND, "
        "then check again"
    )
    assert table(PINNED) == path.read_bytes()
    assert run_cli("fix", "--write", "--only", kind).exit_code == 0
    assert table(line) == path.read_bytes()
    again = run_cli("fix", "--write", "--only", kind)
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == (
        "survey.md: nothing to fix; 1 fix from reports/linkwatch.json already made\n"
    )
    assert table(line) == path.read_bytes()


def test_fixes_of_two_urls_on_one_line_are_both_made(workdir: Path, run_cli: RunCli) -> None:
    """The paper link (two fixes, composed) and the code link (one) on the same row."""
    row = "| [Gopher](http://arxiv.org/abs/2112.11446v2) | arxiv 2021 | http://github.com/x/y |"
    path = checked(workdir, run_cli, table(row))
    result = run_cli("fix", "--write")
    assert result.exit_code == 0, result.output
    assert "applied 3 fixes (insecure-link 2, versioned-arxiv-link 1)" in result.stderr
    fixed = "| [Gopher](https://arxiv.org/abs/2112.11446) | arxiv 2021 | https://github.com/x/y |"
    assert table(fixed) == path.read_bytes()
    assert "nothing to fix; 3 fixes from reports/linkwatch.json already made" in (
        run_cli("fix", "--write").stderr
    )


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        # apart: an insertion and a deletion in one span
        ([(0, "http://x/1v2", "https://x/1v2"), (0, "http://x/1v2", "http://x/1")], "https://x/1"),
        # one holds the other: the whole URL and its scheme
        ([(0, "http://x/1v2", "https://x/1"), (0, "http", "https")], "https://x/1"),
        # one holds the other and changes more: the scheme and a new host
        ([(0, "http://x/1", "https://y/1"), (0, "http", "https")], "https://y/1"),
        # a part inside a whole whose other changes are apart from it
        ([(0, "http://x/1v2", "https://x/1"), (9, "1v2", "1")], "https://x/1"),
        # three: the scheme, the version, and a move that also makes the link https
        (
            [
                (0, "http://x/1v2", "https://x/1v2"),
                (0, "http://x/1v2", "http://x/1"),
                (0, "http://x/1v2", "https://y/1v2"),
            ],
            "https://y/1",
        ),
        # the same text two ways
        ([(0, "x/1", "x/2"), (0, "x/1", "x/3")], None),
        # an insertion where another replacement ends: which comes first is a guess
        ([(0, "ab", "AB"), (2, "", "c")], None),
        # the whole undoes what the part does
        ([(0, "http://x/1v2", "https://x/1v3"), (10, "v2", "")], None),
    ],
)
def test_overlapping_edits_compose_when_they_agree(
    edits: list[tuple[int, str, str]], expected: str | None
) -> None:
    """Every order of the edits (and of their kinds' names) gives the same edit, or the same
    refusal."""
    for ordered in itertools.permutations(edits):
        placed = [Edit(f"k{n}", 1, *edit) for n, edit in enumerate(ordered)]
        if expected is None:
            with pytest.raises(BadInput, match="overlap; apply one with --only KIND"):
                checked_edits(placed, "s.md")
        else:
            [edit] = checked_edits(placed, "s.md")
            assert (edit.start, edit.new) == (0, expected)
