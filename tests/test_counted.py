"""Counted noun phrase and measure (claimx/components/counted/).

Per /work/shared/gold/GUIDELINES.md, `counted` is the noun phrase the figure counts,
without the figure, scored on its head noun (None when the text names nothing, as in
"over 300 killed"); `measure` is what happened to what is counted, from a closed list.
All sentences are written for these tests.
"""

from __future__ import annotations

import pytest


def _case(sentence: str, find: str, head: str | None, measure: str | None, *,
          id: str) -> object:
    """`find` locates the figure; `head` must appear in counted.text (None: no counted)."""
    return pytest.param(sentence, find, head, measure, id=id)


COUNTED = [
    # killed
    _case("Over 300 soldiers were killed in the offensive.", "300", "soldiers", "killed",
          id="killed-passive"),
    _case("At least 27 people died when the ferry capsized.", "27", "people", "killed",
          id="killed-died"),
    _case("The flood killed 23 villagers in the valley.", "23", "villagers", "killed",
          id="killed-active"),
    _case("Officials confirmed the deaths of 14 miners after the collapse.", "14", "miners",
          "killed", id="killed-deaths-of"),
    _case("Over 300 were killed in the bombardment.", "300", None, "killed",
          id="killed-no-counted"),
    _case("The earthquake left 312 dead and the town in ruins.", "312", None, "killed",
          id="killed-dead-no-counted"),
    _case("A memorial now lists 45 fallen soldiers from the village.", "45", "soldiers",
          "killed", id="killed-fallen"),
    _case("Some 70 marines were killed in action during the landing.", "70", "marines",
          "killed", id="killed-in-action"),
    _case("The army deployed 5,000 troops after 40 civilians were killed.", "40",
          "civilians", "killed", id="killed-second-figure"),
    # injured
    _case("The blast left 45 civilians wounded.", "45", "civilians", "injured",
          id="injured-wounded"),
    _case("Twelve miners were taken to hospital after the explosion.", "Twelve", "miners",
          "injured", id="injured-taken-to-hospital"),
    _case("Two hundred spectators were injured in the stampede.", "hundred", "spectators",
          "injured", id="injured-injured"),
    _case("Four firefighters were hurt tackling the blaze.", "Four", "firefighters",
          "injured", id="injured-hurt"),
    _case("Sixty commuters were treated in hospital for smoke inhalation.", "Sixty",
          "commuters", "injured", id="injured-treated-in-hospital"),
    _case("Three journalists remain in critical condition after the shelling.", "Three",
          "journalists", "injured", id="injured-critical-condition"),
    # casualties
    _case("Some 3,000 soldiers were killed or injured in the battle.", "3,000", "soldiers",
          "casualties", id="casualties-killed-or-injured"),
    _case("An estimated 500 fighters were killed, wounded or missing.", "500", "fighters",
          "casualties", id="casualties-killed-wounded-missing"),
    _case("The brigade suffered losses of about 600 men in a week.", "600", "men",
          "casualties", id="casualties-losses"),
    # deployed
    _case("Moscow sent 10,000 troops to the region last spring.", "10,000", "troops",
          "deployed", id="deployed-sent"),
    _case("Some 2,000 engineers were deployed to the dam.", "2,000", "engineers",
          "deployed", id="deployed-deployed"),
    _case("The agency dispatched 40 rescue teams to the quake zone.", "40", "teams",
          "deployed", id="deployed-dispatched"),
    _case("About 800 peacekeepers arrived in the capital on Monday.", "800", "peacekeepers",
          "deployed", id="deployed-arrived"),
    _case("Around 1,500 foreign volunteers are fighting alongside government forces.",
          "1,500", "volunteers", "deployed", id="deployed-fighting-alongside"),
    _case("Thousands of troops were stationed along the border.", "Thousands", "troops",
          "deployed", id="deployed-stationed"),
    _case("The army deployed 5,000 troops after 40 civilians were killed.", "5,000",
          "troops", "deployed", id="deployed-first-figure"),
    # captured
    _case("Rebels captured 35 government soldiers near the airport.", "35", "soldiers",
          "captured", id="captured-active"),
    _case("Nearly 90 sailors were taken prisoner when the ship was seized.", "90", "sailors",
          "captured", id="captured-taken-prisoner"),
    # missing
    _case("At least 14 climbers are missing after the avalanche.", "14", "climbers",
          "missing", id="missing"),
    # no measure
    _case("The carmaker hired 250 engineers for its battery plant.", "250", "engineers",
          None, id="none-hired"),
    _case("The storm destroyed 12,430 homes along the coast.", "12,430", "homes", None,
          id="none-destroyed"),
    _case("Voters cast 1.2 million ballots in the runoff.", "1.2", "ballots", None,
          id="none-ballots"),
    _case("The striker has scored 25 goals this season.", "25", "goals", None,
          id="none-goals"),
    # a hyphenated figure counts the noun it modifies
    _case("The boy fell down a 130-foot chute behind the farm.", "130", "chute", None,
          id="hyphen-measured-noun"),
    _case("The judge handed the banker a five-year sentence for fraud.", "five", "sentence", None,
          id="hyphen-sentence-court"),
    _case("The satellite orbits at a 97.4-degree angle to the equator.", "97.4", "angle", None,
          id="hyphen-unit-outside-figure"),
    # a relative pronoun stands for its antecedent
    _case("The case involves 25 defendants, five of whom are students.", "five", "defendants", None,
          id="whom-antecedent-court"),
    _case("The club signed 12 players, three of whom were injured in training.", "three", "players",
          "injured", id="whom-antecedent-sport"),
    # a size counts the thing measured
    _case("Neighbours said the well was about 40 metres deep.", "40", "well", None,
          id="size-copula-dimension"),
    _case("The new pitch measures 105 metres long.", "105", "pitch", None, id="size-measures-sport"),
    _case("The blast left a crater of around 100 metres near the road.", "100", "crater", None,
          id="size-of-phrase"),
    # a bracketed conversion and 'N more' take the noun of the figure before
    _case("The shaft is about 40 metres deep (131 feet) at its lowest point.", "131", "shaft", None,
          id="conversion-in-brackets"),
    _case("The airline ordered 30 of the jets, with the option to buy 20 more.", "20", "jets", None,
          id="n-more-business"),
]

NOT_SIZES = [
    # speeds and ages are not sizes of a thing
    pytest.param("Winds of 20 knots were reported at the airport.", "20", id="speed-not-size"),
    pytest.param("The tram had a speed limit of 12mph on the bend.", "12", id="limit-not-size"),
]


@pytest.mark.parametrize(("sentence", "find"), NOT_SIZES)
def test_speed_counts_nothing(figure_of, sentence, find):
    assert figure_of(sentence, find).counted is None

NO_COUNTED = [
    # an age is not what is counted
    pytest.param("Her 15-year-old cousin was among the guests.", "15", None, id="age-not-counted"),
    # "the dead" names the measure: no counted, the measure stays
    pytest.param("Two families accounted for nine of the dead.", "nine", "killed", id="the-dead"),
    pytest.param("Hospitals said four of the wounded were in a critical condition.", "four", "injured",
                 id="the-wounded"),
]


@pytest.mark.parametrize(("sentence", "find", "measure"), NO_COUNTED)
def test_no_counted_but_measure(figure_of, sentence, find, measure):
    claim = figure_of(sentence, find)
    assert claim.counted is None
    assert claim.measure == measure


@pytest.mark.parametrize(("sentence", "find", "head", "measure"), COUNTED)
def test_counted_noun_and_measure(figure_of, sentence, find, head, measure):
    claim = figure_of(sentence, find)
    if head is None:
        assert claim.counted is None
    else:
        counted = claim.counted
        assert counted is not None, f"no counted for {claim.figure.text!r}"
        assert sentence[counted.start:counted.end] == counted.text
        assert head in counted.text
        # the counted phrase is given without the figure
        assert counted.end <= claim.figure.start or counted.start >= claim.figure.end
    assert claim.measure == measure


# A quotation that closes on the figure leaves its noun outside: '"several hundred" casualties'.
@pytest.mark.parametrize(("sentence", "find", "counted", "measure"), [
    pytest.param('The Pentagon, which spoke of "several hundred" casualties in December, has not updated it.',
                 "several hundred", "casualties", "casualties", id="war-quoted-figure"),
    pytest.param('President Volodymyr Zelensky said last week that "up to 1,000" North Korean soldiers had been killed.', "1,000",
                 "North Korean soldiers", "killed", id="war-quoted-bound"),
    pytest.param('The club sold "more than 40,000" season tickets this summer.', "40,000", "season tickets", None,
                 id="sport-quoted-figure"),
])
def test_counted_past_a_closing_quote(figure_of, sentence, find, counted, measure):
    claim = figure_of(sentence, find)
    assert (claim.counted.text if claim.counted else None, claim.measure) == (counted, measure)


# A small whole number set off by commas beside one person is that person's age, not a count of what befell them
@pytest.mark.parametrize(("sentence", "find", "measure"), [
    pytest.param("One woman, 41, was stabbed in the arm and taken to hospital.", "41", None, id="age-beside-woman-crime"),
    pytest.param("A soldier, 19, was wounded by shrapnel near the trench.", "19", None, id="age-beside-soldier-war"),
    pytest.param("The death toll, 57, was confirmed on Monday.", "57", "killed", id="toll-is-no-person-disaster"),
    pytest.param("Officials said 40 people, 12 of them children, were injured in the blast.", "40", "injured",
                 id="count-of-people-attack"),
])
def test_counted_age_beside_a_person_has_no_measure(figure_of, sentence, find, measure):
    assert figure_of(sentence, find).measure == measure


# A small number bounded by "over" or "under" right after a plural noun of people is their age, not a head count
@pytest.mark.parametrize(("sentence", "find", "measure"), [
    pytest.param("About 64% of the heat deaths were among people over 70, the statistics office said.", "over 70", None,
                 id="age-over-heatwave"),
    pytest.param("Roughly half of the flu deaths occurred among residents over 85.", "over 85", None, id="age-over-health"),
    pytest.param("Some 40% of the injuries this season were among players under 21, the league said.", "under 21", None,
                 id="age-under-sport"),
    pytest.param("Roughly half of the flu deaths occurred among residents over 85.", "half", "killed",
                 id="share-keeps-its-measure-health"),
    pytest.param("The mudslide killed more than 40 villagers over the weekend.", "40", "killed", id="count-before-noun-disaster"),
])
def test_counted_age_after_people_has_no_measure(figure_of, sentence, find, measure):
    assert figure_of(sentence, find).measure == measure


# A bracket around one word (an abbreviation) inside the noun phrase does not part a figure from its noun; a bracket
# around a figure does
@pytest.mark.parametrize(("sentence", "find", "counted", "measure"), [
    pytest.param("Nine urban search-and-rescue (USAR) teams have been deployed to the city.", "Nine",
                 "urban search-and-rescue (USAR) teams", "deployed", id="abbreviation-rescue-teams-quake"),
    pytest.param("Six rapid response (RRT) teams were sent to the flooded district.", "Six", "rapid response (RRT) teams",
                 "deployed", id="abbreviation-teams-flood"),
    pytest.param("The city installed 200 electric vehicle (EV) chargers this year.", "200", "electric vehicle (EV) chargers",
                 None, id="abbreviation-chargers-local"),
    pytest.param("About 300 (12%) households lost power in the storm.", "About 300", None, None,
                 id="bracketed-figure-storm"),
])
def test_counted_noun_past_a_bracketed_abbreviation(figure_of, sentence, find, counted, measure):
    claim = figure_of(sentence, find)
    assert (claim.counted.text if claim.counted else None, claim.measure) == (counted, measure)
