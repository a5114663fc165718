"""Running claimx over many documents: streamed, in order, in parallel, resumable (progress: progress.py).

`extract_stream` is `pipeline.extract_documents` with `jobs`: one job runs in this
process; more run one pipeline per worker process, fed batches of documents through a
bounded window of futures and read back in submission order, so the records are the
same and in the same order as with one job, and memory does not grow with the input.
`run` drives a stream to an output, reporting each bad input on one line.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..errors import Errors, InputError
from ..model import Claim
from ..read.io import STDIN_NAME, Document
from .lifetime import die_with_parent
from .progress import Progress, Summary

Result = tuple[Document | InputError, list[Claim] | None]
Part = tuple[Document | InputError, list[Claim] | None, bool]  # with the last part of the document
IN_FLIGHT_PER_JOB = 2  # batches queued per worker: enough to keep it busy, few enough to keep memory flat


WORKER_BYTES = 250 * 2**20  # memory one worker process takes: the model, its vectors and a batch of documents


def usable_jobs(cores: int | None = None, memory: int | None = None) -> int:
    """Worker processes this machine can run at once: every core this process may use, as many as the
    available memory holds at WORKER_BYTES each (at least one). None: read the machine's own."""
    cores = cores if cores is not None else _usable_cores()
    memory = memory if memory is not None else _available_memory()
    return max(1, min(cores, memory // WORKER_BYTES if memory is not None else cores))


def resolve_jobs(jobs: int | None, corpus: bool = False) -> int:
    """`--jobs`: 0 means `usable_jobs()`; None (not given) means that for a `corpus` (a folder, a JSONL file,
    several files) and one process for a single file or stdin, where starting workers costs more than it gains."""
    if jobs is None:
        return usable_jobs() if corpus else 1
    return jobs if jobs > 0 else usable_jobs()


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux: MemAvailable), None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None


def extract_stream(items: Iterable[Document | InputError], *, jobs: int | None = 1, nlp: Any = None,
                   model: str | None = None, lexicons: str | None = None, date: str | None = None,
                   batch_size: int = 16, parts: bool = False, full_parse: bool = True) -> Iterator[Result | Part]:
    """Claims per document in input order, like `extract_documents`, with `jobs` processes.

    With `parts`, yields (document, claims, last) as `pipeline.stream_documents` does, so
    that one long document's records can be written as its pieces are done (one job; with
    more, each document comes whole, as its worker sends it).

    Args:
        items: documents and input errors, e.g. from `io.read_inputs` (read lazily).
        jobs: worker processes; 1 runs here with `nlp` (loaded from `model` if None), 0 = `usable_jobs()`
              (every usable core, as memory allows), None = that for a corpus (see `resolve_jobs`).
        nlp, model, lexicons: the pipeline, or what to load in each process.
        date: the articles' date when a document has none of its own.
        batch_size: documents (pieces) per `nlp.pipe` batch, and documents per task sent to a worker.
        parts: yield (document, claims, last) instead of (document, claims).
        full_parse: parse every sentence; False runs the model only on the windows where a claim can be.

    Raises:
        RuntimeError: the pipeline cannot be loaded (in any process).
    """
    jobs = resolve_jobs(jobs, corpus=True)
    if jobs == 1:  # (with workers, this process never needs spaCy: only they import it)
        from .pieces import FIRST_WINDOW_PIECES
        from .pipeline import extract_documents, load, stream_documents

        nlp = nlp if nlp is not None else load(model, lexicons=lexicons)
        # a small first window here, where a person waits for the first claims; a worker's batches stay full
        yield from (stream_documents if parts else extract_documents)(nlp, items, batch_size, date, full_parse,
                                                                      FIRST_WINDOW_PIECES)
        return
    for item, claims in _parallel(items, jobs, model, lexicons, date, batch_size, full_parse):
        yield (item, claims, True) if parts else (item, claims)


# -- worker side: one pipeline per process, loaded once ------------------------------

_NLP: Any = None
_NLP_ERROR: str | None = None


def _init_worker(model: str | None, lexicons: str | None, kernel_guard: bool = True) -> None:
    global _NLP, _NLP_ERROR
    from .pipeline import load

    die_with_parent(kernel_guard)
    try:
        _NLP = load(model, lexicons=lexicons)
    except RuntimeError as err:  # reported by the first task, so that the parent can say why
        _NLP_ERROR = str(err)


def _work(docs: list[Document], date: str | None, full_parse: bool = True) -> list[tuple]:
    """One batch in a worker. InputError does not pickle (its __init__ takes two arguments): send tuples."""
    from .pipeline import extract_documents

    if _NLP_ERROR is not None:
        return [("model", _NLP_ERROR)]
    out: list[tuple] = []
    for item, claims in extract_documents(_NLP, docs, max(len(docs), 1), date, full_parse):
        if isinstance(item, InputError):
            out.append(("error", item.path, item.message))
        else:
            out.append(("ok", item, claims))
    return out


# -- parent side ---------------------------------------------------------------------

class _Pool:
    """A process pool that can be started again after a worker dies (a segfault, the OOM killer)."""

    def __init__(self, jobs: int, model: str | None, lexicons: str | None, full_parse: bool = True) -> None:
        self.args = (jobs, model, lexicons)
        self.full_parse = full_parse
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        jobs, model, lexicons = self.args
        # spawn: a fresh interpreter per worker, safe whatever threads the parent runs (rich's progress bar);
        # each worker ends with this process (die_with_parent), the kernel's guard only from the main thread
        main_thread = threading.current_thread() is threading.main_thread()
        return ProcessPoolExecutor(jobs, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                                   initargs=(model, lexicons, main_thread))

    def submit(self, docs: list[Document], date: str | None) -> Future | None:
        return self.pool.submit(_work, docs, date, self.full_parse) if docs else None

    def restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _batches(items: Iterable[Document | InputError], size: int) -> Iterator[list[Document | InputError]]:
    batch: list[Document | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parallel(items: Iterable[Document | InputError], jobs: int, model: str | None, lexicons: str | None,
              date: str | None, batch_size: int, full_parse: bool = True) -> Iterator[Result]:
    pool = _Pool(jobs, model, lexicons, full_parse)
    pending: deque[tuple[list[Document | InputError], Future | None]] = deque()
    try:
        for batch in _batches(items, batch_size):
            pending.append((batch, pool.submit([d for d in batch if isinstance(d, Document)], date)))
            while len(pending) > IN_FLIGHT_PER_JOB * jobs:
                yield from _collect(pool, pending, date)
        while pending:
            yield from _collect(pool, pending, date)
    finally:
        pool.close()


def _collect(pool: _Pool, pending: deque, date: str | None) -> Iterator[Result]:
    """The oldest batch's results, in order. A dead worker fails its batch alone: the pool restarts
    and the batches queued behind it are sent again."""
    batch, future = pending.popleft()
    try:
        results = iter(future.result() if future is not None else ())
    except BrokenProcessPool as err:
        pool.restart()
        for i, (queued, _) in enumerate(pending):
            pending[i] = (queued, pool.submit([d for d in queued if isinstance(d, Document)], date))
        reason = str(err) or type(err).__name__
        for item in batch:
            yield (InputError(item.path, Errors.E018.format(path=item.path, err=reason)) if isinstance(item, Document)
                   else item), None
        return
    for item in batch:
        if isinstance(item, InputError):
            yield item, None
            continue
        res = next(results)
        if res[0] == "model":
            raise RuntimeError(res[1])
        if res[0] == "error":
            yield InputError(res[1], res[2]), None
        else:
            yield res[1], res[2]


# -- resuming ------------------------------------------------------------------------

def resume_done(path: Path) -> set[str]:
    """The `doc` names an earlier run finished in the JSONL file `path`, cutting off its last document.

    Each document's records are written together and flushed, but a run killed while
    writing may leave the last document incomplete (even on a line end), so its lines
    are removed from the file and it runs again. A document with no claims leaves no
    trace, and runs again too.
    """
    if not path.exists():
        return set()
    done: set[str] = set()
    last_doc: str | None = None
    last_start = 0
    offset = 0
    with open(path, "rb") as f:
        for line in f:
            doc = _doc_of(line) if line.endswith(b"\n") else None
            if doc is None:  # a torn or foreign line: stop here, as if the run ended before it
                break
            if doc != last_doc:
                if last_doc is not None:
                    done.add(last_doc)
                last_doc, last_start = doc, offset
            offset += len(line)
    os.truncate(path, last_start)
    return done


def _doc_of(line: bytes) -> str | None:
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    doc = rec.get("doc") if isinstance(rec, dict) else None
    return doc if isinstance(doc, str) else None


def skip_done(items: Iterable[Document | InputError], done: set[str], skipped: list[str]) -> Iterator[Document | InputError]:
    """Items without those already `done` (their names appended to `skipped`); stdin is never skipped."""
    for item in items:
        if isinstance(item, Document) and item.name in done and item.name != STDIN_NAME:
            skipped.append(item.name)
            continue
        yield item


# -- driving a run: output and messages (the progress line and summary: progress.py) -----

def run(results: Iterable[Result | Part], emit: Callable[[Document, list[Claim]], None], progress: Progress,
        summary: Summary | None = None) -> Summary:
    """Write each document's claims with `emit` as they come; one line per bad input or warning.

    `results` are (document, claims) or, from `extract_stream(parts=True)`, (document, claims,
    last): a document's warnings are reported with its first part, and it counts once done.
    """
    summary = summary or Summary()
    start = time.perf_counter()
    fresh = True  # the next part opens a document
    for item, claims, *last in results:
        done = last[0] if last else True
        if isinstance(item, InputError):
            summary.failed += 1
            progress.print(f"claimx: {item.message}")
        else:
            for warning in item.warnings if fresh else ():
                summary.warnings += 1
                progress.print(f"claimx: warning: {warning}")
            emit(item, claims or [])
            summary.ok += int(done)
            summary.claims += len(claims or [])
        fresh = done
        progress.update(summary)
    summary.seconds = time.perf_counter() - start
    return summary


def processed_docs(nlp, paths: list[str], date: str | None, report: Callable[[str], None]) -> tuple[list, int]:
    """The processed Docs of every readable input, for the commands that read whole documents (actors, compare); each
    unreadable one is reported in one line through `report` and counted."""
    from ..read.io import read_inputs
    from .pipeline import make_doc

    items, failed = [], 0
    for item in read_inputs(paths):
        if isinstance(item, Document):
            items.append(item)
        else:
            failed += 1
            report(item.message)
    docs = list(nlp.pipe(make_doc(nlp, d.text, d.name, d.date or date) for d in items))  # the article's own date first
    return docs, failed
