"""What a user of the package reads: README links that stay inside the repository, the
guidelines and sample gold set that ship with it, and a README that says what the command and
the test run say (options, their units, the count of skipped gold-set tests)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import typer.main
from conftest import REQUIRE_SHARED
from test_standalone import RUN_TIMEOUT, SKIP_LINE, copy_repository

from claimx.cli import app

ROOT = Path(__file__).resolve().parent.parent
LINK_RE = re.compile(r"\]\(([^)\s]+)\)")  # markdown [text](target)
OPTION_ROW_RE = re.compile(r"^\| `(--[a-z-]+)(?: ([^`]+))?`(?:, `(-[a-z])`)? \|", re.MULTILINE)  # | `--opt META`, `-o` | ...


def _links(markdown: str) -> list[str]:
    return [m.group(1).split("#")[0] for m in LINK_RE.finditer(markdown)]


@pytest.mark.parametrize("doc", ["README.md", "docs/GUIDELINES.md"])
def test_docs_relative_links_stay_inside_repository(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for target in _links(text):
        if re.match(r"[a-z]+:", target) or not target:
            continue  # a web address or an anchor
        path = (ROOT / doc).parent / target
        assert path.resolve().is_relative_to(ROOT), f"{doc} links outside the repository: {target}"
        assert path.exists(), f"{doc} links to a missing file: {target}"


@pytest.mark.parametrize("path", ["docs/GUIDELINES.md", "docs/gold/seeds.jsonl"])
def test_docs_user_material_ships_in_repository(path):
    assert (ROOT / path).is_file(), f"{path} is what a user needs and must be in the repository"


@pytest.mark.parametrize("field", ["doc", "start", "end", "text", "value", "bound", "unit", "measure", "source"])
def test_docs_sample_gold_lines_have_scored_fields(field):
    lines = [json.loads(x) for x in (ROOT / "docs/gold/seeds.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert lines, "the sample gold set is empty"
    assert all(field in g for g in lines), f"a sample gold line lacks {field!r}"


def test_docs_sample_gold_offsets_index_seed_texts():
    for line in (ROOT / "docs/gold/seeds.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = (ROOT / "seeds" / g["doc"]).read_text(encoding="utf-8")
        assert text[g["start"]:g["end"]] == g["text"], f"{g['doc']} {g['start']}: offsets do not index the seed text"


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_docs_readme_option_table_is_extracts_options():
    """README's Usage table lists every `extract` option, each with the metavar and short form its --help shows."""
    table = {m.group(1): (m.group(2), m.group(3)) for m in OPTION_ROW_RE.finditer(_section(
        (ROOT / "README.md").read_text(encoding="utf-8"), "Usage"))}
    params = [p for p in typer.main.get_command(app).commands["extract"].params
              if p.param_type_name == "option" and p.name != "help"]
    options = {next(o for o in p.opts if o.startswith("--")): p for p in params}
    assert set(table) == set(options), f"README only: {set(table) - set(options)}; help only: {set(options) - set(table)}"
    for name, (meta, short) in table.items():
        param = options[name]
        assert short == next((o for o in param.opts if not o.startswith("--")), None), name
        if meta is not None and "|" not in meta:  # `--format table|jsonl|...` lists the choices
            assert meta == param.metavar, f"README writes {name} {meta}, --help {name} {param.metavar}"
        assert (meta is None) == bool(param.is_flag), name


def test_docs_readme_skip_line_is_the_clones():
    """The README's skipped-test line is the one a clone without ../shared prints: as many as it collects as gold."""
    line = SKIP_LINE.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert line, "README lacks the one-line summary of skipped gold-set tests"
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "claimx"
        copy_repository(repo)
        env = {k: v for k, v in os.environ.items() if k not in (REQUIRE_SHARED, "PYTEST_ADDOPTS")}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
        proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", "-m", "gold",
                               "tests"], cwd=repo, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    collected = sum("::" in x for x in proc.stdout.splitlines())
    assert int(line.group(1)) == collected, f"README says {line.group(1)} skipped; a clone collects {collected} gold-set tests"
