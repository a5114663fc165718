"""The `claimx_counted` component: what each figure counts, and its measure.

Both come from the dependency parse around the figure: the noun the number modifies
("600 North Korean soldiers") or its "of" phrase ("4,000 of these troops"), and the
verb or noun that governs it ("have been killed", "the deployment of", "4,000
casualties"), looked up in the editable `lexicons/measures.json`.
"""

from .base import MAX_AGE
from .finder import CountedFinder
from .tree import anchor_of, skip_space

__all__ = ["MAX_AGE", "CountedFinder", "anchor_of", "skip_space"]
