"""Actors: spellings merged within and across documents, and actor ids linked into claims."""

from __future__ import annotations

import io
import json

import pytest
import spacy
from rich.console import Console
from spacy.tokens import Doc

from claimx.across.actors import Actor, ActorIndex, find_acronyms, norm, slug
from claimx.components.extensions import set_extensions
from claimx.model import Claim, Figure, Source, TextSpan
from claimx.out.render import actors_table

BLANK = spacy.blank("en")


def hand_doc(text: str, ents: list[tuple[str, str]], doc_id: str = "a.txt") -> Doc:
    """A Doc with entities set by hand: (surface, label), each at its first unused occurrence."""
    set_extensions()
    doc = BLANK.make_doc(text)
    doc._.doc_id = doc_id
    spans, used = [], 0
    for surface, label in ents:
        start = text.index(surface, used)
        used = start + len(surface)
        span = doc.char_span(start, used, label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def hand_claim(doc: str, counted: str | None, source: Source | None = None) -> Claim:
    return Claim(doc=doc, figure=Figure(text="300", start=0, end=3, value=300.0), sentence=TextSpan("x", 0, 1),
                 counted=TextSpan(counted, 4, 4 + len(counted)) if counted else None, measure="killed", source=source)


def ids_for(index: ActorIndex, spellings: list[str]) -> set[str | None]:
    return {index.resolve(s) for s in spellings}


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korea’s", "north korea"),
    ("the NIS's", "nis"),
    ("U.S.", "us"),
    ("Kim Jong-un", "kim jong un"),
    ("François  Heisbourg", "francois heisbourg"),
])
def test_actors_norm_ignores_case_accents_dots_hyphens_possessive(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize(("name", "expected"), [("North Korea", "north-korea"), ("Kim Jong-un", "kim-jong-un")])
def test_actors_slug_is_stable(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("after a briefing with the National Intelligence Service (NIS), lawmakers said", [("NIS", "National Intelligence Service")]),
    ("the state-run Korean Central News Agency (KCNA) said", [("KCNA", "Korean Central News Agency")]),
    ("a fellow at the Foundation for Strategic Research (FSR) in Paris", [("FSR", "Foundation for Strategic Research")]),
    ("the Korean War (1950-53) ended", []),
    ("soldiers were killed (or injured) there", []),
    ("Donald Trump (R) said", []),
])
def test_actors_find_acronyms(text, expected):
    assert [(a, long) for a, long, *_ in find_acronyms(text)] == expected


@pytest.mark.parametrize(("docs", "spellings", "kind"), [
    # alias file: surname variants across documents
    ([("Ukrainian President Volodymyr Zelensky spoke.", [("Volodymyr Zelensky", "PERSON")]),
      ("Zelenskyy spoke.", [("Zelenskyy", "PERSON")])], ["Volodymyr Zelensky", "Zelenskyy"], "person"),
    # in-document: a lone surname takes the full name it belongs to
    ([("Lee Seong-kweun said so. Lee added more.", [("Lee Seong-kweun", "PERSON"), ("Lee", "PERSON")])],
     ["Lee Seong-kweun", "Lee"], "person"),
    # fuzzy: a misspelling the alias file does not list
    ([("Jennifer Mathers wrote it.", [("Jennifer Mathers", "PERSON")]),
      ("Jenifer Mathers wrote it.", [("Jenifer Mathers", "PERSON")])], ["Jennifer Mathers", "Jenifer Mathers"], "person"),
    # an acronym defined in the text, then used alone
    ([("The Foundation for Strategic Research (FSR) said. FSR added.", [("Foundation for Strategic Research", "ORG")])],
     ["Foundation for Strategic Research", "FSR"], "organisation"),
    # demonyms, capitals and possessives of a country
    ([("North Korean troops left.", [("North Korean", "NORP")]), ("Pyongyang denied it.", [("Pyongyang", "GPE")]),
      ("North Korea's army grew.", [("North Korea's", "GPE")])], ["North Korean", "Pyongyang", "North Korea"], "place"),
    # an organisation named with its owner: "South Korea's National Intelligence Service"
    ([("South Korea's National Intelligence Service said.", [("South Korea's National Intelligence Service", "ORG")]),
      ("The NIS said.", [("NIS", "ORG")])], ["National Intelligence Service", "NIS"], "organisation"),
])
def test_actors_from_docs_merges_spellings(docs, spellings, kind):
    index = ActorIndex.from_docs([hand_doc(t, e, f"{i}.txt") for i, (t, e) in enumerate(docs)], claims=[[] for _ in docs])
    ids = ids_for(index, spellings)
    assert len(ids) == 1 and None not in ids, ids
    assert index.get(ids.pop()).kind == kind


@pytest.mark.parametrize(("text", "ents", "apart"), [
    ("Kim Jong Un met Kim Byung-kee.", [("Kim Jong Un", "PERSON"), ("Kim Byung-kee", "PERSON")], ["Kim Jong Un", "Kim Byung-kee"]),
    ("Russia and Ukraine talked.", [("Russia", "GPE"), ("Ukraine", "GPE")], ["Russia", "Ukraine"]),
    ("Douglas Barrie met Thomas Gomart.", [("Douglas Barrie", "PERSON"), ("Thomas Gomart", "PERSON")],
     ["Douglas Barrie", "Thomas Gomart"]),
])
def test_actors_from_docs_keeps_different_actors_apart(text, ents, apart):
    index = ActorIndex.from_docs([hand_doc(text, ents)], claims=[[]])
    ids = ids_for(index, apart)
    assert len(ids) == len(apart) and None not in ids


@pytest.mark.parametrize(("text", "ents", "name", "mentions"), [
    ("Lee Seong-kweun said so. Lee added more.", [("Lee Seong-kweun", "PERSON"), ("Lee", "PERSON")], "Lee Seong-kweun", 2),
    ("Russia, Russia and Moscow.", [("Russia", "GPE"), ("Russia", "GPE"), ("Moscow", "GPE")], "Russia", 3),
])
def test_actors_count_mentions(text, ents, name, mentions):
    index = ActorIndex.from_docs([hand_doc(text, ents)], claims=[[]])
    assert index.get(index.resolve(name)).mentions == mentions


@pytest.mark.parametrize(("counted", "expected"), [
    ("North Korean soldiers", "north-korea"),
    ("North Koreans", "north-korea"),
    ("South Korean special forces", "south-korea"),
    ("troops", None),
    ("people", None),
])
def test_actors_link_sets_counted_actor(counted, expected):
    doc = hand_doc("North Korean and South Korean troops.", [("North Korean", "NORP"), ("South Korean", "NORP")])
    index = ActorIndex.from_docs([doc], claims=[[]])
    (linked,) = index.link([hand_claim("a.txt", counted)])
    assert linked.counted.actor == expected
    assert linked.to_dict()["counted"]["actor"] == expected  # and so in the JSON record


@pytest.mark.parametrize(("counted", "expected"), [
    ("US   Marines", "united-states"),  # words of a spelling over any white space
    ("us marines", None),  # a short spelling keeps its case: "us" is a pronoun
    ("Côte d’Ivoire’s peacekeepers", "cote-d-ivoire"),  # the curly apostrophe matches the straight one, and a possessive
    ("CÔTE D'IVOIRE police", "cote-d-ivoire"),  # a long spelling matches in any case
    ("Ivoire troops", None),  # every word of the spelling must be there
])
def test_actors_counted_actor_spellings(counted, expected):
    """A spelling is looked for only in a phrase holding each of its words (case-folded); found, its regex decides."""
    doc = hand_doc("The US and Côte d'Ivoire sent troops.", [("US", "GPE"), ("Côte d'Ivoire", "GPE")])
    index = ActorIndex.from_docs([doc], claims=[[]])
    (linked,) = index.link([hand_claim("a.txt", counted)])
    assert linked.counted.actor == expected


@pytest.mark.parametrize(("source", "expected"), [
    (Source(text="NIS", start=0, end=3, name="National Intelligence Service", kind="organisation"),
     "national-intelligence-service"),
    (Source(text="Kirby", start=0, end=5, name="Kirby", kind="person"), "john-kirby"),
    (Source(text="reports", start=0, end=7, name="reports", kind="vague"), None),
    (Source(text="Somebody Unknown", start=0, end=16, name="Somebody Unknown", kind="person"), None),
])
def test_actors_link_sets_source_actor(source, expected):
    doc = hand_doc("The National Intelligence Service (NIS) and John Kirby.",
                   [("National Intelligence Service", "ORG"), ("John Kirby", "PERSON")])
    index = ActorIndex.from_docs([doc], claims=[[]])
    claim = hand_claim("b.txt", "troops", source)
    (linked,) = index.link([claim])
    assert linked.source.actor == expected
    assert claim.source.actor is None  # records are frozen: link returns new ones


@pytest.mark.parametrize("fmt", ["dict", "table"])
def test_actors_output(fmt):
    doc = hand_doc("Volodymyr Zelensky and Zelenskyy.", [("Volodymyr Zelensky", "PERSON"), ("Zelenskyy", "PERSON")])
    index = ActorIndex.from_docs([doc], claims=[[]])
    if fmt == "dict":
        d = index.actors[0].to_dict()
        assert json.loads(json.dumps(d)) == d
        assert set(d) == {f for f in Actor.__dataclass_fields__}
        assert d["name"] == "Volodymyr Zelensky" and "Zelenskyy" in d["aliases"]
    else:
        out = io.StringIO()
        Console(width=140, file=out, color_system=None).print(actors_table(index.actors))
        assert "volodymyr-zelensky" in out.getvalue() and "Zelenskyy" in out.getvalue()


# --- the seed articles ---------------------------------------------------------------------


@pytest.mark.parametrize(("fragment", "expected_name"), [
    ("zelensk", "Volodymyr Zelensky"),  # Zelensky / Zelenskyy / Ukrainian President Volodymyr Zelensky
    ("intelligence service", "National Intelligence Service"),  # and NIS, South Korea's ...
])
def test_actors_seeds_merge_spellings(seed_actors, fragment, expected_name):
    owners = [a for a in seed_actors.actors if any(fragment in norm(s) for s in a.aliases)]
    assert [a.name for a in owners] == [expected_name]
    assert len(owners[0].documents) >= 3


@pytest.mark.parametrize(("spellings", "expected"), [
    (["Zelensky", "Zelenskyy", "Volodymyr Zelenskyy", "Ukrainian President Volodymyr Zelensky"], "volodymyr-zelensky"),
    (["NIS", "National Intelligence Service", "South Korea's National Intelligence Service"], "national-intelligence-service"),
    (["North Korean", "Pyongyang", "North Korea's"], "north-korea"),
    (["Lee", "Lee Seong-kweun"], "lee-seong-kweun"),
])
def test_actors_seeds_resolve(seed_actors, spellings, expected):
    assert ids_for(seed_actors, spellings) == {expected}


@pytest.mark.parametrize(("figure", "source_actor", "counted_actor"), [
    ("around 300", "national-intelligence-service", "north-korea"),
    ("approximately 1,000", "john-kirby", "north-korea"),
    ("over 3,000", "volodymyr-zelensky", "north-korea"),
])
def test_actors_seeds_link(seed_claims, seed_actors, figure, source_actor, counted_actor):
    claim = next(c for c in seed_claims if c.figure.text == figure and c.measure in ("killed", "casualties"))
    assert claim.source.actor == source_actor
    assert claim.counted.actor == counted_actor
    actor = seed_actors.get(source_actor)
    assert f"{claim.doc}:{claim.figure.start}" in actor.claims_made


# -- the alias lexicon a pipeline is built with decides the ids in its records (issue 9's bug) --

ALIAS_CASES = [
    ("According to army spokesperson Daniel Okafor, about 1,000 soldiers were killed last week.", "Daniel Okafor"),
    ("The finance minister, Maria Lopez, said exports fell by 12% in the first quarter.", "Maria Lopez"),
]


def _alias_lexicons(tmp_path, spelling: str):
    (tmp_path / "aliases.json").write_text(json.dumps(
        {"actors": {"Test Canonical Office": {"kind": "organisation", "aliases": [spelling]}}}), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("text", "spelling"), ALIAS_CASES)
def test_actors_lexicons_aliases_decide_source_actor_in_extract_text(tmp_path, text, spelling):
    import claimx

    nlp = claimx.load(lexicons=str(_alias_lexicons(tmp_path, spelling)))
    sources = [c.source for c in claimx.extract_text(nlp, text, "a.txt") if c.source is not None]
    assert sources, "the sentence should give a sourced figure"
    assert {s.actor for s in sources} == {"test-canonical-office"}


@pytest.mark.parametrize(("text", "spelling"), ALIAS_CASES)
def test_actors_lexicons_aliases_decide_source_actor_in_cli_extract(tmp_path, text, spelling):
    from typer.testing import CliRunner

    from claimx.cli import app

    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    (tmp_path / "lex").mkdir()
    lex = _alias_lexicons(tmp_path / "lex", spelling)
    result = CliRunner().invoke(app, ["extract", str(article), "--lexicons", str(lex), "-f", "jsonl", "-q"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert {r["source"]["actor"] for r in records if r["source"]} == {"test-canonical-office"}


def test_actors_doc_claims_are_pure(nlp):
    """doc._.claims carries no actor ids: linking needs the pipeline's lexicons, which the Doc does not know."""
    doc = nlp("According to White House spokesperson John Kirby, about 1,000 soldiers were killed last week.")
    assert doc._.claims and all(c.source is None or c.source.actor is None for c in doc._.claims)


@pytest.mark.parametrize(("key", "added"), [
    ("zelenskyy", []),
    ("zelenskyy", ["zelenskiy", "zelensky aide"]),  # free spellings after the aliases: a tie goes to the alias
    ("kim yong-bok", ["kim yong bok", "kim yongbok", "kim yong-boks", "kim yong-bo", "kim yang-bok", "kim yong-bak"]),
])
def test_close_targets_as_one_search_over_aliases_then_free_spellings(key, added):
    """The alias part is remembered per process; the answer is what one rapidfuzz search over both lists gives."""
    from rapidfuzz import fuzz, process

    from claimx.across.actors import FUZZY_CANDIDATES, _close_targets
    from claimx.components.mentions import ActorLexicon

    lex = ActorLexicon.load()
    whole = [*lex.alias_targets, *(a for a in added if a not in lex.alias_targets)]
    expected = [(c, s) for c, s, _ in process.extract(key, whole, scorer=fuzz.ratio, score_cutoff=lex.threshold,
                                                      limit=FUZZY_CANDIDATES)]
    assert _close_targets(key, lex, [a for a in added if a not in lex.alias_targets]) == expected
    aliases_only = [(c, s) for c, s, _ in process.extract(key, list(lex.alias_targets), scorer=fuzz.ratio,
                                                          score_cutoff=lex.threshold, limit=FUZZY_CANDIDATES)]
    assert _close_targets(key, lex, []) == aliases_only
