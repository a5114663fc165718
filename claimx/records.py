"""From annotated spaCy spans to `Claim` records; and the types the readers and components hand each other."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .constants import SPANS_KEY
from .model import Claim, TextSpan

__all__ = ["SPANS_KEY", "Candidate", "Number", "claims_from_doc", "ents_of", "text_span"]
_ENTS_CACHE = "claimx_ents"


def ents_of(doc: Doc, *labels: str) -> list[Span]:
    """The entities of the given labels, read from doc.ents once per document.

    doc.ents builds every span anew on each access; the components ask for people and
    dates once per figure, which made long documents quadratic. The cache keeps offsets
    only (user_data must stay serialisable).
    """
    key = (_ENTS_CACHE, labels)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels])
        doc.user_data[key] = cached
    return [Span(doc, s, e, label=label) for s, e, label in cached[1]]


def text_span(span: Span) -> TextSpan:
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def claims_from_doc(doc: Doc, spans_key: str = SPANS_KEY) -> list[Claim]:
    """One Claim per figure span, in text order, as the components left them (no actor ids).

    Actor ids need the alias lexicon the pipeline was built with: `pipeline.document_claims`
    (and every command) links them; `doc._.claims` is this function, pure.
    """
    claims = []
    for span in doc.spans.get(spans_key, []):
        fig = span._.figure
        if fig is None:
            continue
        sent = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
        counted = span._.counted  # a model.Counted
        claims.append(Claim(
            doc=doc._.doc_id,
            figure=fig,
            sentence=text_span(sent),
            counted=counted,
            measure=span._.measure,
            source=span._.source,
            cue=span._.cue,
            hedged=bool(span._.hedged),
            quote=bool(span._.quote),
            time=span._.time,
            as_of=span._.as_of,
            scope=span._.scope,
            place=span._.place,
        ))
    return claims


# -- what the readers and components hand each other (not written out) -------------------

@dataclass
class Number:
    """A number read from tokens [start, end)."""

    start: int
    end: int
    value: float
    vague: bool = False
    fraction: bool = False
    scaled: bool = False
    scale: float = 1.0
    currency: str | None = None
    unit_text: str | None = None
    plus: bool = False
    high: float | None = None  # the top of a range written as one token ("8–12")
    mark: str | None = None  # a bound written onto the digits: "~45g" approx, "sub-7" max


@dataclass
class Candidate:
    """A number on its way to being a figure: what `figures` has read of it so far, as the not-a-figure rules see it."""

    num: Number
    start: int  # first token of the figure phrase (bound words, currency included)
    end: int  # token after the phrase
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None
