"""The records of a found source: its mention, kind, name and role, the cue, and whether it hedges."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...model import Cue, Source
from ...records import ents_of
from .base import (
    DASHES,
    NOUNS,
    QUOTE_MARKS,
    Found as _Found,
)
from .tree import hyphened_name

MENTION_STOPS = (*QUOTE_MARKS, ",", ";", ":")  # a speaker's noun phrase never reaches back over these


class SourceRecords:
    """From a speaking token to the `Source` and `Cue` records on the figure.

    Reads: `self.words` (`AttributionWords`, words.py); calls `phrase_object` (quotations.py).
    """

    def mention(self, head: Token) -> Span:
        """The source's noun phrase: titles, names and 'X and Y', without appositions or clauses."""
        doc = head.doc
        left = head.i
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and child.pos_ != "PRON":
                left = min(left, child.left_edge.i)
        right = head.i + 1
        for child in head.rights:
            if child.dep_ == "conj" and child.pos_ in NOUNS and child.i == right + 1 and doc[right].dep_ == "cc":
                right = child.i + 1
            elif child.dep_ == "prep" and child.lower_ in ("of", "for", "on") and head.pos_ == "PROPN" and child.i == right:
                right = self._name_chain_end(child)  # "Institute for the Study of War", not its "(ISW)"
        cut = next((k for k in range(head.i - 1, left - 1, -1) if doc[k].text in MENTION_STOPS or "\n" in doc[k].text_with_ws
                    or _spaced_dash(doc[k])), None)
        if cut is not None:
            left = cut + 1  # '"...alone," lead scientist Dr Hannah Osei': a misparse reaching into the quotation
        while left < head.i and (doc[left].is_punct or doc[left].pos_ in ("DET", "ADP") or doc[left].tag_ == "POS"):
            left += 1
        end = next((k + 1 for k in range(head.i, right) if "\n" in doc[k].text_with_ws), right)  # never over a line break
        while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1
        if doc[end - 1].tag_ == "POS" and end - 1 > left:
            end -= 1
        if end + 1 < len(doc) and hyphened_name(doc[end + 1]):
            end += 2  # "Park Sun" + "-won": a hyphened given name the parse left out
        return doc[left:end]

    @staticmethod
    def _name_chain_end(prep: Token) -> int:
        """The end of a name's chain of prepositions: 'for the Study' + 'of War'."""
        end = prep.i
        while prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if obj is None:
                break
            end = obj.i + 1
            prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and c.i == end), None)
        return end

    def source_record(self, mention: Span, head: Token, acronyms: dict[str, str],
                      phrases: list[tuple[Span, str]]) -> Source:
        kind = self.kind_of(mention, head)
        name, role = self.name_and_role(mention, head, acronyms, kind)
        via = None
        for phrase, _ in phrases:
            if phrase.text.lower() in self.words.via_cues and phrase.sent == mention.sent:
                obj = self.phrase_object(phrase)
                if obj is not None and obj.i not in range(mention.start, mention.end):
                    via = self.mention(obj).text
        return Source(text=mention.text, start=mention.start_char, end=mention.end_char, name=name,
                      kind=kind, role=role, via=via if via != mention.text else None)

    def kind_of(self, mention: Span, head: Token) -> str:
        text_low = mention.text.lower()
        people = ents_of(head.doc, "PERSON")
        if head.ent_type_ == "PERSON" or any(e.root == head for e in people if mention.start <= e.start < mention.end):
            return "person"
        if hyphened_name(head) and head.doc[head.i - 2].ent_type_ == "PERSON":
            return "person"  # "Park Sun-won": the recogniser stopped at the hyphen
        if head.pos_ == "PROPN" and any(e.text.split()[-1] == head.text for e in people):
            return "person"  # "Lopez" after "Maria Lopez": the NER missed the surname alone
        if text_low in self.words.media or any(m in text_low.split() for m in self.words.media_words) or \
                any(m in text_low for m in self.words.media if len(m) > 4):
            return "media"
        lemma = head.lemma_.lower()
        if head.ent_type_ in ("ORG", "GPE") or lemma in self.words.org_nouns:
            return "organisation"
        if lemma in self.words.document_nouns and any(t.ent_type_ in ("ORG", "GPE") for t in mention if t != head):
            return "organisation"  # "a UN report": the UN speaks through it
        if lemma in self.words.vague_sources or head.lower_ in self.words.vague_sources:
            has_modifier = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" or (t.is_title and t.i > mention.start)
                               or (t.is_title and t.pos_ == "ADJ") for t in mention if t != head)
            if head.tag_ == "NN" and lemma in self.words.person_nouns:
                return "person"  # "a Ukrainian official": one person, unnamed
            return "group" if has_modifier else "vague"
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        if lemma in self.words.person_nouns:
            return "person"  # "the spokesman said"
        return "organisation" if head.pos_ in ("PROPN", "NOUN") or head.is_title else "vague"

    def name_and_role(self, mention: Span, head: Token, acronyms: dict[str, str], kind: str) -> tuple[str, str | None]:
        """The fullest mention of this actor in the document, and the title or apposition that says who it is."""
        doc = mention.doc
        role = None
        name = mention.text
        if kind == "person":
            people = ents_of(doc, "PERSON")
            ent = next((e for e in people if mention.start <= e.start and e.end <= mention.end), None)
            if ent is None:
                ent = next((e for e in people if e.start <= head.i < e.end), None)
            core = ent.text if ent is not None else head.text
            if ent is not None and ent.end + 1 < len(doc) and hyphened_name(doc[ent.end + 1]):
                core = doc[ent.start:ent.end + 2].text  # "Park Sun" + "-won"
            titles = doc[mention.start:ent.start].text.strip() if ent is not None and ent.start > mention.start else ""
            role = titles or None
            last = core.split()[-1]
            fuller = [e.text for e in people if e.text.split()[-1] == last]
            name = max([*fuller, core], key=len)
        else:
            key = head.text
            if key in acronyms:
                name = acronyms[key]
            elif mention.text in acronyms:
                name = acronyms[mention.text]
            else:
                name = re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I)
        for child in head.rights:
            if child.dep_ == "appos":
                role = " ".join(doc[child.left_edge.i:child.right_edge.i + 1].text.split()).strip(" ,")
                break
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i and (
                head.head.lemma_.lower() in self.words.person_nouns
                or head.head.lower_ in self.words.titles):  # "the police chief, Amir Saleh,"
            title = self.mention(head.head)
            role = re.sub(r"^(?:the|a|an)\s+", "", title.text, flags=re.I)
        return name, role

    def cue_record(self, found: _Found) -> Cue | None:
        if found.cue is None:
            return None
        cue = found.cue
        lemma = cue.text.lower() if len(cue) > 1 else cue[0].lemma_.lower()
        return Cue(text=cue.text, start=cue.start_char, end=cue.end_char, lemma=lemma, stance=found.stance)

    # -- hedges ------------------------------------------------------------
    def hedged(self, span: Span, anchor: Token, cue_i: int = -1) -> bool:
        """A hedge word in the figure's phrase, or one that modifies a word on its path to the root.

        The attribution cue itself is not a hedge: "the ministry estimated that 600" has the stance
        'estimates'; "an estimated 600" and "600 are believed to" are hedged.
        """
        if any(t.lower_ in self.words.hedges for t in span):
            return True
        ancestors = {anchor.i} | {a.i for a in anchor.ancestors}
        counted = span._.counted
        noun = span.doc.char_span(counted.start, counted.end) if counted is not None else None
        if noun is not None:
            ancestors |= {noun.root.i} | {a.i for a in noun.root.ancestors}
        for tok in span.sent:
            # a hedging verb must govern the figure ("600 are believed to"); an adverb may sit on a governor
            if tok.i != cue_i and tok.lower_ in self.words.hedges and (
                    tok.i in ancestors or (tok.pos_ in ("ADV", "ADJ") and tok.head.i in ancestors)):
                return True
        # "600 reportedly killed", "1,000 thought to have died": right after the figure or its noun
        doc = span.doc
        j = max(span.end, noun.end if noun is not None else 0)
        while j < min(len(doc), span.end + 4) and not doc[j].is_punct and doc[j].pos_ not in ("CCONJ", "ADP"):
            if doc[j].lower_ in self.words.hedges:
                return True
            j += 1
        return False


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on each side ("KYIV, Ukraine (Reuters) - Officials"), not the hyphen inside a name ("Jong-un")."""
    return tok.text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
