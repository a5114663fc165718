"""Words are data: English vocabulary lives in the lexicons, not in Python.

The count below is of English words written as string literals where the code decides
something about the text: in comparisons (`tok.lower_ == "over"`, `x in {"said", "told"}`),
in collection literals (word lists in code) and in regular expressions. Not counted: spaCy's
own labels (POS, dependencies, entity types: `spacy.glossary`), claimx's schema values and
record fields (bounds, measures, kinds, stances), lexicon keys read with `lex[...]`, the names
of lexicon files ("numbers.json"), of pipeline components and of model packages (API names, like
`__all__`), and docstrings and messages. The ceiling only goes down: when words move to a lexicon, lower it.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections import Counter
from pathlib import Path

import spacy.glossary

from claimx import model

PACKAGE = Path(__file__).resolve().parent.parent / "claimx"
WORD_RE = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{3,}")  # a backslash before letters is a regex escape (\bover)
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "sub", "findall", "finditer", "split"}
SKIP_MODULES = {"errors.py"}  # messages, not rules
# modules that write records, tables, databases, pages and plots and never read the article's text: their strings are
# column, table and property names (schema.org's, SQLite's), plot scales and SVG ids, not vocabulary; and the CLI's
# option module, which reads no text either (its strings are Click's names: "argument")
OUTPUT_MODULES = {"writers.py", "database.py", "claimreview.py", "render.py", "review.py", "plot.py", "dask.py", "batch.py",
                  "data.py", "factories.py", "placement.py", "scales.py", "options.py"}
SPACY_PIPES = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter", "sentencizer"}

# At commit f831427 (before issue 9) this counter found 135; lower the ceiling as words move, never raise it.
# (113 when lexicon files, component and model names were still counted; 100 once they were not; 82 after
# the scale, currency, phrase-end and part-of-whole words moved to the lexicons; 71 once attribution's
# strategies were a table of functions, not of method names; 70 with number words read by a table of kinds.)
# 47 once the output modules (which write records and read no text) and the as-of and scope values were no longer counted.
# (64 after later merges; 45 once the plot modules and the CLI's options joined the output modules, codec names
# counted as API names, and compare's since-words, role joiners and scope's place determiners moved to the lexicons.)
MAX_ENGLISH_WORDS = 45


def _schema_words() -> set[str]:
    words = {w.lower() for w in spacy.glossary.GLOSSARY}
    words |= set(model.BOUNDS) | set(model.MEASURES) | {w for value in (*model.AS_OF_VIA, *model.SCOPES) for w in value.split()}
    for cls in vars(model).values():
        if dataclasses.is_dataclass(cls):
            words |= {f.name for f in dataclasses.fields(cls)}
    words |= {"person", "organisation", "group", "media", "vague",  # Source.kind
              "states", "estimates", "claims", "confirms", "denies",  # Cue.stance
              "json", "jsonl", "utf", "html", "txt", "csv", "png", "svg", "md", "htm"}  # file kinds
    return words


def _api_names() -> set[str]:
    """Names the code refers to, not words it reads in text: lexicon files, spaCy factories, model packages,
    Python's codec names ("iso8859_15", "mac_roman")."""
    from encodings.aliases import aliases

    from spacy.language import Language

    from claimx.components import factories  # noqa: F401 - register claimx's factories
    from claimx.run import pipeline, windows  # noqa: F401

    names = {p.name for p in (PACKAGE / "lexicons").iterdir()}
    names |= set(Language.factories) | set(pipeline.DEFAULT_MODELS) | SPACY_PIPES
    names |= set(aliases) | set(aliases.values())
    return names | {n.split("_", 1)[-1] for n in names if n.startswith("claimx_")}


def _decision_strings(tree: ast.AST) -> list[str]:
    """String constants compared against, listed in literals, or used as regexes."""
    found: list[str] = []
    keys = {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}  # lex["months"]: a key, not a word
    api = _api_names()
    keys |= {id(n) for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in api}
    for node in ast.walk(tree):  # the public names in __all__: API, not vocabulary
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            keys |= {id(n) for n in ast.walk(node.value)}

    def strings(node: ast.AST) -> list[str]:
        return [n.value for n in ast.walk(node)
                if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in keys and "<" not in n.value]

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for part in [node.left, *node.comparators]:
                if isinstance(part, ast.Constant | ast.List | ast.Set | ast.Tuple):
                    found += strings(part)
        elif isinstance(node, ast.List | ast.Set | ast.Tuple) and sum(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts) >= 2:
            found += [s for e in node.elts for s in strings(e) if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGEX_CALLS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
            found += strings(node.args[0])
    return found


def english_words() -> Counter[str]:
    """(module, word) pairs of English words in the package's decision strings."""
    skip = _schema_words()
    counts: Counter[str] = Counter()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in SKIP_MODULES or path.name in OUTPUT_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        words = {w.lower() for s in _decision_strings(tree) for w in WORD_RE.findall(s)}
        for word in words - skip:
            counts[f"{path.relative_to(PACKAGE)}:{word}"] += 1
    return counts


def test_words_english_literals_only_go_down():
    counts = english_words()
    assert len(counts) <= MAX_ENGLISH_WORDS, (
        f"{len(counts)} English words in claimx/*.py (ceiling {MAX_ENGLISH_WORDS}): put new words in claimx/lexicons/. "
        f"Newest: {sorted(counts)[:40]}")


def test_words_counter_sees_a_word_list_in_code(tmp_path):
    tree = ast.parse('CUES = ("said", "told")\nif tok.lower_ == "over":\n    pass\n')
    assert {w for s in _decision_strings(tree) for w in WORD_RE.findall(s)} == {"said", "told", "over"}


def test_words_counter_skips_spacy_labels_and_schema_values():
    tree = ast.parse('if tok.dep_ in ("nsubj", "dobj") and m == "killed":\n    pass\n')
    words = {w for s in _decision_strings(tree) for w in WORD_RE.findall(s)}
    assert not words - _schema_words()
