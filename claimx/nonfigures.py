"""What is a number but not a figure: the rules of `claimx_figures`, one small predicate each.

A number read by `numbers.py` and grown into a phrase by `figures.py` is kept as a figure
unless one rule of `NOT_FIGURE_RULES` says it is something else: a date, a year, a clock
time, an age, a code, a name, a list marker, page furniture (gallery counters, reading
times, comment counts). Each rule sees the candidate through a `Context` and its words
come from `lexicons/nonfigures.json`; the order of the table does not change the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

if TYPE_CHECKING:
    from .figures import _Candidate

HYPHENS = frozenset({"-", "–", "—", "‒"})
GLUE_BEFORE_NAME = HYPHENS | {"/", "#", "."}  # "SA-22", "F/A 18", "No.5": a code glued to letters
GLUE_BETWEEN_NUMBERS = HYPHENS | {"/", ":", "."}  # "3/16", "10:30": the second part of a code or time
GLUE_AFTER = frozenset({"/", ":"})  # "3/16", "10:30": the first part
LIST_MARKS = frozenset({".", ")"})  # "1.", "2)" opening a line
COMMA = ","
AGE_CLOSERS = HYPHENS | {",", "―"}  # "Jane Doe, 52, said", "Jane Doe, 52 — a nurse —"
SINGULAR_NOUN_TAGS = ("NN", "NNP")  # a count above one takes a plural noun: "2000 troops", never "2000 campaign"
COLON = ":"
NOUNS = ("NOUN", "PROPN")
COUNTED_POS = ("NOUN", "PROPN", "ADJ")  # "3 of 12 residents": a noun after the total makes 'N of M' a count
HALF_NEXT_POS = ("DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM")  # "half the", "half his", "half 10"

CLOCK_RE = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")  # "7.25", "18.05": hours.minutes, British style
DATE_STAMP_RE = re.compile(r"^\d{1,2}[/.]\d{1,2}$")  # "11/14", "12.16": a day and month before a year
OPEN_BRACKET, CLOSE_BRACKET = "(", ")"

MAX_AGE = 130  # "Jane Doe, 52,": a number this small between commas after a name is an age
MAX_DAY = 31  # a calendar day next to a month name
FURNITURE_REACH = 2  # words after a number that make it page furniture ("5 min read")
MONTH_REACH = 2  # tokens on either side where a month name makes a number a day
YEAR_DIGITS = 4
YEAR_MIN, YEAR_MAX = 1000, 2199
SHORT_YEAR_DIGITS = 2  # "1950-53"
STREET_REACH = 3  # name words between a house number and 'Street': '10 Downing Street', '1600 Pennsylvania Avenue'
MAX_SHIRT = 100  # "Prescott (4)": a shirt number in brackets after a name
LINE_REACH = 40  # tokens scanned either way to see the line a number stands on
HEADLINE_WORD = 4  # words this long or longer show whether a line is in title case (a headline)
HEADLINE_MIN_WORDS = 2


@dataclass(frozen=True)
class Words:
    """The word lists the rules read, from nonfigures.json (and numbers.json's fraction blockers)."""

    months: frozenset[str]
    clock_words: frozenset[str]
    year_words: frozenset[str]
    name_labels: frozenset[str]
    date_labels: frozenset[str]
    blockers_before: frozenset[str]
    blockers_after: tuple[tuple[str, ...], ...]
    counter_of: frozenset[str]
    counter_labels: frozenset[str]
    partitive_of: frozenset[str]
    pronoun_numbers: frozenset[str]
    half_words: frozenset[str]
    half_blockers_before: frozenset[str]
    half_blockers_after: frozenset[str]
    duration_units: tuple[str, ...]  # smallest first: 'second' < 'minute' < … < 'decade'
    person_labels: frozenset[str]
    clock_prepositions: frozenset[str]
    name_series: frozenset[str]
    model_words_after: frozenset[str]
    feature_compounds: frozenset[str]
    range_joiners: frozenset[str]
    compound_joiners: frozenset[str]
    possessives: frozenset[str]
    place_labels: frozenset[str]
    street_words: frozenset[str]
    collective_nouns: frozenset[str]
    ratio_words: frozenset[str]
    level_verbs: frozenset[str]
    phrasal_verbs: dict[str, frozenset[str]]  # particle -> verb lemmas it belongs to ('hand over')

    @classmethod
    def from_lexicons(cls, nf: dict[str, Any], numbers: dict[str, Any]) -> Words:
        def words(key: str) -> frozenset[str]:
            return frozenset(nf.get(key, []))

        return cls(
            months=words("months"), clock_words=words("clock_words"), year_words=words("year_words"),
            name_labels=words("name_labels"), date_labels=words("date_labels"),
            blockers_before=words("number_blockers_before"),
            blockers_after=tuple(tuple(p.split()) for p in nf.get("number_blockers_after", [])),
            counter_of=words("counter_of"), counter_labels=words("counter_labels"),
            partitive_of=words("partitive_of"), pronoun_numbers=words("pronoun_numbers"),
            half_words=words("half_words"),
            half_blockers_before=words("half_blockers_before") | frozenset(numbers.get("fraction_blockers", [])),
            half_blockers_after=words("half_blockers_after"), duration_units=tuple(nf.get("duration_units", [])),
            person_labels=words("person_labels"), clock_prepositions=words("clock_prepositions"),
            name_series=words("name_series"), model_words_after=words("model_words_after"),
            feature_compounds=words("feature_compounds"), range_joiners=words("range_joiners"),
            compound_joiners=words("compound_joiners"), possessives=words("possessives"),
            place_labels=words("place_labels"), street_words=words("street_words"),
            collective_nouns=words("collective_nouns"), ratio_words=words("ratio_words"),
            level_verbs=words("level_verbs") | frozenset(numbers.get("change_verbs", [])),
            phrasal_verbs={k: frozenset(v) for k, v in nf.get("phrasal_verbs", {}).items()},
        )


class Context:
    """One candidate figure and the tokens around it, as the rules read them."""

    def __init__(self, doc: Doc, cand: _Candidate, words: Words, durations: bool) -> None:
        self.doc, self.cand, self.words, self.durations = doc, cand, words, durations
        self.num = cand.num
        self.first = doc[self.num.start]
        self.prev = self.tok(self.num.start - 1)
        self.after = self.tok(cand.end)

    def tok(self, i: int) -> Token | None:
        """The token at i, None outside the doc."""
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def lower(self, i: int) -> str:
        """The lowercase text at i, '' outside the doc."""
        t = self.tok(i)
        return t.lower_ if t is not None else ""

    def line_ends_after(self, i: int) -> bool:
        """Token i is the last of its line (a newline or the end of the text follows)."""
        nxt = self.tok(i + 1)
        return nxt is None or "\n" in self.doc[i].whitespace_ or (nxt.is_space and "\n" in nxt.text)

    def line(self) -> list[Token]:
        """The tokens of the line the number stands on (at most LINE_REACH either way)."""
        s, e = self.num.start, self.num.end
        while s > 0 and self.num.start - s < LINE_REACH and not self.line_ends_after(s - 1):
            s -= 1
        while e < len(self.doc) and e - self.num.end < LINE_REACH and not self.line_ends_after(e - 1):
            e += 1
        return list(self.doc[s:e])

    @property
    def bare_start(self) -> bool:
        """No bound word or currency sign before the number."""
        return self.cand.start == self.num.start

    @property
    def bare_end(self) -> bool:
        """No unit or bound word after the number."""
        return self.cand.end == self.num.end

    @property
    def plain_count(self) -> bool:
        """No unit, not vague, not a fraction: the numbers that can be years, days or names."""
        return self.cand.unit is None and not self.num.vague and not self.num.fraction


Rule = Callable[[Context], bool]


def year_like(text: str) -> bool:
    return len(text) == YEAR_DIGITS and text.isdigit() and YEAR_MIN <= int(text) <= YEAR_MAX


# -- codes and glued numbers -----------------------------------------------------
def is_code_after_letters(x: Context) -> bool:
    """'SA-22', 'A/4': a number glued by a dash or slash to letters is part of a code."""
    p = x.prev
    before = x.tok(x.num.start - 2)
    return p is not None and not p.whitespace_ and p.text in GLUE_BEFORE_NAME and before is not None \
        and not before.whitespace_ and before.is_alpha


def is_second_part_of_code(x: Context) -> bool:
    """'3/16', '10:30', '1950-53': the part after the glue is no amount of its own."""
    p = x.prev
    before = x.tok(x.num.start - 2)
    return p is not None and not p.whitespace_ and p.text in GLUE_BETWEEN_NUMBERS and before is not None \
        and before.like_num


def is_first_part_of_code(x: Context) -> bool:
    """'3/16', '10:30': a number glued to a slash or colon before more digits."""
    return x.after is not None and not x.doc[x.cand.end - 1].whitespace_ and x.after.text in GLUE_AFTER


def is_digit_group(x: Context) -> bool:
    """'0800 123 4567': digit groups in a row are a phone number or code."""
    if x.cand.unit is not None or not x.first.text.isdigit():
        return False
    p, a = x.prev, x.after
    return (p is not None and p.text.isdigit() and x.bare_start) or (a is not None and a.text.isdigit() and x.bare_end)


# -- labels: numbers that name a page, a route, a photo ---------------------------
def is_labelled_number(x: Context) -> bool:
    """'Article 5', 'Flight 17', 'page 3', 'Comments (45)': a label word makes the number a name."""
    p, s, labels = x.prev, x.num.start, x.words.blockers_before
    bracketed = p is not None and p.text == OPEN_BRACKET and x.lower(s - 2) in labels
    return p is not None and x.bare_start and (p.lower_ in labels or bracketed)


def is_labelled_after_colon(x: Context) -> bool:
    """'Photo: 1 of 5': a label word and a colon before the number."""
    return x.prev is not None and x.prev.text == COLON and x.lower(x.num.start - 2) in x.words.blockers_before


def is_photo_counter_total(x: Context) -> bool:
    """The '5' of 'Photo 1 of 5' (also 'Photo: 1 of 5'): a gallery counter's total."""
    s = x.num.start
    if x.lower(s - 1) not in x.words.counter_of or x.tok(s - 2) is None or not x.doc[s - 2].like_num:
        return False
    blockers = x.words.blockers_before
    return x.lower(s - 3) in blockers or (x.lower(s - 3) == COLON and x.lower(s - 4) in blockers)


def is_page_furniture(x: Context) -> bool:
    """'5 min read', '12 comments': reading times and counters of the page around the article."""
    words = tuple(t.lower_ for t in x.doc[x.num.end:x.num.end + FURNITURE_REACH])
    return x.bare_start and any(words[:len(p)] == p for p in x.words.blockers_after)


def is_gallery_counter(x: Context) -> bool:
    """'Hide Caption 3 of 12', '… the scene. 3 of 12' ending a line: a gallery counter, both its numbers."""
    s, e, of = x.num.start, x.num.end, x.words.counter_of
    if not x.first.text.isdigit() or not x.bare_start or not x.bare_end:
        return False
    if x.lower(s - 1) in of and _digits_at(x, s - 2) and int(x.doc[s - 2].text) <= x.num.value:
        return _counter_ends(x, e - 1, x.lower(s - 3))
    if x.lower(e) in of and _digits_at(x, e + 1) and x.num.value <= int(x.doc[e + 1].text):
        return _counter_ends(x, e + 1, x.lower(s - 1))
    return False


def _counter_ends(x: Context, total: int, label: str) -> bool:
    """'N of M' is a counter when its line ends at M, or a label ('Caption') comes first and no noun follows M."""
    nxt = x.tok(total + 1)
    labels = x.words.counter_labels
    counts = nxt is not None and nxt.pos_ in COUNTED_POS and nxt.lower_ not in labels
    return x.line_ends_after(total) or (label in labels and not counts)


def _digits_at(x: Context, i: int) -> bool:
    t = x.tok(i)
    return t is not None and t.text.isdigit()


def is_list_marker(x: Context) -> bool:
    """'1. Russia launched…', '2) …' at the start of a line number a list, not a count."""
    p, a = x.prev, x.after
    line_start = p is None or "\n" in p.text or "\n" in p.whitespace_
    return line_start and a is not None and a.text in LIST_MARKS and x.bare_start and x.bare_end


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


# -- names -----------------------------------------------------------------------------
def is_inside_name_entity(x: Context) -> bool:
    """'Euro 2016', 'World War 2': the number continues the proper-name entity before it."""
    p, f = x.prev, x.first
    return x.plain_count and p is not None and p.pos_ == "PROPN" and p.ent_type_ in x.words.name_labels \
        and f.ent_iob_ == "I" and f.ent_type_ == p.ent_type_


def is_model_number(x: Context) -> bool:
    """'Boeing 737 landed', 'Apollo 11': digits after a capitalised name, counting no noun, name a model."""
    p, a = x.prev, x.after
    if not x.plain_count or p is None or p.pos_ != "PROPN" or not any(c.isupper() for c in p.text):
        return False
    counts_nothing = a is None or a.pos_ not in NOUNS or a.ent_type_ in x.words.date_labels
    return p.lower_ not in x.words.months and x.first.text.isdigit() and x.bare_start and counts_nothing


def is_series_number(x: Context) -> bool:
    """'Falcon 9 flight', 'FTSE 100 index', 'Galaxy Note 20': a number after a product line or index names it."""
    p = x.prev
    return x.plain_count and x.bare_start and x.first.text.isdigit() and p is not None \
        and p.lower_ in x.words.name_series and any(c.isupper() for c in p.text)


def is_model_before_name(x: Context) -> bool:
    """'the 787 Dreamliner', 'a 737 Max': digits before a model word are the model's name."""
    a = x.after
    return x.plain_count and x.bare_end and x.first.text.isdigit() and a is not None and a.is_title \
        and a.lower_ in x.words.model_words_after


def is_year_in_name(x: Context) -> bool:
    """'the 2016 World Series', 'the 2003 Iron Bowl': a year inside a named event is its edition."""
    f, a = x.first, x.after
    return x.plain_count and x.bare_start and year_like(f.text) and f.ent_type_ in x.words.name_labels \
        and a is not None and a.is_title and a.ent_iob_ == "I" and a.ent_type_ == f.ent_type_


def is_house_number(x: Context) -> bool:
    """'10 Downing Street', 'at 221 Baker Street': digits before a street's name are an address."""
    if not x.plain_count or not x.bare_start or not x.bare_end or not x.first.text.isdigit():
        return False
    e = x.num.end
    for k in range(e, e + STREET_REACH + 1):
        t = x.tok(k)
        if t is None or not t.is_title:
            return False
        if k > e and t.lower_ in x.words.street_words:
            nxt = x.tok(k + 1)  # "5 Oxford Street shoppers" counts shoppers
            return nxt is None or nxt.pos_ not in NOUNS
    return False


def is_shirt_number(x: Context) -> bool:
    """'Prescott (4) threw': a small number in brackets right after a person's name is a shirt number."""
    p, a, name = x.prev, x.after, x.tok(x.num.start - 2)
    return x.plain_count and x.first.text.isdigit() and x.num.value < MAX_SHIRT and x.bare_start and x.bare_end \
        and p is not None and p.text == OPEN_BRACKET and a is not None and a.text == CLOSE_BRACKET \
        and name is not None and name.ent_type_ in x.words.person_labels


def is_product_feature(x: Context) -> bool:
    """'a six-speed gearbox', 'a five-door hatchback': a number hyphenated to a feature word describes a product."""
    a, word = x.after, x.tok(x.cand.end + 1)
    return x.plain_count and x.bare_end and a is not None and a.text in HYPHENS and not x.doc[x.cand.end - 1].whitespace_ \
        and not a.whitespace_ and word is not None and word.lower_ in x.words.feature_compounds


def _headline(x: Context) -> bool:
    """A Line Written In Title Case: none of its longer words starts lowercase."""
    words = [t for t in x.line() if t.is_alpha and len(t) >= HEADLINE_WORD]
    return len(words) >= HEADLINE_MIN_WORDS and not any(t.text[0].islower() for t in words)


def is_number_word_in_name(x: Context) -> bool:
    """'the Six Nations', 'BBC Radio Five Live': a Capitalised number word inside a sentence is part of a name."""
    f, p, a = x.first, x.prev, x.after
    if x.num.end - x.num.start != 1 or not f.is_alpha or not f.is_title or f.is_sent_start or p is None or not p.is_alpha:
        return False
    named = f.ent_type_ in x.words.name_labels  # the NER may tag the next word a common noun ('Nations')
    after_name = p.pos_ == "PROPN" and (p.is_title or p.is_upper)  # 'Radio Five', 'BBC Two'
    next_to_name = (a is not None and a.is_title and (a.pos_ == "PROPN" or named)) or after_name
    return next_to_name and not _headline(x)


# -- words that are numbers only sometimes --------------------------------------------
def is_pronoun_one(x: Context) -> bool:
    """'one of the reasons', 'no one': 'one' as a pronoun; 'one cup' and 'one in five' are figures."""
    f, c = x.first, x.cand
    if f.lower_ not in x.words.pronoun_numbers or x.num.end - x.num.start != 1 or c.unit is not None \
            or c.bound != "exact":
        return False
    return not (f.dep_ == "nummod" and f.head.i > f.i and f.head.pos_ in NOUNS)


def is_idiomatic_half(x: Context) -> bool:
    """'the second half', 'half-time', 'half past', 'half an hour': 'half' that shares out nothing."""
    if not x.num.fraction or x.first.lower_ not in x.words.half_words:
        return False
    p, a = x.prev, x.after
    if p is not None and p.lower_ in x.words.half_blockers_before:
        return True
    if a is not None and (a.text in HYPHENS or a.lower_ in x.words.half_blockers_after):
        return True
    return a is None or not (a.lower_ in x.words.partitive_of or a.pos_ in HALF_NEXT_POS)


NOT_FIGURE_RULES: tuple[Rule, ...] = (
    is_code_after_letters,
    is_second_part_of_code,
    is_first_part_of_code,
    is_labelled_number,
    is_labelled_after_colon,
    is_photo_counter_total,
    is_gallery_counter,
    is_digit_group,
    is_age_after_name,
    is_page_furniture,
    is_list_marker,
    is_clock_time,
    is_dotted_clock_time,
    is_year,
    is_year_before_singular_noun,
    is_possessive_year,
    is_date_stamp_year,
    is_calendar_day,
    is_date_span_end,
    is_compound_duration_tail,
    is_inside_name_entity,
    is_model_number,
    is_series_number,
    is_model_before_name,
    is_year_in_name,
    is_house_number,
    is_shirt_number,
    is_product_feature,
    is_number_word_in_name,
    is_duration_not_wanted,
    is_pronoun_one,
    is_idiomatic_half,
)


def not_figure_rule(doc: Doc, cand: _Candidate, words: Words, durations: bool = True) -> Rule | None:
    """The first rule that says the candidate is no figure, None when it is one."""
    x = Context(doc, cand, words, durations)
    return next((rule for rule in NOT_FIGURE_RULES if rule(x)), None)


def rules_table() -> str:
    """The rule table as text, one line per rule: its name and why (appended to this module's docstring)."""
    return "\n".join(f"- `{r.__name__}`: {(r.__doc__ or '').strip()}" for r in NOT_FIGURE_RULES)


__doc__ = f"{__doc__}\nThe rules, in table order:\n\n{rules_table()}\n"
