"""When a figure holds: the time expression of its clause, resolved against the article's date.

Resolution uses dateparser (imported on first use, so it costs nothing to a run that
never needs it). Without an article date, only expressions that carry their own year
are resolved: "in January" alone could be any January.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from .model import TimeRef
from .records import ents_of

DATE_LABELS = ("DATE", "TIME")
LEAD_PREPS = {"in", "on", "since", "by", "between", "during", "until", "till", "from", "before", "after", "through", "throughout", "as"}
PAST_RE = re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?:(\w+)\s+)?(day|week|month|year)s?\b", re.I)
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
FULL_DATE_RE = re.compile(rf"\b(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
LEAD_RE = re.compile(r"^(?:in|on|since|by|between|during|from|as of|until|before|after|early|late|mid-?|the)\s+", re.I)
DURATION_RE = re.compile(r"(?:(?:more|less|fewer) than |about |nearly |almost |over |some )?[\w,.-]+ "
                         r"(?:days?|weeks?|months?|years?|decades?|hours?)", re.I)
WORD_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def resolve(text: str, base: dt.date | None) -> str | None:
    """An ISO date (2025-04-30), month (2025-01), year (2022) or period (start/end) for a time expression."""
    m = PAST_RE.search(text)
    if m and base is not None:
        n = WORD_COUNTS.get((m.group(1) or "").lower()) or (int(m.group(1)) if (m.group(1) or "").isdigit() else 1)
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[m.group(2).lower()] * n
        return f"{(base - dt.timedelta(days=days)).isoformat()}/{base.isoformat()}"
    if base is None and not YEAR_RE.search(text):
        return None
    parts = re.split(r"\s+(?:and|to|until|till)\s+|\s*[–-]\s*(?=[A-Z0-9])", text)
    if len(parts) == 2:
        a, b = resolve(parts[0], base), resolve(parts[1], base)
        if a and b:
            return f"{a}/{b}"
    cleaned = re.sub(LEAD_RE, "", text.strip())
    cleaned = re.sub(r"^(?:early|late|mid-?)\s*", "", cleaned, flags=re.I)
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


class TimeResolver:
    def base_date(self, doc: Doc) -> dt.date | None:
        """The article's date: set by the caller (--date), else the latest full date in the text.

        The latest, because an article reports up to its own date and cites earlier ones.
        """
        given = doc._.claimx_date
        if given:
            return dt.date.fromisoformat(given)
        candidates = [e.text for e in doc.ents if e.label_ == "DATE" and YEAR_RE.search(e.text)
                      and re.search(r"\b\d{1,2}\b", YEAR_RE.sub("", e.text))]
        candidates += [m.group(0) for m in FULL_DATE_RE.finditer(doc.text)]  # the NER often misses datelines
        dates = []
        for text in candidates:
            iso = resolve(text, None)
            if iso and len(iso) == 10:
                dates.append(dt.date.fromisoformat(iso))
        return max(dates) if dates else None

    def time_of(self, span: Span, anchor: Token, base: dt.date | None) -> TimeRef | None:
        """The date expression of the figure's sentence nearest to the figure."""
        sent = span.sent
        best = None
        for ent in ents_of(span.doc, *DATE_LABELS):
            if ent.start < sent.start or ent.end > sent.end or (ent.start < span.end and span.start < ent.end):
                continue
            if not re.search(r"[A-Za-z]{3}|\d{4}", ent.text) or _is_duration(ent):
                continue
            dist = min(abs(ent.start - span.start), abs(ent.end - span.end))
            if best is None or dist < best[0]:
                best = (dist, ent)
        if best is None:
            return None
        ent = best[1]
        start = ent.start
        doc = span.doc
        if start > 0 and doc[start - 1].lower_ in LEAD_PREPS:
            start -= 1
        phrase = doc[start:ent.end]
        return TimeRef(text=phrase.text, start=phrase.start_char, end=phrase.end_char, date=resolve(phrase.text, base))


def _is_duration(ent: Span) -> bool:
    """'six months', 'more than 70 years': how long, not when."""
    return bool(DURATION_RE.fullmatch(ent.text)) \
        and not re.search(r"\b(?:last|past|previous|this|next|ago|earlier)\b", ent.text, re.I)
