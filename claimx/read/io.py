"""Reading input: files, folders (recursively), JSONL corpora and stdin, one `Document` each.

Everything is lazy: folders are walked one directory at a time and a file is read only
when the caller asks for the next document, so memory stays flat however large the
folder. A bad input never stops the others: `read_inputs` yields an `InputError` in its
place and goes on. Offsets index the text exactly as decoded (no newline translation);
for HTML they index the main text that trafilatura extracts, not the markup.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..data import load_lexicon
from ..errors import Errors, InputError, Warnings

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_BYTES = 20 * 2**20  # one article file; far past any article, short of a dump that would take an hour
BINARY_SNIFF = 8192
DATELINE_CHARS = 200  # a dateline opens the article: "SEOUL, Jan 13 (Reuters) -"
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Document:
    """One article.

    Attributes:
        name: what claim records carry as `doc`: the file name, or a JSONL line's `id`.
        path: where it came from, for messages (`file.jsonl:12` for a JSONL line).
        text: the text that offsets index.
        date: the article's own date (YYYY-MM-DD) when the input says it: JSONL `date`, HTML metadata,
            else a dateline at the top of the text ("SEOUL, Jan 13 (Reuters) -"; see `dateline_date`).
        url: the article's address when the input says it.
        warnings: one-line messages about this input that did not stop it (e.g. replaced bytes).
    """

    name: str
    path: str
    text: str
    date: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


def read_inputs(paths: Iterable[str], *, max_bytes: int | None = MAX_BYTES) -> Iterator[Document | InputError]:
    """Every document under `paths` (files, folders, `-` for stdin), lazily and in a stable order.

    Args:
        paths: files, folders (walked recursively for .txt, .md, .html, .htm and .jsonl) or `-`.
        max_bytes: files larger than this are reported, not read (None: no limit). JSONL
            files are streamed, so the limit applies to each line rather than the file.
    """
    for found in iter_files(paths):
        if isinstance(found, InputError):
            yield found
        elif found == STDIN:
            yield _decode(STDIN, STDIN_NAME, sys.stdin.buffer.read())
        else:
            yield from read_path(Path(found), max_bytes=max_bytes)


def iter_files(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files `read_inputs` would read, as paths (`-` for stdin), in the same order, without reading them."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        try:
            st = os.stat(raw)
        except OSError as err:
            yield InputError(raw, _stat_message(raw, err))
            continue
        if stat.S_ISDIR(st.st_mode):
            found = False
            for item in _walk(Path(raw), {(st.st_dev, st.st_ino)}):
                found = True
                yield item
            if not found:
                yield InputError(raw, Errors.E002.format(path=raw))
        else:
            yield raw


def read_path(path: Path, *, max_bytes: int | None = MAX_BYTES) -> Iterator[Document | InputError]:
    """One file's documents: one for text and HTML, one per line for JSONL."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes=max_bytes)
    else:
        yield read_file(path, max_bytes=max_bytes)


def read_file(path: Path, *, max_bytes: int | None = MAX_BYTES) -> Document | InputError:
    """One text, Markdown or HTML file as one `Document` (name: the file name)."""
    data = _read_bytes(path, max_bytes)
    if isinstance(data, InputError):
        return data
    if path.suffix.lower() in HTML_SUFFIXES:
        return _from_html(str(path), path.name, data)
    return _decode(str(path), path.name, data)


def read_jsonl(path: Path, *, max_bytes: int | None = MAX_BYTES) -> Iterator[Document | InputError]:
    """One `Document` per line of `{"text": ..., "id": ..., "date": ..., "url": ...}`, streamed.

    A line's `id` becomes its records' `doc` (else `file.jsonl:LINE`); a bad line is an
    `InputError` for that line and the file goes on.
    """
    if isinstance(checked := _check_file(path, None), InputError):
        yield checked
        return
    decode = Decoder()  # the file's lines share one encoding and one warning about it
    try:
        with open(path, "rb") as f:
            for lineno, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                yield jsonl_line(path, lineno, raw, max_bytes, decode)
    except OSError as err:
        yield InputError(str(path), Errors.E007.format(path=path, err=err.strerror or err))


def jsonl_line(path: Path, lineno: int, raw: bytes, max_bytes: int | None, decode: Decoder | None = None) -> Document | InputError:
    """One JSONL line as a `Document` (`decode`: the file's `Decoder`, shared by its lines)."""
    where = f"{path}:{lineno}"
    if max_bytes is not None and len(raw) > max_bytes:
        return InputError(where, Errors.E013.format(path=where, size=len(raw), limit=max_bytes))
    line, warnings = (decode or Decoder())(where, raw)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError(where, Errors.E003.format(path=where, err=err.msg))
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return InputError(where, Errors.E017.format(path=where, err="no 'text' string"))
    if not obj["text"].strip():
        return InputError(where, Errors.E009.format(path=where))
    name = str(obj["id"]) if obj.get("id") not in (None, "") else f"{path.name}:{lineno}"
    date, bad_date = _iso_date(obj.get("date"))
    if bad_date:
        warnings = (*warnings, Warnings.W003.format(path=where, date=obj.get("date")))
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return Document(name=name, path=where, text=obj["text"], date=date or dateline_date(obj["text"]), url=url,
                    warnings=warnings)


def _walk(folder: Path, ancestors: set[tuple[int, int]]) -> Iterator[str | InputError]:
    """Files under `folder` in path order, one directory listed at a time.

    Symbolic links are followed; a link back to a folder being walked is reported once
    instead of looping.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as err:
        yield InputError(str(folder), Errors.E007.format(path=folder, err=err.strerror or err))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            st = entry.stat()  # follows links: a loop raises ELOOP, a dangling link ENOENT
        except OSError as err:
            if path.suffix.lower() in SUFFIXES or err.errno == errno.ELOOP:
                yield InputError(str(path), _stat_message(str(path), err))
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield InputError(str(path), Errors.E014.format(path=path))
                continue
            yield from _walk(path, ancestors | {key})
        elif path.suffix.lower() in SUFFIXES and stat.S_ISREG(st.st_mode):
            yield str(path)


def _stat_message(path: str, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return Errors.E014.format(path=path)
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return Errors.E001.format(path=path)
    return Errors.E007.format(path=path, err=err.strerror or err)


def _check_file(path: Path, max_bytes: int | None) -> os.stat_result | InputError:
    try:
        st = os.stat(path)
    except OSError as err:
        return InputError(str(path), _stat_message(str(path), err))
    if stat.S_ISDIR(st.st_mode):
        return InputError(str(path), Errors.E007.format(path=path, err="it is a folder"))
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
        return InputError(str(path), Errors.E015.format(path=path))
    if max_bytes is not None and st.st_size > max_bytes:
        return InputError(str(path), Errors.E013.format(path=path, size=st.st_size, limit=max_bytes))
    return st


def _read_bytes(path: Path, max_bytes: int | None) -> bytes | InputError:
    if isinstance(checked := _check_file(path, max_bytes), InputError):
        return checked
    try:
        with open(path, "rb") as f:
            head = f.read(BINARY_SNIFF)
            if b"\x00" in head:  # decided on the first block: a large binary file is never read whole
                return InputError(str(path), Errors.E005.format(path=path))
            f.seek(0)
            return f.read()  # whole again rather than head + rest: one copy of a 20 MB file, not two
    except OSError as err:
        return InputError(str(path), Errors.E007.format(path=path, err=err.strerror or err))


# Tried, in this order of preference, when a text is not UTF-8: news in a legacy encoding is nearly
# always Windows-1252 (or the Latin-1 it extends), then Latin-9, old Mac files, Central European.
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "mac_roman", "cp1250")
ENCODING_TIE = 0.05  # readings whose chaos (charset-normalizer's measure of garbling) differs less are equally good


class Decoder:
    """Bytes to text for one input: UTF-8 first (strict), else the legacy encoding its bytes fit best.

    Text that is UTF-8 but for a few bad bytes (it has more valid multi-byte sequences than bad
    ones) keeps UTF-8, with U+FFFD per bad sequence and a warning. Otherwise charset-normalizer
    picks among LEGACY_ENCODINGS and the text is decoded with it, with a warning naming it.
    One decoder serves a whole input: a JSONL file's lines share the encoding found first, and
    its warning is given once.
    """

    def __init__(self) -> None:
        self.encoding: str | None = None  # the legacy encoding found for this input

    def __call__(self, path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
        try:
            return data.decode("utf-8"), ()
        except UnicodeDecodeError as err:
            first = err.start
        replaced = data.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
        replaced_warning = (Warnings.W001.format(path=path, pos=first, n=max(bad, 1)),)
        if _mostly_utf8(replaced, bad):
            return replaced, replaced_warning
        if self.encoding is not None:
            try:
                return data.decode(self.encoding), ()  # warned already
            except UnicodeDecodeError:
                pass
        encoding = detect_encoding(data)
        if encoding is None:
            return replaced, replaced_warning
        self.encoding = encoding
        return data.decode(encoding), (Warnings.W004.format(path=path, encoding=encoding),)


def _mostly_utf8(text: str, bad: int) -> bool:
    """Whether text decoded as UTF-8 (bad sequences replaced) has more good non-ASCII characters than bad sequences:
    then it is UTF-8 with a few damaged bytes, not a legacy encoding (where hardly any byte pair is valid UTF-8)."""
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good > bad


def detect_encoding(data: bytes) -> str | None:
    """The legacy encoding (of LEGACY_ENCODINGS) that reads `data` best, by charset-normalizer; None if none does.
    Readings about as clean as the best (within ENCODING_TIE) count as equal, and then the more common encoding wins."""
    from charset_normalizer import from_bytes  # imported here: only text that is not UTF-8 pays for it

    matches = list(from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    fits = {name for m in matches if m.chaos <= cleanest + ENCODING_TIE for name in (m.encoding, *m.could_be_from_charset)}
    return next((name for name in LEGACY_ENCODINGS if name in fits), matches[0].encoding)


def _decode(path: str, name: str, data: bytes) -> Document | InputError:
    if b"\x00" in data[:BINARY_SNIFF]:
        return InputError(path, Errors.E005.format(path=path))
    text, warnings = Decoder()(path, data)
    if not text.strip():
        return InputError(path, Errors.E009.format(path=path))
    return Document(name=name, path=path, text=text, date=dateline_date(text), warnings=warnings)


def _from_html(path: str, name: str, data: bytes) -> Document | InputError:
    """The page's main text (trafilatura, offline), with its publication date when the page has one."""
    if b"\x00" in data[:BINARY_SNIFF]:
        return InputError(path, Errors.E005.format(path=path))
    if not data.strip():
        return InputError(path, Errors.E009.format(path=path))
    html, warnings = Decoder()(path, data)
    import trafilatura  # imported here: only HTML input pays for it

    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as err:  # lxml and trafilatura raise on some malformed pages; that page fails alone
        return InputError(path, Errors.E016.format(path=path) + f" ({type(err).__name__})")
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return InputError(path, Errors.E016.format(path=path))
    date, _ = _iso_date(getattr(found, "date", None))
    date = date or dateline_date(text)
    url = getattr(found, "url", None)
    return Document(name=name, path=path, text=text, date=date, url=url if isinstance(url, str) else None,
                    warnings=warnings)


@functools.lru_cache(maxsize=1)
def _dateline_re() -> tuple[re.Pattern[str], dict[str, int]]:
    """The dateline pattern, with the month names and abbreviations of `times.json`, and their numbers."""
    lex = load_lexicon("times.json")
    months = {name.lower(): k for k, name in enumerate(lex["month_names"], 1)}
    months.update({stem.lower(): k for stem in lex["months"] for name, k in list(months.items()) if name.startswith(stem.lower())})
    names = "|".join(sorted(months, key=len, reverse=True))
    place = r"[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.'’ -]{1,30}?)?"
    pattern = re.compile(rf"^\s*{place},?\s+(?P<month>{names})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?"
                         rf"\s*(?:\([^)]{{1,40}}\)\s*)?[-–—:]", re.I)
    return pattern, months


def dateline_date(text: str) -> str | None:
    """The date of a dateline that opens the text ("SEOUL, Jan 13 (Reuters) -"), as YYYY-MM-DD.

    A dateline without a year takes the latest year the text names; a text that names
    none has no date (unknown stays unknown).
    """
    pattern, months = _dateline_re()
    m = pattern.match(text[:DATELINE_CHARS])
    if m is None:
        return None
    years = [int(y) for y in YEAR_RE.findall(text)]
    year = int(m["year"]) if m["year"] else max(years, default=None)
    if year is None:
        return None
    try:
        return dt.date(year, months[m["month"].lower()], int(m["day"])).isoformat()
    except ValueError:  # "Feb 30": no such day
        return None


def _iso_date(value: object) -> tuple[str | None, bool]:
    """(YYYY-MM-DD or None, whether a value was given but unusable). ISO datetimes keep their date."""
    if value in (None, ""):
        return None, False
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat(), False
        except ValueError:
            pass
    return None, True
