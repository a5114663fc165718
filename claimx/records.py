"""From annotated spaCy spans to `Claim` records."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .constants import SPANS_KEY
from .model import Claim, TextSpan

__all__ = ["SPANS_KEY", "claims_from_doc", "ents_of", "text_span"]
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
        ))
    return claims
