"""The claims database: `extract`'s records and `compare`'s groups in one SQLite file, for Datasette.

Written with sqlite-utils. The tables:

- `documents` (name, path, date, url): one row per article read, with or without claims;
- `claims`: one row per claim, `id` first (see `claim_id`), then every field of the JSONL
  record, its nested objects flattened as object_field as the CSV writer does (`figure_value`,
  `source_name`); `doc` is a foreign key to `documents`. Column types come from the record's
  JSON schema (figure value/low/high are REAL); a field the schema does not know yet gets a
  column when it first has a value. Full-text search on the sentence and the source; indexes
  on the measure, the subject (what is counted) and the source;
  `source_actor` and `counted_actor` are foreign keys to `actors` (Datasette shows the actor's
  name beside the id, and a facet on them joins the spellings of one actor);
- `actors` (id, name, kind, aliases) and `claim_actors` (claim, actor, role: source or counted);
- `groups`, `group_claims` and `conflicts`: `compare`'s groups, written whole each time.

Every table, column type and key is there from the first write whatever the data: `extract`
makes `compare`'s tables empty, and `compare` makes `conflicts` when nothing conflicts, so a
saved query never meets a missing table. `compare`'s columns come from its records' fields
(`timelines.Group`, `Row`, `Conflict`). A document's `date` is the one its claims' as-of dates
fall back on: the input's own, else `--date`, else the date the claims carry as the article's.

Each document is written in one transaction, so a run that is killed leaves a database that
opens and holds whole documents only; `--resume` skips the documents already in it.
`extract` knows the actors only as the claims name them (the source's name, the alias
file's canonical name, the counted words that spell the actor's id); `actors` and `compare`
write the full index over their articles.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from ..across.timelines import Conflict, Group, Row
from ..components.mentions import ActorLexicon
from ..errors import Errors, InputError
from ..model import Claim
from ..read.io import Document
from ..read.names import display, slug

DOCUMENTS, CLAIMS, ACTORS, CLAIM_ACTORS = "documents", "claims", "actors", "claim_actors"
GROUPS, GROUP_CLAIMS, CONFLICTS = "groups", "group_claims", "conflicts"
FTS_COLUMNS = ("sentence_text", "source_text", "source_name")  # what `claims` is searched on
# one index each: the measure, the subject (what is counted, its actor) and the source
INDEXES = (("measure",), ("counted_text",), ("counted_actor",), ("source_name",), ("source_actor",))
ACTOR_ROLES = ("source", "counted")  # the record's objects that carry an actor id
ARTICLE_VIA = "article"  # an as-of date found as the article's own (`AsOf.via`)
VAGUE = "vague"  # a source kind that names no actor
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
METADATA = ("out", "datasette", "metadata.json")  # Datasette's titles, descriptions, facets and queries, in the package
METADATA_NAME = "claims"  # the database the packaged metadata is written for: Datasette names one by its file's stem
JSON_TYPES = {"integer": int, "number": float, "boolean": int, "string": str}  # JSON schema type -> column type


def claim_id(record: dict[str, Any]) -> str:
    """A claim's id, `doc:start`: its document and the figure's first character, as `actors.claim_ref` makes it.

    Stable across runs over the same text, and unique within a document.
    """
    return f"{record['doc']}:{record['figure']['start']}"


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """A record as one row: nested objects as object_field columns; nulls left out (their columns stay empty)."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            row.update({f"{key}_{k}": v for k, v in value.items() if v is not None})
        elif value is not None:
            row[key] = value
    return row


def claim_columns() -> dict[str, type]:
    """The claims table's columns from the record's JSON schema, in its order: id first, objects flattened."""
    schema = json.loads(resources.files("claimx").joinpath("schema", "claim.schema.json").read_text(encoding="utf-8"))
    columns: dict[str, type] = {"id": str}
    for key, prop in schema["properties"].items():
        if "object" in _json_types(prop):
            columns.update({f"{key}_{k}": _column_type(p) for k, p in prop.get("properties", {}).items()})
        else:
            columns[key] = _column_type(prop)
    return columns


def _json_types(prop: dict[str, Any]) -> list[str]:
    kinds = prop.get("type", [])
    if "enum" in prop:
        kinds = sorted({_JSON_NAMES.get(type(v), "string") for v in prop["enum"] if v is not None})
    return [kinds] if isinstance(kinds, str) else list(kinds)


_JSON_NAMES = {bool: "boolean", int: "integer", float: "number", str: "string"}


def _column_type(prop: dict[str, Any]) -> type:
    kinds = _json_types(prop)
    return next((JSON_TYPES[k] for k in ("integer", "number", "boolean") if k in kinds), str)


def record_columns(cls: type, *, skip: Iterable[str] = ()) -> dict[str, type]:
    """A record class's fields as columns, in its order: whole numbers and flags INTEGER, floats REAL, else TEXT."""
    hints = typing.get_type_hints(cls)
    return {f.name: _python_column(hints[f.name]) for f in dataclasses.fields(cls) if f.name not in set(skip)}


def _python_column(hint: Any) -> type:
    kinds = set(typing.get_args(hint)) - {type(None)} if isinstance(hint, types.UnionType) else {hint}
    if kinds and kinds <= {int, bool}:
        return int
    return float if kinds and kinds <= {int, bool, float} else str


# compare's tables: (name, columns, primary key, foreign keys)
GROUP_TABLES: tuple[tuple[str, dict[str, type], str | tuple[str, ...] | None, tuple[tuple[str, str, str], ...]], ...] = (
    (GROUPS, {"id": int, **record_columns(Group, skip=("rows", "conflicts"))}, "id", ()),
    (GROUP_CLAIMS, {"group_id": int, "row": int, **record_columns(Row)}, ("group_id", "row"),
     (("group_id", GROUPS, "id"), ("ref", CLAIMS, "id"), ("source_id", ACTORS, "id"))),
    (CONFLICTS, {"group_id": int, **record_columns(Conflict), "a_ref": str, "b_ref": str}, None,
     (("group_id", GROUPS, "id"), ("a_ref", CLAIMS, "id"), ("b_ref", CLAIMS, "id"))),
)


def datasette_metadata(database: str | Path | None = None) -> dict[str, Any]:
    """The packaged Datasette metadata (`datasette claims.db --metadata FILE`), for the database file `database`.

    Datasette keys a database's tables and canned queries by the file's stem, so the packaged
    block for `claims` is renamed to `database`'s.
    """
    meta = json.loads(resources.files("claimx").joinpath(*METADATA).read_text(encoding="utf-8"))
    if database is not None:
        meta["databases"] = {Path(database).stem: meta["databases"][METADATA_NAME]}
    return meta


def open_database(path: str | Path, *, fresh: bool = False) -> Database:
    """The database at `path` (made if missing; emptied first when `fresh`).

    Raises:
        InputError: the file is not a SQLite database (and is left as it is).
    """
    if fresh and not _is_database(Path(path)):
        raise InputError(str(path), Errors.E028.format(path=path, err="refusing to replace it"))
    db = Database(path, recreate=fresh)
    try:
        db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as err:
        db.close()
        raise InputError(str(path), Errors.E028.format(path=path, err=err)) from None
    return db


def document_table(path: str | Path) -> dict[str, dict[str, str | None]]:
    """Each document's url and date by name, from a claims database.

    Raises:
        InputError: there is no such file, or it is not a claims database.
    """
    if not Path(path).is_file():
        raise InputError(str(path), Errors.E001.format(path=path))
    db = open_database(path)
    try:
        if not db[DOCUMENTS].exists():
            raise InputError(str(path), Errors.E028.format(path=path, err=f"no {DOCUMENTS} table"))
        return {row["name"]: {"url": row["url"], "date": row["date"]} for row in db[DOCUMENTS].rows}
    finally:
        db.close()


def _is_database(path: Path) -> bool:
    """A SQLite file, an empty file or none: what `--format sqlite` may replace."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return head in (b"", SQLITE_HEADER)


class ClaimDatabase:
    """Writes `extract`'s claims document by document into a database, one transaction each.

    Same interface as `writers.ClaimWriter`: `write(doc, claims)` and `count`.
    """

    def __init__(self, path: str | Path, *, resume: bool = False, lexicons: str | Path | None = None,
                 date: str | None = None) -> None:
        self.db = open_database(path, fresh=not resume)
        self.count = 0
        self.date = date  # --date: the date of articles that carry none
        lexicon = ActorLexicon.load(lexicons)
        self.canonical = {slug(name): (name, kind) for name, kind in lexicon.kinds.items()}
        with self.db.atomic():
            create_tables(self.db)

    def __enter__(self) -> ClaimDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def documents(self) -> set[str]:
        """The names of the documents already in the database: a resumed run skips them."""
        return {row["name"] for row in self.db[DOCUMENTS].rows}

    def write(self, doc: Document, claims: list[Claim]) -> None:
        """One whole document and its claims, in one transaction (a document of that name before is replaced)."""
        records = [c.to_dict() for c in claims]
        actors, links = record_actors(records, self.canonical)
        date = doc.date or self.date or article_date(records)
        with self.db.atomic():
            forget_document(self.db, doc.name)
            self.db[DOCUMENTS].insert({"name": doc.name, "path": doc.path, "date": date, "url": doc.url}, replace=True)
            upsert_actors(self.db, actors)  # before the claims that refer to them
            self.db[CLAIMS].insert_all((flatten({"id": claim_id(r), **r}) for r in records), alter=True)
            self.db[CLAIM_ACTORS].insert_all(links, replace=True)
        self.count += len(records)


def article_date(records: Iterable[dict[str, Any]]) -> str | None:
    """The article's date as its claims carry it: an as-of date found as the article's (the latest, as timex reads one)."""
    dates = [r["as_of"]["date"] for r in records if (r.get("as_of") or {}).get("via") == ARTICLE_VIA and r["as_of"].get("date")]
    return max(dates) if dates else None


def create_tables(db: Database) -> None:
    """Every table, its keys, full-text search and indexes, where missing: extract's and compare's."""
    if not db[DOCUMENTS].exists():
        db[DOCUMENTS].create({"name": str, "path": str, "date": str, "url": str}, pk="name")
    if not db[ACTORS].exists():
        db[ACTORS].create({"id": str, "name": str, "kind": str, "aliases": str}, pk="id")
    if not db[CLAIMS].exists():
        db[CLAIMS].create(claim_columns(), pk="id", foreign_keys=[("doc", DOCUMENTS, "name"),
                                                                  *((f"{role}_actor", ACTORS, "id") for role in ACTOR_ROLES)])
        db[CLAIMS].enable_fts(FTS_COLUMNS, create_triggers=True)
        for columns in INDEXES:
            db[CLAIMS].create_index(columns)
    if not db[CLAIM_ACTORS].exists():
        db[CLAIM_ACTORS].create({"claim": str, "actor": str, "role": str}, pk=("claim", "role"),
                                foreign_keys=[("claim", CLAIMS, "id"), ("actor", ACTORS, "id")])
        db[CLAIM_ACTORS].create_index(["actor"])
    for name, columns, pk, foreign_keys in GROUP_TABLES:
        if not db[name].exists():
            db[name].create(columns, pk=pk, foreign_keys=list(foreign_keys))


def forget_document(db: Database, name: str) -> None:
    """Remove a document's claims and their actor links (the document is written again)."""
    db[CLAIM_ACTORS].delete_where(f"claim in (select id from {CLAIMS} where doc = ?)", [name])
    db[CLAIMS].delete_where("doc = ?", [name])


def record_actors(records: Sequence[dict[str, Any]], canonical: dict[str, tuple[str, str]]
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The actors the records name, and one link per (claim, role).

    An actor's name and kind are the alias file's when its id is a canonical name's;
    else the source's name and kind, or the counted words that spell the id.
    """
    actors: dict[str, dict[str, Any]] = {}
    links = []
    for record in records:
        for role in ACTOR_ROLES:
            obj = record.get(role) or {}
            aid = obj.get("actor")
            if not aid:
                continue
            links.append({"claim": claim_id(record), "actor": aid, "role": role})
            spelled = obj.get("name") or spelling_of(aid, obj.get("text", ""))
            kind = obj.get("kind") if obj.get("kind") != VAGUE else None
            name, kind = canonical.get(aid, (spelled or aid, kind))
            actor = actors.setdefault(aid, {"id": aid, "name": name, "kind": kind, "aliases": set()})
            actor["kind"] = actor["kind"] or kind
            if spelled:
                actor["aliases"].add(spelled)
    return [{**a, "aliases": sorted(a["aliases"])} for a in actors.values()], links


def spelling_of(actor_id: str, text: str) -> str | None:
    """The longest run of words in `text` whose slug is the actor's id ('Hamas fighters' -> 'Hamas' for hamas)."""
    words = text.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if slug(phrase) == actor_id:
                return display(phrase)
    return None


def upsert_actors(db: Database, actors: Iterable[dict[str, Any]], *, rename: bool = False) -> None:
    """Add actors, or merge their aliases into those already there (`rename`: their name and kind win too)."""
    table = db[ACTORS]
    for actor in actors:
        try:
            old = table.get(actor["id"])
        except NotFoundError:
            old = None
        aliases = sorted({*json.loads(old["aliases"] or "[]"), *actor["aliases"]}) if old else list(actor["aliases"])
        if old and not rename:
            actor = {**actor, "name": old["name"], "kind": old["kind"] or actor["kind"]}
        table.upsert({"id": actor["id"], "name": actor["name"], "kind": actor["kind"], "aliases": aliases}, pk="id")


def write_actors(path: str | Path, actors: Iterable[Any]) -> None:
    """`claimx actors --format sqlite`: the actor index into the database's `actors` table, in one transaction."""
    db = open_database(path)
    try:
        with db.atomic():
            create_tables(db)
            upsert_actors(db, [{k: a.to_dict()[k] for k in ("id", "name", "kind", "aliases")} for a in actors], rename=True)
    finally:
        db.close()


def write_groups(path: str | Path, groups: Iterable[Any], actors: Iterable[Any] = ()) -> None:
    """`claimx compare --format sqlite`: its groups, their claims and conflicts, replacing those of an earlier run.

    Written from each group's JSON form (`to_dict()`): a group's own fields go to `groups`,
    each of its rows to `group_claims` (`ref` is a claim id), each conflict to `conflicts` with
    the refs of its two rows; the tables are made whole (`GROUP_TABLES`) even when empty. The
    actors of the index are added too.
    """
    group_rows, claim_rows, conflict_rows = [], [], []
    for gid, group in enumerate((g.to_dict() for g in groups), 1):
        rows = group.get("rows", [])
        group_rows.append({"id": gid, **flatten({k: v for k, v in group.items() if k not in ("rows", "conflicts")})})
        claim_rows.extend({"group_id": gid, "row": i, **flatten(r)} for i, r in enumerate(rows))
        conflict_rows.extend({"group_id": gid, **flatten(c), "a_ref": rows[c["a"]]["ref"], "b_ref": rows[c["b"]]["ref"]}
                             for c in group.get("conflicts", []))
    db = open_database(path)
    try:
        with db.atomic():
            create_tables(db)
            upsert_actors(db, [{k: a.to_dict()[k] for k in ("id", "name", "kind", "aliases")} for a in actors], rename=True)
            for name in (CONFLICTS, GROUP_CLAIMS, GROUPS):
                db[name].drop(ignore=True)  # an earlier run's, or a table of an older layout
            create_tables(db)
            for name, rows in ((GROUPS, group_rows), (GROUP_CLAIMS, claim_rows), (CONFLICTS, conflict_rows)):
                db[name].insert_all(rows, alter=True)  # a field the records gain later gets a column
    finally:
        db.close()

