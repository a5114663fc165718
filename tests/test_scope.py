"""scope: what stretch a figure counts, read from its own clause (sentences written for these tests)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "figure", "scope"), [
    # war reporting
    ("Moscow has sent another 2,500 conscripts to the front, the ministry said.", "2,500", "addition"),
    ("Officials said 800 more soldiers arrived at the base.", "800", "addition"),
    ("A second wave of 4,000 soldiers has been deployed, officials said.", "4,000", "addition"),
    ("At least 90 soldiers were killed in the past week, the army said.", "90", "period"),
    ("Some 300 soldiers were wounded within three days of the offensive.", "300", "period"),
    ("Twenty soldiers were killed over the weekend near the river.", "Twenty", "period"),
    ("The drone strike killed 14 soldiers at the depot.", "14", "incident"),
    ("Rebels ambushed the convoy and killed nine soldiers.", "nine", "incident"),
    ("About 5,000 soldiers have been killed since the war began, the ministry said.", "5,000", "total"),
    ("The army's toll rose to 6,200 dead.", "6,200", "total"),
    ("Around 11,000 soldiers have been killed so far, officials said.", "11,000", "total"),
    # local crime and accidents
    ("Police said 23 people were injured in the blast at the market.", "23", "incident"),
    ("Fourteen people were arrested overnight in the city centre.", "Fourteen", "period"),
    ("The county has recorded 41 road deaths this year, the sheriff said.", "41", "total"),
    # a stretch named by its length, and "more" after a figure with no noun of its own
    ("Drone crews say they hit 60 enemy soldiers within a three-day period near the river.", "60", "period"),
    ("Rescuers pulled 35 people from the rubble over a span of two days.", "35", "period"),
    ("In the final week of fighting alone, enemy losses exceeded 1,500 servicemen.", "1,500", "period"),
    ("Over the opening weekend of the festival, 60 people were treated for heatstroke.", "60", "period"),
    ("The bulletin counts 1,640 casualties the army suffered over the past day.", "1,640", "period"),
    ("Police made 120 arrests in a 24-hour period over the holiday.", "120", "period"),
    ("He warned that hundreds of thousands more could arrive at the front.", "hundreds of thousands", "addition"),
    ("The club expects 5,000 more will come for the final.", "5,000", "addition"),
])
def test_scope_of_figure(figure_of, sentence, figure, scope):
    assert figure_of(sentence, figure).scope == scope


@pytest.mark.parametrize(("sentence", "figure", "scope"), [
    # a part of a count given beside it: war, disaster, crime
    ("The army reported 2,300 casualties, including 410 deaths, since the spring.", "410", "part"),
    ("Rebels said 120 people were killed, 35 of them children.", "35", "part"),
    ("The survey counted 12,000 deaths, some 7,500 of whom died of violence.", "7,500", "part"),
    ("Flooding has killed 310 people; 96 of the dead were found in one valley.", "96", "part"),
    ("Officials said 84 people were hurt, and 19 are in critical condition.", "19", "part"),
    ("The quake toll reached 212: 150 in Dolpa and 62 in Karsi, officials said.", "150", "part"),
    ("The quake toll reached 212: 150 in Dolpa and 62 in Karsi, officials said.", "62", "part"),
    ("Police said 40 people were arrested, including 12 minors, after the riot.", "12", "part"),
    ("Most of the dead were farmers, accounting for 230 deaths, the agency said.", "230", "part"),
    # the whole keeps its own scope
    ("Rebels said 120 people were killed, 35 of them children.", "120", "total"),
    ("Police said 40 people were arrested, including 12 minors, after the riot.", "40", "total"),
    # a stretch: in a joined verb, a month for a count of events (not for a stock)
    ("The brigade said 44 soldiers were killed and 61 wounded within two days.", "44", "period"),
    ("At least 70 villagers have died in March, the clinic said.", "70", "period"),
    ("Some 800 people have been killed since March, the ministry said.", "800", "total"),
    # one incident
    ("The border guards stated that they had killed four smugglers near the river.", "four", "incident"),
    ("The toll from the market bombing has risen to 31, police said.", "31", "incident"),
    ("The mayor said the toll from the ferry crash on Friday had risen to 23.", "23", "incident"),
    ("Two guards were killed and nine others hurt in the attack on the prison.", "Two", "incident"),
])
def test_scope_parts_periods_incidents(figure_of, sentence, figure, scope):
    assert figure_of(sentence, figure).scope == scope


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The ministry published a list of 85 injured on Sunday evening.", "85"),  # publishing a list is no incident
    ("Storms have killed 1,900 people in the region, the agency said.", "1,900"),  # perfect: a running count
])
def test_scope_not_an_incident(figure_of, sentence, figure):
    assert figure_of(sentence, figure).scope != "incident"


@pytest.mark.parametrize(("after", "place"), [
    (" people were killed in the capital, police said", "the capital"),
    (" patients died at the field hospital on Monday", "the field hospital"),
    (" bodies lay in the morgues of the city", "the morgues"),
    (" were counted in the port city alone", "the port city"),
    (" were injured in Harbin alone, the governor said", "harbin"),
    (" people were killed in Khartoum state, the UN said", "khartoum state"),
    (" people died in the city of Goma", "the city of goma"),
    (" people died in Herat province on Saturday", "herat province"),
    (" soldiers were killed in Russia's Kursk region", None),  # a region of a war is the story's
    (" people were taken to the hospital", None),  # taken to, not counted at
    (" people were killed across the country. In the capital, shops shut", None),  # another sentence
    (" people were killed in March alone, the agency said", None),  # flood: a month is the figure's time
    (" migrants drowned in Sunday's storm alone", None),  # shipwreck: a day is no place either
])
def test_scope_place_of(after, place):
    from claimx.components.scope import PlaceReader

    assert PlaceReader().place_of(after) == place


@pytest.mark.parametrize(("after", "name"), [
    (" in South Carolina, 33 in Georgia", "South Carolina"),
    (" bodies in Chilobwe, Blantyre District.", "Chilobwe"),
    (" people died, officials said", None),
    (" killed in March, the army said", None),  # war: a month
    (" died in Monday's strike on the market", None),  # war: a day's strike
])
def test_scope_named_place_after(after, name):
    from claimx.components.scope import PlaceReader

    assert PlaceReader().named_after(after) == name


@pytest.mark.parametrize(("sentence", "figure"), [
    ("More than 1,000 soldiers have been killed, the ministry said.", "1,000"),  # "more than" is a bound, no addition
    ("The new report says 700 soldiers have died.", "700"),  # "new" far from the figure
])
def test_scope_bounds_are_not_additions(figure_of, sentence, figure):
    assert figure_of(sentence, figure).scope != "addition"


def test_scope_words_come_from_the_lexicon(tmp_path):
    import json

    from claimx.components.scope import ScopeReader

    (tmp_path / "scope.json").write_text(json.dumps({"total_phrases": ["headcount"]}), encoding="utf-8")
    reader = ScopeReader(tmp_path)
    assert reader.total_phrases.search("the headcount stood at")
    assert reader.total_phrases.search("so far")  # the packaged words stay


@pytest.mark.parametrize(("sentence", "figure", "place"), [
    # war: a count for one city is that city's, not the war's
    ("At least 40 civilians were killed in the capital overnight, the health ministry said.", "40", "the capital"),
    ("Medics said 17 wounded fighters died at the field hospital near the front.", "17", "the field hospital"),
    # disaster: a province's toll and the nationwide toll
    ("The floods killed 212 people in Sindh province, the disaster agency said.", "212", "sindh province"),
    ("The storm has killed 1,300 people across the country, officials said.", "1,300", None),
    # crime: the place of the shooting is the story's, not a narrower count
    ("Police said four people were shot near a bar on Sunday night.", "four", None),
])
def test_scope_extract_records_carry_the_place(figure_of, sentence, figure, place):
    """The extract record names the place the text gives right after the figure (issue 28), as compare groups it."""
    claim = figure_of(sentence, figure)
    assert claim.place == place
    assert claim.to_dict()["place"] == place


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The toll includes 33 people in the capital, the minister said.", "33"),  # war: a city's share of a day's strikes
    ("The death toll included 12 volunteer rescuers, the fire service said.", "12"),  # disaster
    ("Deaths were highest in Carrow (1 204) and Linde (987), the registry shows.", "987"),  # war: one region's count
    ("Hardest hit were Kerala (212) and Assam, officials said.", "212"),  # flood: one state's count
    ("In Kano State, cholera deaths have climbed to 31, the health commissioner said.", "31"),  # epidemic
    ("In Sindh province, floods have killed 40 people since Friday.", "40"),  # flood
    ("Most of the pilgrims who died were Malians, 96 in all, while 41 were Senegalese.", "41"),  # heat: by nationality
    ("Of the sailors held, most were Filipinos; 12 were Indians, the union said.", "12"),  # captivity: by nationality
])
def test_scope_parts_by_inclusion_and_place(figure_of, sentence, figure):
    """A count a toll includes, one given in brackets after a place's name, or for the unit a sentence opens with."""
    assert figure_of(sentence, figure).scope == "part"


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Floods have killed 40 people since Friday, the province said.", "40"),  # no unit opens the sentence
    ("The toll rose to 33 on Monday, the minister said.", "33"),
    ("The volunteers' list now includes 1,412 names.", "1,412"),  # a list is no toll: its own count
    ("The lake warmed by 1.5 degrees Celsius (2.7 degrees Fahrenheit) in ten years.", "2.7"),  # a conversion
    ("At least 30 were Tuesday's dead, the agency said.", "30"),  # a capitalised word that is no nationality
])
def test_scope_not_parts_without_a_whole_or_place(figure_of, sentence, figure):
    assert figure_of(sentence, figure).scope != "part"


@pytest.mark.parametrize(("after", "place"), [
    (" deaths in Assad's prisons since 2011", "assad's prisons"),  # war
    (" patients died in Gaza's hospitals last month", "gaza's hospitals"),  # war and health
])
def test_scope_place_owned_by_a_name(after, place):
    from claimx.components.scope import PlaceReader

    assert PlaceReader().place_of(after) == place
