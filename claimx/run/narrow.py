"""Narrowing: the Doc the trained pipeline runs on, the whole text blanked outside the windows `windows.py` plans.

Each gap becomes ONE whitespace token of the same length (its quotation marks kept), so every offset and every
document-level lookup stays as it is; `fit_claims` trims spans that the parser let run into a gap back to where
they end in the full text.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim
from ..read.quotes import QUOTE_PAIRS
from .windows import WINDOWS_KEY, WindowPlanner, cheap_pipeline


class Narrower:
    """Makes the Docs the trained pipeline runs on: the text, tokenised once, blanked outside its windows."""

    def __init__(self, nlp: Language, lexicons: str | None = None) -> None:
        self.cheap = cheap_pipeline(nlp, lexicons)
        self.planner = WindowPlanner(lexicons)
        self.vocab = nlp.vocab
        self._share_words(nlp)

    def _share_words(self, nlp: Language) -> None:
        """Read numbers and names with the words of `nlp`'s own claimx components (a user's lexicons included)."""
        from ..components.attribution import AttributionFinder
        from ..components.figures import FigureFinder

        parts = list(getattr(nlp.get_pipe("claimx"), "parts", [])) if "claimx" in nlp.pipe_names else []
        parts += [proc for _, proc in nlp.pipeline]  # the separate claimx_* components, when used
        for part in parts:
            if isinstance(part, FigureFinder):
                candidates = self.cheap.get_pipe("claimx_candidates")
                candidates.reader, candidates.units = part.reader, part.units
            elif isinstance(part, AttributionFinder):
                self.planner.pronouns = {w.lower() for w in part.words.person_pronouns | part.words.plural_pronouns}
                self.planner.titles = {w.lower() for w in part.words.titles}

    def __call__(self, text: str) -> Doc:
        cheap_doc = self.cheap(text)
        windows = self.planner.plan(cheap_doc)
        doc = narrowed_doc(self.vocab, cheap_doc, windows)
        if windows != [(0, len(text))]:
            doc.user_data[WINDOWS_KEY] = windows
        return doc


_NARROWERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def narrower(nlp: Language) -> Narrower:
    """The Narrower of a pipeline, made once per pipeline."""
    if nlp not in _NARROWERS:
        _NARROWERS[nlp] = Narrower(nlp)
    return _NARROWERS[nlp]


def narrowed_doc(vocab, cheap_doc: Doc, windows: list[tuple[int, int]]) -> Doc:
    """A fresh Doc of the cheap Doc's tokens inside the windows, each gap one whitespace token as long as it."""
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[tuple[int, str]] = []  # a tokenizer exception's own norm ("o’clock" -> "o'clock"), which the model reads
    text = cheap_doc.text
    pos = 0
    for start, end in windows:
        if start > pos:
            gap = _blank(text[pos:start])
            words += gap
            spaces += [False] * len(gap)
        for tok in cheap_doc.char_span(start, end, alignment_mode="expand") or ():
            if tok.norm != tok.lex.norm:
                norms.append((len(words), tok.norm_))
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_))
        pos = end
    if pos < len(text):
        gap = _blank(text[pos:])
        words += gap
        spaces += [False] * len(gap)
    doc = Doc(vocab, words=words, spaces=spaces)
    for i, norm in norms:
        doc[i].norm_ = norm
    return doc


QUOTE_CHARS = "".join({'"', *QUOTE_PAIRS, *QUOTE_PAIRS.values()})
_BLANKED_RE = re.compile(rf"[^\s{QUOTE_CHARS}]|\n")


def _blank(gap: str) -> list[str]:
    """The gap as whitespace words, its quotation marks kept (they pair with the windows' ones).

    Its final whitespace stays as it was (a line break there starts the next sentence).
    """
    core = gap.rstrip()
    blanked = _BLANKED_RE.sub(" ", core)
    words = [w for w in re.split(rf"([{QUOTE_CHARS}])", blanked) if w]
    tail = gap[len(core):]
    return [*words, tail] if tail else words


def window_ends(doc: Doc) -> list[tuple[int, int]]:
    """The windows a narrowed Doc saw, each ending where its last token's text ends (trailing space excluded)."""
    out = []
    for start, end in doc.user_data.get(WINDOWS_KEY, []):
        span = doc.char_span(start, end, alignment_mode="contract")
        out.append((start, span.end_char if span is not None and len(span) else end))
    return out


def fit_claims(claims: list[Claim], doc: Doc, original: str | None = None) -> list[Claim]:
    """The claims of a narrowed Doc with every span trimmed to its window (a sentence may run into a gap)."""
    windows = window_ends(doc)
    if not windows:
        return claims
    text = original if original is not None else doc.text
    fit = _fitter(windows, text)
    return [replace(c, figure=fit(c.figure), sentence=fit(c.sentence), counted=fit(c.counted),
                    source=fit(c.source), cue=fit(c.cue), time=fit(c.time)) for c in claims]


def _fitter(windows: list[tuple[int, int]], text: str) -> Callable:
    starts = [w[0] for w in windows]

    def fit(x):
        if x is None:
            return None
        k = bisect.bisect_right(starts, x.start) - 1
        if k < 0 or x.end <= windows[k][1]:
            return x
        end = windows[k][1]
        return replace(x, end=end, text=text[x.start:end]) if hasattr(x, "text") else replace(x, end=end)

    return fit
