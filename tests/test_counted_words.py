"""The counted component's frozen words (components/counted/words.py): read once, unchangeable, and the user's."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

import pytest
import spacy

from claimx.components.counted import CountedFinder
from claimx.components.counted.words import CountedWords
from claimx.data import load_lexicon


@pytest.fixture(scope="module")
def words() -> CountedWords:
    return CountedWords.from_data({n: load_lexicon(n) for n in CountedFinder.LEXICONS})


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(CountedWords)])
def test_counted_words_cannot_be_changed(words, field):
    """No rule can change a word list for the rules after it: the object, its sets and its maps are read-only."""
    value = getattr(words, field)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(words, field, value)
    assert not isinstance(value, set | list | dict)
    if isinstance(value, Mapping):
        with pytest.raises(TypeError):
            value["a new key"] = value  # type: ignore[index]


@pytest.mark.parametrize(("lemma", "measure"), [("vanquish", "killed"), ("bandage", "injured")])
def test_counted_words_take_the_users_lexicon_and_keep_it_on_disk(tmp_path, lemma, measure):
    """A lemma added in a --lexicons directory reaches `words`, and a saved component loads with it."""
    user = tmp_path / "user"
    user.mkdir()
    (user / "measures.json").write_text(json.dumps({"measures": {measure: {"lemmas": [lemma]}}}), encoding="utf-8")
    nlp = spacy.blank("en")
    finder = CountedFinder(nlp, lexicons=user)
    assert finder.words.lemma_to_measure[lemma] == measure
    assert lemma not in CountedFinder(nlp).words.lemma_to_measure
    finder.to_disk(tmp_path / "saved")
    assert CountedFinder(nlp).from_disk(tmp_path / "saved").words.lemma_to_measure[lemma] == measure
