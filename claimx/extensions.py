"""Every attribute claimx sets on spaCy objects, in one table.

Set from the factories (not at import), idempotently, so that importing claimx never
touches spaCy's global state and a second pipeline in the same process is fine.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: dict[str, Any] = {
    "figure": None,  # model.Figure
    "counted": None,  # spacy Span of the counted noun phrase
    "measure": None,  # one of model.MEASURES
    "source": None,  # model.Source
    "cue": None,  # model.Cue
    "hedged": False,
    "quote": False,
    "time": None,  # model.TimeRef
}
DOC_EXTENSIONS: dict[str, Any] = {
    "doc_id": "",  # the article's file name, carried into every Claim
    "claimx_date": None,  # the article's date (ISO) when known, for resolving times
}


def claims_getter(doc: Doc) -> list[Any]:
    from .records import claims_from_doc  # imported late: records needs the extensions set

    return claims_from_doc(doc)


def set_extensions() -> None:
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", getter=claims_getter)
