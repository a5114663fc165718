"""A part takes its whole's measure: 'wounded 870 people, including 95 women' (95 injured), 'Of the 3,100 miners killed,
640 were contractors' (640 killed), a breakdown by place ('49 in Ohio, 33 in Iowa'), 'the dead included nine nurses',
'2,000 civilians among the people killed'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import NOUNS
from .events import count_words
from .presence import PLACE_ENTS
from .tree import skip_space

ABSOLUTE_WORDS = 4  # "with 300 [of them] being children": words from the figure to its 'being'
BRACKETS = ("(", ")")  # a share given in brackets after its name: "Perm Krai (3 768)"
LIST_OPENERS = {"—", "–", "-", ":"}  # a dash or colon that opens a list of the parts of a count
NEW_CLAUSE_DEPS = ("nsubj", "nsubjpass", "ROOT", "ccomp", "expl")  # a word that opens a clause of its own


def _whole_clause(last: Token) -> set[Token]:
    """'7 civilians, including 3 minors, lost ...', '24,000 troops are stationed in the east, including two brigades':
    the noun the figure before counts and, when it is a subject, its verb, open no new clause: they are the whole's."""
    noun = last.head if last.dep_ == "nummod" else last
    whole = {noun}
    if noun.dep_ in ("nsubj", "nsubjpass"):
        whole.add(noun.head)
    return whole


def _bracketed_after_name(span: Span) -> bool:
    """The figure alone in brackets, right after a name ('Perm Krai (3 768)')."""
    doc, start, end = span.doc, span.start, span.end
    return start >= 2 and end < len(doc) and doc[start - 1].text == BRACKETS[0] and doc[end].text == BRACKETS[1] \
        and doc[start - 2].pos_ == "PROPN"


class WholeRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`: part_of_whole, whole_preps, part_verbs) and the measures of the figures read
    so far in the document (`measures_so_far`: token index -> measure, set by `CountedFinder`); calls `is_people`
    (presence.py).
    """

    measures_so_far: dict[int, str | None]

    def _measure_at(self, tok: Token) -> str | None:
        return getattr(self, "measures_so_far", {}).get(tok.i)

    # -- words of the whole, read in the parse walk ----------------------
    def whole_of_part_verb(self, x: Token, head: Token) -> list[Token]:
        """'The dead included nine nurses', 'the death toll includes 33 people': the subject of a verb of inclusion,
        with the words that say what it counts, when the figure (or its noun) is the verb's object."""
        if x.dep_ not in ("dobj", "obj") or head.lemma_.lower() not in self.words.part_verbs:
            return []
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return count_words(subject) if subject is not None else []

    def whole_named_after(self, noun: Token) -> list[Token]:
        """'13,000 fighters among Palestinians killed': the noun's own 'among' phrase names the whole it is part of;
        the whole's words, with its adjectives and participles."""
        out: list[Token] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in self.words.whole_preps:
                for whole in prep.children:
                    if whole.dep_ == "pobj":
                        out += [whole, *self._whole_modifiers(whole)]
        return out

    @staticmethod
    def _whole_modifiers(whole: Token) -> list[Token]:
        return [c for c in whole.children if c.dep_ in ("amod", "compound", "acl", "relcl")]

    def modifies_a_whole(self, noun: Token, child: Token) -> bool:
        """'were among Palestinians killed': the participle or adjective on the object of a part-of-whole word."""
        return child.dep_ in ("acl", "relcl", "amod") and noun.dep_ == "pobj" and noun.head.lower_ in self.words.part_of_whole

    # -- the whole as a figure read before -------------------------------
    def whole_measure(self, span: Span, anchor: Token, noun: Token | None, before_end: int | None) -> str | None:
        """The measure of the figure this one is a part of, by the first of the three ways a part is said."""
        if noun is None:
            found = self._breakdown_of(anchor) or self._named_in_list(span)
            if found is None and before_end is not None and self._parallel_place(span, before_end):
                found = self._measure_at(span.doc[before_end - 1])
            if found is not None:
                return found
        found = self._fronted_whole(span, anchor, noun) or self._pronoun_whole(span, anchor, noun) \
            or self._relative_whole(span, anchor, noun)
        if found is not None:
            return found
        if before_end is not None and (self._opens_a_part(span, before_end) or self._listed_after_dash(span, noun)
                                       or self._absolute_part(span, before_end)):
            return self._measure_at(span.doc[before_end - 1])
        return self._parallel_whole(anchor) if noun is None else None

    def _parallel_whole(self, anchor: Token) -> str | None:
        """'The majority of the deceased were Egyptians, ..., while 236 were Indonesians': a bare figure as the subject
        of a linking verb in a clause set beside one whose subject names the whole by a measure word ('the deceased')."""
        verb = anchor.head
        if anchor.dep_ != "nsubj" or verb.dep_ not in ("advcl", "conj") or verb.lemma_.lower() not in self.words.linking_verbs:
            return None
        main = verb.head
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < anchor.i), None)
        if subject is None or main.lemma_.lower() not in self.words.linking_verbs:
            return None
        return next((m for m in (self.measure_of(t) for t in count_words(subject)) if m is not None), None)

    def _listed_after_dash(self, span: Span, noun: Token | None) -> bool:
        """'Four people were found dead — two males and one female ...': a list after a dash or colon breaks down the
        count before it; not when the figure's noun is a subject of its own ('— two officers said')."""
        doc = span.doc
        j = span.start - 1
        while j > span.sent.start and doc[j].is_space:
            j -= 1
        if j <= span.sent.start or doc[j].text not in LIST_OPENERS:
            return False
        return noun is None or (noun.dep_ not in ("nsubj", "nsubjpass") and self.is_people(noun))

    def _absolute_part(self, span: Span, before_end: int) -> bool:
        """'the toll was 900, with 300 being children', 'killed 31, with nine of them being children': a preposition like
        'with' opens, after the figure before, a clause in which this figure is identified ('being ...'); read off the
        words, as the parser seldom builds the clause. Not a passive of its own ('with 400 homes being damaged')."""
        doc = span.doc
        opener = span.start - 1
        if opener < before_end or doc[opener].lower_ not in self.words.absolute_preps:
            return False
        for k in range(span.end, min(span.end + ABSOLUTE_WORDS, span.sent.end - 1)):
            tok = doc[k]
            if tok.is_punct or tok.like_num:
                return False
            if tok.lemma_.lower() == "be" and tok.tag_ == "VBG":
                return doc[k + 1].tag_ != "VBN"
        return False

    def _breakdown_of(self, anchor: Token) -> str | None:
        """'49 in Ohio, 33 in Iowa and two in Utah', '640 (21%)': a bare figure coordinated with or set in apposition
        to an earlier figure is a share of the same count."""
        if anchor.dep_ not in ("appos", "conj") or anchor.head.i >= anchor.i:
            return None
        return self._measure_at(anchor.head)

    def _named_in_list(self, span: Span) -> str | None:
        """'in terms of confirmed deaths are Sverdlovsk Oblast (4 439), Perm Krai (3 768)', 'Lower Tisna (27 dead),
        Brod (14) and Kolovo (7)': a bare figure in brackets after a name is that name's share of the count the list
        breaks down: the measure of the bracketed figure before it in the sentence, else of the measure words before the
        list (read off the words, as the parser hangs such lists anywhere)."""
        doc = span.doc
        if not _bracketed_after_name(span):
            return None
        figures = getattr(self, "figure_tokens", set())
        for j in range(span.start - 1, span.sent.start, -1):
            if j in figures and doc[j - 1].text == BRACKETS[0] and self._measure_at(doc[j]) is not None:
                return self._measure_at(doc[j])  # "(27 dead), Brod (14)": the share before says what is counted
        opener = next((j for j in range(span.sent.start, span.start) if doc[j].text == BRACKETS[0]), span.start)
        before = [t for t in doc[span.sent.start:opener] if t.pos_ in NOUNS and t.i not in figures]
        return self.measure_word_whole(before) if before else None

    def _parallel_place(self, span: Span, before_end: int) -> bool:
        """'injured in the Jajarkot district 85 in Rukum, three each in Baitadi': a bare figure followed by a place
        phrase, right after the place phrase that closes the figure before; read off the words, as the parser often
        hangs such lists anywhere."""
        doc = span.doc
        j = skip_space(doc, span.end)
        if j < len(doc) and doc[j].lower_ in self.words.distributive_words:
            j += 1  # "three each in Baitadi"
        if not (j + 1 < len(doc) and doc[j].lower_ in self.words.place_preps and self._opens_place(doc[j + 1:j + 3])):
            return False
        k = span.start - 1
        while k >= before_end and (doc[k].is_punct or doc[k].pos_ == "CCONJ" or doc[k].is_space):
            k -= 1
        words = []
        while k >= before_end and doc[k].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "CCONJ"):
            words.append(doc[k])
            k -= 1
        return k >= before_end and doc[k].lower_ in self.words.place_preps and self._opens_place(list(reversed(words)))

    def _opens_place(self, words: list[Token]) -> bool:
        """The words after a place preposition name a place ('Rukum Paschim', 'the Jajarkot district')."""
        return any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in self.words.place_nouns for t in words
                   if t.pos_ != "DET")

    def _fronted_whole(self, span: Span, anchor: Token, noun: Token | None) -> str | None:
        """'Of the 3,100 miners killed, 640 were contractors': the clause of the figure opens with 'of' and a figure
        before it, which is the whole; 'Of the injured, 18 are in intensive care': or a measure word with no figure."""
        arg = noun if noun is not None and noun.i >= span.end else anchor  # '40 children were ...': the noun after
        if arg.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for prep in [*arg.children, *arg.head.children]:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < span.start and prep.i == prep.sent.start:
                whole = list(prep.subtree)[1:] or self._words_to_comma(prep)
                found = next((m for m in map(self._measure_at, whole) if m is not None), None)
                return found or self.measure_word_whole(whole)
        return None

    @staticmethod
    def _words_to_comma(prep: Token) -> list[Token]:
        """'Of the injured, 9 remain ...' parsed with 'of' bare: the words after it up to the comma, read off the text."""
        out: list[Token] = []
        for tok in prep.doc[prep.i + 1:prep.sent.end]:
            if tok.is_punct:
                return out
            out.append(tok)
        return []

    def measure_word_whole(self, whole: list[Token]) -> str | None:
        """'Of the dead', 'of the wounded': a whole with no figure in it is named by its measure word."""
        if any(t.like_num or t.i in getattr(self, "figure_tokens", set()) for t in whole):
            return None
        return next((m for m in map(self.measure_of, whole) if m is not None), None)

    def _pronoun_whole(self, span: Span, anchor: Token, noun: Token | None) -> str | None:
        """'6,777 people, more than half of them civilians, were killed', '... 5,540 officers have died. Among them are
        12 generals', '1,120 civilians were among the victims': a part of a pronoun (or of 'the victims') stands for the
        figure before it (in this sentence or the one before)."""
        if noun is not None and noun.lower_ in self.words.anaphoric_wholes and noun.dep_ == "pobj" and noun.head.lower_ == "of":
            return self._previous_measure(span)
        arg = noun if noun is not None else anchor
        for prep in [*arg.children, *arg.head.children]:
            if prep.dep_ == "prep" and prep.lower_ in self.words.whole_preps and any(
                    c.dep_ == "pobj" and c.lower_ in self.words.anaphoric_wholes for c in prep.children):
                return self._previous_measure(span)
        return None

    def _relative_whole(self, span: Span, anchor: Token, noun: Token | None) -> str | None:
        """'had treated 96 patients, of whom 31 needed surgery': 'of whom' opens a part of the figure before."""
        arg = noun if noun is not None else anchor
        for prep in [*arg.children, *arg.head.children]:
            if prep.dep_ == "prep" and prep.lower_ == "of" and any(
                    c.dep_ == "pobj" and c.lower_ in self.words.relative_wholes for c in prep.children):
                return self._previous_measure(span)
        return None

    def _previous_measure(self, span: Span) -> str | None:
        """The measure of the figure before this one, within this sentence or the one before."""
        measured = getattr(self, "measures_so_far", {})
        earlier = [i for i in measured if i < span.start]
        if not earlier:
            return None
        last = max(earlier)
        sents = list(span.doc[last:span.start + 1].sents)
        return measured[last] if len(sents) <= 2 else None

    def _opens_a_part(self, span: Span, before_end: int) -> bool:
        """'4,360 people killed, including nearly 1,900 civilians', 'the toll rose to 558, including 50 children': a
        part-of-whole word between the figure before and this one, and no new clause between them."""
        between = span.doc[before_end:span.start]
        if not any(t.lower_ in self.words.part_of_whole for t in between):
            return False
        whole = _whole_clause(span.doc[before_end - 1])
        return not any(t.dep_ in NEW_CLAUSE_DEPS and t not in whole for t in between)
