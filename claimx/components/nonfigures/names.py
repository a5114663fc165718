"""Not figures: numbers inside names — models, indexes, events, addresses, shirt numbers."""

from __future__ import annotations

from .context import (
    BLOCK_NUMBERING,
    CLOSE_BRACKET,
    HEADLINE_MIN_WORDS,
    HEADLINE_WORD,
    HYPHENS,
    MAX_SHIRT,
    NOUNS,
    OPEN_BRACKET,
    PLURAL_NAME_TAGS,
    STREET_REACH,
    Context,
    year_like,
)


# -- names -----------------------------------------------------------------------------
def is_inside_name_entity(x: Context) -> bool:
    """'Euro 2016', 'World War 2': the number continues the proper-name entity before it."""
    p, f = x.prev, x.first
    return x.plain_count and p is not None and p.pos_ == "PROPN" and p.ent_type_ in x.words.name_labels \
        and f.ent_iob_ == "I" and f.ent_type_ == p.ent_type_


def is_model_number(x: Context) -> bool:
    """'Boeing 737 landed', 'Apollo 11': one number after a singular capitalised name, counting no noun, names a model."""
    p, a = x.prev, x.after
    if not x.plain_count or p is None or p.pos_ != "PROPN" or not any(c.isupper() for c in p.text):
        return False
    if x.cand.bound == "range" or p.tag_ == "NNPS":
        return False  # "the Social Democrats 160-175": a range of seats, and a plural name counts
    counts_nothing = a is None or a.pos_ not in NOUNS or a.ent_type_ in x.words.date_labels
    return p.lower_ not in x.words.months and x.first.text.isdigit() and x.bare_start and counts_nothing


def is_series_number(x: Context) -> bool:
    """'Falcon 9 flight', 'FTSE 100 index', 'Galaxy Note 20': a number after a product line or index names it."""
    p = x.prev
    return x.plain_count and x.bare_start and x.first.text.isdigit() and p is not None \
        and p.lower_ in x.words.name_series and any(c.isupper() for c in p.text)


def is_model_before_name(x: Context) -> bool:
    """'the 787 Dreamliner', 'a 737 Max': digits before a model word are the model's name."""
    a = x.after
    return x.plain_count and x.bare_end and x.first.text.isdigit() and a is not None and a.is_title \
        and a.lower_ in x.words.model_words_after


def is_year_in_name(x: Context) -> bool:
    """'the 2016 World Series', 'the 2003 Iron Bowl': a year inside a named event is its edition."""
    f, a = x.first, x.after
    return x.plain_count and x.bare_start and year_like(f.text) and f.ent_type_ in x.words.name_labels \
        and a is not None and a.is_title and a.ent_iob_ == "I" and a.ent_type_ == f.ent_type_


def is_house_number(x: Context) -> bool:
    """'10 Downing Street', 'at 221 Baker Street': digits before a street's name are an address."""
    if not x.plain_count or not x.bare_start or not x.bare_end or not x.first.text.isdigit():
        return False
    e = x.num.end
    for k in range(e, e + STREET_REACH + 1):
        t = x.tok(k)
        if t is None or not t.is_title:
            return False
        if k > e and t.lower_ in x.words.street_words:
            nxt = x.tok(k + 1)  # "5 Oxford Street shoppers" counts shoppers
            return nxt is None or nxt.pos_ not in NOUNS
    return False


def _house_digits(x: Context) -> bool:
    """A bare number in digits with no thousands comma, as house numbers are written ('3400', not '3,400')."""
    return x.plain_count and x.bare_start and x.bare_end and x.first.text.isdigit() and x.num.end - x.num.start == 1


def is_block_address(x: Context) -> bool:
    """'the 3400 block of North Avenue': hundreds before a singular 'block' are a US police address, not a count."""
    a = x.after
    return _house_digits(x) and x.num.value % BLOCK_NUMBERING == 0 and a is not None and a.lower_ in x.words.address_nouns


def is_compass_address(x: Context) -> bool:
    """'near 4500 South Halsted': digits, a compass word and a street's name ('600 North Korean soldiers' counts)."""
    d, name, nxt = x.after, x.tok(x.num.end + 1), x.tok(x.num.end + 2)
    if not _house_digits(x) or d is None or not d.is_title or d.lower_ not in x.words.compass_words:
        return False
    if name is None or not name.is_title or not x.doc.has_annotation("TAG"):
        return False  # without a tagger a street cannot be told from a people
    if name.tag_ in PLURAL_NAME_TAGS or name.ent_type_ in x.words.group_labels:
        return False  # "300 South Africans", "600 North Korean soldiers"
    return nxt is None or nxt.lower_ in x.words.street_words or nxt.pos_ not in NOUNS


def is_shirt_number(x: Context) -> bool:
    """'Prescott (4) threw': a small number in brackets right after a person's name is a shirt number."""
    p, a, name = x.prev, x.after, x.tok(x.num.start - 2)
    return x.plain_count and x.first.text.isdigit() and x.num.value < MAX_SHIRT and x.bare_start and x.bare_end \
        and p is not None and p.text == OPEN_BRACKET and a is not None and a.text == CLOSE_BRACKET \
        and name is not None and name.ent_type_ in x.words.person_labels


def is_product_feature(x: Context) -> bool:
    """'a six-speed gearbox', 'a five-door hatchback': a number hyphenated to a feature word describes a product."""
    a, word = x.after, x.tok(x.cand.end + 1)
    return x.plain_count and x.bare_end and a is not None and a.text in HYPHENS and not x.doc[x.cand.end - 1].whitespace_ \
        and not a.whitespace_ and word is not None and word.lower_ in x.words.feature_compounds


def _headline(x: Context) -> bool:
    """A Line Written In Title Case: none of its longer words starts lowercase."""
    words = [t for t in x.line() if t.is_alpha and len(t) >= HEADLINE_WORD]
    return len(words) >= HEADLINE_MIN_WORDS and not any(t.text[0].islower() for t in words)


def is_number_word_in_name(x: Context) -> bool:
    """'the Six Nations', 'BBC Radio Five Live': a Capitalised number word inside a sentence is part of a name."""
    f, p, a = x.first, x.prev, x.after
    if x.num.end - x.num.start != 1 or not f.is_alpha or not f.is_title or f.is_sent_start or p is None or not p.is_alpha:
        return False
    named = f.ent_type_ in x.words.name_labels  # the NER may tag the next word a common noun ('Nations')
    after_name = p.pos_ == "PROPN" and (p.is_title or p.is_upper)  # 'Radio Five', 'BBC Two'
    next_to_name = (a is not None and a.is_title and (a.pos_ == "PROPN" or named)) or after_name
    return next_to_name and not _headline(x)
