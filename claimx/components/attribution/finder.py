"""The `claimx_attribution` component: for each figure, the first source strategy that finds who reports it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...read.quotes import quote_regions, region_of as _region_of
from ...read.timex import TimeResolver
from ..base import DataComponent, add_infix, add_special_cases
from ..counted import anchor_of
from ..scope import PlaceReader, ScopeReader
from .base import (
    ACRONYM_RE,
    NOUNS,
    Ctx as _Ctx,
    Found as _Found,
)
from .bodies import Bodies
from .clauses import ClauseStrategies
from .context import ContextStrategies
from .labels import LabelStrategies
from .pronouns import Pronouns
from .quotations import Quotations
from .sources import SourceRecords
from .speakers import Speakers
from .strategies import SourceStrategies
from .words import AttributionWords


class AttributionFinder(SourceStrategies, ClauseStrategies, ContextStrategies, LabelStrategies, Bodies, Speakers, Pronouns,
                        Quotations, SourceRecords, DataComponent):
    """Fills span._.source, ._.cue, ._.hedged, ._.quote, ._.time, ._.as_of, ._.scope and ._.place for each figure."""

    LEXICONS = ("attribution.json", "times.json", "scope.json")  # all saved with the pipeline (nlp.to_disk)

    def __init__(self, nlp: Language, name: str = "claimx_attribution", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        super().__init__(lexicons)
        _split_glued_brackets(nlp)

    def _build(self) -> None:
        self._build_readers()
        self.words = AttributionWords.from_data(self.data)
        add_special_cases(self.nlp, self.words.title_abbreviations)  # "Police Capt. Ray Orozco said": one sentence
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for phrase in self.words.phrase_stance:
            self.matcher.add(phrase, [self.nlp.make_doc(phrase)])

    def _build_readers(self) -> None:
        """The time, scope and place readers, from times.json and scope.json."""
        self.times = TimeResolver(data=self.data["times.json"])
        self.scopes = ScopeReader(data=self.data["scope.json"])
        self.places = PlaceReader(data=self.data["scope.json"], times=self.data["times.json"])

    # -- component -----------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(self.spans_key, [])
        if not spans or not doc.has_annotation("DEP"):
            return doc
        text = doc.text  # built anew on every access: once per document
        quotes = quote_regions(text)
        phrases = self.cue_phrases(doc)
        acronyms = {short: long for long, short in ACRONYM_RE.findall(text)}
        base = self.times.base_date(doc)
        speakers: list[Token] = []  # named people seen so far, for "he said"
        # every reporting subject in the text, and every "according to X", for "he said", "it has reported"
        trail = self.speaker_trail(doc) + self._according_to_speakers(phrases)
        for span in spans:
            anchor = anchor_of(span)
            region = _region_of(quotes, span.start_char, span.end_char)
            span._.quote = region is not None
            ctx = _Ctx(span, anchor, span.sent, set(range(span.start, span.end)), region, quotes, phrases, text)
            found = self._find(ctx)
            if region is None and found is not None and found.source is not None and found.source.lower_ in self.words.first_person:
                found = self.speech_paragraph(ctx) or found  # "We count 9,000 ..., - the minister said": unquoted speech
            if found is not None and found.source is not None and (self._bare_reports(found.source) or self._denied(found.source)
                                                                   or _counts_its_speaker(span, anchor, found.source)
                                                                   or self._unsaid(found)):
                found = replace(found, source=None)  # "Initial reports suggested": a hedge; "Nine of them said": the author's
            if found is not None and found.source is not None:
                head = self.resolve_pronoun(found.source, region, quotes, trail + speakers, span)
                if head is not None:
                    head = self._record_source(span, found, head, acronyms, phrases)
                    if span._.source.kind == "person" and not _in_passing(found):
                        speakers.append(head)
            self._hedge_time_scope(doc, span, anchor, found, base)
        return doc

    def _according_to_speakers(self, phrases: list[tuple[Span, str]]) -> list[Token]:
        """'According to the prefectural government, 210 were unaccounted for. It has also reported one missing person':
        who an 'according to' names speaks for a later 'it' or 'he' as a reporting subject does."""
        objects = [self.phrase_object(p) for p, _ in phrases if p.text.lower() not in self.words.via_cues | self.words.relay_cues]
        return [o for o in objects if o is not None and o.pos_ in NOUNS and self.may_speak(o)]

    def _bare_reports(self, tok: Token) -> bool:
        """'Initial reports', 'updated reports': a hedging subject with no kind, name or owner of its own."""
        return tok.lower_ in self.words.hedging_subjects and self.owner(tok) is None and all(
            c.pos_ not in (*NOUNS, "PRON", "NUM") and c.ent_type_ == "" and c.dep_ != "prep" for c in tok.children)

    def _denied(self, tok: Token) -> bool:
        """'No official puts the toll anywhere near 100', 'Nobody has confirmed it': no one says it."""
        return tok.lower_ in self.words.speaker_negations or any(
            c.dep_ == "det" and c.lower_ in self.words.speaker_negations for c in tok.children)

    def _unsaid(self, found: _Found) -> bool:
        """'the senator could have said that ...', 'should have reported': a report that a modal perfect says was never
        made."""
        cue = found.cue.root if found.cue is not None else None
        return cue is not None and cue.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in self.words.unsaid_modals for c in cue.children) and any(
            c.dep_ == "aux" and c.lemma_.lower() in self.words.perfect_auxiliaries and c.tag_ == "VB" for c in cue.children)

    def _record_source(self, span: Span, found: _Found, head: Token, acronyms: dict[str, str],
                       phrases: list[tuple[Span, str]]) -> Token:
        """Set the figure's source and cue records from the speaking token; the token that speaks in the end."""
        head = self.title_holder(self.named_apposition(head))
        src_span = found.source_span if head is found.source and found.source_span is not None else self.mention(head)
        relayed = self.relayed(head, phrases)
        if relayed is not None:  # "Reuters, citing Mark Hale, said": Hale speaks, Reuters relays
            src_span, head = self.mention(relayed), relayed
        span._.source = self.source_record(src_span, head, acronyms, phrases)
        if relayed is not None:
            span._.source = replace(span._.source, via=self.mention(found.source).text)
        body = self.body_named_before(head) if self.anaphoric_body(head) else None
        if body is not None:  # "the agency put the toll at ...": the words stay, the name is the NIS named before
            span._.source = replace(span._.source, name=self.name_and_role(body, body.root, acronyms, "organisation")[0])
        span._.cue = self.cue_record(found)
        return head

    def _hedge_time_scope(self, doc: Doc, span: Span, anchor: Token, found: _Found | None,
                          base: dt.date | None) -> None:
        """What a figure's source and cue decide beside them: its hedge, its time and as-of date, its scope."""
        cue_i = found.cue.start if found is not None and found.cue is not None and len(found.cue) == 1 else -1
        span._.hedged = self.hedged(span, anchor, cue_i)
        # when the figure holds: its own clause's time, else the statement's (a time on the cue), else the article's
        found_time = self.times.figure_time(span, anchor, base, found.cue if found is not None else None)
        span._.time = found_time.ref
        span._.as_of = self.times.as_of(found_time, doc._.claimx_date)
        span._.scope = self.scopes.scope_of(span, anchor, span._.measure, found_time.own)
        sent = span.sent  # (a slice of the sentence: doc.text is built anew on every access)
        span._.place = self.places.place_of(sent.text[span.end_char - sent.start_char:])  # "40 killed in the capital"

    # -- finding the source --------------------------------------------
    # The source strategies, in order of trust: the first that finds a speaker wins.
    STRATEGIES = (
        LabelStrategies.speaker_label,         # "WALLACE: ...", "Jane Roe, The Daily Planet: ...", "this finding: ''...''"
        SourceStrategies.tweet_signature,      # an embedded post signed "— Jane Roe (@janeroe) November 3, 2016"
        ClauseStrategies.closing_according_to,  # "X said ... 12 ..., according to Y.": Y frames the sentence
        ClauseStrategies.restrictive_relay,    # "3,000 lives lost as reported by the UN": the relay of this figure
        SourceStrategies.governing_cue,        # a reporting verb or noun that governs the figure
        SourceStrategies.quote_speaker_of,     # the speaker of the direct quotation the figure stands in
        SourceStrategies.according_to,         # "according to X" / "citing X" in the sentence
        ClauseStrategies.shared_subject_cue,   # "X has collected samples from 1,230 relatives and says ..."
        ClauseStrategies.by_count,             # "as many as 600 people, by the agency's count"
        ClauseStrategies.relative_cue,         # "the 5,000 troops officials say are needed"
        ClauseStrategies.owned_count,          # "the ministry's toll rose to 41"
        ClauseStrategies.colon_count,          # "The group's latest estimate is higher: at least 17,500 killed"
        ClauseStrategies.linked_count,         # "The agency's latest figure is 312 dead", "its figures: the toll is 48"
        ClauseStrategies.colon_elaboration,    # "X cautions that the toll will rise: at least 19 villages are cut off"
        SourceStrategies.linear,               # "X claims/estimating ..." read off the words
        SourceStrategies.set_off_cue,          # "..., regional governor Oleh Syniehubov said."
        SourceStrategies.root_cue,             # a reporting verb at the root after the figure: ", officials said."
        SourceStrategies.parenthetical_cue,    # a reporting clause set in commas: "That year, the GTI said, ..."
        ContextStrategies.running_quote,        # a quotation running over paragraphs: its speaker, named where it began
        SourceStrategies.semicolon_series,     # "X reported that A holds $2bn; B holds $1bn": the series is X's
        ContextStrategies.quote_closed_later,  # '"We count 9,000 ...' / '2,000 fell," the minister said.'
        ContextStrategies.speech_paragraph,    # "We count 9,000 ... 2,000 were killed, - the minister said."
        LabelStrategies.headline_label,        # "Over 2,000 soldiers killed, wounded: minister"
        ContextStrategies.pointed_back,        # "At least 70 soldiers have died. This was stated by the minister."
    )

    def _find(self, ctx: _Ctx) -> _Found | None:
        """The first strategy in STRATEGIES that finds who reports the figure."""
        for strategy in self.STRATEGIES:
            found = strategy(self, ctx)
            if found is not None:
                return found
        return None



def _counts_its_speaker(span: Span, anchor: Token, source: Token) -> bool:
    """'Nine of the survivors said ...', 'according to two parents': the figure counts the speakers themselves, which
    is the author's count, not theirs (not an amount the parser hung on them: 'the $20 million experts say it costs')."""
    if getattr(span._.figure, "unit", None) is not None:
        return False
    if anchor.head == source and anchor.dep_ == "nummod":
        return True  # "two parents"
    return source.dep_ == "pobj" and source.head.dep_ == "prep" and source.head.lower_ == "of" and source.head.head == anchor


def _in_passing(found: _Found) -> bool:
    """'an official, who cited several hundred casualties': a speaker named in a relative clause is said in passing;
    a later 'he said' does not point back to them."""
    return found.cue is not None and found.cue.root.dep_ == "relcl"


GLUED_BRACKET = r"(?<=[A-Za-z])\((?=[A-Z])"  # "Defence Intelligence Agency(DIA)": a name never runs into its bracket


def _split_glued_brackets(nlp: Language) -> None:
    """Split an opening bracket glued to the word before it, so a name ends where its bracket begins; the
    tokenizer's infix pattern saves with the pipeline."""
    add_infix(nlp, GLUED_BRACKET)
