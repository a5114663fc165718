"""The English number-word reader, on a blank tokenizer (no trained model)."""

from __future__ import annotations

import pytest
import spacy

from claimx.data import load_lexicon
from claimx.number_words import FOLLOWS, Kind, WordNumberReader


@pytest.fixture(scope="module")
def reader():
    return WordNumberReader(load_lexicon("numbers.json"))


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "value", "words", "scaled"), [
    ("twenty-five soldiers", 25, 3, False),  # sport, conflict: a hyphenated compound
    ("one hundred and five patients", 105, 4, False),  # hospital reports: 'and' joins
    ("sixty million dollars", 60_000_000, 2, True),  # markets: ends in a scale word
    ("two dozen eggs", 24, 2, False),  # lifestyle
    ("twenty twelve", 20, 1, False),  # a year said aloud is not 32
    ("five and six", 5, 1, False),  # 'and' joins only after hundred or a scale
])
def test_number_words_read(reader, blank, text, value, words, scaled):
    read = reader.read(blank(text), 0)
    assert read is not None
    assert (read.value, read.end, read.scaled) == (value, words, scaled)


def test_number_words_a_hundred_needs_its_article(reader, blank):
    assert reader.read(blank("hundred people"), 0) is None
    assert reader.read(blank("a hundred people"), 1, start_value=1.0).value == 100


def test_number_words_not_a_number(reader, blank):
    assert reader.read(blank("several people"), 0) is None


def test_number_words_every_kind_has_a_rule():
    assert set(FOLLOWS) == set(Kind)
