"""The `claimx` command, run in-process with Typer's CliRunner.

click >= 8.2 keeps `result.stdout` and `result.stderr` apart (`result.output` is both,
interleaved), so JSONL is always parsed from `result.stdout`. Under CliRunner stdout is
not a terminal, so the default format is jsonl.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
from importlib import metadata, resources
from pathlib import Path

import jsonschema
import pytest
import typer.main
from conftest import records, stderr_lines
from typer.testing import CliRunner

import claimx
import claimx.out.writers
from claimx.cli import app

runner = CliRunner()
GROUP = typer.main.get_command(app)
SCHEMA = json.loads(resources.files("claimx").joinpath("schema", "claim.schema.json").read_text(encoding="utf-8"))

KILLED = "Over 300 soldiers were killed in the fighting, officials said.\n"
WOUNDED = "# Report\n\nAbout 40 troops were wounded near the border.\n"
DEPLOYED = "Some 1,500 police officers were deployed to the capital.\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def check_offsets(rec: dict, text: str) -> None:
    for key in ("figure", "counted", "sentence", "source", "cue", "time"):
        span = rec.get(key)
        if span is not None:
            assert text[span["start"]:span["end"]] == span["text"], (key, span)


# -- help --------------------------------------------------------------

@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_cli_command_has_help(command):
    cmd = GROUP.commands[command]
    assert cmd.help and cmd.help.strip(), f"command {command} has no help text"
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert cmd.help.strip().splitlines()[0] in result.stdout


@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_cli_every_parameter_has_help(command):
    cmd = GROUP.commands[command]
    missing = [p.name for p in cmd.params if p.name != "help" and not (getattr(p, "help", None) or "").strip()]
    assert not missing, f"{command}: parameters without help: {missing}"


@pytest.mark.parametrize("args", [["--version"]])
def test_cli_version(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"claimx {claimx.__version__}" == f"claimx {metadata.version('claimx')}"


def examples(command: str) -> list[list[str]]:
    """The `claimx COMMAND ...` lines of a command's --help, as argument lists (a pipe's last command)."""
    shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "250"}).stdout
    assert "Examples:" in shown, f"{command} --help shows no example"
    lines = [line.split("|")[-1].strip() for line in shown.split("Examples:", 1)[1].splitlines()]
    return [shlex.split(line)[2:] for line in lines if line.startswith(f"claimx {command} ")]


@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_cli_every_command_shows_examples_that_parse(command):
    """Each subcommand's --help ends in examples, and each is a command line its own parser accepts."""
    found = examples(command)
    assert found, f"{command} --help has no `claimx {command} ...` example"
    cmd = GROUP.commands[command]
    for args in found:
        with cmd.make_context(command, list(args)) as ctx:  # a bad option or a missing argument raises here
            assert ctx.params, args


@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_cli_usage_names_arguments(command):
    """`Usage: claimx extract [OPTIONS] PATH...`: arguments by their metavar, not Typer's `{paths}...`."""
    usage = runner.invoke(app, [command, "--help"], prog_name="claimx").stdout.splitlines()[0]
    assert re.fullmatch(rf"Usage: claimx {command} \[OPTIONS\]( \[?[A-Z]+(\.\.\.)?\]?)*", usage), usage
    arguments = [p for p in GROUP.commands[command].params if p.param_type_name == "argument"]
    assert all(p.metavar and p.metavar.upper() in usage for p in arguments), usage


@pytest.mark.parametrize("args", [[], ["--help"]])
def test_cli_app_help(args):
    result = runner.invoke(app, args)
    # no_args_is_help: click shows the help and exits 0 (--help) or 2 (no args, click >= 8.2)
    assert result.exit_code in (0, 2), result.output
    assert "extract" in result.output


# -- formats -----------------------------------------------------------

@pytest.mark.parametrize("fmt_args", [[], ["--format", "jsonl"], ["-f", "jsonl"]])
def test_cli_extract_jsonl_by_default_when_piped(tmp_path, fmt_args):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", *fmt_args, str(doc)])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert [r["figure"]["text"] for r in recs] == ["Over 300"]
    assert recs[0]["doc"] == "a.txt"
    assert recs[0]["figure"]["value"] == 300
    assert result.stderr == ""


@pytest.mark.parametrize("text", [KILLED + DEPLOYED])
def test_cli_extract_jsonl_one_object_per_claim(tmp_path, text):
    doc = write(tmp_path / "two.txt", text)
    result = runner.invoke(app, ["extract", str(doc)])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert len(result.stdout.splitlines()) == len(recs) == 2
    assert [r["figure"]["text"] for r in recs] == ["Over 300", "Some 1,500"]


@pytest.mark.parametrize(("args", "full_parse"), [([], True), (["--windows"], False)])
@pytest.mark.parametrize("text", [KILLED, DEPLOYED])
def test_cli_extract_windows_reaches_the_library_as_a_parameter(tmp_path, monkeypatch, args, full_parse, text):
    """--windows is passed to `batch.extract_stream` (and on to the workers), not set in the environment (issue 20)."""
    import claimx.run.batch

    monkeypatch.delenv("CLAIMX_WINDOWS", raising=False)
    passed: list[bool] = []
    real = claimx.run.batch.extract_stream

    def spy(items, **kw):
        passed.append(kw["full_parse"])
        return real(items, **kw)

    monkeypatch.setattr(claimx.run.batch, "extract_stream", spy)
    result = runner.invoke(app, ["extract", *args, str(write(tmp_path / "a.txt", text))])
    assert result.exit_code == 0, result.output
    assert passed == [full_parse]
    assert "CLAIMX_WINDOWS" not in os.environ
    assert len(records(result.stdout)) == 1


@pytest.mark.parametrize("text", [
    KILLED + DEPLOYED,
    "Café owners said:\r\nOver 300 soldiers 🙂 were killed and “about 40” were wounded.\r\n",
])
def test_cli_extract_jsonl_valid_and_offsets_exact(tmp_path, text):
    doc = write(tmp_path / "a.txt", text)
    result = runner.invoke(app, ["extract", str(doc)])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert recs
    original = doc.read_bytes().decode("utf-8")
    for rec in recs:
        jsonschema.validate(rec, SCHEMA)
        check_offsets(rec, original)


@pytest.mark.parametrize("fmt", ["table"])
def test_cli_extract_table_shows_document_and_figure(tmp_path, fmt):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--format", fmt, str(doc)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "a.txt" in result.stdout
    assert "Over 300" in result.stdout
    for column in ("figure", "value", "bound", "counted", "measure", "source", "sentence"):
        assert column in result.stdout
    assert "soldiers" in result.stdout
    assert "killed" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


@pytest.mark.parametrize("fmt", ["table"])
def test_cli_extract_table_one_per_document(tmp_path, fmt):
    a = write(tmp_path / "a.txt", KILLED)
    b = write(tmp_path / "b.md", WOUNDED)
    result = runner.invoke(app, ["extract", "--format", fmt, str(a), str(b)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    headers = [line for line in out.splitlines() if "figure" in line and "measure" in line and "sentence" in line]
    assert len(headers) == 2, out
    assert out.index("a.txt") < out.index("Over 300") < out.index("b.md") < out.index("About 40")


# -- CSV -----------------------------------------------------------------

def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(("files", "expected"), [
    ({"a.txt": KILLED, "sub/b.txt": DEPLOYED + WOUNDED}, [("a.txt", "Over 300", "300", "killed"),
                                                          ("b.txt", "Some 1,500", "1500", "deployed"),
                                                          ("b.txt", "About 40", "40", "injured")]),
])
def test_cli_extract_csv_one_row_per_claim_files_and_folders(tmp_path, files, expected):
    for name, text in files.items():
        write(tmp_path / "in" / name, text)
    jsonl = runner.invoke(app, ["extract", str(tmp_path / "in")])
    result = runner.invoke(app, ["extract", "--format", "csv", str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "sub")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == ",".join(claimx.out.writers.CLAIM_COLUMNS)
    rows = csv_rows(result.stdout)
    assert [(r["doc"], r["figure_text"], r["figure_value"], r["measure"]) for r in rows] == expected
    assert len(rows) == len(records(jsonl.stdout))
    for row, rec in zip(rows, records(jsonl.stdout), strict=True):  # the same claims as JSONL, flattened
        assert row["sentence_text"] == rec["sentence"]["text"]
        assert int(row["figure_start"]) == rec["figure"]["start"]
        assert row["source_name"] == ((rec["source"] or {}).get("name") or "")
        assert row["hedged"] == str(rec["hedged"]).lower()


@pytest.mark.parametrize("text", ['Some 1,500 police officers were deployed, "a big number", said Mark Hale.\n'])
def test_cli_extract_csv_from_stdin_quotes_and_offsets(text):
    result = runner.invoke(app, ["extract", "-", "-f", "csv"], input=text)
    assert result.exit_code == 0, result.output
    (row,) = csv_rows(result.stdout)
    assert row["doc"] == "<stdin>" and row["source_name"] == "Mark Hale" and row["cue_lemma"] == "say"
    assert text[int(row["sentence_start"]):int(row["sentence_end"])] == row["sentence_text"]  # quotes and newline survive
    assert row["figure_low"] == "" and row["time_date"] == ""  # missing values are empty cells


@pytest.mark.parametrize("old", ["previous,complete\noutput,file\n"])
def test_cli_extract_csv_output_atomic(tmp_path, monkeypatch, old):
    a, b = write(tmp_path / "a.txt", KILLED), write(tmp_path / "b.txt", DEPLOYED)
    out = write(tmp_path / "out" / "claims.csv", old)
    result = runner.invoke(app, ["extract", "-f", "csv", "-o", str(out), str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert [r["figure_text"] for r in csv_rows(out.read_text(encoding="utf-8"))] == ["Over 300", "Some 1,500"]
    real = claimx.out.writers.CsvWriter.rows
    calls = []

    def failing(self, rows):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("disk on fire")
        return real(self, rows)

    monkeypatch.setattr(claimx.out.writers.CsvWriter, "rows", failing)
    crashed = runner.invoke(app, ["extract", "-f", "csv", "-o", str(out), str(a), str(b)])
    assert crashed.exit_code != 0
    assert [r["figure_text"] for r in csv_rows(out.read_text(encoding="utf-8"))] == ["Over 300", "Some 1,500"]
    assert [p.name for p in out.parent.iterdir()] == ["claims.csv"], "temporary file left behind"


@pytest.mark.parametrize("args", [["--resume", "-o", "claims.csv"]])
def test_cli_extract_csv_resume_is_usage_error(tmp_path, args):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "-f", "csv", *[str(tmp_path / a) if a.endswith(".csv") else a for a in args],
                                 str(doc)])
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("fmt", ["xml", "xlsx", ""])
def test_cli_extract_bad_format_is_usage_error(tmp_path, fmt):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--format", fmt, str(doc)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "--format" in result.stderr


@pytest.mark.parametrize("args", [["extract"]])
def test_cli_extract_without_paths_is_usage_error(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output


# -- inputs ------------------------------------------------------------

@pytest.mark.parametrize("text", ["Some 20 people died in the blast.\n"])
def test_cli_extract_reads_stdin(text):
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert [r["figure"]["text"] for r in recs] == ["Some 20"]
    assert recs[0]["doc"] == "<stdin>"
    check_offsets(recs[0], text)


@pytest.mark.parametrize("text", ["Some 20 people died in the blast.\n"])
def test_cli_extract_stdin_with_files(tmp_path, text):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", str(doc), "-"], input=text)
    assert result.exit_code == 0, result.output
    assert [r["doc"] for r in records(result.stdout)] == ["a.txt", "<stdin>"]


@pytest.mark.parametrize("layout", [{
    "a.txt": KILLED,
    "sub/b.md": WOUNDED,
    "sub/deeper/c.txt": DEPLOYED,
    "notes.csv": "Over 9,999 rows were deleted.\n",
    "sub/README": "About 77 soldiers were killed.\n",
    "sub/data.json": '{"n": "88 troops were wounded"}\n',
}])
def test_cli_extract_folder_recursive(tmp_path, layout):
    for name, text in layout.items():
        write(tmp_path / "in" / name, text)
    result = runner.invoke(app, ["extract", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    recs = records(result.stdout)
    assert {r["doc"] for r in recs} == {"a.txt", "b.md", "c.txt"}
    figures = {r["figure"]["text"] for r in recs}
    assert figures == {"Over 300", "About 40", "Some 1,500"}


@pytest.mark.parametrize("text", [KILLED])
def test_cli_extract_output_file(tmp_path, text):
    doc = write(tmp_path / "a.txt", text)
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    piped = runner.invoke(app, ["extract", str(doc)])
    assert piped.exit_code == 0, piped.output
    result = runner.invoke(app, ["extract", "--output", str(out), str(doc)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == piped.stdout
    assert records(out.read_text(encoding="utf-8"))
    assert [p.name for p in out.parent.iterdir()] == ["claims.jsonl"], "temporary file left behind"


@pytest.mark.parametrize("old", ["stale content that must go\n" * 50])
def test_cli_extract_output_replaces_existing_file(tmp_path, old):
    doc = write(tmp_path / "a.txt", KILLED)
    out = write(tmp_path / "out" / "claims.jsonl", old)
    result = runner.invoke(app, ["extract", "-o", str(out), str(doc)])
    assert result.exit_code == 0, result.output
    assert "stale" not in out.read_text(encoding="utf-8")
    assert len(records(out.read_text(encoding="utf-8"))) == 1


@pytest.mark.parametrize("old", ["previous complete output\n"])
def test_cli_extract_output_atomic_on_crash(tmp_path, monkeypatch, old):
    a = write(tmp_path / "a.txt", KILLED)
    b = write(tmp_path / "b.txt", DEPLOYED)
    out = write(tmp_path / "out" / "claims.jsonl", old)
    calls = []
    real = claimx.out.writers.write_jsonl

    def failing(claims, stream):
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("disk on fire")
        return real(claims, stream)

    monkeypatch.setattr(claimx.out.writers, "write_jsonl", failing)
    result = runner.invoke(app, ["extract", "-o", str(out), str(a), str(b)])
    assert result.exit_code != 0, result.output
    assert out.read_text(encoding="utf-8") == old, "a failed run must leave the old file whole"
    assert [p.name for p in out.parent.iterdir()] == ["claims.jsonl"], "temporary file left behind"


@pytest.mark.parametrize("bad", ["missing"])
def test_cli_extract_output_written_when_some_inputs_fail(tmp_path, bad):
    doc = write(tmp_path / "a.txt", KILLED)
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["extract", "-o", str(out), str(doc), str(tmp_path / bad)])
    assert result.exit_code == 1, result.output
    assert [r["doc"] for r in records(out.read_text(encoding="utf-8"))] == ["a.txt"]


# -- bad input ---------------------------------------------------------

def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no_such_article.txt"


def _empty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "empty_folder"
    folder.mkdir()
    write(folder / "ignored.csv", "12 soldiers\n")
    return folder


def _binary(tmp_path: Path) -> Path:
    return write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR 300 soldiers were killed")


def _undecodable(tmp_path: Path) -> Path:
    return write(tmp_path / "latin1.txt", "Caf\xe9 owners said 12 soldiers died.\n".encode("latin-1"))


def _empty(tmp_path: Path) -> Path:
    return write(tmp_path / "empty.txt", b"")


def _blank(tmp_path: Path) -> Path:
    return write(tmp_path / "blank.md", b"  \n\n\t\n")


BAD_INPUTS = [
    pytest.param(_missing, "no such", id="missing"),
    pytest.param(_empty_folder, "no .txt", id="empty-folder"),
    pytest.param(_binary, "binary", id="binary"),
    # invalid UTF-8 is a warning, not a failure, since issue 5: tests/test_batch.py covers it
    pytest.param(_empty, "empty", id="empty-file"),
    pytest.param(_blank, "empty", id="whitespace-file"),
]


@pytest.mark.parametrize(("make_bad", "says"), BAD_INPUTS)
def test_cli_extract_bad_input_one_line_on_stderr(tmp_path, make_bad, says):
    bad = make_bad(tmp_path)
    good = write(tmp_path / "good" / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", str(bad), str(good)])
    assert result.exit_code == 1, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1, f"expected one line on stderr, got {lines}"
    assert str(bad) in lines[0]
    assert says in lines[0].lower()
    assert [r["doc"] for r in records(result.stdout)] == ["a.txt"]


@pytest.mark.parametrize(("make_bad", "says"), BAD_INPUTS)
def test_cli_extract_bad_input_alone_exits_1(tmp_path, make_bad, says):
    bad = make_bad(tmp_path)
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert says in " ".join(result.stderr.split()).lower()


@pytest.mark.parametrize("make_bad", [_binary, _empty, _missing])
def test_cli_extract_bad_file_does_not_stop_others(tmp_path, make_bad):
    first = write(tmp_path / "in" / "a.txt", KILLED)
    bad = make_bad(tmp_path)
    last = write(tmp_path / "in" / "c.txt", DEPLOYED)
    result = runner.invoke(app, ["extract", str(first), str(bad), str(last)])
    assert result.exit_code == 1, result.output
    recs = records(result.stdout)
    assert [(r["doc"], r["figure"]["text"]) for r in recs] == [("a.txt", "Over 300"), ("c.txt", "Some 1,500")]
    assert result.stderr.strip()


@pytest.mark.parametrize("n_bad", [3])
def test_cli_extract_one_line_per_bad_input(tmp_path, n_bad):
    bads = [tmp_path / f"missing_{i}.txt" for i in range(n_bad)]
    good = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", *map(str, bads), str(good)])
    assert result.exit_code == 1, result.output
    lines = stderr_lines(result)
    assert len(lines) == n_bad, lines
    for bad, line in zip(bads, lines, strict=True):
        assert str(bad) in line
    assert len(records(result.stdout)) == 1


@pytest.mark.parametrize("layout", [{"good.txt": KILLED, "bad.txt": b"\xff\xfe\x00b\x00a\x00d"}])
def test_cli_extract_bad_file_inside_folder(tmp_path, layout):
    for name, text in layout.items():
        write(tmp_path / "in" / name, text)
    result = runner.invoke(app, ["extract", str(tmp_path / "in")])
    assert result.exit_code == 1, result.output
    assert "bad.txt" in result.stderr
    assert [r["doc"] for r in records(result.stdout)] == ["good.txt"]


# -- model and lexicons ------------------------------------------------

@pytest.mark.parametrize("name", ["no_such_spacy_pipeline_xyz"])
def test_cli_extract_unloadable_model_is_usage_error(tmp_path, name):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--model", name, str(doc)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert name in result.stderr


@pytest.mark.parametrize("name", ["no_such_spacy_pipeline_xyz"])
def test_cli_extract_model_from_env(tmp_path, name):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", str(doc)], env={"CLAIMX_MODEL": name})
    assert result.exit_code == 2, result.output
    assert name in result.stderr


@pytest.mark.parametrize("bad_env", ["no_such_spacy_pipeline_xyz"])
def test_cli_extract_model_option_beats_env(tmp_path, nlp, bad_env):
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--model", str(saved), str(doc)], env={"CLAIMX_MODEL": bad_env})
    assert result.exit_code == 0, result.output
    assert [r["figure"]["text"] for r in records(result.stdout)] == ["Over 300"]


@pytest.mark.parametrize("text", [KILLED + DEPLOYED])
def test_cli_extract_model_path_same_claims(tmp_path, nlp, text):
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    doc = write(tmp_path / "a.txt", text)
    default = runner.invoke(app, ["extract", str(doc)])
    from_path = runner.invoke(app, ["extract", "-m", str(saved), str(doc)])
    assert default.exit_code == 0, default.output
    assert from_path.exit_code == 0, from_path.output
    assert records(from_path.stdout) == records(default.stdout)


@pytest.mark.parametrize(("text", "word", "lexicon"), [(
    "About 300 soldiers were vaporised in the attack.\n",
    "vaporise",
    {"measures": {"killed": {"lemmas": ["vaporise", "vaporize"]}}},
)])
def test_cli_extract_lexicons_option(tmp_path, text, word, lexicon):
    doc = write(tmp_path / "a.txt", text)
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "measures.json").write_text(json.dumps(lexicon), encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(doc)])
    custom = runner.invoke(app, ["extract", "--lexicons", str(lexicons), str(doc)])
    assert plain.exit_code == 0, plain.output
    assert custom.exit_code == 0, custom.output
    assert [r["measure"] for r in records(plain.stdout)] == [None], f"{word} is already a measure word"
    assert [r["measure"] for r in records(custom.stdout)] == ["killed"]


@pytest.mark.parametrize("name", ["no_such_lexicon_dir"])
def test_cli_extract_lexicons_missing_dir_is_usage_error(tmp_path, name):
    doc = write(tmp_path / "a.txt", KILLED)
    result = runner.invoke(app, ["extract", "--lexicons", str(tmp_path / name), str(doc)])
    assert result.exit_code == 2, result.output
