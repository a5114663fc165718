"""Rich tables for people: claims, actors, compared groups, scores (JSONL and CSV are in `writers`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..across.actors import Actor
from ..across.disputes import camp_mark
from ..across.evaluate import FIELDS
from ..across.timelines import Group, format_interval
from ..model import Claim, plain_number

SENTENCE_WIDTH = 90
WIDE = 110  # terminal columns from which the table has room for the sentence


def format_value(claim: Claim) -> str:
    fig = claim.figure
    text = f"{_fmt(fig.low)}–{_fmt(fig.high)}" if fig.bound == "range" else _fmt(fig.value)
    if fig.unit:
        text = f"{text} {fig.unit}"
    return text


def _fmt(x: float | None) -> str:
    x = plain_number(x)
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


# --- across articles -------------------------------------------------------------------


def actors_table(actors: Iterable[Actor], *, limit_aliases: int = 6) -> Table:
    """A rich table of actors: who they are, how often named, how many claims they make or are about."""
    actors = list(actors)
    table = Table(title=f"{len(actors)} actor{'s' if len(actors) != 1 else ''}", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("kind", style="magenta")
    table.add_column("mentions", justify="right")
    table.add_column("docs", justify="right")
    table.add_column("claims made", justify="right")
    table.add_column("claims about", justify="right")
    table.add_column("aliases seen", ratio=1)
    for a in actors:
        others = [s for s in a.aliases if s != a.name]
        shown = ", ".join(others[:limit_aliases]) + (f", … (+{len(others) - limit_aliases})" if len(others) > limit_aliases else "")
        table.add_row(a.id, a.name, a.kind, str(a.mentions), str(len(a.documents)), str(len(a.claims_made)),
                      str(len(a.claims_about)), shown)
    return table


def group_table(group: Group) -> Table:
    """One group as a rich table: what it holds, its claims by time; a claim in a dispute is red and says its side
    ("1A": dispute 1, camp A); each dispute is one line under the table, naming its camps."""
    g = group
    n = len(g.disagreements)
    spread_text = f"spread ×{g.spread:,.2f}".rstrip("0").rstrip(".") if g.spread else "spread –"
    mentions = sum(1 + len(r.mentions) for r in g.rows)
    caption = f"{len(g.rows)} claims ({mentions} mentions), {spread_text}, {n} dispute{'s' if n != 1 else ''}"
    if g.holds:
        caption += f"\n{g.holds}"
    title = Text(g.label, style="bold")
    table = Table(title=title, caption=caption, title_justify="left", caption_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("as of")
    table.add_column("found by", style="dim")
    table.add_column("scope")
    table.add_column("source")
    table.add_column("figure", style="cyan")
    table.add_column("interval", justify="right", no_wrap=True)
    table.add_column("bound")
    table.add_column("doc", style="dim", overflow="fold")
    table.add_column("camp")
    sides: dict[int, list[str]] = defaultdict(list)
    for k, d in enumerate(g.disagreements, 1):
        for c, camp in enumerate(d.camps):
            for i in camp:
                sides[i].append(camp_mark(k, c))
    for i, r in enumerate(g.rows):
        doc = r.doc + (f" (+{len(r.mentions)} mention{'s' if len(r.mentions) != 1 else ''})" if r.mentions else "")
        table.add_row(str(i + 1), r.as_of or "unknown", r.as_of_via or "", r.scope, r.source or "", r.figure,
                      format_interval(r.low, r.high), r.bound, doc, ", ".join(sides[i]),
                      style="red" if i in sides else None)
    for k, d in enumerate(g.disagreements, 1):  # each dispute once, its camps in words, under the table
        camps = " | ".join(f"{camp_mark(k, c)}: rows {', '.join(str(i + 1) for i in camp)}" for c, camp in enumerate(d.camps))
        table.caption = f"{table.caption}\ndispute {k} ({camps}): {d.reason}"
    return table


def groups_table(groups: Iterable[Group]) -> Table:
    """Every group's table (see `group_table`), one under the other, in one borderless rich table."""
    groups = list(groups)
    outer = Table.grid(padding=(0, 0, 1, 0))
    outer.title = f"{len(groups)} group{'s' if len(groups) != 1 else ''} of comparable claims"
    outer.title_justify = "left"
    outer.add_column()
    for g in groups:
        outer.add_row(group_table(g))
    return outer


def score_table(result: dict[str, Any], title: str | None = None) -> Table:
    """The report for people: detection and claim P/R/F1, then accuracy per field on matched figures.

    The title gives the counts: gold, predicted, matched, missed, false alarms and matched
    figures with a wrong field.
    """
    heading = title or (f"gold {result['gold']} · predicted {result['predicted']} · matched {result['matched']} · "
                        f"missed {len(result['missed'])} · false alarms {len(result['false_alarms'])} · "
                        f"wrong fields {len(result['errors'])}")
    table = Table(title=heading, title_justify="left")
    table.add_column("score")
    table.add_column("P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("F1 / acc.", justify="right", style="bold")
    for name in ("detection", "claim"):
        d = result[name]
        table.add_row(name, _num(d["p"]), _num(d["r"]), _num(d["f"]))
    table.add_section()
    acc = result["accuracy_on_matched"]
    for k in FIELDS:
        table.add_row(f"{k} accuracy on matched", "", "", _num(acc[k]))
    table.add_row("counted accuracy on matched", "", "", _num(result["counted_accuracy"]))
    return table


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"
