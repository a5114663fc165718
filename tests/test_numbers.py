"""The number reader (`claimx/read/numbers.py`) and the ranges built on it, without a trained model.

Every form here is read from tokens alone (a blank English tokenizer), so these tests need
no parse. Sentences are invented, from business, science, tech and sports pages and from
disaster reporting, so that each reading is tested on at least two kinds of article.
"""

from __future__ import annotations

import pytest
import spacy

from claimx.data import load_lexicon
from claimx.read.numbers import NumberReader

BLANK = spacy.blank("en")
READER = NumberReader(load_lexicon("numbers.json"), load_lexicon("currencies.json")["symbols"])
FIGURES = spacy.blank("en")
FIGURES.add_pipe("claimx_figures")


def number_at(text: str, word: str):
    """The number the reader reads at the first token that is `word`."""
    doc = BLANK(text)
    i = next(t.i for t in doc if t.text == word)
    return READER.read(doc, i), doc


def figures(text: str) -> list[dict]:
    """The figures a blank pipeline with claimx_figures finds, as dicts."""
    doc = FIGURES(text)
    return [s._.figure.to_dict() for s in doc.spans["claimx"]]


def figure(text: str, contains: str) -> dict:
    hits = [f for f in figures(text) if contains in f["text"]]
    assert hits, f"no figure containing {contains!r} in {[f['text'] for f in figures(text)]}"
    return hits[0]


# -- currencies written the world's ways --------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The start-up raised USD10m from investors.", "USD10m", 10e6, "USD"),
    ("The club paid USD 25m for the striker.", "USD 25m", 25e6, "USD"),
    ("The miner booked a profit of $A82m.", "$A82m", 82e6, "AUD"),
    ("The relief fund reached S$1mil by Friday.", "S$1mil", 1e6, "SGD"),
    ("The state set aside RM3.06mil for flood victims.", "RM3.06mil", 3.06e6, "MYR"),
    ("The stadium will cost Rs 40 crore.", "Rs 40 crore", 4e8, "INR"),
    ("The bank wrote off ¥590 billion.", "¥590 billion", 590e9, "JPY"),
    ("Brussels approved €1.2bn in aid.", "€1.2bn", 1.2e9, "EUR"),
    ("Italy's GDP is $2.174T.", "$2.174T", 2.174e12, "USD"),
    ("Fans pay RM79 a month for the channel.", "RM79", 79, "MYR"),
    ("The charity gave 50 Egyptian pounds to each family.", "50 Egyptian pounds", 50, "EGP"),
    ("Storm damage reached 1 million Egyptian pounds.", "1 million Egyptian pounds", 1e6, "EGP"),
    ("The bonus was 12 AUD per share.", "12 AUD", 12, "AUD"),
    ("Each ticket was usd$ 15 online.", "usd$ 15", 15, "USD"),
    ("The Tokyo index closed at Y=31,245 on Friday.", "Y=31,245", 31245, "JPY"),
    ("The robot maker posted a loss of Y=4.8 billion.", "Y=4.8 billion", 4.8e9, "JPY"),
])
def test_numbers_currency_forms(text, phrase, value, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("A first-class stamp rose by 5p.", "5p", 5, "p"),
    ("Shares in the club closed 18 sen higher.", "18 sen", 18, "sen"),
    ("The toll is 50 cents a crossing.", "50 cents", 50, "cent"),
    ("A loaf cost 10 $ 30 cent in the camp.", "10 $ 30 cent", 10.30, "USD"),
])
def test_numbers_coins_as_written(text, phrase, value, unit):
    """Coins keep their value as written, with the coin as unit; a coin after its currency adds to it."""
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The rocket holds the energy of four million pounds of TNT.", "four million pounds", "lb"),
    ("Flood barriers weighing 25 pounds each were handed out.", "25 pounds", "lb"),
    ("The striker signed for five million pounds.", "five million pounds", "GBP"),
])
def test_numbers_pounds_weigh_or_pay(text, phrase, unit):
    """'pounds of X' weighs; 'N million pounds' with nothing weighed pays."""
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["unit"]) == (phrase, unit)


# -- scales --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "value"), [
    ("The film earned 150 crore in a week.", "150", 1.5e9),
    ("The flood left 3 lakh people homeless.", "3", 3e5),
    ("The firm has 4.3M users.", "4.3", 4.3e6),
])
def test_numbers_scale_words(text, word, value):
    num, _ = number_at(text, word)
    assert num is not None and num.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "phrase", "value", "bound"), [
    # war reporting in the wire-service style: scale words joined by hyphens
    ("The ministry said some five-thousand soldiers crossed the border.", "five", 5000, "approx"),
    ("Roughly 46-hundred troops were moved to the eastern front.", "46", 4600, "approx"),
    ("The regiment lost three-thousand-400 men over the winter.", "three", 3400, "exact"),
    ("Officials counted a total of 12-thousand refugees at the camp.", "12", 12000, "exact"),
    ("Some Six-Thousand marines landed before dawn.", "Six", 6000, "approx"),
    ("Nearly 8-thousand-250 shells hit the town.", "8", 8250, "max"),
    # business and sport pages
    ("The carmaker recalled 2-million vehicles in March.", "2", 2e6, "exact"),
    ("The merger was valued at 4.2-billion dollars.", "4.2", 4.2e9, "exact"),
    ("Thirty-five-hundred fans queued for tickets.", "Thirty", 3500, "exact"),
    ("The hospital treated twenty-one-hundred patients that month.", "twenty", 2100, "exact"),
])
def test_numbers_scale_words_joined_by_hyphens(text, phrase, value, bound):
    """'five-thousand', '46-hundred', 'three-thousand-400': the hyphen joins one number, it is no range."""
    got = figure(text, phrase)
    assert (got["value"], got["bound"]) == (value, bound)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    # business wire style
    ("The lender booked net profit of $12 bln in the quarter.", "$12 bln", 12e9, "USD"),
    ("Exports reached 4.1 trln yen last year.", "4.1 trln yen", 4.1e12, "JPY"),
    ("The fund holds US$ 3MM in bonds.", "US$ 3MM", 3e6, "USD"),
    ("The buyout was priced at a quarter million dollars.", "a quarter million dollars", 250_000, "USD"),
    ("The estate sold for a quarter of a million pounds.", "a quarter of a million pounds", 250_000, "GBP"),
    ("The sequel cost two-and-a-half million euros to make.", "two-and-a-half million euros", 2.5e6, "EUR"),
    ("Prices of the chip rose sixfold in a year.", "sixfold", 6, "times"),
    # disaster, war and sport
    ("A half-million residents lost power in the storm.", "A half-million", 500_000, None),
    ("Half million refugees crossed the border in a month.", "Half million", 500_000, None),
    ("The siege lasted two-and-a-half years.", "two-and-a-half years", 2.5, "year"),
    ("The keeper stands five and a quarter feet tall.", "five and a quarter feet", 5.25, "ft"),
    ("Ticket sales grew tenfold after the final.", "tenfold", 10, "times"),
])
def test_numbers_news_forms(text, phrase, value, unit):
    """Forms of business, science and sports pages: wire scales, fractions of a scale, '-and-a-half', '-fold'."""
    got = figure(text, phrase.split()[0].split("-")[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["Workers fitted 5mm bolts to the frame.", "The crane moved 3t loads all day."])
def test_numbers_a_unit_letter_before_a_plural_noun_stays_a_unit(text):
    assert all(f["value"] < 100 for f in figures(text))


@pytest.mark.parametrize("text", [
    "The score was 3-1 at half time.",  # a match score
    "The centre ran from 9 - 5 every day.",  # a spaced dash between numbers
])
def test_numbers_hyphen_without_a_scale_word_joins_nothing(text):
    assert all(f["value"] is None or f["value"] < 100 for f in figures(text))


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # science pages: a mantissa times a power of ten is one number, not its exponent
    ("A mole holds 6.02×10^23 particles.", "6.02×10^23", 6.02e23),
    ("The probe counted 3.1 x 10^12 ions per second.", "3.1 x 10^12", 3.1e12),
    ("The flare released about 4 × 10²⁵ joules.", "4 × 10²⁵ joules", 4e25),  # joules: a listed unit, in the figure
    # markets and economics
    ("The central bank printed 10^12 yen in a decade.", "10^12 yen", 1e12),
])
def test_numbers_powers_of_ten(text, phrase, value):
    got = figure(text, phrase[:2])
    assert (got["text"].removeprefix("about "), got["value"]) == (phrase, pytest.approx(value))


@pytest.mark.parametrize("text", ["The quilt has a 10 x 10 grid.", "The room is 4x5 metres."])
def test_numbers_a_product_without_a_power_is_no_power(text):
    assert all(f["value"] is None or f["value"] < 100 for f in figures(text))


# -- fractions -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The track is a 1/4 mile paved oval.", "1/4 mile", 0.25, "mi"),
    ("A mouse fits through a 1/4 inch gap.", "1/4 inch", 0.25, "in"),
    ("Rescuers dug through ½ mile of rubble.", "½ mile", 0.5, "mi"),
    ("The chip's wires are 1⁄32 inch apart.", "1⁄32 inch", 0.03125, "in"),
    ("It takes more than 10 1/2 miles of cable.", "more than 10 1/2 miles", 10.5, "mi"),
    ("The door is 2 1/2 in thick.", "2 1/2 in", 2.5, "in"),
])
def test_numbers_fraction_of_a_unit_is_a_plain_value(text, phrase, value, unit):
    got = figure(text, phrase.split()[-2] if phrase.startswith("more") else phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "phrase", "value", "bound"), [
    ("More than 1/2 of the people came here.", "More than 1/2", 50, "min"),
    ("About 3/4 of the voters backed the plan.", "About 3/4", 75, "approx"),
    ("Musk put the chances at one-half to two-thirds.", "one-half to two-thirds", None, "range"),
])
def test_numbers_fraction_of_something_is_a_share(text, phrase, value, bound):
    """GUIDELINES: a fraction of something is a share in %, 'half' is 50."""
    got = figure(text, phrase.split()[-1])
    assert (got["text"], got["value"], got["bound"], got["unit"]) == (phrase, value, bound, "%")


@pytest.mark.parametrize("text", [
    "Derailment 1/8 The scene after the crash",  # a gallery counter
    "Police officers 7/8 40 people were hurt",
    "Posted 11/14 2015 by staff",  # a date glued to text
    "The score was 12/16 at the break",  # not a reduced fraction
])
def test_numbers_slashed_numbers_that_are_no_fraction(text):
    doc = BLANK(text)
    slashed = next(t.i for t in doc if "/" in t.text)
    assert READER.read(doc, slashed) is None


# -- signs and marks -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "bound", "unit"), [
    ("The runner lost minus-5 yards on the play.", "minus-5 yards", -5, "exact", "yd"),
    ("Each bar has ~45g of sugar.", "~45g", 45, "approx", "g"),
    ("The crater is ~30 km wide.", "~30 km", 30, "approx", "km"),
    ("Output grew +0.2% in May.", "+0.2%", 0.2, "exact", "%"),
    ("Foundries race to make sub-7 nanometre chips.", "sub-7 nanometre", 7, "max", "nm"),
    ("The new chip is 2.5x faster.", "2.5x", 2.5, "exact", "times"),
])
def test_numbers_marks_on_digits(text, phrase, value, bound, unit):
    got = figure(text, phrase[:4])
    assert (got["text"], got["value"], got["bound"], got["unit"]) == (phrase, pytest.approx(value), bound, unit)


@pytest.mark.parametrize(("text", "word", "value", "mark"), [
    ("Each bar has ~45g of sugar.", "~45", 45, "approx"),
    ("Foundries race to make sub-7 chips.", "sub-7", 7, "max"),
    ("The runner lost minus-5 yards.", "minus-5", -5, None),
])
def test_numbers_reader_marks(text, word, value, mark):
    num, _ = number_at(text, word)
    assert (num.value, num.mark) == (value, mark)


# -- "a" as one, vague magnitudes ----------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "bound", "unit"), [
    ("The truck drove for more than a mile through the crowd.", "more than a mile", 1, "min", "mi"),
    ("The winner finished about a kilometre ahead.", "about a kilometre", 1, "approx", "km"),
])
def test_numbers_a_unit_is_one(text, phrase, value, bound, unit):
    got = figure(text, phrase.split()[-2])
    assert (got["text"], got["value"], got["bound"], got["unit"]) == (phrase, value, bound, unit)


@pytest.mark.parametrize("text", [
    "Petrol now costs $3 a gallon.",
    "Milk sold at 90 cents a litre.",
])
def test_numbers_a_unit_after_a_price_is_a_rate(text):
    assert [f["text"] for f in figures(text) if f["value"] == 1] == []


@pytest.mark.parametrize(("text", "word", "value"), [
    ("The attack left tens of invaders dead.", "tens", 10),
    ("Tens of fans queued overnight.", "Tens", 10),
    ("Tens of thousands marched.", "Tens", 10_000),
])
def test_numbers_tens_of(text, word, value):
    num, _ = number_at(text, word)
    assert (num.value, num.vague) == (value, True)


# -- ranges (read in figures.py from the numbers read here) --------------------------------

@pytest.mark.parametrize(("text", "phrase", "low", "high", "unit"), [
    ("The plan costs $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9, "USD"),
    ("Bats hear between 15kHz and 17kHz.", "between 15kHz and 17kHz", 15, 17, "kHz"),
    ("The bailout needs 33-35 billion euros.", "33-35 billion euros", 33e9, 35e9, "EUR"),
    ("The bulbs draw 5-10W each.", "5-10W", 5, 10, "W"),
    ("Estimates run from 24.2 to 33 billion euros.", "24.2 to 33 billion euros", 24.2e9, 33e9, "EUR"),
    ("Temperatures ranged from -18 °C to -34 °C overnight.", "-18 °C to -34 °C", -34, -18, "°C"),
    ("A conceptualized 8- to 16-meter telescope.", "8- to 16-meter", 8, 16, "m"),
    ("The lens is a 75 -300mm zoom.", "75 -300mm", 75, 300, "mm"),
])
def test_numbers_ranges_with_units(text, phrase, low, high, unit):
    got = figure(text, phrase[:3])
    assert (got["text"], got["low"], got["high"], got["bound"], got["unit"]) == (
        phrase, pytest.approx(low), pytest.approx(high), "range", unit)


@pytest.mark.parametrize(("text", "phrase", "low", "high"), [
    ("About 7-8,000 fans were in the ground.", "About 7-8,000", 7000, 8000),
    ("Some 10-12,000 people fled the floods.", "10-12,000", 10_000, 12_000),
    ("Between 500-1,000 homes lost power.", "500-1,000", 500, 1000),
])
def test_numbers_range_carries_thousands(text, phrase, low, high):
    """'7-8,000': the thousands written on the second end carry to the first; '500-1,000' is literal."""
    got = figure(text, phrase.split()[-1])
    assert (got["low"], got["high"], got["bound"]) == (low, high, "range")


@pytest.mark.parametrize(("text", "phrase", "low", "high", "unit"), [
    ("Two or three people were trapped in the car.", "Two or three", 2, 3, None),
    ("He used the detector four or five times.", "four or five times", 4, 5, "times"),
    ("There were roughly between six or 10 vehicles.", "roughly between six or 10", 6, 10, None),
    ("The striker is out for 3 or 4 weeks.", "3 or 4 weeks", 3, 4, "week"),
])
def test_numbers_ranges_said_with_or(text, phrase, low, high, unit):
    got = figure(text, phrase.split()[-1] if unit is None else phrase.split()[-2])
    assert (got["text"], got["low"], got["high"], got["bound"], got["unit"]) == (phrase, low, high, "range", unit)


@pytest.mark.parametrize("text", [
    "He bet 5 or 50 on the horse.",
    "Officials said 10 or 100 could be affected.",
])
def test_numbers_or_far_apart_is_no_range(text):
    assert all(f["bound"] != "range" for f in figures(text))


@pytest.mark.parametrize(("text", "phrase", "value", "bound"), [
    ("The page has 10k+ followers.", "10k+", 10_000, "min"),
    ("More than 5,000+ fans queued.", "5,000+", 5000, "min"),
])
def test_numbers_glued_plus(text, phrase, value, bound):
    got = figure(text, phrase)
    assert (got["value"], got["bound"]) == (value, bound)


# -- readings that need the parse (the trained model) --------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The company shipped 35m devices last year.", "35m", 35e6, None),
    ("Floods displaced 1.5m people in the delta.", "1.5m", 1.5e6, None),
    ("The crane lifted a 35m pole into place.", "35m", 35, "m"),
    ("She won the 100m sprint in Rome.", "100m", 100, "m"),
    # business and tech: modifiers or a partitive 'of' between the letter and the counted noun
    ("The console reached 2.5m combined sales in its first month.", "2.5m", 2.5e6, None),
    ("The botnet hijacked 40m of its customers' routers.", "40m", 40e6, None),
    ("The app now has 150m monthly active users.", "150m", 150e6, None),
    ("The streaming service logged 1.4b views of the final.", "1.4b", 1.4e9, None),
    # disaster and aid reporting
    ("Drought left 3m of the region's farmers without seed.", "3m", 3e6, None),
    # measurements and sport stay metres
    ("Rescuers lowered 30m of rope into the shaft.", "30m", 30, "m"),
    ("The sea wall is 5m high in places.", "5m", 5, "m"),
    ("Engineers laid 12m long steel girders across the gap.", "12m", 12, "m"),
    ("She set a record in the 400m hurdles in Oslo.", "400m", 400, "m"),
    ("The diver surfaced from 40m below the waterline.", "40m", 40, "m"),
])
def test_numbers_m_is_million_when_it_counts_things(figure_of, text, phrase, value, unit):
    """'m' glued to a number counts millions of a plural noun; otherwise it measures metres."""
    got = figure_of(text, phrase).figure
    assert (got.value, got.unit) == (value, unit)


@pytest.mark.parametrize(("text", "figures_read"), [
    ("A barrel of crude closed up $2.80 to $51.15 in New York.", ["$2.80", "$51.15"]),
    ("Brent rose, adding $1.89 to $48.62 at the close.", ["$1.89", "$48.62"]),
    ("Profits dropped more than $9 billion to $98 billion.", ["more than $9 billion", "$98 billion"]),
    ("Inflation rose 0.2% to 3.1% in March.", ["0.2%", "3.1%"]),
])
def test_numbers_change_and_new_level_are_two_figures(extract, text, figures_read):
    """After a change verb, 'X to Y' with the unit written twice and Y far above X: a change, then a level."""
    assert [c.figure.text for c in extract(text)] == figures_read


@pytest.mark.parametrize(("text", "phrase"), [
    ("Shares gained 5% to 7% in early trade.", "5% to 7%"),
    ("The plan costs $3 billion to $5 billion.", "$3 billion to $5 billion"),
    ("Prices rose 5 to 10 percent after the storm.", "5 to 10 percent"),
])
def test_numbers_ranges_after_a_change_verb_stay_ranges(extract, text, phrase):
    got = [(c.figure.text, c.figure.bound) for c in extract(text)]
    assert got == [(phrase, "range")]


@pytest.mark.parametrize("text", [
    "Scores killed as truck rams crowd in France",
    "Scores injured as stand collapses at derby",
])
def test_numbers_scores_before_a_participle(figure_of, text):
    got = figure_of(text, "Scores").figure
    assert (got.value, got.bound) == (20, "vague")


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Overnight lows of -5 to -3 degrees were forecast.", -5, -3),
    ("The sea ice sat at -18 to -34 °C all week.", -34, -18),
])
def test_numbers_ranges_below_zero_either_way(text, low, high):
    got = [f for f in figures(text) if f["bound"] == "range"]
    assert got and (got[0]["low"], got[0]["high"]) == (low, high)


@pytest.mark.parametrize("text", [
    "Between 1 and 2,000 people were asked.",
    "Scores ranged from 7 to 8,000 points.",
])
def test_numbers_words_between_ends_carry_nothing(text):
    """Only a dash carries the thousands ('7-8,000'); 'between 1 and 2,000' is as written."""
    got = [f for f in figures(text) if f["bound"] == "range"]
    assert got and got[0]["low"] in (1, 7)


@pytest.mark.parametrize("text", [
    "The sculpture dates from c.1900 in Paris.",
    "Fans had a ton of fun at the final.",
    "He did not give an inch in the debate.",
])
def test_numbers_no_figure_from_idioms_and_circa_years(text):
    assert figures(text) == []


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The fire spread approximately one-half miles east.", "one-half miles", 0.5, "mi"),
    ("Rescuers searched half a mile of coast.", "half a mile", 0.5, "mi"),
    ("The runners had three-quarters kilometres to go.", "three-quarters kilometres", 0.75, "km"),
])
def test_numbers_fraction_before_a_unit_is_a_value(text, phrase, value, unit):
    got = figure(text, phrase.split()[0].split("-")[0])
    assert (got["value"], got["unit"]) == (pytest.approx(value), unit)
    assert got["text"].endswith(phrase)


@pytest.mark.parametrize(("text", "phrase", "bound"), [
    ("He has around an 80% kicking success rate.", "around an 80%", "approx"),
    ("Rents rose by about a 5% margin in the city.", "about a 5%", "approx"),
])
def test_numbers_bound_word_before_an_article(text, phrase, bound):
    got = figure(text, phrase.split()[-1])
    assert (got["text"], got["bound"]) == (phrase, bound)


@pytest.mark.parametrize(("text", "word", "value"), [
    ("A few hundred people gathered outside the court.", "A", 100),
    ("The club sold a few thousand shirts.", "a", 1000),
    ("A couple dozen bankers earn more than the whole town.", "A", 12),
    ("Rebels freed a couple of hundred prisoners at dawn.", "a", 100),
    ("The army sent a couple of thousand troops to the border.", "a", 1000),
])
def test_numbers_a_few_scale_is_vague(text, word, value):
    num, _ = number_at(text, word)
    assert (num.value, num.vague) == (value, True)


@pytest.mark.parametrize(("text", "word"), [
    ("A couple of men left the bar.", "A"),
    ("Several fans waited at the gate.", "Several"),
])
def test_numbers_quantifier_without_a_magnitude_is_no_number(text, word):
    num, _ = number_at(text, word)
    assert num is None


# A sentence's full stop after a scale letter is the sentence's: the tokenizer must not keep "m." whole.
@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The judge made a confiscation order of up to £30m. A hearing is set for May.", "£30m", 30_000_000),
    ("The group expects a profit of €250m. Shares rose on the news.", "€250m", 250_000_000),
])
def test_numbers_scale_letter_before_a_full_stop(text, phrase, value):
    got = figure(text, phrase)
    assert (got["text"].endswith(phrase), got["value"]) == (True, value)


# Share prices are written in pence however large ("closed at 1,842p"); only a video resolution glued to "p" is a code.
@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Shares in the bank closed at 1,842p on Friday.", "1,842p", 1842),
    ("The miner's stock rose to 842p in early trading.", "842p", 842),
])
def test_numbers_pence_of_a_hundred_or_more(text, phrase, value):
    got = figure(text, phrase)
    assert (got["text"], got["value"], got["unit"]) == (phrase, value, "p")



# -- thousands set off by a space ------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Volunteers have named 48 212 fallen soldiers so far.", "48 212", 48212),
    ("The flood left 1 350 families without homes (2 004 in all).", "1 350", 1350),
    ("The flood left 1 350 families without homes (2 004 in all).", "2 004", 2004),
    ("The quake destroyed 12 400 250 square metres of housing.", "12 400 250", 12400250),
    ("Harvest reached 3 120.5 tonnes this year.", "3 120.5", 3120.5),
])
def test_numbers_thousands_set_off_by_a_space(text, phrase, value):
    f = figure(text, phrase)
    assert (f["text"].split(" square")[0].split(" tonnes")[0], f["value"]) == (phrase, value)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Losses on the front could run from 150 000 to 210 000 men.", 150000, 210000),
    ("The storm cost between 4 500 and 7 250 jobs in the region.", 4500, 7250),
])
def test_numbers_ranges_of_spaced_thousands(text, low, high):
    hits = [f for f in figures(text) if f["bound"] == "range"]
    assert [(f["low"], f["high"]) for f in hits] == [(low, high)]


@pytest.mark.parametrize(("text", "word", "value"), [
    ("In 2023 100 people lost their homes to the river.", "2023", 2023),  # a year, then a count
    ("Call the hotline on 555 123 4567 for help.", "555", 555),  # a phone number
    ("The team scored 3,200 points, then 2 100 more.", "2", 2),  # the text writes thousands with a comma
    ("On March 5 100 protesters gathered outside.", "5", 5),  # a day, then a count
    ("Flight 370 000 was a code, not a count.", "370", 370),  # a capitalised word's number
])
def test_numbers_spaced_numbers_that_are_no_thousands(text, word, value):
    num, _ = number_at(text, word)
    assert num is not None and num.value == value


# --- may_open: the words a number can start with (the figure finder skips every other word) ---------------------------
MAY_OPEN_TEXTS = [
    "A couple of thousand fans and several hundred stewards filled half the stadium; minus five degrees outside.",
    "Tens of thousands fled, a dozen villages burned and one in four homes lost power, officials said on Tuesday.",
    "Sales rose sixfold to a quarter of a billion units, while about fifty-five stores closed and dozens more cut hours.",
    "Negative two percent growth followed an eightfold jump; a third of the workforce, some two hundred staff, left.",
]


@pytest.mark.parametrize("text", MAY_OPEN_TEXTS)
def test_may_open_is_false_only_where_read_finds_nothing(text):
    doc = BLANK(text)
    skipped = [t for t in doc if t.is_alpha and not READER.may_open(t.lower_)]
    assert skipped  # the test means something: ordinary words are skipped
    assert all(READER.read(doc, t.i) is None for t in skipped)


@pytest.mark.parametrize("word", ["thousands", "tens", "half", "minus", "sixfold", "a", "dozens", "several", "fifty"])
def test_may_open_keeps_every_word_a_number_can_start_with(word):
    assert READER.may_open(word)


def test_may_open_agrees_with_read_over_the_lexicon():
    """Every word the lexicon names, before a scale word and alone: where `read` finds a number, `may_open` says so."""
    lex = load_lexicon("numbers.json")
    words = {w.split()[0].lower() for key in ("ones", "tens", "hundred", "scales", "vague", "dozen", "fractions")
             for w in lex[key]} | {q.split()[0].lower() for q in lex["vague_quantifiers"]}
    for word in sorted(words):
        for text in (f"{word} thousand people", f"{word} of them", f"{word}"):
            doc = BLANK(text)
            if doc[0].is_alpha and READER.read(doc, 0) is not None:
                assert READER.may_open(doc[0].lower_), text
