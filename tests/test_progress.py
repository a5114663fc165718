"""The progress line and the summary of a run (run/progress.py)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from claimx.run.progress import Progress, Summary


@pytest.mark.parametrize(("summary", "line"), [
    (Summary(ok=1, failed=0, claims=1, seconds=2.0), "claimx: 1 file ok, 0 failed, 1 claim in 2.0s (0.5 files/s)"),
    (Summary(ok=4, failed=1, skipped=2, claims=9, warnings=1, seconds=2.0),
     "claimx: 4 files ok, 1 failed, 2 skipped (already in the output), 1 warning, 9 claims in 2.0s (2.0 files/s)"),
    (Summary(), "claimx: 0 files ok, 0 failed, 0 claims in 0.0s (0.0 files/s)"),
])
def test_progress_summary_line(summary, line):
    assert summary.line() == line


@pytest.mark.parametrize("enabled", [False, True])
def test_progress_prints_a_message_whole_with_or_without_the_bar(enabled):
    """A message about a bad input is one plain line (no markup read in it), with or without the progress bar."""
    console = Console(file=io.StringIO(), force_terminal=enabled, width=40, color_system=None)
    message = "claimx: [bold]odd[/bold] name.txt: an empty file, nothing to read in it"
    with Progress(console, enabled=enabled) as progress:
        progress.update(Summary(ok=1, claims=2))
        progress.print(message)
    assert message in console.file.getvalue()
    assert (progress.bar is not None) == enabled
