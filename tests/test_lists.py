"""A list's count takes the list's measure (claimx/components/counted/lists.py).

Sentences written for these tests: disasters, kidnappings, sport.
"""

from __future__ import annotations

import pytest

MISSING_LIST = "The county released a list of 385 people unaccounted for after the fire. "


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param(MISSING_LIST + "Officials said 245 people on the list of 388 published last week had been found.", "388",
                 "missing", id="list-of-n-fire"),
    pytest.param(MISSING_LIST + "The first list had 388 names, the sheriff said.", "388", "missing",
                 id="list-had-names-fire"),
    pytest.param(MISSING_LIST + "More names were added to the list, leaving the total at 390.", "390", "missing",
                 id="list-total-fire"),
    pytest.param("The group published a list of 120 hostages held in the tunnels. Negotiators said the list had 98 names.",
                 "98", "captured", id="list-had-names-kidnapping"),
    pytest.param("The club published a list of 40 players. The list of 41 was cut on Friday.", "41", None,
                 id="list-with-no-measure-sport"),
    pytest.param("The team released a list of 20 players for the cup. More names were added to the list, leaving the total "
                 "at 23.", "23", None, id="list-total-with-no-measure-sport"),
    pytest.param("A volunteer has been documenting missing residents, compiling a list that now includes 1,412 names.",
                 "1,412", "missing", id="list-of-missing-in-its-sentence-flood"),
    pytest.param("Relatives of kidnapped villagers compiled a list that has 64 names.", "64", "captured",
                 id="list-of-kidnapped-in-its-sentence-kidnapping"),
    pytest.param("The coach is compiling a list that now includes 30 names.", "30", None,
                 id="list-of-no-one-in-its-sentence-sport"),
])
def test_a_list_count_takes_the_list_measure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure
