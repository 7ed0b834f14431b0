"""
Silencing what is deliberate: kinds ignored in the config, on the command line or with a
severity of 'off'; inline disable comments; excluded links. Offline, on small surveys.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

HEADER = "| Paper | Published in | Code |\n|---|---|---|\n"
# line 3: venue-format (NIPS) · line 4: insecure-link · line 5: a placeholder link
ROWS = (
    "| [A Paper About Graphs](https://arxiv.org/abs/2206.14858) | NIPS 2022 | - |\n"
    "| [Another Paper Here](http://arxiv.org/abs/2305.07759) | ICLR 2024 | - |\n"
    "| [Third Paper Of Ours](https://arxiv.org/abs/2312.02120) | ICLR 2024 | [code](#) |\n"
)


def run(
    workdir: Path, run_cli: Callable[..., Result], text: str, *args: str, config: str = ""
) -> dict:
    (workdir / "survey.md").write_text(text, encoding="utf-8")
    if config:
        (workdir / "linkwatch.toml").write_text(config, encoding="utf-8")
    formats = "json,markdown,html"
    result = run_cli("check", "--offline", "survey.md", "-f", formats, "--fail-on", "never", *args)
    assert result.exit_code == 0, result.output
    data = json.loads((workdir / "reports" / "linkwatch.json").read_text(encoding="utf-8"))
    data["output"] = result.output
    data["markdown"] = (workdir / "reports" / "linkwatch.md").read_text(encoding="utf-8")
    data["html"] = (workdir / "reports" / "linkwatch.html").read_text(encoding="utf-8")
    return data


def found(data: dict) -> list[tuple[int, str]]:
    return sorted((f["line"], f["kind"]) for f in data["findings"])


ALL = [(3, "venue-format"), (4, "insecure-link"), (5, "placeholder-link")]


def test_nothing_silenced_by_default(workdir: Path, run_cli: Callable[..., Result]) -> None:
    data = run(workdir, run_cli, HEADER + ROWS)
    assert found(data) == ALL
    assert data["summary"]["silenced"] == 0
    assert "Silenced" not in data["markdown"]
    assert "silenced" not in data["html"]


def test_kinds_ignored_in_the_config_on_the_command_line_or_turned_off(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    config = 'ignore = ["venue-format"]\n[severity]\ninsecure-link = "off"\n'
    data = run(workdir, run_cli, HEADER + ROWS, "--ignore", "placeholder-link", config=config)
    assert found(data) == []
    assert data["summary"]["silenced"] == 3
    assert "3 silenced" in data["output"]
    # the Markdown report (the weekly issue's body) and the HTML report count them too
    assert (
        "| Errors | Warnings | Info | Silenced |\n|---:|---:|---:|---:|\n| 0 | 0 | 0 | 3 |"
        in (data["markdown"])
    )
    assert "<strong>3</strong> silenced" in data["html"]


def test_an_unknown_kind_to_ignore_is_one_clear_error(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    (workdir / "survey.md").write_text(HEADER + ROWS, encoding="utf-8")
    result = run_cli("check", "--offline", "survey.md", "--ignore", "title-cas")
    assert result.exit_code == 2
    assert "--ignore" not in result.output or "title-cas" in result.output
    assert "unknown finding kind 'title-cas'" in result.output
    assert "Traceback" not in result.output


LIST = """# Papers

- [Paper One of Ours](http://arxiv.org/abs/2305.07759)
<!-- linkwatch-disable-next-line insecure-link -->
- [Paper Two of Ours](http://arxiv.org/abs/2312.02120)
<!-- linkwatch-disable -->
- [Paper Three of Ours](http://arxiv.org/abs/2401.17461) [code](#)
<!-- linkwatch-enable -->
<!-- linkwatch-disable-next-line insecure-link -->
- [Paper Four of Ours](https://arxiv.org/abs/2206.14858) [code](#)
"""


def test_inline_comments_silence_the_next_line_or_a_block(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    """Line 5's insecure link is silenced, line 7 wholly (two findings), line 10 keeps its
    placeholder link, which the comment above it does not name."""
    data = run(workdir, run_cli, LIST)
    assert found(data) == [(3, "insecure-link"), (10, "placeholder-link")]
    assert data["summary"]["silenced"] == 3


def test_a_directive_naming_no_kind_is_said_in_the_notes(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    text = LIST.replace("next-line insecure-link -->", "next-line insecure-lnk -->", 1)
    data = run(workdir, run_cli, text)
    assert "survey.md:4: linkwatch-disable names no finding kind 'insecure-lnk'" in data["notes"]
    assert (5, "insecure-link") in found(data)  # the typo silenced nothing


def test_an_excluded_link_has_no_findings_its_entry_keeps_its_own(
    workdir: Path, run_cli: Callable[..., Result]
) -> None:
    data = run(
        workdir, run_cli, HEADER + ROWS, "--exclude", r"^http://arxiv\.org/", "--exclude", "^#$"
    )
    assert found(data) == [(3, "venue-format")]
    assert data["summary"]["silenced"] == 2
