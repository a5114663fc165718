"""Throughput of claimx against the bare spaCy pipeline, on one corpus, in one run.

    .venv/bin/python benchmarks/throughput.py            # the seeds repeated to about 2 MB
    .venv/bin/python benchmarks/throughput.py FOLDER     # your own .txt/.md/.html/.jsonl files

Each measurement runs in its own process (so that peak RSS is its own):
  bare        en_core_web_sm nlp.pipe over the texts (model load not timed)
  claimx -j1  read, extract and write JSONL in-process, as `claimx extract -j 1` (load not timed)
  claimx -j2  the same with 2 worker processes (timed from the start: spawning and loading in the workers included)
  n_process=2 spaCy's own multiprocessing, claims built in the parent (for comparison with -j2)
  cold start  `claimx extract` on one article vs `python -c "import spacy; spacy.load(model)"` (best of 3)
Targets: claimx -j1 >= 0.85x bare; -j2 >= 1.7x -j1 (both with load); cold start <= 1.5x the model load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TARGET_BYTES = 2 * 2**20


def make_corpus(folder: Path) -> Path:
    """The seeds copied into `folder` until it holds about TARGET_BYTES."""
    seeds = sorted(SEEDS.glob("*.txt"))
    size, i = 0, 0
    while size < TARGET_BYTES:
        for seed in seeds:
            dest = folder / f"{i:03d}" / seed.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, dest)
            size += seed.stat().st_size
        i += 1
    return folder


def _texts(corpus: str) -> list[str]:
    from claimx.io import Document, read_inputs

    return [d.text for d in read_inputs([corpus]) if isinstance(d, Document)]


def _peak_mb() -> tuple[float, float]:
    """(this process, its largest child) peak RSS in MB (Linux reports KB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def case(name: str, corpus: str, model: str) -> dict:
    """One measurement, in this process."""
    texts = _texts(corpus)
    words = sum(len(t.split()) for t in texts)
    load = 0.0
    if name == "bare":
        import spacy

        t = time.perf_counter()
        nlp = spacy.load(model)
        load = time.perf_counter() - t
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        run = time.perf_counter() - t
    elif name == "nproc2":
        import claimx

        t = time.perf_counter()
        nlp = claimx.load(model)
        load = time.perf_counter() - t
        t = time.perf_counter()
        n = 0
        for doc in nlp.pipe(texts, batch_size=16, n_process=2):
            n += len(doc._.claims)
        run = time.perf_counter() - t
    else:
        from rich.console import Console

        import claimx
        from claimx.batch import Progress, extract_stream
        from claimx.batch import run as run_batch
        from claimx.io import read_inputs
        from claimx.writers import write_jsonl

        jobs = int(name[1:])
        t = time.perf_counter()
        nlp = claimx.load(model) if jobs == 1 else None
        load = time.perf_counter() - t
        with tempfile.TemporaryFile("w", encoding="utf-8") as out:
            t = time.perf_counter()
            stream = extract_stream(read_inputs([corpus]), jobs=jobs, nlp=nlp, model=model)
            run_batch(stream, lambda d, c: write_jsonl(c, out), Progress(Console(stderr=True), False))
            run = time.perf_counter() - t
    me, child = _peak_mb()
    return {"case": name, "words": words, "load": load, "run": run, "rss_mb": me, "child_rss_mb": child}


def measure(name: str, corpus: str, model: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", name, "--model", model, corpus],
                         capture_output=True, text=True)
    if out.returncode != 0:  # say why and go on with the other measurements
        return {"case": name, "failed": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(model: str, article: Path, repeat: int = 3) -> tuple[float, float]:
    claimx_bin = Path(sys.executable).with_name("claimx")

    def best(cmd: list[str]) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
        return min(times)

    with tempfile.TemporaryDirectory() as tmp:
        ours = best([str(claimx_bin), "extract", "-q", "-m", model, "-o", str(Path(tmp) / "out.jsonl"), str(article)])
    spacy_load = best([sys.executable, "-c", f"import spacy; spacy.load({model!r})"])
    return ours, spacy_load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="a folder of articles [default: the seeds repeated to ~2 MB]")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: as claimx picks it]")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from claimx.pipeline import model_name

    model = model_name(args.model)
    if args.case:
        print(json.dumps(case(args.case, args.corpus, model)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or str(make_corpus(Path(tmp) / "corpus"))
        size = sum(p.stat().st_size for p in Path(corpus).rglob("*") if p.is_file())
        print(f"corpus: {corpus if args.corpus else 'seeds x N'} ({size / 2**20:.2f} MB), model {model}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        results = {name: measure(name, corpus, model) for name in ("bare", "j1", "j2", "nproc2")}
    words = results["bare"]["words"]
    print(f"{'':14}{'words/s':>10}{'run s':>8}{'load s':>8}{'peak RSS MB':>13}{'worker RSS MB':>15}")
    labels = {"bare": "bare spaCy", "j1": "claimx -j1", "j2": "claimx -j2", "nproc2": "n_process=2"}
    for name, r in results.items():
        if "failed" in r:
            print(f"{labels[name]:14}failed: {r['failed']}")
            continue
        print(f"{labels[name]:14}{r['words'] / r['run']:>10,.0f}{r['run']:>8.1f}{r['load']:>8.1f}{r['rss_mb']:>13.0f}"
              f"{r['child_rss_mb'] if name in ('j2', 'nproc2') else 0:>15.0f}")
    bare, j1, j2, np2 = (results[n] for n in ("bare", "j1", "j2", "nproc2"))
    ratio_bare = bare["run"] / j1["run"]
    ratio_jobs = (j1["run"] + j1["load"]) / (j2["run"] + j2["load"])
    ratio_np = (j1["run"] + j1["load"]) / (np2["run"] + np2["load"]) if "failed" not in np2 else None
    ours, spacy_load = cold_start(model, sorted(SEEDS.glob("*.txt"))[-1])
    print(f"words: {words:,}")
    print(f"claimx -j1 / bare spaCy words/s:           {ratio_bare:.2f}x  (target >= 0.85)")
    print(f"claimx -j2 / -j1 words/s, load included:    {ratio_jobs:.2f}x  (target >= 1.7)")
    print("n_process=2 / -j1 words/s, load included:   " + (f"{ratio_np:.2f}x" if ratio_np else "n/a (failed, above)"))
    print(f"cold start: claimx extract {ours:.2f}s, spacy.load {spacy_load:.2f}s: {ours / spacy_load:.2f}x  (target <= 1.5)")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
