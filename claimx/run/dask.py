"""claimx past one machine: a Dask bag of paths or texts, one pipeline per worker, partitioned JSONL.

    >>> import dask.bag as db
    >>> from distributed import Client
    >>> from claimx.run.dask import extract_bag
    >>> client = Client("tcp://scheduler:8786")
    >>> summary = extract_bag(db.from_sequence(paths, npartitions=64), "out/")

Partition i is written to `out/part-<i>.jsonl` (any fsspec URL the workers can write:
a shared folder, s3://...). Concatenated in name order, the parts hold the same records
in the same order as a single-process `claimx extract` over the same inputs. Workers read
paths themselves, so they must see the same files as the client. Needs `claimx[dask]`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import fsspec

from ..errors import InputError
from ..read.io import MAX_BYTES, STDIN, Document, iter_files, jsonl_line, read_inputs, read_path
from .progress import Summary

PARTS_PER_WORKER = 4  # partitions per worker for a bag made here: some balance, few files

_PIPELINES: dict[tuple[str | None, str | None], Any] = {}
_LOCK = threading.Lock()  # a worker's threads share its one pipeline, one document batch at a time


def _pipeline(model: str | None, lexicons: str | None) -> Any:
    """This worker process's pipeline, loaded on its first partition and kept."""
    from .pipeline import load

    key = (model, lexicons)
    if key not in _PIPELINES:
        _PIPELINES[key] = load(model, lexicons=lexicons)
    return _PIPELINES[key]


def _items(elements: Iterable[Any], max_bytes: int | None) -> Iterator[Document | InputError]:
    """A partition's elements as documents: a path (str or Path), a Document, or a dict like a JSONL line."""
    for n, el in enumerate(elements, 1):
        if isinstance(el, Document):
            yield el
        elif isinstance(el, dict):
            yield jsonl_line(Path("<bag>"), n, json.dumps(el).encode(), max_bytes)
        elif isinstance(el, (str, Path)):
            yield from read_path(Path(el), max_bytes=max_bytes) if Path(el).is_file() else read_inputs([str(el)],
                                                                                                        max_bytes=max_bytes)
        else:
            yield InputError(repr(el)[:80], f"{repr(el)[:80]}: not a path, a Document or a dict with 'text'")


def _run_partition(elements: list[Any], index: int, out: str, model: str | None, lexicons: str | None,
                   date: str | None, max_bytes: int | None, batch_size: int, full_parse: bool = True) -> dict[str, Any]:
    from .pipeline import extract_documents

    result: dict[str, Any] = {"part": f"{out.rstrip('/')}/part-{index:05d}.jsonl", "ok": 0, "failed": 0,
                              "claims": 0, "messages": []}
    with _LOCK:
        nlp = _pipeline(model, lexicons)
        with fsspec.open(result["part"], "w", encoding="utf-8", newline="\n", auto_mkdir=True) as f:
            for item, claims in extract_documents(nlp, _items(elements, max_bytes), batch_size, date, full_parse):
                if isinstance(item, InputError):
                    result["failed"] += 1
                    result["messages"].append(f"claimx: {item.message}")
                    continue
                result["messages"].extend(f"claimx: warning: {w}" for w in item.warnings)
                for claim in claims or []:
                    f.write(json.dumps(claim.to_dict(), ensure_ascii=False) + "\n")
                result["ok"] += 1
                result["claims"] += len(claims or [])
    return result


def extract_bag(bag: db.Bag, out: str | Path, *, model: str | None = None, lexicons: str | None = None,
                date: str | None = None, max_bytes: int | None = MAX_BYTES, batch_size: int = 16,
                report: Callable[[str], None] | None = None, full_parse: bool = True) -> Summary:
    """Extract claims from every element of `bag`, one part file per partition, on the current Dask scheduler.

    Args:
        bag: paths (files or folders the workers can read), `Document`s, or dicts with
            `text` and optional `id`, `date`, `url` (as in a JSONL corpus).
        out: folder (or fsspec URL) for `part-00000.jsonl`, `part-00001.jsonl`, ...
        model, lexicons, date, max_bytes, batch_size: as for `claimx extract`.
        full_parse: False runs the model only on the windows where a claim can be (`--windows`).
        report: called with each one-line message (bad inputs, warnings), partition by partition.
    """
    tasks = [dask.delayed(_run_partition)(part, i, str(out), model, lexicons, date, max_bytes, batch_size, full_parse)
             for i, part in enumerate(bag.to_delayed())]
    summary = Summary()
    start = time.perf_counter()
    for res in dask.compute(*tasks):
        summary.ok += res["ok"]
        summary.failed += res["failed"]
        summary.claims += res["claims"]
        summary.warnings += sum(": warning: " in m for m in res["messages"])
        if report is not None:
            for line in res["messages"]:
                report(line)
    summary.seconds = time.perf_counter() - start
    return summary


def paths_bag(paths: Iterable[str], npartitions: int) -> tuple[db.Bag, list[InputError]]:
    """Files under `paths` (folders listed here, on the client) as a bag; stdin is read here and sent as text."""
    elements: list[Any] = []
    errors: list[InputError] = []
    for found in iter_files(paths):
        if isinstance(found, InputError):
            errors.append(found)
        elif found == STDIN:
            for doc in read_inputs([STDIN]):
                (errors if isinstance(doc, InputError) else elements).append(doc)
        else:
            elements.append(found)
    if not elements:
        return db.from_sequence([], npartitions=1), errors
    return db.from_sequence(elements, npartitions=max(1, min(len(elements), npartitions))), errors


def extract_paths_on(address: str, paths: list[str], out: str | Path, *, model: str | None = None,
                     lexicons: str | None = None, date: str | None = None, max_bytes: int | None = MAX_BYTES,
                     batch_size: int = 16, report: Callable[[str], None] | None = None,
                     full_parse: bool = True) -> Summary:
    """`claimx extract --dask ADDRESS`: connect (or start `local[:N]` workers), run, close."""
    from distributed import Client, LocalCluster

    cluster = None
    if address == "local" or address.startswith("local:"):
        n = int(address.partition(":")[2] or 2)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address, timeout="30s")
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        bag, errors = paths_bag(paths, workers * PARTS_PER_WORKER)
        summary = extract_bag(bag, out, model=model, lexicons=lexicons, date=date, max_bytes=max_bytes,
                              batch_size=batch_size, report=report, full_parse=full_parse)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.failed += len(errors)
    if report is not None:
        for err in errors:
            report(f"claimx: {err.message}")
    return summary


__all__ = ["extract_bag", "extract_paths_on", "paths_bag"]
