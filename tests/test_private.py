"""Private names stay in their module: an underscore means "only this file uses it" (issue 31).

Three ways a module reaches into another's private name, each reported as file:line and name:
(a) it imports one: `from .x import _y` (also `_y as z`);
(b) it reads one off a package module or class it imports: `x._y`, `SomeRules._y` (a table of methods);
(c) it reads `self._y` or `cls._y` (also by `getattr(self, "_y")`) where `_y` is defined (def, class-body
    assignment, `self._y = ...`) only in other files of the package: the mixin case, a method one file defines and another calls.
spaCy's `doc._.x` (the name `_` alone) and dunders are not private names.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "claimx"


def is_private(name: str) -> bool:
    """A single-underscore name: not `_` alone (spaCy's extension namespace), not a dunder."""
    return name.startswith("_") and name != "_" and not name.startswith("__")


def module_parts(path: Path, root: Path) -> list[str]:
    """The dotted name of a file under the package root, as parts ('a/b/__init__.py' -> [pkg, 'a', 'b'])."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_from(node: ast.ImportFrom, path: Path, root: Path) -> list[str] | None:
    """The package module a `from ... import` names, as parts; None for a module outside the package."""
    if node.level == 0:
        parts = (node.module or "").split(".")
        return parts if parts[0] == root.name else None
    here = module_parts(path, root)
    base = here if path.name == "__init__.py" else here[:-1]
    base = base[: len(base) - (node.level - 1)]
    return base + (node.module.split(".") if node.module else [])


def defined_names(tree: ast.AST) -> set[str]:
    """Private names a file defines: functions, classes, class-body or module assignments, `self._y = ...`."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            found.add(node.attr)
    return {name for name in found if is_private(name)}


def reach_ins(root: Path) -> list[str]:
    """Every use of another module's private name in the package at root, as 'file:line name (how)'."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.py"))}
    defined = {path: defined_names(tree) for path, tree in trees.items()}
    found = []
    for path, tree in trees.items():
        elsewhere = set().union(*(names for other, names in defined.items() if other != path)) - defined[path]
        imported: set[str] = set()  # local names bound to package modules, or to the classes and functions they hold
        where = path.relative_to(root.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and imported_from(node, path, root):
                for alias in node.names:
                    if is_private(alias.name):
                        found.append(f"{where}:{node.lineno} {alias.name} (imported)")
                    else:
                        imported.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                imported |= {a.asname for a in node.names if a.asname and a.name.split(".")[0] == root.name}
        for node in ast.walk(tree):
            owner, name = attribute_read(node)
            if not is_private(name):
                continue
            if owner in imported:
                found.append(f"{where}:{node.lineno} {owner}.{name} (attribute of an imported name)")
            elif owner in ("self", "cls") and name in elsewhere:
                found.append(f"{where}:{node.lineno} {owner}.{name} (defined in another file)")
    return found


def attribute_read(node: ast.AST) -> tuple[str, str]:
    """(owner, name) of `owner.name` or `getattr(owner, "name", ...)` / `hasattr(owner, "name")`; else empty."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.value.id, node.attr
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
            and len(node.args) >= 2 and isinstance(node.args[0], ast.Name)
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
        return node.args[0].id, node.args[1].value
    return "", ""


def test_private_no_name_crosses_a_module():
    crossing = reach_ins(PACKAGE)
    assert not crossing, "private names used outside their module:\n" + "\n".join(crossing)


TOY_A = "def _helper():\n    return 1\n\n\nclass A:\n    def _helper(self):\n        return 2\n"
TOY_USES = {
    "imported": "from .a import _helper\n",
    "imported under another name": "from .a import _helper as helper\n",
    "module attribute": "from . import a\nx = a._helper\n",
    "class attribute": "from .a import A\nx = A._helper\n",
    "mixin": "class B:\n    def run(self):\n        return self._helper()\n",
    "mixin state by getattr": "class B:\n    def run(self):\n        return getattr(self, '_helper', None)\n",
}


@pytest.mark.parametrize("use", sorted(TOY_USES))
def test_private_reach_in_is_caught(tmp_path, use):
    """The check above can fail: each kind of reach-in on a toy package is reported with its file and line."""
    pkg = tmp_path / "toy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text(TOY_A, encoding="utf-8")
    (pkg / "b.py").write_text(TOY_USES[use], encoding="utf-8")
    found = reach_ins(pkg)
    assert len(found) == 1
    assert found[0].startswith("toy/b.py:") and "_helper" in found[0]


@pytest.mark.parametrize("use", ["doc._.figures", "self._own()", "self.__class__", "self._helper = 2\nself._helper"])
def test_private_own_and_extension_names_pass(tmp_path, use):
    """spaCy's `_` namespace, dunders, and a name the file defines itself are not reach-ins."""
    pkg = tmp_path / "toy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "a.py").write_text("def _helper():\n    return 1\n", encoding="utf-8")
    body = "\n        ".join(use.split("\n"))
    (pkg / "b.py").write_text(f"class B:\n    def _own(self):\n        {body}\n", encoding="utf-8")
    assert reach_ins(pkg) == []
