"""Spellings of names: the matching key, the display form, titles and acronyms defined in a text.

Shared by the per-document mentions (`mentions.py`) and the cross-article index
(`actors.py`); its words (the small words an acronym skips, courtesy titles) come from
`lexicons/aliases.json`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection

from ..data import load_lexicon

ALIASES = "aliases.json"
ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
POSSESSIVE_RE = re.compile(r"[’']s?$")
OWNER_RE = re.compile(r"^(.+?)[’']s\s+(.+)$")  # "South Korea's National Intelligence Service"
LEADING_ARTICLE_RE = re.compile(r"^the\s+", re.I)
WORD_RE = re.compile(r"[^\s()]+")
ACRONYM_LOOKBACK_CHARS = 200  # how far before "(NIS)" its long form may start
ACRONYM_EXTRA_WORDS = 4  # words an acronym's long form may hold beyond one per letter (skipped small words)
CLAUSE_END = (".", ",", ";", ":")  # a long form crosses none of these
NORM_CACHE = 65536  # names normalised once per process: the same few thousand spellings recur in every article


@functools.lru_cache(maxsize=NORM_CACHE)
def norm(text: str) -> str:
    """The matching key of a name: case, accents, dots, hyphens, 'the' and possessives ignored."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = " ".join(s.replace("’", "'").replace("‘", "'").split()).lower()
    s = POSSESSIVE_RE.sub("", s)
    s = LEADING_ARTICLE_RE.sub("", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def slug(name: str) -> str:
    """A stable id from a canonical name: 'North Korea' -> 'north-korea'."""
    return norm(name).replace(" ", "-") or "actor"


def display(text: str) -> str:
    """A surface form cleaned for display: one line, no leading 'the', no trailing possessive."""
    s = " ".join(text.replace("’", "'").split())
    s = LEADING_ARTICLE_RE.sub("", s)
    s = POSSESSIVE_RE.sub("", s) if len(s) > 2 else s
    return s.strip(" ,;:\"'()")


def strip_titles(name: str, titles: Collection[str]) -> str:
    """'Dr Phil Moss' -> 'Phil Moss': leading titles go, a one-word name stays."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in titles:
        words = words[1:]
    return " ".join(words)


def find_acronyms(text: str, skip: Collection[str] | None = None) -> list[tuple[str, str, int, int, int]]:
    """Acronyms defined in a text: (acronym, long form, long start, acronym start, acronym end).

    The long form is the shortest run of words just before "(ACR)" whose capitalised
    words' initials spell the acronym, so "a briefing with the National Intelligence
    Service (NIS)" gives "National Intelligence Service". `skip`: the small words an
    acronym's letters skip (default: aliases.json's `acronym_skip`).
    """
    skip = set(load_lexicon(ALIASES)["acronym_skip"]) if skip is None else set(skip)
    found = []
    for m in ACRONYM_RE.finditer(text):
        hit = _long_form(text, m, skip)
        if hit is not None:
            found.append((m.group(1), display(text[hit[0]:hit[1]]), hit[0], m.start(1), m.end(1)))
    return found


def _long_form(text: str, m: re.Match[str], skip: set[str]) -> tuple[int, int] | None:
    """The character range of the words before "(ACR)" that the acronym abbreviates, if any."""
    offset = max(0, m.start() - ACRONYM_LOOKBACK_CHARS)
    words = list(WORD_RE.finditer(text[offset:m.start()]))
    letters = m.group(1).replace("&", "").upper()
    for k in range(1, min(len(words), len(letters) + ACRONYM_EXTRA_WORDS) + 1):
        cand = words[-k:]
        # a run starts on a capitalised word and crosses no sentence or clause end
        if not cand[0].group()[0].isupper() or any(w.group().endswith(CLAUSE_END) for w in cand[:-1]):
            continue
        sig = [w.group() for w in cand if w.group().lower() not in skip]
        if "".join(w[0] for w in sig).upper() == letters and all(w[0].isupper() for w in sig):
            return offset + cand[0].start(), offset + cand[-1].end()
    return None
