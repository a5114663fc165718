"""stories: which event an article tells, so that counts of two events never share a group (sentences written
for these tests; docs/COMPARE.md has the rules)."""

from __future__ import annotations

import pytest
from test_compare import compare_articles

from claimx.across.stories import PARTY_DAYS, STORY_DAYS, chains


def docs_together(groups) -> set[frozenset[str]]:
    """The sets of articles that share a group of 'killed' counts."""
    return {frozenset(r.doc for r in g.rows) for g in groups if g.measure == "killed"}


@pytest.mark.parametrize(("articles", "together", "apart"), [
    # disasters: two earthquakes in two countries; the same quake told by two outlets two days apart
    ([("quake-a.txt", "2023-11-05", "Nepal earthquake kills 150 people. The quake in Nepal killed 150 people, "
                                    "police in Nepal said on Sunday."),
      ("quake-b.txt", "2023-11-07", "Nepal quake toll rises. The army said 170 people died in Nepal after the quake."),
      ("flood.txt", "2023-11-06", "Floods in Brazil have killed 80 people, the civil defence agency in Brazil said.")],
     ("quake-a.txt", "quake-b.txt"), ("quake-a.txt", "flood.txt")),
    # wars: one country's two offensives a year apart are two stories
    ([("raid-2023.txt", "2023-03-01", "Shelling in Armenia killed 40 people, officials in Armenia said."),
      ("raid-2024.txt", "2024-03-01", "Shelling in Armenia killed 12 people, officials in Armenia said."),
      ("raid-2024b.txt", "2024-03-03", "Officials in Armenia said 15 people were killed in the shelling in Armenia.")],
     ("raid-2024.txt", "raid-2024b.txt"), ("raid-2023.txt", "raid-2024.txt")),
])
def test_stories_generic_counts_keep_to_their_event(nlp, articles, together, apart):
    shared = docs_together(compare_articles(nlp, articles))
    assert any(set(together) <= g for g in shared), shared
    assert not any(set(apart) <= g for g in shared), shared


def test_stories_a_counted_word_apart_from_the_toll(nlp):
    """'children' in a story's count is a group of its own, not a rival of the story's toll."""
    groups = compare_articles(nlp, [("strike.txt", "2024-07-08", "Officials in Ukraine said 43 people were killed on Monday. "
                                                           "Rescuers in Ukraine said four children were killed.")])
    killed = [g for g in groups if g.measure == "killed"]
    assert len(killed) == 2 and all(g.disagreements == () for g in killed)
    assert {g.noun for g in killed} == {"people", "children"}


@pytest.mark.parametrize(("members", "dates", "days", "expected"), [
    ({("nepal", "a"), ("nepal", "b")}, {"a": "2023-11-05", "b": "2023-11-07"}, STORY_DAYS,
     {("nepal", "a"): "2023-11-05", ("nepal", "b"): "2023-11-05"}),
    ({("nepal", "a"), ("nepal", "b")}, {"a": "2023-11-05", "b": "2024-11-07"}, STORY_DAYS,
     {("nepal", "a"): "2023-11-05", ("nepal", "b"): "2024-11-07"}),
    # a war's months chain: each article within PARTY_DAYS of the one before
    ({("nk", "a"), ("nk", "b"), ("nk", "c")}, {"a": "2024-10-21", "b": "2024-12-16", "c": "2025-01-13"}, PARTY_DAYS,
     {("nk", "a"): "2024-10-21", ("nk", "b"): "2024-10-21", ("nk", "c"): "2024-10-21"}),
    # an undated article is a story of its own
    ({("nk", "a"), ("nk", "u")}, {"a": "2024-10-21"}, PARTY_DAYS, {("nk", "a"): "2024-10-21", ("nk", "u"): "?u"}),
])
def test_stories_chains(members, dates, days, expected):
    assert chains(members, dates, days) == expected
