"""When a figure holds: the time expression of its clause, resolved against the article's date.

Resolution uses dateparser (imported on first use, so it costs nothing to a run that
never needs it). Without an article date, only expressions that carry their own year
are resolved: "in January" alone could be any January. The words of time phrases live in
`lexicons/times.json`; this module holds the grammar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from .data import load_lexicon
from .model import TimeRef
from .records import ents_of

LEXICON = "times.json"
DATE_LABELS = ("DATE", "TIME")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
DAY_NUMBER_RE = re.compile(r"\b\d{1,2}\b")  # a day of the month, beside a year: a full date
HAS_WORD_OR_YEAR_RE = re.compile(r"[A-Za-z]{3}|\d{4}")  # "12" alone is no time expression
ISO_DAY_CHARS = len("2025-04-30")
PARSE_CACHE = 4096  # distinct (phrase, article date) readings of dateparser remembered


def _alternation(words: list[str]) -> str:
    """A regex alternation of lexicon words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


class TimeResolver:
    """Finds a figure's time expression and resolves it; its words come from `times.json`."""

    def __init__(self, lexicons: str | Path | None = None) -> None:
        lex = load_lexicon(LEXICON, lexicons)
        self.lead_words = set(lex["lead_words"])
        self.periods: dict[str, int] = lex["periods"]
        self.counts: dict[str, int] = lex["counts"]
        periods = _alternation(list(self.periods))
        self.past_re = re.compile(rf"\b(?:the\s+)?(?:{_alternation(lex['past_words'])})\s+(?:(\w+)\s+)?({periods})s?\b", re.I)
        month = rf"(?:{_alternation(lex['months'])})[a-z]*\.?"
        self.full_date_re = re.compile(rf"\b(?:\d{{1,2}} {month},? \d{{4}}|{month} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
        self.strip_re = re.compile(rf"^(?:(?:{_alternation(lex['strip_words'])})(?:\s+|(?<=-)))+", re.I)
        self.range_re = re.compile(rf"\s+(?:{_alternation(lex['range_words'])})\s+|\s*[–-]\s*(?=[A-Z0-9])")
        self.duration_re = re.compile(rf"(?:(?:{_alternation(lex['duration_bounds'])}) )?[\w,.-]+ "
                                      rf"(?:{_alternation(lex['duration_units'])})s?", re.I)
        self.relative_re = re.compile(rf"\b(?:{_alternation(lex['relative_words'])})\b", re.I)
        self.month_of = _month_numbers(lex["month_names"], lex["months"])
        names = _alternation(list(self.month_of))
        day_first, month_first = rf"(?P<d1>\d{{1,2}}) (?P<m1>{names})\.?,? ", rf"(?P<m2>{names})\.? (?P<d2>\d{{1,2}}),? "
        self.plain_date_re = re.compile(rf"(?:{day_first}|{month_first})(?P<y>\d{{4}})", re.I)

    def resolve(self, text: str, base: dt.date | None) -> str | None:
        """An ISO date (2025-04-30), month (2025-01), year (2022) or period (start/end) for a time expression."""
        m = self.past_re.search(text)
        if m and base is not None:
            return self._look_back(m, base)
        if base is None and not YEAR_RE.search(text):
            return None
        parts = self.range_re.split(text)
        if len(parts) == 2:
            a, b = self.resolve(parts[0], base), self.resolve(parts[1], base)
            if a and b:
                return f"{a}/{b}"
        cleaned = self.strip_re.sub("", text.strip())
        return self._plain(cleaned) or _parse(cleaned, base)

    def _plain(self, cleaned: str) -> str | None:
        """A year alone or a plain date, as dateparser reads them, for a fraction of its cost (None: ask it)."""
        if YEAR_RE.fullmatch(cleaned):
            return cleaned
        m = self.plain_date_re.fullmatch(cleaned)
        if m is None:
            return None
        try:
            day = dt.date(int(m["y"]), self.month_of[(m["m1"] or m["m2"]).lower()], int(m["d1"] or m["d2"]))
        except ValueError:  # "Feb 30, 2024": what dateparser makes of it is its own answer
            return None
        return day.isoformat()

    def _look_back(self, m: re.Match[str], base: dt.date) -> str:
        """'the past two weeks': the period that ends on the article's date."""
        count = (m.group(1) or "").lower()
        n = self.counts.get(count) or (int(count) if count.isdigit() else 1)
        days = self.periods[m.group(2).lower()] * n
        return f"{(base - dt.timedelta(days=days)).isoformat()}/{base.isoformat()}"

    def base_date(self, doc: Doc) -> dt.date | None:
        """The article's date: set by the caller (--date), else the latest full date in the text.

        The latest, because an article reports up to its own date and cites earlier ones.
        """
        given = doc._.claimx_date
        if given:
            return dt.date.fromisoformat(given)
        candidates = [e.text for e in doc.ents if e.label_ == "DATE" and YEAR_RE.search(e.text)
                      and DAY_NUMBER_RE.search(YEAR_RE.sub("", e.text))]
        candidates += [m.group(0) for m in self.full_date_re.finditer(doc.text)]  # the NER often misses datelines
        dates = [dt.date.fromisoformat(iso) for iso in (self.resolve(t, None) for t in candidates)
                 if iso and len(iso) == ISO_DAY_CHARS]
        return max(dates) if dates else None

    def time_of(self, span: Span, anchor: Token, base: dt.date | None) -> TimeRef | None:
        """The date expression of the figure's sentence nearest to the figure."""
        sent = span.sent
        best = None
        for ent in ents_of(span.doc, *DATE_LABELS):
            if ent.start < sent.start or ent.end > sent.end or (ent.start < span.end and span.start < ent.end):
                continue
            if not HAS_WORD_OR_YEAR_RE.search(ent.text) or self.is_duration(ent):
                continue
            dist = min(abs(ent.start - span.start), abs(ent.end - span.end))
            if best is None or dist < best[0]:
                best = (dist, ent)
        if best is None:
            return None
        ent = best[1]
        start = ent.start
        doc = span.doc
        if start > 0 and doc[start - 1].lower_ in self.lead_words:
            start -= 1
        phrase = doc[start:ent.end]
        return TimeRef(text=phrase.text, start=phrase.start_char, end=phrase.end_char, date=self.resolve(phrase.text, base))

    def is_duration(self, ent: Span) -> bool:
        """'six months', 'more than 70 years': how long, not when."""
        return bool(self.duration_re.fullmatch(ent.text)) and not self.relative_re.search(ent.text)


def _month_numbers(names: list[str], stems: list[str]) -> dict[str, int]:
    """Each month's name and abbreviations, lower-cased, to its number ('sept' -> 9)."""
    months = {name.lower(): k for k, name in enumerate(names, 1)}
    for stem in stems:
        months.update({stem.lower(): k for name, k in list(months.items()) if name.startswith(stem.lower()) and len(name) > len(stem)})
    return months


@functools.lru_cache(maxsize=PARSE_CACHE)
def _parse(cleaned: str, base: dt.date | None) -> str | None:
    """dateparser's reading of a cleaned time phrase, at the precision it gives (year, month, day).

    Remembered: news repeats its time phrases ("last year", "on Tuesday") and dateparser
    takes a millisecond or more for each.
    """
    try:
        data = _parser(base).get_date_data(cleaned)
    except Exception:  # dateparser raises on some odd strings; an unresolved time is still a time
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return f"{d.year:04d}"
    if data.period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()
