"""Rich tables of claims for people (JSONL and CSV are in `writers`, shared by every command)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Claim, _plain_number

SENTENCE_WIDTH = 90
WIDE = 110  # terminal columns from which the table has room for the sentence


def format_value(claim: Claim) -> str:
    fig = claim.figure
    text = f"{_fmt(fig.low)}–{_fmt(fig.high)}" if fig.bound == "range" else _fmt(fig.value)
    if fig.unit:
        text = f"{text} {fig.unit}"
    return text


def _fmt(x: float | None) -> str:
    x = _plain_number(x)
    if x is None:
        return "?"
    return f"{x:,}" if isinstance(x, int) else f"{x:,.6g}"


def shorten(claim: Claim, width: int = SENTENCE_WIDTH) -> Text:
    """The sentence cut to `width` characters around the figure, the figure in bold."""
    sent = claim.sentence
    text = " ".join(sent.text.split()) if len(sent.text) <= width else None
    start = claim.figure.start - sent.start
    end = claim.figure.end - sent.start
    raw = sent.text
    if text is None:
        half = max((width - (end - start)) // 2, 10)
        lo, hi = max(0, start - half), min(len(raw), end + half)
        raw = ("…" if lo else "") + raw[lo:hi] + ("…" if hi < len(sent.text) else "")
        start, end = start - lo + (1 if lo else 0), end - lo + (1 if lo else 0)
    out = Text()
    out.append(" ".join(raw[:start].split()) + (" " if raw[:start][-1:].isspace() else ""))
    out.append(raw[start:end], style="bold")
    out.append((" " if raw[end:end + 1].isspace() else "") + " ".join(raw[end:].split()))
    return out


def source_cell(claim: Claim) -> Text:
    out = Text()
    if claim.source is not None:
        out.append(claim.source.name or claim.source.text)
        if claim.cue is not None:
            out.append(f" ({claim.cue.text})", style="dim")
    marks = []
    if claim.hedged:
        marks.append("hedged")
    if claim.quote:
        marks.append("quote")
    if marks:
        out.append((" " if out else "") + "[" + ", ".join(marks) + "]", style="italic")
    return out


def claims_table(doc_name: str, claims: list[Claim], width: int = 160) -> Table:
    """One document's claims. Below WIDE columns the sentence is left out: it would wrap word by word."""
    with_sentence = width >= WIDE
    table = Table(title=f"{doc_name} · {len(claims)} figure{'s' if len(claims) != 1 else ''}",
                  title_justify="left", show_lines=False, expand=False)
    table.add_column("figure", style="cyan", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("bound")
    table.add_column("counted")
    table.add_column("measure", style="magenta")
    table.add_column("source")
    if with_sentence:
        table.add_column("sentence", ratio=1)
    for c in claims:
        row = [c.figure.text, format_value(c), c.figure.bound, c.counted.text if c.counted else "",
               c.measure or "", source_cell(c)]
        table.add_row(*row, *([shorten(c)] if with_sentence else []))
    return table


def print_table(console: Console, doc_name: str, claims: list[Claim]) -> None:
    console.print(claims_table(doc_name, claims, console.width))
