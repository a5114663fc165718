"""Throughput of claimx against the bare spaCy pipeline, windowed and full-parse, in one run.

    .venv/bin/python benchmarks/throughput.py                  # news (the dev articles) and the seeds, ~1 MB each
    .venv/bin/python benchmarks/throughput.py FOLDER [FOLDER]  # your own .txt/.md/.html/.jsonl files

Corpora: "news" is the gold dev articles (../shared/gold/dev/texts: 19 news reports of ordinary
density, about half their words in sentences with a number) repeated to CORPUS_BYTES; "seeds" the
five number-dense sample articles (seeds/) repeated likewise. Each measurement runs in its own
process (so that peak RSS is its own):
  bare          en_core_web_sm nlp.pipe over the texts (model load not timed)
  claimx -j1    read, extract and write JSONL in-process, as `claimx extract -j 1` (load not timed);
                full parse (the default) and --windows (the model parses only where a claim can be)
  claimx -j2    the same with 2 worker processes (timed from the start: spawning and loading included)
  bare x2       bare spaCy in two processes at once, each on half the texts: what two processes gain on
                this machine at all (the ceiling for claimx -j2 / -j1)
  cold start    `claimx extract` on one article vs `python -c "import spacy; spacy.load(model)"` (best of 3)
Targets (issue 21): claimx -j1 >= 1.0x bare per process; the default folder run (a worker per usable core: -j2 on
2 cores) >= 1.6x -j1, load included; cold start <= 1.5x the model load.
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
DEV_TEXTS = ROOT.parent / "shared" / "gold" / "dev" / "texts"
CORPUS_BYTES = 2**20
CASES = ("bare", "j1", "j1-full", "j2", "j2-full")
LABELS = {"bare": "bare spaCy", "j1": "claimx -j1 --windows", "j1-full": "claimx -j1",
          "j2": "claimx -j2 --windows", "j2-full": "claimx -j2"}


def make_corpus(folder: Path, source: Path) -> Path:
    """The articles of `source` copied into `folder` until it holds about CORPUS_BYTES."""
    articles = sorted(source.glob("*.txt"))
    size, i = 0, 0
    while size < CORPUS_BYTES:
        for article in articles:
            dest = folder / f"{i:03d}" / article.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(article, dest)
            size += article.stat().st_size
        i += 1
    return folder


def density(corpus: str) -> tuple[float, float]:
    """(share of tokens in sentences with a number, share the model sees in windowed mode)."""
    from claimx.run.windows import CANDIDATES_KEY, WindowPlanner, cheap_pipeline

    cheap, planner = cheap_pipeline(), WindowPlanner()
    total = with_number = seen = 0
    for text in dict.fromkeys(_texts(corpus)):  # each article once
        doc = cheap(text)
        starts = {s.start for s in doc.spans[CANDIDATES_KEY]}
        total += len(doc)
        with_number += sum(len(s) for s in doc.sents if any(i in starts for i in range(s.start, s.end)))
        seen += sum(len(doc.char_span(a, b, alignment_mode="expand") or ()) for a, b in planner.plan(doc))
    return with_number / total, seen / total


def _texts(corpus: str) -> list[str]:
    from claimx.read.io import Document, read_inputs

    return [d.text for d in read_inputs([corpus]) if isinstance(d, Document)]


def _peak_mb() -> tuple[float, float]:
    """(this process, its largest child) peak RSS in MB (Linux reports KB)."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def case(name: str, corpus: str, model: str) -> dict:
    """One measurement, in this process ("bare:K" is bare spaCy on the K-th of two halves of the texts)."""
    texts = _texts(corpus)
    if name.startswith("bare:"):
        texts = texts[int(name[-1])::2]
    words = sum(len(t.split()) for t in texts)
    load = 0.0
    if name.startswith("bare"):
        import spacy

        t = time.perf_counter()
        nlp = spacy.load(model)
        load = time.perf_counter() - t
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        run = time.perf_counter() - t
    else:
        from rich.console import Console

        import claimx
        from claimx.out.writers import write_jsonl
        from claimx.read.io import read_inputs
        from claimx.run.batch import Progress, extract_stream, run as run_batch

        jobs = int(name[1])
        t = time.perf_counter()
        nlp = claimx.load(model) if jobs == 1 else None
        load = time.perf_counter() - t
        with tempfile.TemporaryFile("w", encoding="utf-8") as out:
            t = time.perf_counter()
            stream = extract_stream(read_inputs([corpus]), jobs=jobs, nlp=nlp, model=model,
                                    full_parse=name.endswith("-full"))  # as --windows passes it
            run_batch(stream, lambda d, c: write_jsonl(c, out), Progress(Console(stderr=True), False))
            run = time.perf_counter() - t
    me, child = _peak_mb()
    return {"case": name, "words": words, "load": load, "run": run, "rss_mb": me, "child_rss_mb": child}


def measure(name: str, corpus: str, model: str) -> dict:
    return _result(name, _start(name, corpus, model))


def _start(name: str, corpus: str, model: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--case", name, "--model", model, corpus],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _result(name: str, proc: subprocess.Popen) -> dict:
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:  # say why and go on with the other measurements
        return {"case": name, "failed": (stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(stdout.strip().splitlines()[-1])


def bare_twice(corpus: str, model: str) -> float | None:
    """Seconds (load and run) for bare spaCy in two processes at once, each on half the texts; None if one failed."""
    procs = {name: _start(name, corpus, model) for name in ("bare:0", "bare:1")}
    halves = [_result(name, proc) for name, proc in procs.items()]
    return None if any("failed" in h for h in halves) else max(h["load"] + h["run"] for h in halves)


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


def run_corpus(label: str, corpus: str, model: str) -> dict:
    size = sum(p.stat().st_size for p in Path(corpus).rglob("*") if p.is_file())
    numbers, seen = density(corpus)
    print(f"\ncorpus {label} ({size / 2**20:.2f} MB): {numbers:.0%} of tokens in sentences with a number, "
          f"{seen:.0%} seen by the model when windowed; load average {os.getloadavg()[0]:.2f}")
    results = {name: measure(name, corpus, model) for name in CASES}
    twice = bare_twice(corpus, model)
    print(f"{'':22}{'words/s':>10}{'run s':>8}{'load s':>8}{'peak RSS MB':>13}{'worker RSS MB':>15}")
    for name, r in results.items():
        if "failed" in r:
            print(f"{LABELS[name]:22}failed: {r['failed']}")
            continue
        print(f"{LABELS[name]:22}{r['words'] / r['run']:>10,.0f}{r['run']:>8.1f}{r['load']:>8.1f}{r['rss_mb']:>13.0f}"
              f"{r['child_rss_mb'] if name.startswith('j2') else 0:>15.0f}")
    if any("failed" in r for r in results.values()):
        return results
    bare = results["bare"]
    print(f"words: {bare['words']:,}")
    if twice is not None:
        print(f"bare spaCy in 2 processes at once / in 1, load included: {(bare['run'] + bare['load']) / twice:.2f}x "
              "(what this machine gives two processes: the ceiling for -j2 / -j1)")
    for mode, suffix in (("--windows", ""), ("full parse", "-full")):
        j1, j2 = results["j1" + suffix], results["j2" + suffix]
        print(f"{mode:>13}: claimx -j1 / bare spaCy {bare['run'] / j1['run']:.2f}x (target >= 1.0 per process);"
              f"  -j2 / -j1, load included {(j1['run'] + j1['load']) / (j2['run'] + j2['load']):.2f}x (target >= 1.6)")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="folders of articles [default: news (dev articles) and seeds, ~1 MB each]")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: as claimx picks it]")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from claimx.run.pipeline import model_name

    model = model_name(args.model)
    if args.case:
        print(json.dumps(case(args.case, args.corpus[0], model)))
        return
    from claimx.run.batch import usable_jobs

    print(f"model {model}, {os.cpu_count()} cores; a folder runs with {usable_jobs()} worker(s) by default")
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus:
            corpora = {Path(c).name: c for c in args.corpus}
        else:
            sources = {"news": DEV_TEXTS, "seeds": SEEDS} if DEV_TEXTS.is_dir() else {"seeds": SEEDS}
            corpora = {name: str(make_corpus(Path(tmp) / name, src)) for name, src in sources.items()}
        for label, corpus in corpora.items():
            run_corpus(label, corpus, model)
    ours, spacy_load = cold_start(model, sorted(SEEDS.glob("*.txt"))[-1])
    print(f"\ncold start: claimx extract {ours:.2f}s, spacy.load {spacy_load:.2f}s: {ours / spacy_load:.2f}x  (target <= 1.5)")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
