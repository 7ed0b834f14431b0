"""
Write constraints.txt: the exact versions of linkwatch's runtime dependencies, and theirs, as
installed in this environment (the set the tests passed with). The GitHub Action installs with
`pip install -c constraints.txt`, so every run gets that set, from pip's cache when warm.

    python tools/constraints.py            # rewrite constraints.txt
    python tools/constraints.py --check    # exit 1 when it no longer matches pyproject.toml
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import sys
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
HEADER = (
    "# Exact versions of linkwatch's runtime dependencies (and theirs) the GitHub Action\n"
    "# installs with `pip install -c constraints.txt`: the tested set on every run, cached by\n"
    "# pip. Regenerate after changing pyproject.toml's dependencies: python tools/constraints.py\n"
)


def closure(name: str = "linkwatch") -> dict[str, str]:
    """Every distribution `name` needs at run time (no extras), with its installed version."""
    found: dict[str, str] = {}

    def walk(requirement: str) -> None:
        key = re.sub(r"[-_.]+", "-", requirement).lower()
        if key in found:
            return
        dist = metadata.distribution(requirement)
        found[key] = dist.version
        for line in dist.requires or ():
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                walk(req.name)

    walk(name)
    found.pop("linkwatch")
    return dict(sorted(found.items()))


INSTALLER = "uv"
"""What the Action installs with (pinned here too, so the cache key covers it)."""


def text() -> str:
    pins = "".join(f"{name}=={version}\n" for name, version in closure().items())
    installer = f"# the installer the Action uses\n{INSTALLER}=={metadata.version(INSTALLER)}\n"
    return HEADER + pins + installer


if __name__ == "__main__":
    target = ROOT / "constraints.txt"
    if "--check" in sys.argv:
        sys.exit(0 if target.read_text() == text() else 1)
    target.write_text(text())
    print(f"{target}: {len(closure())} pins")
