"""Output writers shared by every command: JSONL for programs, CSV for spreadsheets, tables for people.

`extract` streams: a `ClaimWriter` takes one document's claims at a time and flushes
them, so a stopped run keeps every finished document. The commands over many articles
(`actors`, `compare`) write their records with `write_records`. The CSV columns are
flat and stable (`CLAIM_COLUMNS`, `GROUP_COLUMNS`, `ACTOR_COLUMNS`): an empty cell is
a missing value, booleans are `true`/`false`, lists are joined with "; ".
"""

from __future__ import annotations

import contextlib
import csv
import enum
import functools
import glob
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from rich.console import Console

from ..across.disputes import camp_mark
from ..errors import Errors, InputError
from ..model import Claim

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]

LIST_SEP = "; "
_NESTED = ("figure", "counted", "source", "cue", "time", "sentence", "as_of")  # the record's objects, flattened


class Format(str, enum.Enum):
    """The output formats of every command (sqlite: see `database`)."""

    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    sqlite = "sqlite"


def _fields(prefix: str, names: str) -> list[str]:
    return [f"{prefix}_{n}" for n in names.split()]


# One row per claim: the record's nested objects flattened as object_field, in the JSONL order.
CLAIM_COLUMNS: tuple[str, ...] = (
    "doc",
    *_fields("figure", "text start end value low high bound unit"),
    *_fields("counted", "text start end actor"),
    "measure",
    *_fields("source", "text start end name kind role via actor"),
    *_fields("cue", "text start end lemma stance"),
    "hedged", "quote",
    *_fields("time", "text start end date"),
    *_fields("sentence", "text start end"),
    *_fields("as_of", "date via"), "scope",
)
# One row per claim in a group of `compare`: the group's fields, then the claim's row.
GROUP_COLUMNS: tuple[str, ...] = (
    *_fields("group", "label subject subject_id noun measure unit place holds spread"),
    "ref", "mentions", "doc", "figure", "value", "low", "high", "bound", "unit", "counted", "time", "date",
    "source", "source_id", "subject_via", "hedged", "as_of", "as_of_via", "scope", "place", "camp", "dispute",
    "conflicts_with", "conflict_reasons",
)
ACTOR_COLUMNS: tuple[str, ...] = ("id", "name", "kind", "aliases", "mentions", "documents", "claims_made",
                                  "claims_about")


def write_jsonl(records: Iterable[Any], out: IO[str]) -> int:
    """Each record's `to_dict()` as one JSON line; flushed at the end. Returns how many."""
    n = 0
    for record in records:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    out.flush()
    return n


def cell(value: Any) -> Any:
    """A JSON value as a CSV cell: '' for null, true/false, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEP.join(str(cell(v)) for v in value)
    return value


def claim_row(claim: Claim) -> dict[str, Any]:
    """One claim as a flat row of CLAIM_COLUMNS."""
    d = claim.to_dict()
    row = {}
    for column in CLAIM_COLUMNS:
        head = next((n for n in _NESTED if column.startswith(f"{n}_")), None)
        row[column] = cell((d[head] or {}).get(column[len(head) + 1:]) if head else d[column])
    return row


def group_rows(group: Any) -> list[dict[str, Any]]:
    """One `compare` group as rows of GROUP_COLUMNS, one per claim; `camp` says which side of which dispute
    a claim is on ("1A": dispute 1, camp A), `dispute` why; conflicts name the other claims' refs and why."""
    g = group.to_dict()
    head = {f"group_{k}": cell(g[k]) for k in ("label", "subject", "subject_id", "noun", "measure", "unit", "place",
                                                "holds", "spread")}
    sides = camp_marks(g.get("disagreements", []))
    rows = []
    for i, r in enumerate(g["rows"]):
        mine = [c for c in g["conflicts"] if i in (c["a"], c["b"])]
        others = [g["rows"][c["b"] if c["a"] == i else c["a"]]["ref"] for c in mine]
        camps = sides.get(i, [])
        rows.append({**head, **{k: cell(r.get(k)) for k in GROUP_COLUMNS if k in r}, "camp": cell([m for m, _ in camps]),
                     "dispute": cell([why for _, why in camps]), "conflicts_with": cell(others),
                     "conflict_reasons": cell([c["reason"] for c in mine])})
    return rows


def camp_marks(disagreements: list[dict[str, Any]]) -> dict[int, list[tuple[str, str]]]:
    """Each row's sides in a group's disputes: row index -> [("1A", reason), ...] (dispute 1, camp A)."""
    marks: dict[int, list[tuple[str, str]]] = {}
    for n, d in enumerate(disagreements, 1):
        for k, camp in enumerate(d["camps"]):
            for i in camp:
                marks.setdefault(i, []).append((camp_mark(n, k), d["reason"]))
    return marks


def actor_row(actor: Any) -> dict[str, Any]:
    """One actor as a flat row of ACTOR_COLUMNS."""
    d = actor.to_dict()
    return {k: cell(d.get(k)) for k in ACTOR_COLUMNS}


class CsvWriter:
    """A header row, then rows of `columns`; flushed after each batch of rows."""

    def __init__(self, out: IO[str], columns: Sequence[str]) -> None:
        self.out = out
        self.writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
        self.writer.writeheader()
        out.flush()

    def rows(self, rows: Iterable[dict[str, Any]]) -> int:
        n = 0
        for row in rows:
            self.writer.writerow(row)
            n += 1
        self.out.flush()
        return n


class ClaimWriter:
    """Writes `extract`'s claims document by document in one format, flushing after each."""

    def __init__(self, out: IO[str], fmt: Format, *, width: int | None = None) -> None:
        self.out = out
        self.fmt = fmt
        self.count = 0
        self.csv = CsvWriter(out, CLAIM_COLUMNS) if fmt is Format.csv else None
        self.console = Console(file=out, highlight=False, width=width) if fmt is Format.table else None

    def write(self, doc: Any, claims: list[Claim]) -> None:
        """One document's claims (`doc` is its `io.Document`, for the table's title)."""
        if self.csv is not None:
            self.count += self.csv.rows(claim_row(c) for c in claims)
        elif self.console is not None:
            from .render import print_table

            print_table(self.console, doc.name, claims)
            self.out.flush()
            self.count += len(claims)
        else:
            self.count += write_jsonl(claims, self.out)


def write_records(records: list[Any], fmt: Format, out: IO[str], *, table: Callable[[list[Any]], Any],
                  rows: Callable[[Any], list[dict[str, Any]]], columns: Sequence[str], width: int | None = None) -> None:
    """Records of a command over many articles: JSONL, CSV (`rows` flattens one record) or `table`."""
    if fmt is Format.jsonl:
        write_jsonl(records, out)
    elif fmt is Format.csv:
        writer = CsvWriter(out, columns)
        for record in records:
            writer.rows(rows(record))
    else:
        Console(file=out, highlight=False, width=width).print(table(records))


TMP_SUFFIX = ".tmp"  # an output being written is `.NAME.XXXXXXXX.tmp` beside it until it is whole
TMP_RANDOM = "?" * 8  # the part mkstemp makes up (8 characters), as a glob: `.NAME.*.tmp` would take NAME.more's too


class open_output:
    """stdout, or a file written atomically: a reader never sees half a file.

    The file is written as a hidden temporary file beside `path` and renamed over it when
    whole. Its mode follows the umask, as a file the shell writes does (mkstemp alone makes
    0600), also when it replaces an older file. While written it is locked; a run that was
    killed leaves its temporary file unlocked, and the next run writing the same output
    removes it (`remove_stale`). A folder that does not exist or cannot be written is an
    `InputError` with one line, before anything is written.
    """

    def __init__(self, path: Path | None, append: bool = False, binary: bool = False) -> None:
        self.path = path
        self.append = append  # --resume: straight onto the file, which keeps what was finished
        self.binary = binary  # bytes (a PNG plot), not text
        self.tmp: str | None = None

    def __enter__(self) -> IO:
        if self.path is None:
            return sys.stdout.buffer if self.binary else sys.stdout
        folder = check_folder(self.path)
        remove_stale(self.path)
        try:
            if self.append:
                self.file = open(self.path, "a", encoding="utf-8", newline="\n")
                return self.file
            fd, self.tmp = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.", suffix=TMP_SUFFIX)
        except OSError as err:
            raise InputError(str(self.path), Errors.E032.format(path=self.path, err=err.strerror or err)) from None
        _lock(fd)
        os.chmod(self.tmp, FILE_MODE & ~process_umask())
        self.file = os.fdopen(fd, "wb") if self.binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.file

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            sys.stdout.flush()
            return
        self.file.close()
        if self.append:
            return
        if exc_type is not None:
            os.unlink(self.tmp)
            return
        try:
            os.replace(self.tmp, self.path)
        except OSError as err:  # e.g. the output's name is a folder's
            os.unlink(self.tmp)
            raise InputError(str(self.path), Errors.E032.format(path=self.path, err=err.strerror or err)) from None


def check_folder(path: Path) -> Path:
    """The folder an output `path` goes in. Raises InputError (one line) when there is no such folder."""
    folder = path.parent
    if not folder.is_dir():
        raise InputError(str(path), Errors.E031.format(path=path, folder=folder))
    return folder


FILE_MODE = 0o666  # what a new file may be, before the umask takes its bits away


@functools.cache
def process_umask() -> int:
    """This process's umask, read once (reading it means setting it: not something to do while threads write files)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _lock(fd: int) -> None:
    """Hold an exclusive lock on the temporary file while this process lives (the kernel drops it when it ends)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a file system without flock: then no run sees any file as stale
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def stale_outputs(path: Path) -> list[Path]:
    """The temporary files of earlier runs writing `path` that no live process holds."""
    found = []
    for tmp in sorted(path.parent.glob(f".{glob.escape(path.name)}.{TMP_RANDOM}{TMP_SUFFIX}")):
        if _unheld(tmp):
            found.append(tmp)
    return found


def remove_stale(path: Path) -> list[Path]:
    """Remove the temporary files that killed runs writing `path` left beside it; returns them."""
    removed = []
    for tmp in stale_outputs(path):
        try:
            os.unlink(tmp)
        except OSError:  # another run removed it first, or (Windows) a live run still has it open
            continue
        removed.append(tmp)
    return removed


def _unheld(tmp: Path) -> bool:
    """Whether no process holds the file's lock. Without flock (Windows), a file still open in its process cannot be
    removed anyway, so every one is offered (and a removal that fails leaves it)."""
    if fcntl is None:
        return True
    try:
        fd = os.open(tmp, os.O_RDONLY)
    except OSError:  # gone, or someone else's
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live run is writing it
    finally:
        os.close(fd)  # closing drops the lock just taken
    return True


@contextlib.contextmanager
def claim_output(output: Path | None, fmt: Format, *, resume: bool = False,
                 lexicons: str | Path | None = None, date: str | None = None) -> Iterator[tuple[Any, set[str]]]:
    """`extract`'s writer, document by document, and with `resume` the documents the output already has.

    JSONL, CSV and tables go to stdout or a file (`open_output`); sqlite to the database
    `output` (`database.ClaimDatabase`, one transaction per document), where `date` (--date) dates the
    documents that carry none.

    Raises:
        InputError: `output` is not a database (sqlite), or cannot be written.
    """
    if fmt is Format.sqlite:
        from .database import ClaimDatabase

        check_folder(output)  # before sqlite's own "unable to open database file"

        with ClaimDatabase(output, resume=resume, lexicons=lexicons, date=date) as db:
            yield db, db.documents() if resume else set()
        return
    from ..run.batch import resume_done

    done = resume_done(output) if resume else set()
    with open_output(output, append=resume) as out:
        yield ClaimWriter(out, fmt, width=None if output is None else 160), done  # flushes each document
