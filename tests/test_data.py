"""Package data: every lexicon key is read by some rule, so editing a documented word list changes something.

A key is read when the package's code names it as a string ('lex["cue_verbs"]', 'words("verbal_bounds")');
keys starting with an underscore are the lexicon's own documentation. A key nothing reads is a trap for a
user who extends it and sees no change.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from claimx.data import load_lexicon, merge

PACKAGE = Path(__file__).resolve().parent.parent / "claimx"
LEXICONS = sorted(p.name for p in (PACKAGE / "lexicons").glob("*.json"))


def code_strings() -> set[str]:
    """Every string constant in the package's Python code."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("name", LEXICONS)
def test_data_every_lexicon_key_is_read(name):
    keys = [k for k in json.loads((PACKAGE / "lexicons" / name).read_text(encoding="utf-8")) if not k.startswith("_")]
    dead = sorted(set(keys) - code_strings())
    assert not dead, f"{name}: keys no code reads: {dead}"


def test_data_dead_key_is_seen(tmp_path):
    """The check above can fail: a key written nowhere in the code is reported."""
    assert "no_rule_reads_this_key" not in code_strings()
    assert "cue_verbs" in code_strings()


@pytest.mark.parametrize(("base", "extra", "merged"), [
    ({"a": ["x"]}, {"a": ["y", "x"]}, {"a": ["x", "y"]}),  # lists extend without duplicates
    ({"a": {"b": 1}}, {"a": {"c": 2}}, {"a": {"b": 1, "c": 2}}),  # dicts merge key by key
    ({"a": 1}, {"a": 2}, {"a": 2}),  # anything else is replaced
])
def test_data_merge(base, extra, merged):
    assert merge(base, extra) == merged


def test_data_user_lexicon_extends_packaged(tmp_path):
    (tmp_path / "aliases.json").write_text(json.dumps({"honorifics": ["Dame"]}), encoding="utf-8")
    packaged, user = load_lexicon("aliases.json"), load_lexicon("aliases.json", tmp_path)
    assert user["honorifics"] == packaged["honorifics"] + [w for w in ["Dame"] if w not in packaged["honorifics"]]
