"""Not figures: codes, labels, page furniture, and words that are numbers only sometimes."""

from __future__ import annotations

from .context import (
    COLON,
    COUNTED_POS,
    FURNITURE_REACH,
    GLUE_AFTER,
    GLUE_BEFORE_NAME,
    GLUE_BETWEEN_NUMBERS,
    HALF_NEXT_POS,
    HYPHENS,
    LIST_MARKS,
    NOUNS,
    OPEN_BRACKET,
    PHONE_CUE_REACH,
    PHONE_DIGITS,
    PHONE_RE,
    PHONE_REACH,
    VALUE_ONE_NEXT_POS,
    Context,
)

SENTENCE_MARKS = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019")  # a line ending so is prose, not a headline
LIST_SEPARATOR = ";"  # '69 were in Wajima; 38 in Suzu': a list's items may be set off by semicolons too


# -- codes and glued numbers -----------------------------------------------------
def is_code_after_letters(x: Context) -> bool:
    """'SA-22', 'A/4': a number glued by a dash or slash to letters is part of a code."""
    p = x.prev
    before = x.tok(x.num.start - 2)
    return p is not None and not p.whitespace_ and p.text in GLUE_BEFORE_NAME and before is not None \
        and not before.whitespace_ and before.is_alpha and not _glued_sentence_start(x) \
        and before.lower_ not in x.words.scale_words_before


def _glued_sentence_start(x: Context) -> bool:
    """'... Medical Center.Four people were shot': a stop before a capitalised number word ends a sentence that
    lost its space; a code's number is in digits ('No.5')."""
    first = x.doc[x.num.start]
    return x.prev is not None and x.prev.text == "." and first.is_alpha and first.is_title


def is_second_part_of_code(x: Context) -> bool:
    """'3/16', '10:30', '1950-53': the part after the glue is no amount of its own."""
    p = x.prev
    before = x.tok(x.num.start - 2)
    return p is not None and not p.whitespace_ and p.text in GLUE_BETWEEN_NUMBERS and before is not None \
        and before.like_num


def is_first_part_of_code(x: Context) -> bool:
    """'3/16', '10:30': a number glued to a slash or colon before more digits ('6,000: NIS' ends a headline's figure)."""
    if x.after is None or x.doc[x.cand.end - 1].whitespace_ or x.after.text not in GLUE_AFTER:
        return False
    nxt = x.tok(x.after.i + 1)
    return x.after.whitespace_ == "" and nxt is not None and nxt.text[:1].isdigit()


def is_digit_group(x: Context) -> bool:
    """'0800 123 4567': digit groups in a row are a phone number or code."""
    if x.cand.unit is not None or not x.first.text.isdigit():
        return False
    p, a = x.prev, x.after
    return (p is not None and p.text.isdigit() and x.bare_start) or (a is not None and a.text.isdigit() and x.bare_end)


def is_phone_number(x: Context) -> bool:
    """'312-746-8253', '(901) 528-2274', 'call Crimestoppers 2340007': a phone number, any of its digit groups, counts nothing."""
    s = x.num.start
    if not any(c.isdigit() for c in x.first.text):
        return False
    if x.first.text.isdigit() and len(x.first.text) in PHONE_DIGITS and x.num.end - s == 1 and any(
            t.lower_ in x.words.phone_cues for t in x.doc[max(0, s - PHONE_CUE_REACH):s]):
        return True  # "call Crimestoppers 2340007": digits without breaks after a calling word
    window = x.doc[max(0, s - PHONE_REACH):min(len(x.doc), x.num.end + PHONE_REACH)]
    at = x.first.idx - window.start_char
    return any(m.start() <= at < m.end() for m in PHONE_RE.finditer(window.text))


# -- labels: numbers that name a page, a route, a photo ---------------------------
def is_labelled_number(x: Context) -> bool:
    """'Article 5', 'Flight 17', 'page 3', 'Comments (45)': a label word makes the number a name."""
    p, s, labels = x.prev, x.num.start, x.words.blockers_before
    bracketed = p is not None and p.text == OPEN_BRACKET and x.lower(s - 2) in labels
    return p is not None and x.bare_start and (p.lower_ in labels or bracketed)


def is_labelled_after_colon(x: Context) -> bool:
    """'Photo: 1 of 5': a label word and a colon before the number."""
    return x.prev is not None and x.prev.text == COLON and x.lower(x.num.start - 2) in x.words.blockers_before


def is_photo_counter_total(x: Context) -> bool:
    """The '5' of 'Photo 1 of 5' (also 'Photo: 1 of 5'): a gallery counter's total."""
    s = x.num.start
    if x.lower(s - 1) not in x.words.counter_of or x.tok(s - 2) is None or not x.doc[s - 2].like_num:
        return False
    blockers = x.words.blockers_before
    return x.lower(s - 3) in blockers or (x.lower(s - 3) == COLON and x.lower(s - 4) in blockers)


def is_page_furniture(x: Context) -> bool:
    """'5 min read', 'Share 12 comments': reading times and counters of the page around the article."""
    words = tuple(t.lower_ for t in x.doc[x.num.end:x.num.end + FURNITURE_REACH])
    if not x.bare_start:
        return False
    if any(words[:len(p)] == p for p in x.words.blockers_after):
        return True
    if not words or words[0] not in x.words.page_counters:
        return False  # "bought 500,000 shares" counts shares; "12 shares" alone on its line is a button
    p = x.prev
    return x.line_ends_after(x.num.end) or p is None or not p.is_alpha or x.line_ends_after(p.i)


def is_counter_alone_on_a_line(x: Context) -> bool:
    """'Headline / December 5, 2025 / 0': digits alone on a line under a headline, date or byline count comments."""
    if not (x.first.text.isdigit() and x.bare_start and x.bare_end and x.plain_count):
        return False
    line = x.line()
    if any(t.i not in range(x.num.start, x.num.end) and not (t.is_punct or t.is_space) for t in line):
        return False
    before = x.tok(line[0].i - 1)
    while before is not None and before.is_space:
        before = x.tok(before.i - 1)
    return before is not None and before.text[-1:] not in SENTENCE_MARKS


def is_gallery_counter(x: Context) -> bool:
    """'Hide Caption 3 of 12', '… the scene. 3 of 12' ending a line: a gallery counter, both its numbers."""
    s, e, of = x.num.start, x.num.end, x.words.counter_of
    if not x.first.text.isdigit() or not x.bare_start or not x.bare_end:
        return False
    if x.lower(s - 1) in of and _digits_at(x, s - 2) and int(x.doc[s - 2].text) <= x.num.value:
        return _counter_ends(x, e - 1, x.lower(s - 3))
    if x.lower(e) in of and _digits_at(x, e + 1) and x.num.value <= int(x.doc[e + 1].text):
        return _counter_ends(x, e + 1, x.lower(s - 1))
    return False


def _counter_ends(x: Context, total: int, label: str) -> bool:
    """'N of M' is a counter when its line ends at M, or a label ('Caption') comes first and no noun follows M."""
    nxt = x.tok(total + 1)
    labels = x.words.counter_labels
    counts = nxt is not None and nxt.pos_ in COUNTED_POS and nxt.lower_ not in labels
    return x.line_ends_after(total) or (label in labels and not counts)


def _digits_at(x: Context, i: int) -> bool:
    t = x.tok(i)
    return t is not None and t.text.isdigit()


def is_list_marker(x: Context) -> bool:
    """'1. Russia launched…', '2) …' at the start of a line number a list, not a count."""
    p, a = x.prev, x.after
    line_start = p is None or "\n" in p.text or "\n" in p.whitespace_
    return line_start and a is not None and a.text in LIST_MARKS and x.bare_start and x.bare_end



# -- words that are numbers only sometimes --------------------------------------------
def is_pronoun_one(x: Context) -> bool:
    """'one of the reasons', 'no one': 'one' as a pronoun; 'one cup' and 'one in five' are figures."""
    f, c = x.first, x.cand
    if f.lower_ not in x.words.pronoun_numbers or x.num.end - x.num.start != 1 or c.unit is not None \
            or c.bound != "exact":
        return False
    if f.dep_ == "nummod" and f.head.i > f.i and f.head.pos_ in NOUNS:
        return False  # 'one cup': a count of the noun after it
    return not (_value_one(x) or _one_closing_a_list(x))


def _one_closing_a_list(x: Context) -> bool:
    """'69 were in Wajima; 38 in Suzu ... and one in Hakui': 'one' after a coordinator, followed by the preposition
    that follows an earlier number of its sentence (or that number's 'each'), is the last count of a list."""
    p, a = x.prev, x.after
    if p is None or a is None or (p.lower_ not in x.words.coordinators and p.text != LIST_SEPARATOR) or a.pos_ != "ADP":
        return False
    sent = x.first.sent if x.doc.has_annotation("SENT_START") or x.doc.has_annotation("DEP") else x.doc[:]
    return any(t.like_num and t.i < p.i and a.lower_ in (x.lower(t.i + 1), x.lower(t.i + 2)) for t in sent)


def _value_one(x: Context) -> bool:
    """'put the number at one', 'rose to one', 'a margin of just one': 'one' as the value a preposition or 'just'
    gives, ending its phrase ('talked to one of the guards', 'to one another' are pronouns)."""
    p, a = x.prev, x.after
    if p is None or p.lower_ not in x.words.value_one_before:
        return False
    return a is None or a.is_punct or (a.pos_ in VALUE_ONE_NEXT_POS and a.lower_ not in x.words.pronoun_one_after)


def is_idiomatic_half(x: Context) -> bool:
    """'the second half', 'half-time', 'half past', 'half an hour': 'half' that shares out nothing."""
    if not x.num.fraction or x.first.lower_ not in x.words.half_words:
        return False
    p, a = x.prev, x.after
    if p is not None and p.lower_ in x.words.half_blockers_before:
        return True
    if a is not None and (a.text in HYPHENS or a.lower_ in x.words.half_blockers_after):
        return True
    return a is None or not (a.lower_ in x.words.partitive_of or a.pos_ in HALF_NEXT_POS)
