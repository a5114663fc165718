"""Held captive (claimx/components/counted/captivity.py): a verb of holding, passive, over people or forces, is captured.

Sentences written for these tests: war, kidnapping, piracy, crime, travel, politics and events.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The defence ministry said 640 marines are currently held by the separatists.", "640", "captured",
                 id="held-by-war"),
    pytest.param("Negotiators said 27 crew members of the tanker were held by the pirates off the coast.", "27",
                 "captured", id="held-by-piracy"),
    pytest.param("Relatives say 95 farm workers still held by the gang have not been heard from.", "95", "captured",
                 id="reduced-relative-kidnapping"),
    pytest.param("Police said the kidnappers freed two of the tourists on Friday. Four are still being held.", "Four",
                 "captured", id="bare-figure-still-being-held-crime"),
    pytest.param("The army said 300 soldiers held by the rebels, of whom 28 are officers, are in a camp near the border.", "28",
                 "captured", id="part-of-the-held-war"),
])
def test_captivity_passive_hold_is_captured(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("About 600 travellers were held up at the border crossing for hours.", "600", id="held-up-travel"),
    pytest.param("The new arena holds 18,000 people.", "18,000", id="active-capacity-events"),
    pytest.param("Some 4,000 residents held a vigil for the victims of the storm.", "4,000", id="active-vigil-disaster"),
    pytest.param("The report said three senior officials were held responsible for the delays.", "three",
                 id="held-responsible-politics"),
    pytest.param("Organisers said 250 stalls were held in the market square this year.", "250", id="not-people-events"),
])
def test_captivity_not_a_hold_in_another_sense(figure_of, text, find):
    assert figure_of(text, find).measure is None


# Custody is capture only as the state people are in ("in ... custody") in a sentence of fighting; an arrest after a
# crime and a child's custody are not
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The envoy says 1,300 soldiers of the northern army remain in the rebels' custody.", "1,300", "captured",
                 id="soldiers-in-rebels-custody-war"),
    pytest.param("Around 250 marines are in enemy custody after the fighting at the port, the navy said.", "250", "captured",
                 id="marines-in-custody-after-fighting-war"),
    pytest.param("One person was in custody in connection with the robbery, police said.", "One", None,
                 id="arrest-after-robbery-crime"),
    pytest.param("The judge gave the father custody of 3 children after the divorce.", "3", None, id="child-custody-family"),
])
def test_captivity_in_custody(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure
