"""Bad input never stops a batch, the extractor never raises, and no input makes it super-linear."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

import claimx
import claimx.read.io
from claimx.cli import app
from claimx.read.io import Document
from claimx.run.pipeline import extract_documents

runner = CliRunner()
KILLED = "Over 300 soldiers were killed in the fighting, officials said.\n"
DEPLOYED = "Some 1,500 police officers were deployed to the capital.\n"
SPANS = ("figure", "sentence", "counted", "source", "cue", "time")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def assert_offsets(claims, text: str) -> None:
    for c in claims:
        for key in SPANS:
            span = getattr(c, key)
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text), (key, span)
                assert text[span.start:span.end] == span.text, (key, span)


# -- a batch of bad inputs ----------------------------------------------------

def _binary(d: Path) -> Path:
    return write(d / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR 300 soldiers")


def _empty(d: Path) -> Path:
    return write(d / "empty.md", b"")


def _loop(d: Path) -> Path:
    link = d / "loop.txt"
    os.symlink(link, link)
    return link


def _dir_loop(d: Path) -> Path:
    (d / "tree").mkdir()
    write(d / "tree" / "ok.txt", DEPLOYED)
    os.symlink("..", d / "tree" / "up")
    return d / "tree"


def _huge(d: Path) -> Path:
    path = d / "dump.txt"
    with open(path, "wb") as f:  # 50 MB, sparse: never read, refused on its size
        f.truncate(50 * 2**20)
    return path


def _unreadable(d: Path) -> Path:
    return write(d / "locked.txt", KILLED)


BAD = [
    pytest.param(_binary, "binary", id="binary"),
    pytest.param(_empty, "empty", id="empty"),
    pytest.param(_loop, "symbolic link loop", id="symlink-loop"),
    pytest.param(_huge, "too large", id="50MB"),
    pytest.param(_unreadable, "permission denied", id="unreadable"),
    pytest.param(lambda d: d / "gone.txt", "no such", id="missing"),
]


@pytest.mark.parametrize(("make_bad", "says"), BAD)
def test_robustness_bad_input_one_line_others_intact(tmp_path, monkeypatch, make_bad, says):
    first = write(tmp_path / "in" / "a.txt", KILLED)
    bad = make_bad(tmp_path / "in")
    last = write(tmp_path / "in" / "c.txt", DEPLOYED)
    real_open = open

    def locked(path, *args, **kw):  # root reads any file: simulate the EACCES an ordinary user gets
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(claimx.read.io, "open", locked, raising=False)
    result = runner.invoke(app, ["extract", str(first), str(bad), str(last)])
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    assert str(bad) in lines[0] and says in lines[0].lower()
    recs = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert [(r["doc"], r["figure"]["text"]) for r in recs] == [("a.txt", "Over 300"), ("c.txt", "Some 1,500")]


@pytest.mark.parametrize("layout", ["folder"])
def test_robustness_folder_with_every_kind_of_bad_file(tmp_path, layout):
    folder = tmp_path / "in"
    write(folder / "a.txt", KILLED)
    _binary(folder)
    _empty(folder)
    _loop(folder)
    _huge(folder)
    _dir_loop(folder)
    write(folder / "digits.txt", "Officials said " + "7" * 100_000 + " people and 12 soldiers died.\n")
    write(folder / "punct.txt", "?!" * 20_000 + "\n" + '"(' * 20_000 + "\nAbout 40 troops were wounded.\n")
    write(folder / "latin1.txt", "Caf\xe9 owners said 12 soldiers died.\n".encode("latin-1"))
    write(folder / "z.txt", DEPLOYED)
    result = runner.invoke(app, ["extract", str(folder)])
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    errors = [ln for ln in lines if "warning" not in ln]
    warnings = [ln for ln in lines if "warning" in ln]
    assert sorted(Path(ln.split(": ")[1]).name for ln in errors) == ["dump.txt", "empty.md", "loop.txt", "photo.txt", "up"]
    assert sorted(Path(ln.split(": ")[2]).name for ln in warnings) == ["digits.txt", "latin1.txt", "punct.txt"]
    recs = [json.loads(ln) for ln in result.stdout.splitlines()]
    by_doc = {}
    for r in recs:
        by_doc.setdefault(r["doc"], []).append(r["figure"]["text"])
    assert by_doc["a.txt"] == ["Over 300"]
    assert by_doc["z.txt"] == ["Some 1,500"]
    assert by_doc["ok.txt"] == ["Some 1,500"]
    assert by_doc["punct.txt"] == ["About 40"]
    assert "12" in by_doc["digits.txt"] and all(len(f) < 100 for f in by_doc["digits.txt"])
    text = (folder / "digits.txt").read_text(encoding="utf-8")
    for r in recs:
        if r["doc"] == "digits.txt":
            for key in SPANS:
                if r[key] is not None:
                    assert text[r[key]["start"]:r[key]["end"]] == r[key]["text"]


# -- arbitrary text -----------------------------------------------------------

NEWSY = st.sampled_from(["300", "1,500", "2.5", "40%", "$3bn", "million", "soldiers", "killed", "said", "about",
                         "over", "at least", "between", "and", "to", "\u2013", "-", "\"", "\u201c", "\u201d", "(", ")",
                         ".", ",", "!", "?", "\n", "\n\n", " ", "  ", "\t", "\r\n", "officials", "UN", "In January",
                         "last week", "2024", "May 3, 2025", "\ufffd", "\U0001f642", "\u0663", "e9", "1e5"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=60).map(" ".join),
                  st.lists(st.one_of(NEWSY, st.text(max_size=5)), max_size=80).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=TEXTS)
def test_robustness_extract_text_never_raises_offsets_exact(nlp, text):
    claims = claimx.extract_text(nlp, text, "h.txt")
    assert_offsets(claims, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(text=TEXTS, long_run=st.integers(0, 3000))
def test_robustness_extract_documents_never_fails_offsets_exact(nlp, text, long_run):
    # through the batch path, with a run long enough to be blanked or cut now and then
    text = text + " " + "9" * long_run + " " + text
    ((item, claims),) = extract_documents(nlp, [Document("h.txt", "h.txt", text)])
    assert isinstance(item, Document), getattr(item, "message", item)
    assert_offsets(claims, text)


# -- no super-linear pattern: 200,000 characters each, under pytest-timeout --------

N = 200_000
ADVERSARIAL = {
    "digits": "1" * N,
    "digits-spaced": "1 " * (N // 2),
    "digit-dashes": "1-" * (N // 2),
    "punctuation": "!?,;:" * (N // 5),
    "quotes-spaced": '" ' * (N // 2),
    "brackets-spaced": "( " * (N // 2),
    "numbers-and-words": "300 soldiers said " * (N // 18),
    "one-sentence-per-line": "About 40 troops.\n" * (N // 17),
    "figures-one-line": "Over 300 soldiers were killed, officials said. " * (N // 47),
    "newlines": "\n" * N,
}


@pytest.mark.timeout(600)  # linear runs take well under a minute here; a quadratic one takes hours
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_robustness_adversarial_200k_chars(nlp, name):
    text = ADVERSARIAL[name]
    ((item, claims),) = extract_documents(nlp, [Document(f"{name}.txt", name, text)])
    assert isinstance(item, Document), getattr(item, "message", item)
    assert_offsets(claims, text)


# -- an output that cannot be written: one line, non-zero exit, no traceback (issue 29) ----
# Every command that writes -o (or render's --html) goes through out.writers.open_output, which raises
# InputError; the command turns it into its one line.

def _claimreview_args(tmp_path: Path, out: Path) -> list[str]:
    """claimreview over claims extract wrote, with one rating of the first."""
    article = write(tmp_path / "in" / "a.txt", KILLED)
    extracted = runner.invoke(app, ["extract", str(article)])
    assert extracted.exit_code == 0, extracted.output
    claims = write(tmp_path / "claims.jsonl", extracted.stdout)
    first = json.loads(extracted.stdout.splitlines()[0])
    ratings = write(tmp_path / "ratings.csv", f"claim,rating,reviewer,url\n{first['doc']}:{first['figure']['start']},"
                                              "Accurate,Example Checks,https://checks.example.org/a\n")
    return ["claimreview", str(claims), "--rating", str(ratings), "-o", str(out)]


COMMANDS = {
    "extract": lambda tmp, out: ["extract", str(write(tmp / "in" / "a.txt", KILLED)), "-o", str(out)],
    "compare": lambda tmp, out: ["compare", str(write(tmp / "in" / "a.txt", KILLED)),
                                 str(write(tmp / "in" / "b.txt", DEPLOYED)), "-o", str(out)],
    "claimreview": _claimreview_args,
    "render": lambda tmp, out: ["render", str(write(tmp / "in" / "a.txt", KILLED)), "--html", str(out)],
    "actors": lambda tmp, out: ["actors", str(write(tmp / "in" / "a.txt", KILLED)), "-o", str(out)],
    "datasette-metadata": lambda tmp, out: ["datasette-metadata", "-o", str(out)],
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize(("where", "says"), [
    ("missing/out.txt", "cannot be written: there is no folder {folder}"),
    ("a-file.txt/out.txt", "cannot be written: there is no folder {folder}"),
    ("locked/out.txt", "cannot be written (Permission denied)"),
])
def test_robustness_unwritable_output_one_line(tmp_path, monkeypatch, command, where, says):
    write(tmp_path / "a-file.txt", "x\n")
    out = tmp_path / where
    args = COMMANDS[command](tmp_path, out)
    if where.startswith("locked"):  # as root chmod cannot lock a folder: the refusal is simulated
        import claimx.out.writers

        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        out.parent.mkdir()
        monkeypatch.setattr(claimx.out.writers.tempfile, "mkstemp", refuse)
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]  # claimreview may warn about a claim first
    assert [ln for ln in lines if str(out) in ln] == lines[-1:] == [f"claimx: {out}: {says.format(folder=out.parent)}"]
    assert not out.exists()


@pytest.mark.parametrize("command", ["extract", "compare", "actors"])
@pytest.mark.parametrize("where", ["missing/claims.db", "a-file.txt/claims.db"])
def test_robustness_database_in_no_folder_one_line(tmp_path, command, where):
    # before sqlite3's own "unable to open database file" traceback
    write(tmp_path / "a-file.txt", "x\n")
    out = tmp_path / where
    result = runner.invoke(app, [command, str(write(tmp_path / "in" / "a.txt", KILLED)), "-f", "sqlite", "-o", str(out)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stderr.splitlines() == [f"claimx: {out}: cannot be written: there is no folder {out.parent}"]
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing/plot.png", "a-file.txt/plot.html"])
def test_robustness_plot_in_no_folder_one_line(tmp_path, where):
    """compare --plot into a folder that is not there: one line before the run, not matplotlib's traceback after it."""
    write(tmp_path / "a-file.txt", "x\n")
    out = tmp_path / where
    result = runner.invoke(app, ["compare", str(write(tmp_path / "in" / "a.txt", KILLED)), "--plot", str(out)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stderr.splitlines() == [f"claimx: {out}: cannot be written: there is no folder {out.parent}"]
    assert not out.exists()


def test_robustness_plot_refused_is_one_line(tmp_path, monkeypatch):
    """compare --plot into a folder that refuses the file: one line after the run, no traceback, no file."""
    import claimx.out.writers

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    out = tmp_path / "plots" / "t.png"
    out.parent.mkdir()
    monkeypatch.setattr(claimx.out.writers.tempfile, "mkstemp", refuse)  # as root chmod cannot lock a folder
    result = runner.invoke(app, ["compare", str(write(tmp_path / "in" / "a.txt", KILLED)), "--plot", str(out)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stderr.splitlines()[-1:] == [f"claimx: {out}: cannot be written (Permission denied)"]
    assert not out.exists()
