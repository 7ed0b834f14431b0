"""
The JSON report: the report data serialised, checked against the shipped JSON Schema.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from linkwatch.reporters.report import Report, to_json


def render(report: Report) -> str:
    data = to_json(report)
    validate(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@cache
def schema() -> dict[str, Any]:
    text = resources.files("linkwatch.reporters").joinpath("schema.json").read_text()
    return json.loads(text)


def validate(data: Any) -> None:
    """Raise jsonschema.ValidationError when `data` is not a valid report."""
    Draft202012Validator(schema()).validate(data)


def schema_errors(data: Any) -> list[str]:
    """Every way `data` fails the schema, as 'path: message' lines."""
    validator = Draft202012Validator(schema())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in validator.iter_errors(data)
    ]
