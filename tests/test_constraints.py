"""
constraints.txt, which the Action installs with, pins the runtime dependencies: every
distribution linkwatch needs at run time and nothing else, each within pyproject.toml's bounds.
"""

from __future__ import annotations

import sys
import tomllib

from packaging.requirements import Requirement

from tests.conftest import PROJECT

sys.path.insert(0, str(PROJECT / "tools"))
from constraints import closure


def pins() -> dict[str, str]:
    lines = (PROJECT / "constraints.txt").read_text().splitlines()
    return dict(line.split("==") for line in lines if "==" in line)


def test_every_runtime_dependency_is_pinned_and_nothing_else() -> None:
    # and the installer the Action uses, pinned there too
    assert set(pins()) == set(closure()) | {"uv"}, "stale: python tools/constraints.py"
    assert "pytest" not in pins()


def test_the_pins_are_within_pyprojects_bounds() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text())["project"]
    pinned = pins()
    for line in project["dependencies"]:
        requirement = Requirement(line)
        version = pinned[requirement.name.lower().replace("_", "-")]
        assert requirement.specifier.contains(version), f"{requirement}: pinned {version}"
