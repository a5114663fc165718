"""The package's layers, as pyproject.toml's import-linter contract states them, and its sizes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, *args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env=env)


def test_layers_contract_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "1 kept, 0 broken" in result.stdout


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
