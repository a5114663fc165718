"""The `claimx_counted` component: what each figure counts, and its measure.

Both come from the dependency parse around the figure: the noun the number modifies
("600 North Korean soldiers") or its "of" phrase ("4,000 of these troops"), and the
verb or noun that governs it ("have been killed", "the deployment of", "4,000
casualties"), looked up in the editable `lexicons/measures.json`.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .component import DataComponent
from .model import Counted

NOUNS = ("NOUN", "PROPN")
# dependency labels by which a number hangs on the noun it counts
MODIFIER_DEPS = {"nummod", "quantmod", "predet", "det", "amod", "compound", "nmod", "npadvmod", "appos"}
# dependency labels by which a noun phrase is an argument of its clause's verb
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "conj", "appos", "npadvmod", "ROOT"}
DASHES = {"-", "–", "—"}


class CountedFinder(DataComponent):
    """Fills `span._.counted` and `span._.measure` for each figure span."""

    LEXICONS = ("measures.json", "counted.json")

    def __init__(self, nlp: Language, name: str = "claimx_counted", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        super().__init__(lexicons)

    def _build(self) -> None:
        m = self.data["measures.json"]
        self.lemma_to_measure: dict[str, str] = {}
        self.phrases: list[tuple[str, str]] = []
        for measure, entry in m["measures"].items():
            for lemma in entry.get("lemmas", []):
                self.lemma_to_measure.setdefault(lemma.lower(), measure)
            for phrase in entry.get("phrases", []):
                self.phrases.append((phrase.lower(), measure))
        self.phrases.sort(key=lambda p: -len(p[0]))
        self.combine = set(m["combine"])
        self.combined_as = m["combined_as"]
        self.fight_words = set(m["fight_words"])
        self.fight_preps = set(m["fight_preps"])
        self.drop_modifiers = set(self.data["counted.json"]["drop_modifiers"])
        self.hedge_verbs = set(m.get("hedge_verbs", []))
        self.keep_of_phrase = bool(self.data["counted.json"].get("keep_of_phrase", True))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # no parse, nothing to read: counted and measure stay None
        for span in doc.spans.get(self.spans_key, []):
            anchor = anchor_of(span)
            noun = self.counted_noun(span, anchor)
            phrase = self.noun_phrase(span, noun) if noun is not None else None
            span._.counted = Counted(phrase.text, phrase.start_char, phrase.end_char) if phrase is not None else None
            fig = span._.figure
            # money and measured quantities are not head counts: "losses of $1.2bn" is no casualty figure
            counts = fig is None or fig.unit in (None, "%")
            span._.measure = self.measure(span, anchor, noun) if counts else None
        return doc

    # -- what is counted ------------------------------------------------
    def counted_noun(self, span: Span, anchor: Token) -> Token | None:
        fig = span._.figure
        of_noun = self._of_phrase(span, anchor)
        if of_noun is not None:
            return of_noun
        head = anchor.head
        if fig is not None and fig.unit == "%" and anchor.dep_ in ("predet", "det", "nummod", "quantmod") \
                and head.pos_ in NOUNS and head.i >= span.end:
            return head  # "half his troops"
        if fig is not None and fig.unit is not None and fig.unit not in ("times",):
            return None  # "$157 billion", "40%", "7,000 km": the unit is what is measured
        if anchor.dep_ in MODIFIER_DEPS and head.i >= span.end and head.pos_ in NOUNS:
            # "600 North Korean soldiers"; but not a noun past a comma ("300, officials")
            if not any(t.is_punct for t in span.doc[span.end:head.i]):
                return head
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.pos_ in NOUNS and nxt.head.i > nxt.i and nxt.head.pos_ in NOUNS and anchor.head == nxt.head:
            return nxt.head
        return None

    def _of_phrase(self, span: Span, anchor: Token) -> Token | None:
        """'4,000 of these troops', 'thousands of troops', 'more than 60% – of the area'."""
        doc = span.doc
        for tok in span:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                    pobj = _pobj(child)
                    if pobj is not None:
                        return pobj
        j = skip_space(doc, span.end)
        if j < len(doc) and doc[j].text in DASHES:
            j = skip_space(doc, j + 1)
        if j < len(doc) and doc[j].lower_ == "of":
            return _pobj(doc[j])
        return None

    def noun_phrase(self, span: Span, noun: Token) -> Span | None:
        """The counted noun with its adjectives and compounds, without the figure or determiners."""
        doc = span.doc
        left = noun.i
        for child in noun.lefts:
            if child.i < span.end or child.dep_ in ("det", "predet", "poss", "punct", "cc", "case", "prep", "nummod"):
                continue  # "412 of the 650 seats" counts seats: another figure is not part of the phrase
            if child.lower_ in self.drop_modifiers:
                continue
            left = min(left, child.left_edge.i)
        left = max(left, span.end)
        while left < noun.i and (doc[left].is_punct or doc[left].pos_ in ("DET", "CCONJ", "ADP", "PRON")
                                 or doc[left].lower_ in self.drop_modifiers):
            left += 1
        right = noun.i + 1
        if self.keep_of_phrase and noun.pos_ == "NOUN":
            # "rounds of ammunition", "cup of coffee": the of-phrase is part of what is counted
            for child in noun.rights:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
                    pobj = _pobj(child)
                    if pobj is not None and pobj.pos_ == "NOUN":
                        right = pobj.i + 1
        return Span(doc, left, right) if left < right else None

    # -- the measure ----------------------------------------------------
    def measure(self, span: Span, anchor: Token, noun: Token | None) -> str | None:
        words = self._governors(span, anchor, noun)
        linear = self._words_after(span, noun)
        if linear:
            words.insert(1 if noun is not None else 0, linear)
        for group in words:
            found = [m for m in (self._measure_of(t) for t in group) if m]
            if not found:
                continue
            distinct = set(found)
            if len(distinct & self.combine) >= 2:
                return self.combined_as
            return found[0]
        return None

    def _measure_of(self, tok: Token) -> str | None:
        doc = tok.doc
        tail = doc[tok.i:min(tok.i + 5, len(doc))].text.lower()
        start = doc[max(tok.i - 3, 0):tok.i + 1].text.lower()
        for phrase, measure in self.phrases:
            if tail.startswith(phrase) or start.endswith(phrase):
                return measure
        for key in (tok.lemma_.lower(), tok.lower_):
            if key in self.lemma_to_measure:
                return self.lemma_to_measure[key]
        if tok.lemma_.lower() in self.fight_words and any(c.lower_ in self.fight_preps for c in tok.children):
            return "deployed"
        return None

    def _words_after(self, span: Span, noun: Token | None) -> list[Token]:
        """Measure words right after the figure or its noun: '2,700 injured', 'are believed to have been killed or injured'.

        Read linearly because the small parser often attaches such participles wrongly;
        stops at the next number, so '300 killed and 2,700 wounded' keeps each its own.
        """
        doc = span.doc
        j = max(span.end, noun.i + 1 if noun is not None else 0)
        if noun is not None and noun.i < span.start:
            j = span.end
        found: list[Token] = []
        limit = min(len(doc), j + 10)
        while j < limit:
            tok = doc[j]
            if tok.is_space:
                j += 1
                continue
            if tok.like_num or tok.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") or tok.is_sent_start:
                break
            if self._measure_of(tok):
                found.append(tok)
                j += 1
                continue
            if found and (tok.lower_ in ("or", "and", ",", "and/or") or tok.pos_ in ("AUX", "ADV")):
                j += 1
                continue
            if not found and (tok.pos_ in ("AUX", "ADV", "PART") or tok.lemma_.lower() in self.hedge_verbs):
                j += 1
                continue
            break
        return found

    def _governors(self, span: Span, anchor: Token, noun: Token | None) -> list[list[Token]]:
        """Words that may say what happened to the counted, nearest first, grouped by clause."""
        groups: list[list[Token]] = []
        fig_tokens = set(range(span.start, span.end))
        if noun is not None:
            groups.append([noun])
            groups.append([c for c in noun.children if c.dep_ in ("amod", "compound") and c.i not in fig_tokens])
            groups.append([c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "ADJ")])
        x = anchor
        if noun is not None and (anchor.head == noun or (anchor.dep_ in MODIFIER_DEPS and anchor.head.i in fig_tokens)):
            x = noun
        if noun is not None and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head == anchor:
            x = anchor  # "4,000 of these troops have been killed": the number is the argument
        for _ in range(3):
            head = x.head
            if head == x:
                break
            if x.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
                gov = head.head
                if head.lower_ in ("to", "at") and gov.pos_ in ("VERB", "AUX"):
                    # "bringing the death toll to 30,410", "the toll stands at 246"
                    groups.append([c for c in gov.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")])
                if head.lower_ == "of" and gov.pos_ in NOUNS:
                    groups.append([gov])  # "the deployment of", "the deaths of"
                    x = gov
                    continue
                if head.dep_ == "agent" or head.lower_ in ("by",):
                    groups.append(self._clause(gov, fig_tokens))
                if head.lower_ in ("including", "among", "incl", "incl."):
                    # "killed 47 people, including 12 children": the part shares the whole's measure
                    if gov.pos_ in ("VERB", "AUX"):
                        groups.append(self._clause(gov, fig_tokens))
                        break
                    x = gov
                    continue
                break
            if x.dep_ in ARGUMENT_DEPS or head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ":
                if head.pos_ in NOUNS and x.dep_ in ("conj", "appos"):
                    x = head
                    continue
                groups.append(self._clause(head, fig_tokens))
            break
        return [g for g in groups if g]

    def _clause(self, verb: Token, fig_tokens: set[int]) -> list[Token]:
        """A verb with its coordinated verbs ('killed or injured') and open complements ('believed to have been killed')."""
        out: list[Token] = []
        stack = [verb]
        seen: set[int] = set()
        while stack:
            v = stack.pop(0)
            if v.i in seen:
                continue
            seen.add(v.i)
            out.append(v)
            for child in v.children:
                if (child.dep_ == "conj" and not _has_own_number(child, fig_tokens)) or child.dep_ in ("xcomp", "acomp") or (
                        child.dep_ == "acl" and child.pos_ == "VERB" and v.pos_ == "VERB"):
                    stack.append(child)
        return out


def anchor_of(span: Span) -> Token:
    """The figure's token that links it to the rest of the sentence."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    numeric = [t for t in outside if t.like_num or t.pos_ == "NUM" or t.text == "%"]
    return (numeric or outside or [span[-1]])[-1]


def skip_space(doc: Doc, j: int) -> int:
    """The first token at or after j that is not white space (spaCy keeps runs like NBSP as tokens)."""
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _has_own_number(verb: Token, fig_tokens: set[int]) -> bool:
    """'300 killed and 2,700 injured': the second verb has a figure of its own."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in fig_tokens and any(t.like_num for t in child.subtree):
            return True
    return False
