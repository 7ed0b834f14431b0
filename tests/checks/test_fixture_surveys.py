"""
Each fixture survey states the findings it must produce (line and kind) in its closing
comment; the offline checks must produce exactly those, no more and no fewer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SURVEYS, expected_in, findings_of, kinds_by_line

FIXTURES = sorted(SURVEYS.glob("*.md"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_survey_gives_exactly_its_expected_findings(path: Path) -> None:
    """Every (line, kind) the fixture expects is found, and nothing else is."""
    assert expected_in(path) == kinds_by_line(findings_of(path))


def test_the_clean_survey_expects_nothing() -> None:
    """The clean fixture really is clean: it states no expectation at all."""
    assert expected_in(SURVEYS / "clean.md") == set()
