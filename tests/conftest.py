"""Shared fixtures: one trained pipeline per test session (loading it is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return claimx.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract("text") -> list of Claim."""

    def run(text: str, doc_id: str = "test.txt"):
        return claimx.extract_text(nlp, text, doc_id)

    return run


@pytest.fixture(scope="session")
def figure_of(extract):
    """figure_of(sentence, figure_text) -> the Claim whose figure text contains figure_text."""

    def run(text: str, contains: str):
        claims = extract(text)
        hits = [c for c in claims if contains in c.figure.text]
        assert hits, f"no figure containing {contains!r} in {[c.figure.text for c in claims]}"
        return hits[0]

    return run
