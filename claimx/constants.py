"""Names every layer shares: the spans key claimx writes to, and the parse-label sets its rules read."""

from __future__ import annotations

SPANS_KEY = "claimx"  # doc.spans[SPANS_KEY]: one span per figure
