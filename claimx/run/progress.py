"""What a run shows while it goes and says at its end: the progress line and the summary (`Progress`, `Summary`)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.console import Console


@dataclass
class Summary:
    """What a run did, for the line at its end."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    claims: int = 0
    warnings: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        parts = [f"{self.ok:,} file{'s' if self.ok != 1 else ''} ok", f"{self.failed:,} failed"]
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped (already in the output)")
        if self.warnings:
            parts.append(f"{self.warnings:,} warning{'s' if self.warnings != 1 else ''}")
        parts.append(f"{self.claims:,} claim{'s' if self.claims != 1 else ''}")
        rate = self.ok / self.seconds if self.seconds > 0 else 0.0
        return f"claimx: {', '.join(parts)} in {self.seconds:.1f}s ({rate:.1f} files/s)"


class Progress:
    """A rich progress line on `console` (files, claims, files/s), or nothing when disabled."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.console = console
        self.bar = None
        if enabled:
            from rich.progress import Progress as RichProgress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = RichProgress(SpinnerColumn(), TextColumn("{task.completed:,} files"),
                                    TextColumn("{task.fields[failed]:,} failed"), TextColumn("{task.fields[claims]:,} claims"),
                                    TextColumn("{task.fields[rate]:.1f} files/s"), TimeElapsedColumn(),
                                    console=console, transient=True)
            self.task = self.bar.add_task("extract", total=None, claims=0, failed=0, rate=0.0)
        self.start = time.perf_counter()

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, summary: Summary) -> None:
        if self.bar is not None:
            elapsed = max(time.perf_counter() - self.start, 1e-9)
            self.bar.update(self.task, completed=summary.ok + summary.failed, claims=summary.claims,
                            failed=summary.failed, rate=(summary.ok + summary.failed) / elapsed)

    def print(self, message: str) -> None:
        """One line above the bar (or plainly, without one)."""
        self.console.print(message, markup=False, highlight=False, soft_wrap=True)
