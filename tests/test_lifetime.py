"""Worker processes end with the run that started them, however it ends (issue 29): `run.lifetime`.

A folder run is killed with SIGKILL while its workers are busy; every process it had started must
be gone within ORPHAN_TIMEOUT, and a rerun writing the same output leaves no temporary file.
"""

from __future__ import annotations

import contextlib
import itertools
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
START_TIMEOUT = 300  # seconds for a folder run's workers to load the model and finish a batch, on a loaded machine
ORPHAN_TIMEOUT = 15  # seconds for a killed run's workers to notice and end
COPIES = 60  # copies of each seed article: 300 documents, minutes of work, so the run is still going when killed


def corpus(folder: Path, copies: int) -> Path:
    for i, seed in itertools.product(range(copies), sorted(SEEDS.glob("*.txt"))):
        path = folder / f"c{i % 7}" / f"{i}_{seed.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(seed.read_bytes())
    return folder


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def running(procs: list[psutil.Process]) -> list[psutil.Process]:
    """Those of `procs` still running (a zombie that no one has reaped yet has ended)."""
    alive = []
    for proc in procs:
        try:
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(proc)
        except psutil.NoSuchProcess:
            pass
    return alive


def wait_gone(procs: list[psutil.Process], timeout: float) -> list[str]:
    """Waits until none of `procs` runs, up to `timeout`; describes those still running, then kills them (so that
    none outlives the test)."""
    deadline = time.monotonic() + timeout
    while (alive := running(procs)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = describe(alive)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    return left


def describe(procs: list[psutil.Process]) -> list[str]:
    """pid: command line, of each that is still there."""
    found = []
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            found.append(f"{proc.pid}: {' '.join(proc.cmdline())[:120]}")
    return found


@pytest.mark.workers
@pytest.mark.parametrize("jobs", [2])
def test_lifetime_sigkilled_run_leaves_no_worker_and_rerun_no_temp_file(tmp_path, jobs):
    folder = corpus(tmp_path / "in", COPIES)
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    cmd = [sys.executable, "-m", "claimx", "extract", str(folder), "-o", str(out), "-j", str(jobs), "-q"]
    log = tmp_path / "stderr.txt"  # a file, not a pipe: surviving workers would hold a pipe open, and reading it hang
    with open(log, "wb") as stderr:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr)
    workers: list[psutil.Process] = []
    try:
        run = psutil.Process(proc.pid)
        deadline = time.monotonic() + START_TIMEOUT
        # busy: the workers have sent back a batch and the run is writing it
        while proc.poll() is None and time.monotonic() < deadline and not any(t.stat().st_size for t in temp_files(out.parent)):
            time.sleep(0.05)
        workers = run.children(recursive=True)
        proc.kill()
    finally:
        proc.wait()
        left = wait_gone(workers, ORPHAN_TIMEOUT)
    assert proc.returncode == -9, f"the run was not killed mid-way (exit {proc.returncode}): {log.read_text()[-2000:]}"
    assert len(workers) >= jobs, f"expected {jobs} workers, found {len(workers)}"
    assert not left, f"workers outlived the killed run: {left}"
    assert temp_files(out.parent), "the killed run was writing its output beside it"
    assert not out.exists(), "a killed run leaves no half output under the output's name"

    article = SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]
    rerun = subprocess.run([sys.executable, "-m", "claimx", "extract", str(article), "-o", str(out), "-j", "1", "-q"],
                           capture_output=True, text=True, timeout=START_TIMEOUT)
    assert rerun.returncode == 0, rerun.stderr
    assert temp_files(out.parent) == []
    assert out.read_text(encoding="utf-8").count("\n") > 0


WATCHED = textwrap.dedent("""
    import multiprocessing as mp, os, time
    from concurrent.futures import ProcessPoolExecutor
    from claimx.run.lifetime import die_with_parent

    def pid_after(seconds):
        time.sleep(seconds)
        return os.getpid()

    if __name__ == "__main__":
        pool = ProcessPoolExecutor(2, mp_context=mp.get_context("spawn"), initializer=die_with_parent, initargs=({kernel},))
        pids = set()
        while len(pids) < 2:  # both workers started and running tasks
            pids |= {{future.result() for future in [pool.submit(pid_after, 0.2) for _ in range(4)]}}
        print(" ".join(map(str, sorted(pids))), flush=True)
        time.sleep(600)
""")


@pytest.mark.parametrize("kernel", [True, False], ids=["prctl-and-watch", "watch-only"])
def test_lifetime_workers_end_with_their_parent(tmp_path, kernel):
    # watch-only is the guard of macOS and Windows, where the kernel has no parent-death signal
    script = tmp_path / "parent.py"
    script.write_text(WATCHED.format(kernel=kernel))
    log = tmp_path / "stderr.txt"
    with open(log, "wb") as stderr:
        proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=stderr, text=True)
    workers: list[psutil.Process] = []
    try:
        line = proc.stdout.readline()  # the workers print nothing: this line is the parent's
        workers = [psutil.Process(int(pid)) for pid in line.split()]
        proc.kill()
    finally:
        proc.wait()
        proc.stdout.close()
        left = wait_gone(workers, ORPHAN_TIMEOUT)
    assert len(workers) == 2, f"the workers did not start: {log.read_text()[-2000:]}"
    assert not left, f"workers outlived their parent: {left}"
