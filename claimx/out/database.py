"""The claims database: `extract`'s records and `compare`'s groups in one SQLite file, for Datasette.

Written with sqlite-utils. The tables:

- `documents` (name, path, date, url): one row per article read, with or without claims;
- `claims`: one row per claim, `id` first (see `claim_id`), then every field of the JSONL
  record, its nested objects flattened as object_field as the CSV writer does (`figure_value`,
  `source_name`); `doc` is a foreign key to `documents`. Column types come from the record's
  JSON schema (figure value/low/high are REAL); a field the schema does not know yet gets a
  column when it first has a value. Full-text search on the sentence and the source; indexes
  on the measure, the subject (what is counted) and the source;
- `actors` (id, name, kind, aliases) and `claim_actors` (claim, actor, role: source or counted);
- `groups`, `group_claims` and `conflicts`: `compare`'s groups, written whole each time.

Each document is written in one transaction, so a run that is killed leaves a database that
opens and holds whole documents only; `--resume` skips the documents already in it.
`extract` knows the actors only as the claims name them (the source's name, the alias
file's canonical name, the counted words that spell the actor's id); `actors` and `compare`
write the full index over their articles.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

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
VAGUE = "vague"  # a source kind that names no actor
SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database file
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

    def __init__(self, path: str | Path, *, resume: bool = False, lexicons: str | Path | None = None) -> None:
        self.db = open_database(path, fresh=not resume)
        self.count = 0
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
        with self.db.atomic():
            forget_document(self.db, doc.name)
            self.db[DOCUMENTS].insert({"name": doc.name, "path": doc.path, "date": doc.date, "url": doc.url}, replace=True)
            self.db[CLAIMS].insert_all((flatten({"id": claim_id(r), **r}) for r in records), alter=True)
            upsert_actors(self.db, actors)
            self.db[CLAIM_ACTORS].insert_all(links, replace=True)
        self.count += len(records)


def create_tables(db: Database) -> None:
    """The extract tables, their keys, full-text search and indexes, where missing."""
    if not db[DOCUMENTS].exists():
        db[DOCUMENTS].create({"name": str, "path": str, "date": str, "url": str}, pk="name")
    if not db[ACTORS].exists():
        db[ACTORS].create({"id": str, "name": str, "kind": str, "aliases": str}, pk="id")
    if not db[CLAIMS].exists():
        db[CLAIMS].create(claim_columns(), pk="id", foreign_keys=[("doc", DOCUMENTS, "name")])
        db[CLAIMS].enable_fts(FTS_COLUMNS, create_triggers=True)
        for columns in INDEXES:
            db[CLAIMS].create_index(columns)
    if not db[CLAIM_ACTORS].exists():
        db[CLAIM_ACTORS].create({"claim": str, "actor": str, "role": str}, pk=("claim", "role"),
                                foreign_keys=[("claim", CLAIMS, "id"), ("actor", ACTORS, "id")])
        db[CLAIM_ACTORS].create_index(["actor"])


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

    Written from each group's JSON form (`to_dict()`), generically: a group's own fields go
    to `groups`, each of its rows to `group_claims` (`ref` is a claim id), each conflict to
    `conflicts` with the refs of its two rows. The actors of the index are added too.
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
                db[name].drop(ignore=True)
            _create(db, GROUPS, group_rows, pk="id")
            _create(db, GROUP_CLAIMS, claim_rows, pk=("group_id", "row"),
                    foreign_keys=[("group_id", GROUPS, "id"), ("ref", CLAIMS, "id")])
            _create(db, CONFLICTS, conflict_rows, pk=None,
                    foreign_keys=[("group_id", GROUPS, "id"), ("a_ref", CLAIMS, "id"), ("b_ref", CLAIMS, "id")])
    finally:
        db.close()


def _create(db: Database, name: str, rows: list[dict[str, Any]], *, pk: str | tuple[str, ...] | None,
            foreign_keys: Sequence[tuple[str, str, str]] = ()) -> None:
    """A table typed by every row's values (sqlite-utils looks at the first batch only), then its rows."""
    seen: dict[str, set[type]] = {}
    order: list[str] = []  # a column a row adds goes after the one before it in that row (nulls are left out)
    for row in rows:
        before = -1
        for key, value in row.items():
            if key not in seen:
                order.insert(before + 1, key)
                seen[key] = set()
            before = order.index(key)
            seen[key].update({type(value)} if value is not None else set())
    if not seen:
        return
    db[name].create({key: _column_of(seen[key]) for key in order}, pk=pk, foreign_keys=list(foreign_keys))
    db[name].insert_all(rows)


def _column_of(types: set[type]) -> type:
    """INTEGER for whole numbers and booleans, REAL when a float is among numbers, else TEXT."""
    if types and types <= {int, bool}:
        return int
    return float if types and types <= {int, bool, float} else str
