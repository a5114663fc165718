"""CachedAttributeRuler: spaCy's AttributeRuler's annotations, each distinct token matched once."""

from __future__ import annotations

import pytest
import spacy
from conftest import GOLD, GOLD_MARK, SEEDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import claimx.components.ruler as ruler_module
from claimx.components.ruler import CachedAttributeRuler, cache_attribute_ruler
from claimx.run.pipeline import model_name

# A tag map, a lemma fix by word, a two-token pattern, an operator and a later rule overriding an earlier one.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "said", "TAG": "VBD"}]], "attrs": {"LEMMA": "say"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"IS_DIGIT": True, "OP": "+"}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"LOWER": {"REGEX": "^troops?$"}, "DEP": "nsubj"}]], "attrs": {"POS": "PROPN"}},
]
WORDS = ["Troops", "said", "troops", "are", "gon", "na", "stay", "40", "days", "troop", "said"]
TAGS = ["NNS", "VBD", "NN", "VBP", "VBG", "TO", "VB", "CD", "NNS", "NN", "VBZ"]
DEPS = ["nsubj", "ROOT", "attr", "aux", "xcomp", "aux", "xcomp", "nummod", "npadvmod", "nsubj", "ccomp"]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=[1, 1, 3, 1, 3, 6, 4, 8, 6, 10, 1])


def _annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, t.lemma_, t.tag_) for t in doc]


def _rulers(vocab) -> tuple[AttributeRuler, CachedAttributeRuler]:
    plain, cached = AttributeRuler(vocab), CachedAttributeRuler(vocab)
    plain.add_patterns(PATTERNS)
    cached.add_patterns(PATTERNS)
    return plain, cached


def test_ruler_same_annotations_as_spacy_on_hand_built_doc():
    vocab = spacy.blank("en").vocab
    plain, cached = _rulers(vocab)
    expected, got = plain(_doc(vocab)), cached(_doc(vocab))
    assert _annotations(got) == _annotations(expected)
    assert got[4].lemma_ == "go" and got[5].lemma_ == "to"  # the two-token pattern still applies
    assert got[0].pos_ == "PROPN" and got[2].pos_ == "NOUN"  # the dependency in the pattern is read
    assert cached(_doc(vocab))[7].pos_ == "NUM"  # the second run answers from the cache, and the operator pattern runs


def test_ruler_cache_forgets_when_patterns_change():
    vocab = spacy.blank("en").vocab
    _, cached = _rulers(vocab)
    assert cached(_doc(vocab))[2].pos_ == "NOUN"
    cached.add([[{"TAG": "NN"}]], {"POS": "ADJ"})  # a later rule wins
    assert cached(_doc(vocab))[2].pos_ == "ADJ"
    cached.clear()
    assert cached(_doc(vocab))[2].pos_ == ""


def test_ruler_cache_bounded(monkeypatch):
    monkeypatch.setattr(ruler_module, "CACHE_ENTRIES", 3)
    vocab = spacy.blank("en").vocab
    plain, cached = _rulers(vocab)
    assert _annotations(cached(_doc(vocab))) == _annotations(plain(_doc(vocab)))
    assert len(cached._cache) <= 3


def test_ruler_serialises_with_its_patterns():
    vocab = spacy.blank("en").vocab
    plain, cached = _rulers(vocab)
    again = CachedAttributeRuler(vocab).from_bytes(cached.to_bytes())
    assert again.patterns == cached.patterns
    assert _annotations(again(_doc(vocab))) == _annotations(plain(_doc(vocab)))


def test_cache_attribute_ruler_swaps_only_spacys_ruler():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    cache_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is CachedAttributeRuler
    assert nlp.get_pipe("attribute_ruler").patterns == [{**p, "index": p.get("index", 0)} for p in PATTERNS]
    cache_attribute_ruler(nlp)  # already swapped: left alone
    bare = spacy.blank("en")
    cache_attribute_ruler(bare)  # no ruler: nothing to swap
    assert bare.pipe_names == []


@pytest.fixture(scope="module")
def trained_pair():
    """(spaCy's trained pipeline as it ships, the same with its attribute ruler cached)."""
    plain, cached = spacy.load(model_name()), spacy.load(model_name())
    cache_attribute_ruler(cached)
    return plain, cached


@pytest.mark.parametrize("folder", [pytest.param(SEEDS, id="conflict seeds"),
                                    pytest.param(GOLD / "dev" / "texts", id="varied news", marks=GOLD_MARK)])
def test_ruler_same_annotations_as_spacy_in_the_trained_pipeline(trained_pair, folder):
    """The model's own patterns, on articles of two kinds: every token's tag, POS, morphology and lemma agree."""
    plain, cached = trained_pair
    assert type(cached.get_pipe("attribute_ruler")) is CachedAttributeRuler
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert texts
    for ours, theirs in zip(cached.pipe(texts), plain.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]


def test_load_caches_the_attribute_ruler(nlp):
    assert type(nlp.get_pipe("attribute_ruler")) is CachedAttributeRuler


@pytest.mark.parametrize(("extra", "keyed_by_word"), [
    ([], True),  # words named by a string, an IN list or a regex: an unnamed word is keyed by its tag and dep alone
    ([{"patterns": [[{"LOWER": {"NOT_IN": ["stay"]}, "TAG": "VB"}]], "attrs": {"POS": "AUX"}}], False),
    ([{"patterns": [[{"SHAPE": "dd", "TAG": "CD"}]], "attrs": {"LEMMA": "two-digit"}}], False),
    ([{"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}}], True),
])
def test_ruler_unnamed_words_share_a_key_only_when_no_pattern_tells_them_apart(extra, keyed_by_word):
    vocab = spacy.blank("en").vocab
    plain, cached = AttributeRuler(vocab), CachedAttributeRuler(vocab)
    plain.add_patterns(PATTERNS + extra)
    cached.add_patterns(PATTERNS + extra)
    for _ in range(2):  # the second run answers from the cache
        assert _annotations(cached(_doc(vocab))) == _annotations(plain(_doc(vocab)))
    assert (cached._named is not None) == keyed_by_word
    before = len(cached._cache)
    cached(Doc(vocab, words=["weeks", "months"], tags=["NNS", "NNS"], deps=["dobj", "dobj"], heads=[0, 0]))
    assert len(cached._cache) - before == (1 if keyed_by_word else 2)  # two unnamed words of one tag and dep
