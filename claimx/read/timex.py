"""When a figure holds: the time expression of its clause, resolved against the article's date.

A figure's sentence may carry several time phrases. Each is read by the clause it sits in
(`TimeResolver.figure_time`):

* its **own time**: the phrase is in the figure's clause ("have been killed since October",
  "troops sent in January");
* the **statement**'s time: the phrase is in a clause that governs the figure's, or modifies
  the reporting verb ("the White House said Monday that ...");
* a phrase of **another clause** ("... Kursk, where Ukraine launched an incursion in August")
  says nothing about when the figure holds and is passed over.

The as-of date of a claim (`as_of`) is the own time, else the statement's, else the
article's date; unknown stays unknown. A bare weekday ("said Monday") is the latest such
day on or before the article's date: the article's own date when it appeared that day.

Resolution uses dateparser (imported on first use, so it costs nothing to a run that
never needs it). Without an article date, only expressions that carry their own year
are resolved: "in January" alone could be any January. The words of time phrases live in
`lexicons/times.json`; this module holds the grammar.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..data import load_lexicon
from ..model import AsOf, TimeRef
from ..records import ents_of

LEXICON = "times.json"
DATE_LABELS = ("DATE", "TIME")
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
DAY_NUMBER_RE = re.compile(r"\b\d{1,2}\b")  # a day of the month, beside a year: a full date
HAS_WORD_OR_YEAR_RE = re.compile(r"[A-Za-z]{3}|\d{4}")  # "12" alone is no time expression
ISO_DAY_CHARS = len("2025-04-30")
PARSE_CACHE = 4096  # distinct (phrase, article date) readings of dateparser remembered
WEEK_DAYS = 7
OWN, STATEMENT, OTHER = "own time", "statement", "other clause"
MONTHS_PER_YEAR = 12
FRONTED_LEAD_WORDS = 1  # 'In January, ...': the words before a sentence-opening time phrase (a preposition)
CLAUSE_POS = frozenset({"VERB", "AUX"})  # a clause is headed by a verb (or a copula)
# "troops sent in January", "casualties Russian forces suffered over the past day": a participle or relative clause on
# the counted noun describes what is counted, so it is in the figure's clause
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True)
class FigureTime:
    """The time phrases of a figure's sentence that say when it holds: its own, the statement's."""

    own: TimeRef | None = None
    statement: TimeRef | None = None

    @property
    def ref(self) -> TimeRef | None:
        """The phrase a record shows as its `time`: the figure's own, else the statement's."""
        return self.own or self.statement


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

    def __init__(self, lexicons: str | Path | None = None, *, data: dict | None = None) -> None:
        lex = data if data is not None else load_lexicon(LEXICON, lexicons)  # `data`: times.json as a component holds it
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
        self.calendar_leads: dict[str, int] = lex.get("calendar_leads", {})
        leads = _alternation(list(self.calendar_leads))
        self.calendar_units: dict[str, int] = lex.get("calendar_units", {})  # months in each
        units = _alternation(list(self.calendar_units))
        self.calendar_re = re.compile(rf"(?:(?P<month>{names})\.?\s+(?:of\s+)?)?(?P<lead>{leads})\s+(?P<unit>{units})", re.I)
        # 'the last year': the year up to the article's date, not the calendar year before it
        self.look_back_re = re.compile(rf"\bthe\s+(?:{_alternation(lex['past_words'])})\b", re.I)
        self.last_month_re = re.compile(rf"(?P<lead>{leads})\s+(?P<month>{names})\.?", re.I)
        self.weekday_of = {name.lower(): k for k, name in enumerate(lex["weekday_names"])}
        self.weekday_re = re.compile(rf"(?:(?:{_alternation(lex['weekday_leads'])})\s+)?(?P<day>{_alternation(list(self.weekday_of))})"
                                     rf"(?:\s+(?:{_alternation(lex['day_parts'])}))?", re.I)

    def resolve(self, text: str, base: dt.date | None) -> str | None:
        """An ISO date (2025-04-30), month (2025-01), year (2022) or period (start/end) for a time expression."""
        calendar = self._calendar(text, base)
        if calendar is not None:
            return calendar
        m = self.past_re.search(text)
        if m and base is not None:
            return self._look_back(m, base)
        day = self.weekday_re.fullmatch(text.strip())
        if day is not None:
            return self._weekday(day["day"], base)
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

    def _calendar(self, text: str, base: dt.date | None) -> str | None:
        """'last year' (2024 in a 2025 article), 'October last year' (2024-10), 'last October' (the latest October
        before the article's month), 'earlier this month': a calendar year or month; 'the last year' is a look-back."""
        if base is None or self.look_back_re.search(text):
            return None
        cleaned = self.strip_re.sub("", text.strip())
        m = self.calendar_re.fullmatch(cleaned)
        if m is not None:
            offset = self.calendar_leads[m["lead"].lower()]
            if self.calendar_units[m["unit"].lower()] == MONTHS_PER_YEAR:
                year = base.year + offset
                return f"{year}-{self.month_of[m['month'].lower()]:02d}" if m["month"] else str(year)
            if m["month"]:
                return None  # "October this month" says nothing
            month = base.month + offset
            year = base.year + (month - 1) // 12
            return f"{year}-{(month - 1) % 12 + 1:02d}"
        m = self.last_month_re.fullmatch(cleaned)
        if m is not None and self.calendar_leads[m["lead"].lower()] < 0:
            month = self.month_of[m["month"].lower()]
            return f"{base.year if month < base.month else base.year - 1}-{month:02d}"
        return None

    def _weekday(self, name: str, base: dt.date | None) -> str | None:
        """'Monday': the latest Monday on or before the article's date (the article's date itself on a Monday)."""
        if base is None:
            return None
        back = (base.weekday() - self.weekday_of[name.lower()]) % WEEK_DAYS
        return (base - dt.timedelta(days=back)).isoformat()

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

    def time_of(self, span: Span, anchor: Token, base: dt.date | None, cue: Span | None = None) -> TimeRef | None:
        """The time phrase a record shows for the figure: its own time, else the statement's."""
        return self.figure_time(span, anchor, base, cue).ref

    def figure_time(self, span: Span, anchor: Token, base: dt.date | None, cue: Span | None = None) -> FigureTime:
        """The figure's own time phrase and its statement's, each the nearest of its kind in the sentence.

        Args:
            span: the figure.
            anchor: the figure's token that links it to the sentence (`counted.anchor_of`).
            base: the date relative phrases are resolved against.
            cue: the reporting word the attribution found, if any: a time on it is the statement's.
        """
        sent = span.sent
        best: dict[str, tuple[int, Span]] = {}
        for ent in ents_of(span.doc, *DATE_LABELS):
            if ent.start < sent.start or ent.end > sent.end or (ent.start < span.end and span.start < ent.end):
                continue
            if not HAS_WORD_OR_YEAR_RE.search(ent.text) or self.is_duration(ent):
                continue
            role = clause_role(ent, anchor, cue)
            dist = min(abs(ent.start - span.start), abs(ent.end - span.end))
            if role != OTHER and (role not in best or dist < best[role][0]):
                best[role] = (dist, ent)
        return FigureTime(own=self._ref(best[OWN][1], base) if OWN in best else None,
                          statement=self._ref(best[STATEMENT][1], base) if STATEMENT in best else None)

    def _ref(self, ent: Span, base: dt.date | None) -> TimeRef:
        """The phrase with its leading preposition ('in January'), resolved."""
        start = ent.start
        doc = ent.doc
        if start > 0 and doc[start - 1].lower_ in self.lead_words:
            start -= 1
        phrase = doc[start:ent.end]
        return TimeRef(text=phrase.text, start=phrase.start_char, end=phrase.end_char, date=self.resolve(phrase.text, base))

    @staticmethod
    def as_of(found: FigureTime, article: str | None) -> AsOf:
        """The date the figure holds: its own time, else the statement's, else the article's; else unknown."""
        for ref, via in ((found.own, OWN), (found.statement, STATEMENT)):
            if ref is not None and ref.date:
                return AsOf(date=ref.date, via=via)
        return AsOf(date=article, via="article") if article else AsOf()

    def is_duration(self, ent: Span) -> bool:
        """'six months', 'more than 70 years': how long, not when."""
        return bool(self.duration_re.fullmatch(ent.text)) and not self.relative_re.search(ent.text)


def clause_role(time: Span, anchor: Token, cue: Span | None = None) -> str:
    """Whose time a phrase is: the figure's own (OWN), the statement's (STATEMENT) or another clause's (OTHER).

    Without a parse every phrase of the sentence counts as the figure's own, as before clauses were read.
    """
    doc = time.doc
    if not doc.has_annotation("DEP"):
        return OWN
    path = clause_path(anchor)  # the figure's token up to the verb of its clause
    clause_verb = path[-1]
    cue_tokens = set(range(cue.start, cue.end)) if cue is not None else set()
    tok = time.sent.root if fronted(time) else time.root
    while True:
        if tok in path:
            return OWN  # the phrase hangs on the figure's own words or verb
        if tok.i in cue_tokens:
            return STATEMENT  # "said Monday", "told lawmakers on Monday"
        if clause_boundary(tok, path):  # the root always is one
            break  # the phrase's own clause: whose is it?
        tok = tok.head
    # a clause that governs the figure's clause reports or frames it ("officials said Monday that ...")
    return STATEMENT if tok.is_ancestor(clause_verb) else OTHER


def fronted(time: Span) -> bool:
    """'In January, shortly after the troops arrived, the NIS estimated ...': a time phrase that opens the sentence,
    set off by a comma, frames the main clause, wherever the parser hung it."""
    doc, start = time.doc, time.sent.start
    return time.start - start <= FRONTED_LEAD_WORDS and time.end < len(doc) and doc[time.end].text == "," \
        and all(not t.is_alpha or t.pos_ == "ADP" for t in doc[start:time.start])


def heads_clause(tok: Token) -> bool:
    """A verb that is not an auxiliary, or the root: it heads a clause."""
    return (tok.pos_ in CLAUSE_POS and tok.dep_ not in ("aux", "auxpass")) or tok.head == tok


def clause_boundary(tok: Token, path: list[Token]) -> bool:
    """`tok` heads a clause of its own, apart from the figure's (whose words are `path`).

    Not a boundary: a participle on the figure's noun ("troops sent in January"), or a
    verb joined to the figure's without a subject of its own ("were killed or injured over the weekend").
    """
    if not heads_clause(tok):
        return False
    if tok.dep_ in NOUN_CLAUSE_DEPS and tok.head in path:
        return False
    return not (tok.dep_ == "conj" and tok.head in path and not any(c.dep_ in SUBJECT_DEPS for c in tok.children))


def clause_path(anchor: Token) -> list[Token]:
    """The figure's token, then its heads up to and including the first that heads a clause."""
    path = [anchor]
    tok = anchor
    while not heads_clause(tok):
        tok = tok.head
        path.append(tok)
    return path


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
