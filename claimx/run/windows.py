"""Windows: run the trained pipeline only where a claim can be.

Most of an article holds no number, and no claim can sit in a sentence without one. A
cheap first pass (the tokenizer, `claimx_lines` + spaCy's rule-based `sentencizer`, and
`claimx_candidates`, which marks every token the figure reader can read as a number)
picks the sentences with a candidate figure plus the context the components read
around them (see `WindowPlanner`): what each attribution rule reads is one table,
`components.attribution.reach`, and every sentence that names again what a kept one
names is kept too (an actor's id is the name its mentions in the whole text most
often give), so that the claims are those of the full parse. The trained pipeline then sees the whole text with
everything outside the windows blanked out: each gap becomes ONE whitespace token of
the same length, so every offset, every document-level lookup (the article's date, the
speakers named so far, acronyms, quotations) and every window's neighbours stay as they
are, while the model's cost, which is per token, shrinks with the gaps. `fit_claims`
trims spans that the parser let run into a gap back to where they end in the full text.
"""

from __future__ import annotations

import bisect
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..components.attribution import ACRONYM_RE, ATTRIBUTION_REACH, TRANSCRIPT_LABEL_RE, Reach
from ..components.base import DataComponent
from ..read.numbers import NumberReader
from ..read.quotes import (
    OPENING_MARKS,
    first_close,
    left_open,
    next_paragraph,
    opens_with_quote,
    paragraph_bounds,
    previous_paragraph,
    quote_regions,
    region_of,
)
from ..read.units import UnitReader

CANDIDATES_KEY = "claimx_candidates"  # doc.spans key of the cheap pass's number candidates
WINDOWS_KEY = "claimx_windows"  # doc.user_data key: the (start, end) character windows a Doc was narrowed to
CONTEXT_SENTENCES = 1  # sentences kept before and after a candidate's (the tagger's and parser's context, "they added")
QUOTE_CONTEXT_SENTENCES = 1  # sentences kept before a quotation opens and after it closes (where its speaker is named)
PRONOUN_LOOKBACK = 6  # sentences searched back for a person's name when a kept sentence has a pronoun ("he said")
CHEAP_PIPES = ("claimx_lines", "sentencizer", "claimx_candidates")


class CandidateFinder(DataComponent):
    """Marks every token the figure reader reads as a number: digits, number words, fractions, currencies."""

    LEXICONS = ("numbers.json", "currencies.json", "units.json")

    def __init__(self, nlp: Language, name: str = "claimx_candidates", *, lexicons: str | Path | None = None) -> None:
        self.name = name
        super().__init__(lexicons)

    def _build(self) -> None:
        currencies = self.data["currencies.json"]
        self.reader = NumberReader(self.data["numbers.json"], currencies["symbols"])
        self.units = UnitReader(self.data["units.json"], currencies)

    def __call__(self, doc: Doc) -> Doc:
        spans, i = [], 0
        while i < len(doc):
            cur = self.units.currency_before(doc, i)  # as the figure reader reads it: "£45m" scales after a currency
            num = None if doc[i].is_space else self.reader.read(doc, i, currency=cur[0] if cur else None)
            if num is None:
                i += 1
                continue
            spans.append(Span(doc, num.start, max(num.end, i + 1), label="NUMBER"))
            i = max(num.end, i + 1)
        doc.spans[CANDIDATES_KEY] = spans
        return doc


@Language.factory("claimx_candidates", default_config={"lexicons": None})
def make_candidates(nlp: Language, name: str, lexicons: str | None) -> CandidateFinder:
    return CandidateFinder(nlp, name, lexicons=lexicons)


def cheap_pipeline(nlp: Language | None = None, lexicons: str | None = None) -> Language:
    """The first pass: a blank English pipeline (sharing `nlp`'s vocab and tokenizer when given)."""
    from ..components import factories  # noqa: F401 - registers claimx_lines

    cheap = spacy.blank("en", vocab=nlp.vocab) if nlp is not None else spacy.blank("en")
    if nlp is not None:
        cheap.tokenizer = nlp.tokenizer
    cheap.add_pipe("claimx_lines")
    cheap.add_pipe("sentencizer")
    cheap.add_pipe("claimx_candidates", config={"lexicons": lexicons})
    return cheap


class WindowPlanner:
    """Which sentences of a cheap-pass Doc the trained pipeline must see, as merged character windows."""

    def __init__(self, lexicons: str | Path | None = None) -> None:
        from ..data import load_lexicon

        words = load_lexicon("attribution.json", lexicons)
        self.pronouns = {w.lower() for w in (*words["person_pronouns"], *words["plural_pronouns"])}
        self.titles = {w.lower() for w in words["titles"]}

    def plan(self, doc: Doc, reach: Reach = ATTRIBUTION_REACH) -> list[tuple[int, int]]:
        """The windows: each candidate's sentence and its neighbours, and all the attribution rules read around it
        (`reach`, the table in `components.attribution.reach`)."""
        sents = [s for s in doc.sents if not all(t.is_space for t in s)]  # a blank line is no context sentence
        if not sents:
            return []
        keep = [False] * len(sents)
        sent_of = _sentence_index(doc, sents)
        after = max(CONTEXT_SENTENCES, int(reach.next_sentence))
        for span in doc.spans.get(CANDIDATES_KEY, []):
            i = sent_of[span.start]
            _mark(keep, i - CONTEXT_SENTENCES, i + after)
        text = doc.text  # spaCy builds it anew on every access
        regions = quote_regions(text)
        starts = [s.start_char for s in sents]
        self._keep_paragraphs(doc, text, regions, starts, keep, reach)
        if reach.transcript_labels:
            for m in TRANSCRIPT_LABEL_RE.finditer(text):
                _mark_chars(keep, starts, m.start(), m.end())
        self._keep_acronyms(doc, text, sent_of, keep)
        self._keep_full_names(sents, keep)
        _keep_named_again(sents, keep)
        self._keep_pronoun_names(sents, keep, reach.sentences_before)
        if reach.quotation_ends:
            self._keep_quotes(doc, regions, sents, keep)  # last: a quotation is kept whole or dropped whole
        return _merge(sents, keep)

    @staticmethod
    def _keep_paragraphs(doc: Doc, text: str, regions: list[tuple[int, int]], starts: list[int], keep: list[bool],
                         reach: Reach) -> None:
        """A candidate's paragraph; quoted, or in a paragraph that opens with a quotation mark, the quotation
        paragraphs before it and the one that led into them (its speaker may be named anywhere there); quoted in
        a paragraph that leaves the quotation open, the paragraphs on to where it closes."""
        seen: set[int] = set()
        for span in doc.spans.get(CANDIDATES_KEY, []):
            para = paragraph_bounds(text, span.start_char)
            if para[0] in seen:
                continue
            seen.add(para[0])
            if reach.paragraph:
                _mark_chars(keep, starts, *para)
            quoted = region_of(regions, span.start_char, span.end_char) is not None
            if quoted or opens_with_quote(text, *para):
                _keep_paragraphs_before(text, para, starts, keep, reach.paragraphs_before)
            if quoted and left_open(text[para[0]:para[1]]):
                _keep_paragraphs_after(text, para, starts, keep, reach.paragraphs_after)

    @staticmethod
    def _keep_quotes(doc: Doc, regions: list[tuple[int, int]], sents: list[Span], keep: list[bool]) -> None:
        """A figure in a quotation: keep where it opens and closes, a sentence either side (its speaker is named there)."""
        starts = [s.start_char for s in sents]
        figures = [span.start_char for span in doc.spans.get(CANDIDATES_KEY, [])]
        for start, end in regions:
            k = bisect.bisect_left(figures, start)
            if k < len(figures) and figures[k] < end:
                for edge in (start, end - 1):
                    i = _sent_at(starts, edge)
                    _mark(keep, i - QUOTE_CONTEXT_SENTENCES, i + QUOTE_CONTEXT_SENTENCES)

    @staticmethod
    def _keep_acronyms(doc: Doc, text: str, sent_of: list[int], keep: list[bool]) -> None:
        """'National Intelligence Service (NIS)': the definition names a later source, wherever it is."""
        for m in ACRONYM_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                _mark(keep, sent_of[span.start], sent_of[span.end - 1])

    def _keep_full_names(self, sents: list[Span], keep: list[bool]) -> None:
        """'Cubillo said': the sentences where a surname of a kept sentence follows a first name ('Enio Cubillo').

        A source named by surname gets its full name, and its kind, from the names elsewhere in the article.
        """
        surnames = {t.text for k, sent in enumerate(sents) if keep[k] for t in sent if self._bare_name(t)}
        for k, sent in enumerate(sents):
            if not keep[k] and any(t.text in surnames and self._full_name_end(t) for t in sent[1:]):
                keep[k] = True

    def _bare_name(self, tok: Token) -> bool:
        """A capitalised word alone, or after a title only ('Cubillo', 'Mr. Musk')."""
        if not _capitalised(tok) or tok.is_stop or tok.is_sent_end or _capitalised(tok.nbor()):
            return False
        return tok.i == tok.sent.start or not _capitalised(tok.nbor(-1)) or tok.nbor(-1).lower_ in self.titles

    def _full_name_end(self, tok: Token) -> bool:
        """The last word of a name with a first name before it ('Enio Cubillo', not 'President Trump')."""
        prev = tok.nbor(-1)
        return _capitalised(prev) and prev.lower_ not in self.titles and not (tok.i + 1 < len(tok.doc) and _capitalised(tok.nbor()))

    def _keep_pronoun_names(self, sents: list[Span], keep: list[bool], at_least: int = 0) -> None:
        """'He said ...': keep the sentences back to the nearest one that may name a person, and `at_least` back."""
        for i in range(len(sents)):
            if not keep[i] or not any(t.lower_ in self.pronouns for t in sents[i]):
                continue
            for j in range(i - 1, max(-1, i - 1 - max(PRONOUN_LOOKBACK, at_least)), -1):
                keep[j] = True
                if i - j >= at_least and self._may_name_person(sents[j]):
                    break

    def _may_name_person(self, sent: Span) -> bool:
        """A person's name may be here: a first name and surname, or a title and a name ('President Obama')."""
        return any(_capitalised(t) and not t.is_stop and _capitalised(t.nbor(-1)) and not t.nbor(-1).is_stop
                   and (t.nbor(-1).lower_ in self.titles or t.nbor(-1).i == sent.start or not _capitalised(t.nbor(-2)))
                   for t in sent[1:])


def _capitalised(tok: Token) -> bool:
    """A word written like a name: 'Cubillo', 'McAuliffe', 'Mr.' (not 'UN', not 'the')."""
    return tok.text[:1].isupper() and any(c.islower() for c in tok.text)


def _mark(keep: list[bool], first: int, last: int) -> None:
    for j in range(max(0, first), min(len(keep), last + 1)):
        keep[j] = True


def _mark_chars(keep: list[bool], starts: list[int], start: int, end: int) -> None:
    """Keep every sentence that characters start..end (a paragraph) touch."""
    _mark(keep, _sent_at(starts, start), _sent_at(starts, max(start, end - 1)))


def _keep_named_again(sents: list[Span], keep: list[bool]) -> None:
    """Every sentence that names again what a kept sentence names (a capitalised word they share): an actor's id
    is the name its mentions in the whole text most often give ('African-Americans', 'African-American')."""
    names = {t.text for k, sent in enumerate(sents) if keep[k] for t in sent if _name_word(t)}
    for k, sent in enumerate(sents):
        if not keep[k] and any(_name_word(t) and t.text in names for t in sent):
            keep[k] = True


def _name_word(tok: Token) -> bool:
    """A capitalised word not opening its sentence (nor a quotation, '“Nobody could ...')."""
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_stop and not tok.is_sent_start \
        and not (tok.nbor(-1).is_quote and tok.nbor(-1).is_sent_start)


def _keep_paragraphs_before(text: str, para: tuple[int, int], starts: list[int], keep: list[bool], most: int) -> None:
    """The quotation paragraphs before `para`, back to the one that led into them, `most` of them (as
    `running_quote` reads them)."""
    for _ in range(most):
        if para[0] == 0:
            break
        para = previous_paragraph(text, para[0])
        _mark_chars(keep, starts, *para)
        if not opens_with_quote(text, *para):
            break  # the paragraph that led into the quotation


def _keep_paragraphs_after(text: str, para: tuple[int, int], starts: list[int], keep: list[bool], most: int) -> None:
    """The paragraphs after `para` on to the one where its open quotation closes, `most` of them (as
    `quote_closed_later` reads them)."""
    end = para[1]
    for _ in range(most):
        start, end = next_paragraph(text, end)
        if start >= len(text):
            return
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        reopened = line[lead:].startswith(OPENING_MARKS)
        closed = first_close(line, lead + 1 if reopened else lead) is not None
        if closed or reopened:
            _mark_chars(keep, starts, start, end)
        if closed or not reopened:
            return  # where its speaker is named, or a quotation that ended unmarked (nothing read there)


def _sentence_index(doc: Doc, sents: list[Span]) -> list[int]:
    index = [0] * len(doc)
    for k, sent in enumerate(sents):
        index[sent.start:sent.end] = [k] * len(sent)
    return index


def _sent_at(starts: list[int], char: int) -> int:
    """The sentence holding character `char` (the last one starting at or before it)."""
    return max(0, bisect.bisect_right(starts, char) - 1)


def _merge(sents: list[Span], keep: list[bool]) -> list[tuple[int, int]]:
    """Kept runs of sentences as (start, end) characters; a window runs to where the next sentence starts."""
    windows: list[tuple[int, int]] = []
    doc = sents[0].doc
    for k, sent in enumerate(sents):
        if not keep[k]:
            continue
        start = sent.start_char if k else 0
        end = sents[k + 1].start_char if k + 1 < len(sents) else len(doc.text)
        if windows and windows[-1][1] == start:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def plan_windows(text: str, cheap: Language | None = None, planner: WindowPlanner | None = None) -> list[tuple[int, int]]:
    """The character windows of `text` the trained pipeline must see (all of it: [(0, len(text))])."""
    cheap = cheap or cheap_pipeline()
    return (planner or WindowPlanner()).plan(cheap(text))
