"""Reading input: `read_inputs` over paths, folders and stdin; `read_file` for one file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from claimx.errors import InputError
from claimx.read.io import Document, dateline_date, read_file, read_inputs


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def fake_stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


# -- read_file ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Over 300 soldiers were killed.\n",
    "Line one\r\nOver 300 soldiers\r\nwere killed.\r\n",  # no newline translation: offsets index the bytes as decoded
    "Old Mac\rline endings\r",
    "Café 🙂 “about 40” — troops\n",
    "no newline at the end",
])
def test_read_file_text_exactly_as_stored(tmp_path, text):
    path = write(tmp_path / "a.txt", text)
    doc = read_file(path)
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.name == "a.txt"
    assert doc.path == str(path)


@pytest.mark.parametrize("name", ["story.md", "story.txt", "no_suffix"])
def test_read_file_name_is_file_name(tmp_path, name):
    path = write(tmp_path / "deep" / "er" / name, "About 40 troops.\n")
    doc = read_file(path)
    assert isinstance(doc, Document)
    assert doc.name == name


@pytest.mark.parametrize(("data", "says"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "binary"),
    (b"", "empty"),
    (b" \n\t\r\n", "empty"),
])
def test_read_file_bad_content_is_input_error(tmp_path, data, says):
    path = write(tmp_path / "bad.txt", data)
    err = read_file(path)
    assert isinstance(err, InputError)
    assert err.path == str(path)
    assert str(path) in err.message
    assert says in err.message.lower()
    assert "\n" not in err.message


@pytest.mark.parametrize(("data", "text", "pos"), [
    # UTF-8 but for one damaged byte: more good multi-byte characters than bad ones
    (b"\xe2\x80\x9cOver 300\xe2\x80\x9d soldiers \xc3( were killed, Jos\xc3\xa9 said.\n",
     "“Over 300” soldiers \ufffd( were killed, José said.\n", 24),
    (b"\xe2\x80\x9cOver 300\xe2\x80\x9d soldiers \xff were killed.\n", "“Over 300” soldiers \ufffd were killed.\n", 24),
])
def test_read_file_damaged_utf8_replaced_with_warning(tmp_path, data, text, pos):
    # UTF-8 with a few bad bytes stays UTF-8: U+FFFD per bad sequence and a one-line warning, not refused (issue 5)
    path = write(tmp_path / "damaged.txt", data)
    doc = read_file(path)
    assert isinstance(doc, Document)
    assert doc.text == text
    assert len(doc.warnings) == 1
    assert str(path) in doc.warnings[0]
    assert "utf-8" in doc.warnings[0].lower()
    assert f"byte {pos}" in doc.warnings[0]
    assert "\n" not in doc.warnings[0]


LEGACY_TEXT = "José García, the regional governor, said 1\u00a0200 soldiers had been killed at Øresund since March.\n"
CP1252_TEXT = "“We have lost 1\u00a0200 soldiers,” José García told reporters – the ministry’s count, worth €40 million.\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (LEGACY_TEXT, "latin-1"),
    (LEGACY_TEXT, "cp1252"),
    (CP1252_TEXT, "cp1252"),
    ("Café owners said 12 soldiers died.\n", "latin-1"),
])
def test_read_file_legacy_encoding_detected_and_named(tmp_path, text, encoding):
    # Latin-1 and Windows-1252 files are decoded with the encoding detected, not as UTF-8 with U+FFFD (issue 29)
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    doc = read_file(path)
    assert isinstance(doc, Document)
    assert doc.text == text
    assert "\ufffd" not in doc.text
    assert len(doc.warnings) == 1
    assert str(path) in doc.warnings[0] and "cp1252" in doc.warnings[0] and "\n" not in doc.warnings[0]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_read_inputs_legacy_jsonl_one_warning_per_file(tmp_path, encoding):
    # a JSONL file's lines share the encoding found on the first that needs it, and its one warning
    lines = [{"id": f"a{n}", "text": f"José García said {n}\u00a0200 soldiers had died."} for n in (1, 2, 3)]
    data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode(encoding)
    docs = list(read_inputs([str(write(tmp_path / "corpus.jsonl", data))]))
    assert [d.text for d in docs] == [line["text"] for line in lines]
    assert [len(d.warnings) for d in docs] == [1, 0, 0]
    assert "cp1252" in docs[0].warnings[0]


@pytest.mark.parametrize("text", ["Plain ASCII: 300 soldiers.\n", "Café 🙂 “about 40” — troops\n"])
def test_read_file_utf8_needs_no_detection(tmp_path, monkeypatch, text):
    # UTF-8 is tried first and strictly: a valid file never reaches the detector
    import claimx.read.io

    monkeypatch.setattr(claimx.read.io, "detect_encoding", lambda data: pytest.fail("detector called on UTF-8"))
    doc = read_file(write(tmp_path / "a.txt", text))
    assert isinstance(doc, Document) and doc.text == text and doc.warnings == ()


@pytest.mark.parametrize("kind", ["folder"])
def test_read_file_unreadable_is_input_error(tmp_path, kind):
    # a folder cannot be read as a file: the OSError becomes an InputError, not a crash
    err = read_file(tmp_path)
    assert isinstance(err, InputError)
    assert str(tmp_path) in err.message
    assert "\n" not in err.message


# -- read_inputs -------------------------------------------------------

@pytest.mark.parametrize("layout", [{
    "b.txt": "About 40 troops.\n",
    "a.txt": "Over 300 soldiers.\n",
    "sub/c.md": "Some 20 people.\n",
    "sub/deeper/d.txt": "Nearly 90 tanks.\n",
    "sub/data.csv": "9,999 rows\n",
    "sub/notes": "77 notes\n",
    "e.json": '{"n": 5}\n',
}])
def test_read_inputs_folder_recursive(tmp_path, layout):
    for name, text in layout.items():
        write(tmp_path / "in" / name, text)
    items = list(read_inputs([str(tmp_path / "in")]))
    assert all(isinstance(i, Document) for i in items), items
    assert sorted(i.name for i in items) == ["a.txt", "b.txt", "c.md", "d.txt"]
    for item in items:
        assert item.text == Path(item.path).read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", [["z.txt", "a.txt", "m/b.md"]])
def test_read_inputs_folder_order_is_stable(tmp_path, layout):
    for name in layout:
        write(tmp_path / "in" / name, "About 40 troops.\n")
    first = [i.path for i in read_inputs([str(tmp_path / "in")])]
    second = [i.path for i in read_inputs([str(tmp_path / "in")])]
    assert first == second
    assert len(first) == len(layout)


@pytest.mark.parametrize("names", [["b.txt", "a.txt", "c.md"]])
def test_read_inputs_keeps_argument_order(tmp_path, names):
    paths = [str(write(tmp_path / n, f"{n}: About 40 troops.\n")) for n in names]
    assert [i.name for i in read_inputs(paths)] == names


@pytest.mark.parametrize("data", [b"Some 20 people died.\r\n", "Café 🙂 20 people\n".encode()])
def test_read_inputs_stdin(monkeypatch, data):
    monkeypatch.setattr(sys, "stdin", fake_stdin(data))
    items = list(read_inputs(["-"]))
    assert len(items) == 1
    doc = items[0]
    assert isinstance(doc, Document)
    assert doc.text == data.decode("utf-8")
    assert doc.name == "<stdin>"


@pytest.mark.parametrize(("data", "says"), [(b"", "empty"), (b"ab\x00cd", "binary")])
def test_read_inputs_bad_stdin(monkeypatch, data, says):
    monkeypatch.setattr(sys, "stdin", fake_stdin(data))
    items = list(read_inputs(["-"]))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert says in items[0].message.lower()


@pytest.mark.parametrize("name", ["no_such_file.txt", "no_such_folder"])
def test_read_inputs_missing_path(tmp_path, name):
    missing = str(tmp_path / name)
    items = list(read_inputs([missing]))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert items[0].path == missing
    assert missing in items[0].message
    assert "no such" in items[0].message.lower()


@pytest.mark.parametrize("contents", [{}, {"notes.csv": "12 soldiers\n", "img.png": "x"}])
def test_read_inputs_empty_folder(tmp_path, contents):
    folder = tmp_path / "empty"
    folder.mkdir()
    for name, text in contents.items():
        write(folder / name, text)
    items = list(read_inputs([str(folder)]))
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    assert str(folder) in items[0].message


@pytest.mark.parametrize("bad", [b"", b"\x00\x01binary", b"  \n"])
def test_read_inputs_bad_input_does_not_stop_others(tmp_path, bad):
    a = write(tmp_path / "a.txt", "Over 300 soldiers.\n")
    b = write(tmp_path / "b.txt", bad)
    c = write(tmp_path / "c.txt", "About 40 troops.\n")
    missing = tmp_path / "gone.txt"
    items = list(read_inputs([str(a), str(missing), str(b), str(c)]))
    kinds = [type(i) for i in items]
    assert kinds == [Document, InputError, InputError, Document]
    assert [items[0].name, items[3].name] == ["a.txt", "c.txt"]
    assert items[2].path == str(b)


@pytest.mark.parametrize("layout", [{"good.txt": "Over 300 soldiers.\n", "bad.txt": b"\x00\x00", "empty.md": b""}])
def test_read_inputs_bad_file_inside_folder(tmp_path, layout):
    for name, data in layout.items():
        write(tmp_path / "in" / name, data)
    items = list(read_inputs([str(tmp_path / "in")]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.name for d in docs] == ["good.txt"]
    assert sorted(Path(e.path).name for e in errors) == ["bad.txt", "empty.md"]


@pytest.mark.parametrize("n", [3])
def test_read_inputs_is_lazy(tmp_path, n):
    # a generator: a caller can report and move on before later inputs are read
    paths = [str(write(tmp_path / f"{i}.txt", "About 40 troops.\n")) for i in range(n)]
    items = read_inputs(paths)
    assert iter(items) is items
    assert isinstance(next(items), Document)


@pytest.mark.parametrize(("text", "expected"), [
    ("LAGOS, March 4, 2023 (AFP) - Flood waters rose again.", "2023-03-04"),
    ("BRUSSELS, Belgium, Sept. 18, 2022 — Ministers met.", "2022-09-18"),
    ("OSLO, Nov 2 (Reuters) - The fund sold 3% of its stake, its 2021 report said.", "2021-11-02"),  # year from the text
    ("OSLO, Nov 2 (Reuters) - The fund sold 3% of its stake.", None),  # no year anywhere: unknown, not guessed
    ("The council met on March 4, 2023 to vote.", None),  # a date in a sentence is no dateline
    ("DENVER, Feb 30, 2024 - A blizzard.", None),  # no such day
])
def test_io_dateline_date(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ({"id": "x", "text": "PERTH, Jan 9, 2024 (AAP) - Fires burn.", "date": "2024-01-10"}, "2024-01-10"),  # JSONL first
    ({"id": "x", "text": "PERTH, Jan 9, 2024 (AAP) - Fires burn."}, "2024-01-09"),
    ({"id": "x", "text": "Fires burn near Perth."}, None),
])
def test_io_jsonl_date_then_dateline(tmp_path, line, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.date == expected


def test_io_text_file_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("MUMBAI, July 21, 2021 (PTI) - Rains flooded 40 homes.", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.date == "2021-07-21"
