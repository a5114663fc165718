"""timex: time expressions resolved against the article's date. No trained model needed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimx.components.extensions import set_extensions
from claimx.model import AsOf, TimeRef
from claimx.read.timex import FigureTime, TimeResolver, _parse

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
    # a calendar year or month named from the article's: "last year" is the year before, "the last year" a look-back
    ("last year", BASE, "2024"),
    ("in October last year", BASE, "2024-10"),
    ("October of last year", BASE, "2024-10"),
    ("last October", BASE, "2024-10"),
    ("last March", BASE, "2025-03"),
    ("in January this year", BASE, "2025-01"),
    ("earlier this month", BASE, "2025-05"),
    ("last month", BASE, "2025-04"),
    ("in the last year", BASE, "2024-05-01/2025-05-01"),
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


@pytest.mark.parametrize(("text", "base", "expected"), [
    ("Monday", dt.date(2024, 10, 28), "2024-10-28"),  # the article appeared on a Monday: that Monday
    ("Monday", dt.date(2024, 10, 24), "2024-10-21"),  # a Thursday article: the Monday before
    ("on Sunday", dt.date(2023, 5, 1), "2023-04-30"),
    ("Friday night", dt.date(2022, 2, 5), "2022-02-04"),
    ("Tuesday", None, None),  # no article date: unknown
])
def test_timex_weekday_is_latest_on_or_before_article_date(times, text, base, expected):
    assert times.resolve(text, base) == expected


@pytest.mark.parametrize(("sentence", "figure", "own", "statement"), [
    # war reporting: the time on the reporting verb is the statement's
    ("The defence ministry said on Tuesday that 45 soldiers had been killed.", "45", None, "on Tuesday"),
    # the figure's own clause
    ("Since March, 45 soldiers have been killed in the fighting.", "45", "Since March", None),
    # another clause's time is nobody's: "where ... in May"
    ("About 6,000 troops have been moved to the valley, where the rebels attacked in May.", "6,000", None, None),
    # local news: a time on the verb that shares the figure's subject
    ("Twelve residents were evacuated and treated over the weekend, the fire chief said.", "Twelve", "the weekend", None),
    # a relative clause on the counted noun describes what is counted: its time is the figure's own
    ("The report includes 1,640 casualties Russian forces suffered over the past day.", "1,640", "the past day", None),
    ("Seoul tracked the 11,000 troops Pyongyang sent in October.", "11,000", "in October", None),
    # a time phrase opening the sentence frames the main clause, wherever the parser hung it
    ("In January, shortly after the troops arrived, the NIS had estimated some 300 dead.", "300", "In January", None),
    ("On Monday, hours after the storm passed, the council counted 200 homes still empty.", "200", "On Monday", None),
])
def test_timex_figure_time_reads_whose_clause(nlp, times, sentence, figure, own, statement):
    from claimx.components.counted import anchor_of

    doc = nlp(sentence)
    (span,) = [s for s in doc.spans["claimx"] if figure in s.text]
    found = times.figure_time(span, anchor_of(span), dt.date(2024, 6, 7))
    assert (found.own.text if found.own else None, found.statement.text if found.statement else None) == (own, statement)


@pytest.mark.parametrize(("own", "statement", "article", "expected"), [
    ("2024-03", "2024-05-02", "2024-05-03", AsOf("2024-03", "own time")),
    (None, "2024-05-02", "2024-05-03", AsOf("2024-05-02", "statement")),
    (None, None, "2024-05-03", AsOf("2024-05-03", "article")),
    (None, None, None, AsOf()),  # unknown stays unknown
])
def test_timex_as_of_order(own, statement, article, expected):
    def ref(date):
        return TimeRef("x", 0, 1, date) if date else None

    assert TimeResolver.as_of(FigureTime(own=ref(own), statement=ref(statement)), article) == expected
