"""What the not-a-figure rules see: a candidate figure in its Doc, and the word lists they read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ...records import Candidate

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
PLURAL_NAME_TAGS = ("NNPS", "NNS")  # "300 South Africans": a plural name is what is counted
COUNTED_POS = ("NOUN", "PROPN", "ADJ")  # "3 of 12 residents": a noun after the total makes 'N of M' a count
HALF_NEXT_POS = ("DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM")  # "half the", "half his", "half 10"
VALUE_ONE_NEXT_POS = ("ADP", "CCONJ", "SCONJ")  # "stood at one on Friday", "at one and then two": 'one' ends its phrase

CLOCK_RE = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")  # "7.25", "18.05": hours.minutes, British style
DATE_STAMP_RE = re.compile(r"^\d{1,2}[/.]\d{1,2}$")  # "11/14", "12.16": a day and month before a year
# a North American phone number: "312-746-8253", "1-800-222-8477", "(901) 528-2274", "+1 202 555 0143",
# "800-222-TIPS", or a local "555-0199"; never inside a longer number ("1,000-3,000") nor a range ("20-30", "1950-53")
PHONE_RE = re.compile(
    r"(?<![\w.,+-])"
    r"(?:(?:\+?1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ](?:\d{4}|[A-Z]{4})"  # with an area code
    r"|\d{3}-\d{4})"  # a local number, joined by a hyphen only ("155.2350" is a decimal)
    r"(?![\w-])"
)
OPEN_BRACKET, CLOSE_BRACKET = "(", ")"

MAX_AGE = 130  # "Jane Doe, 52,": a number this small between commas after a name is an age
MAX_DAY = 31  # a calendar day next to a month name
FURNITURE_REACH = 2  # words after a number that make it page furniture ("5 min read")
PHONE_REACH = 8  # tokens on either side read for a phone number: "+1 (202) 555 - 0143" is at most seven
PHONE_DIGITS = (7, 10)  # "call Crimestoppers 2340007", "text 8005551234": a phone number written without breaks
PHONE_CUE_REACH = 3  # words back from such digits to the cue ("call", "dial") that makes them a phone number
MONTH_REACH = 2  # tokens on either side where a month name makes a number a day
YEAR_DIGITS = 4
YEAR_MIN, YEAR_MAX = 1000, 2199
SHORT_YEAR_DIGITS = 2  # "1950-53"
BLOCK_NUMBERING = 100  # US blocks are numbered in hundreds: 'the 3400 block', 'the 100 block'
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
    page_counters: frozenset[str]  # '12 comments', '40 shares' as page chrome
    counter_of: frozenset[str]
    counter_labels: frozenset[str]
    partitive_of: frozenset[str]
    pronoun_numbers: frozenset[str]
    value_one_before: frozenset[str]  # 'stood at one', 'of just one': 'one' after these is a value
    pronoun_one_after: frozenset[str]  # 'one of', 'one who', 'one another': 'one' before these is a pronoun
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
    address_nouns: frozenset[str]  # 'the 3400 block of'
    compass_words: frozenset[str]  # '4500 South Halsted'
    group_labels: frozenset[str]  # 'North Korean': a people, not a street
    collective_nouns: frozenset[str]
    ratio_words: frozenset[str]
    level_verbs: frozenset[str]
    phrasal_verbs: dict[str, frozenset[str]]  # particle -> verb lemmas it belongs to ('hand over')
    prepositional_bounds: frozenset[str]  # 'about', 'around': bound words that are also prepositions
    preposition_governors: frozenset[str]  # 'detail', 'worried': lemmas that take 'about' as their preposition
    threshold_nouns: frozenset[str]  # 'passed the 1,000 mark'
    phone_cues: frozenset[str] = frozenset()
    verbal_bounds: frozenset[str] = frozenset()  # 'estimated': a bound word that is also a reporting verb
    scale_words_before: frozenset[str] = frozenset()  # 'magnitude-6.1': a scale's name hyphened to it, no code
    coordinators: frozenset[str] = frozenset()  # ',', 'and': what joins figures that share a bound word

    @classmethod
    def from_lexicons(cls, nf: dict[str, Any], numbers: dict[str, Any]) -> Words:
        def words(key: str) -> frozenset[str]:
            return frozenset(nf.get(key, []))

        return cls(
            months=words("months"), clock_words=words("clock_words"), year_words=words("year_words"),
            name_labels=words("name_labels"), date_labels=words("date_labels"),
            blockers_before=words("number_blockers_before"),
            blockers_after=tuple(tuple(p.split()) for p in nf.get("number_blockers_after", [])),
            page_counters=words("page_counters_after"), counter_of=words("counter_of"), counter_labels=words("counter_labels"),
            partitive_of=words("partitive_of"), pronoun_numbers=words("pronoun_numbers"),
            value_one_before=words("value_one_before"), pronoun_one_after=words("pronoun_one_after"),
            half_words=words("half_words"),
            half_blockers_before=words("half_blockers_before") | frozenset(numbers.get("fraction_blockers", [])),
            half_blockers_after=words("half_blockers_after"), duration_units=tuple(nf.get("duration_units", [])),
            person_labels=words("person_labels"), clock_prepositions=words("clock_prepositions"),
            name_series=words("name_series"), model_words_after=words("model_words_after"),
            feature_compounds=words("feature_compounds"), range_joiners=words("range_joiners"),
            compound_joiners=words("compound_joiners"), possessives=words("possessives"),
            place_labels=words("place_labels"), street_words=words("street_words"),
            address_nouns=words("address_nouns"), compass_words=words("compass_words"), group_labels=words("group_labels"),
            collective_nouns=words("collective_nouns"), ratio_words=words("ratio_words"),
            level_verbs=words("level_verbs") | frozenset(numbers.get("change_verbs", [])),
            phrasal_verbs={k: frozenset(v) for k, v in nf.get("phrasal_verbs", {}).items()},
            prepositional_bounds=words("prepositional_bounds"), threshold_nouns=words("threshold_nouns"),
            preposition_governors=words("preposition_governors"), phone_cues=words("phone_cues"),
            verbal_bounds=words("verbal_bounds"), scale_words_before=words("scale_words_before"),
            coordinators=words("coordinators"),
        )


class Context:
    """One candidate figure and the tokens around it, as the rules read them."""

    def __init__(self, doc: Doc, cand: Candidate, words: Words, durations: bool) -> None:
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
