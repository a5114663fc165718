"""All claimx spaCy factories. Each `make_*` only constructs; the logic lives in its module.

Registered under the `spacy_factories` entry point too, so that
`spacy.blank("en").add_pipe("claimx_figures")` works without importing claimx.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import SPANS_KEY
from .attribution import AttributionFinder
from .counted import CountedFinder
from .extensions import set_extensions
from .figures import FigureFinder

FIGURE_ATTRS = ["span._.figure"]
COUNTED_ATTRS = ["span._.counted", "span._.measure"]
SENTENCE_END = set(".!?\"”’:;)…")
BULLETS = set("•▪◦‣●■")  # list bullets: a line that opens with one is a list item, the bullet no word of its sentence
ATTRIBUTION_ATTRS = ["span._.source", "span._.cue", "span._.hedged", "span._.quote", "span._.time",
                     "span._.as_of", "span._.scope", "span._.place"]


@Language.factory(
    "claimx_figures",
    default_config={"spans_key": SPANS_KEY, "lexicons": None, "durations": True},
    assigns=FIGURE_ATTRS,
    requires=["token.ent_type", "token.dep"],
)
def make_figures(nlp: Language, name: str, spans_key: str, lexicons: str | None, durations: bool) -> FigureFinder:
    set_extensions()
    return FigureFinder(nlp, name, spans_key=spans_key, lexicons=lexicons, durations=durations)


@Language.factory(
    "claimx_counted",
    default_config={"spans_key": SPANS_KEY, "lexicons": None},
    assigns=COUNTED_ATTRS,
    requires=["token.dep", "token.lemma"],
)
def make_counted(nlp: Language, name: str, spans_key: str, lexicons: str | None) -> CountedFinder:
    set_extensions()
    return CountedFinder(nlp, name, spans_key=spans_key, lexicons=lexicons)


@Language.factory(
    "claimx_attribution",
    default_config={"spans_key": SPANS_KEY, "lexicons": None},
    assigns=ATTRIBUTION_ATTRS,
    requires=["token.dep", "token.lemma", "token.ent_type"],
)
def make_attribution(nlp: Language, name: str, spans_key: str, lexicons: str | None) -> AttributionFinder:
    set_extensions()
    return AttributionFinder(nlp, name, spans_key=spans_key, lexicons=lexicons)


@Language.component("claimx_lines", retokenizes=False)
def line_breaks(doc: Doc) -> Doc:
    """Sentences start after a line break or a sentence-final mark, and nowhere else.

    News text has headlines and bullets without full stops, which the small parser
    glues to the next sentence or splits at random; it keeps boundaries set before it runs.
    """
    if not len(doc):
        return doc
    starts = numpy.zeros((len(doc), 1), dtype="int64")  # 1 starts, -1 continues, 0 leaves it to the parser
    prev = None
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text:
                prev = None
            continue
        if prev is None or "\n" in prev.whitespace_ or _bullet_before(prev):
            starts[tok.i] = 1  # a bullet stands alone, or the small parser makes it the verb of its item
        elif prev.text[-1:] not in SENTENCE_END:
            starts[tok.i] = -1
        prev = tok
    starts[0] = 1
    # one array write: setting token.is_sent_start one by one re-checks the whole doc each time
    return doc.from_array([SENT_START], starts.astype("uint64"))


def _bullet_before(prev: Token) -> bool:
    """The token before is a bullet that opens its line ('• The agency said ...')."""
    return prev.text in BULLETS and (prev.i == 0 or "\n" in prev.doc[prev.i - 1].text or "\n" in prev.doc[prev.i - 1].whitespace_)


class Claimx:
    """All claimx components as one pipe, for `nlp.add_pipe("claimx")`."""

    def __init__(self, parts: list) -> None:
        self.parts = parts

    def __call__(self, doc: Doc) -> Doc:
        for part in self.parts:
            doc = part(doc)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        for part in self.parts:
            part.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> Claimx:
        for part in self.parts:
            part.from_disk(path, exclude=exclude)
        return self


@Language.factory(
    "claimx",
    default_config={"spans_key": SPANS_KEY, "lexicons": None, "durations": True},
    assigns=[*FIGURE_ATTRS, *COUNTED_ATTRS, *ATTRIBUTION_ATTRS],
    requires=["token.ent_type", "token.dep", "token.lemma"],
)
def make_claimx(nlp: Language, name: str, spans_key: str, lexicons: str | None, durations: bool) -> Claimx:
    set_extensions()
    return Claimx([
        FigureFinder(nlp, f"{name}.figures", spans_key=spans_key, lexicons=lexicons, durations=durations),
        CountedFinder(nlp, f"{name}.counted", spans_key=spans_key, lexicons=lexicons),
        AttributionFinder(nlp, f"{name}.attribution", spans_key=spans_key, lexicons=lexicons),
    ])
