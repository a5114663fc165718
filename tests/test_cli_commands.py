"""The `actors`, `compare`, `render` and `eval` commands, run in-process with Typer's CliRunner.

As in test_cli.py: exit code first, JSONL parsed from `result.stdout` line by line (click >= 8.2
keeps stdout and stderr apart), and under CliRunner stdout is not a terminal, so the default
format is jsonl. Loading the pipeline is the slow part of every command, so runs over the seed
articles that several tests read are made once (`seeds_run`).
"""

from __future__ import annotations

import csv
import functools
import html.parser
import io
import json
import re
from pathlib import Path

import pytest
import typer.main
from conftest import SEEDS, SEEDS_GOLD, records, stderr_lines
from typer.testing import CliRunner

import claimx.cli
import claimx.out.writers
from claimx.across import evaluate
from claimx.cli import app

runner = CliRunner()
GROUP = typer.main.get_command(app)
COMMANDS = ["actors", "compare", "render", "eval", "claimreview", "datasette-metadata"]
WIDE = {"COLUMNS": "250"}  # tables and help unwrapped, so a phrase is on one line
SEED_FILES = sorted(SEEDS.glob("*.txt"))
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
GROUP_KEYS = {"label", "subject", "subject_id", "noun", "measure", "unit", "spread", "rows", "conflicts", "place", "holds",
              "disagreements"}
ACTOR_KEYS = {"id", "name", "kind", "aliases", "mentions", "documents", "claims_made", "claims_about"}


def flat(text: str) -> str:
    """Text with rich's box borders dropped and whitespace collapsed, for finding phrases."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


@functools.cache
def seeds_run(*args: str):
    """`claimx <args>` once per session (the pipeline loads on every run)."""
    return runner.invoke(app, list(args), env=WIDE)


def one_group(groups: list[dict], measure: str) -> dict:
    hits = [g for g in groups if g["subject_id"] == "north-korea" and g["measure"] == measure and g["unit"] is None]
    assert len(hits) == 1, [g["label"] for g in groups]
    return hits[0]


def row_for(group: dict, figure: str) -> dict:
    hits = [r for r in group["rows"] if r["figure"] == figure]
    assert len(hits) == 1, f"{figure!r} in {[r['figure'] for r in group['rows']]}"
    return hits[0]


def no_pipeline(monkeypatch) -> list:
    """Make loading the pipeline a recorded failure: a check that must come first never gets there."""
    calls: list = []

    def load_nlp(*args, **kwargs):
        calls.append(args)
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(claimx.cli, "load_nlp", load_nlp)
    return calls


# -- help --------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_commands_help(command):
    cmd = GROUP.commands[command]
    result = runner.invoke(app, [command, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    shown = flat(result.stdout)
    assert cmd.help and cmd.help.strip().splitlines()[0] in shown
    params = [p for p in cmd.params if p.name != "help"]
    assert not [p.name for p in params if not (getattr(p, "help", None) or "").strip()], "parameters without help"
    for param in params:
        for opt in param.opts if param.param_type_name == "option" else []:
            assert opt in shown, f"{command}: {opt} not in --help"
    # each help text whole, as written: rich markup must not eat a bracketed part such as "[default: ...]"
    cut = {p.name: p.help for p in params if flat(p.help) not in shown}
    assert not cut, f"{command}: help texts not shown whole: {cut}"


@pytest.mark.parametrize("command", sorted(GROUP.commands))
def test_cli_commands_help_needs_nothing_beside_the_repository(command):
    """A user's help names what ships with claimx, never a folder beside the checkout (the team's gold sets)."""
    shown = runner.invoke(app, [command, "--help"], env=WIDE).stdout
    assert "../" not in shown, f"{command} --help points outside the repository"


# -- actors ------------------------------------------------------------


@pytest.mark.parametrize(("fragments", "expected_id", "expected_name"), [
    (["zelensky", "zelenskyy"], "volodymyr-zelensky", "Volodymyr Zelensky"),
    (["nis", "national intelligence service"], "national-intelligence-service", "National Intelligence Service"),
])
def test_cli_actors_merges_spellings(fragments, expected_id, expected_name):
    result = seeds_run("actors", str(SEEDS))
    assert result.exit_code == 0, result.output
    actors = records(result.stdout)
    assert actors
    for actor in actors:
        assert set(actor) == ACTOR_KEYS
    assert len({a["id"] for a in actors}) == len(actors), "actor ids must be unique"

    def spells(actor: dict, fragment: str) -> bool:
        return any(re.search(rf"\b{re.escape(fragment)}\b", s.casefold()) for s in [actor["name"], *actor["aliases"]])

    for fragment in fragments:
        owners = [a["id"] for a in actors if spells(a, fragment)]
        assert owners == [expected_id], f"{fragment!r} spelled by {owners}"
    (actor,) = [a for a in actors if a["id"] == expected_id]
    assert actor["name"] == expected_name
    assert len(actor["documents"]) >= 3
    assert actor["claims_made"], "the seeds quote this actor's figures"


@pytest.mark.parametrize("names", [["Volodymyr Zelensky", "National Intelligence Service", "North Korea", "NIS"]])
def test_cli_actors_table_shows_names(names):
    result = seeds_run("actors", "--format", "table", str(SEEDS))
    assert result.exit_code == 0, result.output
    for name in names:
        assert name in result.stdout
    assert "volodymyr-zelensky" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


@pytest.mark.parametrize("good", [[SEED_FILES[0].name, SEED_FILES[1].name]])
def test_cli_actors_missing_path_does_not_stop_others(tmp_path, good):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["actors", str(SEEDS / good[0]), str(missing), str(SEEDS / good[1])])
    assert result.exit_code == 1, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert str(missing) in lines[0] and "no such" in lines[0]
    actors = records(result.stdout)
    assert {d for a in actors for d in a["documents"]} == set(good)
    assert "volodymyr-zelensky" in {a["id"] for a in actors}


# -- compare -----------------------------------------------------------


@pytest.mark.parametrize("measure", ["killed", "casualties"])
def test_cli_compare_csv_one_row_per_claim_of_a_group(measure):
    result = seeds_run("compare", "-f", "csv", str(SEEDS))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(claimx.out.writers.GROUP_COLUMNS)
    groups = records(seeds_run("compare", str(SEEDS)).stdout)
    assert len(rows) == sum(len(g["rows"]) for g in groups)
    group = one_group(groups, measure)
    mine = [r for r in rows if r["group_label"] == group["label"]]
    assert [r["figure"] for r in mine] == [r["figure"] for r in group["rows"]]
    refs = {r["ref"] for r in mine}
    for conflict in group["conflicts"]:  # each conflict names the other claim on both rows
        a, b = group["rows"][conflict["a"]]["ref"], group["rows"][conflict["b"]]["ref"]
        by_ref = {r["ref"]: r for r in mine}
        assert b in by_ref[a]["conflicts_with"].split("; ") and a in by_ref[b]["conflicts_with"].split("; ")
        assert {a, b} <= refs


@pytest.mark.parametrize("actor", ["north-korea"])
def test_cli_actors_csv_lists_joined(actor):
    result = seeds_run("actors", "-f", "csv", str(SEEDS))
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    expected = {a["id"]: a for a in records(seeds_run("actors", str(SEEDS)).stdout)}[actor]
    assert rows[actor]["aliases"].split("; ") == expected["aliases"]
    assert int(rows[actor]["mentions"]) == expected["mentions"]


@pytest.mark.parametrize(("measure", "expected"), [
    ("killed", [("around 300", 300, "approx", None), ("approximately 600", 600, "approx", None),
                ("around 4,000", 4000, "approx", None)]),
    ("casualties", [("approximately 1,000", 1000, "approx", "John Kirby"),
                    ("over 3,000", 3000, "min", "Volodymyr Zelensky"),
                    ("an estimated 4,700", 4700, "approx", None)]),
])
def test_cli_compare_seeds_groups(measure, expected):
    result = seeds_run("compare", str(SEEDS))
    assert result.exit_code == 0, result.output
    groups = records(result.stdout)
    assert groups
    for g in groups:
        assert set(g) == GROUP_KEYS
        assert len(g["rows"]) >= 2  # --min-claims defaults to 2
    group = one_group(groups, measure)
    assert group["label"] == f"North Korea · troops · {measure}"
    for figure, value, bound, source in expected:
        row = row_for(group, figure)
        assert row["value"] == value
        assert row["bound"] == bound
        if source is not None:
            assert row["source"] == source
    assert all(r["scope"] in ("total", "addition", "period", "incident", "part") for r in group["rows"])
    assert all(r["as_of_via"] in ("own time", "statement", "article", None) for r in group["rows"])
    # the seeds carry no article date: a flag needs two dated totals
    for c in group["conflicts"]:
        assert all(group["rows"][i]["as_of"] and group["rows"][i]["scope"] == "total" for i in (c["a"], c["b"]))


@pytest.mark.parametrize(("suffix", "check"), [
    (".png", lambda data: data.startswith(PNG_MAGIC) and len(data) > 1000),
    (".html", lambda data: b"<svg" in data and data.lstrip().lower().startswith(b"<!doctype html")),
])
def test_cli_compare_plot_writes_file(tmp_path, suffix, check):
    plot = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["compare", str(SEEDS), "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    assert plot.is_file()
    assert check(plot.read_bytes()), plot.read_bytes()[:200]
    assert {g["label"] for g in records(result.stdout)} >= {"North Korea · troops · killed"}
    assert str(plot) in result.stderr


@pytest.mark.parametrize("name", ["out.pdf"])
def test_cli_compare_plot_bad_suffix_is_usage_error_before_extraction(tmp_path, monkeypatch, name):
    calls = no_pipeline(monkeypatch)
    plot = tmp_path / name
    result = runner.invoke(app, ["compare", str(SEEDS), "--plot", str(plot)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert calls == []
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1 and name in lines[0] and ".png" in lines[0], lines
    assert not plot.exists()


@pytest.mark.parametrize("shown", [["groups of comparable claims", "North Korea · troops · killed", "around 4,000",
                                    "North Korea · troops · casualties", "[3,000, ∞)", "0 disputes", "subject: North Korea"]])
def test_cli_compare_table_renders(shown):
    result = seeds_run("compare", "-f", "table", str(SEEDS))
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout.splitlines()[0])


# -- render ------------------------------------------------------------


class MarkParser(html.parser.HTMLParser):
    """The text of every <mark>, with its data-roles, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[tuple[list[str], str]] = []
        self.open = False

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.marks.append((dict(attrs).get("data-roles", "").split(), ""))
            self.open = True

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open = False

    def handle_data(self, data):
        if self.open:
            roles, text = self.marks[-1]
            self.marks[-1] = (roles, text + data)


# an attribute or CSS url() that fetches from elsewhere: http(s)://... or protocol-relative //...
EXTERNAL = re.compile(r"""(?:\b(?:src|href|srcset|action)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])\s*(?:https?:)?//""", re.I)


@pytest.mark.parametrize("seed", [SEED_FILES[1].name, SEED_FILES[3].name])
def test_cli_render_writes_self_contained_page(tmp_path, seed):
    page_path = tmp_path / "out.html"
    result = runner.invoke(app, ["render", str(SEEDS / seed), "--html", str(page_path)])
    assert result.exit_code == 0, result.output
    assert page_path.is_file()
    page = page_path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")

    extracted = runner.invoke(app, ["extract", str(SEEDS / seed)])
    assert extracted.exit_code == 0, extracted.output
    figures = [r["figure"]["text"] for r in records(extracted.stdout)]
    assert figures
    parser = MarkParser()
    parser.feed(page)
    parser.close()
    for i, figure in enumerate(figures):
        # a figure may be cut into several marks where another span starts inside it; together they spell it
        pieces = [text for roles, text in parser.marks if f"figure:{i}" in roles]
        assert "".join(pieces) == figure, (i, pieces)
    assert not any(f"figure:{len(figures)}" in roles for roles, _ in parser.marks)

    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "http://" not in page and "https://" not in page


@pytest.mark.parametrize("folder", [SEEDS])
def test_cli_render_folder_is_usage_error(tmp_path, folder):
    page_path = tmp_path / "out.html"
    result = runner.invoke(app, ["render", str(folder), "--html", str(page_path)])
    assert result.exit_code == 2, result.output
    assert str(folder) in result.stderr
    assert not page_path.exists()


@pytest.mark.parametrize("name", ["missing.txt"])
def test_cli_render_missing_file_exits_1(tmp_path, name):
    missing = tmp_path / name
    page_path = tmp_path / "out.html"
    result = runner.invoke(app, ["render", str(missing), "--html", str(page_path)])
    assert result.exit_code == 1, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert str(missing) in lines[0] and "no such" in lines[0]
    assert not page_path.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left either


@pytest.mark.parametrize("seed", [SEED_FILES[0].name])
def test_cli_render_needs_html(seed):
    result = runner.invoke(app, ["render", str(SEEDS / seed)])
    assert result.exit_code == 2, result.output
    assert "--html" in result.output


# -- eval --------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def extracted_seeds() -> str:
    """`claimx extract seeds/ -f jsonl`, as a program reads it."""
    result = runner.invoke(app, ["extract", str(SEEDS), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert records(result.stdout)
    return result.stdout


def write_predictions(tmp_path: Path) -> Path:
    path = tmp_path / "pred.jsonl"
    path.write_text(extracted_seeds(), encoding="utf-8")
    return path


@functools.lru_cache(maxsize=1)
def library_report() -> dict:
    """What claimx.across.evaluate says about `claimx extract seeds/ -f jsonl` (tests/test_evaluate.py holds it to
    the shared referee's numbers), through JSON as the command prints it."""
    report = evaluate.score(evaluate.load_gold(SEEDS_GOLD), records(extracted_seeds()))
    return json.loads(json.dumps(report, ensure_ascii=False))


@pytest.mark.parametrize("fmt_args", [["-f", "json"], ["--format", "json"]])
def test_cli_eval_json_matches_the_library(monkeypatch, fmt_args):
    monkeypatch.chdir(SEEDS.parent)
    result = runner.invoke(app, ["eval", str(Path("docs", "gold", "seeds.jsonl")), "seeds/", *fmt_args])
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    expected = library_report()
    assert got.keys() == expected.keys()
    for key in expected:
        assert got[key] == expected[key], f"{key}: claimx.across.evaluate {expected[key]!r}, claimx eval {got[key]!r}"
    assert got["matched"] > 0


@pytest.mark.parametrize("fmt_args", [["-f", "json"]])
def test_cli_eval_predictions_matches_the_library(tmp_path, monkeypatch, fmt_args):
    calls = no_pipeline(monkeypatch)  # the predictions are read, not made
    pred = write_predictions(tmp_path)
    result = runner.invoke(app, ["eval", str(SEEDS_GOLD), str(pred), "--predictions", *fmt_args])
    assert result.exit_code == 0, (result.output, result.exception)
    assert calls == []
    assert json.loads(result.stdout) == library_report()


@pytest.mark.parametrize("shown", [["detection", "claim", "value accuracy on matched", "gold "]])
def test_cli_eval_table(tmp_path, shown):
    pred = write_predictions(tmp_path)
    result = runner.invoke(app, ["eval", str(SEEDS_GOLD), str(pred), "--predictions"], env=WIDE)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.stdout
    report = library_report()
    d = report["detection"]
    assert f"{d['f']:.3f}" in result.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)


@pytest.mark.parametrize(("broken", "line"), [("{not json\n", 3), ("[1, 2]\n", 3)])
def test_cli_eval_broken_gold_line_exits_1(tmp_path, monkeypatch, broken, line):
    no_pipeline(monkeypatch)  # the gold file is read first: a bad one stops before the pipeline loads
    lines = SEEDS_GOLD.read_text(encoding="utf-8").splitlines(keepends=True)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join([*lines[:line - 1], broken, *lines[line - 1:]]), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(SEEDS), "-f", "json"])
    assert result.exit_code == 1, (result.output, result.exception)
    errs = stderr_lines(result)
    assert len(errs) == 1, errs
    assert str(gold) in errs[0] and f"line {line}" in errs[0]
    assert result.stdout == ""
