"""claimx as spaCy components: entry points, save/load, user lexicons, packaged data, records.

The safety nets of STYLE.md point 11: the factories work without importing claimx, a
pipeline with claimx in it survives `to_disk`/`spacy.load`, every packaged data file
loads, and every record is valid against the schema with offsets that index the text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import jsonschema
import pytest
import spacy
from conftest import SEEDS
from spacy.matcher import Matcher

import claimx
from claimx.data import load_lexicon, load_patterns
from claimx.run.pieces import plan_pieces

FACTORIES = ["claimx", "claimx_figures", "claimx_counted"]
PACKAGE = resources.files("claimx")
LEXICON_FILES = sorted(p.name for p in PACKAGE.joinpath("lexicons").iterdir() if p.name.endswith(".json"))
PATTERN_FILES = sorted(p.name for p in PACKAGE.joinpath("patterns").iterdir() if p.name.endswith(".jsonl"))
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
SCHEMA = json.loads(PACKAGE.joinpath("schema", "claim.schema.json").read_text(encoding="utf-8"))
SPAN_FIELDS = ["figure", "counted", "sentence", "source", "cue", "time"]

# run in a fresh interpreter: nothing here imports claimx, so only the entry points can find the factory
BLANK_SCRIPT = """
import json, sys
import spacy
assert "claimx" not in sys.modules, "the test itself must not import claimx"
nlp = spacy.blank("en")
nlp.add_pipe(sys.argv[1])
doc = nlp("Over 300 soldiers were killed and about 40 were wounded.")
print(json.dumps({"pipes": nlp.pipe_names, "spans": [s.text for s in doc.spans.get("claimx", [])]}))
"""


def seed_text(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8")


def user_dir(root: Path, files: dict[str, object]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        jsonl = name.endswith(".jsonl")
        text = "".join(json.dumps(row) + "\n" for row in content) if jsonl else json.dumps(content)
        (root / name).write_text(text, encoding="utf-8")
    return root


def figures_of(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.figure.bound) for s in doc.spans.get("claimx", [])]


# -- factories and entry points ----------------------------------------

@pytest.mark.parametrize("factory", FACTORIES)
def test_factories_entry_point_declared(factory):
    eps = {ep.name: ep for ep in metadata.entry_points(group="spacy_factories")}
    assert factory in eps, f"{factory} missing from the spacy_factories entry points"
    assert callable(eps[factory].load())


@pytest.mark.parametrize("factory", FACTORIES)
def test_factories_blank_add_pipe_without_import(tmp_path, factory):
    proc = subprocess.run([sys.executable, "-c", BLANK_SCRIPT, factory], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["pipes"] == [factory]
    if factory != "claimx_counted":  # counted alone finds no figures: it reads the figures' spans
        assert out["spans"] == ["Over 300", "about 40"]


@pytest.mark.parametrize("factory", ["claimx_figures", "claimx"])
def test_factories_blank_pipeline_finds_figures(factory):
    nlp = spacy.blank("en")
    nlp.add_pipe(factory)
    got = figures_of(nlp, "Over 300 soldiers and between 40 and 50 tanks.")
    assert got == [("Over 300", "min"), ("between 40 and 50", "range")]


# -- save and load -----------------------------------------------------

@pytest.mark.parametrize("seed", SEED_FILES)
def test_pipeline_to_disk_round_trip_same_claims(nlp, tmp_path_factory, seed):
    path = tmp_path_factory.mktemp("saved")
    nlp.to_disk(path)
    loaded = spacy.load(path)
    assert loaded.pipe_names == nlp.pipe_names
    text = seed_text(seed)
    before = claimx.extract_text(nlp, text, seed)
    after = claimx.extract_text(loaded, text, seed)
    assert before, f"no claims in {seed}"
    assert after == before


@pytest.mark.parametrize(("text", "lexicon"), [(
    "About 300 soldiers were vaporised in the attack.",
    {"measures": {"killed": {"lemmas": ["vaporise", "vaporize"]}}},
)])
def test_pipeline_to_disk_keeps_user_lexicon(nlp, tmp_path, text, lexicon):
    lexicons = user_dir(tmp_path / "lexicons", {"measures.json": lexicon})
    custom = claimx.load(lexicons=str(lexicons))
    custom.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert [c.measure for c in claimx.extract_text(nlp, text)] == [None]
    assert [c.measure for c in claimx.extract_text(loaded, text)] == ["killed"]


def test_pipeline_to_disk_keeps_user_scope_and_time_words(nlp, tmp_path):
    """scope.json and times.json travel with the pipeline like the other lexicons (a user's extra addition word here)."""
    text = "The army sent a tranche of 900 troops to the border."
    lexicons = user_dir(tmp_path / "lexicons", {"scope.json": {"addition_phrases": ["tranche"]}})
    custom = claimx.load(lexicons=str(lexicons))
    custom.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    assert [c.scope for c in claimx.extract_text(nlp, text)] != ["addition"]
    assert [c.scope for c in claimx.extract_text(custom, text)] == ["addition"]
    assert [c.scope for c in claimx.extract_text(loaded, text)] == ["addition"]


@pytest.mark.parametrize("factory", ["claimx_figures", "claimx"])
def test_pipeline_blank_to_disk_round_trip(tmp_path, factory):
    nlp = spacy.blank("en")
    nlp.add_pipe(factory)
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    text = "Over 300 soldiers, nearly $2 billion and 40% of the area."
    assert figures_of(loaded, text) == figures_of(nlp, text)


# -- user lexicons -----------------------------------------------------

@pytest.mark.parametrize(("text", "lexicon"), [(
    "About 300 soldiers were vaporised in the attack.",
    {"measures": {"killed": {"lemmas": ["vaporise", "vaporize"]}}},
)])
def test_pipeline_user_lexicon_adds_measure_word(nlp, tmp_path, text, lexicon):
    lexicons = user_dir(tmp_path / "lexicons", {"measures.json": lexicon})
    custom = claimx.load(lexicons=str(lexicons))
    assert [c.measure for c in claimx.extract_text(nlp, text)] == [None]
    assert [c.measure for c in claimx.extract_text(custom, text)] == ["killed"]


@pytest.mark.parametrize(("text", "files", "before", "after"), [
    ("Over 200 people boarded bus 370.",
     {"nonfigures.json": {"number_blockers_before": ["bus"]}},
     [("Over 200", "min"), ("370", "exact")], [("Over 200", "min")]),
    ("Ballpark 300 bags were lost.",
     {"bounds.jsonl": [{"label": "approx", "pattern": [{"LOWER": "ballpark"}], "id": "prefix"}]},
     [("300", "exact")], [("Ballpark 300", "approx")]),
])
def test_pipeline_user_lexicon_figures(tmp_path, text, files, before, after):
    lexicons = user_dir(tmp_path / "lexicons", files)
    plain = spacy.blank("en")
    plain.add_pipe("claimx_figures")
    custom = spacy.blank("en")
    custom.add_pipe("claimx_figures", config={"lexicons": str(lexicons)})
    assert figures_of(plain, text) == before
    assert figures_of(custom, text) == after


@pytest.mark.parametrize("name", ["measures.json"])
def test_pipeline_user_lexicon_merges_not_replaces(tmp_path, name):
    lexicons = user_dir(tmp_path / "lexicons", {name: {"measures": {"killed": {"lemmas": ["vaporise"]}}}})
    packaged = load_lexicon(name)
    merged = load_lexicon(name, lexicons)
    assert set(merged["measures"]) == set(packaged["measures"])
    assert set(packaged["measures"]["killed"]["lemmas"]) < set(merged["measures"]["killed"]["lemmas"])
    assert "vaporise" in merged["measures"]["killed"]["lemmas"]


# -- packaged data -----------------------------------------------------

@pytest.mark.parametrize("name", LEXICON_FILES)
def test_data_packaged_lexicon_loads(name):
    data = load_lexicon(name)
    assert isinstance(data, dict)
    assert data


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_data_packaged_patterns_load(name):
    rows = load_patterns(name)
    assert rows
    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    for i, row in enumerate(rows):
        assert {"label", "pattern"} <= row.keys(), f"{name} line {i + 1}"
        matcher.add(f"{row['label']}_{i}", [row["pattern"]])  # raises on an invalid token pattern


@pytest.mark.parametrize("names", [(LEXICON_FILES, PATTERN_FILES)])
def test_data_packaged_files_found(names):
    lexicons, patterns = names
    assert "measures.json" in lexicons
    assert patterns, "no packaged pattern files"


# -- records -----------------------------------------------------------

@pytest.mark.parametrize("schema", [SCHEMA])
def test_records_schema_is_valid(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("seed", SEED_FILES)
def test_records_seeds_validate_against_schema(nlp, seed):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    claims = claimx.extract_text(nlp, seed_text(seed), seed)
    assert claims
    for claim in claims:
        record = json.loads(json.dumps(claim.to_dict()))
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (claim.figure.text, errors)
        assert record["doc"] == seed


@pytest.mark.parametrize("field", SPAN_FIELDS)
def test_records_seeds_offsets_exact(nlp, field):
    checked = 0
    for seed in SEED_FILES:
        text = seed_text(seed)
        for claim in claimx.extract_text(nlp, text, seed):
            span = claim.to_dict()[field]
            if span is None:
                continue
            assert text[span["start"]:span["end"]] == span["text"], (seed, field, span)
            checked += 1
    if field in ("figure", "counted", "sentence"):
        assert checked, f"no {field} on the seeds"


@pytest.mark.parametrize("seed", SEED_FILES)
def test_records_figure_inside_its_sentence(nlp, seed):
    for claim in claimx.extract_text(nlp, seed_text(seed), seed):
        assert claim.sentence.start <= claim.figure.start < claim.figure.end <= claim.sentence.end
        if claim.counted is not None:
            assert claim.sentence.start <= claim.counted.start < claim.counted.end <= claim.sentence.end


@pytest.mark.parametrize("n_process", [2])
def test_pipeline_records_travel_between_processes(nlp, n_process):
    """spaCy's own multiprocessing ships Docs as msgpack: claimx's records must survive it."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:3]]
    one = [doc._.claims for doc in nlp.pipe(texts)]
    many = [doc._.claims for doc in nlp.pipe(texts, n_process=n_process)]
    assert sum(map(len, one)) > 0
    assert many == one


@pytest.mark.parametrize("seed", ["000_a93a1a1db57691a4.txt"])
def test_pipeline_doc_bytes_round_trip(nlp, seed):
    from spacy.tokens import Doc

    doc = nlp((SEEDS / seed).read_text(encoding="utf-8"))
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.figure for s in back.spans["claimx"]] == [s._.figure for s in doc.spans["claimx"]]
    assert [s._.source for s in back.spans["claimx"]] == [s._.source for s in doc.spans["claimx"]]
    assert [s._.counted for s in back.spans["claimx"]] == [s._.counted for s in doc.spans["claimx"]]


# -- long documents: pieces in a bounded window, state carried forward --------

FILLER = "The council met in the old hall and talked for a long time about roads and schools.\n"
MEMORY_SCRIPT = """
import resource, sys
from pathlib import Path
import claimx
from claimx.read.io import Document
from claimx.run.pipeline import extract_documents

nlp = claimx.load()
seeds = "\\n\\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt")))
def peak_after(text):
    (_, claims), = extract_documents(nlp, [Document("t.txt", "t.txt", text)])
    assert claims, "no claims: the text did not run"
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
short = peak_after(seeds[:20_000])
long = peak_after((seeds + "\\n\\n") * (int(sys.argv[2]) // len(seeds) + 1))
print(short, long)
"""


def long_text(*paragraphs: str, ends_at: int) -> str:
    """Filler lines, then the paragraphs one a line, the first ending exactly at `ends_at`; then more filler."""
    pad = ends_at - len(paragraphs[0]) - 1
    partial = pad % len(FILLER)
    filler = FILLER * (pad // len(FILLER)) + (("So it went on. " * 9)[:partial - 1] + "\n" if partial else "")
    return filler + "".join(p + "\n" for p in paragraphs) + FILLER * 3


@pytest.mark.parametrize(("in_flight", "max_length"), [(1, 3000), (8000, 3000)])
def test_pipeline_pieces_in_a_window_equal_all_pieces_at_once(nlp, monkeypatch, in_flight, max_length):
    from claimx.read.io import Document
    from claimx.run import pipeline

    text = "\n\n".join(seed_text(name) for name in SEED_FILES)
    monkeypatch.setattr(nlp, "max_length", max_length)
    doc = Document("long.txt", "long.txt", text)
    monkeypatch.setattr(pipeline, "PIECE_CHARS_IN_FLIGHT", 10**9)  # the old way: every piece in one nlp.pipe
    (_, at_once), = pipeline.extract_documents(nlp, [doc], batch_size=10**6)
    windows: list[int] = []
    real = pipeline._Runner.run_window
    monkeypatch.setattr(pipeline._Runner, "run_window", lambda self, w: (windows.append(len(w)), real(self, w)))
    monkeypatch.setattr(pipeline, "PIECE_CHARS_IN_FLIGHT", in_flight)
    (_, windowed), = pipeline.extract_documents(nlp, [doc])
    assert len(windows) > 1 and max(windows) <= max(1, in_flight // 2000), windows
    assert at_once and windowed == at_once


@pytest.mark.parametrize("docs", [10, 3])
def test_pipeline_first_window_is_small_and_changes_no_claim(nlp, monkeypatch, docs):
    """The first nlp.pipe window of a one-process run holds FIRST_WINDOW_PIECES pieces, so its first claims come out
    soon; the windows after it are full, and the claims are those of one window for all."""
    from claimx.read.io import Document
    from claimx.run import pipeline
    from claimx.run.pieces import FIRST_WINDOW_PIECES

    items = [Document(f"{i}.txt", f"{i}.txt", f"Floods killed {i + 2} people in the valley, officials said.\n")
             for i in range(docs)]
    windows: list[int] = []
    real = pipeline._Runner.run_window
    monkeypatch.setattr(pipeline._Runner, "run_window", lambda self, w: (windows.append(len(w)), real(self, w)))
    claims = list(pipeline.extract_documents(nlp, items, first_window=FIRST_WINDOW_PIECES))
    first = min(docs, FIRST_WINDOW_PIECES)
    assert windows == [first] + ([docs - first] if docs > first else [])
    windows.clear()
    assert claims == list(pipeline.extract_documents(nlp, items)) and all(c for _, c in claims)
    assert windows == [docs]  # without it (a worker's batch), one full window


@pytest.mark.parametrize(("speaker", "pronoun_line", "name"), [
    ("Ana Ortiz, the mayor of the town, spoke to reporters on Monday morning.",
     "She said 40 homes were destroyed by the flood.", "Ana Ortiz"),
    ("Mark Hale, the coach of the club, spoke after the match on Saturday.",
     "He said 12 players were injured this season.", "Mark Hale"),
])
def test_pipeline_later_piece_finds_speaker_before_it(nlp, monkeypatch, speaker, pronoun_line, name):
    from claimx.read.io import Document
    from claimx.run import pipeline

    text = long_text(speaker, pronoun_line, ends_at=3000)
    monkeypatch.setattr(nlp, "max_length", 3000)
    plan = plan_pieces(text, nlp.max_length)
    assert text.index(pronoun_line) in [s for s, _ in plan.pieces], "the pronoun opens a piece"
    (_, claims), = pipeline.extract_documents(nlp, [Document("t.txt", "t.txt", text)])
    (claim,) = claims
    assert claim.source is not None and claim.source.name == name
    assert text[claim.source.start:claim.source.end] == claim.source.text


@pytest.mark.parametrize(("dateline", "line", "date"), [
    ("Published May 3, 2025, by the city desk.", "Last week, 30 people were killed in the floods.",
     "2025-04-26/2025-05-03"),
    ("Published March 9, 2024, by the sports desk.", "Last month, 8 players were injured in training.",
     "2024-02"),  # the calendar month before the article's
])
def test_pipeline_later_piece_resolves_time_against_earlier_date(nlp, monkeypatch, dateline, line, date):
    from claimx.read.io import Document
    from claimx.run import pipeline

    text = dateline + "\n" + long_text(line, ends_at=4000)
    monkeypatch.setattr(nlp, "max_length", 3000)
    plan = plan_pieces(text, nlp.max_length)
    assert all(dateline not in plan.text[v:e] for v, (_, e) in zip(plan.context, plan.pieces, strict=True)
               if line in plan.text[v:e]), "the date is not in the figure's piece"
    (_, claims), = pipeline.extract_documents(nlp, [Document("t.txt", "t.txt", text)])
    (claim,) = claims
    assert claim.time is not None and claim.time.date == date


@pytest.mark.parametrize(("opening", "closing"), [
    ('"We lost the bridge and the school.', 'Some 26 homes are gone," said Ortiz.'),
    ('"The season has been hard on all of us.', 'About 9 players are hurt," said Hale.'),
])
def test_pipeline_piece_opening_inside_a_quotation_reads_its_opening(nlp, monkeypatch, opening, closing):
    from claimx.read.io import Document
    from claimx.run import pipeline

    # one paragraph longer than a piece: narration, then a quotation that a cut falls inside
    narration = "The river rose in the night and the roads closed one by one. " * 25
    middle = " We will need months to rebuild what the storm took from the town." * 25
    paragraph = narration + opening + middle + " " + closing
    text = FILLER * 20 + paragraph + "\n" + FILLER * 3
    monkeypatch.setattr(nlp, "max_length", 3000)
    plan = plan_pieces(text, nlp.max_length)
    cut = [s for s, _ in plan.pieces if text.index(opening) < s <= text.index(closing)]
    assert cut, "a piece opens inside the quotation"
    assert plan.context[plan.pieces.index(next(p for p in plan.pieces if p[0] == cut[0]))] <= text.index(opening)
    (_, claims), = pipeline.extract_documents(nlp, [Document("t.txt", "t.txt", text)])
    (claim,) = [c for c in claims if c.figure.start > text.index(closing) - 1]
    assert claim.quote


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.parametrize("size", [2 * 10**6])
def test_pipeline_peak_memory_bounded_by_the_piece(size):
    out = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(SEEDS), str(size)], capture_output=True,
                         text=True, check=True, timeout=3600)
    short, long = map(int, out.stdout.split())
    # before pieces ran in a bounded window, 2 MB peaked near 6 GB (about 25x the short text)
    assert long < 2 * short, (short, long)
