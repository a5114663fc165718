"""The counted component's words, read once from its lexicons into one frozen object (`CountedWords`).

Every rule of `claimx/components/counted/` reads its words as `self.words.<name>`, so a rule file can be
read alone: the name says where the words come from (the field's comment names the lexicon key).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


def _low(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased phrases, the longest first, so "in the hospital" is tried before "in"."""
    return tuple(sorted((w.lower() for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class CountedWords:
    """The word lists of measures.json, counted.json and attribution.json's cue verbs, as the rules read them."""

    # measures.json: measures (lemmas, phrases), combine, fight words
    lemma_to_measure: Mapping[str, str]  # a measure's lemma -> the measure ("killed" -> killed)
    phrases: tuple[tuple[str, str], ...]  # (phrase, measure), the longest first
    combine: frozenset[str]
    combined_as: str
    fight_words: frozenset[str]
    fight_preps: frozenset[str]
    hedge_verbs: frozenset[str]
    earlier_value_leads: tuple[str, ...]
    value_preps: frozenset[str]  # "rose from 326 to 438", "stands at 246"
    span_opening: frozenset[str]  # "from 45 to 80"
    span_closing: frozenset[str]
    # counted.json
    drop_modifiers: frozenset[str]
    keep_of_phrase: bool
    measure_nominals: frozenset[str]
    relative_pronouns: frozenset[str]
    dimensions: frozenset[str]
    measure_verbs: frozenset[str]
    more_words: frozenset[str]
    part_of_whole: frozenset[str]
    whole_preps: frozenset[str]
    part_verbs: frozenset[str]
    distributive_words: frozenset[str]
    anaphoric_wholes: frozenset[str]
    relative_wholes: frozenset[str]
    size_units: frozenset[str]
    possessive_relatives: frozenset[str]  # "whose capture"
    absolute_preps: frozenset[str]  # "..., with 300 being civilians"
    repeat_determiners: frozenset[str]  # "Of the 38, nine ..."
    list_nouns: frozenset[str]  # "the list of 388"
    list_entries: frozenset[str]  # "the list had 388 names"
    # attribution.json: the cue verbs ("Kyiv says 6,000")
    report_verbs: frozenset[str]
    # measures.json: the precedence table ('_precedence')
    status_measures: frozenset[str]
    reversal: frozenset[str]
    light_verbs: frozenset[str]
    tally_nouns: frozenset[str]
    linking_verbs: frozenset[str]
    count_preps: frozenset[str]
    count_preps_bare: frozenset[str]
    forces: frozenset[str]
    people: frozenset[str]
    others: frozenset[str]
    responders: tuple[str, ...]  # the longest first
    people_only: frozenset[str]
    subject_movers: frozenset[str]
    war_context: frozenset[str]
    materiel: frozenset[str]
    military_modifiers: frozenset[str]
    offering_verbs: frozenset[str]
    size_verbs: frozenset[str]
    sent_forces: frozenset[str]
    coalition_nouns: frozenset[str]  # "a coalition of ..., 10,000 Burundian forces"
    accompanying_preps: frozenset[str]  # "11 teams, with some 620 personnel, have been deployed"
    case_nouns: frozenset[str]  # "It recorded 1,046 cases"
    crime_nouns: frozenset[str]  # "a yearly count of kidnapping cases"
    duty_verbs: frozenset[str]  # "250 rescue personnel are working"
    role_preps: frozenset[str]  # "lists 112 people as missing"
    captivity_events: frozenset[str]
    discussed_nouns: frozenset[str]  # "the difference was 50"
    discussed_after: frozenset[str]  # "some 50 fewer"
    discussed_before: frozenset[str]  # "the remaining 20"
    discussed_pronouns: frozenset[str]  # "the number of firefighters injured; it is seven"
    captivity_verbs: frozenset[str]  # "300 sailors are held by the rebels"
    kin_lost_verbs: frozenset[str]  # kin_lost.verbs: "lost five relatives"
    intransitive_events: frozenset[str]  # "die": no object, whatever the parse says
    state_only: frozenset[str]  # "in custody": a state only after a state preposition
    headline_events: Mapping[str, str]  # a form the parser takes for a noun in a headline -> its event's lemma
    kin_lost_nouns: frozenset[str]  # kin_lost.nouns
    removal_verbs: frozenset[str]
    care_verbs: frozenset[str]  # care_transport.verbs
    care_places: frozenset[str]  # care_transport.places
    care_name_words: frozenset[str]  # care_transport.name_words
    presence_lemmas: frozenset[str]  # presence.lemmas
    presence_phrases: tuple[str, ...]  # presence.phrases, the longest first
    place_preps: frozenset[str]  # presence.place_preps
    place_nouns: frozenset[str]  # presence.place_nouns
    placing_verbs: frozenset[str]  # presence.placing_verbs
    return_particles: frozenset[str]  # presence.return_particles
    care_lemmas: frozenset[str]  # care_cues.lemmas
    care_phrases: tuple[str, ...]  # care_cues.phrases, the longest first
    care_disasters: frozenset[str]  # care_cues.disasters
    care_cases: frozenset[str]  # care_cues.cases
    care_person_acts: frozenset[str]  # care_cues.person_acts
    cargo_verbs: frozenset[str]
    comprise_verbs: frozenset[str]
    deployment_homographs: frozenset[str]
    context_sentences: int
    threshold_verbs: frozenset[str]
    event_measures: frozenset[str]
    what_befell: frozenset[str]  # event and status measures: "whose capture was announced", not a transfer
    state_preps: frozenset[str]
    subject_only: Mapping[str, frozenset[str]]  # verb -> the idioms that make it no measure
    vague_event_misses: Mapping[str, frozenset[str]]
    vague_events: Mapping[str, Mapping[str, frozenset[str]]]  # lemma -> measure -> refining words

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> CountedWords:
        """The words from the loaded lexicons (`DataComponent.data`: file name -> JSON)."""
        m = data["measures.json"]
        return cls(**_measure_words(m), **_counted_words(data["counted.json"]), **_precedence_words(m),
                   report_verbs=_low(data["attribution.json"].get("cue_verbs", {})))


def _measure_words(m: Mapping[str, Any]) -> dict[str, Any]:
    """measures.json's measures (lemmas, phrases), combine, fight words and value words."""
    lemma_to_measure: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for measure, entry in m["measures"].items():
        for lemma in entry.get("lemmas", []):
            lemma_to_measure.setdefault(lemma.lower(), measure)
        for phrase in entry.get("phrases", []):
            phrases.append((phrase.lower(), measure))
    phrases.sort(key=lambda p: -len(p[0]))
    return dict(
        lemma_to_measure=MappingProxyType(lemma_to_measure), phrases=tuple(phrases),
        combine=frozenset(m["combine"]), combined_as=m["combined_as"],
        fight_words=frozenset(m["fight_words"]), fight_preps=frozenset(m["fight_preps"]),
        hedge_verbs=frozenset(m.get("hedge_verbs", [])),
        earlier_value_leads=tuple(w.lower() for w in m.get("earlier_value_leads", [])),
        value_preps=_low(m["value_preps"]), span_opening=_low(m["span_opening"]), span_closing=_low(m["span_closing"]))


def _counted_words(c: Mapping[str, Any]) -> dict[str, Any]:
    """counted.json's words."""
    listed = lambda key: frozenset(c.get(key, []))  # noqa: E731
    return dict(
        drop_modifiers=frozenset(c["drop_modifiers"]), keep_of_phrase=bool(c.get("keep_of_phrase", True)),
        possessive_relatives=frozenset(c["possessive_relatives"]),
        measure_nominals=listed("measure_nominals"), relative_pronouns=listed("relative_pronouns"),
        dimensions=listed("dimensions"), measure_verbs=listed("measure_verbs"), more_words=listed("more_words"),
        part_of_whole=listed("part_of_whole"), whole_preps=listed("whole_preps"), part_verbs=listed("part_verbs"),
        distributive_words=listed("distributive_words"), anaphoric_wholes=listed("anaphoric_wholes"),
        relative_wholes=listed("relative_wholes"),
        size_units=listed("size_units"), absolute_preps=listed("absolute_preps"),
        repeat_determiners=listed("repeat_determiners"), list_nouns=listed("list_nouns"), list_entries=listed("list_entries"))


def _precedence_words(m: Mapping[str, Any]) -> dict[str, Any]:
    """The word sets of the precedence table in measures.json ('_precedence')."""
    low = lambda key: _low(m.get(key, []))  # noqa: E731
    care, presence, cues, kin = m.get("care_transport", {}), m.get("presence", {}), m.get("care_cues", {}), m.get("kin_lost", {})
    return dict(
        status_measures=low("status_measures"), reversal=low("reversal"), light_verbs=low("light_verbs"),
        tally_nouns=low("tally_nouns"), linking_verbs=low("linking_verbs"), count_preps=low("count_preps"),
        count_preps_bare=low("count_preps_bare"), forces=low("forces"), people=low("people"), others=low("others"),
        people_only=low("people_only"), subject_movers=low("subject_movers"), war_context=low("war_context"),
        materiel=low("materiel"), military_modifiers=low("military_modifiers"), offering_verbs=low("offering_verbs"),
        size_verbs=low("size_verbs"), sent_forces=low("sent_forces"), coalition_nouns=low("coalition_nouns"),
        accompanying_preps=low("accompanying_preps"), case_nouns=low("case_nouns"), crime_nouns=low("crime_nouns"),
        duty_verbs=low("duty_verbs"), role_preps=low("role_preps"), captivity_events=low("captivity_events"),
        discussed_nouns=low("discussed_nouns"), discussed_after=low("discussed_after"),
        discussed_before=low("discussed_before"), discussed_pronouns=low("discussed_pronouns"), captivity_verbs=low("captivity_verbs"),
        removal_verbs=low("removal_verbs"), threshold_verbs=low("threshold_verbs"),
        kin_lost_verbs=_low(kin.get("verbs", [])), kin_lost_nouns=_low(kin.get("nouns", [])),
        headline_events=MappingProxyType({form.lower(): lemma.lower() for form, lemma in m.get("headline_events", {}).items()}),
        event_measures=low("event_measures"), state_preps=low("state_preps"), state_only=low("state_only"),
        intransitive_events=low("intransitive_events"),
        responders=_longest_first(m.get("responders", [])),
        care_verbs=_low(care.get("verbs", [])), care_places=_low(care.get("places", [])),
        care_name_words=_low(care.get("name_words", [])),
        presence_lemmas=_low(presence.get("lemmas", [])), presence_phrases=_longest_first(presence.get("phrases", [])),
        place_preps=_low(presence.get("place_preps", [])), place_nouns=_low(presence.get("place_nouns", [])),
        placing_verbs=_low(presence.get("placing_verbs", [])),
        return_particles=_low(presence.get("return_particles", [])),
        care_lemmas=_low(cues.get("lemmas", [])), care_phrases=_longest_first(cues.get("phrases", [])),
        care_disasters=_low(cues.get("disasters", [])), care_cases=_low(cues.get("cases", [])),
        care_person_acts=_low(cues.get("person_acts", [])),
        cargo_verbs=low("cargo_verbs"), comprise_verbs=low("comprise_verbs"), deployment_homographs=low("deployment_homographs"),
        context_sentences=int(m.get("context_sentences", 0)),
        what_befell=low("event_measures") | low("status_measures"),
        subject_only=MappingProxyType({verb.lower(): _low(idioms) for verb, idioms in m.get("subject_only", {}).items()}),
        vague_event_misses=MappingProxyType(
            {lemma.lower(): _low(words) for lemma, words in m.get("vague_event_misses", {}).items()}),
        vague_events=MappingProxyType({
            lemma.lower(): MappingProxyType({measure: _low(words) for measure, words in refiners.items()})
            for lemma, refiners in m.get("vague_events", {}).items()}))
