"""What the commands say to the user on stderr: one line for a bad input, a bad option or an output that cannot be
written, and the exit code that goes with it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer
from rich.console import Console

from ..errors import InputError
from ..out.writers import open_output

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def report(message: str) -> None:
    """One line on stderr, for a bad input or a bad option."""
    err_console.print(f"claimx: {message}", markup=False)


def usage_error(message: str) -> None:
    """One line on stderr, then exit 2."""
    report(message)
    raise typer.Exit(2)


@contextlib.contextmanager
def one_line() -> Iterator[None]:
    """An output that cannot be written (no such folder, no permission), by `open_output` or another writer (a
    database, a plot), as one line and exit 2."""
    try:
        yield
    except InputError as err:
        usage_error(err.message)


@contextlib.contextmanager
def opened(path: Path | None) -> Iterator[IO[str]]:
    """`open_output` (stdout for None), with an output that cannot be written as one line (exit 2)."""
    with one_line(), open_output(path) as out:
        yield out
