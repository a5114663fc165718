"""The English number-word reader, on a blank tokenizer (no trained model)."""

from __future__ import annotations

import pytest
import spacy

from claimx.data import load_lexicon
from claimx.read.number_words import FOLLOWS, Kind, WordNumberReader


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
    ("seven-thousand troops", 7000, 3, True),  # wire-service war reports hyphenate the scale
    ("nineteen-hundred voters", 1900, 3, False),  # election pages: hundreds said as a year is
    ("four-thousand-600 casualties", 4600, 3, False),  # the digits glued to the scale word add to it
    ("forty-two-hundred shares", 4200, 5, False),  # markets: tens, ones and hundred in one compound
    ("two-thousand-5000 rounds", 2, 1, False),  # digits above the scale add nothing: no number
    ("six - seven", 6, 1, False),  # a spaced dash between two numbers joins nothing
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
