"""The shared output writers: JSONL, CSV and tables, on hand-built records (no model needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimx.model import AsOf, Claim, Counted, Cue, Figure, Source, TextSpan, TimeRef
from claimx.out.writers import CLAIM_COLUMNS, GROUP_COLUMNS, ClaimWriter, Format, cell, claim_row, group_rows
from claimx.read.io import Document

SENTENCE = 'Over 300 soldiers were killed, "a disaster", officials said last week.\n'
FULL = Claim(doc="a.txt", figure=Figure("Over 300", 0, 8, 300.0, bound="min"), sentence=TextSpan(SENTENCE, 0, 72),
             counted=Counted("soldiers", 9, 17, actor="army"), measure="killed",
             source=Source("officials", 46, 55, name="officials", kind="vague"), cue=Cue("said", 56, 60, "say"),
             quote=False, time=TimeRef("last week", 61, 70, "2025-04-26/2025-05-03"),
             as_of=AsOf("2025-04-26/2025-05-03", "statement"), scope="total")
BARE = Claim(doc="b.txt", figure=Figure("12.5", 3, 7, 12.5, unit="%"), sentence=TextSpan("It is 12.5%.", 0, 12))
DOC = Document("a.txt", "a.txt", SENTENCE)


@pytest.mark.parametrize("columns", [(
    "doc figure_text figure_start figure_end figure_value figure_low figure_high figure_bound figure_unit "
    "counted_text counted_start counted_end counted_actor measure source_text source_start source_end source_name "
    "source_kind source_role source_via source_actor cue_text cue_start cue_end cue_lemma cue_stance hedged quote "
    "time_text time_start time_end time_date sentence_text sentence_start sentence_end as_of_date as_of_via scope")])
def test_writers_claim_columns_stable(columns):
    assert tuple(columns.split()) == CLAIM_COLUMNS, "the CSV columns are documented in the README: change both"


@pytest.mark.parametrize(("claim", "expected"), [
    (FULL, {"figure_value": 300, "figure_low": "", "counted_actor": "army", "source_name": "officials",
            "cue_lemma": "say", "hedged": "false", "time_date": "2025-04-26/2025-05-03", "sentence_start": 0,
            "as_of_date": "2025-04-26/2025-05-03", "as_of_via": "statement", "scope": "total"}),
    (BARE, {"figure_value": 12.5, "figure_unit": "%", "counted_text": "", "source_kind": "", "time_text": "",
            "measure": "", "as_of_date": "", "as_of_via": "", "scope": ""}),
])
def test_writers_claim_row_flat(claim, expected):
    row = claim_row(claim)
    assert list(row) == list(CLAIM_COLUMNS)
    assert {k: row[k] for k in expected} == expected


@pytest.mark.parametrize(("value", "expected"), [(None, ""), (True, "true"), (False, "false"), (["a", "b"], "a; b"),
                                                 (0, 0)])
def test_writers_cell(value, expected):
    assert cell(value) == expected


@pytest.mark.parametrize("claims", [[FULL, BARE]])
def test_writers_csv_reads_back(claims):
    out = io.StringIO()
    writer = ClaimWriter(out, Format.csv)
    writer.write(DOC, claims[:1])
    writer.write(DOC, claims[1:])
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert writer.count == 2 and len(rows) == 2, "one header, one row per claim"
    assert rows[0]["sentence_text"] == SENTENCE, "quotes, commas and the line break survive"
    assert [r["doc"] for r in rows] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("claims", [[FULL, BARE]])
def test_writers_jsonl_is_to_dict(claims):
    out = io.StringIO()
    ClaimWriter(out, Format.jsonl).write(DOC, claims)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [c.to_dict() for c in claims]


@pytest.mark.parametrize("claims", [[]])
def test_writers_csv_header_without_claims(claims):
    out = io.StringIO()
    ClaimWriter(out, Format.csv).write(DOC, claims)
    assert out.getvalue() == ",".join(CLAIM_COLUMNS) + "\n"


@pytest.mark.parametrize("columns", [(
    "group_label group_subject group_subject_id group_noun group_measure group_unit group_place group_holds "
    "group_spread ref mentions doc figure value low high bound unit counted time date source source_id subject_via "
    "hedged as_of as_of_via scope place camp dispute conflicts_with conflict_reasons")])
def test_writers_group_columns_stable(columns):
    assert tuple(columns.split()) == GROUP_COLUMNS, "the CSV columns are documented in the README: change both"


def test_writers_group_rows_carry_as_of_scope_and_reasons():
    from claimx.across.timelines import Conflict, Group, Row

    def row(ref: str, value: float, as_of: str, source: str) -> Row:
        return Row(ref=ref, doc=ref.split(":")[0], figure=f"{value:g}", value=value, low=value, high=value,
                   bound="exact", unit=None, counted="firefighters", time=None, date=None, source=source,
                   source_id=None, subject_via="counted", as_of=as_of, as_of_via="article", scope="total")

    group = Group(subject="firefighters", subject_id=None, noun="firefighters", measure="injured", unit=None,
                  label="firefighters · injured", rows=(row("a.txt:0", 4, "2023-03-02", "the fire chief"),
                                                        row("b.txt:9", 9, "2023-03-03", "the union")),
                  conflicts=(Conflict(0, 1, "they cannot both be right"),))
    rows = group_rows(group)
    assert [r["as_of"] for r in rows] == ["2023-03-02", "2023-03-03"]
    assert [r["as_of_via"] for r in rows] == ["article", "article"] and rows[0]["scope"] == "total"
    assert rows[0]["conflicts_with"] == "b.txt:9" and rows[1]["conflict_reasons"] == "they cannot both be right"
