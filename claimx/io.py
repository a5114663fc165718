"""Reading input: files, folders (recursively) and stdin, one `Document` each.

A bad input never stops the others: `read_inputs` yields an `InputError` in its
place and goes on. Offsets index the text exactly as stored, so files are decoded
without newline translation.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Errors, InputError

TEXT_SUFFIXES = (".txt", ".md")
STDIN = "-"


@dataclass(frozen=True)
class Document:
    """One article: `name` is what claim records carry as `doc` (the file name)."""

    name: str
    path: str
    text: str


def read_inputs(paths: Iterable[str]) -> Iterator[Document | InputError]:
    for raw in paths:
        if raw == STDIN:
            yield _decode(STDIN, "<stdin>", sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
            if not files:
                yield InputError(raw, Errors.E002.format(path=raw))
            for f in files:
                yield read_file(f)
        elif path.exists():
            yield read_file(path)
        else:
            yield InputError(raw, Errors.E001.format(path=raw))


def read_file(path: Path) -> Document | InputError:
    try:
        data = path.read_bytes()
    except OSError as err:
        return InputError(str(path), Errors.E007.format(path=path, err=err.strerror or err))
    return _decode(str(path), path.name, data)


def _decode(path: str, name: str, data: bytes) -> Document | InputError:
    if b"\x00" in data[:8192]:
        return InputError(path, Errors.E005.format(path=path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return InputError(path, Errors.E006.format(path=path, err=f"byte {err.start}"))
    if not text.strip():
        return InputError(path, Errors.E009.format(path=path))
    return Document(name=name, path=path, text=text)
