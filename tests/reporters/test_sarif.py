"""
`-f sarif`: SARIF 2.1.0 for GitHub code scanning, validated against the OASIS schema shipped in
tests/data/sarif/ (never fetched), one rule per kind, one result per finding.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from jsonschema import Draft7Validator

from linkwatch.model.kinds import KINDS

_PUBLISHED = json.loads(
    (Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text()
)
# The copy keeps the OASIS root object's properties under definitions.Root (see its README):
# validating against that definition checks the whole log, every $ref resolved in the file.
SCHEMA = {**_PUBLISHED, "$ref": "#/definitions/Root"}


def test_survey_md_as_sarif_validates_and_matches_the_json_report(
    workdir: Path, run_cli, survey_md: Path
) -> None:
    shutil.copy(survey_md, workdir / "survey.md")
    result = run_cli("check", "--offline", "survey.md", "-f", "json,sarif", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    sarif = json.loads((workdir / "reports" / "linkwatch.sarif").read_text(encoding="utf-8"))
    report = json.loads((workdir / "reports" / "linkwatch.json").read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(SCHEMA).iter_errors(sarif), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:3]]
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(KINDS)
    results = run["results"]
    assert len(results) == len(report["findings"]) > 50
    first, finding = results[0], report["findings"][0]
    assert first["ruleId"] == finding["kind"]
    assert rules[first["ruleIndex"]]["id"] == finding["kind"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "survey.md"
    assert location["region"]["startLine"] == finding["line"]
    assert first["partialFingerprints"]["linkwatchFindingId/v1"] == finding["id"]
    levels = {r["level"] for r in results}
    assert levels <= {"error", "warning", "note"} and "note" in levels


def test_a_broken_sarif_is_caught_by_the_schema() -> None:
    """The validation can fail: a result without its message is refused."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    assert list(Draft7Validator(SCHEMA).iter_errors(bad))
