"""The `claimx` command. Thin: it checks arguments and calls the library."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import typer
from rich.console import Console

from ..errors import Errors, InputError
from ..out.writers import Format, check_folder
from .messages import err_console, one_line, opened, report, usage_error
from .options import (
    ArticleArg,
    BatchSizeOpt,
    ClaimsArg,
    Command,
    DaskOpt,
    DatabaseArg,
    DatabaseOpt,
    DateOpt,
    EvalFormat,
    EvalFormatOpt,
    ExtractOutputOpt,
    FormatOpt,
    GoldArg,
    HtmlOpt,
    JobsOpt,
    LexiconOpt,
    MaxSizeOpt,
    MinClaimsOpt,
    ModelOpt,
    OutputOpt,
    PathsArg,
    PlotOpt,
    PredictionsOpt,
    QuietOpt,
    RatingOpt,
    ResumeOpt,
    VersionOpt,
    WindowsOpt,
    examples,
)

app = typer.Typer(
    help="Pull every numeric claim out of news text: the figure, what it counts, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "[default: …]" must show, not be read as a style
)


@app.callback(epilog=examples("claimx extract news/ -o claims.jsonl", "claimx compare news/ --plot timelines.html",
                              "claimx extract --help"))
def main(version: VersionOpt = False) -> None:
    """claimx: numeric claims in news text."""


def load_nlp(model: str | None, lexicons: Path | None = None):
    from ..run.pipeline import load

    try:
        return load(model, lexicons=str(lexicons) if lexicons else None)
    except RuntimeError as err:
        report(str(err))
        raise typer.Exit(2) from None


@app.command(cls=Command, epilog=examples(
    "claimx extract article.txt",
    "claimx extract news/ -o claims.jsonl --date 2025-05-01",
    "claimx extract news/ -f sqlite -o claims.db --resume",
    "cat article.txt | claimx extract - -f csv"))
def extract(paths: PathsArg, fmt: FormatOpt = None, output: ExtractOutputOpt = None, model: ModelOpt = None,
            lexicons: LexiconOpt = None, date: DateOpt = None, jobs: JobsOpt = None, resume: ResumeOpt = False,
            quiet: QuietOpt = False, max_size: MaxSizeOpt = 20.0, batch_size: BatchSizeOpt = 16,
            dask: DaskOpt = None, windows: WindowsOpt = False) -> None:
    """Extract every numeric claim from articles."""
    check_date(date)
    if jobs is not None and jobs < 0:
        usage_error(Errors.E020.format(jobs=jobs))
    if dask is not None:
        _extract_dask(paths, dask, output, model, lexicons, date, max_size, batch_size, full_parse=not windows)
        return
    if output is not None and output.is_dir():
        usage_error(f"--output {output} is a folder: name a file")
    fmt = _default_format(fmt, output)
    _check_sqlite(fmt, output)
    if resume and (output is None or fmt not in (Format.jsonl, Format.sqlite)):
        usage_error(Errors.E019)
    from ..out.writers import claim_output
    from ..read.io import JSONL_SUFFIXES, read_inputs
    from ..run.batch import extract_stream, resolve_jobs, run, skip_done
    from ..run.progress import Progress

    many = len(paths) > 1 or any(Path(p).is_dir() or Path(p).suffix.lower() in JSONL_SUFFIXES for p in paths)
    jobs = resolve_jobs(jobs, corpus=many)
    nlp = load_nlp(model, lexicons) if jobs == 1 else None  # workers load their own
    items = read_inputs(paths, max_bytes=int(max_size * 2**20) or None)
    skipped: list[str] = []
    show = not quiet and err_console.is_terminal
    try:
        with claim_output(output, fmt, resume=resume, lexicons=lexicons, date=date) as (writer, done), \
                Progress(err_console, show and many) as progress:
            if resume:
                items = skip_done(items, done, skipped)
            results = extract_stream(items, jobs=jobs, nlp=nlp, model=model, lexicons=str(lexicons) if lexicons else None,
                                     date=date, batch_size=batch_size, parts=fmt in (Format.jsonl, Format.csv),
                                     full_parse=not windows)
            summary = run(results, writer.write, progress)  # JSONL and CSV: a long document piece by piece
    except RuntimeError as err:  # the pipeline did not load in a worker: nothing was written
        report(str(err))
        raise typer.Exit(2) from None
    except InputError as err:  # --output is no database
        usage_error(err.message)
    summary.skipped = len(skipped)
    if show:
        err_console.print(summary.line(), markup=False, highlight=False)
    if summary.failed:
        raise typer.Exit(1)


def _check_sqlite(fmt: Format, output: Path | None) -> None:
    if fmt is Format.sqlite:
        if output is None:
            usage_error(Errors.E027)
        with one_line():  # before any work, and before sqlite's own "unable to open database file"
            check_folder(output)


def _default_format(fmt: Format | None, output: Path | None) -> Format:
    return fmt if fmt is not None else Format.table if output is None and sys.stdout.isatty() else Format.jsonl


def _extract_dask(paths: list[str], address: str, output: Path | None, model: str | None, lexicons: Path | None,
                  date: str | None, max_size: float, batch_size: int, full_parse: bool = True) -> None:
    if output is None:
        usage_error(Errors.E021)
    try:
        from ..run.dask import extract_paths_on
    except ImportError as err:
        usage_error(f"--dask needs claimx[dask] installed ({err})")
    try:
        summary = extract_paths_on(address, paths, output, model=model, lexicons=str(lexicons) if lexicons else None,
                                   date=date, max_bytes=int(max_size * 2**20) or None, batch_size=batch_size,
                                   report=lambda line: err_console.print(line, markup=False, highlight=False),
                                   full_parse=full_parse)
    except (OSError, TimeoutError) as err:
        usage_error(Errors.E022.format(address=address, err=err))
    except RuntimeError as err:
        usage_error(str(err))
    err_console.print(summary.line(), markup=False, highlight=False)
    if summary.failed:
        raise typer.Exit(1)


def check_date(date: str | None) -> None:
    import datetime as dt

    if date is None:
        return
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        usage_error(Errors.E012.format(date=date))


# -- across articles: actors, compare; review: render; accuracy: eval ------------------------------





def _write_records(records: list, fmt: Format, output: Path | None, table, rows, columns) -> None:
    from ..out.writers import write_records

    with opened(output) as out:
        write_records(records, fmt, out, table=table, rows=rows, columns=columns, width=None if output is None else 160)


def _to_database(write, output: Path, *records) -> None:
    """`write` (a `database` function) into --output; a file that is no database is a one-line error."""
    try:
        write(output, *records)
    except InputError as err:
        usage_error(err.message)


@app.command(cls=Command, epilog=examples("claimx actors news/", "claimx actors news/ -f csv -o actors.csv"))
def actors(paths: PathsArg, fmt: FormatOpt = None, output: OutputOpt = None, model: ModelOpt = None,
           lexicons: LexiconOpt = None, date: DateOpt = None) -> None:
    """List the people, organisations and groups of articles, spellings merged."""
    check_date(date)
    fmt = _default_format(fmt, output)
    _check_sqlite(fmt, output)
    from ..across.actors import ActorIndex
    from ..out.render import actors_table
    from ..out.writers import ACTOR_COLUMNS, actor_row

    nlp = load_nlp(model, lexicons)
    from ..run.batch import processed_docs

    docs, failed = processed_docs(nlp, paths, date, report)
    index = ActorIndex.from_docs(docs, lexicons=lexicons)
    if fmt is Format.sqlite:
        from ..out.database import write_actors

        _to_database(write_actors, output, index.actors)
    else:
        _write_records(index.actors, fmt, output, actors_table, lambda a: [actor_row(a)], ACTOR_COLUMNS)
    if failed:
        raise typer.Exit(1)


@app.command(cls=Command, epilog=examples("claimx compare news/ --date 2025-05-01",
                                          "claimx compare news/ --plot timelines.html --min-claims 3",
                                          "claimx compare news/ -f sqlite -o claims.db"))
def compare(paths: PathsArg, fmt: FormatOpt = None, output: OutputOpt = None, plot: PlotOpt = None,
            min_claims: MinClaimsOpt = 2, model: ModelOpt = None, lexicons: LexiconOpt = None,
            date: DateOpt = None) -> None:
    """Line up sources' claims about one thing as timelines; flag real disagreements.

    Claims are grouped by subject (North Korean soldiers), measure (killed) and unit. Each row
    shows its as-of date and how it was found (own time: the figure's clause says when; statement:
    "said Monday"; article: the article's date; unknown stays unknown) and its scope (total,
    addition, period, incident).

    Two claims conflict only when they share subject, measure and unit, are both totals (or
    counts of the same period), come from different sources, are both dated, and their figures
    cannot both hold: as of dates within 7 days, or, further apart, a total of the dead, injured,
    captured or missing that fell. Additions ("another 1,500"), periods ("in the past week"),
    incidents ("the raid killed 12") and parts ("including 600 deaths") are listed, never set
    against totals. Conflicts are reported as disputes, each once, as camps of claims that can
    all hold at once, with the reason in words (docs/COMPARE.md).
    """
    check_date(date)
    fmt = _default_format(fmt, output)
    _check_sqlite(fmt, output)
    if plot is not None:
        if plot.suffix.lower() not in (".png", ".svg", ".html"):
            usage_error(Errors.E026.format(path=plot))
        with one_line():
            check_folder(plot)
    from ..across.actors import ActorIndex
    from ..across.compare import compare as compare_claims
    from ..out.render import groups_table
    from ..out.writers import GROUP_COLUMNS, group_rows
    from ..records import claims_from_doc

    nlp = load_nlp(model, lexicons)
    from ..run.batch import processed_docs

    docs, failed = processed_docs(nlp, paths, date, report)
    claims = [claims_from_doc(d) for d in docs]  # compare links them over all the articles
    index = ActorIndex.from_docs(docs, claims, lexicons=lexicons)
    groups = compare_claims([c for cs in claims for c in cs], index, min_claims=min_claims, lexicons=lexicons)
    if fmt is Format.sqlite:  # into the database extract wrote, beside its claims
        from ..out.database import write_groups

        _to_database(write_groups, output, groups, index.actors)
    else:
        _write_records(groups, fmt, output, groups_table, group_rows, GROUP_COLUMNS)
    if plot is not None:
        from ..out.plot import plot_groups

        with one_line():  # a folder that cannot be written
            plot_groups(groups, plot)
        report(f"wrote {plot}")
    if failed:
        raise typer.Exit(1)


@app.command(cls=Command, epilog=examples("claimx render article.txt --html review.html"))
def render(article: ArticleArg, html: HtmlOpt, model: ModelOpt = None, lexicons: LexiconOpt = None,
           date: DateOpt = None) -> None:
    """Write one article as an HTML page to review its claims."""
    check_date(date)
    from ..out.review import render_html
    from ..read.io import read_inputs
    from ..run.pipeline import extract_documents

    items = list(itertools.islice(read_inputs([article]), 2))
    for item in items:
        if isinstance(item, InputError):
            report(item.message)
            raise typer.Exit(1)
    if len(items) != 1:
        usage_error(Errors.E023.format(path=article))
    nlp = load_nlp(model, lexicons)
    doc, claims = next(extract_documents(nlp, items, date=date))
    if isinstance(doc, InputError):
        report(doc.message)
        raise typer.Exit(1)
    with opened(html) as out:
        out.write(render_html(doc.text, claims, doc.name))


@app.command("eval", cls=Command, epilog=examples("claimx eval docs/gold/seeds.jsonl seeds/",
                                                  "claimx eval gold.jsonl claims.jsonl --predictions -f json"))
def eval_(gold: GoldArg, paths: PathsArg, predictions: PredictionsOpt = False, fmt: EvalFormatOpt = EvalFormat.table,
          model: ModelOpt = None, lexicons: LexiconOpt = None, date: DateOpt = None) -> None:
    """Score claimx on annotated articles: P/R/F1 and accuracy per field."""
    import json

    from ..across.evaluate import load_gold, load_predictions, score
    from ..out.render import score_table

    check_date(date)
    failed = 0
    try:
        gold_lines = load_gold(gold)
        if predictions:
            pred = load_predictions(paths)
        else:
            from ..read.io import read_inputs
            from ..run.pipeline import extract_documents

            nlp = load_nlp(model, lexicons)
            pred = []
            for item, claims in extract_documents(nlp, read_inputs(paths), date=date):
                if isinstance(item, InputError):
                    failed += 1
                    report(item.message)
                else:
                    pred.extend(c.to_dict() for c in claims)
    except InputError as err:
        report(err.message)
        raise typer.Exit(1) from None
    result = score(gold_lines, pred)
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        Console(highlight=False).print(score_table(result))
    if failed:
        raise typer.Exit(1)


# -- fact-checks: ClaimReview ---------------------------------------------------------------

@app.command(cls=Command, epilog=examples(
    "claimx claimreview claims.jsonl --rating ratings.csv --database claims.db -o claimreview.json"))
def claimreview(claims: ClaimsArg, rating: RatingOpt, database: DatabaseOpt = None, output: OutputOpt = None) -> None:
    """Write schema.org ClaimReview JSON-LD for the claims a fact-checker has rated."""
    import json

    from ..out.claimreview import reviews_from_files

    try:
        reviews = reviews_from_files(claims, rating, database, warn=report)
    except InputError as err:
        report(err.message)
        raise typer.Exit(1) from None
    with opened(output) as out:
        out.write(json.dumps(reviews, ensure_ascii=False, indent=1) + "\n")


# -- Datasette: the metadata for a claims database -------------------------------------------

@app.command("datasette-metadata", cls=Command, epilog=examples(
    "claimx datasette-metadata claims.db -o metadata.json",
    "datasette claims.db --metadata metadata.json"))
def datasette_metadata(database: DatabaseArg = None, output: OutputOpt = None) -> None:
    """Write the Datasette metadata for a claims database.

    Titles, descriptions, facets and canned queries ("all claims by one actor", "every figure
    for one measure, by date", "conflicts, with both claims"). The packaged file
    (claimx/out/datasette/metadata.json) is written for claims.db; this names the database you
    give instead. Serve it with `datasette DATABASE --metadata FILE`.
    """
    import json

    from ..out.database import datasette_metadata as metadata

    with opened(output) as out:
        out.write(json.dumps(metadata(database), ensure_ascii=False, indent=1) + "\n")
