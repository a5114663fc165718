"""Sentence starts (claimx/components/factories.py, line_breaks): a list bullet that opens its line is no word
of the item after it, which starts its own sentence.

Sentences written for these tests: a disaster situation report and a war briefing, each as a bulleted list.
"""

from __future__ import annotations

import pytest

QUAKE_REPORT = ("Situation overview\n"
                "• The provincial health office reports 212 people injured in the aftershock.\n"
                "• 35 families have been moved to a school gym.\n")
WAR_BRIEFING = ("Key points\n"
                "• Ostrava's defence agency says about 90 marines were taken prisoner.\n"
                "▪ 18 have since been returned in an exchange\n")


@pytest.mark.parametrize(("text", "opening"), [
    pytest.param(QUAKE_REPORT, "The provincial health office", id="item-with-subject-disaster"),
    pytest.param(QUAKE_REPORT, "35 families", id="item-opening-with-figure-disaster"),
    pytest.param(WAR_BRIEFING, "Ostrava's defence agency", id="item-with-subject-war"),
    pytest.param(WAR_BRIEFING, "18 have since", id="square-bullet-war"),
])
def test_line_breaks_bullet_item_is_its_own_sentence(nlp, text, opening):
    doc = nlp(text)
    first = doc.char_span(text.index(opening), text.index(opening) + len(opening), alignment_mode="expand")
    assert first is not None
    assert first[0].is_sent_start
    assert first.sent.text.startswith(opening)


@pytest.mark.parametrize(("text", "find", "source", "measure"), [
    pytest.param(QUAKE_REPORT, "212", "office", "injured", id="source-without-bullet-disaster"),
    pytest.param(WAR_BRIEFING, "90", "agency", "captured", id="source-without-bullet-war"),
])
def test_line_breaks_bullet_is_no_part_of_claim(figure_of, text, find, source, measure):
    claim = figure_of(text, find)
    assert not claim.sentence.text.startswith(("•", "▪"))
    assert claim.source is not None
    assert "•" not in claim.source.name and claim.source.name.endswith(source)
    assert claim.measure == measure


@pytest.mark.parametrize(("text", "inside"), [
    pytest.param("Rainfall totals • 40 mm in the north and 25 mm in the south were recorded.", "40 mm",
                 id="mid-line-bullet-weather"),
    pytest.param("The scoreline read Rovers 2 • United 1 at half time.", "United", id="mid-line-bullet-sport"),
])
def test_line_breaks_bullet_inside_a_line_starts_nothing(nlp, text, inside):
    doc = nlp(text)
    tok = doc.char_span(text.index(inside), text.index(inside) + len(inside), alignment_mode="expand")[0]
    assert not tok.is_sent_start
