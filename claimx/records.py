"""From annotated spaCy spans to `Claim` records."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .model import Claim, TextSpan

SPANS_KEY = "claimx"


def text_span(span: Span) -> TextSpan:
    return TextSpan(text=span.text, start=span.start_char, end=span.end_char)


def claims_from_doc(doc: Doc, spans_key: str = SPANS_KEY) -> list[Claim]:
    """One Claim per figure span, in text order."""
    claims = []
    for span in doc.spans.get(spans_key, []):
        fig = span._.figure
        if fig is None:
            continue
        sent = span.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
        counted = span._.counted
        claims.append(Claim(
            doc=doc._.doc_id,
            figure=fig,
            sentence=text_span(sent),
            counted=text_span(counted) if counted is not None else None,
            measure=span._.measure,
            source=span._.source,
            cue=span._.cue,
            hedged=bool(span._.hedged),
            quote=bool(span._.quote),
            time=span._.time,
        ))
    return claims
