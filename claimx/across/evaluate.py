"""Scoring claim predictions against a gold set, as the shared referee (gold/score.py) does.

A gold line is one figure of one article (see the annotation guidelines): `doc` (the file
name), `start`/`end`/`text`, `value` or `low`/`high`, `bound`, `unit`, `counted`, `measure`,
`source` (a list of acceptable strings, where null means "unattributed is acceptable") and
`optional`. A prediction is a claim record as `claimx extract -f jsonl` writes it.

Matching: a prediction matches a gold figure of the same file when their spans overlap, one
to one, largest overlap first (ties: earlier gold line, then earlier prediction). Predictions
matched to optional gold figures count neither way; optional figures are never missed.
Detection P/R/F1 counts matches; claim P/R/F1 counts matches whose value (low/high for a
range), bound, unit, measure and source are all right. Every number is rounded to 4 places.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError

STDIN = "-"
FIELDS = ("value", "bound", "unit", "measure", "source")

# Unit spellings the referee treats as one; anything else compares lower-cased, a plural "s" dropped.
UNITS: dict[str, str | None] = {
    "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "us dollar": "USD", "united states dollar": "USD",
    "%": "%", "percent": "%", "percentage": "%", "per cent": "%",
    "km": "km", "kilometre": "km", "kilometer": "km", "kilometres": "km", "kilometers": "km",
    "mi": "mi", "mile": "mi", "miles": "mi", "t": "t", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "m": "m", "metre": "m", "meter": "m", "metres": "m", "meters": "m",
    "£": "GBP", "pound sterling": "GBP", "gbp": "GBP", "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "mph": "mph", "mile per hour": "mph", "miles per hour": "mph", "km/h": "km/h", "kilometre per hour": "km/h",
    "ft": "ft", "foot": "ft", "feet": "ft", "knot": "kn", "knots": "kn", "kn": "kn",
    "ha": "ha", "hectare": "ha", "hectares": "ha", "acre": "acre", "acres": "acre",
    "lb": "lb", "lbs": "lb", "pound (mass)": "lb", "in": "in", "inch": "in", "inches": "in",
    "h": "hour", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "s": "second", "sec": "second",
    "yr": "year", "yrs": "year", "wk": "week", "wks": "week",
    "dimensionless": None, "": None, "count": None,
}



# -- reading -----------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold lines of a JSONL file, checked for the fields scoring reads.

    Raises:
        InputError: the file cannot be read, a line is not a JSON object, or a line lacks
            a field (`value`, or `low` and `high` for a range; `source` must be a list).
    """
    gold = read_jsonl(path)
    for n, g in enumerate(gold, 1):
        needs = _gold_problems(g)
        if needs:
            raise InputError(str(path), Errors.E024.format(path=path, line=n, fields=", ".join(needs)))
    return gold


# What scoring reads from a gold line, and the type it must have.
_GOLD_TYPES: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "doc": ("a string", lambda v: isinstance(v, str)),
    "start": ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "end": ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    "text": ("a string", lambda v: isinstance(v, str)),
    "bound": ("a string", lambda v: isinstance(v, str)),
    "unit": ("a string or null", lambda v: v is None or isinstance(v, str)),
    "measure": ("a string or null", lambda v: v is None or isinstance(v, str)),
    "source": ("a list", lambda v: isinstance(v, list)),
}


def _gold_problems(g: dict[str, Any]) -> list[str]:
    """The fields a gold line lacks or has in the wrong type, as "start" or "source as a list"."""
    out = []
    numbers = ("low", "high") if g.get("bound") == "range" else ("value",)
    for key in (*_GOLD_TYPES, *numbers):
        if key not in g:
            out.append(key)
        elif key in _GOLD_TYPES and not _GOLD_TYPES[key][1](g[key]):
            out.append(f"{key} as {_GOLD_TYPES[key][0]}")
    counted = g.get("counted")
    if counted and not (isinstance(counted, str) and counted.strip()):  # the referee reads its last word
        out.append("counted as a phrase or null")
    return out


def load_predictions(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Claim records from JSONL files (as `claimx extract -f jsonl` writes them), in order; `-` is stdin.

    Raises:
        InputError: as `read_jsonl`.
    """
    out: list[dict[str, Any]] = []
    for path in paths:
        if str(path) == STDIN:
            out.extend(parse_jsonl(sys.stdin.read().splitlines(), "<stdin>"))
        else:
            out.extend(read_jsonl(path))
    return out


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """One JSON object per non-blank line.

    Raises:
        InputError: the file is missing or unreadable, or a line is not a JSON object.
    """
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        raise InputError(str(path), Errors.E001.format(path=path)) from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), Errors.E006.format(path=path, err=f"byte {err.start}")) from None
    except OSError as err:
        raise InputError(str(path), Errors.E007.format(path=path, err=err.strerror or err)) from None
    return parse_jsonl(lines, str(path))


def parse_jsonl(lines: Iterable[str], path: str) -> list[dict[str, Any]]:
    """JSON objects from lines of text (blank lines skipped); `path` names the source in errors."""
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(path, Errors.E003.format(path=f"{path}, line {n}", err=err.msg)) from None
        if not isinstance(rec, dict):
            raise InputError(path, Errors.E025.format(path=path, line=n))
        out.append(rec)
    return out


# -- comparing one field -----------------------------------------------------------------------


def norm_unit(u: Any) -> str | None:
    if u is None:
        return None
    key = str(u).strip().lower()
    if key in UNITS:
        return UNITS[key]
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-4)  # "two-thirds": 66.67 and 66.6667 agree, as the referee says
    except (TypeError, ValueError):
        return False


def text_of(x: Any) -> Any:
    """A span's text: records carry {"text": …}, hand-made predictions may carry the string."""
    return x.get("text") if isinstance(x, dict) else x


def source_ok(pred: Any, gold: list[str | None]) -> bool:
    """Right when an acceptable name is inside the predicted source, or (4+ characters) the other way round."""
    p = text_of(pred)
    if not p:
        return None in gold
    p = p.casefold()
    for alias in gold:
        if alias is None:
            continue
        a = alias.casefold()
        if a in p or (len(p) >= 4 and p in a):
            return True
    return False


def counted_ok(pred: Any, gold: str) -> bool:
    """Right when the gold phrase's head noun (a plural "s" dropped) is inside the predicted phrase."""
    p = text_of(pred)
    return bool(p) and _head(gold) in p.casefold()


def _head(s: str) -> str:
    w = s.split()[-1].casefold()
    return w[:-1] if w.endswith("s") else w


# -- scoring -----------------------------------------------------------------------------------


def _doc_name(pred: dict[str, Any]) -> str:
    return os.path.basename(str(pred.get("doc", "")))


def _figure(rec: dict[str, Any]) -> dict[str, Any]:
    f = rec.get("figure")
    return f if isinstance(f, dict) and f else {}


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, prediction index) of overlapping spans in one file, largest overlap first, one to one."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _doc_name(p) != g["doc"]:
                continue
            f = _figure(p)
            try:
                s, e = int(f["start"]), int(f["end"])
            except (KeyError, TypeError, ValueError):
                continue  # a prediction without a usable span cannot match, and stays a false alarm
            overlap = min(e, g["end"]) - max(s, g["start"])
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4)}


def check_fields(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    """Which of FIELDS a matched prediction gets right."""
    f = _figure(p)
    if g["bound"] == "range":
        ok_value = same_number(f.get("low"), g["low"]) and same_number(f.get("high"), g["high"])
    else:
        ok_value = same_number(f.get("value"), g["value"])
    return {
        "value": ok_value,
        "bound": f.get("bound") == g["bound"],
        "unit": norm_unit(f.get("unit")) == norm_unit(g["unit"]),
        "measure": p.get("measure") == g["measure"],
        "source": source_ok(p.get("source"), g["source"]),
    }


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """The referee's report: the same keys and numbers as `score.py GOLD PRED --json`.

    Predictions for files the gold set does not cover are ignored.

    Returns:
        {"gold", "predicted", "matched": counts; "detection", "claim": {"p", "r", "f"};
        "accuracy_on_matched": {field: share right}; "counted_accuracy": share or None;
        "missed": gold texts; "false_alarms": predicted figure texts; "errors": one per
        matched claim with a wrong field, {"doc", "gold", "wrong", "pred"}}.
    """
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if _doc_name(p) in docs]
    pairs = match(gold, pred)
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    scored = [(gi, pi) for gi, pi in pairs if not gold[gi].get("optional")]
    n_gold = sum(1 for g in gold if not g.get("optional"))
    n_pred = len(scored) + sum(1 for pi in range(len(pred)) if pi not in paired_p)

    right, counted_n, counted_right, full, errors = _tally(gold, pred, scored)
    m = len(scored) or 1
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": len(scored),
        "detection": prf(len(scored), n_pred, n_gold),
        "claim": prf(full, n_pred, n_gold),
        "accuracy_on_matched": {k: round(right[k] / m, 4) for k in FIELDS},
        "counted_accuracy": round(counted_right / counted_n, 4) if counted_n else None,
        "missed": [g["text"] for gi, g in enumerate(gold) if gi not in paired_g and not g.get("optional")],
        "false_alarms": [_figure(pred[pi]).get("text") for pi in range(len(pred)) if pi not in paired_p],
        "errors": errors,
    }


def _tally(gold: list[dict[str, Any]], pred: list[dict[str, Any]],
           scored: list[tuple[int, int]]) -> tuple[Counter[str], int, int, int, list[dict[str, Any]]]:
    """Over matched pairs: right fields, counted checked and right, claims fully right, and the errors."""
    right: Counter[str] = Counter()
    counted_n = counted_right = full = 0
    errors = []
    for gi, pi in scored:
        g, p = gold[gi], pred[pi]
        checks = check_fields(g, p)
        right.update(k for k, ok in checks.items() if ok)
        if g.get("counted"):
            counted_n += 1
            counted_right += counted_ok(p.get("counted"), g["counted"])
        if all(checks.values()):
            full += 1
        else:
            errors.append({"doc": g["doc"], "gold": g["text"], "wrong": [k for k, ok in checks.items() if not ok],
                           "pred": {"figure": _figure(p), "measure": p.get("measure"), "source": text_of(p.get("source"))}})
    return right, counted_n, counted_right, full, errors
