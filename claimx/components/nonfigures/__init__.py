"""What is a number but not a figure: the rules of `claimx_figures`, one small predicate each.

A number read by `numbers.py` and grown into a phrase by `figures.py` is kept as a figure
unless one rule of `NOT_FIGURE_RULES` says it is something else: a date, a year, a clock
time, an age, a code, a name, a list marker, page furniture (gallery counters, reading
times, comment counts). Each rule sees the candidate through a `Context` and its words
come from `lexicons/nonfigures.json`; the order of the table does not change the result.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import Candidate
from .context import HYPHENS, Context, Rule, Words, year_like
from .furniture import (
    is_code_after_letters,
    is_counter_alone_on_a_line,
    is_digit_group,
    is_first_part_of_code,
    is_gallery_counter,
    is_idiomatic_half,
    is_labelled_after_colon,
    is_labelled_number,
    is_list_marker,
    is_page_furniture,
    is_phone_number,
    is_photo_counter_total,
    is_pronoun_one,
    is_second_part_of_code,
)
from .names import (
    is_block_address,
    is_compass_address,
    is_house_number,
    is_inside_name_entity,
    is_model_before_name,
    is_model_number,
    is_number_word_in_name,
    is_product_feature,
    is_series_number,
    is_shirt_number,
    is_year_in_name,
)
from .times import (
    is_age_after_name,
    is_calendar_day,
    is_clock_time,
    is_compound_duration_tail,
    is_date_span_end,
    is_date_stamp_year,
    is_dotted_clock_time,
    is_duration_not_wanted,
    is_possessive_year,
    is_year,
    is_year_before_singular_noun,
)

__all__ = ["HYPHENS", "NOT_FIGURE_RULES", "Context", "Rule", "Words", "not_figure_rule", "rules_table", "year_like"]


NOT_FIGURE_RULES: tuple[Rule, ...] = (
    is_code_after_letters,
    is_second_part_of_code,
    is_first_part_of_code,
    is_labelled_number,
    is_labelled_after_colon,
    is_photo_counter_total,
    is_gallery_counter,
    is_digit_group,
    is_phone_number,
    is_age_after_name,
    is_page_furniture,
    is_counter_alone_on_a_line,
    is_list_marker,
    is_clock_time,
    is_dotted_clock_time,
    is_year,
    is_year_before_singular_noun,
    is_possessive_year,
    is_date_stamp_year,
    is_calendar_day,
    is_date_span_end,
    is_compound_duration_tail,
    is_inside_name_entity,
    is_model_number,
    is_series_number,
    is_model_before_name,
    is_year_in_name,
    is_house_number,
    is_block_address,
    is_compass_address,
    is_shirt_number,
    is_product_feature,
    is_number_word_in_name,
    is_duration_not_wanted,
    is_pronoun_one,
    is_idiomatic_half,
)


def not_figure_rule(doc: Doc, cand: Candidate, words: Words, durations: bool = True) -> Rule | None:
    """The first rule that says the candidate is no figure, None when it is one."""
    x = Context(doc, cand, words, durations)
    return next((rule for rule in NOT_FIGURE_RULES if rule(x)), None)


def rules_table() -> str:
    """The rule table as text, one line per rule: its name and why (appended to this module's docstring)."""
    return "\n".join(f"- `{r.__name__}`: {(r.__doc__ or '').strip()}" for r in NOT_FIGURE_RULES)


__doc__ = f"{__doc__}\nThe rules, in table order:\n\n{rules_table()}\n"
