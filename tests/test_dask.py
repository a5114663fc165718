"""claimx on Dask: a LocalCluster of 2 worker processes gives the single-process records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from claimx.cli import app
from claimx.read.io import Document, read_inputs
from claimx.run.dask import extract_bag
from claimx.run.pipeline import extract_documents

runner = CliRunner()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def parts(folder: Path) -> list[dict]:
    return [json.loads(line) for p in sorted(folder.glob("part-*.jsonl")) for line in p.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", [2])
def test_dask_local_cluster_same_records_as_one_process(nlp, tmp_path, workers):
    corpus = tmp_path / "in"
    for i in range(2):
        for seed in sorted(SEEDS.glob("*.txt")):
            (corpus / f"c{i}").mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, corpus / f"c{i}" / seed.name)
    (corpus / "c1" / "bad.txt").write_bytes(b"\x00\x01")
    (corpus / "articles.jsonl").write_text(json.dumps({"id": "j1", "text": "Over 300 soldiers were killed.",
                                                       "date": "2025-01-02"}) + "\n", encoding="utf-8")
    expected = [c.to_dict() for _, claims in extract_documents(nlp, read_inputs([str(corpus)])) if claims for c in claims]
    texts = [{"id": "t1", "text": "About 40 troops were wounded."}, Document("t2", "t2", "Some 1,500 police were deployed.")]
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit="3GiB",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == workers
        # a bag of paths: part files, in order, equal the single-process records
        paths = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
        messages: list[str] = []
        summary = extract_bag(db.from_sequence(paths, npartitions=4), tmp_path / "out", report=messages.append)
        assert (summary.failed, summary.ok) == (1, 11)
        assert summary.seconds > 0 and "in 0.0s" not in summary.line(), summary.line()  # the run's own time
        assert len(messages) == 1 and "bad.txt" in messages[0] and "binary" in messages[0]
        assert len(list((tmp_path / "out").glob("part-*.jsonl"))) == 4
        assert parts(tmp_path / "out") == expected
        # a bag of texts
        extract_bag(db.from_sequence(texts, npartitions=2), tmp_path / "texts")
        got = parts(tmp_path / "texts")
        assert [(r["doc"], r["figure"]["text"]) for r in got] == [("t1", "About 40"), ("t2", "Some 1,500")]
        # the command line, pointed at the cluster's scheduler
        result = runner.invoke(app, ["extract", "--dask", cluster.scheduler_address, "-o", str(tmp_path / "cli"),
                                     str(corpus)])
        assert result.exit_code == 1, result.output
        assert "bad.txt" in result.stderr
        assert parts(tmp_path / "cli") == expected


@pytest.mark.parametrize("args", [["--dask", "local"]])
def test_dask_cli_needs_output(tmp_path, args):
    doc = tmp_path / "a.txt"
    doc.write_text("Over 300 soldiers were killed.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", *args, str(doc)])
    assert result.exit_code == 2, result.output
    assert "--output" in result.stderr
