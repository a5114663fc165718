"""What the parts of the counted component share: parse-label sets, windows, and the figure before."""

from __future__ import annotations

from typing import NamedTuple

from ...model import Counted

NOUNS = ("NOUN", "PROPN")
# dependency labels by which a number hangs on the noun it counts
DETERMINER_DEPS = ("predet", "det")
MODIFIER_DEPS = {"nummod", "quantmod", *DETERMINER_DEPS, "amod", "compound", "nmod", "npadvmod", "appos"}
# dependency labels by which a noun phrase is an argument of its clause's verb
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "conj", "appos", "npadvmod", "ROOT"}
DASHES = {"-", "–", "—"}
# tokens between a figure and its bracketed conversion ("40 metres deep (131 feet)")
CONVERSION_GAP = 4
# tokens looked back from a measured quantity for the thing measured ("the well was about 40 metres")
MEASURED_WINDOW = 3
# relative pronouns that may stand between a figure and its measure ("16 who were walking wounded")
RELATIVE_TAGS = {"WP", "WDT"}
MAX_AGE = 120  # a whole number up to this set off after a person ("One man, 22,", "Petro Malyk, 61,") is an age


class Before(NamedTuple):
    """The figure before this one, for ellipsis and conversions."""

    sent: int
    end: int
    counted: Counted | None
    measure: str | None
    governor: tuple[str, str]


