"""What every claimx component shares: its word lists travel with the pipeline.

A component reads its lexicons (JSON) and patterns (JSONL) from the package, merged
with a user's directory, and writes them back on `nlp.to_disk()`, so a pipeline
saved with an extended lexicon loads with that lexicon (spaCy's SpanRuler does the
same with its patterns).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import ORTH
from spacy.util import ensure_path

from ..data import load_lexicon, load_patterns


def add_infix(nlp: Any, infix: str) -> None:
    """Add an alternative to the tokenizer's infix pattern, once (a pipeline without a regex tokenizer is left alone);
    the pattern saves with the tokenizer."""
    finditer = getattr(getattr(nlp, "tokenizer", None), "infix_finditer", None)
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if pattern is not None and infix not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{infix}").finditer


def add_special_cases(nlp: Any, words: Any) -> None:
    """Keep each word (an abbreviation with its full stop) one token; the special cases save with the tokenizer."""
    add = getattr(getattr(nlp, "tokenizer", None), "add_special_case", None)
    if add is not None:
        for word in words:
            add(word, [{ORTH: word}])


class DataComponent:
    """Base of the claimx components: data in, `_build()` derives what the rules use."""

    LEXICONS: tuple[str, ...] = ()
    PATTERNS: tuple[str, ...] = ()

    def __init__(self, lexicons: str | Path | None = None) -> None:
        self.data: dict[str, Any] = {n: load_lexicon(n, lexicons) for n in self.LEXICONS}
        self.patterns: dict[str, list[dict[str, Any]]] = {n: load_patterns(n, lexicons) for n in self.PATTERNS}
        self._build()

    def _build(self) -> None:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.data.items():
            srsly.write_json(path / name, data)
        for name, rows in self.patterns.items():
            srsly.write_jsonl(path / name, rows)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> DataComponent:
        path = ensure_path(path)
        for name in self.LEXICONS:
            if (path / name).exists():
                self.data[name] = srsly.read_json(path / name)
        for name in self.PATTERNS:
            if (path / name).exists():
                self.patterns[name] = list(srsly.read_jsonl(path / name))
        self._build()
        return self
