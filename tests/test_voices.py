"""voices: a person or a described body speaks for the body its words name or point to, so that one body is
never set against itself (sentences written for these tests)."""

from __future__ import annotations

import pytest
from test_compare import compare_articles


@pytest.mark.parametrize(("articles", "disputes"), [
    # war: the spy chief is the spy agency; his figure and the agency's are one voice's, a week apart
    ([("a.txt", "2024-10-21", "South Korea's spy chief told lawmakers that 3,000 North Korean troops were dispatched "
                              "to the Russian front."),
      ("b.txt", "2024-10-25", "South Korea's National Intelligence Service said 1,500 North Korean troops were "
                              "dispatched to the Russian front.")], 0),
    # ... and another government's figure that week is a dispute
    ([("a.txt", "2024-10-21", "South Korea's spy chief told lawmakers that 3,000 North Korean troops were dispatched "
                              "to the Russian front."),
      ("b.txt", "2024-10-25", "South Korea's National Intelligence Service said 1,500 North Korean troops were "
                              "dispatched to the Russian front."),
      ("c.txt", "2024-10-26", "The White House said 10,000 North Korean troops were dispatched to the Russian front.")], 1),
])
def test_voices_spy_chief_is_the_agency(nlp, articles, disputes):
    (group,) = [g for g in compare_articles(nlp, articles) if g.measure == "deployed"]
    assert len(group.disagreements) == disputes
    chief = next(r for r in group.rows if r.doc == "a.txt")
    assert chief.voice == next(r for r in group.rows if r.doc == "b.txt").voice


def test_voices_a_person_with_an_organisation_in_the_role(nlp):
    """Disaster: the UN mission's deputy head speaks for the UN, whose own toll she does not dispute."""
    text = ("The United Nations said 2,900 people were killed in the city. Maria Stein, deputy head of the UN mission "
            "in Ruritania, said 2,000 people were killed in the city.")
    groups = compare_articles(nlp, [("a.txt", "2025-02-08", text)])
    rows = [r for g in groups for r in g.rows if g.measure == "killed"]
    assert len({r.voice for r in rows}) == 1, [(r.source, r.voice) for r in rows]
    assert all(g.disagreements == () for g in groups)
