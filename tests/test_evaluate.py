"""claimx.across.evaluate agrees with the shared referee, number for number.

The referee (conftest.GOLD / "score.py", standard library only) runs as a subprocess with
--json on claimx's own predictions for the seeds and on prediction sets derived from them
with known faults; `evaluate.score` must return the same report, every count, rate, list
and error entry. claimx's predictions on the seeds are (nearly) perfect, so the faults are
what exercises the matching and the field checks.

The referee is the team's, in ../shared: the tests that call it are marked `gold` (skipped in a
clone without it). The seeds' gold they score against is the repository's (docs/gold/seeds.jsonl),
and the tests of claimx.across.evaluate on its own run anywhere.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GOLD, GOLD_MARK, SEEDS, SEEDS_GOLD
from rich.console import Console

import claimx
from claimx.across import evaluate
from claimx.errors import InputError
from claimx.model import BOUNDS, MEASURES
from claimx.out import render

SCORER = GOLD / "score.py"

Preds = list[dict]


def referee(gold_path: Path, preds: Preds, tmp_path: Path) -> dict:
    pred_path = tmp_path / "pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    proc = subprocess.run([sys.executable, str(SCORER), str(gold_path), str(pred_path), "--json"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def ours(gold_path: Path, preds: Preds) -> dict:
    # through JSON, as the referee's report comes: tuples and floats compare as they print
    return json.loads(json.dumps(evaluate.score(evaluate.load_gold(gold_path), copy.deepcopy(preds)), ensure_ascii=False))


def assert_same(expected: dict, got: dict) -> None:
    assert got.keys() == expected.keys()
    for key in expected:
        assert got[key] == expected[key], f"{key}: referee {expected[key]!r}, claimx.across.evaluate {got[key]!r}"


@functools.lru_cache(maxsize=1)
def gold_lines() -> tuple[dict, ...]:
    with SEEDS_GOLD.open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


_PREDICTIONS: dict[int, Preds] = {}


def seed_predictions(nlp) -> Preds:
    """claimx's records for every seed, in-process, as `claimx extract seeds/ -f jsonl` writes them."""
    if id(nlp) not in _PREDICTIONS:
        out = []
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            out.extend(c.to_dict() for c in claimx.extract_text(nlp, text, path.name))
        _PREDICTIONS[id(nlp)] = out
    return copy.deepcopy(_PREDICTIONS[id(nlp)])


# -- prediction sets with known faults: (claimx's predictions, gold) -> predictions --------------


def every(n: int, change: Callable[[dict, int], None]) -> Callable[[Preds, tuple], Preds]:
    def run(preds: Preds, gold: tuple) -> Preds:
        for i, p in enumerate(preds):
            if i % n == 0:
                change(p, i)
        return preds

    return run


def _values(p: dict, i: int) -> None:
    f = p["figure"]
    if f.get("bound") == "range":
        f["high"] = (f["high"] or 0) + 1
    else:
        f["value"] = None if i % 4 == 0 else (f.get("value") or 0) * 10


def _tiny_values(p: dict, i: int) -> None:
    # within and just outside the referee's relative tolerance of 1e-6
    f = p["figure"]
    key = "low" if f.get("bound") == "range" else "value"
    if isinstance(f.get(key), (int, float)):
        f[key] = f[key] * (1 + (5e-7 if i % 2 else 5e-6))


def _bounds(p: dict, i: int) -> None:
    p["figure"]["bound"] = BOUNDS[(BOUNDS.index(p["figure"].get("bound", "exact")) + 1) % len(BOUNDS)]


def _units(p: dict, i: int) -> None:
    p["figure"]["unit"] = ["percent", "dollars", "kilometres", "Days", "count", "", None, "months", "USD ", "hrs"][i % 10]


def _measures(p: dict, i: int) -> None:
    p["measure"] = ([*MEASURES, None][i % (len(MEASURES) + 1)])


def _null_source(p: dict, i: int) -> None:
    p["source"] = None
    p["cue"] = None


def _short_source(p: dict, i: int) -> None:
    # a fragment of the source as a plain string: the referee accepts it from 4 characters up
    text = evaluate.text_of(p.get("source"))
    if text:
        p["source"] = text[: 3 + i % 3]


def _wrong_source(p: dict, i: int) -> None:
    p["source"] = {"text": "the Kremlin press office"} if i % 2 else "nobody"


def _counted(p: dict, i: int) -> None:
    text = evaluate.text_of(p.get("counted")) or ""
    singular = text[:-1] if text.endswith("s") else text + "s"  # the head noun in the other number
    p["counted"] = [None, {"text": "people"}, "troops", {"text": ""}, {"text": singular}][i % 5]


def _shift(by: int) -> Callable[[dict, int], None]:
    def change(p: dict, i: int) -> None:
        f = p["figure"]
        if isinstance(f.get("start"), int) and isinstance(f.get("end"), int):
            f["start"] += by
            f["end"] += by

    return change


def _doc_as_path(p: dict, i: int) -> None:
    p["doc"] = f"some/folder/{p['doc']}"


def _bad_spans(p: dict, i: int) -> None:
    # spans the referee cannot read: the prediction cannot match and stays a false alarm
    [lambda: p["figure"].pop("start"), lambda: p["figure"].update(end=None), lambda: p["figure"].update(start="x"),
     lambda: p["figure"].update(start=str(p["figure"]["start"]))][i % 4]()


def drop(n: int) -> Callable[[Preds, tuple], Preds]:
    return lambda preds, gold: [p for i, p in enumerate(preds) if i % n]


def false_alarms(preds: Preds, gold: tuple) -> Preds:
    extra = []
    for p in preds[::3]:
        f = p["figure"]
        extra.append({"doc": p["doc"], "figure": {"text": "1,234", "start": f["end"] + 400, "end": f["end"] + 405,
                                                  "value": 1234, "bound": "exact", "unit": None}})
    extra.append({"doc": "not_in_gold.txt", "figure": {"text": "5", "start": 0, "end": 1, "value": 5}})
    extra.append({"figure": {"text": "7", "start": 0, "end": 1, "value": 7}})  # no doc: ignored
    return preds + extra


def duplicates(preds: Preds, gold: tuple) -> Preds:
    # a second, shorter prediction over each figure: the larger overlap must win, once
    out = []
    for p in preds:
        q = copy.deepcopy(p)
        q["figure"]["start"] = q["figure"]["end"] - 1
        q["figure"]["value"] = 0
        out.extend([q, p] if len(out) % 2 else [p, q])
    return out


def optional_only(preds: Preds, gold: tuple) -> Preds:
    return [p for p in from_gold(preds, gold) if p["figure"]["optional"]]


def from_gold(preds: Preds, gold: tuple) -> Preds:
    """Predictions written from the gold lines themselves (every field right)."""
    out = []
    for g in gold:
        src = next((s for s in g["source"] if s), None)
        out.append({"doc": g["doc"], "measure": g["measure"], "source": None if src is None else {"text": src},
                    "counted": None if g["counted"] is None else {"text": g["counted"]},
                    "figure": {"text": g["text"], "start": g["start"], "end": g["end"], "value": g["value"],
                               "low": g["low"], "high": g["high"], "bound": g["bound"], "unit": g["unit"],
                               "optional": bool(g.get("optional"))}})
    return out


def nothing(preds: Preds, gold: tuple) -> Preds:
    return []


def scrambled(seed: int) -> Callable[[Preds, tuple], Preds]:
    """A random mixture of every fault above, reproducible from `seed`."""
    changes = [_values, _tiny_values, _bounds, _units, _measures, _null_source, _short_source, _wrong_source,
               _counted, _shift(3), _shift(-6), _shift(40), _doc_as_path, _bad_spans]

    def run(preds: Preds, gold: tuple) -> Preds:
        rng = random.Random(seed)
        preds = false_alarms(preds, gold) if rng.random() < 0.5 else preds
        out = []
        for i, p in enumerate(preds):
            if rng.random() < 0.15:
                continue
            if "start" in p.get("figure", {}):
                for change in rng.sample(changes, rng.randint(0, 3)):
                    change(p, i)
            out.append(p)
        rng.shuffle(out)
        return out

    return run


FAULTS: dict[str, Callable[[Preds, tuple], Preds]] = {
    "as_extracted": lambda preds, gold: preds,
    "values_changed": every(2, _values),
    "values_within_tolerance": every(1, _tiny_values),
    "bounds_changed": every(3, _bounds),
    "units_changed": every(1, _units),
    "measures_changed": every(2, _measures),
    "sources_nulled": every(1, _null_source),
    "sources_shortened": every(1, _short_source),
    "sources_wrong": every(2, _wrong_source),
    "counted_changed": every(1, _counted),
    "spans_shifted_a_little": every(2, _shift(3)),
    "spans_shifted_off": every(3, _shift(60)),
    "spans_shifted_back": every(1, _shift(-4)),
    "spans_unreadable": every(2, _bad_spans),
    "doc_as_path": every(2, _doc_as_path),
    "lines_dropped": drop(3),
    "false_alarms": false_alarms,
    "duplicates": duplicates,
    "optional_only": optional_only,
    "from_gold": from_gold,
    "nothing": nothing,
    **{f"scrambled_{seed}": scrambled(seed) for seed in range(6)},
}


@GOLD_MARK
@pytest.mark.parametrize("fault", list(FAULTS))
def test_evaluate_score_agrees_with_referee(nlp, fault, tmp_path):
    preds = FAULTS[fault](seed_predictions(nlp), gold_lines())
    assert_same(referee(SEEDS_GOLD, preds, tmp_path), ours(SEEDS_GOLD, preds))


@pytest.mark.parametrize("fault", ["values_changed", "spans_shifted_off", "optional_only", "duplicates", "false_alarms"])
def test_evaluate_faults_move_the_scores(nlp, fault):
    """A fault that changes nothing would test nothing: each one must cost something."""
    clean = ours(SEEDS_GOLD, seed_predictions(nlp))
    broken = ours(SEEDS_GOLD, FAULTS[fault](seed_predictions(nlp), gold_lines()))
    assert (broken["claim"], broken["errors"], broken["false_alarms"]) != (clean["claim"], clean["errors"], clean["false_alarms"])


@GOLD_MARK
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_evaluate_score_agrees_on_edited_gold(nlp, seed, tmp_path):
    """Gold edited too: optional flags moved, ranges, null-acceptable sources, counted dropped."""
    rng = random.Random(seed)
    gold = copy.deepcopy(list(gold_lines()))
    for g in gold:
        r = rng.random()
        if r < 0.2:
            g["optional"] = not g.get("optional")
        elif r < 0.3:
            g["source"] = [*g["source"], None]
        elif r < 0.4:
            g["counted"] = None
        elif r < 0.5 and g["value"] is not None:
            g.update(bound="range", low=g["value"], high=g["value"] * 2, value=None)
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    preds = scrambled(seed)(seed_predictions(nlp), tuple(gold))
    assert_same(referee(gold_path, preds, tmp_path), ours(gold_path, preds))


@pytest.mark.parametrize("expected", [{"detection": {"p": 1.0, "r": 1.0, "f": 1.0}, "claim": {"p": 1.0, "r": 1.0, "f": 1.0}}])
def test_evaluate_score_perfect_and_empty(expected):
    gold = evaluate.load_gold(SEEDS_GOLD)
    perfect = evaluate.score(gold, from_gold([], gold_lines()))
    assert {k: perfect[k] for k in expected} == expected
    assert perfect["missed"] == perfect["false_alarms"] == perfect["errors"] == []
    empty = evaluate.score(gold, [])
    assert empty["predicted"] == 0 and empty["detection"] == {"p": 0.0, "r": 0.0, "f": 0.0}
    assert len(empty["missed"]) == empty["gold"] == sum(not g.get("optional") for g in gold)


@pytest.mark.parametrize("width", [100])
def test_evaluate_score_table_shows_every_number(width):
    gold = evaluate.load_gold(SEEDS_GOLD)
    preds = every(2, _values)(from_gold([], gold_lines()), gold_lines())
    result = evaluate.score(gold, preds)
    out = io.StringIO()
    Console(width=width, file=out, color_system=None).print(render.score_table(result))
    text = out.getvalue()
    for name in ("detection", "claim"):
        for k in "prf":
            assert f"{result[name][k]:.3f}" in text
    for k, v in result["accuracy_on_matched"].items():
        assert f"{k} accuracy on matched" in text and f"{v:.3f}" in text
    assert f"gold {result['gold']} · predicted {result['predicted']} · matched {result['matched']}" in text


@pytest.mark.parametrize(("content", "message"), [
    ('{"doc": "a.txt", "start": 0}\n', "a gold line needs"),
    ('{"doc": "a.txt"\n', "not valid JSON"),
    ('[1, 2]\n', "must be a JSON object"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "10", "value": 10, "bound": "exact", "unit": null, '
     '"measure": null, "source": "NIS"}\n', "source as a list"),
])
def test_evaluate_load_gold_rejects_bad_lines(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluate.load_gold(path)
    assert message in err.value.message and str(path) in err.value.message


@pytest.mark.parametrize("name", ["missing.jsonl"])
def test_evaluate_read_jsonl_missing_file(tmp_path, name):
    with pytest.raises(InputError) as err:
        evaluate.load_predictions([tmp_path / name])
    assert "no such file" in err.value.message


def _line(doc: str, start: int, end: int, **fields) -> dict:
    g = {"doc": doc, "start": start, "end": end, "text": f"fig{start}", "value": 10, "low": None, "high": None,
         "bound": "exact", "unit": None, "counted": "soldiers", "measure": None, "source": [None]}
    g.update(fields)
    return g


def _pred(doc: str, start: int, end: int, **fields) -> dict:
    figure = {"text": f"p{start}", "start": start, "end": end, "value": 10, "low": None, "high": None,
              "bound": "exact", "unit": None}
    figure.update(fields.pop("figure", {}))
    return {"doc": doc, "figure": figure, "counted": {"text": "soldiers"}, "measure": None, "source": None, **fields}


# Small hand-made sets for the corners the seeds do not reach.
CORNERS = {
    "units": (
        [_line("a.txt", 0, 5, unit="hr"), _line("a.txt", 10, 15, unit="lbs"), _line("a.txt", 20, 25, unit="USD"),
         _line("a.txt", 30, 35, unit="%"), _line("a.txt", 40, 45, unit="times"), _line("a.txt", 50, 55, unit="km")],
        [_pred("a.txt", 0, 5, figure={"unit": "hrs"}), _pred("a.txt", 10, 15, figure={"unit": "lb"}),
         _pred("a.txt", 20, 25, figure={"unit": "$"}), _pred("a.txt", 30, 35, figure={"unit": "per cent"}),
         _pred("a.txt", 40, 45, figure={"unit": "Time"}), _pred("a.txt", 50, 55, figure={"unit": " Kilometres "})],
    ),
    "ties": (  # equal overlaps: the earlier gold line, then the earlier prediction, goes first (errors keep that order)
        [_line("a.txt", 0, 10, value=1), _line("a.txt", 10, 20, value=2), _line("c.txt", 0, 10), _line("c.txt", 10, 20)],
        [_pred("a.txt", 5, 15, figure={"value": 2}), _pred("a.txt", 8, 12, figure={"value": 1}),
         _pred("a.txt", 0, 10, figure={"value": 3}),
         _pred("c.txt", 10, 15, figure={"value": 4}), _pred("c.txt", 5, 10, figure={"value": 5})],
    ),
    "ranges_and_sources": (
        [_line("b.txt", 0, 9, bound="range", value=None, low=1000, high=3000, source=["NIS", "Kim"]),
         _line("b.txt", 20, 29, bound="range", value=None, low=5, high=7, source=[None, "Kirby"], counted=None),
         _line("b.txt", 40, 49, source=["National Intelligence Service"], optional=True)],
        [_pred("b.txt", 2, 9, figure={"bound": "range", "value": None, "low": 1000.0000001, "high": 3000},
               source={"text": "Kim Jong-un"}),
         _pred("b.txt", 20, 22, figure={"bound": "range", "low": 5, "high": 8}, source="Kirby"),
         _pred("b.txt", 40, 41, source={"text": "Intel"}), _pred("b.txt", 60, 61)],
    ),
}


@GOLD_MARK
@pytest.mark.parametrize("corner", list(CORNERS))
def test_evaluate_score_agrees_on_corners(corner, tmp_path):
    gold, preds = CORNERS[corner]
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    assert_same(referee(gold_path, preds, tmp_path), ours(gold_path, preds))
