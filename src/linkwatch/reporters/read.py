"""
Reading a JSON report back (for `linkwatch report` and `--baseline`): validated against the
schema first, and one clear line for a file that is missing, unreadable or not a report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from linkwatch.errors import BadInput
from linkwatch.model.report import SCHEMA_VERSION, Report, from_json
from linkwatch.reporters.json import schema_errors

_LONGEST_REASON = 200


def read_report(path: Path) -> Report:
    """The report `path` holds, or BadInput saying why it holds none."""
    data = _load(path)
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, int) and version != SCHEMA_VERSION:
        raise BadInput(
            f"{path}: report schema_version {version} is not the one this linkwatch reads "
            f"({SCHEMA_VERSION}); re-run 'linkwatch check' to write a new report"
        )
    errors = schema_errors(data)
    if errors:
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise BadInput(f"{path}: not a linkwatch JSON report: {_short(errors[0])}{more}")
    try:
        return from_json(data)
    except (KeyError, TypeError, ValueError) as exc:  # valid by the schema, yet unreadable
        raise BadInput(f"{path}: not a linkwatch JSON report ({exc!r})") from None


_MAX_REPORT_BYTES = 1 << 30  # a report of a 16 MB survey is about 80 MB


def _load(path: Path) -> Any:
    try:
        if path.exists() and not path.is_file() and not path.is_dir():
            raise BadInput(f"{path}: not a regular file; give a JSON report (linkwatch.json)")
        with path.open("rb") as handle:
            data = handle.read(_MAX_REPORT_BYTES + 1)
        if len(data) > _MAX_REPORT_BYTES:
            raise BadInput(f"{path}: over 1 GB, not a linkwatch JSON report")
        return json.loads(data.decode("utf-8-sig"))
    except FileNotFoundError:
        raise BadInput(f"{path}: no such report; run 'linkwatch check' to write one") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a directory; give a JSON report (linkwatch.json)") from None
    except PermissionError:
        raise BadInput(f"{path}: permission denied") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        reason = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise BadInput(f"{path}: not valid JSON ({reason})") from None
    except RecursionError:
        raise BadInput(f"{path}: not a linkwatch JSON report (nested too deeply)") from None
    except ValueError as exc:  # a number of thousands of digits (int_max_str_digits)
        raise BadInput(f"{path}: not a linkwatch JSON report ({_short(str(exc))})") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def _short(reason: str) -> str:
    """Schema messages quote the offending value, which may be a whole report."""
    reason = " ".join(reason.split())
    return reason if len(reason) <= _LONGEST_REASON else reason[: _LONGEST_REASON - 1] + "…"
