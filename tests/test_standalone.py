"""A clone stands on its own: with no ../shared beside it, the tests pass and the gold-set tests are skipped.

The repository's files (`git ls-files`, as a clone has them) are copied into a temporary folder with
nothing beside it, and pytest runs there with this interpreter and CLAIMX_REQUIRE_SHARED unset:

- every test module is collected (a module that read ../shared while collecting would fail here);
- the modules that hold gold-set tests or name ../shared run, with `claimx eval`'s tests: their
  other tests pass on the repository's own files, and every gold test is skipped, counted in the
  summary's one line;
- with CLAIMX_REQUIRE_SHARED=1 the same run stops before any test (what .ci/run relies on).

The rest of the suite is held to the same rule where ../shared is present (on CI and the team's
machines): conftest's guard fails a test outside the gold group that opens, lists or runs a path in it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REQUIRE_SHARED, ROOT

RUN_TIMEOUT = 540  # seconds for one pytest run in the clone, under the suite's 600 per test
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache")
NAMES_SHARED = re.compile(r"\b(?:GOLD|SHARED)\b|[\"'](?:\.\./)?shared\b")  # conftest's paths, or "shared" in code
SKIP_LINE = re.compile(r"^gold-set tests: (\d+) skipped: ../shared not found beside the repository "
                       rf"\(CI sets {REQUIRE_SHARED}=1 to fail instead\)$", re.MULTILINE)


def copy_repository(dest: Path) -> None:
    """The repository's files into dest: what git tracks (and new files not ignored), else the tree less caches."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, text=True, check=False) if shutil.which("git") else None
    if listed is None or listed.returncode != 0:
        shutil.copytree(ROOT, dest, ignore=NOT_COPIED)
        return
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted in the work tree is not in a clone made from it
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """(the copy, the environment to run it in): this interpreter, the copy's claimx first on the path."""
    where = tmp_path_factory.mktemp("bare")
    repo = where / "claimx"
    copy_repository(repo)
    assert (repo / "tests" / "conftest.py").is_file() and not (where / "shared").exists()
    env = {k: v for k, v in os.environ.items() if k not in (REQUIRE_SHARED, "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
    return repo, env


def pytest_in(clone, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    repo, clone_env = clone
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "--basetemp", str(repo.parent / "pytest-tmp"), *args],
                          cwd=repo, env=env or clone_env, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                          check=False)


@pytest.fixture(scope="module")
def gold_tests(clone) -> list[str]:
    """The gold-set tests, as the clone collects the whole suite (which must collect without errors)."""
    proc = pytest_in(clone, "--collect-only", "-q", "-m", "gold", "tests")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    ids = [line for line in proc.stdout.splitlines() if "::" in line]
    assert ids, proc.stdout[-2000:]
    return ids


def test_standalone_runs_the_clones_own_code(clone):
    repo, env = clone
    proc = subprocess.run([sys.executable, "-c", "import claimx; print(claimx.__file__)"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).is_relative_to(repo), proc.stdout


def test_standalone_tests_pass_and_gold_tests_are_skipped(clone, gold_tests):
    repo, _ = clone
    naming = {p.stem for p in (repo / "tests").glob("test_*.py") if NAMES_SHARED.search(p.read_text(encoding="utf-8"))}
    modules = sorted({Path(node.split("::")[0]).stem for node in gold_tests} | naming - {Path(__file__).stem})
    select = " or ".join([*modules, "(test_cli_commands and eval)"])
    proc = pytest_in(clone, "-q", "tests", "-k", select)
    out = proc.stdout
    assert proc.returncode == 0, out[-6000:] + proc.stderr[-2000:]
    skip_line = SKIP_LINE.search(out)
    assert skip_line, out[-3000:]
    assert int(skip_line.group(1)) == len(gold_tests), (skip_line.group(0), len(gold_tests))
    totals = out.strip().splitlines()[-1]
    passed = re.search(r"(\d+) passed", totals)
    assert passed and int(passed.group(1)) > 0 and "failed" not in totals and "error" not in totals, totals


def test_standalone_required_gold_sets_stop_the_run(clone):
    repo, env = clone
    proc = pytest_in(clone, "-q", "tests/test_gold.py", env={**env, REQUIRE_SHARED: "1"})
    assert proc.returncode == pytest.ExitCode.USAGE_ERROR, proc.stdout[-2000:]
    assert f"../shared not found beside the repository ({repo.parent / 'shared'})" in proc.stderr
    assert REQUIRE_SHARED in proc.stderr and " passed" not in proc.stdout
