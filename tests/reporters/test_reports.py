"""
Reports: every format renders the same report; the JSON validates and reads back.
"""

from __future__ import annotations

import json

import orjson
import pytest

from linkwatch.checks import Context, run_checks
from linkwatch.model import LinkOutcome, LinkStatus
from linkwatch.model.report import InputFile, LinkRow, Report, from_json, to_json
from linkwatch.parse import parse_survey
from linkwatch.parse.sections import with_sections
from linkwatch.reporters import FORMATS
from linkwatch.reporters import json as json_report
from linkwatch.reporters import markdown as markdown_report
from linkwatch.reporters.json import schema_errors
from linkwatch.settings import FORMATS as FORMAT_NAMES
from linkwatch.sources.files import read_source
from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def report() -> Report:
    source = read_source(PROJECT / "survey.md")
    survey = parse_survey([source])
    return Report(
        generated_at="2026-11-25T12:00:00Z",
        inputs=(InputFile(source.path, source.sha256),),
        entries=survey.entries,
        links=tuple(
            LinkRow(link, LinkOutcome(LinkStatus.SKIPPED, "offline")) for link in survey.links
        ),
        findings=tuple(with_sections(run_checks(Context(survey)), survey.headings)),
    )


def test_every_format_name_has_a_renderer() -> None:
    assert set(FORMAT_NAMES) == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders(report: Report, name: str) -> None:
    text = FORMATS[name].render(report)
    assert "year-mismatch" in text


def test_json_report_validates_against_the_schema(report: Report) -> None:
    data = json.loads(FORMATS["json"].render(report))
    assert schema_errors(data) == []
    assert data["summary"]["findings"] == {"error": 8, "warning": 26, "info": 24}


def test_json_reads_back_into_the_same_report(report: Report) -> None:
    data = to_json(report)
    assert to_json(from_json(data)) == data
    assert report.findings == from_json(data).findings


@pytest.mark.parametrize("copies", [0, 1, 3, 2000])
def test_json_streamed_in_chunks_is_the_whole_report_encoded_at_once(
    report: Report, copies: int
) -> None:
    """Each long list is encoded in chunks and re-indented: the text must be, byte for byte,
    what encoding the whole report at once gives, for empty lists, one item, a partial chunk
    and many chunks (2,000 copies of the survey's findings pass 500 items many times)."""
    sized = Report(
        report.generated_at,
        report.inputs,
        report.entries[:copies],
        report.links[: copies * 3],
        report.findings * copies,
        fixed=report.findings[:copies],
    )
    whole = orjson.dumps(to_json(sized), option=orjson.OPT_INDENT_2) + b"\n"
    pieces = list(json_report.stream(sized))
    assert b"".join(pieces) == whole
    assert json.loads(whole)["summary"]["findings"]["error"] == 8 * copies
    if copies == 2000:
        assert max(map(len, pieces)) < len(whole) / 20  # never the whole text at once


def test_json_findings_name_their_section(report: Report) -> None:
    data = to_json(report)
    first = data["findings"][0]
    assert (first["line"], first["section"]) == (26, "Types of Data Synthesis and Augmentation")


def test_schema_rejects_a_broken_report(report: Report) -> None:
    data = to_json(report)
    data["findings"][0]["severity"] = "fatal"
    del data["summary"]["entries"]
    errors = schema_errors(data)
    assert len(errors) == 2


def test_markdown_stays_within_a_github_comment(report: Report) -> None:
    many = Report(
        report.generated_at, report.inputs, report.entries, report.links, report.findings * 200
    )
    text = markdown_report.render(many)
    assert len(text) <= markdown_report.GITHUB_COMMENT_LIMIT
    assert "more findings not shown" in text


def test_html_escapes_what_comes_from_the_survey(report: Report) -> None:
    finding = report.findings[0]
    hostile = type(finding.problem)(
        finding.problem.file,
        finding.problem.line,
        "<script>alert(1)</script>",
        entry_title='<img onerror="x">',
    )
    evil = Report(
        report.generated_at,
        report.inputs,
        (),
        (),
        (type(finding)(finding.kind, finding.severity, hostile, "x"),),
    )
    html = FORMATS["html"].render(evil)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img onerror" not in html


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["findings"][0].update(severity="fatal"),
        lambda d: d["findings"][0].update(kind="Title Typo"),
        lambda d: d["findings"][0].update(line=0),
        lambda d: d["findings"][1].update(fix={"line": 3, "old": "", "new": "x"}),
        lambda d: d["findings"][0].update(section=None),
        lambda d: d["links"][0].update(status="fine"),
        lambda d: d["links"][0].update(elapsed_ms=-1),
        lambda d: d["entries"][0].pop("title"),
        lambda d: d["summary"]["findings"].pop("info"),
        lambda d: d.update(generated_at="yesterday"),
        lambda d: d.update(schema_version=2),
        lambda d: d.update(compared_with={"file": "x"}),
    ],
)
def test_the_quick_check_and_jsonschema_agree_on_broken_reports(report: Report, break_it) -> None:
    data = json.loads(json.dumps(to_json(report)))
    break_it(data)
    assert len(schema_errors(data)) == 1
    assert not json_report._valid(data)
