"""A part after 'including' takes the measure of the whole before it even when the whole's own noun is a subject,
and its verb comes between them (claimx/components/counted/wholes.py, `_opens_a_part`, `_whole_clause`).

Sentences written for these tests: war, disasters and accidents.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Some 9,000 soldiers are stationed along the northern border, including three tank battalions.",
                 "three", "deployed", id="whole-verb-between-war"),
    pytest.param("About 350 rescuers have been sent to the flooded valley, including a 25-strong team from the capital.",
                 "25", "deployed", id="whole-verb-between-flood"),
    pytest.param("At least 70 fishermen are missing after the storm, including nine from one village.", "nine", "missing",
                 id="whole-verb-between-storm"),
    pytest.param("About 350 rescuers, including a 25-strong team from the capital, have been sent to the flooded valley.",
                 "25", "deployed", id="whole-subject-before-part-flood"),
    pytest.param("Eleven villagers, including four children, died when the bridge gave way.", "four", "killed",
                 id="whole-subject-died-accident"),
])
def test_wholes_part_of_a_subject_whole_takes_its_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Around 600 troops are stationed in the town, and residents, including 50 teachers, signed a petition.",
                 "50", id="another-subject-between-war"),
    pytest.param("Nine people were killed in the storm, and neighbours, including 30 volunteers, cleared the roads.",
                 "30", id="another-subject-between-storm"),
])
def test_wholes_part_after_a_new_subject_is_no_part(figure_of, text, find):
    assert figure_of(text, find).measure is None


# A bare figure in brackets after a name is that name's share of the count the list breaks down
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("By confirmed deaths the worst-hit provinces are Varna Oblast (2 310), Lomsk Krai (1 904) and Tula (877).",
                 "1 904", "killed", id="measure-noun-before-list-war"),
    pytest.param("Hospitals counted injuries in Akita (56), Sendai (140) and Morioka (9) after the quake.", "140",
                 "injured", id="measure-noun-before-list-quake"),
])
def test_wholes_bracketed_share_after_a_name(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Turnout by ward: Hollin (4,210), Marsh End (3,980) and Tarn (2,115).", "3,980", id="turnout-no-count-politics"),
    pytest.param("Seats were won by the Greens (14) and Labour (62) in the council vote.", "62", id="seats-no-count-politics"),
])
def test_wholes_bracketed_figure_without_a_count_has_no_measure(figure_of, text, find):
    assert figure_of(text, find).measure is None
