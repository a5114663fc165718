"""The shared output writers: JSONL, CSV and tables, on hand-built records (no model needed)."""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import os
import stat
import tempfile
from pathlib import Path

import pytest

from claimx.errors import InputError
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


# -- open_output: atomic files, their mode, stale temporary files, unwritable places (issue 29) --

@pytest.fixture
def umask():
    """set(mask): this process's umask for the test (the writers read it once: the cache is cleared), restored after."""
    from claimx.out.writers import process_umask

    old = os.umask(0o022)
    os.umask(old)

    def set_mask(mask: int) -> None:
        os.umask(mask)
        process_umask.cache_clear()

    yield set_mask
    os.umask(old)
    process_umask.cache_clear()


def write_out(path: Path, text: str = "done\n") -> None:
    from claimx.out.writers import open_output

    with open_output(path) as out:
        out.write(text)


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
@pytest.mark.parametrize("before", [None, 0o600, 0o644])
def test_writers_open_output_mode_follows_umask(tmp_path, umask, mask, mode, before):
    # mkstemp makes 0600; the output is as a shell redirection would make it, also replacing an older file
    out = tmp_path / "claims.jsonl"
    if before is not None:
        out.write_text("old\n")
        out.chmod(before)
    umask(mask)
    write_out(out)
    assert out.read_text() == "done\n"
    assert stat.S_IMODE(out.stat().st_mode) == mode


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("append", [False, True])
def test_writers_open_output_removes_a_dead_runs_temp_file(tmp_path, append):
    from claimx.out.writers import open_output

    out = tmp_path / "claims.jsonl"
    stale = tmp_path / ".claims.jsonl.k2x9q1_z.tmp"  # what a run killed with -9 leaves: nobody holds it
    stale.write_text('{"doc": "half')
    others = [tmp_path / ".other.jsonl.k2x9q1_z.tmp", tmp_path / ".claims.jsonl.gz.k2x9q1_z.tmp"]  # other outputs'
    for other in others:
        other.write_text("{}")
    with open_output(out, append=append) as f:
        f.write("done\n")
    assert out.read_text() == "done\n"
    assert temp_files(tmp_path) == sorted(p.name for p in others)


def test_writers_open_output_keeps_a_live_runs_temp_file(tmp_path):
    # a temp file whose lock is held (a run still writing) is left alone; once released, the next run removes it
    out = tmp_path / "claims.jsonl"
    live = tmp_path / ".claims.jsonl.a1b2c3d4.tmp"
    live.write_text("")
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        write_out(out)
        assert temp_files(tmp_path) == [live.name]
    write_out(out)
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("fail", [False, True])
def test_writers_open_output_leaves_no_temp_file(tmp_path, fail):
    from claimx.out.writers import open_output

    out = tmp_path / "claims.jsonl"
    out.write_text("old\n")
    with contextlib.suppress(RuntimeError), open_output(out) as f:
        f.write("new\n")
        assert len(temp_files(tmp_path)) == 1, "written beside the output until whole"
        if fail:
            raise RuntimeError("stopped")
    assert out.read_text() == ("old\n" if fail else "new\n")
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(("where", "says"), [
    ("missing/deeper/claims.jsonl", "there is no folder"),
    ("a-file.txt/claims.jsonl", "there is no folder"),
    ("a-folder", "cannot be written"),  # the output's name is an existing folder's
])
@pytest.mark.parametrize("append", [False, True])
def test_writers_open_output_unwritable_is_one_line_input_error(tmp_path, where, says, append):
    from claimx.out.writers import open_output

    (tmp_path / "a-file.txt").write_text("x\n")
    (tmp_path / "a-folder").mkdir()
    path = tmp_path / where
    with pytest.raises(InputError) as err, open_output(path, append=append) as f:
        f.write("done\n")
    assert says in err.value.message and str(path) in err.value.message and "\n" not in err.value.message
    assert temp_files(tmp_path) == []


def test_writers_open_output_permission_denied_is_one_line_input_error(tmp_path, monkeypatch):
    # the tests run as root too, where chmod cannot make a folder unwritable: the refusal is simulated
    from claimx.out.writers import open_output

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(InputError) as err, open_output(tmp_path / "claims.jsonl"):
        pass
    assert err.value.message == f"{tmp_path / 'claims.jsonl'}: cannot be written (Permission denied)"
