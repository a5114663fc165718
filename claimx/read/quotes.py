"""Where direct quotations and paragraphs lie in a text: character ranges read off the marks.

The attribution rules (`claimx.components.attribution`) ask here whether a figure stands in a quotation,
where its paragraph starts, and whether that paragraph opens with a quotation mark (news style
runs a long quotation over paragraphs that each open with a mark and leave the last one closed).
"""

from __future__ import annotations

import re

QUOTE_PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c"}
STRAIGHT_MARKS = ('"', "''")  # marks that open and close alike; "''" is the typewriter's double quote
OPENING_MARKS = ('"', "\u201c", "\u00ab", "\u201e")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of direct quotations, paragraph by paragraph: straight double quotes pair up in
    order, curly ones by kind; a mark left open at a paragraph's end closes there (news style opens each
    paragraph of a long quotation anew and closes only the last)."""
    regions: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        regions += [(pos + s, pos + e) for s, e in _line_quotes(line)]
        pos += len(line) + 1
    return sorted(regions)


def _line_quotes(line: str) -> list[tuple[int, int]]:
    """The quotations of one paragraph."""
    regions: list[tuple[int, int]] = []
    for mark in STRAIGHT_MARKS:
        marks = [m.start() for m in re.finditer(re.escape(mark), line)]
        regions += [(marks[k], marks[k + 1] + len(mark)) for k in range(0, len(marks) - 1, 2)]
        if len(marks) % 2:
            regions.append((marks[-1], len(line)))
    for opener, closer in QUOTE_PAIRS.items():
        pos = 0
        while True:
            s = line.find(opener, pos)
            if s < 0:
                break
            e = line.find(closer, s + 1)
            regions.append((s, len(line) if e < 0 else e + 1))
            if e < 0:
                break
            pos = e + 1
    return regions


def region_of(regions: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The quotation that holds the characters start..end, if any."""
    for r in regions:
        if r[0] < start and end <= r[1]:
            return r
    return None


def in_region(region: tuple[int, int], idx: int) -> bool:
    """Whether character `idx` lies in `region`."""
    return region[0] <= idx < region[1]


def paragraph_bounds(text: str, idx: int) -> tuple[int, int]:
    """The character range of the paragraph (a line of text) that holds character `idx`."""
    start = text.rfind("\n", 0, idx) + 1
    end = text.find("\n", idx)
    return start, len(text) if end < 0 else end


def previous_paragraph(text: str, start: int) -> tuple[int, int]:
    """The bounds of the last non-blank paragraph before the one that starts at `start` (blank lines skipped)."""
    idx = start - 1
    while idx > 0 and text[idx].isspace():
        idx -= 1
    return paragraph_bounds(text, max(idx, 0))


def opens_with_quote(text: str, start: int, end: int) -> bool:
    """Whether the paragraph text[start:end] opens with a quotation mark."""
    return text[start:end].lstrip().startswith(OPENING_MARKS)


CLOSING_MARKS = ('"', "\u201d", "\u00bb", "''")


def next_paragraph(text: str, end: int) -> tuple[int, int]:
    """The bounds of the first non-blank paragraph after the one that ends at `end` (len(text) when none is left)."""
    idx = end
    while idx < len(text) and text[idx].isspace():
        idx += 1
    return (len(text), len(text)) if idx >= len(text) else paragraph_bounds(text, idx)


def left_open(paragraph: str) -> bool:
    """Whether a quotation opened in this paragraph is still open at its end (it runs on into the next one)."""
    straight = paragraph.count('"') + paragraph.count("''")
    return straight % 2 == 1 or paragraph.count("\u201c") > paragraph.count("\u201d") or \
        paragraph.count("\u00ab") > paragraph.count("\u00bb")


def first_close(paragraph: str, start: int = 0) -> int | None:
    """The index of the first closing quotation mark in the paragraph at or after `start`, if any."""
    found = [i for i in (paragraph.find(m, start) for m in CLOSING_MARKS) if i >= 0]
    return min(found) if found else None
