"""What is a number but not a figure: the rules of `claimx_figures`, one small predicate each.

A number read by `numbers.py` and grown into a phrase by `figures.py` is kept as a figure
unless one rule of `NOT_FIGURE_RULES` says it is something else: a date, a year, a clock
time, an age, a code, a name, a list marker, page furniture (gallery counters, reading
times, comment counts). Each rule sees the candidate through a `Context` and its words
come from `lexicons/nonfigures.json`; the order of the table does not change the result.
"""

from __future__ import annotations

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
COLON = ":"
NOUNS = ("NOUN", "PROPN")
HALF_NEXT_POS = ("DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM")  # "half the", "half his", "half 10"

MAX_AGE = 130  # "Jane Doe, 52,": a number this small between commas after a name is an age
MAX_DAY = 31  # a calendar day next to a month name
FURNITURE_REACH = 2  # words after a number that make it page furniture ("5 min read")
MONTH_REACH = 2  # tokens on either side where a month name makes a number a day
YEAR_DIGITS = 4
YEAR_MIN, YEAR_MAX = 1000, 2199
SHORT_YEAR_DIGITS = 2  # "1950-53"


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
    partitive_of: frozenset[str]
    pronoun_numbers: frozenset[str]
    half_words: frozenset[str]
    half_blockers_before: frozenset[str]
    half_blockers_after: frozenset[str]
    duration_units: frozenset[str]
    person_labels: frozenset[str]

    @classmethod
    def from_lexicons(cls, nf: dict[str, Any], numbers: dict[str, Any]) -> Words:
        def words(key: str) -> frozenset[str]:
            return frozenset(nf.get(key, []))

        return cls(
            months=words("months"), clock_words=words("clock_words"), year_words=words("year_words"),
            name_labels=words("name_labels"), date_labels=words("date_labels"),
            blockers_before=words("number_blockers_before"),
            blockers_after=tuple(tuple(p.split()) for p in nf.get("number_blockers_after", [])),
            counter_of=words("counter_of"), partitive_of=words("partitive_of"), pronoun_numbers=words("pronoun_numbers"),
            half_words=words("half_words"),
            half_blockers_before=words("half_blockers_before") | frozenset(numbers.get("fraction_blockers", [])),
            half_blockers_after=words("half_blockers_after"), duration_units=words("duration_units"),
            person_labels=words("person_labels"),
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
    """'Article 5', 'Flight 17', 'page 3': a label word makes the number a name."""
    return x.prev is not None and x.prev.lower_ in x.words.blockers_before and x.bare_start


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


def is_list_marker(x: Context) -> bool:
    """'1. Russia launched…', '2) …' at the start of a line number a list, not a count."""
    p, a = x.prev, x.after
    line_start = p is None or "\n" in p.text or "\n" in p.whitespace_
    return line_start and a is not None and a.text in LIST_MARKS and x.bare_start and x.bare_end


# -- people, times and dates -------------------------------------------------------
def is_age_after_name(x: Context) -> bool:
    """'Keir Starmer, 61, said': a small number between commas after a person is an age."""
    p, a = x.prev, x.after
    return p is not None and p.text == COMMA and a is not None and a.text == COMMA \
        and x.tok(x.num.start - 2) is not None and x.doc[x.num.start - 2].ent_type_ in x.words.person_labels \
        and x.cand.unit is None and x.num.value < MAX_AGE


def is_clock_time(x: Context) -> bool:
    """'3 pm', '10 GMT': a clock word after the number."""
    return x.after is not None and x.after.lower_ in x.words.clock_words and x.cand.unit is None


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
    is_digit_group,
    is_age_after_name,
    is_page_furniture,
    is_list_marker,
    is_clock_time,
    is_year,
    is_calendar_day,
    is_inside_name_entity,
    is_model_number,
    is_duration_not_wanted,
    is_pronoun_one,
    is_idiomatic_half,
)


def not_figure_rule(doc: Doc, cand: _Candidate, words: Words, durations: bool = True) -> Rule | None:
    """The first rule that says the candidate is no figure, None when it is one."""
    x = Context(doc, cand, words, durations)
    return next((rule for rule in NOT_FIGURE_RULES if rule(x)), None)
