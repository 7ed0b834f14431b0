"""
SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the format
GitHub code scanning takes through github/codeql-action/upload-sarif, which keeps every result
(no annotation cap): one rule per finding kind, one result per finding at its file and line,
its stable id as the fingerprint so that code scanning tracks an alert across runs and fixes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson

from linkwatch import __version__
from linkwatch.model import Finding, Severity
from linkwatch.model.kinds import KINDS, SUMMARIES
from linkwatch.model.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_INFO_URI = "https://github.com/linkwatch/linkwatch#what-it-checks"


def render(report: Report) -> str:
    return orjson.dumps(to_sarif(report), option=orjson.OPT_INDENT_2).decode() + "\n"


def to_sarif(report: Report) -> dict[str, Any]:
    kinds = list(KINDS)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "linkwatch",
                        "version": __version__,
                        "informationUri": _INFO_URI,
                        "rules": [_rule(kind) for kind in kinds],
                    }
                },
                "results": [_result(f, kinds.index(f.kind)) for f in report.findings],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def _rule(kind: str) -> dict[str, Any]:
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in kind.split("-")),
        "shortDescription": {"text": SUMMARIES[kind]},
        "helpUri": f"{_INFO_URI}",
        "defaultConfiguration": {"level": _LEVEL[KINDS[kind]]},
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    problem = finding.problem
    region: dict[str, Any] = {"startLine": finding.line}
    fix = problem.fix
    if fix is not None and fix.column is not None and fix.line == finding.line:
        region["startColumn"] = fix.column + 1
        region["endColumn"] = fix.column + 1 + len(fix.old)
    text = problem.message
    if problem.url:
        text += f" ({problem.url})"
    result: dict[str, Any] = {
        "ruleId": finding.kind,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.file)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"linkwatchFindingId/v1": finding.id},
    }
    if finding.baseline:
        result["baselineState"] = "new" if finding.baseline == "new" else "unchanged"
    return result


def _uri(file: str) -> str:
    """The file relative to the working directory (the repository root in Actions), as code
    scanning wants it; a file outside it as a file:// URI."""
    path = Path(file)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return (
            Path(os.path.relpath(path)).as_posix()
            if path.is_relative_to(Path.cwd())
            else path.as_uri()
        )
    except ValueError:
        return path.as_uri()
