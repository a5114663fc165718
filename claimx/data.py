"""Package data: lexicons (JSON) and token patterns (SpanRuler-style JSONL).

Word lists live in files, not code, so that a newsroom can extend them without a
release: every component takes an optional directory whose files of the same
name are merged over the packaged ones (dict keys replace, lists extend).
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import srsly

from .errors import Errors


@functools.cache
def _packaged_json(name: str) -> dict[str, Any]:
    text = resources.files("claimx").joinpath("lexicons", name).read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _packaged_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    text = resources.files("claimx").joinpath("patterns", name).read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


def load_lexicon(name: str, overrides: str | Path | None = None) -> dict[str, Any]:
    """The packaged lexicon `name`, with the user's file of that name merged over it."""
    data = copy.deepcopy(_packaged_json(name))
    if overrides:
        path = Path(overrides) / name
        if path.exists():
            try:
                user = srsly.read_json(path)
            except ValueError as err:
                raise ValueError(Errors.E003.format(path=path, err=err)) from err
            data = merge(data, user)
    return data


def load_patterns(name: str, overrides: str | Path | None = None) -> list[dict[str, Any]]:
    """Packaged token patterns plus the user's JSONL file of that name, validated."""
    rows = [dict(r) for r in _packaged_jsonl(name)]
    if overrides:
        path = Path(overrides) / name
        if path.exists():
            rows.extend(srsly.read_jsonl(path))
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not {"label", "pattern"} <= row.keys() or not isinstance(row["pattern"], list):
            raise ValueError(Errors.E004.format(name=name, line=i + 1))
    return rows


def merge(base: Any, extra: Any) -> Any:
    """Dicts merge key by key, lists extend without duplicates, anything else is replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra
