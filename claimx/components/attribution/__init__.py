"""The `claimx_attribution` component: who each figure comes from, and when it holds.

Each figure's source comes from the first source strategy, in order of trust, that finds one; a
pronoun source is resolved to the nearest preceding named speaker. The modules: `finder` (the
component and its table of strategies), `strategies` (one way each that news names a source),
`speakers` (who can speak), `pronouns` (a pronoun source resolved to a named speaker), `quotations`
(who speaks a quotation, and the cue phrases 'according to X'), `words` (the lexicon, read once and
frozen), `bodies` (the body 'the agency' points back to), `sources` (the Source and Cue records),
`tree` (walks of the parse that need no lexicon), `base` (what they share), `reach` (what each
strategy reads beyond the figure's sentence, the table the window planner keeps for the model).
"""

from .base import ACRONYM_RE, QUOTE_PARAGRAPHS_BACK
from .finder import AttributionFinder
from .labels import TRANSCRIPT_LABEL_RE
from .reach import ATTRIBUTION_REACH, REACH, Reach

__all__ = ["ACRONYM_RE", "ATTRIBUTION_REACH", "QUOTE_PARAGRAPHS_BACK", "REACH", "TRANSCRIPT_LABEL_RE", "AttributionFinder", "Reach"]

# the docstring's list of strategies is generated from the table, so it cannot drift from the code


def _summary(strategy: object) -> str:
    return " ".join((getattr(strategy, "__doc__", None) or "").split("\n\n")[0].split())


__doc__ = (__doc__ or "") + "\nThe source strategies, in order of trust (`AttributionFinder.STRATEGIES`):\n\n" + "\n".join(
    f"{i}. `{s.__name__}`: {_summary(s)}" for i, s in enumerate(AttributionFinder.STRATEGIES, 1))
