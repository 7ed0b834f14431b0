"""
Settings: the command line over the config file over the defaults, plus the environment.

The config file is `linkwatch.toml`, else `[tool.linkwatch]` in `pyproject.toml`. Unknown keys
and wrong types are refused with the key's name, so a typo never silently does nothing.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from linkwatch.errors import BadInput
from linkwatch.model import Severity
from linkwatch.model.kinds import KINDS
from linkwatch.model.redaction import Redactor, proxy_secrets

FORMATS = ("json", "html", "markdown", "github", "sarif")
DEFAULT_FORMATS = ("json", "html", "markdown")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_ARXIV_API_URL = "https://export.arxiv.org/api/query"
_S2_API_URL = "https://api.semanticscholar.org/graph/v1"
_GITHUB_API_URL = "https://api.github.com"
_HF_ENDPOINT = "https://huggingface.co"


@dataclass(frozen=True, slots=True)
class HostRule:
    """A per-host override from the config file: fewer requests in flight, or a pause."""

    concurrency: int | None = None
    delay_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class Services:
    """Where each API lives and the credentials for it; tokens never appear in a repr."""

    arxiv_api_url: str = _ARXIV_API_URL
    s2_api_url: str = _S2_API_URL
    github_api_url: str = _GITHUB_API_URL
    github_graphql_url: str = f"{_GITHUB_API_URL}/graphql"
    hf_endpoint: str = _HF_ENDPOINT
    s2_api_key: str | None = field(default=None, repr=False)
    github_token: str | None = field(default=None, repr=False)
    hf_token: str | None = field(default=None, repr=False)
    proxy_passwords: tuple[str, ...] = field(default=(), repr=False)

    @property
    def redactor(self) -> Redactor:
        """Masks every credential of this run in remote text (model/redaction.py)."""
        return Redactor((self.s2_api_key, self.github_token, self.hf_token, *self.proxy_passwords))

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Services:
        def get(name: str, default: str) -> str:
            return (environ.get(name) or default).rstrip("/")

        github = get("GITHUB_API_URL", _GITHUB_API_URL)
        return cls(
            arxiv_api_url=get("LINKWATCH_ARXIV_API_URL", _ARXIV_API_URL),
            s2_api_url=get("LINKWATCH_S2_API_URL", _S2_API_URL),
            github_api_url=github,
            github_graphql_url=get("GITHUB_GRAPHQL_URL", f"{github}/graphql"),
            hf_endpoint=get("HF_ENDPOINT", _HF_ENDPOINT),
            s2_api_key=environ.get("S2_API_KEY") or None,
            github_token=environ.get("GITHUB_TOKEN") or None,
            hf_token=environ.get("HF_TOKEN") or None,
            proxy_passwords=tuple(proxy_secrets(environ)),
        )


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know; built once, never changed."""

    files: tuple[Path, ...] = ()
    """What to check: files, folders or globs as given, until `inputs.find_inputs` turns them
    into the files themselves; empty for the default (survey.md, else README.md)."""
    output_dir: Path = Path("reports")
    formats: tuple[str, ...] = DEFAULT_FORMATS
    offline: bool = False
    cache_path: Path | None = Path(".linkwatch/cache.sqlite")
    max_age_seconds: float = 86400.0
    arxiv_max_age_seconds: float = 30 * 86400.0
    remap: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    concurrency: int = 256
    host_concurrency: int = 4
    timeout: float = 20.0
    retries: int = 3
    fail_on: str = "error"
    fail_if_empty: bool = False
    """Exit 1 when no paper entry at all was found (a wrong file, or a list the parser misses)."""
    baseline: Path | None = None
    quiet: bool = False
    verbose: bool = False
    progress: bool = True
    arxiv_batch_size: int = 100
    arxiv_delay_seconds: float = 3.0
    max_file_mb: float = 16.0
    ca_bundle: Path | None = None
    """PEM certificates to trust instead of the system's (a company proxy's CA)."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    """Finding kinds silenced everywhere (`ignore = [...]`, `--ignore`, or severity 'off')."""
    hosts: Mapping[str, HostRule] = field(default_factory=dict)
    services: Services = field(default_factory=Services)
    source_url: str | None = None
    """Where the survey is browsable at this commit, for links to its lines (GitHub Actions)."""

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


# Config keys and how to read each; the CLI uses the same names.
_SCALARS: dict[str, type] = {
    "output_dir": str,
    "cache": str,
    "max_age": str,
    "arxiv_max_age": str,
    "concurrency": int,
    "host_concurrency": int,
    "timeout": (int, float),
    "retries": int,
    "fail_on": str,
    "arxiv_batch_size": int,
    "ca_bundle": str,
    "arxiv_delay_seconds": (int, float),
    "max_file_mb": (int, float),
    "fail_if_empty": bool,
}  # type: ignore[dict-item]
_LISTS = ("formats", "remap", "exclude", "files", "ignore")
_TABLES = ("severity", "hosts")


def load_config(path: Path | None, cwd: Path) -> dict[str, Any]:
    """The config as a flat dict of known keys; {} when there is no config file."""
    if path is None:
        path = cwd / "linkwatch.toml"
        if not path.exists():
            return _from_pyproject(cwd / "pyproject.toml")
    elif path.is_dir():
        raise BadInput(f"{path}: a folder, not a config file (give linkwatch.toml's path)")
    elif not path.is_file():
        raise BadInput(f"{path}: config file not found")
    return _validated(_read_toml(path), str(path))


def _from_pyproject(path: Path) -> dict[str, Any]:
    """[tool.linkwatch] of a pyproject.toml; anything else in it is not linkwatch's business
    (a `tool` that is no table is simply not ours), but [tool.linkwatch] must be a table."""
    if not path.is_file():
        return {}
    tool = _read_toml(path).get("tool", {})
    table = tool.get("linkwatch", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise BadInput(f"{path}: [tool] linkwatch should be a table ([tool.linkwatch])")
    return _validated(table, f"{path} [tool.linkwatch]")


def _read_toml(path: Path) -> dict[str, Any]:
    if path.exists() and not path.is_file():  # a FIFO would block the run for ever
        raise BadInput(f"{path}: not a regular file")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"{path}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path}: cannot be read ({exc})") from None


def _validated(raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name in _SCALARS:
            expected = _SCALARS[name]
            if not _is_a(value, expected):
                raise BadInput(f"{where}: '{key}' should be {_type_name(expected)}")
        elif name in _LISTS:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise BadInput(f"{where}: '{key}' should be a list of strings")
        elif name in _TABLES:
            if not isinstance(value, dict):
                raise BadInput(f"{where}: '{key}' should be a table")
        else:
            known = ", ".join(sorted([*_SCALARS, *_LISTS, *_TABLES]))
            raise BadInput(f"{where}: unknown key '{key}' (known keys: {known})")
        config[name] = value
    return config


def _is_a(value: Any, expected: type | tuple[type, ...]) -> bool:
    """TOML's true and false are Python bools, which are ints too: only a bool key takes one."""
    if expected is bool:
        return isinstance(value, bool)
    return not isinstance(value, bool) and isinstance(value, expected)


def _type_name(expected: type | tuple[type, ...]) -> str:
    return (
        "a number"
        if isinstance(expected, tuple)
        else {int: "an integer", str: "a string", bool: "true or false"}[expected]
    )


def build_settings(
    cli: Mapping[str, Any], config: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> Settings:
    """Merge the CLI options (None = not given) over the config over the defaults."""
    merged = {**config, **{k: v for k, v in cli.items() if v is not None and v != ()}}
    if config.get("ignore") and cli.get("ignore"):  # --ignore adds to the config's list
        merged["ignore"] = [*config["ignore"], *cli["ignore"]]
    environ = environ if environ is not None else os.environ
    settings = Settings(services=Services.from_environ(environ), source_url=source_url(environ))
    changes: dict[str, Any] = {}
    for name, value in merged.items():
        changes.update(_setting(name, value))
    silenced = changes.pop("_ignore", frozenset()) | changes.pop("_off", frozenset())
    if silenced:
        changes["ignore"] = frozenset(silenced)
    try:
        return _checked(replace(settings, **changes))
    except TypeError as exc:  # pragma: no cover - a programming error, not user input
        raise BadInput(str(exc)) from None


def source_url(environ: Mapping[str, str]) -> str | None:
    """'https://github.com/OWNER/NAME/blob/SHA' when GitHub Actions says where the run is.

    https://docs.github.com/actions/reference/variables-reference#default-environment-variables
    """
    parts = [environ.get(name, "").strip("/") for name in _SOURCE_VARIABLES]
    return "{}/{}/blob/{}".format(*parts) if all(parts) else None


_SOURCE_VARIABLES = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")


def _setting(name: str, value: Any) -> dict[str, Any]:
    match name:
        case "files":
            return {"files": tuple(Path(v) for v in value)}
        case "output_dir":
            return {"output_dir": Path(value)}
        case "formats":
            return {"formats": parse_formats(value)}
        case "cache":
            return {"cache_path": Path(value)}
        case "no_cache":
            return {"cache_path": None} if value else {}
        case "max_age" | "arxiv_max_age":
            return {f"{name}_seconds": parse_duration(value, name)}
        case "remap":
            return {"remap": tuple(parse_remap(v) for v in value)}
        case "exclude":
            return {"exclude": tuple(_compiled(v, "--exclude") for v in value)}
        case "severity":
            levels = {k: v for k, v in value.items() if not (isinstance(v, str) and v in _OFF)}
            off = {k for k, v in value.items() if isinstance(v, str) and v in _OFF}
            return {"severity": parse_severities(levels), "_off": parse_kinds(off, "severity")}
        case "ignore":
            return {"_ignore": parse_kinds(value, "ignore")}
        case "hosts":
            return {"hosts": parse_hosts(value)}
        case "baseline":
            return {"baseline": Path(value)}
        case "ca_bundle":
            return {"ca_bundle": Path(value)}
        case "no_progress":
            return {"progress": False} if value else {}
        case _ if name in {f.name for f in fields(Settings)}:
            return {name: value}
        case _:  # pragma: no cover - every CLI option is listed above
            raise BadInput(f"unknown setting '{name}'")


def _checked(settings: Settings) -> Settings:
    for name in ("concurrency", "host_concurrency", "arxiv_batch_size"):
        if getattr(settings, name) < 1:
            raise BadInput(f"{name.replace('_', '-')} must be at least 1")
    for name, unit in (("timeout", "seconds"), ("max_file_mb", "MB"),
                       ("arxiv_delay_seconds", "seconds")):  # fmt: skip
        if not math.isfinite(getattr(settings, name)):
            raise BadInput(f"{name.replace('_', '-')} must be a finite number of {unit}")
    for name in ("timeout", "max_file_mb"):
        if getattr(settings, name) <= 0:
            raise BadInput(f"{name.replace('_', '-')} must be more than 0")
    for name in ("retries", "arxiv_delay_seconds"):
        if getattr(settings, name) < 0:
            raise BadInput(f"{name.replace('_', '-')} cannot be negative")
    if settings.fail_on not in ("error", "warning", "never"):
        raise BadInput(f"fail-on must be error, warning or never, not '{settings.fail_on}'")
    return settings


def parse_formats(values: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = [values] if isinstance(values, str) else list(values)
    names = [name.strip() for item in items for name in item.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if not names:
        raise BadInput(f"--format: give at least one of {', '.join(FORMATS)}")
    if unknown:
        raise BadInput(f"unknown format '{unknown[0]}' (choose from {', '.join(FORMATS)})")
    return tuple(dict.fromkeys(names))


def parse_duration(text: str, name: str = "max-age") -> float:
    """'90s', '30m', '12h', '7d', '2w' or plain seconds."""
    match = _DURATION.match(str(text))
    if not match:
        raise BadInput(f"{name}: '{text}' is not a duration (use e.g. 90s, 30m, 12h, 7d)")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def parse_remap(text: str) -> tuple[str, str]:
    """'REGEX REPLACEMENT' as lychee writes it."""
    parts = text.strip().split(None, 1)
    if len(parts) != 2:
        raise BadInput(f"--remap '{text}': give a regular expression and a replacement")
    pattern, replacement = _compiled(parts[0], "--remap"), parts[1]
    try:  # re.sub reads the whole template at once, matched or not: every error shows now
        re.sub(pattern, replacement, "")
    except (re.error, IndexError) as exc:  # IndexError: an unknown group name
        raise BadInput(f"--remap '{text}': the replacement is not valid ({exc})") from None
    return pattern, replacement


def _compiled(pattern: str, option: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise BadInput(f"{option} '{pattern}': not a valid regular expression ({exc})") from None
    return pattern


_OFF = ("off", "ignore")


def parse_kinds(values: Any, option: str) -> frozenset[str]:
    """Finding kinds named by `ignore`, `--ignore` or a severity of 'off'."""
    items = [values] if isinstance(values, str) else list(values)
    kinds = {name.strip() for item in items for name in str(item).split(",") if name.strip()}
    for kind in sorted(kinds):
        if kind not in KINDS:
            raise BadInput(f"{option}: unknown finding kind '{kind}' (linkwatch kinds lists them)")
    return frozenset(kinds)


def parse_severities(table: Mapping[str, Any]) -> dict[str, Severity]:

    result = {}
    for kind, level in table.items():
        if not isinstance(level, str):
            raise BadInput(f"severity.{kind}: give error, warning, info or off, as a string")
        if kind not in KINDS:
            raise BadInput(f"severity: unknown finding kind '{kind}'")
        if level not in {s.value for s in Severity}:
            raise BadInput(f"severity.{kind}: '{level}' is not error, warning, info or off")
        result[kind] = Severity(level)
    return result


def parse_hosts(table: Mapping[str, Any]) -> dict[str, HostRule]:
    rules = {}
    for host, rule in table.items():
        if not isinstance(rule, dict) or set(rule) - {"concurrency", "delay_seconds"}:
            raise BadInput(f"hosts.{host}: give 'concurrency' and/or 'delay_seconds'")
        concurrency, delay = rule.get("concurrency"), rule.get("delay_seconds", 0.0)
        if concurrency is not None and (not isinstance(concurrency, int) or concurrency < 1):
            raise BadInput(f"hosts.{host}.concurrency must be a positive integer")
        if not isinstance(delay, int | float) or not 0 <= delay < math.inf:
            raise BadInput(f"hosts.{host}.delay_seconds must be a finite number of seconds")
        rules[host.lower()] = HostRule(concurrency, float(delay))
    return rules
