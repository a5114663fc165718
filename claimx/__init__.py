"""claimx: numeric claims in English news text, as a spaCy pipeline and a command line.

    >>> import claimx
    >>> nlp = claimx.load()
    >>> claims = claimx.extract_text(nlp, "Over 300 soldiers were killed.")
"""

from typing import Any

from .model import BOUNDS, MEASURES, Claim, Cue, Figure, Source, TextSpan, TimeRef


def __getattr__(name: str) -> Any:
    """`claimx.load` and the extract functions import spaCy when first asked for, not with `import claimx`: a
    parent process that only hands documents to workers (`claimx extract DIR`) never pays for it."""
    if name in __all__:  # defined here or in run.pipeline: only the latter reach this
        from .run import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__version__ = "0.1.0"
__all__ = ["BOUNDS", "MEASURES", "Claim", "Cue", "Figure", "Source", "TextSpan", "TimeRef",
           "__version__", "extract_documents", "extract_text", "load"]
