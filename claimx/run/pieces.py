"""Cutting a text into pieces the model can take: overlong runs blanked, long texts cut at line
breaks or sentence ends, each later piece read with some text before it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Guards that keep the run linear in the text's length whatever the text (the components
# cost more than linear time in the length of one sentence, and quantulum in a token's):
MAX_RUN_CHARS = 1000  # a longer stretch without whitespace (a 100,000-digit "number", a base64 blob) is blanked
MAX_SENTENCE_CHARS = 2000  # a longer stretch without a sentence end or line break is cut at a space
# a longer text runs in pieces of at most this size: attribution and time cost O(figures x tokens)
# per Doc (doc.ents is rebuilt per figure), and spaCy needs ~1 GB per 100,000 characters
CHUNK_CHARS = 20_000
PIECE_CHARS_IN_FLIGHT = 2 * CHUNK_CHARS  # the model holds at most about this much text at once (two long pieces;
# a batch of short articles near the 16 of a full `nlp.pipe` batch, which runs the model about 3% faster than 9)
FIRST_WINDOW_PIECES = 4  # the first nlp.pipe window of a one-process run: its claims are out before a full batch's
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
