"""The rule table of claimx/nonfigures/: what makes a number no figure.

Sentence-level behaviour is tested in test_figures.py with the trained model; here the
table itself is checked, and rules that read only tokens run on hand-built Docs.
"""

from __future__ import annotations

import inspect

import pytest

from claimx.components.nonfigures import NOT_FIGURE_RULES, furniture, names, times


@pytest.mark.parametrize("rule", NOT_FIGURE_RULES, ids=lambda r: r.__name__)
def test_nonfigures_rule_is_named_and_says_why(rule):
    doc = inspect.getdoc(rule)
    assert rule.__name__.startswith("is_"), "a rule is a predicate named is_<what the number is>"
    assert doc and "\n" not in doc.strip(), f"{rule.__name__} needs a one-line docstring saying why"


@pytest.mark.parametrize("module", [furniture, names, times], ids=lambda m: m.__name__)
def test_nonfigures_every_rule_is_in_the_table(module):
    defined = {name for name, f in inspect.getmembers(module, inspect.isfunction)
               if name.startswith("is_") and f.__module__ == module.__name__}
    assert defined and defined <= {r.__name__ for r in NOT_FIGURE_RULES}


def test_nonfigures_table_lists_each_rule_once():
    assert len({r.__name__ for r in NOT_FIGURE_RULES}) == len(NOT_FIGURE_RULES)


@pytest.fixture(scope="module")
def blank_figures():
    """A pipeline with no trained model: only the token-level rules can apply."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("claimx_figures")

    def run(text: str) -> list[str]:
        doc = nlp(text)
        return [s._.figure.text for s in doc.spans["claimx"]]

    return run


# Rules that read only tokens and lexicons hold without any parse or NER.
@pytest.mark.parametrize(("text", "kept", "dropped"), [
    pytest.param("Police were called at 7.25 and found 3 injured.", ["3"], "7.25", id="dotted-clock-time"),
    pytest.param("The index rose 7.25 percent.", ["7.25 percent"], None, id="dotted-percent-kept"),
    pytest.param("Rescuers search the rubble. 4 of 12\nThe fire spread.", [], "4", id="gallery-counter-line-end"),
    pytest.param("Hide Caption 3 of 12 Photos: the storm", [], "12", id="gallery-counter-caption"),
    pytest.param("Market day\n11/14 2015 Traders sold 40 sacks.", ["40"], "2015", id="date-stamp-year"),
    pytest.param("Prices are above 2004's average of 41 points.", ["41"], "2004", id="possessive-year"),
    pytest.param("The window runs between Feb 8 and 25 for 12 days.", ["12 days"], "25", id="date-span-end"),
    pytest.param("It has a six-speed gearbox and 4 seats.", ["4"], "six", id="product-feature"),
    pytest.param("The FTSE 100 fell while 30 firms rose.", ["30"], "100", id="index-series"),
    pytest.param("Two cars collided in the 1500 block of Grand Avenue.", ["Two"], "1500", id="block-address"),
    pytest.param("Looters hit the 200 block of Main and stole 40 bikes.", ["40"], "200", id="block-address-short"),
    pytest.param("About 600 North Korean soldiers died.", ["About 600"], None, id="compass-needs-a-tagger"),
    pytest.param("Ships left the harbour.Three sank off the cape.", ["Three"], None, id="glued-sentence-start-kept"),
    pytest.param("The suspect fled to the station.Nine officers chased him.", ["Nine"], None, id="glued-sentence-crime-kept"),
    pytest.param("Engineers fitted valve B-7 after 2 leaks.", ["2"], "7", id="code-after-letters-dash"),
])
def test_nonfigures_token_rules_without_a_model(blank_figures, text, kept, dropped):
    found = blank_figures(text)
    assert found == kept
    if dropped is not None:
        assert dropped in text and not any(dropped in f for f in found)


# Phone numbers are never figures, whichever of their digit groups a range or a count would start at; real ranges,
# scores and year spans written with the same hyphens stay what they are.
@pytest.mark.parametrize(("text", "kept"), [
    # local crime reports
    pytest.param("Two men robbed a bakery; tips go to detectives at 773-555-0142.", ["Two"], id="three-three-four"),
    pytest.param("Four cars were stolen. Call 1-800-555-0177 with information.", ["Four"], id="toll-free"),
    pytest.param("Police seized 9 rifles and ask callers to dial (615) 555-0108.", ["9"], id="bracketed-area-code"),
    pytest.param("The shop lost 300 dollars; its owner is at 555-0163.", ["300 dollars"], id="local-seven-digits"),
    pytest.param("Three teens were arrested. Call Crime Stoppers at 888-580-TIPS.", ["Three"], id="vanity-letters"),
    pytest.param("Deputies found 12 bags; the tip line is 312.555.0190.", ["12"], id="dotted"),
    # war and diplomatic reporting
    pytest.param("The consulate said 40 citizens left and set up a hotline, +1 202 555 0156.", ["40"],
                 id="country-code-spaces"),
    # what looks like a phone number but is a range, a score or a span of years
    pytest.param("Between 1,000-3,000 refugees crossed as 20-30 trucks waited.", ["Between 1,000-3,000", "20-30"],
                 id="ranges-kept"),
    pytest.param("The unit fought in 1950-53 and lost 2-1 in the final; 150-200 men stayed.", ["150-200"],
                 id="years-scores-kept"),
])
def test_nonfigures_phone_numbers_are_not_figures(blank_figures, text, kept):
    assert blank_figures(text) == kept


# A phone number written without breaks after a calling word, and a number hyphenated to "time" ('a one-time levy'),
# count nothing; the same digits as a count, and the count after the compound, stay figures.
@pytest.mark.parametrize(("text", "absent", "present"), [
    pytest.param("Anyone with information should call Crimestoppers 2340007 or the police.", "2340007", None, id="crime-phone"),
    pytest.param("Fans can text 8005551234 to vote for the player of the year.", "8005551234", None, id="sport-text-line"),
    pytest.param("The firm paid a one-time levy of 15 percent on cash held abroad.", "one", "15 percent", id="business-one-time"),
    pytest.param("She is a three-time champion with 42 wins.", "three", "42", id="sport-three-time"),
    pytest.param("Families received a one-off payment of 300,000 won.", "one", "300,000 won", id="money-one-off"),
])
def test_nonfigures_phone_digits_and_time_compounds(extract, text, absent, present):
    texts = [c.figure.text for c in extract(text)]
    assert not any(absent in t for t in texts), texts
    if present is not None:
        assert present in texts, texts


# A number before a colon and a space ends its phrase ('casualties at some 6,000: NIS', 'there are two: ...'); only a
# colon glued to more digits makes it a time or a code ('10:30').
@pytest.mark.parametrize(("text", "present"), [
    pytest.param("N. Korean casualties at some 6,000: NIS", "some 6,000", id="war-headline-label"),
    pytest.param("Anyone wanting to borrow $25,000: take out federal loans first.", "$25,000", id="finance-colon"),
])
def test_nonfigures_a_colon_after_a_number_is_no_time(extract, text, present):
    assert present in [c.figure.text for c in extract(text)]


def test_nonfigures_digits_as_a_count_stay(extract):
    assert [c.figure.value for c in extract("The company employs 2340007 people worldwide.")] == [2340007]
