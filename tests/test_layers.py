"""
The package's layering, read from its imports (every `import` and `from ... import` of
linkwatch, at module level or inside a function): which stage may know which, no cycle between
packages or modules, no module name at two levels, and a `--help` that loads no stage.

Run with `-s` to see the layers: `pytest tests/test_layers.py -s`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "linkwatch"

# What each package must not import (the model imports nothing above it: only itself and the
# package root's version).
FORBIDDEN = {
    "model": {"*"},
    "papers": {"parse", "transport", "resolvers", "checks", "reporters", "pipeline"},
    "parse": {"transport", "resolvers", "checks", "reporters", "pipeline"},
    "checks": {"transport", "resolvers", "reporters", "pipeline"},
    "reporters": {"transport", "resolvers", "checks", "pipeline"},
    "resolvers": {"checks", "reporters", "pipeline", "fix", "track", "gate", "cli"},
    "transport": {"resolvers", "checks", "parse", "reporters", "pipeline"},
    "settings": {"checks", "resolvers", "transport", "reporters", "pipeline"},
}
ALLOWED_FOR_MODEL = {"model", "linkwatch"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in SRC.rglob("*.py")}


def imports_of(path: Path) -> set[str]:
    """The linkwatch modules a file imports (a `from package import module` names the module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("linkwatch"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("linkwatch"))
    return found


GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "linkwatch"


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {package(m): set() for m in GRAPH}
    for module, deps in GRAPH.items():
        graph[package(module)].update(package(d) for d in deps if package(d) != package(module))
    return graph


def test_each_stage_imports_only_what_is_below_it() -> None:
    wrong = []
    for module, deps in sorted(GRAPH.items()):
        rule = FORBIDDEN.get(package(module), set())
        for dep in sorted(deps):
            target = package(dep)
            if target == package(module):
                continue
            if ("*" in rule and target not in ALLOWED_FOR_MODEL) or target in rule:
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_no_cycle_between_packages_or_modules() -> None:
    for graph in (package_graph(), GRAPH):
        try:
            tuple(TopologicalSorter(graph).static_order())
        except CycleError as cycle:  # pragma: no cover - the failure message
            pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_the_layers(capsys: pytest.CaptureFixture[str]) -> None:
    """The packages by layer, bottom first: each imports only from the layers below it."""
    graph = package_graph()
    sorter = TopologicalSorter(graph)
    sorter.prepare()
    layers = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        layers.append(ready)
        sorter.done(*ready)
    with capsys.disabled():
        print("\nlayers, bottom first:")
        for number, names in enumerate(layers):
            print(f"  {number}: {', '.join(names)}")
    rank = {name: n for n, names in enumerate(layers) for name in names}
    assert rank["model"] < rank["papers"] < rank["parse"] < rank["checks"] < rank["pipeline"]
    assert rank["transport"] < rank["resolvers"] < rank["pipeline"] < rank["cli"]


def test_no_flat_module_shares_a_name_with_a_nested_one() -> None:
    """A top-level module named like one inside a package (titles.py and checks/titles.py,
    diff.py and reporters/diff.py) reads as the same thing; records, resolvers and checks
    named after one service (model/records/arxiv.py, resolvers/arxiv.py) are one per stage."""
    flat = {
        m.split(".")[1] for m, p in MODULES.items() if m.count(".") == 1 and p.stem != "__init__"
    }
    nested = {m.rsplit(".", 1)[1] for m in MODULES if m.count(".") >= 2}
    packages = {m.split(".")[1] for m, p in MODULES.items() if p.stem == "__init__" and "." in m}
    assert flat & (nested | packages) == set()
    # 'resolving.py' beside 'resolvers/': a module named like a package, give or take a suffix
    assert {f for f in flat for p in packages if f != p and f[:7] == p[:7]} == set()


def test_help_loads_no_stage() -> None:
    """`linkwatch --help` imports neither aiohttp nor a resolver, a check or the transport."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from linkwatch.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
        "prefixes = ('aiohttp', 'linkwatch.resolvers', 'linkwatch.checks', 'linkwatch.transport')\n"
        "print(sorted(m for m in sys.modules if m.startswith(prefixes)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
