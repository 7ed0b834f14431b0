"""
The package builds: `python -m build` makes a wheel and an sdist that `twine check` accepts, and
the wheel carries what linkwatch needs at run time (the venue table, the report template, the
JSON Schema), so `pipx install linkwatch` works once it is published.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import MACHINE_ENVIRON, PROJECT


def test_the_wheel_and_sdist_build_and_pass_twine_check(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp_path), str(PROJECT)],
        env=MACHINE_ENVIRON, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (wheel,) = tmp_path.glob("linkwatch-*.whl")
    (sdist,) = tmp_path.glob("linkwatch-*.tar.gz")
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "linkwatch/data/venues.toml",
        "linkwatch/reporters/schema.json",
        "linkwatch/reporters/templates/report.html.j2",
        "linkwatch/resolvers/page_meta.py",
    ):
        assert needed in names, needed
    assert any(name.endswith("entry_points.txt") for name in names)
