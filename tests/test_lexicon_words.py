"""The rule families' frozen words (components/counted/words.py, components/attribution/words.py).

Each family's rules read their word lists as one object built once from the lexicons, `self.words`; no rule
can change a list for the rules after it, and a user's --lexicons directory reaches it and is saved with it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

import pytest
import spacy

from claimx.components.attribution import AttributionFinder
from claimx.components.attribution.words import AttributionWords
from claimx.components.counted import CountedFinder
from claimx.components.counted.words import CountedWords
from claimx.data import load_lexicon

FAMILIES = {CountedWords: CountedFinder, AttributionWords: AttributionFinder}


def packaged(words_class: type) -> object:
    return words_class.from_data({n: load_lexicon(n) for n in FAMILIES[words_class].LEXICONS})


@pytest.mark.parametrize(("words_class", "field"), [(cls, f.name) for cls in FAMILIES for f in dataclasses.fields(cls)])
def test_lexicon_words_cannot_be_changed(words_class, field):
    """The object, its sets and its maps (and their values) are read-only."""
    words = packaged(words_class)
    value = getattr(words, field)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(words, field, value)
    assert not isinstance(value, set | list | dict)
    if isinstance(value, Mapping):
        with pytest.raises(TypeError):
            value["a new key"] = value  # type: ignore[index]
        assert all(not isinstance(v, set | list | dict) for v in value.values())


# (component, lexicon file, what the user adds, how its words show it): words not in the packaged lexicons
USER_WORDS = [
    (CountedFinder, "measures.json", {"measures": {"killed": {"lemmas": ["vanquish"]}}},
     lambda w: w.lemma_to_measure.get("vanquish") == "killed"),
    (CountedFinder, "measures.json", {"measures": {"injured": {"lemmas": ["bandage"]}}},
     lambda w: w.lemma_to_measure.get("bandage") == "injured"),
    (AttributionFinder, "attribution.json", {"cue_verbs": {"whisper": "states"}},
     lambda w: w.cue_verbs.get("whisper") == "states"),
    (AttributionFinder, "attribution.json", {"cue_verbs": {"gainsay": "denies"}},
     lambda w: w.cue_verbs.get("gainsay") == "denies"),
]


@pytest.mark.parametrize(("finder", "name", "added", "shows"), USER_WORDS)
def test_lexicon_words_take_the_users_and_keep_them_on_disk(tmp_path, finder, name, added, shows):
    """A word added in a --lexicons directory reaches `words`, and a saved component loads with it."""
    user = tmp_path / "user"
    user.mkdir()
    (user / name).write_text(json.dumps(added), encoding="utf-8")
    nlp = spacy.blank("en")
    custom = finder(nlp, lexicons=user)
    assert shows(custom.words)
    assert not shows(finder(nlp).words)
    custom.to_disk(tmp_path / "saved")
    assert shows(finder(nlp).from_disk(tmp_path / "saved").words)
