"""Not figures: ages, clock times, years, days and dates."""

from __future__ import annotations

from .context import (
    AGE_CLOSERS,
    CLOCK_RE,
    COMMA,
    COUNTED_POS,
    DATE_STAMP_RE,
    HYPHENS,
    MAX_AGE,
    MAX_DAY,
    MONTH_REACH,
    NOUNS,
    SHORT_YEAR_DIGITS,
    SINGULAR_NOUN_TAGS,
    Context,
    year_like,
)


# -- people, times and dates -------------------------------------------------------
def is_age_after_name(x: Context) -> bool:
    """'Keir Starmer, 61, said', 'Jane Okafor, 46, rushed': a small number between commas after a name is an age."""
    p, a, name = x.prev, x.after, x.tok(x.num.start - 2)
    if p is None or p.text != COMMA or a is None or a.text not in AGE_CLOSERS or name is None:
        return False
    if x.cand.unit is not None or not x.bare_start or x.num.value >= MAX_AGE:
        return False
    # the NER may miss the person; then a capitalised name and an age-like (DATE) number will do
    named = name.pos_ == "PROPN" and name.is_title and name.ent_type_ not in x.words.place_labels \
        and x.first.ent_type_ in x.words.date_labels
    return name.ent_type_ in x.words.person_labels or named


def is_clock_time(x: Context) -> bool:
    """'3 pm', '10 GMT': a clock word after the number."""
    return x.after is not None and x.after.lower_ in x.words.clock_words and x.cand.unit is None


def is_dotted_clock_time(x: Context) -> bool:
    """'called at 7.25', 'until 18.05': hours.minutes after a time preposition is a British clock time."""
    c, a, prep = x.cand, x.after, x.tok(x.cand.start - 1)
    if c.unit is not None or c.bound == "range" or x.num.end - x.num.start != 1 or not CLOCK_RE.match(x.first.text):
        return False
    if prep is None or prep.lower_ not in x.words.clock_prepositions:
        return False
    counts = a is not None and a.pos_ in COUNTED_POS  # "fell by 12.30 points": an amount of something
    level = prep.head.lemma_.lower() in x.words.level_verbs  # "the pound stood at 1.25", "fell by 2.15": a level
    return not counts and not level


def is_year_before_singular_noun(x: Context) -> bool:
    """'Obama's 2008 campaign', 'the 2019 budget': a year-like number before a singular noun counts nothing."""
    f, a = x.first, x.after
    if not x.plain_count or not x.bare_start or not x.bare_end or not year_like(f.text) or x.cand.bound != "exact":
        return False
    glued = a is not None and a.text in HYPHENS  # "a 1000-page report" counts pages
    h = f.head  # "2000 staff", "1500 personnel": collective nouns are counted in the singular
    return not glued and f.dep_ == "nummod" and h.i > f.i and h.tag_ in SINGULAR_NOUN_TAGS \
        and h.lower_ not in x.words.collective_nouns


def is_possessive_year(x: Context) -> bool:
    """'well above 2004's average': a year in the possessive is a time, whatever bound word comes before."""
    return x.cand.unit is None and year_like(x.first.text) and x.after is not None \
        and x.after.lower_ in x.words.possessives


def is_date_stamp_year(x: Context) -> bool:
    """'11/14 2015', '12/16 2014': a year right after a day/month stamp completes a date."""
    return x.cand.unit is None and year_like(x.first.text) and x.prev is not None \
        and bool(DATE_STAMP_RE.match(x.prev.text))


def _is_day_at(x: Context, i: int) -> bool:
    t = x.tok(i)
    return t is not None and t.text.isdigit() and int(t.text) <= MAX_DAY


def _is_month_at(x: Context, i: int) -> bool:
    t = x.tok(i)
    return t is not None and t.is_title and t.lower_.strip(".") in x.words.months


def is_date_span_end(x: Context) -> bool:
    """'between Feb 8 and 25', '8 to 25 March': a day joined to a dated day is a date too."""
    if not x.plain_count or not x.bare_start or not x.bare_end or not _is_day_at(x, x.num.start):
        return False
    s, e, joiners = x.num.start, x.num.end, x.words.range_joiners
    if x.after is not None and x.after.pos_ in NOUNS:
        return False  # "on May 8 and 25 homes were lost": a count after a date
    after_day = x.lower(s - 1) in joiners and _is_day_at(x, s - 2) and _is_month_at(x, s - 3)
    before_day = x.lower(e) in joiners and _is_day_at(x, e + 1) and _is_month_at(x, e + 2)
    return after_day or before_day


def is_compound_duration_tail(x: Context) -> bool:
    """'94 minutes and 24 seconds': the smaller unit completes the first duration, no figure of its own."""
    units = x.words.duration_units
    if x.cand.unit not in units or not x.bare_start or x.lower(x.num.start - 1) not in x.words.compound_joiners:
        return False
    before = x.tok(x.num.start - 2)
    return before is not None and before.lemma_.lower() in units \
        and units.index(before.lemma_.lower()) > units.index(x.cand.unit)


def is_year(x: Context) -> bool:
    """'in 2014', 'the 2024 election', '1950-53': a four-digit year (or span of years) counts nothing."""
    if not x.plain_count or not year_like(x.first.text):
        return False
    c = x.cand
    top = str(int(c.high)) if c.high is not None and float(c.high).is_integer() else ""
    if not (c.bound == "exact" or (c.bound == "range" and (year_like(top) or len(top) == SHORT_YEAR_DIGITS))):
        return False
    f = x.first
    modifies_noun = f.dep_ == "nummod" and f.head.i > f.i
    return f.ent_type_ in x.words.date_labels or not modifies_noun \
        or (x.prev is not None and x.prev.lower_ in x.words.year_words)


def is_calendar_day(x: Context) -> bool:
    """'April 30, 2025', '19 June', 'Aug 12': a day next to a month name."""
    if not x.plain_count:
        return False
    dated = x.first.ent_type_ in x.words.date_labels
    if not (dated or (x.num.value <= MAX_DAY and float(x.num.value).is_integer())):
        return False
    return near_month(x, strict=not dated)


def near_month(x: Context, strict: bool = False) -> bool:
    """A month name next to the number; `strict` (no DATE entity) wants it capitalised and adjacent."""
    s, e = x.num.start, x.num.end
    reach = (s - 1, e) if strict else (*range(s - 1, s - 1 - MONTH_REACH, -1), *range(e, e + MONTH_REACH))
    for k in reach:
        t = x.tok(k)
        if t is not None and t.lower_.strip(".") in x.words.months and (not strict or t.is_title):
            return True
    return False


def is_duration_not_wanted(x: Context) -> bool:
    """Durations are figures only when the pipeline is asked for them (`durations=True`)."""
    return not x.durations and x.cand.unit in x.words.duration_units
