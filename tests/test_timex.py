"""timex: time expressions resolved against the article's date. No trained model needed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimx.extensions import set_extensions
from claimx.timex import TimeResolver, _parse

BASE = dt.date(2025, 5, 1)


@pytest.fixture(scope="module")
def times():
    return TimeResolver()


@pytest.fixture(scope="module")
def vocab():
    set_extensions()
    return spacy.blank("en").vocab


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("April 30, 2025", None, "2025-04-30"),
    ("in January 2024", None, "2024-01"),
    ("in 2022", None, "2022"),
    ("in January", None, None),  # no year and no article date: any January
    ("in January", BASE, "2025-01"),
    ("since mid-March 2023", None, "2023-03"),
    ("in early February 2021", None, "2021-02"),
    ("the past week", BASE, "2025-04-24/2025-05-01"),
    ("the last two months", BASE, "2025-03-02/2025-05-01"),
    ("in the previous 3 days", BASE, "2025-04-28/2025-05-01"),
    ("between 2014 and 2016", None, "2014/2016"),
    ("from March 2020 to June 2020", None, "2020-03/2020-06"),
])
def test_timex_resolve(times, text, base, expected):
    assert times.resolve(text, base) == expected


PLAIN_DATES = [  # datelines of wire copy, of British and of American papers; years alone; impossible days
    "2008", "1850", "2030", "March 5, 2024", "5 March 2024", "Sept. 5, 2024", "Sep 5 2024", "12 Dec. 2016",
    "1 June, 2020", "Jun. 1, 2020", "DECEMBER 12 2016", "May 31, 2015", "Feb 29, 2024", "Feb 30, 2024", "31 April 2019",
]


@pytest.mark.parametrize("text", PLAIN_DATES)
@pytest.mark.parametrize("base", [None, BASE])
def test_timex_plain_dates_read_as_dateparser_reads_them(times, text, base):
    """The fast path for years and plain dates gives dateparser's answer, or leaves the string to it."""
    fast = times._plain(text)
    assert fast is None or fast == _parse(text, base)
    assert times.resolve(text, base) == _parse(text, base)


@pytest.mark.parametrize(("text", "read"), [("5 March 2024", True), ("Sept. 5, 2024", True), ("2008", True),
                                            ("Mayor 5, 2024", False), ("Feb 30, 2024", False), ("March 2024", False)])
def test_timex_plain_dates_need_no_dateparser(times, text, read):
    assert (times._plain(text) is not None) is read


@pytest.mark.parametrize("text", ["invasion of 2022", "then 2019"])
def test_timex_lead_words_are_whole_words(times, text):
    """'in' is stripped as a word, never from the start of 'invasion'."""
    assert times.strip_re.sub("", text) == text


@pytest.mark.parametrize(("words", "duration"), [
    (["six", "months"], True),
    (["more", "than", "70", "years"], True),
    (["the", "last", "six", "months"], False),  # a look-back is a time
    (["two", "weeks", "ago"], False),
    (["January"], False),
])
def test_timex_durations_are_not_times(times, vocab, words, duration):
    doc = Doc(vocab, words=words)
    assert times.is_duration(doc[:]) is duration


@pytest.mark.parametrize(("words", "ents", "given", "expected"), [
    (["Kyiv", ",", "March", "3", ",", "2024", ".", "On", "March", "9", ",", "2024", "it", "fell", "."],
     [(2, 6), (8, 12)], None, dt.date(2024, 3, 9)),  # the latest full date
    (["Filed", "in", "2023", "."], [(2, 3)], None, None),  # a year alone is no article date
    (["Filed", "in", "2023", "."], [(2, 3)], "2025-05-01", BASE),  # --date wins
])
def test_timex_base_date(times, vocab, words, ents, given, expected):
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label="DATE") for s, e in ents]
    doc._.claimx_date = given
    assert times.base_date(doc) == expected


def test_timex_time_of_takes_nearest_date_with_its_preposition(times, vocab):
    words = ["In", "January", "2024", ",", "300", "people", "died", "on", "March", "3", ",", "2024", "."]
    doc = Doc(vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, 1, 3, label="DATE"), Span(doc, 8, 12, label="DATE")]
    figure = doc[4:5]
    ref = times.time_of(figure, figure[0], None)
    assert (ref.text, ref.date) == ("In January 2024", "2024-01")


def test_timex_words_come_from_the_lexicon(tmp_path):
    (tmp_path / "times.json").write_text(json.dumps({"periods": {"fortnight": 14}}), encoding="utf-8")
    times = TimeResolver(tmp_path)
    assert times.resolve("the past fortnight", BASE) == "2025-04-17/2025-05-01"
