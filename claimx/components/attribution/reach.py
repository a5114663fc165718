"""What each source strategy reads around a figure beyond the words of its own sentence: one table, read by the
window planner (`claimx.run.windows`), which keeps all of it for the model, so that a windowed run finds what
the full parse finds. A strategy that comes to read further must say so here (a test checks every strategy
of `AttributionFinder.STRATEGIES` has its row)."""

from __future__ import annotations

from typing import NamedTuple

from .base import PRONOUN_SENTENCES, QUOTE_PARAGRAPHS_BACK


class Reach(NamedTuple):
    """The text one strategy reads for a figure, besides the figure's sentence."""

    sentences_before: int = 0  # sentences before the figure's (a person named as a subject, for 'he said')
    next_sentence: bool = False  # the sentence after the figure's ('This was stated by the minister.')
    paragraph: bool = False  # the figure's whole paragraph (a line of text): its opening label, its closing dash or label
    paragraphs_before: int = 0  # quoted, or in a paragraph opening with a quotation mark: paragraphs back to the lead-in
    paragraphs_after: int = 0  # quoted in a paragraph that leaves the quotation open: paragraphs on to where it closes
    quotation_ends: bool = False  # the sentences where the figure's quotation opens and closes, and one either side
    transcript_labels: bool = False  # every 'NAME:' opening a line of the text, counted to tell a transcript


# the strategies of AttributionFinder.STRATEGIES by name, and "pronoun": resolving a pronoun source (pronouns.py)
REACH: dict[str, Reach] = {
    "speaker_label": Reach(paragraph=True, transcript_labels=True),
    "tweet_signature": Reach(paragraph=True),
    "closing_according_to": Reach(),
    "restrictive_relay": Reach(),
    "governing_cue": Reach(quotation_ends=True),  # a cue inside a quotation hands over to the quotation's speaker
    "quote_speaker_of": Reach(quotation_ends=True),
    "according_to": Reach(),
    "by_count": Reach(),  # "by the agency's count": the figure's sentence only
    "shared_subject_cue": Reach(),  # "X has collected ..., and says": the figure's sentence only
    "relative_cue": Reach(),
    "owned_count": Reach(),
    "colon_count": Reach(),
    "linked_count": Reach(),
    "colon_elaboration": Reach(),  # "Authorities caution that ...: at least 19 ...": the figure's sentence only
    "linear": Reach(),
    "set_off_cue": Reach(),
    "root_cue": Reach(),
    "parenthetical_cue": Reach(),
    "running_quote": Reach(paragraph=True, paragraphs_before=QUOTE_PARAGRAPHS_BACK, quotation_ends=True),
    "semicolon_series": Reach(),
    "quote_closed_later": Reach(paragraphs_after=QUOTE_PARAGRAPHS_BACK),
    "speech_paragraph": Reach(paragraph=True),
    "headline_label": Reach(paragraph=True),
    "pointed_back": Reach(next_sentence=True),
    "pronoun": Reach(sentences_before=PRONOUN_SENTENCES),
}


def combined(reaches: list[Reach] | None = None) -> Reach:
    """The reach of all of them at once (any figure may fall through to any strategy): the furthest of each."""
    reaches = list(REACH.values()) if reaches is None else reaches
    return Reach(*(max(values) for values in zip(*reaches, strict=True))) if reaches else Reach()


ATTRIBUTION_REACH = combined()
