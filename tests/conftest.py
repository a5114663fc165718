"""Shared fixtures: one trained pipeline per test session (loading it is the slow part).

The gold-set group: tests marked `gold` read the team's gold sets, referees and peers' suites in
../shared beside the repository (SHARED). A clone without it skips them, all for one reason
(SHARED_SKIP), and says so in one line at the end; with CLAIMX_REQUIRE_SHARED=1 (.ci/run sets it)
its absence stops the run instead. Every other test reads only the repository (seeds/, docs/);
while the gold tests can run, a test outside the group that opens, lists or hands a subprocess a
path in ../shared fails (`_guard_shared`), so what passes on CI also passes in a bare clone.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import claimx

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "docs" / "gold" / "seeds.jsonl"  # the seeds' gold, shipped with the repository

REQUIRE_SHARED = "CLAIMX_REQUIRE_SHARED"  # 1: a missing ../shared stops the run instead of skipping the gold tests
SHARED_NEEDS = ("gold/score.py", "gold/seeds.jsonl", "gold/dev", "gold/polnear", "peers")  # what the gold tests read
MISSING = [need for need in SHARED_NEEDS if not (SHARED / need).exists()]
GOLD_MARK = pytest.mark.gold


def _skip_reason() -> str:
    if not SHARED.is_dir():
        return "../shared not found beside the repository"
    return f"../shared lacks {', '.join(MISSING)}"


SHARED_SKIP = _skip_reason() if MISSING else ""
SKIP_PREFIX = "gold set: "  # how a gold test's skip reason starts, so the summary can count them


def shared_required() -> bool:
    return os.environ.get(REQUIRE_SHARED, "") not in ("", "0")


def pytest_configure(config):
    if MISSING and shared_required():
        raise pytest.UsageError(f"{SHARED_SKIP} ({SHARED}) and {REQUIRE_SHARED} is set: "
                                "the gold-set tests must run here (unset it to skip them)")
    if not MISSING:
        sys.addaudithook(_guard_shared)


def pytest_collection_modifyitems(config, items):
    if not MISSING:
        return
    skip = pytest.mark.skip(reason=SKIP_PREFIX + SHARED_SKIP)
    for item in items:
        if item.get_closest_marker("gold"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if not MISSING:
        return
    skipped = sum(SKIP_PREFIX in str(report.longrepr) for report in terminalreporter.stats.get("skipped", []))
    terminalreporter.write_line(f"gold-set tests: {skipped} skipped: {SHARED_SKIP} "
                                f"(CI sets {REQUIRE_SHARED}=1 to fail instead)")


# -- the guard: while ../shared is here, only gold tests may read it --

_running: dict[str, object] = {"item": None}  # the test being set up, run or torn down
_trespasses: dict[str, list[str]] = {}  # nodeid -> the paths in ../shared it reached
_WATCHED = {"open", "os.listdir", "os.scandir", "os.chdir", "subprocess.Popen"}  # audit events that take a path


def _in_shared(arg) -> str | None:
    if isinstance(arg, (list, tuple)):
        return next(filter(None, map(_in_shared, arg)), None)
    if not isinstance(arg, (str, bytes, os.PathLike)):
        return None
    path = os.fsdecode(os.fspath(arg))
    if "shared" not in path:
        return None
    full = os.path.abspath(path)
    return full if full == str(SHARED) or full.startswith(str(SHARED) + os.sep) else None


def _guard_shared(event: str, args: tuple) -> None:
    if event not in _WATCHED:
        return
    item = _running["item"]
    if item is None or item.get_closest_marker("gold"):
        return
    path = _in_shared(args[:2])
    if path is not None:
        _trespasses.setdefault(item.nodeid, []).append(path)
        raise RuntimeError(f"{path} is in ../shared, which a clone of the repository lacks: "
                           "mark the test `gold` or read the repository's copy (seeds/, docs/)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _running["item"] = item
    try:
        return (yield)
    finally:
        _running["item"] = None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if item.nodeid in _trespasses:  # also when the code under test caught the error
        pytest.fail(f"a test outside the gold group read ../shared: {sorted(set(_trespasses[item.nodeid]))}")
    return result


@pytest.fixture(autouse=True)
def _one_process_unless_workers(request, monkeypatch):
    """`claimx extract FOLDER` starts a worker per usable core when --jobs is left out; each loads the model, which
    costs seconds, so the suite's folder runs stay in this process (where spies on the run see them) except in
    tests marked `workers`, which check the default itself."""
    if request.node.get_closest_marker("workers") is None:
        import claimx.run.batch

        monkeypatch.setattr(claimx.run.batch, "usable_jobs", lambda cores=None, memory=None: 1)


@pytest.fixture(scope="session")
def nlp():
    return claimx.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract("text") -> list of Claim."""

    def run(text: str, doc_id: str = "test.txt"):
        return claimx.extract_text(nlp, text, doc_id)

    return run


@pytest.fixture(scope="session")
def figure_of(extract):
    """figure_of(sentence, figure_text) -> the Claim whose figure text contains figure_text."""

    def run(text: str, contains: str):
        claims = extract(text)
        hits = [c for c in claims if contains in c.figure.text]
        assert hits, f"no figure containing {contains!r} in {[c.figure.text for c in claims]}"
        return hits[0]

    return run


@pytest.fixture(scope="session")
def seed_docs(nlp):
    """The seed articles as processed Docs named by file, for actors and compare."""
    from claimx.read.io import Document, read_inputs
    from claimx.run.pipeline import make_doc

    items = [d for d in read_inputs([str(SEEDS)]) if isinstance(d, Document)]
    return list(nlp.pipe(make_doc(nlp, d.text, d.name, d.date) for d in items))


@pytest.fixture(scope="session")
def seed_actors(seed_docs):
    """ActorIndex over the seed articles."""
    from claimx.across.actors import ActorIndex

    return ActorIndex.from_docs(seed_docs)


@pytest.fixture(scope="session")
def seed_claims(seed_docs, seed_actors):
    """The seed articles' claims with actor ids linked, in document and text order."""
    return seed_actors.link([c for doc in seed_docs for c in doc._.claims])


@pytest.fixture(scope="session")
def seed_groups(seed_claims, seed_actors):
    """compare() over the seed articles."""
    from claimx.across.compare import compare

    return compare(seed_claims, seed_actors)


# -- helpers shared by the CLI tests (plain functions, imported from conftest) --

def records(stdout: str) -> list[dict]:
    """JSONL, line by line: every line one JSON object, nothing else."""
    if not stdout:
        return []
    assert stdout.endswith("\n"), "JSONL output must end with a newline"
    out = []
    for n, line in enumerate(stdout.splitlines(), 1):
        assert line.strip(), f"blank line {n} in JSONL output"
        rec = json.loads(line)
        assert isinstance(rec, dict), f"line {n} is not a JSON object"
        out.append(rec)
    return out


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def spy_on_stream(monkeypatch) -> list[str]:
    """The names of the documents `extract` reads from now on (a --resume run skips those done)."""
    import claimx.run.batch

    seen: list[str] = []
    real = claimx.run.batch.extract_stream

    def spy(items, **kw):
        items = list(items)
        seen.extend(i.name for i in items)
        return real(items, **kw)

    monkeypatch.setattr(claimx.run.batch, "extract_stream", spy)
    return seen
