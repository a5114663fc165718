"""What a user of the package reads: README links that stay inside the repository, and the
guidelines and sample gold set that ship with it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINK_RE = re.compile(r"\]\(([^)\s]+)\)")  # markdown [text](target)


def _links(markdown: str) -> list[str]:
    return [m.group(1).split("#")[0] for m in LINK_RE.finditer(markdown)]


@pytest.mark.parametrize("doc", ["README.md", "docs/GUIDELINES.md"])
def test_docs_relative_links_stay_inside_repository(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for target in _links(text):
        if re.match(r"[a-z]+:", target) or not target:
            continue  # a web address or an anchor
        path = (ROOT / doc).parent / target
        assert path.resolve().is_relative_to(ROOT), f"{doc} links outside the repository: {target}"
        assert path.exists(), f"{doc} links to a missing file: {target}"


@pytest.mark.parametrize("path", ["docs/GUIDELINES.md", "docs/gold/seeds.jsonl"])
def test_docs_user_material_ships_in_repository(path):
    assert (ROOT / path).is_file(), f"{path} is what a user needs and must be in the repository"


@pytest.mark.parametrize("field", ["doc", "start", "end", "text", "value", "bound", "unit", "measure", "source"])
def test_docs_sample_gold_lines_have_scored_fields(field):
    lines = [json.loads(x) for x in (ROOT / "docs/gold/seeds.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert lines, "the sample gold set is empty"
    assert all(field in g for g in lines), f"a sample gold line lacks {field!r}"


def test_docs_sample_gold_offsets_index_seed_texts():
    for line in (ROOT / "docs/gold/seeds.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        text = (ROOT / "seeds" / g["doc"]).read_text(encoding="utf-8")
        assert text[g["start"]:g["end"]] == g["text"], f"{g['doc']} {g['start']}: offsets do not index the seed text"
