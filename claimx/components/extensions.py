"""Every attribute claimx sets on spaCy objects, in one table.

Set from the factories (not at import), idempotently, so that importing claimx never
touches spaCy's global state and a second pipeline in the same process is fine.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import srsly
from spacy.tokens import Doc, Span

from ..model import AsOf, Counted, Cue, Figure, Source, TextSpan, TimeRef

SPAN_EXTENSIONS: dict[str, Any] = {
    "figure": None,  # model.Figure
    "counted": None,  # model.Counted: the counted noun phrase, by character offsets
    "measure": None,  # one of model.MEASURES
    "source": None,  # model.Source
    "cue": None,  # model.Cue
    "hedged": False,
    "quote": False,
    "time": None,  # model.TimeRef
    "as_of": None,  # model.AsOf: the date the figure holds, and how it was found
    "scope": None,  # one of model.SCOPES
    "place": None,  # a place narrower than the story, named right after the figure ("in the capital")
}
DOC_EXTENSIONS: dict[str, Any] = {
    "doc_id": "",  # the article's file name, carried into every Claim
    "claimx_date": None,  # the article's date (ISO) when known, for resolving times
}


def claims_getter(doc: Doc) -> list[Any]:
    from ..records import claims_from_doc  # imported late: records needs the extensions set

    return claims_from_doc(doc)


# The records stored in extensions travel with the Doc (Doc.to_bytes, DocBin, nlp.pipe(n_process=2))
# through msgpack: these hooks turn them into tagged dicts and back.
RECORDS: dict[str, type] = {cls.__name__: cls for cls in (Figure, Counted, Source, Cue, TimeRef, TextSpan, AsOf)}
_TAG = "__claimx__"


def encode_record(obj: Any, chain: Any = None) -> Any:
    if type(obj).__name__ in RECORDS and dataclasses.is_dataclass(obj):
        return {_TAG: type(obj).__name__, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def decode_record(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _TAG in obj:
        fields = dict(obj)
        return RECORDS[fields.pop(_TAG)](**fields)
    return obj if chain is None else chain(obj)


def set_extensions() -> None:
    srsly.msgpack_encoders.register("claimx", func=encode_record)
    srsly.msgpack_decoders.register("claimx", func=decode_record)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", getter=claims_getter)
