"""Shared fixtures: one trained pipeline per test session (loading it is the slow part)."""

from __future__ import annotations

import json
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


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """The seed articles as processed Docs named by file, for actors and compare."""
    from claimx.io import Document, read_inputs
    from claimx.pipeline import make_doc

    items = [d for d in read_inputs([str(SEEDS)]) if isinstance(d, Document)]
    return list(nlp.pipe(make_doc(nlp, d.text, d.name, d.date) for d in items))


@pytest.fixture(scope="session")
def seed_actors(seed_docs):
    """ActorIndex over the seed articles."""
    from claimx.actors import ActorIndex

    return ActorIndex.from_docs(seed_docs)


@pytest.fixture(scope="session")
def seed_claims(seed_docs, seed_actors):
    """The seed articles' claims with actor ids linked, in document and text order."""
    return seed_actors.link([c for doc in seed_docs for c in doc._.claims])


@pytest.fixture(scope="session")
def seed_groups(seed_claims, seed_actors):
    """compare() over the seed articles."""
    from claimx.compare import compare

    return compare(seed_claims, seed_actors)


# -- helpers shared by the CLI tests (plain functions, imported from conftest) --

def records(stdout: str) -> list[dict]:
    """JSONL, line by line: every line one JSON object, nothing else."""
    if not stdout:
        return []
    assert stdout.endswith("\n"), "JSONL output must end with a newline"
    out = []
    for n, line in enumerate(stdout.splitlines(), 1):
        assert line.strip(), f"blank line {n} in JSONL output"
        rec = json.loads(line)
        assert isinstance(rec, dict), f"line {n} is not a JSON object"
        out.append(rec)
    return out


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def spy_on_stream(monkeypatch) -> list[str]:
    """The names of the documents `extract` reads from now on (a --resume run skips those done)."""
    import claimx.batch

    seen: list[str] = []
    real = claimx.batch.extract_stream

    def spy(items, **kw):
        items = list(items)
        seen.extend(i.name for i in items)
        return real(items, **kw)

    monkeypatch.setattr(claimx.batch, "extract_stream", spy)
    return seen
