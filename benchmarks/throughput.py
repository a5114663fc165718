"""Throughput of `claimx extract` against the bare spaCy model, measured the way a shared machine demands.

    .venv/bin/python benchmarks/throughput.py FOLDER              # 5 interleaved rounds (at least 400 articles wanted)
    .venv/bin/python benchmarks/throughput.py FOLDER --rounds 7
    .venv/bin/python benchmarks/throughput.py FOLDER --profile 10 # also cProfile one -j1 run: the top ten, and shares

Every run is a whole process, timed from start to exit (interpreter start and model load included), over
the same .txt files of FOLDER (recursively, in sorted order):
  bare      python: spacy.load(model), nlp.pipe over the texts (batch 16, as claimx), nothing written
  -j1       claimx extract --jobs 1 -f jsonl (to a pipe the benchmark reads)
  default   claimx extract -f jsonl: a worker per usable core, as a folder runs by default
A round runs bare, -j1 and default one after the other (their order turns each round), so a pair ratio
(bare seconds / claimx seconds, higher is faster) compares runs made under the same load. Single runs
scatter by 10-20% on shared machines; the medians of the pair ratios, with their spread, are the figures.
Also printed: time to the first claim (the first JSONL line of -j1) and claimx's own share of a -j1 run,
(claimx - bare) / claimx per round: what claimx adds to the model. Targets (issue 30): -j1 >= 0.90x
bare, default >= 1.5x bare, on at least 400 news articles.

A public corpus of that size: the BBC News dataset (D. Greene and P. Cunningham, ICML 2006; 2,225
articles, http://mlg.ucd.ie/datasets/bbc.html), e.g. 80 articles from each of its five folders.

--profile N runs claimx -j1 once more under cProfile (which inflates pure-Python time, so read it as a
ranking) and prints the N functions with the most internal time and how the time splits between
claimx's own code, quantulum3, the model (spacy, thinc, numpy) and the rest.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = ("bare", "-j1", "default")
WANTED_ARTICLES = 400
BATCH = 16  # claimx's nlp.pipe batch (run.pipeline.extract_documents)
BARE = """
import sys, pathlib, spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(pathlib.Path(sys.argv[2]).rglob("*.txt"))]
for _ in nlp.pipe(texts, batch_size={batch}):
    pass
""".format(batch=BATCH)
# Where a profiled function's time is counted: the first fragment of its file name that matches.
PARTS = (("claimx", f"{os.sep}claimx{os.sep}"), ("quantulum3", "quantulum3"),
         ("model (spacy, thinc, numpy)", ("spacy", "thinc", "numpy", "srsly", "cymem", "preshed")))


def command(case: str, corpus: str, model: str) -> list[str]:
    claimx = [str(Path(sys.executable).with_name("claimx")), "extract", "-q", "-f", "jsonl", "-m", model, corpus]
    return {"bare": [sys.executable, "-c", BARE, model, corpus],
            "-j1": [*claimx, "--jobs", "1"], "default": claimx}[case]


def timed(cmd: list[str]) -> tuple[float, float | None, int]:
    """(seconds to exit, seconds to the first output line or None, output lines) of one process."""
    start = time.perf_counter()
    first, lines = None, 0
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        for _ in proc.stdout:
            if first is None:
                first = time.perf_counter() - start
            lines += 1
        err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} ... failed: {(err.strip().splitlines() or ['?'])[-1]}")
    return time.perf_counter() - start, first, lines


def rounds(corpus: str, model: str, n: int) -> list[dict]:
    done = []
    for r in range(n):
        order = CASES[r % 3:] + CASES[:r % 3]
        result = {"load": os.getloadavg()[0]}
        for case in order:
            result[case], first, lines = timed(command(case, corpus, model))
            if case == "-j1":
                result["first"], result["claims"] = first, lines
        done.append(result)
        print(f"round {r + 1}: bare {result['bare']:.1f}s  -j1 {result['-j1']:.1f}s  default {result['default']:.1f}s"
              f"  ({result['claims']:,} claims; load average {result['load']:.2f})", flush=True)
    return done


def summary(done: list[dict]) -> None:
    def line(label: str, values: list[float], unit: str = "x") -> None:
        print(f"{label:34}median {statistics.median(values):.2f}{unit}  (rounds {min(values):.2f} to "
              f"{max(values):.2f}{unit})")

    line("claimx -j1 / bare, speed", [d["bare"] / d["-j1"] for d in done])
    line("claimx default / bare, speed", [d["bare"] / d["default"] for d in done])
    line("claimx default / -j1, speed", [d["-j1"] / d["default"] for d in done])
    line("time to first claim (-j1)", [d["first"] for d in done], "s")
    line("claimx's own share of a -j1 run", [(d["-j1"] - d["bare"]) / d["-j1"] for d in done], "")
    print(f"{'seconds, median':34}bare {statistics.median(d['bare'] for d in done):.1f}  "
          f"-j1 {statistics.median(d['-j1'] for d in done):.1f}  default {statistics.median(d['default'] for d in done):.1f}")


def profile(corpus: str, model: str, top: int) -> None:
    """One -j1 extraction in this process under cProfile: the `top` functions by internal time, and shares."""
    from typer.testing import CliRunner

    from claimx.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        profiler = cProfile.Profile()
        profiler.enable()
        result = CliRunner().invoke(app, ["extract", "-q", "-f", "jsonl", "-m", model, "--jobs", "1",
                                          "-o", str(Path(tmp) / "out.jsonl"), corpus])
        profiler.disable()
    if result.exit_code != 0:
        raise SystemExit(f"profiled run failed: {result.output.strip()}")
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())  # internal time of every function
    shares = dict.fromkeys([name for name, _ in PARTS] + ["other"], 0.0)
    for (filename, _, _), row in stats.stats.items():
        part = next((name for name, frag in PARTS
                     if any(f in filename for f in ((frag,) if isinstance(frag, str) else frag))), "other")
        shares[part] += row[2]
    print(f"\ncProfile of one -j1 run: {total:.1f}s of internal time; "
          + ", ".join(f"{name} {t / total:.0%}" for name, t in shares.items()))
    print(f"top {top} by internal time:")
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a folder of .txt articles (searched recursively)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of bare, -j1, default [5]")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: as claimx picks it]")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also profile one -j1 run: top N")
    args = parser.parse_args()
    from claimx.run.batch import usable_jobs
    from claimx.run.pipeline import model_name

    model = model_name(args.model)
    files = sorted(Path(args.corpus).rglob("*.txt"))
    if not files:
        raise SystemExit(f"{args.corpus}: no .txt files")
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
    print(f"model {model}; {os.cpu_count()} cores, a folder runs with {usable_jobs()} worker(s) by default; "
          f"{len(files)} articles, {words:,} words" + ("" if len(files) >= WANTED_ARTICLES else
                                                       f" (fewer than the {WANTED_ARTICLES} wanted)"))
    if args.rounds:
        summary(rounds(args.corpus, model, args.rounds))
    if args.profile:
        profile(args.corpus, model, args.profile)


if __name__ == "__main__":
    main()
