"""
`linkwatch kinds`: every kind with its severity and meaning, from the registry the checks use.
"""

from __future__ import annotations

from collections.abc import Callable

from click.testing import Result

from linkwatch.model.kinds import KINDS


def test_every_kind_is_listed_with_its_severity(run_cli: Callable[..., Result]) -> None:
    result = run_cli("kinds")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == list(KINDS)
    assert [line.split()[1] for line in lines] == [s.value for s in KINDS.values()]


def test_one_kind_explained_with_its_example(run_cli: Callable[..., Result]) -> None:
    result = run_cli("kinds", "venue-format")
    assert result.exit_code == 0
    assert result.output.startswith("venue-format (info by default): A venue spelt")
    assert "'NIPS 2022'" in result.output  # the example of the check's docstring


def test_an_unknown_kind_is_one_line_and_exit_2(run_cli: Callable[..., Result]) -> None:
    result = run_cli("kinds", "venue-formatt")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "linkwatch: error: unknown finding kind 'venue-formatt' ('linkwatch kinds' lists them)"
    )
