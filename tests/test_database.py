"""The claims database (`--format sqlite`): schema, rows equal to the JSONL records, keys, full-text
search, --resume, a killed run, compare's tables, and Datasette serving it over HTTP."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from conftest import records, spy_on_stream, stderr_lines
from sqlite_utils import Database
from typer.testing import CliRunner

import claimx.out.database
from claimx.across.actors import claim_ref
from claimx.cli import app
from claimx.model import AsOf, Claim, Figure, Source, TextSpan
from claimx.out.database import (
    ClaimDatabase,
    claim_columns,
    claim_id,
    datasette_metadata,
    flatten,
    record_actors,
    spelling_of,
)
from claimx.read.io import Document

runner = CliRunner()

# Articles in our own words, of three kinds: war reporting, local crime, business.
ARTICLES = {
    "kharkiv.txt": (
        "Shelling hits Kharkiv suburbs\n\n"
        "Regional governor Petro Lysenko said 14 civilians were killed in overnight shelling of the Kharkiv suburbs "
        "on Tuesday.\n\n"
        "The army said about 2,000 troops were deployed to the northern border, and a spokesman added that between "
        "30 and 40 soldiers were missing after the attack.\n\n"
        "Ukraine's military said 300 Russian soldiers were killed near Kupiansk last week.\n"),
    "kharkiv-mayor.txt": (
        "Mayor counts the dead\n\n"
        "The mayor of Kharkiv, Ihor Terekhov, said 20 civilians were killed in the overnight shelling of the city's "
        "suburbs.\n\n"
        "Ukraine's military said 450 Russian soldiers were killed near Kupiansk last week.\n"),
    "acme.txt": (
        "Acme Foods to cut jobs\n\n"
        "Acme Foods said it would cut 450 jobs at its Bristol bakery, according to a company statement released on "
        "5 March 2024.\n\n"
        "Union leader Maria Evans said the cuts would cost the town £12 million a year in lost wages.\n"),
    "quiet.txt": "The council met on a quiet evening and agreed to repaint the library doors.\n",
}
# One article through a JSONL corpus, which gives its date and address.
WIRE = {"id": "leeds-stabbing", "date": "2024-03-09", "url": "https://news.example.org/leeds-stabbing",
        "text": "Stabbing outside nightclub\n\nPolice said three people were injured in a stabbing outside a nightclub "
                "in Leeds on Saturday night.\n\nDetective Sarah Holt said 12 officers were deployed to the scene.\n"}
DOC_NAMES = sorted([*ARTICLES, WIRE["id"]])


def write_corpus(folder: Path, copies: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        prefix = f"{i:03d}_" if copies > 1 else ""
        for name, text in ARTICLES.items():
            (folder / f"{prefix}{name}").write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text(json.dumps(WIRE) + "\n", encoding="utf-8")
    return folder


def invoke(*args: str):
    return runner.invoke(app, [*args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The corpus, its claims as JSONL, and the database extract wrote from it."""
    root = tmp_path_factory.mktemp("db")
    folder = write_corpus(root / "in")
    jsonl = invoke("extract", str(folder), "-f", "jsonl", "-q")
    assert jsonl.exit_code == 0, jsonl.output
    db_path = root / "claims.db"
    result = invoke("extract", str(folder), "-f", "sqlite", "-o", str(db_path), "-q")
    assert result.exit_code == 0, result.output
    return folder, records(jsonl.stdout), db_path


@pytest.fixture
def db(built):
    database = Database(built[2])
    yield database
    database.close()


# -- schema ------------------------------------------------------------------

@pytest.mark.parametrize(("table", "pk", "columns"), [
    ("documents", ["name"], {"name": str, "path": str, "date": str, "url": str}),
    ("claims", ["id"], {"id": str, "doc": str, "figure_text": str, "figure_value": float, "figure_low": float,
                        "figure_high": float, "measure": str, "source_name": str, "source_actor": str,
                        "counted_actor": str, "hedged": int, "quote": int, "time_date": str, "sentence_text": str}),
    ("actors", ["id"], {"id": str, "name": str, "kind": str, "aliases": str}),
    ("claim_actors", ["claim", "role"], {"claim": str, "actor": str, "role": str}),
    # compare's tables are there before compare runs: a saved query on them never meets a missing table
    ("groups", ["id"], {"id": int, "label": str, "measure": str, "spread": float}),
    ("group_claims", ["group_id", "row"], {"group_id": int, "row": int, "ref": str, "value": float, "high": float,
                                           "hedged": int, "as_of": str, "scope": str}),
    ("conflicts", ["rowid"], {"group_id": int, "a": int, "b": int, "reason": str, "a_ref": str, "b_ref": str}),
])
def test_database_schema(db, table, pk, columns):
    assert db[table].pks == pk
    have = db[table].columns_dict
    assert {k: have.get(k) for k in columns} == columns


FOREIGN_KEYS = {
    "claims": {("doc", "documents", "name"), ("source_actor", "actors", "id"), ("counted_actor", "actors", "id")},
    "claim_actors": {("claim", "claims", "id"), ("actor", "actors", "id")},
    "groups": set(),
    "group_claims": {("group_id", "groups", "id"), ("ref", "claims", "id"), ("source_id", "actors", "id")},
    "conflicts": {("group_id", "groups", "id"), ("a_ref", "claims", "id"), ("b_ref", "claims", "id")},
}


@pytest.mark.parametrize(("table", "expected"), FOREIGN_KEYS.items())
def test_database_foreign_keys(db, table, expected):
    assert {(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys} == expected
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("columns", [["measure"], ["counted_text"], ["source_name"], ["source_actor"]])
def test_database_indexes(db, columns):
    assert columns in [ix.columns for ix in db["claims"].indexes]


@pytest.mark.parametrize(("column", "json_type", "sql_type"), [
    ("figure_value", "number", float), ("figure_start", "integer", int), ("hedged", "boolean", int),
    ("measure", "enum", str), ("source_kind", "enum", str),
])
def test_database_claim_columns_typed_by_the_schema(column, json_type, sql_type):
    assert claim_columns()[column] is sql_type, json_type


# -- rows: the JSONL records, every field ---------------------------------------

def test_database_rows_are_the_jsonl_records(built, db):
    _, recs, _ = built
    assert db["claims"].count == len(recs) > 0
    rows = {row["id"]: row for row in db["claims"].rows}
    assert set(rows) == {claim_id(r) for r in recs}
    for rec in recs:
        row = rows[claim_id(rec)]
        for key, value in flatten(rec).items():
            assert row[key] == value, (claim_id(rec), key)
        assert all(row[k] is None for k in set(row) - set(flatten(rec)) - {"id"})  # nulls stay null


def test_database_documents_with_and_without_claims(built, db):
    _, recs, _ = built
    docs = {row["name"]: row for row in db["documents"].rows}
    assert sorted(docs) == DOC_NAMES
    assert (docs[WIRE["id"]]["date"], docs[WIRE["id"]]["url"]) == (WIRE["date"], WIRE["url"])
    per_doc = Counter(r["doc"] for r in recs)
    assert "quiet.txt" not in per_doc  # no claims, but a document all the same
    assert {name: db["claims"].count_where("doc = ?", [name]) for name in docs} == {n: per_doc[n] for n in docs}


@pytest.mark.parametrize("date", ["2025-05-01"])
def test_database_document_date_is_the_claims_article_date(built, tmp_path, date):
    """A text file has no date of its own: --date is the article's, as its claims' as-of dates say."""
    folder, _, _ = built
    out = tmp_path / "claims.db"
    result = invoke("extract", str(folder), "-f", "sqlite", "-o", str(out), "--date", date, "-q")
    assert result.exit_code == 0, result.output
    with Database(out) as db:
        pairs = db.execute("select distinct d.name, d.date, c.as_of_date from claims c join documents d on d.name = c.doc "
                           "where c.as_of_via = 'article'").fetchall()
        dates = {r["name"]: r["date"] for r in db["documents"].rows}
    assert pairs and all(doc_date == as_of for _, doc_date, as_of in pairs), pairs
    assert {name for name, _, _ in pairs} >= {"kharkiv.txt", "acme.txt"}
    assert dates[WIRE["id"]] == WIRE["date"]  # the input's own date first, as for its claims


def test_database_cli_date_dates_an_article_without_claims(tmp_path):
    """`extract --date` reaches the database: a text file with no figure still gets the date given."""
    article = tmp_path / "in" / "calm.txt"
    article.parent.mkdir()
    article.write_text("The council met on a quiet morning and adjourned.\n", encoding="utf-8")
    out = tmp_path / "claims.db"
    result = invoke("extract", str(article), "-f", "sqlite", "-o", str(out), "--date", "2025-05-01", "-q")
    assert result.exit_code == 0, result.output
    with Database(out) as db:
        assert db["documents"].get("calm.txt")["date"] == "2025-05-01"


@pytest.mark.parametrize(("doc_date", "given", "as_of", "expected"), [
    (None, "2025-05-01", None, "2025-05-01"),  # --date, even for an article without claims
    (None, None, {"date": "2024-02-03", "via": "article"}, "2024-02-03"),  # the date the claims carry as the article's
    (None, None, {"date": "2024-01", "via": "own time"}, None),  # a figure's own time is no article date
    ("2023-07-08", "2025-05-01", {"date": "2023-07-08", "via": "article"}, "2023-07-08"),
])
def test_database_document_date(tmp_path, doc_date, given, as_of, expected):
    text = "Officials said 40 homes were flooded."
    claims = [] if as_of is None else [Claim(doc="flood.txt", figure=Figure("40", 15, 17, 40),
                                              sentence=TextSpan(text, 0, len(text)), as_of=AsOf(**as_of))]
    with ClaimDatabase(tmp_path / "claims.db", date=given) as writer:
        writer.write(Document("flood.txt", "flood.txt", text, date=doc_date), claims)
    with Database(tmp_path / "claims.db") as db:
        assert db["documents"].get("flood.txt")["date"] == expected


@pytest.mark.parametrize(("column", "types"), [("figure_value", {"real", "null"}), ("figure_low", {"real", "null"}),
                                               ("hedged", {"integer"})])
def test_database_numbers_are_numbers(db, column, types):
    found = {t for (t,) in db.execute(f"select distinct typeof({column}) from claims").fetchall()}
    assert found <= types and found - {"null"}


def test_database_range_keeps_its_ends(db):
    (low, high, value), = db.execute("select figure_low, figure_high, figure_value from claims "
                                     "where figure_bound = 'range'").fetchall()
    assert (low, high, value) == (30.0, 40.0, None)


def test_database_claim_actors_link_every_actor_id(built, db):
    _, recs, _ = built
    expected = {(claim_id(r), r[role]["actor"], role) for r in recs for role in ("source", "counted")
                if r.get(role) and r[role].get("actor")}
    assert {(x["claim"], x["actor"], x["role"]) for x in db["claim_actors"].rows} == expected
    actors = {a["id"]: a for a in db["actors"].rows}
    assert {a for _, a, _ in expected} == set(actors)
    assert actors["petro-lysenko"]["name"] == "Petro Lysenko" and actors["petro-lysenko"]["kind"] == "person"
    assert actors["russia"]["name"] == "Russia"  # a counted actor: the alias file's canonical name


# -- full-text search ----------------------------------------------------------

@pytest.mark.parametrize(("query", "docs"), [("stabbing", {WIRE["id"]}), ("Lysenko", {"kharkiv.txt"}),
                                             ("Kupiansk", {"kharkiv.txt", "kharkiv-mayor.txt"}), ("bakery", {"acme.txt"})])
def test_database_full_text_search(db, query, docs):
    hits = list(db["claims"].search(query, columns=["doc"]))
    assert hits and {h["doc"] for h in hits} == docs


# -- resume, atomic documents, a killed run -----------------------------------------

def test_database_resume_skips_documents_already_there(built, tmp_path, monkeypatch):
    folder, recs, _ = built
    out = tmp_path / "claims.db"
    first = invoke("extract", str(folder / "acme.txt"), str(folder / "quiet.txt"), "-f", "sqlite", "-o", str(out))
    assert first.exit_code == 0, first.output
    seen = spy_on_stream(monkeypatch)
    resumed = invoke("extract", str(folder), "-f", "sqlite", "-o", str(out), "--resume", "-q")
    assert resumed.exit_code == 0, resumed.output
    assert sorted(seen) == sorted(set(DOC_NAMES) - {"acme.txt", "quiet.txt"})  # a document without claims too
    with Database(out) as db:
        assert db["claims"].count == len(recs)
        assert sorted(r["name"] for r in db["documents"].rows) == DOC_NAMES


def test_database_without_resume_starts_again(built, tmp_path):
    folder, recs, _ = built
    out = tmp_path / "claims.db"
    for _ in range(2):
        assert invoke("extract", str(folder), "-f", "sqlite", "-o", str(out), "-q").exit_code == 0
    with Database(out) as db:
        assert db["claims"].count == len(recs)


def test_database_document_written_whole_or_not_at_all(nlp, tmp_path, monkeypatch):
    from claimx.run.pipeline import extract_documents

    docs = [Document(name, name, ARTICLES[name]) for name in ("kharkiv.txt", "acme.txt")]
    real = claimx.out.database.upsert_actors
    calls = []

    def failing(db, actors, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")  # after the second document's claims were inserted
        return real(db, actors, **kw)

    monkeypatch.setattr(claimx.out.database, "upsert_actors", failing)
    out = tmp_path / "claims.db"
    with ClaimDatabase(out) as writer, pytest.raises(OSError):
        for doc, claims in extract_documents(nlp, docs):
            writer.write(doc, claims)
    with Database(out) as db:
        assert [r["name"] for r in db["documents"].rows] == ["kharkiv.txt"]
        assert {r["doc"] for r in db["claims"].rows} == {"kharkiv.txt"}
        assert db["claims"].count == len(list(db["claims"].search("Kharkiv OR Kupiansk OR border OR soldiers")))


def test_database_killed_run_leaves_whole_documents(built, tmp_path):
    """A run killed mid-way (SIGKILL) leaves a database that opens and holds whole documents; --resume completes it."""
    _, recs, _ = built
    per_article = Counter(r["doc"] for r in recs)
    copies = 30
    folder = write_corpus(tmp_path / "in", copies)
    total = copies * len(ARTICLES) + 1
    out = tmp_path / "claims.db"
    cmd = [sys.executable, "-m", "claimx", "extract", str(folder), "-f", "sqlite", "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while proc.poll() is None and _documents(out) < 1:
            time.sleep(0.005)
        proc.kill()
    finally:
        proc.wait()
    done = _documents(out)
    assert 0 < done < total, f"the run was not stopped mid-way ({done} of {total} documents)"
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        for name, n in conn.execute("select name, (select count(*) from claims where doc = name) from documents"):
            assert n == per_article[name.split("_", 1)[-1]], name  # every claim of each document, no fewer
        assert conn.execute("select count(*) from claims where doc not in (select name from documents)").fetchone() == (0,)
    resumed = invoke("extract", str(folder), "-f", "sqlite", "-o", str(out), "--resume", "-q")
    assert resumed.exit_code == 0, resumed.output
    with Database(out) as db:
        assert db["documents"].count == total
        assert db["claims"].count == copies * sum(n for d, n in per_article.items() if d in ARTICLES) + per_article[WIRE["id"]]


def _documents(path: Path) -> int:
    """How many documents a database being written holds (0 while it has none, or is not there yet)."""
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not made yet
        return 0


# -- record fields flow into columns -------------------------------------------------

@pytest.mark.parametrize(("as_of", "scope"), [(AsOf("2024-03-01", "statement"), "period"), (AsOf("2023", "article"), "total")])
def test_database_record_fields_get_columns(tmp_path, as_of, scope):
    """A record's fields become columns, a nested one flattened (as_of -> as_of_date, as_of_via)."""
    text = "Officials said 40 homes were flooded."
    claim = Claim(doc="flood.txt", figure=Figure("40", 15, 17, 40), sentence=TextSpan(text, 0, len(text)),
                  source=Source("Officials", 0, 9, "officials", kind="vague"), as_of=as_of, scope=scope)
    with ClaimDatabase(tmp_path / "claims.db") as writer:
        writer.write(Document("flood.txt", "flood.txt", text), [claim])
    with Database(tmp_path / "claims.db") as db:
        row = next(iter(db["claims"].rows))
    assert (row["as_of_date"], row["as_of_via"], row["scope"]) == (as_of.date, as_of.via, scope)


# -- pieces ------------------------------------------------------------------

@pytest.mark.parametrize(("record", "expected"), [
    ({"doc": "a.txt", "figure": {"start": 12, "value": 3}, "measure": None, "source": None, "hedged": False},
     {"doc": "a.txt", "figure_start": 12, "figure_value": 3, "hedged": False}),
    ({"doc": "b.txt", "figure": {"start": 0, "low": None}, "as_of": {"date": "2025-01", "via": "text"}},
     {"doc": "b.txt", "figure_start": 0, "as_of_date": "2025-01", "as_of_via": "text"}),
])
def test_database_flatten(record, expected):
    assert flatten(record) == expected


def test_database_claim_id_is_the_claim_ref(seed_claims):
    assert [claim_id(c.to_dict()) for c in seed_claims] == [claim_ref(c) for c in seed_claims]


@pytest.mark.parametrize(("actor", "text", "expected"), [
    ("hamas", "Hamas fighters", "Hamas"),
    ("acme-foods", "Acme Foods's warehouse staff", "Acme Foods"),
    ("north-korea", "North Korean soldiers", None),
])
def test_database_spelling_of(actor, text, expected):
    assert spelling_of(actor, text) == expected


def test_database_record_actors_prefer_the_alias_file():
    rec = {"doc": "a.txt", "figure": {"start": 4},
           "source": {"name": "Kremlin", "kind": "organisation", "actor": "russia"},
           "counted": {"text": "Russian troops", "actor": "russia"}}
    actors, links = record_actors([rec], {"russia": ("Russia", "place")})
    assert actors == [{"id": "russia", "name": "Russia", "kind": "place", "aliases": ["Kremlin"]}]
    assert links == [{"claim": "a.txt:4", "actor": "russia", "role": "source"},
                     {"claim": "a.txt:4", "actor": "russia", "role": "counted"}]


# -- compare and actors into the same database ------------------------------------------

def test_database_compare_writes_groups_and_conflicts(built, tmp_path):
    folder, _, db_path = built
    out = tmp_path / "claims.db"
    out.write_bytes(db_path.read_bytes())
    dated = ("--date", "2025-05-01")  # one date for the undated seeds, so that claims can conflict at all
    jsonl = invoke("compare", str(folder), *dated, "-f", "jsonl")
    assert jsonl.exit_code == 0, jsonl.output
    groups = records(jsonl.stdout)
    assert any(g["conflicts"] for g in groups)
    for _ in range(2):  # a second run replaces the first
        result = invoke("compare", str(folder), *dated, "-f", "sqlite", "-o", str(out))
        assert result.exit_code == 0, result.output
    with Database(out) as db:
        assert db["groups"].count == len(groups)
        assert db["group_claims"].count == sum(len(g["rows"]) for g in groups)
        assert db["conflicts"].count == sum(len(g["conflicts"]) for g in groups)
        assert [r["label"] for r in db["groups"].rows_where(order_by="id")] == [g["label"] for g in groups]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []  # every ref is a claim of the database
        assert {(fk.column, fk.other_table) for fk in db["conflicts"].foreign_keys} == {
            ("group_id", "groups"), ("a_ref", "claims"), ("b_ref", "claims")}
        assert db["claims"].count > 0  # extract's tables are kept


@pytest.mark.parametrize("article", ["kharkiv-mayor.txt"])
def test_database_compare_without_conflicts_keeps_every_table(built, tmp_path, article):
    """One article conflicts with nothing: `conflicts` is there all the same, with its columns and keys."""
    folder, _, _ = built
    out = tmp_path / "claims.db"
    result = invoke("compare", str(folder / article), "--min-claims", "1", "-f", "sqlite", "-o", str(out))
    assert result.exit_code == 0, result.output
    with Database(out) as db:
        assert db["groups"].count > 0 and db["conflicts"].count == 0
        for table, keys in FOREIGN_KEYS.items():
            assert db[table].exists(), table
            assert {(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys} == keys, table
        assert set(db["conflicts"].columns_dict) == {"group_id", "a", "b", "reason", "a_ref", "b_ref"}
        assert db.execute("select count(*) from conflicts join groups on groups.id = conflicts.group_id").fetchone() == (0,)


# -- errors ------------------------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["extract", "{doc}", "-f", "sqlite"], "--format sqlite needs --output"),
    (["compare", "{doc}", "-f", "sqlite"], "--format sqlite needs --output"),
    (["extract", "{doc}", "-f", "sqlite", "-o", "{notdb}", "--resume"], "not a SQLite database"),
    (["extract", "{doc}", "-f", "sqlite", "-o", "{notdb}"], "not a SQLite database (refusing to replace it)"),
    (["compare", "{doc}", "-f", "sqlite", "-o", "{notdb}"], "not a SQLite database"),
    (["extract", "{doc}", "-f", "csv", "-o", "{out}", "--resume"], "--resume needs --output FILE and --format jsonl or sqlite"),
])
def test_database_bad_options_one_line(tmp_path, args, message):
    doc = tmp_path / "a.txt"
    doc.write_text(ARTICLES["acme.txt"], encoding="utf-8")
    notdb = tmp_path / "claims.db"
    notdb.write_text("not a database\n", encoding="utf-8")
    result = invoke(*(a.format(doc=doc, notdb=notdb, out=tmp_path / "x.csv") for a in args))
    assert result.exit_code == 2, result.output
    assert len(stderr_lines(result)) == 1 and message in result.stderr
    assert notdb.read_text(encoding="utf-8") == "not a database\n"  # left as it was


# -- Datasette -------------------------------------------------------------------

SERVE_TIMEOUT = 60.0  # seconds for Datasette to start on a busy machine


def test_database_served_by_datasette(built):
    import datasette  # noqa: F401 - the test extra has it: without it this fails, it does not skip
    _, recs, db_path = built
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(db_path), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/{db_path.stem}"
    try:
        rows = _get_json(f"{base}/claims.json?_shape=array&_size=max", proc)
        assert sorted(r["id"] for r in rows) == sorted(claim_id(r) for r in recs)
        hits = _get_json(f"{base}/claims.json?_shape=array&_search=stabbing", proc)
        assert {r["doc"] for r in hits} == {WIRE["id"]}
        page = urllib.request.urlopen(f"{base}/claims", timeout=30).read().decode("utf-8")
        assert "Petro Lysenko" in page and "figure_value" in page
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _get_json(url: str, proc: subprocess.Popen) -> list[dict]:
    deadline = time.monotonic() + SERVE_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                pytest.fail(f"datasette exited: {proc.stderr.read().decode()}")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


# -- the packaged Datasette metadata: titles, facets and canned queries ---------------------------

def test_database_metadata_names_only_what_the_database_has(db):
    """Every table, column, facet, sort and label the metadata names is in a database extract wrote."""
    tables = datasette_metadata("claims.db")["databases"]["claims"]["tables"]
    assert set(tables) == {"documents", "claims", "actors", "claim_actors", "groups", "group_claims", "conflicts"}
    for name, meta in tables.items():
        have = set(db[name].columns_dict)
        named = {*meta.get("columns", {}), *meta.get("facets", []), *filter(None, [meta.get("sort"), meta.get("label_column")])}
        assert named <= have, (name, named - have)
        assert meta["title"] and meta["description"]


@pytest.mark.parametrize("name", ["news.db", "claims.db"])
def test_database_metadata_is_for_the_database_named(tmp_path, name):
    out = tmp_path / "metadata.json"
    result = invoke("datasette-metadata", str(tmp_path / name), "-o", str(out))
    assert result.exit_code == 0, result.output
    meta = json.loads(out.read_text(encoding="utf-8"))
    assert list(meta["databases"]) == [Path(name).stem]
    assert set(meta["databases"][Path(name).stem]["queries"]) >= {"claims_by_actor", "figures_by_measure"}


def test_database_metadata_ships_with_the_package():
    """The file is package data: pyproject's package-data globs reach it."""
    from fnmatch import fnmatch

    pyproject = (Path(claimx.out.database.__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    globs = json.loads("[" + pyproject.split("[tool.setuptools.package-data]")[1].split("claimx = [", 1)[1].split("]", 1)[0] + "]")
    assert any(fnmatch("/".join(claimx.out.database.METADATA), g) for g in globs), globs


def test_database_datasette_serves_the_canned_queries(built, tmp_path):
    """`datasette news.db --metadata FILE` through Datasette's own test client: facets, labels and canned queries."""
    from datasette.app import Datasette

    _, recs, db_path = built
    served = tmp_path / "news.db"
    shutil.copyfile(db_path, served)
    meta_path = tmp_path / "metadata.json"
    assert invoke("datasette-metadata", str(served), "-o", str(meta_path)).exit_code == 0
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    paths = {
        "by_name": ("claims_by_actor", {"actor": "Petro Lysenko"}),
        "by_id": ("claims_by_actor", {"actor": "petro-lysenko"}),
        "killed": ("figures_by_measure", {"measure": "killed"}),
        "conflicts": ("conflicts_explained", {}),
        "claims": ("claims", {"_labels": "on", "_size": "max"}),
    }

    async def fetch() -> dict:
        ds = Datasette([str(served)], metadata=meta)
        await ds.invoke_startup()
        got = {}
        for key, (path, params) in paths.items():
            response = await ds.client.get(f"/news/{path}.json?" + urllib.parse.urlencode({**params, "_shape": "objects"}))
            assert response.status_code == 200, (path, response.text[:500])
            got[key] = response.json()
        page = await ds.client.get("/news/claims")
        got["page"] = page.text
        return got

    got = asyncio.run(fetch())
    lysenko = sorted(claim_id(r) for r in recs if (r.get("source") or {}).get("actor") == "petro-lysenko")
    assert lysenko and sorted(r["id"] for r in got["by_name"]["rows"]) == lysenko
    assert sorted(r["id"] for r in got["by_id"]["rows"]) == lysenko
    killed = got["killed"]["rows"]
    assert sorted(r["id"] for r in killed) == sorted(claim_id(r) for r in recs if r["measure"] == "killed")
    dates = [r["date"] for r in killed]
    assert dates == sorted(dates, key=lambda d: (d is None, d or "")), dates  # by date, undated last
    assert got["conflicts"]["rows"] == []  # compare has not run: the query runs on the empty table
    table = got["claims"]
    assert {"measure", "source_actor", "scope"} <= set(table["facet_results"])  # the metadata's facets
    labelled = {r["source_actor"]["value"]: r["source_actor"]["label"] for r in table["rows"] if r["source_actor"]}
    assert labelled["petro-lysenko"] == "Petro Lysenko"  # the foreign key to actors: its name beside the id
    assert meta["databases"]["news"]["tables"]["claims"]["description"] in got["page"]
