"""The package's layers, as pyproject.toml's import-linter contract states them, and its sizes."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # tomllib is 3.11+: the two facts read by regex
CONTRACTS = PYPROJECT.count("[[tool.importlinter.contracts]]")
TOP_LAYERS = re.findall(r'"(claimx[.\w| ]*)"', PYPROJECT.split("[[tool.importlinter.contracts]]")[1].split("]")[0])
PACKAGES = ("read", "components", "across", "run", "out")  # issue 20: one package per layer, bottom to top


def _lint(cwd: Path, *args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env=env)


def test_layers_contract_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert f"{CONTRACTS} kept, 0 broken" in result.stdout


def test_layers_contract_names_the_packages_in_order():
    """The first contract's layers are the packages, bottom to top as the README walks them, under the CLI."""
    layers = TOP_LAYERS
    packages = [f"claimx.{p}" for p in PACKAGES]
    assert [name for name in reversed(layers) if name in packages] == packages
    assert layers[0] == "claimx.cli"


@pytest.mark.parametrize(("low", "high"), [("model", "cli"), ("records", "actors")])
def test_layers_contract_catches_an_upward_import(tmp_path, low, high):
    """The same kind of contract on a toy package breaks when a lower layer imports a higher one."""
    pkg = tmp_path / "toy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / f"{high}.py").write_text(f"from . import {low}\n", encoding="utf-8")
    (pkg / f"{low}.py").write_text(f"from . import {high}  # upward\n", encoding="utf-8")
    (tmp_path / ".importlinter").write_text(
        f"[importlinter]\nroot_package = toy\n\n[importlinter:contract:layers]\nname = toy\ntype = layers\n"
        f"layers =\n    toy.{high}\n    toy.{low}\n", encoding="utf-8")
    result = _lint(tmp_path, pythonpath=tmp_path)
    assert result.returncode != 0
    assert "broken" in result.stdout


MAX_MODULE_LINES = 400  # issue 9: a module a newcomer can read in one sitting
MAX_FUNCTION_LINES = 40  # ... and rules small enough to name; the CLI's Typer commands (options as parameters) aside


def _typer_command(node: ast.AST) -> bool:
    return any(isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("command", "callback")
               for d in getattr(node, "decorator_list", []))


def test_layers_no_module_or_function_too_long():
    too_long = []
    for path in sorted((ROOT / "claimx").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not _typer_command(node):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert not too_long, too_long


def _private_imports(path: Path) -> list[str]:
    """`from <a claimx module> import _name` lines: a name private to its module, reached from outside it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == "claimx"):
            found += [f"{path.name}:{node.lineno} {a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_layers_no_private_name_imported_from_another_module():
    """What several modules share is public (issue 20); a module may still alias it to a private name of its own."""
    found = [hit for path in sorted((ROOT / "claimx").rglob("*.py")) for hit in _private_imports(path)]
    assert not found, found


@pytest.mark.parametrize(("source", "private"), [
    ("from .tree import _one\n", True),
    ("from claimx.figures import _Candidate\n", True),
    ("from .tree import one as _one\n", False),
    ("from os.path import _joinrealpath\n", False),  # not claimx
])
def test_layers_private_import_check_sees_them(tmp_path, source, private):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    assert bool(_private_imports(path)) is private


def test_layers_no_import_cycle():
    """No module reaches itself through the modules it imports, imports under TYPE_CHECKING included."""
    import grimp

    graph = grimp.build_graph("claimx", exclude_type_checking_imports=False)
    cycles = [(a, b) for a in sorted(graph.modules) for b in sorted(graph.find_modules_directly_imported_by(a))
              if graph.find_shortest_chain(importer=b, imported=a)]
    assert not cycles, cycles


def _how_it_works() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## How it works\n", 1)[1].split("\n## ", 1)[0]


def test_layers_readme_walks_the_packages_in_order():
    """README's How it works names each package folder, first in the contract's order (bottom to top)."""
    section = _how_it_works()
    firsts = [section.find(f"{p}/") for p in PACKAGES]
    assert -1 not in firsts, dict(zip(PACKAGES, firsts, strict=True))
    assert firsts == sorted(firsts)


def test_layers_readme_names_only_modules_that_exist():
    """Every module How it works names (`figures.py`, `read/timex.py`) is a file of the package."""
    names = {n for n in re.findall(r"`((?:\w+/)?\w+\.py)`", _how_it_works()) if not n.startswith("tests/")}
    files = {p.name for p in (ROOT / "claimx").rglob("*.py")} | {
        str(p.relative_to(ROOT / "claimx")) for p in (ROOT / "claimx").rglob("*.py")}
    assert names, "How it works names no module"
    assert names <= files, sorted(names - files)
