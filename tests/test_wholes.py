"""A part takes its whole's measure (claimx/components/counted/wholes.py).

Sentences written for these tests, from at least two kinds of article each: war, disasters, crime, mining, sport.
"""

from __future__ import annotations

import pytest


# "including" between the whole's figure and the part's, with no new clause between them
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The ministry said the toll from the shelling had climbed to 212, including 31 children, by Monday.",
                 "31", "killed", id="toll-rose-to-including-war"),
    pytest.param("Rescuers said the flood toll had reached 87, including 14 pensioners.", "14", "killed",
                 id="toll-reached-including-flood"),
    pytest.param("Last year the monitor recorded 2,150 people killed, including nearly 600 civilians.", "600", "killed",
                 id="people-killed-including-war"),
    pytest.param("Police counted 64 people wounded over the weekend, including 9 teenagers.", "9", "injured",
                 id="people-wounded-including-crime"),
    pytest.param("Four people were killed and the two gunmen, including a 19-year-old, fled the scene.", "two", None,
                 id="new-clause-between-is-no-part-crime"),
])
def test_a_part_after_including_takes_the_whole_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "Of the N ..., M were ...": the whole fronted before the clause of the part
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Of the 3,100 miners killed since 1990, 640 were contractors.", "640", "killed", id="of-the-killed-mining"),
    pytest.param("Of the 3,100 miners killed since 1990, 640 (21%) were contractors.", "21%", "killed",
                 id="share-in-brackets-mining"),
    pytest.param("Of the 75 confirmed dead as of Friday, 40 were in the old town.", "40", "killed",
                 id="of-the-confirmed-dead-quake"),
    pytest.param("Of the 1,200 soldiers wounded in the offensive, 300 were officers.", "300", "injured",
                 id="of-the-wounded-war"),
    pytest.param("Of the 75 people killed in the landslide, 40 children were from the village school.", "40", "killed",
                 id="of-the-killed-noun-after-disaster"),
    pytest.param("Of the 310 soldiers wounded in the assault, 45 officers were flown to the capital.", "45", "injured",
                 id="of-the-wounded-noun-after-war"),
    pytest.param("Of the 20 players in the squad, 12 were born abroad.", "12", None, id="of-a-squad-sport"),
    pytest.param("The storm killed 26 people and hurt 140. Of the injured, 9 remain on ventilators.", "9", "injured",
                 id="of-the-injured-no-figure-storm"),
    pytest.param("Of the dead, 14 were conscripts, the brigade said.", "14", "killed", id="of-the-dead-no-figure-war"),
    pytest.param("Of the missing, five are crew members of the trawler.", "five", "missing",
                 id="of-the-missing-no-figure-shipwreck"),
    pytest.param("Of the finalists, 6 were born abroad.", "6", None, id="of-finalists-no-measure-sport"),
])
def test_a_part_after_a_fronted_whole(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A breakdown by place: bare figures set beside the first share its count
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Storm deaths in the state stand at 90, while neighbouring states report these figures: 31 in Ohio, "
                 "17 in Iowa, 8 in Kansas and two in Utah.", "17", "killed", id="breakdown-states-storm"),
    pytest.param("Storm deaths in the state stand at 90, while neighbouring states report these figures: 31 in Ohio, "
                 "17 in Iowa, 8 in Kansas and two in Utah.", "two", "killed", id="breakdown-last-conjunct-storm"),
    pytest.param("Of the 66 people killed in the raids, 30 were in Mosul; 21 in Tikrit; nine in Kirkuk.", "nine",
                 "killed", id="breakdown-after-fronted-whole-war"),
    pytest.param("The club sold 5,000 tickets on Monday: 3,000 in the north stand and 2,000 in the south.", "2,000", None,
                 id="breakdown-without-measure-sport"),
])
def test_a_breakdown_shares_the_first_figures_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# The whole as the subject of "include", or named after "among" with what happened to it
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The dead included nine nurses, the ministry said.", "nine", "killed", id="dead-included-war"),
    pytest.param("The death toll includes 41 people in the capital, the mayor said.", "41", "killed",
                 id="toll-includes-quake"),
    pytest.param("The injured include 12 firefighters who fought the blaze.", "12", "injured", id="injured-include-fire"),
    pytest.param("The squad includes 11 players from abroad.", "11", None, id="squad-includes-sport"),
    pytest.param("At least 900 fighters among Palestinians killed in the war, the army says", "900", "killed",
                 id="among-the-killed-headline-war"),
    pytest.param("The governor said 70 tourists were among the people killed by the avalanche.", "70", "killed",
                 id="were-among-people-killed-avalanche"),
    pytest.param("The coach said 3 teenagers were among the players picked for the tour.", "3", None,
                 id="among-players-picked-sport"),
])
def test_the_whole_named_by_include_or_among(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A figure followed by a place, right after the place that closes the figure before, continues its count (read off
# the words: "injured in the Lamjung district 22 in Gorkha, four each in ...")
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Officials said 60 people were hurt in the Lamjung district 22 in Gorkha and four each in Dhading and "
                 "Nuwakot.", "22", "injured", id="hurt-by-district-quake"),
    pytest.param("Officials said 60 people were hurt in the Lamjung district 22 in Gorkha and four each in Dhading and "
                 "Nuwakot.", "four", "injured", id="each-by-district-quake"),
    pytest.param("The toll from the strikes reached 31 in Kharkiv and 12 in Sumy.", "12", "killed",
                 id="toll-by-city-war"),
    pytest.param("The club has 400 members in Leeds and 90 in York.", "90", None, id="members-by-city-sport"),
])
def test_a_breakdown_by_place_read_off_the_words(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A part of a pronoun ("half of them", "Among them") stands for the figure before it; a list after a dash or colon
# breaks down the count before it, unless its noun is a subject of its own.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The observatory said 2,300 people, more than half of them farmers, were killed in the spring.", "half",
                 "killed", id="half-of-them-war"),
    pytest.param("Medics said 230 people, a third of them children, were injured in the blast.", "third", "injured",
                 id="third-of-them-blast"),
    pytest.param("Of the wounded, 22 are in a serious condition, among them three medics.", "three", "injured",
                 id="among-them-after-of-the-wounded-war"),
    pytest.param("Of the dead, 31 were found in the old town, among them seven pupils.", "seven", "killed",
                 id="among-them-after-of-the-dead-quake"),
    pytest.param("The surgeon said her team had treated 80 wounded by noon, of whom 25 needed surgery.", "25", "injured",
                 id="of-whom-after-treated-wounded-war"),
    pytest.param("The landslide killed 60 villagers, of whom 22 were children.", "22", "killed",
                 id="of-whom-after-killed-landslide"),
    pytest.param("The club sold 900 season tickets, of which 300 went to students.", "300", None,
                 id="of-which-no-measure-sport"),
    pytest.param("Reporters found that 5,540 Russian officers have died since the invasion began. Among them are 12 "
                 "generals.", "12", "killed", id="among-them-next-sentence-war"),
    pytest.param("The club signed 30 players last year. Half of them were teenagers.", "Half", None,
                 id="half-of-them-sport"),
    pytest.param("The shelling killed 1,500 people, the ministry said. About 1,120 civilians were among the victims.",
                 "1,120", "killed", id="among-the-victims-war"),
    pytest.param("The ferry sank with 90 passengers aboard, and 40 of them were rescued. Half of the victims were "
                 "children.", "Half", None, id="victims-after-a-figure-without-measure-ferry"),
    pytest.param("The mudslide buried and killed 75 villagers. Half of the victims were children.", "Half", "killed",
                 id="half-of-the-victims-mudslide"),
    pytest.param("Three people were found dead in the burnt-out house — two women and one man in the kitchen.", "two",
                 "killed", id="dash-list-crime"),
    pytest.param("Eleven people were hurt when the stand collapsed: four children and seven adults.", "seven", "injured",
                 id="colon-list-stadium"),
    pytest.param("Four people were found dead in the flat — two officers said on Sunday.", "two", None,
                 id="dash-subject-of-its-own-crime"),
])
def test_a_part_of_a_pronoun_or_a_list_after_a_dash(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "..., with N being X": a clause opened by 'with' after a figure identifies a part of it
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Researchers at a university in Leeds said the death toll was between 2,000 and 3,500, with 800 to 900 "
                 "being children.", "800 to 900", "killed", id="toll-range-with-being-war"),
    pytest.param("The blaze killed 31 residents, with nine being children.", "nine", "killed", id="killed-with-being-fire"),
    pytest.param("The flood killed 31 people, with 400 homes being damaged.", "400", None, id="passive-of-its-own-flood"),
])
def test_a_part_in_a_with_clause_takes_the_whole_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "Of the 38, nine were children": a bare figure as the whole repeats the figure of that value told before (and its
# part takes the measure); a time figure between a count and "three of them" is no whole.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Rescuers have recovered 38 bodies from the mud. Of the 38, nine were children under ten.", "nine",
                 "killed", id="of-the-repeated-landslide"),
    pytest.param("Police said 14 people were wounded in the shootings. Of the 14, three were teenagers.", "three",
                 "injured", id="of-the-repeated-crime"),
    pytest.param("Sixteen survivors, pulled out in the first 48 hours, are being treated in hospital; three of them remain "
                 "in intensive care.", "three", "injured", id="time-between-is-no-whole-landslide"),
    pytest.param("Twelve soldiers were wounded in the first 72 hours of the assault; four of them later died.", "four",
                 "killed", id="time-between-own-verb-war"),
])
def test_a_repeated_figure_is_the_whole_of_a_part(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


def test_a_repeated_figure_with_a_predicate_of_its_own_keeps_its_own(extract):
    claims = extract("Police said 14 people were wounded in the shootings. The 14 were waiting for a bus.")
    assert [c.measure for c in claims if c.figure.text == "14"] == ["injured", None]


# "Most of the deceased were X, while 236 were Y": a bare figure in a parallel linking clause is a part of the whole
# the first clause's subject names.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Most of the deceased were pilgrims from the north, while 236 were from the coast.", "236", "killed",
                 id="deceased-while-heat"),
    pytest.param("Most of the wounded were soldiers, while 40 were civilians.", "40", "injured", id="wounded-while-war"),
    pytest.param("Most of the voters were young, while 40 were retired.", "40", None, id="voters-while-politics"),
])
def test_a_parallel_clause_is_a_part_of_the_whole(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure
