"""The spaCy components: figures (and the non-figures they skip), the counted noun and its
measure, attribution with its scope, and actor mentions; the factories that register them,
the Doc extensions they fill and the cached attribute ruler beside them.

They read text with `claimx.read` and leave `claimx.model` records on the Doc.
"""
