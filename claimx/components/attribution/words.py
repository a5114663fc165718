"""The attribution component's words, read once from attribution.json into one frozen object (`AttributionWords`).

Every strategy and rule of `claimx/components/attribution/` reads its words as `self.words.<name>`, so a rule file
can be read alone: the field is the lexicon key of the same name unless its comment says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


def _low(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _frozen_lists(table: Mapping[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    """A read-only copy of a table of word lists (a cue verb -> its objects or prepositions)."""
    return MappingProxyType({key: tuple(words) for key, words in table.items()})


@dataclass(frozen=True)
class AttributionWords:
    """The word lists of attribution.json, as the attribution rules read them."""

    # cues: verbs and nouns that report, with their stance ("say" -> states, "deny" -> denies)
    cue_verbs: Mapping[str, str]
    cue_nouns: Mapping[str, str]
    phrase_stance: Mapping[str, str]  # 'phrases': "according to" -> states
    cue_objects: Mapping[str, tuple[str, ...]]  # "put" -> the objects that make it a cue ("the toll")
    cue_preps: Mapping[str, tuple[str, ...]]  # "speak" -> "of", "about"
    cue_non_objects: Mapping[str, tuple[str, ...]]  # "claim" -> "lives": a death, not a claim
    document_cues: frozenset[str]
    spoken_document_cues: frozenset[str]
    tally_cues: frozenset[str]
    clause_cues: frozenset[str]
    passive_speaker_cues: frozenset[str]
    relay_cues: frozenset[str]
    via_cues: frozenset[str]
    as_saying_verbs: frozenset[str]
    hedges: frozenset[str]  # lower-cased
    hedging_subjects: frozenset[str]
    pointers: frozenset[str]  # lower-cased
    speech_dashes: frozenset[str]
    contrast_marks: frozenset[str]
    consequence_marks: frozenset[str]  # "so" (A, so experts warn B)
    unsaid_modals: frozenset[str]  # "could" (could have said: never said)
    perfect_auxiliaries: frozenset[str]  # lemmas: "have" (could have said)
    chain_conjunctions: frozenset[str]  # "and" (has collected ..., and says)
    # who can speak: nouns, names, pronouns
    document_nouns: frozenset[str]
    count_nouns: frozenset[str]
    count_links: frozenset[str]  # lemmas: "is", "stands" (at)
    count_preps: frozenset[str]  # "by" (the agency's count)
    value_preps: frozenset[str]  # "at" (put the number of ... at 8,500)
    bare_counts: frozenset[str]  # lemmas: "figure", "estimate"
    speaker_negations: frozenset[str]  # "no" (official), "nobody"
    definite_determiners: frozenset[str]
    anaphoric_nouns: frozenset[str]
    thing_pronouns: frozenset[str]
    free_relatives: frozenset[str]
    person_nouns: frozenset[str]
    vague_sources: frozenset[str]
    org_nouns: frozenset[str]
    media: frozenset[str]  # lower-cased
    media_words: frozenset[str]
    media_nouns: frozenset[str]  # lemmas: "television", "newspaper"
    titles: frozenset[str]
    title_abbreviations: tuple[str, ...]  # as written: "Capt.", "Sgt."
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    relative_pronouns: frozenset[str]
    government_seats: frozenset[str]
    rubric_labels: frozenset[str]  # lower-cased: "correction", "fact check"
    topic_label_heads: frozenset[str]
    anaphoric_bodies: frozenset[str]
    body_kinds: tuple[frozenset[str], ...]  # kinds of body that name one another ("agency", "service", ...)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> AttributionWords:
        """The words from the loaded lexicons (`DataComponent.data`: file name -> JSON): attribution.json's."""
        a = data["attribution.json"]
        return cls(**_cue_words(a), **_speaker_words(a))


def _cue_words(a: Mapping[str, Any]) -> dict[str, Any]:
    """The cues and what goes with them."""
    return dict(
        cue_verbs=MappingProxyType(dict(a["cue_verbs"])), cue_nouns=MappingProxyType(dict(a["cue_nouns"])),
        phrase_stance=MappingProxyType(dict(a["phrases"])), cue_objects=_frozen_lists(a["cue_objects"]),
        cue_preps=_frozen_lists(a.get("cue_preps", {})), cue_non_objects=_frozen_lists(a.get("cue_non_objects", {})),
        document_cues=frozenset(a["document_cues"]), spoken_document_cues=frozenset(a.get("spoken_document_cues", [])),
        tally_cues=frozenset(a.get("tally_cues", [])), clause_cues=frozenset(a["clause_cues"]),
        passive_speaker_cues=frozenset(a["passive_speaker_cues"]), relay_cues=frozenset(a["relay_cues"]),
        via_cues=frozenset(a["via_cues"]), as_saying_verbs=frozenset(a.get("as_saying_verbs", [])),
        hedges=_low(a["hedges"]), hedging_subjects=frozenset(a.get("hedging_subjects", [])),
        pointers=_low(a.get("pointers", [])), speech_dashes=frozenset(a.get("speech_dashes", [])),
        contrast_marks=frozenset(a.get("contrast_marks", [])), consequence_marks=frozenset(a.get("consequence_marks", [])),
        unsaid_modals=frozenset(a.get("unsaid_modals", [])),
        perfect_auxiliaries=frozenset(a.get("perfect_auxiliaries", [])), chain_conjunctions=frozenset(a.get("chain_conjunctions", [])))


def _speaker_words(a: Mapping[str, Any]) -> dict[str, Any]:
    """The words of who can speak."""
    return dict(
        document_nouns=frozenset(a["document_nouns"]), count_nouns=frozenset(a["count_nouns"]),
        count_links=frozenset(a.get("count_links", [])), count_preps=frozenset(a.get("count_preps", [])),
        value_preps=frozenset(a.get("value_preps", [])),
        bare_counts=frozenset(a.get("bare_counts", [])), speaker_negations=frozenset(a.get("speaker_negations", [])),
        definite_determiners=frozenset(a["definite_determiners"]), anaphoric_nouns=frozenset(a["anaphoric_nouns"]),
        thing_pronouns=frozenset(a["thing_pronouns"]), free_relatives=frozenset(a.get("free_relatives", [])),
        person_nouns=frozenset(a["person_nouns"]), vague_sources=frozenset(a["vague_sources"]),
        org_nouns=frozenset(a["org_nouns"]), media=_low(a["media"]), media_words=frozenset(a["media_words"]),
        media_nouns=frozenset(a.get("media_nouns", [])),
        titles=frozenset(a["titles"]), title_abbreviations=tuple(a.get("title_abbreviations", [])),
        person_pronouns=frozenset(a["person_pronouns"]),
        plural_pronouns=frozenset(a["plural_pronouns"]), first_person=frozenset(a["first_person"]),
        second_person=frozenset(a.get("second_person", [])), relative_pronouns=frozenset(a["relative_pronouns"]),
        government_seats=frozenset(a.get("government_seats", [])),
        rubric_labels=frozenset(a.get("rubric_labels", [])), topic_label_heads=frozenset(a.get("topic_label_heads", [])),
        anaphoric_bodies=frozenset(a.get("anaphoric_bodies", [])),
        body_kinds=tuple(frozenset(kind) for kind in a.get("body_kinds", [])))
