"""Peak memory and speed of `claimx extract` against the size of the input.

    .venv/bin/python benchmarks/memory.py          # one file of 20 KB and 1 MB; a folder of 1,000 small files
    .venv/bin/python benchmarks/memory.py --big    # also 5 MB, 20 MB and a folder of 10,000 (about an hour on 2 cores)

The inputs are the seed articles repeated (one file) or cut into paragraphs (the folder,
one paragraph a file). Each case runs in its own process, as `claimx extract -j 1 -f jsonl`
does (read, extract, write JSONL), so that its peak RSS (`resource.getrusage`) is its own;
words/s counts the run after the model is loaded. Target: peak RSS for 20 MB within 1.5x
that of 20 KB, and flat over the folder.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FILES = {"20 KB": 20_000, "1 MB": 10**6, "5 MB": 5 * 10**6, "20 MB": 20 * 10**6}
SMALL = ("20 KB", "1 MB")


def one_file(folder: Path, size: int) -> Path:
    """The seeds, repeated and cut to `size` bytes (at a character)."""
    blob = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))) + "\n\n"
    data = (blob * (size // len(blob.encode()) + 1)).encode()[:size].decode("utf-8", errors="ignore")
    path = folder / f"{size}.txt"
    path.write_text(data, encoding="utf-8")
    return path


def many_files(folder: Path, n: int) -> Path:
    """`n` small files, one seed paragraph each, in folders of 1,000."""
    paras = [p for s in sorted(SEEDS.glob("*.txt")) for p in s.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    out = folder / f"folder-{n}"
    for i in range(n):
        path = out / f"{i // 1000:02d}" / f"{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(paras[i % len(paras)] + "\n", encoding="utf-8")
    return out


def _words(text: str) -> int:
    """Words in `text`, counted without building a list (a 20 MB text split at once costs ~200 MB, which is the
    benchmark's memory, not claimx's)."""
    return sum(1 for _ in re.finditer(r"\S+", text))


def measure(path: str) -> dict:
    """One run, in this process: load the model, extract `path` to a JSONL file, report."""
    from claimx.out.writers import ClaimWriter, Format
    from claimx.read.io import Document, read_inputs
    from claimx.run.batch import extract_stream
    from claimx.run.pipeline import load

    nlp = load()
    words = 0
    start = time.perf_counter()
    with tempfile.TemporaryFile("w", encoding="utf-8") as out:
        writer = ClaimWriter(out, Format.jsonl)
        for item, claims, last in extract_stream(read_inputs([path]), nlp=nlp, parts=True):
            if isinstance(item, Document):
                words += _words(item.text) if last else 0
                writer.write(item, claims or [])
        claims_n = writer.count
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KB
    return {"peak_mb": round(peak), "seconds": round(seconds, 1), "words": words, "claims": claims_n,
            "words_per_s": round(words / seconds) if seconds else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--big", action="store_true", help="also 5 MB, 20 MB and 10,000 files")
    parser.add_argument("--only", help="comma-separated case names to run (e.g. '20 KB,20 MB')")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child process: measure this path
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(name, one_file(Path(tmp), size)) for name, size in FILES.items() if args.big or name in SMALL]
        n = 10_000 if args.big else 1_000
        cases.append((f"{n:,} files", many_files(Path(tmp), n)))
        if args.only:
            cases = [(name, path) for name, path in cases if name in {c.strip() for c in args.only.split(",")}]
        print(f"{'input':<14}{'peak RSS':>10}{'words':>11}{'claims':>9}{'seconds':>9}{'words/s':>9}")
        for name, path in cases:
            child = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True,
                                   check=True, cwd=ROOT)
            r = json.loads(child.stdout.splitlines()[-1])
            print(f"{name:<14}{r['peak_mb']:>7} MB{r['words']:>11,}{r['claims']:>9,}{r['seconds']:>9}{r['words_per_s']:>9,}",
                  flush=True)


if __name__ == "__main__":
    main()
