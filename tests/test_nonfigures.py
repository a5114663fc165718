"""The rule table of claimx/nonfigures.py: what makes a number no figure.

Sentence-level behaviour is tested in test_figures.py with the trained model; here the
table itself is checked, and rules that read only tokens run on hand-built Docs.
"""

from __future__ import annotations

import inspect

import pytest

from claimx import nonfigures
from claimx.nonfigures import NOT_FIGURE_RULES


@pytest.mark.parametrize("rule", NOT_FIGURE_RULES, ids=lambda r: r.__name__)
def test_nonfigures_rule_is_named_and_says_why(rule):
    doc = inspect.getdoc(rule)
    assert rule.__name__.startswith("is_"), "a rule is a predicate named is_<what the number is>"
    assert doc and "\n" not in doc.strip(), f"{rule.__name__} needs a one-line docstring saying why"


def test_nonfigures_every_rule_is_in_the_table():
    defined = {name for name, f in inspect.getmembers(nonfigures, inspect.isfunction)
               if name.startswith("is_") and f.__module__ == nonfigures.__name__}
    assert defined == {r.__name__ for r in NOT_FIGURE_RULES}
