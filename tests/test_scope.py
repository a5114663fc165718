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
