"""The shared output writers: JSONL, CSV and tables, on hand-built records (no model needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claimx.io import Document
from claimx.model import Claim, Counted, Cue, Figure, Source, TextSpan, TimeRef
from claimx.writers import CLAIM_COLUMNS, ClaimWriter, Format, cell, claim_row

SENTENCE = 'Over 300 soldiers were killed, "a disaster", officials said last week.\n'
FULL = Claim(doc="a.txt", figure=Figure("Over 300", 0, 8, 300.0, bound="min"), sentence=TextSpan(SENTENCE, 0, 72),
             counted=Counted("soldiers", 9, 17, actor="army"), measure="killed",
             source=Source("officials", 46, 55, name="officials", kind="vague"), cue=Cue("said", 56, 60, "say"),
             quote=False, time=TimeRef("last week", 61, 70, "2025-04-26/2025-05-03"))
BARE = Claim(doc="b.txt", figure=Figure("12.5", 3, 7, 12.5, unit="%"), sentence=TextSpan("It is 12.5%.", 0, 12))
DOC = Document("a.txt", "a.txt", SENTENCE)


@pytest.mark.parametrize("columns", [(
    "doc figure_text figure_start figure_end figure_value figure_low figure_high figure_bound figure_unit "
    "counted_text counted_start counted_end counted_actor measure source_text source_start source_end source_name "
    "source_kind source_role source_via source_actor cue_text cue_start cue_end cue_lemma cue_stance hedged quote "
    "time_text time_start time_end time_date sentence_text sentence_start sentence_end")])
def test_writers_claim_columns_stable(columns):
    assert tuple(columns.split()) == CLAIM_COLUMNS, "the CSV columns are documented in the README: change both"


@pytest.mark.parametrize(("claim", "expected"), [
    (FULL, {"figure_value": 300, "figure_low": "", "counted_actor": "army", "source_name": "officials",
            "cue_lemma": "say", "hedged": "false", "time_date": "2025-04-26/2025-05-03", "sentence_start": 0}),
    (BARE, {"figure_value": 12.5, "figure_unit": "%", "counted_text": "", "source_kind": "", "time_text": "",
            "measure": ""}),
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
