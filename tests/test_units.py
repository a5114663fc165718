"""The unit reader (`claimx/read/units.py`): listed words first, quantulum3's tables for the rest.

No trained model: a blank English tokenizer, and the figure reader on a blank pipeline.
Sentences are invented, from tech, science, motoring, sports and disaster pages.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from claimx.data import load_lexicon
from claimx.read.units import UnitReader

BLANK = spacy.blank("en")
UNITS = UnitReader(load_lexicon("units.json"), load_lexicon("currencies.json"))
FIGURES = spacy.blank("en")
FIGURES.add_pipe("claimx_figures")


def unit_after(text: str, word: str):
    """The unit read right after the first token that is `word`."""
    doc = BLANK(text)
    i = next(t.i for t in doc if t.text == word)
    return UNITS.after(doc, i + 1, len(doc)), doc


def figure(text: str, contains: str) -> dict:
    doc = FIGURES(text)
    found = [s._.figure.to_dict() for s in doc.spans["claimx"]]
    hits = [f for f in found if contains in f["text"]]
    assert hits, f"no figure containing {contains!r} in {[f['text'] for f in found]}"
    return hits[0]


# -- listed units, spaced and glued -----------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The new plan offers 30Mbps for most homes.", "30Mbps", 30, "Mbps"),
    ("The phone ships with 60GB of storage.", "60GB", 60, "GB"),
    ("Its battery holds 4500 mAh.", "4500 mAh", 4500, "mAh"),
    ("The cell reached 30 A/cm2 in the lab.", "30 A/cm2", 30, "A/cm2"),
    ("A 185-hp engine powers the hatchback.", "185-hp", 185, "hp"),
    ("The coupe has 600 horsepower.", "600 horsepower", 600, "hp"),
    ("The hybrid returns 40 mpg on the motorway.", "40 mpg", 40, "mpg"),
    ("Winds of 10km/hr were forecast for the race.", "10km/hr", 10, "km/h"),
    ("The cyclists averaged 40kmph on the flat stage.", "40kmph", 40, "km/h"),
    ("The satellite orbits at a 97.4-degree inclination.", "97.4-degree", 97.4, "degree"),
    ("The 121ft-long yacht sank in the storm.", "121ft", 121, "ft"),
    ("The radio works between 88 MHz and 108 MHz.", "between 88 MHz and 108 MHz", None, "MHz"),
    ("The tremor was felt 300 km away.", "300 km", 300, "km"),
    ("I'm 1.8m tall.", "1.8m", 1.8, "m"),
    ("The plot measures 1 m by 1 m.", "1 m", 1, "m"),
    ("The storm dumped 4 km squared of snow.", "4 km squared", 4, "km2"),
    ("The lake covers 4km^2.", "4km^2", 4, "km2"),
    # 'pc' / 'pct' glued to digits is per cent, as British business pages and wire services write it
    ("Retail sales slipped 0.42pc in the quarter.", "0.42pc", 0.42, "%"),
    ("The striker scored with 18pc of his shots this season.", "18pc", 18, "%"),
    ("Turnout reached 61.7pct, the election board said.", "61.7pct", 61.7, "%"),
])
def test_units_listed_and_glued(text, phrase, value, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, value, unit)


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The weight is 20 (kg) per crate.", "20 (kg)", "kg"),
    ("Rainfall totals 120 [mm] in the table.", "120 [mm]", "mm"),
])
def test_units_in_brackets(text, phrase, unit):
    """Specs and tables put the unit in brackets after the number."""
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["unit"]) == (phrase, unit)


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The length of my pencil is 2 in.", "2 in", "in"),
    ("The ice was 3 in thick on the lake.", "3 in", "in"),
    ('He has a pen that is 10 " long.', '10 "', "in"),
])
def test_units_inch_written_as_a_preposition_or_mark(text, phrase, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["unit"]) == (phrase, unit)


@pytest.mark.parametrize(("text", "word"), [
    ("The team won 2 in a row.", "2"),
    ('"We lost 10" he said.', "10"),
    ("Police found 3 in the house.", "3"),
])
def test_units_in_with_an_object_is_no_unit(text, word):
    unit, _ = unit_after(text, word)
    assert unit is None


# -- a unit written once serves two numbers -----------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("They were given 45 and 50 mg ethanol.", "45", "mg"),
    ("The two peaks rise 4 and 5 km above the plain.", "4", "km"),
])
def test_units_shared_by_two_numbers(text, phrase, unit):
    got = figure(text, phrase)
    assert (got["text"], got["unit"]) == (phrase, unit)


@pytest.mark.parametrize("text", [
    "Police arrested 45 and 50 people were hurt.",
    "He scored 2 and 3 goals in the two games.",
])
def test_units_shared_only_from_a_listed_unit(text):
    doc = BLANK(text)
    i = next(t.i for t in doc if t.like_num)
    assert UNITS.shared(doc, i + 1, len(doc)) is None


# -- compound units ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The keeper is 5 ft 2 in tall.", "5 ft 2 in", 5 + 2 / 12, "ft"),
    ("The winner stands 6ft 1in.", "6ft 1in", 6 + 1 / 12, "ft"),
    ("The crack is 12 feet and 6 inches long.", "12 feet and 6 inches", 12.5, "ft"),
    ("The baby weighed 7 lb 8 oz.", "7 lb 8 oz", 7.5, "lb"),
])
def test_units_compound(text, phrase, value, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize("text", [
    "The keeper is 5 ft tall and 2 in the squad are younger.",
    "He ran 5 ft 14 in the drill.",  # 14 inches is more than a foot: two figures
])
def test_units_no_compound(text):
    got = figure(text, "5")
    assert got["value"] == 5


# -- currencies --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "unit"), [
    ("They paid 50 Egyptian pounds.", "50", "EGP"),
    ("Aid of 20 Australian dollars a head.", "20", "AUD"),
    ("A loan of 300 ringgit.", "300", "MYR"),
    ("A fine of 90 pounds was set.", "90", "lb"),  # pounds alone, no scale: a weight
])
def test_units_currency_words(text, word, unit):
    got, _ = unit_after(text, word)
    assert got is not None and got.unit == unit


@pytest.mark.parametrize(("symbol", "code"), [
    ("$", "USD"), ("US$", "USD"), ("usd$", "USD"), ("RM", "MYR"), ("$A", "AUD"), ("€", "EUR"),
])
def test_units_currency_symbols(symbol, code):
    assert UNITS.currency_symbol(symbol) == code


@pytest.mark.parametrize(("text", "word"), [
    ("Voters waited 10 in long queues.", "10"),
    ("Supplies of 5 in short supply.", "5"),
])
def test_units_in_before_an_adjective_and_noun_is_a_preposition(text, word):
    unit, _ = unit_after(text, word)
    assert unit is None


@pytest.mark.parametrize(("text", "word", "unit"), [
    ("A stamp rose by 5p today.", "5p", "p"),
    ("The stream is in 1080p resolution.", "1080p", None),
])
def test_units_glued_coins_not_resolutions(text, word, unit):
    doc = FIGURES(text)
    found = [s._.figure.unit for s in doc.spans["claimx"] if s.text == word]
    assert found == ([unit] if unit else [])


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The Fed raised rates by 25 basis points.", "25 basis points", 25, "bp"),
    ("The spread widened 40bps on Monday.", "40bps", 40, "bp"),
    ("The hairs are 50μm wide.", "50μm", 50, "µm"),
    ("Each pill holds 10 µg of the drug.", "10 µg", 10, "µg"),
])
def test_units_finance_and_lab(text, phrase, value, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, value, unit)


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("She won the marathon in 2 hours 30 minutes.", "2 hours 30 minutes", 2.5, "hour"),
    ("Rescuers reached the car 3 minutes 20 seconds after the crash.", "3 minutes 20 seconds", 3 + 1 / 3, "minute"),
])
def test_units_compound_durations(text, phrase, value, unit):
    got = figure(text, phrase.split()[0])
    assert (got["text"], got["value"], got["unit"]) == (phrase, pytest.approx(value), unit)


@pytest.mark.parametrize(("text", "word"), [
    ("They won seven of their last eight league matches.", "eight"),
    ("The club has lost five league games this season.", "five"),
])
def test_units_a_sports_league_is_no_length(text, word):
    unit, _ = unit_after(text, word)
    assert unit is None


# 'quad' is a unit of energy to quantulum3; in news it is a bike or a drone
@pytest.mark.parametrize(("text", "word"), [
    ("Drone units destroyed two trucks and one quad bike near the road.", "one"),
    ("The farm bought three quads for the harvest.", "three"),
])
def test_units_a_quad_is_a_vehicle(text, word):
    unit, _ = unit_after(text, word)
    assert unit is None


# an unlisted word in capitals is an acronym naming a body, not a unit symbol written in other case ('kPa')
@pytest.mark.parametrize(("text", "word"), [
    ("Drone crews liquidated 8 KPA soldiers near Korenevo.", "8"),
    ("The union balloted 300 RMT members on the strike.", "300"),
])
def test_units_an_acronym_is_no_unit(text, word):
    unit, _ = unit_after(text, word)
    assert unit is None


@pytest.mark.parametrize(("word", "plural"), [("mile", "miles"), ("foot", "feet")])
def test_quantulum_loads_inflect_without_typeguards_rewrite_and_leaves_typeguard_as_it_was(word, plural):
    """inflect (which quantulum3 pluralises unit names with) is imported with typeguard's `typechecked` set aside,
    so it skips 1.6 s of rewriting its source; its words are the same, and typeguard is put back. In a fresh process:
    inflect is imported once."""
    import subprocess
    import sys

    code = ("import typeguard; real = typeguard.typechecked\n"
            "from claimx.read import units; units._quantulum_parser().parse('a 12 km walk')\n"
            "import inflect, inspect\n"
            "assert typeguard.typechecked is real\n"
            "rewritten = [f for f in vars(inflect.engine).values() if inspect.isfunction(f) and 'memo' in f.__code__.co_varnames]\n"
            "assert not rewritten, rewritten  # typeguard's rewrite gives each checked function a `memo`\n"
            f"print(inflect.engine().plural({word!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == plural


# -- units the text names: quake scales, volumes, areas ----------------------------------------

@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    ("The tremor had a magnitude of 5.7, the survey said.", "5.7", 5.7, "magnitude"),
    ("A magnitude 7.2 quake shook the coast at dawn.", "7.2", 7.2, "magnitude"),
    ("Residents fled a magnitude-6.1 aftershock overnight.", "6.1", 6.1, "magnitude"),
    ("The shock measured 6.9 on the Richter scale.", "6.9", 6.9, "magnitude"),
    ("It was a 4.8 magnitude quake, seismologists said.", "4.8", 4.8, "magnitude"),
    ("The island felt an upper 6 on the Japanese seismic intensity scale.", "6", 6, "intensity"),
    ("The dam released 12 cubic metres of water a second.", "12", 12, "m3"),
    ("The refinery stores 300 cu m of fuel on site.", "300", 300, "m3"),
    ("The warehouse covers 2,500 sq. ft. of floor.", "2,500", 2500, "sq ft"),
    ("The wildfire has burned more than 40 square miles of brush.", "40", 40, "sq mi"),  # imperial areas as written
    ("The retailer opened a 30,000 square feet store downtown.", "30,000", 30000, "sq ft"),
    ("The lake spreads over 12 square kilometres in spring.", "12", 12, "km2"),  # metric areas as a power
])
def test_units_named_in_disaster_and_industry_reports(text, phrase, value, unit):
    f = figure(text, phrase)
    assert (f["value"], f["unit"]) == (value, unit)


@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("The flood carried millions of cubic meters of mud into town.", "millions", "m3"),
    ("The rocks formed over hundreds of millions of years.", "hundreds of millions", "year"),
    ("Donors pledged thousands of dollars to the shelter.", "thousands", "USD"),
    ("Thousands of residents fled the river.", "Thousands", None),
])
def test_units_vague_magnitude_of_a_listed_unit(text, phrase, unit):
    assert figure(text, phrase)["unit"] == unit


@pytest.mark.parametrize(("text", "word"), [
    ("The magnitude of the task: 40 volunteers came.", "40"),  # a colon, not a joiner
    ("Its magnitude surprised 30 engineers.", "30"),  # a verb between
])
def test_units_a_named_unit_needs_to_touch_the_number(text, word):
    assert figure(text, word)["unit"] is None


# A sign several countries write takes the currency of the country the text names most.
@pytest.mark.parametrize(("text", "phrase", "unit"), [
    ("Nepal's cabinet set aside Rs 2 billion for quake relief in western Nepal.", "Rs 2 billion", "NPR"),
    ("Pakistan's central bank fined the lender Rs 30 million, Pakistani media said.", "Rs 30 million", "PKR"),
    ("The Indian club signed the striker for Rs 5 crore.", "Rs 5 crore", "INR"),
    ("The shop sold the phone for Rs 20,000 on launch day.", "Rs 20,000", "INR"),  # no country named: the sign's own
    ("Sri Lanka's budget gives Rs 800 million to schools; India gave aid to Sri Lanka.", "Rs 800 million", "LKR"),
    ("Karachi's port authority spent Rs. 12 billion, Pakistan's minister said.", "Rs. 12 billion", "PKR"),  # sign's stop
    ("The state will pay Rs. 5 lakh to each family, the Indian ministry said.", "Rs. 5 lakh", "INR"),
])
def test_units_shared_currency_sign_by_country(text, phrase, unit):
    assert figure(text, phrase)["unit"] == unit


# -- quantulum3 is woken only where a unit of a trusted dimension can start ---------------------------

@pytest.mark.parametrize(("word", "following", "opens"), [
    pytest.param("kg", None, True, id="symbol"),
    pytest.param("KG", None, True, id="symbol-in-capitals"),
    pytest.param("G", None, False, id="capital-is-gauss-not-gram"),
    pytest.param("hectares", None, True, id="plural-surface"),
    pytest.param("square", "kilometres", True, id="two-word-surface"),
    pytest.param("square", "meals", False, id="first-word-before-another-noun"),
    pytest.param("solar", "panels", False, id="first-word-of-another-surface"),
    pytest.param("soldiers", None, False, id="no-unit"),
    pytest.param("time", None, False, id="untrusted-dimension"),
])
def test_units_quantulum_words(word, following, opens):
    assert UNITS.quantulum_words.may_open(word, word.lower(), following) is opens


@pytest.mark.parametrize(("text", "phrase", "value", "unit"), [
    pytest.param("Some 83 MPs signed the letter.", "Some 83", 83, None, id="politics-mps-are-members"),
    pytest.param("The cabinet made two U-turns in a week.", "two", 2, None, id="politics-u-turn"),
    pytest.param("She won the heat in 6.67 secs.", "6.67 secs", 6.67, "second", id="sport-seconds"),
    pytest.param("The village has a 1 gigabit line now.", "1 gigabit", 1, "Gb", id="tech-gigabit"),
    pytest.param("The ferry sank 12 nautical miles offshore.", "12 nautical miles", 12, "nmi", id="disaster-sea-miles"),
])
def test_units_listed_before_quantulum(text, phrase, value, unit):
    got = figure(text, phrase.split()[0] if unit is None else phrase)
    assert (got["text"], got["value"], got["unit"]) == (phrase, value, unit)


def test_units_news_words_leave_quantulum_asleep():
    """Members, turns, quarters, seconds, sea miles, '3G': read from the lexicons; quantulum3's parser (over a second
    to build) is never imported."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('claimx_figures')\n"
        "doc = nlp('Some 83 MPs made two U-turns in three quarters. She ran 6.67 secs. The 3G mast stands 12 nautical"
        " miles from 600 soldiers and a 1 gigabit line.')\n"
        "assert len(doc.spans['claimx']) >= 7, [s.text for s in doc.spans['claimx']]\n"
        "print('quantulum3.parser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "False", out.stderr[-2000:]
