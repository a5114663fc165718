"""The attribution component's frozen words (components/attribution/words.py): read once, unchangeable, the user's."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

import pytest
import spacy

from claimx.components.attribution import AttributionFinder
from claimx.components.attribution.words import AttributionWords
from claimx.data import load_lexicon


@pytest.fixture(scope="module")
def words() -> AttributionWords:
    return AttributionWords.from_data(load_lexicon("attribution.json"))


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(AttributionWords)])
def test_attribution_words_cannot_be_changed(words, field):
    """No strategy can change a word list for the strategies after it: the object, its sets and maps are read-only."""
    value = getattr(words, field)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(words, field, value)
    assert not isinstance(value, set | list | dict)
    if isinstance(value, Mapping):
        with pytest.raises(TypeError):
            value["a new key"] = value  # type: ignore[index]
        assert all(not isinstance(v, set | list | dict) for v in value.values())


@pytest.mark.parametrize(("verb", "stance"), [("whisper", "states"), ("gainsay", "denies")])
def test_attribution_words_take_the_users_cue_verb_and_keep_it_on_disk(tmp_path, verb, stance):
    """A cue verb added in a --lexicons directory reaches `words`, and a saved component loads with it."""
    user = tmp_path / "user"
    user.mkdir()
    (user / "attribution.json").write_text(json.dumps({"cue_verbs": {verb: stance}}), encoding="utf-8")
    nlp = spacy.blank("en")
    finder = AttributionFinder(nlp, lexicons=user)
    assert finder.words.cue_verbs[verb] == stance
    assert verb not in AttributionFinder(nlp).words.cue_verbs
    finder.to_disk(tmp_path / "saved")
    assert AttributionFinder(nlp).from_disk(tmp_path / "saved").words.cue_verbs[verb] == stance
