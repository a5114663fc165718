"""Accuracy on the gold sets; floors at the rates reached.

`claimx extract` runs over each set's texts and writes JSONL, and a referee scores it. The sets:

- seeds: the five articles the rules were first written on (a regression test); their gold ships
  with the repository (docs/gold/seeds.jsonl) and `claimx eval --predictions` is the referee
  (tests/test_evaluate.py holds it to the shared referee's numbers), so these run in any clone;
- dev: varied news nobody tuned for (disasters, attacks, courts, science, sport, markets,
  politics, scraped pages); the target of issue 11;
- PolNeAR dev: election news with gold Source/Cue/Content spans; its own scorer checks the
  source claimx gives to figures inside reported content.

dev and PolNeAR, their referees (`shared/gold/score.py GOLD PRED --json`, standard library only)
and the seeds' gold as the team keeps it are in ../shared beside the repository (conftest.SHARED),
as on CI's checkout: those tests are marked `gold` and skipped in a clone without it.

The floors are the rates reached, rounded down: a change may raise them, never quietly lose them.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import GOLD, GOLD_MARK, SEEDS, SEEDS_GOLD
from typer.testing import CliRunner

from claimx.across import evaluate
from claimx.cli import app

SCORER = GOLD / "score.py"
POLNEAR = GOLD / "polnear"
SETS = {
    "seeds": (SEEDS_GOLD, SEEDS),
    "dev": (GOLD / "dev" / "gold.jsonl", GOLD / "dev" / "texts"),
}
IN_REPOSITORY = {"seeds"}  # scored by `claimx eval`; the other sets by the shared referee, and marked gold


def marks(name: str) -> tuple:
    return () if name in IN_REPOSITORY else (GOLD_MARK,)

# the rates reached, rounded down (seeds all 1.000; dev, 94 articles, 868 scored: detection 0.999, claim 0.972,
# measure 0.978, source 0.998, value 1.000, bound 0.996, unit 1.000; it was 0.991 / 0.855 / 0.917 / 0.954 at 3e10e36)
FLOORS = {
    "seeds": [
        (("detection", "f"), 0.99),
        (("accuracy_on_matched", "value"), 0.99),
        (("accuracy_on_matched", "bound"), 0.99),
        (("accuracy_on_matched", "unit"), 0.99),
        (("accuracy_on_matched", "measure"), 0.99),
        (("claim", "f"), 0.99),
        (("accuracy_on_matched", "source"), 0.99),
    ],
    "dev": [
        (("detection", "f"), 0.99),
        (("accuracy_on_matched", "value"), 0.99),
        (("accuracy_on_matched", "bound"), 0.99),
        (("accuracy_on_matched", "unit"), 0.99),
        (("accuracy_on_matched", "measure"), 0.98),  # 0.986 reached
        (("claim", "f"), 0.97),  # 0.980 reached
        (("accuracy_on_matched", "source"), 0.99),
    ],
}
DEV_WORST_ARTICLE_CLAIM_F1 = 0.80  # the lowest claim F1 of any one dev article (0.800 on the 94, one: dis-15; it was 0.364)
WAR_AND_DISASTER_CLAIM_F1 = 0.97  # the 40 war-* and dis-* pages, labelled before claimx saw them (0.978; it was 0.755)
POLNEAR_FLOORS = {"source_accuracy": 0.95, "coverage": 0.79}  # 0.950 and 0.794 reached


@functools.cache
def predictions(name: str) -> tuple[Path, list[dict]]:
    """Extract over a set's texts once: the JSONL file (kept for the session) and its records."""
    texts = POLNEAR / "dev" / "texts" if name == "polnear" else SETS[name][1]
    pred = Path(tempfile.mkdtemp(prefix=f"claimx-{name}-")) / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", "--output", str(pred), "-q", str(texts)])
    assert result.exit_code == 0, result.output
    return pred, [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]


@functools.cache
def scores(name: str) -> dict:
    """The referee's report on one set."""
    pred, _ = predictions(name)
    if name in IN_REPOSITORY:
        result = CliRunner().invoke(app, ["eval", str(SETS[name][0]), str(pred), "--predictions", "-f", "json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
    proc = subprocess.run([sys.executable, str(SCORER), str(SETS[name][0]), str(pred), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("name", [pytest.param(name, marks=marks(name)) for name in sorted(SETS)])
def test_gold_referee_and_texts_present(name):
    gold, texts = SETS[name]
    for path in (gold, texts) if name in IN_REPOSITORY else (SCORER, gold, texts):
        assert path.exists(), f"{path} missing"
    with gold.open(encoding="utf-8") as f:
        docs = {json.loads(line)["doc"] for line in f if line.strip()}
    assert docs <= {p.name for p in texts.iterdir()}, f"a {name} gold document is missing from {texts}"


@GOLD_MARK
def test_gold_seeds_same_as_the_teams():
    """The repository's copy of the seeds' gold is the one the team keeps in ../shared, line for line."""
    assert SEEDS_GOLD.read_text(encoding="utf-8") == (GOLD / "seeds.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "metric", "floor"),
                         [pytest.param(n, m, f, marks=marks(n), id=f"{n}-{'.'.join(m)}")
                          for n, floors in FLOORS.items() for m, f in floors])
def test_gold_accuracy(name, metric, floor):
    report = scores(name)
    group, key = metric
    got = report[group][key]
    detail = {k: report[k] for k in ("missed", "false_alarms")} | {"errors": report["errors"][:10]}
    assert got >= floor, f"{name} {group}.{key} = {got} < {floor}: {json.dumps(detail, ensure_ascii=False)[:3000]}"


@GOLD_MARK
def test_gold_dev_no_article_left_behind():
    """Claim F1 per dev article (claimx.across.evaluate scores as the referee does): the worst one has a floor too."""
    gold = evaluate.load_gold(SETS["dev"][0])
    _, preds = predictions("dev")
    worst = {}
    for doc in sorted({g["doc"] for g in gold}):
        doc_gold = [g for g in gold if g["doc"] == doc]
        if all(g.get("optional") for g in doc_gold):
            continue
        worst[doc] = evaluate.score(doc_gold, [p for p in preds if Path(str(p["doc"])).name == doc])["claim"]["f"]
    assert worst, "no dev article was scored"
    assert min(worst.values()) >= DEV_WORST_ARTICLE_CLAIM_F1, sorted(worst.items(), key=lambda kv: kv[1])[:5]


@GOLD_MARK
def test_gold_dev_war_and_disaster_pages():
    """The 40 pages of war and disaster reporting (40 events, 40 outlets) scored as one set, as the referee does."""
    gold = [g for g in evaluate.load_gold(SETS["dev"][0]) if g["doc"].startswith(("war-", "dis-"))]
    docs = {g["doc"] for g in gold}
    _, preds = predictions("dev")
    assert len(docs) == 40, sorted(docs)
    report = evaluate.score(gold, [p for p in preds if Path(str(p["doc"])).name in docs])
    assert report["claim"]["f"] >= WAR_AND_DISASTER_CLAIM_F1, report["claim"]


@GOLD_MARK
@pytest.mark.parametrize(("metric", "floor"), sorted(POLNEAR_FLOORS.items()))
def test_gold_polnear_sources(metric, floor):
    pred, _ = predictions("polnear")
    proc = subprocess.run([sys.executable, str(POLNEAR / "score.py"), str(POLNEAR / "dev"), str(pred), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.splitlines()[0])  # the JSON line; a summary line for people follows
    assert report[metric] >= floor, f"PolNeAR dev {metric} = {report[metric]} < {floor}: {report}"
