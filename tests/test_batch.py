"""Batch runs: streaming, --jobs, --resume, progress and summary, JSONL/HTML input, long documents."""

from __future__ import annotations

import io
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import spy_on_stream
from rich.console import Console
from typer.testing import CliRunner

import claimx
import claimx.out.writers
import claimx.run.batch as batch
from claimx.cli import app
from claimx.errors import InputError
from claimx.read.io import Document, read_inputs
from claimx.run.batch import extract_stream, resume_done, run
from claimx.run.pieces import CHUNK_CHARS, plan_pieces
from claimx.run.pipeline import extract_documents
from claimx.run.progress import Progress

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KILLED = "Over 300 soldiers were killed in the fighting, officials said.\n"
DEPLOYED = "Some 1,500 police officers were deployed to the capital.\n"


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def corpus(folder: Path, copies: int) -> Path:
    """The seeds, `copies` times each, plus a bad file in the middle."""
    for i, seed in itertools.product(range(copies), sorted(SEEDS.glob("*.txt"))):
        write(folder / f"c{i}" / f"{i}_{seed.name}", seed.read_bytes())
    write(folder / "c0" / "zz_binary.txt", b"\x00\x01\x02")
    return folder


def check_offsets(rec: dict, text: str) -> None:
    for key in ("figure", "counted", "sentence", "source", "cue", "time"):
        span = rec.get(key)
        if span is not None:
            assert text[span["start"]:span["end"]] == span["text"], (key, span)


# -- --jobs --------------------------------------------------------------

@pytest.mark.workers
@pytest.mark.parametrize("jobs", ["2", "0"])
def test_batch_jobs_same_records_same_order(tmp_path, jobs):
    folder = corpus(tmp_path / "in", 3)
    one = runner.invoke(app, ["extract", str(folder), "--jobs", "1", "--batch-size", "4"])
    many = runner.invoke(app, ["extract", str(folder), "--jobs", jobs, "--batch-size", "4"])
    assert one.exit_code == 1, one.output  # the binary file
    assert many.exit_code == 1, many.output
    assert records(one.stdout), "the corpus has claims"
    assert many.stdout == one.stdout
    assert many.stderr == one.stderr
    assert "zz_binary.txt" in many.stderr


@pytest.mark.workers
@pytest.mark.parametrize(("cores", "memory", "jobs"), [
    (4, 8 * 2**30, 4),  # memory to spare: a worker per core
    (8, 600 * 2**20, 2),  # many cores, little memory: as many as it holds at about 250 MB each
    (2, 100 * 2**20, 1),  # too little for one: still one
    (3, None, 3),  # memory unknown: the cores
])
def test_batch_usable_jobs_cores_capped_by_memory(cores, memory, jobs):
    assert batch.usable_jobs(cores, memory) == jobs


@pytest.mark.workers
@pytest.mark.parametrize(("given", "corpus", "expected"), [
    (None, True, "usable"), (None, False, 1), (0, False, "usable"), (1, True, 1), (3, False, 3)])
def test_batch_resolve_jobs_default_depends_on_the_input(given, corpus, expected):
    assert batch.resolve_jobs(given, corpus) == (batch.usable_jobs() if expected == "usable" else expected)


@pytest.mark.workers
@pytest.mark.parametrize("copies", [2])
def test_batch_default_jobs_for_a_folder_all_usable_cores_same_records(tmp_path, monkeypatch, copies):
    """`claimx extract FOLDER` with no --jobs runs a worker per usable core (two here), and writes what -j 1 does;
    one file runs in this process."""
    folder = corpus(tmp_path / "in", copies)
    monkeypatch.setattr(batch, "_usable_cores", lambda: 2)
    real, passed = batch.extract_stream, []
    monkeypatch.setattr(batch, "extract_stream", lambda items, **kw: (passed.append(kw["jobs"]), real(items, **kw))[1])
    default = runner.invoke(app, ["extract", str(folder), "--batch-size", "4"])
    one = runner.invoke(app, ["extract", str(folder), "--jobs", "1", "--batch-size", "4"])
    single = runner.invoke(app, ["extract", str(next(folder.rglob("*_00*.txt")))])
    assert passed == [batch.usable_jobs(2), 1, 1] and passed[0] == 2, "a machine with 500 MB free runs two workers"
    assert default.exit_code == one.exit_code == 1, default.output  # the binary file
    assert records(default.stdout) and default.stdout == one.stdout and default.stderr == one.stderr
    assert single.exit_code == 0 and records(single.stdout)


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_stream_reads_lazily(jobs):
    # an endless input: the run yields results while holding only a bounded window of documents
    pulled = itertools.count()

    def endless():
        for i in itertools.count():
            next(pulled)
            yield Document(name=f"{i}.txt", path=f"{i}.txt", text=f"About {i + 10} troops were wounded.\n")

    stream = extract_stream(endless(), jobs=jobs, batch_size=2)
    first = list(itertools.islice(stream, 3))
    stream.close()
    assert [d.name for d, _ in first] == ["0.txt", "1.txt", "2.txt"]
    assert [c[0].figure.value for _, c in first] == [10, 11, 12]
    assert next(pulled) <= 2 * (2 * jobs + 2), "read far ahead of what was extracted"


@pytest.mark.parametrize("model", ["no_such_spacy_pipeline_xyz"])
def test_batch_jobs_unloadable_model_is_usage_error(tmp_path, model):
    doc = write(tmp_path / "a.txt", KILLED)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "-j", "2", "-m", model, "-o", str(out), str(doc)])
    assert result.exit_code == 2, result.output
    assert model in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["-1"])
def test_batch_jobs_negative_is_usage_error(tmp_path, jobs):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--jobs", jobs, str(doc)])
    assert result.exit_code == 2, result.output


# -- output: flushed per document, atomic, --resume ----------------------------

@pytest.mark.parametrize("stop_at", [2])
def test_batch_resume_keeps_finished_documents_of_a_stopped_run(tmp_path, monkeypatch, stop_at):
    docs = [write(tmp_path / f"{n}.txt", text) for n, text in [("a", KILLED), ("b", DEPLOYED), ("c", KILLED)]]
    out = tmp_path / "claims.jsonl"
    full = runner.invoke(app, ["extract", *map(str, docs)])
    assert full.exit_code == 0, full.output
    real = claimx.out.writers.write_jsonl
    calls = []

    def interrupted(claims, stream):
        calls.append(1)
        if len(calls) == stop_at:
            raise KeyboardInterrupt
        return real(claims, stream)

    monkeypatch.setattr(claimx.out.writers, "write_jsonl", interrupted)
    stopped = runner.invoke(app, ["extract", "--resume", "-o", str(out), *map(str, docs)])
    assert stopped.exit_code != 0
    assert [r["doc"] for r in records(out.read_text(encoding="utf-8"))] == ["a.txt"], "finished document kept"
    monkeypatch.setattr(claimx.out.writers, "write_jsonl", real)
    resumed = runner.invoke(app, ["extract", "--resume", "-o", str(out), *map(str, docs)])
    assert resumed.exit_code == 0, resumed.output
    assert out.read_text(encoding="utf-8") == full.stdout


@pytest.mark.parametrize("cut", [1, 25])
def test_batch_resume_after_torn_write(tmp_path, cut):
    docs = [write(tmp_path / f"{n}.txt", text) for n, text in [("a", KILLED), ("b", KILLED + DEPLOYED), ("c", DEPLOYED)]]
    out = tmp_path / "claims.jsonl"
    full = runner.invoke(app, ["extract", "-o", str(out), *map(str, docs)])
    assert full.exit_code == 0, full.output
    whole = out.read_bytes()
    out.write_bytes(whole[:-cut])  # killed in the middle of b's or c's last line
    resumed = runner.invoke(app, ["extract", "--resume", "-o", str(out), *map(str, docs)])
    assert resumed.exit_code == 0, resumed.output
    assert out.read_bytes() == whole


@pytest.mark.parametrize("names", [["a.txt", "b.txt"]])
def test_batch_resume_skips_documents_in_the_output(tmp_path, monkeypatch, names):
    first = write(tmp_path / names[0], KILLED)
    out = tmp_path / "claims.jsonl"
    assert runner.invoke(app, ["extract", "-o", str(out), str(first)]).exit_code == 0
    write(tmp_path / names[1], DEPLOYED)
    seen = spy_on_stream(monkeypatch)
    result = runner.invoke(app, ["extract", "--resume", "-o", str(out), str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [r["doc"] for r in records(out.read_text(encoding="utf-8"))] == names
    # the last document of a run is always done again (its records may be incomplete); a.txt was the only one
    assert seen == names


@pytest.mark.parametrize("args", [["--resume"], ["--resume", "-f", "table", "-o", "x.jsonl"]])
def test_batch_resume_needs_jsonl_output(tmp_path, args):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", *args, str(doc)])
    assert result.exit_code == 2, result.output
    assert "--resume" in result.stderr


@pytest.mark.parametrize("content", [b"", b'{"doc": "a.txt"}\n{"doc": "b.txt"}\n{"doc": "b.txt"}\n{"doc": "c.'])
def test_batch_resume_done_drops_last_document(tmp_path, content):
    path = write(tmp_path / "out.jsonl", content)
    done = resume_done(path)
    assert done == ({"a.txt"} if content else set())
    assert path.read_bytes() == (b'{"doc": "a.txt"}\n' if content else b"")


# -- progress and summary ----------------------------------------------------

@pytest.mark.parametrize("n", [3])
def test_batch_progress_and_summary_on_a_terminal(nlp, n):
    console = Console(file=io.StringIO(), force_terminal=True, width=100, color_system=None)
    items = [Document(f"{i}.txt", f"{i}.txt", KILLED) for i in range(n)] + [InputError("bad.txt", "bad.txt: empty file")]
    emitted = []
    with Progress(console, enabled=True) as progress:
        summary = run(extract_stream(items, nlp=nlp), lambda d, c: emitted.append(d.name), progress)
    shown = console.file.getvalue()
    assert "files" in shown and "claims" in shown and "files/s" in shown
    assert "bad.txt: empty file" in shown
    assert emitted == [f"{i}.txt" for i in range(n)]
    assert (summary.ok, summary.failed, summary.claims) == (n, 1, n)
    line = summary.line()
    assert "\n" not in line
    assert f"{n} files ok" in line and "1 failed" in line and f"{n} claims" in line


@pytest.mark.parametrize("args", [[], ["--quiet"]])
def test_batch_no_progress_when_stderr_is_not_a_terminal(tmp_path, args):
    docs = [write(tmp_path / f"{i}.txt", KILLED) for i in range(3)]
    result = runner.invoke(app, ["extract", *args, *map(str, docs)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


# -- inputs --------------------------------------------------------------

@pytest.mark.parametrize("lines", [[
    {"id": "kyiv-1", "text": "Over 300 soldiers were killed last week, officials said.", "date": "2025-01-15",
     "url": "https://example.org/1"},
    {"text": "About 40 troops were wounded."},
    "not json at all",
    {"id": 7, "text": "   "},
    {"id": "x", "body": "no text field"},
    {"id": "kyiv-2", "text": "Some 1,500 police officers were deployed.", "date": "15/01/2025"},
]])
def test_batch_jsonl_input(tmp_path, nlp, lines):
    path = write(tmp_path / "corpus.jsonl", "".join((ln if isinstance(ln, str) else json.dumps(ln)) + "\n" for ln in lines))
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Document, Document, InputError, InputError, InputError, Document]
    assert [i.name for i in items if isinstance(i, Document)] == ["kyiv-1", "corpus.jsonl:2", "kyiv-2"]
    assert [i.path for i in items if isinstance(i, InputError)] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    first, _, bad_date = (i for i in items if isinstance(i, Document))
    assert (first.date, first.url) == ("2025-01-15", "https://example.org/1")
    assert bad_date.date is None and "15/01/2025" in bad_date.warnings[0]
    # the line's date resolves times, exactly as --date would
    (_doc, claims), = extract_documents(nlp, [first])
    assert claims == claimx.extract_text(nlp, first.text, "kyiv-1", "2025-01-15")
    assert claims[0].doc == "kyiv-1"
    assert claims[0].time is not None and claims[0].time.date == "2025-01-08/2025-01-15"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1, result.output
    assert [r["doc"] for r in records(result.stdout)] == ["kyiv-1", "corpus.jsonl:2", "kyiv-2"]
    assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 4  # three bad lines, one bad date


@pytest.mark.parametrize("html", [
    "<html><head><title>Clashes</title></head><body><nav>Home | World | 12 sections</nav><article>"
    "<h1>Clashes in the east</h1><p>Over 300 soldiers were killed in the fighting, officials said.</p>"
    "<p>About 40 troops were wounded near the border, according to the army, which said the clashes were the "
    "worst in the region since the war began and went on for many days.</p></article>"
    "<footer>Copyright 2025, 99 rights reserved</footer></body></html>",
])
def test_batch_html_main_text(tmp_path, html):
    path = write(tmp_path / "page.html", html)
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, Document)
    assert "Over 300 soldiers" in doc.text and "<p>" not in doc.text
    assert "Copyright" not in doc.text and "12 sections" not in doc.text
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert [r["figure"]["text"] for r in recs] == ["Over 300", "About 40"]
    for rec in recs:
        check_offsets(rec, doc.text)  # offsets index the extracted main text


@pytest.mark.parametrize("data", [b"Caf\xe9 owners said 12 soldiers died.\n"])
def test_batch_legacy_encoding_is_a_warning_naming_it(tmp_path, data):
    path = write(tmp_path / "latin1.txt", data)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "warning" in lines[0] and "cp1252" in lines[0] and str(path) in lines[0]
    recs = records(result.stdout)
    assert [r["figure"]["text"] for r in recs] == ["12"]
    check_offsets(recs[0], data.decode("cp1252"))


# An article of our own with what legacy encodings garble: accented names, a no-break space inside a
# figure, curly quotes, a dash and the euro sign (the last three only in Windows-1252).
LATIN1_ARTICLE = ("José García, the regional governor, said 1\u00a0200 soldiers had been killed near Cáceres "
                  "since March. Another 45 civilians were wounded, the health ministry said on Tuesday.\n")
CP1252_ARTICLE = ("“We have lost 1\u00a0200 soldiers since March,” said José García, the regional governor. The repairs "
                  "will cost €40 million – a sum the ministry’s spokesman called “affordable”.\n")


@pytest.mark.parametrize(("article", "encoding"), [
    (LATIN1_ARTICLE, "latin-1"),
    (LATIN1_ARTICLE, "cp1252"),
    (CP1252_ARTICLE, "cp1252"),
])
def test_batch_legacy_article_same_claims_as_its_utf8_copy(tmp_path, article, encoding):
    # issue 29: the source stays "José García" (no U+FFFD, no lost letter), offsets index the same text
    utf8 = write(tmp_path / "utf8" / "article.txt", article)
    legacy = write(tmp_path / encoding / "article.txt", article.encode(encoding))
    same = runner.invoke(app, ["extract", str(utf8)])
    other = runner.invoke(app, ["extract", str(legacy)])
    assert same.exit_code == 0 and other.exit_code == 0, other.output
    assert records(other.stdout) == records(same.stdout)
    assert "José García" in {(r["source"] or {}).get("name") for r in records(other.stdout)}
    assert "\ufffd" not in other.stdout
    warning, = [ln for ln in other.stderr.splitlines() if ln.strip()]
    assert "cp1252" in warning and str(legacy) in warning


# -- long documents --------------------------------------------------------

@pytest.mark.parametrize("max_length", [3000])
def test_batch_long_document_in_pieces_offsets_exact(nlp, monkeypatch, max_length):
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    text = "\n\n".join(seeds)
    whole = claimx.extract_text(nlp, text, "long.txt")
    monkeypatch.setattr(nlp, "max_length", max_length)
    plan = plan_pieces(text, nlp.max_length)
    assert len(plan.pieces) > len(seeds)
    assert max(e - s for s, e in plan.pieces) <= max_length
    assert all(text[e - 1] == "\n" for s, e in plan.pieces[:-1]), "pieces end at line breaks"
    (_doc, pieces), = extract_documents(nlp, [Document("long.txt", "long.txt", text)])
    for c in pieces:
        for span in (c.figure, c.sentence, c.counted, c.source, c.cue, c.time):
            if span is not None:
                assert text[span.start:span.end] == span.text
    # the same figures as in one piece (attribution and dates may differ across pieces)
    assert [(c.figure.start, c.figure.end, c.figure.value) for c in pieces] == \
        [(c.figure.start, c.figure.end, c.figure.value) for c in whole]


@pytest.mark.parametrize("n", [CHUNK_CHARS * 3])
def test_batch_plan_pieces_cover_the_text(n):
    text = ("About 40 troops were wounded. " * (n // 30)) + "1 " * 3000 + "x" * 5000
    plan = plan_pieces(text, 1_000_000)
    assert plan.pieces[0][0] == 0 and plan.pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(plan.pieces))
    assert max(e - s for s, e in plan.pieces) <= CHUNK_CHARS
    assert plan.blanked == 1 and len(plan.text) == len(text)


PARENT_PROBE = """
import sys
from claimx.read.io import read_inputs
from claimx.run.batch import extract_stream
results = list(extract_stream(read_inputs([sys.argv[1]]), jobs=2))
print(sum(len(c or []) for _, c in results), any(m == "spacy" or m.startswith("spacy.") for m in sys.modules))
"""


def test_parallel_parent_never_imports_spacy(tmp_path):
    """With workers, only they load the model: the parent reads and writes, and does not pay spaCy's import."""
    write(tmp_path / "a.txt", KILLED)
    write(tmp_path / "b.txt", DEPLOYED)
    out = subprocess.run([sys.executable, "-c", PARENT_PROBE, str(tmp_path)], capture_output=True, text=True,
                         check=True, timeout=300)
    assert out.stdout.split() == ["2", "False"]  # both claims came back, and spaCy stayed out of this process


def test_import_claimx_leaves_spacy_until_load_is_asked_for():
    probe = ("import sys, claimx; before = 'spacy' in sys.modules; load = claimx.load; "
             "print(before, 'spacy' in sys.modules, callable(load))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "True", "True"]
