"""Accuracy on the gold seeds, as the shared referee scores it.

`claimx extract` runs over seeds/ and writes JSONL; `shared/gold/score.py GOLD PRED --json`
(standard library only) scores it against shared/gold/seeds.jsonl. shared/ sits beside
the repository (conftest.SHARED), as it does on CI's clean clone.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import GOLD, SEEDS
from typer.testing import CliRunner

from claimx.cli import app

SCORER = GOLD / "score.py"
GOLD_SEEDS = GOLD / "seeds.jsonl"

THRESHOLDS = [
    (("detection", "f"), 0.95),
    (("accuracy_on_matched", "value"), 0.95),
    (("accuracy_on_matched", "bound"), 0.95),
    (("accuracy_on_matched", "unit"), 0.95),
    (("accuracy_on_matched", "measure"), 0.85),
    # issue 3, attribution: whole claims right, and who says so
    (("claim", "f"), 0.90),
    (("accuracy_on_matched", "source"), 0.90),
]


@functools.lru_cache(maxsize=1)
def scores() -> dict:
    """Extract over the seeds once, then ask the referee; the report is shared by the tests below."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--output", str(pred), str(SEEDS)])
        assert result.exit_code == 0, result.output
        proc = subprocess.run([sys.executable, str(SCORER), str(GOLD_SEEDS), str(pred), "--json"],
                              capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def gold_docs() -> set[str]:
    with GOLD_SEEDS.open(encoding="utf-8") as f:
        return {json.loads(line)["doc"] for line in f if line.strip()}


@pytest.mark.parametrize("paths", [(SCORER, GOLD_SEEDS, SEEDS)])
def test_gold_referee_and_seeds_present(paths):
    for path in paths:
        assert path.exists(), f"{path} missing: shared/ must sit beside the repository"
    assert gold_docs() <= {p.name for p in SEEDS.iterdir()}, "a gold document is missing from seeds/"


@pytest.mark.parametrize("minimum", [1])
def test_gold_seeds_scored(minimum):
    report = scores()
    assert report["gold"] >= minimum
    assert report["matched"] >= minimum


@pytest.mark.parametrize(("metric", "threshold"), THRESHOLDS, ids=[".".join(m) for m, _ in THRESHOLDS])
def test_gold_seeds_accuracy(metric, threshold):
    report = scores()
    group, key = metric
    got = report[group][key]
    detail = {k: report[k] for k in ("missed", "false_alarms")} | {"errors": report["errors"][:10]}
    assert got >= threshold, f"{group}.{key} = {got} < {threshold}: {json.dumps(detail, ensure_ascii=False)[:3000]}"
