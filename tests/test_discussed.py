"""The toll under discussion (claimx/components/counted/discussed.py): a figure with no measure word of its own that
restates, gives the value of, or is compared with the count said before takes that count's measure.

Sentences written for these tests: war, disaster, health, crime, and counts that are no toll (sport, business).
"""

from __future__ import annotations

import pytest

WAR = "The health ministry said on Tuesday that 8,200 people had been killed since the offensive began. "
QUAKE = "Rescue officials said 412 people were injured when the quake struck the coastal towns. "
HEAT = "The agency said 95 people had died during the heatwave. "


@pytest.mark.parametrize(("text", "find", "measure"), [
    # a bare tally noun given a value: the count before is the one it totals
    pytest.param(WAR + "An independent monitor puts its own total at 6,100.", "6,100", "killed",
                 id="total-at-war"),
    pytest.param(QUAKE + "The regional hospital association puts its total at 380.", "380", "injured",
                 id="total-at-quake"),
    pytest.param("An earlier version of this report said 14 people had died in the fire. The confirmed figure is 13.",
                 "13", "killed", id="confirmed-figure-fire"),
    pytest.param(WAR + "A year ago, the difference between the two counts was roughly 900.", "900", "killed",
                 id="difference-was-war"),
    # a comparison after the figure
    pytest.param(WAR + "An independent monitor puts its own total at 6,100, about 2,100 fewer.", "2,100", "killed",
                 id="n-fewer-war"),
    pytest.param(HEAT + "Hospitals recorded a total of 140, some 45 more.", "45", "killed", id="n-more-health"),
    # what is left of the count
    pytest.param(WAR + "Of those, it names 5,000 as civilians. The remaining 3,200 it has not identified.", "3,200",
                 "killed", id="remaining-war"),
    # a count said again
    pytest.param(HEAT + "That is not the whole story: 95 is the number certified by doctors.", "95", "killed",
                 id="restated-health"),
    pytest.param("Police say 120 people were arrested and thirty-seven were wounded in the riot. Of those 37, nine are "
                 "officers.", "37", "injured", id="of-those-restated-crime"),
])
def test_discussed_toll_gives_its_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The club sold 30,000 tickets. The total is 31,000 with the season passes.", "31,000",
                 id="total-without-a-toll-sport"),
    pytest.param(WAR + "Fuel prices rose by 30% in a week.", "30%", id="share-of-something-else-business"),
    pytest.param("The club sold 30,000 season tickets this summer, 2,000 more than last year.", "2,000",
                 id="compared-with-tickets-sport"),
    pytest.param(QUAKE + "Engineers inspected 1,200 buildings. The city has 30 shelters. Schools stayed shut. Trains ran "
                 "late. The difference is 200.", "200", id="toll-too-far-back-quake"),
    pytest.param(HEAT + "The ministry opened 12 cooling centres.", "12", id="a-noun-of-its-own-health"),
    pytest.param(WAR + "The opposition rejected all three figures as propaganda.", "three", id="counts-the-tallies-politics"),
])
def test_discussed_toll_not_when_something_else_is_counted(figure_of, text, find):
    assert figure_of(text, find).measure is None


# The tally noun as the subject of a linking verb, with words between it and the figure ("The correct figure, provided
# by ..., is seven"); a tally that says what it counts ("the number on board") is no toll under discussion
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Correction: a report on Monday said 15 miners were injured in the collapse. The correct figure, "
                 "given by the mine's operator, is 11.", "11", "injured", id="correct-figure-given-by-mining"),
    pytest.param(WAR + "The final figure, after weeks of checks by the monitor's staff, was 7,950.", "7,950", "killed",
                 id="final-figure-after-checks-war"),
    pytest.param(QUAKE + "The true number on the evacuation buses was at least 600.", "600", None,
                 id="number-on-buses-is-its-own-count-quake"),
])
def test_discussed_tally_subject_of_a_linking_verb(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "it" as the subject of a linking verb stands for the tally named before it in the sentence: the figure takes the
# measure word said between the tally and the pronoun; a figure after "not" is the same count, said wrongly
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The story misstated the number of firefighters hurt in the blaze; it is six, not 16.", "six",
                 "injured", id="it-is-correction-wildfire"),
    pytest.param("The story misstated the number of firefighters hurt in the blaze; it is six, not 16.", "16",
                 "injured", id="not-wrong-value-wildfire"),
    pytest.param("Our report got the number of passengers killed wrong; it was 14.", "14", "killed",
                 id="it-was-correction-rail"),
    pytest.param("The number of homes destroyed was wrong; it is 340.", "340", None, id="tally-of-things-housing"),
    pytest.param("The club lost the final; it was 3, not 2.", "3", None, id="no-tally-before-sport"),
])
def test_discussed_pronoun_for_a_tally(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure
