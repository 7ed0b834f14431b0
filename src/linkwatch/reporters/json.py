"""
The JSON report: the report data serialised, checked against the shipped JSON Schema.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from linkwatch.errors import BadInput
from linkwatch.reporters.report import Report, from_json, to_json


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


def load(path: Path) -> Report:
    """A JSON report read back and validated, or BadInput saying why it cannot be used."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"{path}: no such report; run 'linkwatch check' to write one") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{path}: not a readable JSON report ({exc})") from None
    errors = schema_errors(data)
    if errors:
        raise BadInput(f"{path}: not a linkwatch report ({errors[0]})")
    return from_json(data)
