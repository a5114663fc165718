"""claimx: numeric claims in English news text, as a spaCy pipeline and a command line.

    >>> import claimx
    >>> nlp = claimx.load()
    >>> claims = claimx.extract_text(nlp, "Over 300 soldiers were killed.")
"""

from .model import BOUNDS, MEASURES, Claim, Cue, Figure, Source, TextSpan, TimeRef
from .run.pipeline import extract_documents, extract_text, load

__version__ = "0.1.0"
__all__ = ["BOUNDS", "MEASURES", "Claim", "Cue", "Figure", "Source", "TextSpan", "TimeRef",
           "__version__", "extract_documents", "extract_text", "load"]
