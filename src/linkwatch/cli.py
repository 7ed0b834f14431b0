"""
The command line: parses options into Settings and hands over to the pipeline; nothing else.

Every failure the user can cause ends in one line on stderr and exit code 2 (3 when the checks
could not run), never a traceback.
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from linkwatch import __version__
from linkwatch.errors import BadInput
from linkwatch.settings import Settings, build_settings, load_config, parse_formats
from linkwatch.sources.inputs import find_inputs

# The stages (aiohttp, the resolvers, the checks) are imported by the command that runs them,
# so `linkwatch --help` starts in a fraction of the time.

REPORT_FORMATS = ("html", "markdown")


class _Group(click.Group):
    """A group whose usage errors are one line, like every other linkwatch error."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            click.echo(f"linkwatch: error: {exc.format_message()}{hint}", err=True)
            code = 2
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
        except (click.Abort, KeyboardInterrupt):
            click.echo("linkwatch: interrupted", err=True)
            code = 130
        if standalone_mode:
            sys.exit(code or 0)
        return code


@click.group(name="linkwatch", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="linkwatch")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the output: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).",
)
@click.pass_context
def cli(ctx: click.Context, color: str) -> None:
    """Keep a Markdown survey of research papers honest: links, titles, years, venues."""
    ctx.color = use_color(color, os.environ)


def use_color(choice: str, environ: Mapping[str, str]) -> bool | None:
    """--color over NO_COLOR (https://no-color.org) over FORCE_COLOR over click's terminal
    detection (None): the one answer every command's output follows."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return None


@cli.command()
@click.argument("paths", metavar="[PATHS]...", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path),
    help="Where reports go (default reports/).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    help="json, html, markdown, github, sarif; repeatable or comma-separated.",
)
@click.option("--offline", is_flag=True, default=None, help="No network: offline checks only.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    help="Config file (default linkwatch.toml, else [tool.linkwatch] in pyproject).",
)
@click.option("--cache", type=click.Path(path_type=Path), help="Cache file (SQLite).")
@click.option("--no-cache", is_flag=True, default=None, help="Neither read nor write the cache.")
@click.option("--max-age", help="Reuse cached results younger than this (12h, 7d; default 1d).")
@click.option("--remap", multiple=True, help="'REGEX REPLACEMENT' applied before probing.")
@click.option(
    "--exclude", multiple=True, help="REGEX of URLs to skip, findings and all; repeatable."
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="KIND",
    help="Silence a finding kind (title-case, ...); repeatable or comma-separated.",
)
@click.option("--concurrency", type=int, help="Requests in flight in all (default 256).")
@click.option("--host-concurrency", type=int, help="Requests in flight per host (default 4).")
@click.option("--timeout", type=float, help="Seconds per request (default 20).")
@click.option("--retries", type=int, help="Retries of transient failures (default 3).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    help="Exit 1 when a finding at or above this severity exists (default error).",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path),
    help="An earlier JSON report: mark findings new or persisting.",
)
@click.option(
    "--fail-if-empty/--no-fail-if-empty",
    default=None,
    help="Exit 1 when no paper entry at all was found (default: no).",
)
@click.option("-q", "--quiet", is_flag=True, default=None, help="Print only the counts.")
@click.option("-v", "--verbose", is_flag=True, default=None, help="Print every finding.")
@click.option("--no-progress", is_flag=True, default=None, help="No progress bar.")
def check(paths: tuple[Path, ...], config_path: Path | None, **options: Any) -> int:
    """Check PATHS and write the reports.

    A PATH is a Markdown file, a folder (every *.md and *.markdown file in it that git tracks
    or does not ignore; no .git, node_modules or virtualenv) or a quoted glob ('docs/**/*.md').
    Default: survey.md, else README.md.
    """
    from linkwatch import pipeline

    settings = _settings(paths, config_path, options)
    settings = replace(settings, files=find_inputs(settings.files))
    return pipeline.check(settings, click.echo)


@cli.command(name="report")
@click.argument("report_path", metavar="REPORT.json", type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    help="json, html, markdown, github; repeatable or comma-separated (default html,markdown).",
)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(path_type=Path),
    help="Where the reports go (default: the folder of REPORT.json).",
)
def report_command(report_path: Path, formats: tuple[str, ...], output_dir: Path | None) -> None:
    """Re-render the JSON report REPORT.json in other formats, from the JSON alone."""
    from linkwatch.reporters import write_reports
    from linkwatch.reporters.read import read_report

    names = parse_formats(list(formats)) if formats else REPORT_FORMATS
    report = read_report(report_path)
    written = write_reports(report, names, output_dir or report_path.parent, click.echo)
    if written:
        click.echo("Reports: " + ", ".join(map(str, written)), err="github" in names)


@cli.command(short_help="What each finding kind means, its severity and an example.")
@click.argument("kind", required=False)
def kinds(kind: str | None) -> int:
    """Every finding kind with its default severity and meaning; with KIND, the whole
    explanation of that kind, with an example (the checks' own docstrings)."""
    from linkwatch.checks import REGISTRY
    from linkwatch.model.kinds import KINDS, SUMMARIES

    if kind is None:
        width = max(map(len, KINDS))
        for name, severity in KINDS.items():
            click.echo(f"{name:<{width}}  {severity.value:<7}  {SUMMARIES[name]}")
        return 0
    if kind not in KINDS:
        raise BadInput(f"unknown finding kind '{kind}' ('linkwatch kinds' lists them)")
    click.echo(f"{kind} ({KINDS[kind].value} by default): {SUMMARIES[kind]}")
    for check in REGISTRY:
        if check.kind == kind and check.run.__doc__:
            click.echo("\n" + inspect.cleandoc(check.run.__doc__))
    return 0


@cli.command(short_help="Show the fixes as a diff; --write applies them.")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--write", is_flag=True, help="Apply the fixes to PATH (atomically).")
@click.option("--only", multiple=True, metavar="KIND[,KIND]", help="Only fixes of these kinds.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="JSON report to take the fixes from (default reports/linkwatch.json when it covers "
    "PATH, else a fresh offline check).",
)
@click.option("--fresh", is_flag=True, help="Ignore any report: fix from a fresh offline check.")
@click.option("--unsafe", is_flag=True, help="Include unsafe fixes (guesses): review the diff.")
def fix(
    path: Path | None, write: bool, only: tuple[str, ...], report_path: Path | None, **flags: bool
) -> int:
    """Show the fixes for PATH (default survey.md, else README.md) as a diff; --write applies
    them."""
    from linkwatch.fix import command as fixes

    path = path or find_inputs(())[0]
    request = fixes.Request(
        path,
        _settings((path,), None, {"offline": True}),
        report_path,
        flags["fresh"],
        write,
        fixes.parse_kinds(only),
        flags["unsafe"],
    )
    chosen = click.get_current_context().color
    color = sys.stdout.isatty() if chosen is None else chosen
    return fixes.run(request, lambda text: click.echo(text, nl=False), _to_stderr, color)


@cli.command(short_help="Keep one GitHub issue current with the report.")
@click.option("--repo", help="OWNER/NAME of the repository (default $GITHUB_REPOSITORY).")
@click.option("--label", default="linkwatch", show_default=True, help="The tracking issue's label.")
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="The JSON report to show (default reports/linkwatch.json).",
)
def track(repo: str | None, label: str, report_path: Path | None) -> int:
    """Keep one GitHub issue current with the report (GITHUB_TOKEN, GITHUB_API_URL)."""
    settings = _settings((), None, {})
    from linkwatch.track import command as tracking

    request = tracking.Request(
        repo or os.environ.get("GITHUB_REPOSITORY", ""),
        label,
        report_path or settings.output_dir / "linkwatch.json",
        settings.services,
        tracking.run_url(os.environ),
    )
    click.echo(tracking.run(request))
    return 0


@cli.command(short_help="Judge a JSON report: exit 1 at --fail-on.")
@click.argument("report_path", metavar="[REPORT]", required=False, type=click.Path(path_type=Path))
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity exists.",
)
@click.option(
    "--new-only",
    is_flag=True,
    help="Count only findings new since the baseline (not marked 'persisting').",
)
def gate(report_path: Path | None, fail_on: str, new_only: bool) -> int:
    """Judge REPORT (default reports/linkwatch.json): counts as KEY=VALUE, exit 1 at --fail-on."""
    path = report_path or _settings((), None, {}).output_dir / "linkwatch.json"
    from linkwatch import gate as gating

    verdict, line = gating.run(path, fail_on, new_only)
    click.echo(verdict.outputs(), nl=False)
    click.echo(line, err=True)
    return verdict.code


def _to_stderr(line: str) -> None:
    click.echo(line, err=True)


def _settings(
    files: tuple[Path, ...], config_path: Path | None, options: dict[str, Any]
) -> Settings:
    config = load_config(config_path, Path.cwd())
    if files:
        options["files"] = [str(path) for path in files]
    if options.get("formats"):
        options["formats"] = list(options["formats"])
    return build_settings(options, config)


def main() -> None:
    """The console script. A Ctrl-C outside the group's own handling (while a command's
    modules load) ends quietly too."""
    try:
        cli()
    except KeyboardInterrupt:
        click.echo("linkwatch: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:  # standard output full or closed (/dev/full, a closed pipe)
        with contextlib.suppress(OSError):
            sys.stderr.write(f"linkwatch: error: cannot write the output ({exc.strerror})\n")
        os._exit(2)  # nothing more can be written, not even at exit
