"""Review view: one article as a self-contained HTML page with its claims highlighted.

Figures, counted phrases, sources, cues and times are `<mark>` elements over the article
text; a card per claim beside the text lists the whole record, with the claim's id
(`doc:start`, what a ClaimReview rating file names), the date it holds and its scope. Spans may overlap (one
source serves several figures, a time can sit inside a source's clause), so the text is
cut at every span boundary and each piece carries every role that covers it in
`data-roles` ("figure:0 source:0 source:1", claim numbers from 0). Hovering a piece
highlights its claims' cards and the other way round (CSS `:has`, no script). The page
needs nothing from the network: no external CSS, JS or fonts.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Claim
from .database import claim_id
from .render import format_value

# The highlighted roles, in drawing priority: a piece covered by several is coloured by the first.
KINDS = ("figure", "counted", "source", "cue", "time")


@dataclass(frozen=True)
class Role:
    """One highlighted span: which part (`kind`) of which claim (`claim`, from 0)."""

    kind: str
    claim: int
    start: int
    end: int


def render_html(text: str, claims: list[Claim], title: str) -> str:
    """The review page for one article.

    Args:
        text: The article exactly as the claims' offsets index it (Python str indices).
        claims: Its claims, as `claimx.extract_text` returns them.
        title: Shown as the page title and heading, usually the file name.

    Returns:
        A complete HTML document. Spans that do not fit inside `text` are not highlighted
        (their claim still gets a card).
    """
    roles = list(_roles(claims, len(text)))
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{_esc(title)} · claimx review</title>\n",
        f"<style>\n{_CSS}{_hover_css(len(claims))}</style>\n</head>\n<body>\n",
        "<header>\n",
        f"<h1>{_esc(title)}</h1>\n",
        f"<p class=\"summary\">{_summary(claims)}</p>\n",
        _key(),
        "</header>\n<main>\n",
        f"<article class=\"text\" id=\"text\">{_marked_text(text, roles, claims)}</article>\n",
        "<aside class=\"claims\" id=\"claims\">\n",
        *(_card(i, c) for i, c in enumerate(claims)),
        "" if claims else "<p class=\"none\">No numeric claims found.</p>\n",
        "</aside>\n</main>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def _roles(claims: list[Claim], size: int) -> Iterator[Role]:
    for i, claim in enumerate(claims):
        for kind in KINDS:
            span = getattr(claim, kind)
            # offsets from another text (or a bug) would highlight the wrong words: leave them out
            if span is not None and 0 <= span.start < span.end <= size:
                yield Role(kind, i, span.start, span.end)


def _marked_text(text: str, roles: list[Role], claims: list[Claim]) -> str:
    """The text cut at every span boundary; covered pieces become <mark>s carrying all their roles."""
    cuts = sorted({0, len(text), *(r.start for r in roles), *(r.end for r in roles)})
    starting: dict[int, list[Role]] = {}
    for r in roles:
        starting.setdefault(r.start, []).append(r)
    with_id: set[int] = set()  # claims whose figure already has its anchor (on its first piece)
    covering: list[Role] = []  # a sweep: the spans open over the current piece (no span ends inside a piece)
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = _esc(text[a:b])
        covering = [r for r in covering if r.end > a] + starting.get(a, [])
        if not covering:
            out.append(piece)
            continue
        kinds = [k for k in KINDS if any(r.kind == k for r in covering)]
        nums = sorted({r.claim for r in covering})
        attrs = {
            "class": " ".join(["cx", f"cx-{kinds[0]}", *(["cx-multi"] if len(kinds) > 1 else [])]),
            "data-roles": " ".join(f"{r.kind}:{r.claim}" for r in sorted(covering, key=lambda r: (KINDS.index(r.kind), r.claim))),
            "data-claims": " ".join(str(n) for n in nums),
            "title": _tooltip(covering, claims),
        }
        for r in covering:
            if r.kind != "figure":
                continue
            if r.claim not in with_id and "id" not in attrs:  # the target of the card's link
                with_id.add(r.claim)
                attrs["id"] = f"fig-{r.claim}"
            if r.end == b:  # the claim number, drawn by CSS after the figure's last piece
                attrs["data-n"] = str(r.claim + 1)
        out.append("<mark" + "".join(f' {k}="{_esc(v)}"' for k, v in attrs.items()) + f">{piece}</mark>")
    return "".join(out)


def _tooltip(covering: list[Role], claims: list[Claim]) -> str:
    """What hovering shows: the role of this piece for each claim, then those claims in one line each."""
    lines = [", ".join(f"{r.kind} of #{r.claim + 1}" for r in covering)]
    for n in sorted({r.claim for r in covering}):
        lines.append(f"#{n + 1}: {_one_line(claims[n])}")
    return "\n".join(lines)


def _one_line(c: Claim) -> str:
    bits = [f"{c.figure.text} = {format_value(c)} ({c.figure.bound})"]
    if c.counted is not None:
        bits.append(c.counted.text)
    if c.measure:
        bits.append(c.measure)
    if c.source is not None:
        bits.append(f"source: {c.source.name or c.source.text}" + (f" ({c.cue.text})" if c.cue else ""))
    if c.hedged:
        bits.append("hedged")
    if c.quote:
        bits.append("quote")
    if c.time is not None:
        bits.append(f"time: {c.time.date or c.time.text}")
    return " · ".join(bits)


def _summary(claims: list[Claim]) -> str:
    n = len(claims)
    attributed = sum(c.source is not None for c in claims)
    hedged = sum(c.hedged for c in claims)
    quoted = sum(c.quote for c in claims)
    return (f"{n} claim{'s' if n != 1 else ''} · {attributed} attributed · {hedged} hedged · {quoted} quoted"
            " — hover a highlight or a card to see the whole claim")


def _key() -> str:
    items = "".join(f"<span class=\"key cx cx-{k}\">{k}</span>" for k in KINDS)
    return f"<p class=\"legend-key\">{items}<span class=\"key-note\">hedged and quoted claims are marked on their cards</span></p>\n"


def _card(i: int, c: Claim) -> str:
    fig = c.figure
    src = c.source
    short = [  # two to a line
        ("value", format_value(c)),
        ("bound", fig.bound),
        ("unit", fig.unit),
        ("measure", c.measure),
        ("hedged", "yes" if c.hedged else "no"),
        ("quote", "yes" if c.quote else "no"),
    ]
    long = [  # a line each
        ("id", claim_id(c.to_dict())),
        ("as of", _as_of_text(c)),
        ("scope", c.scope),
        ("counted", c.counted.text if c.counted else None),
        ("source", None if src is None else _source_text(src.name, src.text, src.kind, src.role, src.via)),
        ("cue", None if c.cue is None else f"{c.cue.text} ({c.cue.stance})"),
        ("time", None if c.time is None else c.time.text + (f" → {c.time.date}" if c.time.date else "")),
    ]
    flags = "".join(f"<span class=\"flag\">{f}</span>" for f, on in (("hedged", c.hedged), ("quote", c.quote)) if on)
    body = "".join(_field(k, v, wide=False) for k, v in short) + "".join(_field(k, v, wide=True) for k, v in long)
    return (f"<section class=\"card\" id=\"claim-{i}\" data-claims=\"{i}\" data-id=\"{_esc(claim_id(c.to_dict()))}\">"
            f"<h2><a href=\"#fig-{i}\"><span class=\"n\">{i + 1}</span>"
            f"<span class=\"cx cx-figure\">{_esc(fig.text)}</span></a>{flags}</h2>"
            f"<dl>{body}</dl></section>\n")


def _as_of_text(c: Claim) -> str | None:
    """The date the claim holds and how it was found ('2025-03 (statement)'); None when unknown."""
    if c.as_of is None or not c.as_of.date:
        return None
    return c.as_of.date + (f" ({c.as_of.via})" if c.as_of.via else "")


def _field(name: str, value: str | None, wide: bool) -> str:
    cls = " ".join([*(["wide"] if wide else []), *([] if value else ["empty"])])
    attr = f' class="{cls}"' if cls else ""
    return f"<dt>{name}</dt><dd{attr}>{_esc(value) if value else '—'}</dd>"


def _source_text(name: str, text: str, kind: str, role: str | None, via: str | None) -> str:
    out = name or text
    if text and text != out:
        out += f" (“{text}”)"
    extra = [kind, *([role] if role else []), *([f"via {via}"] if via else [])]
    return f"{out} · {', '.join(extra)}"


def _hover_css(n: int) -> str:
    """Per-claim rules: hovering any piece of claim i lights its card, hovering the card lights its pieces."""
    rules = []
    for i in range(n):
        rules.append(f"body:has(mark[data-claims~=\"{i}\"]:hover) #claim-{i},"
                     f"body:has(#claim-{i}:hover) mark[data-claims~=\"{i}\"]{{outline:2px solid #1f2937;}}\n")
    return "".join(rules)


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


_CSS = """\
:root{--figure:#fde68a;--counted:#bfdbfe;--source:#bbf7d0;--cue:#e9d5ff;--time:#fecdd3;}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 color:#1f2937;background:#f3f4f6}
header{max-width:1400px;margin:0 auto 16px}
h1{font-size:20px;margin:0 0 4px;word-break:break-all}
.summary{margin:0 0 10px;color:#4b5563}
.legend-key{margin:0;display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.key{padding:2px 10px;border-radius:4px;font-size:13px}
.key-note{color:#6b7280;font-size:13px;margin-left:8px}
main{max-width:1400px;margin:0 auto;display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:24px;
 align-items:start}
@media (max-width:900px){main{grid-template-columns:1fr}}
.text{background:#fff;border-radius:8px;padding:20px 28px;box-shadow:0 1px 3px rgba(0,0,0,.08);white-space:pre-wrap;
 font:17px/1.75 Georgia,"DejaVu Serif",serif;overflow-wrap:anywhere}
mark.cx,.cx{border-radius:3px;padding:1px 0;color:inherit}
.cx-figure{background:var(--figure);font-weight:700;box-shadow:inset 0 -2px 0 #d97706}
.cx-counted{background:var(--counted);box-shadow:inset 0 -2px 0 #2563eb}
.cx-source{background:var(--source);box-shadow:inset 0 -2px 0 #16a34a}
.cx-cue{background:var(--cue);box-shadow:inset 0 -2px 0 #9333ea}
.cx-time{background:var(--time);box-shadow:inset 0 -2px 0 #e11d48}
.cx-multi{text-decoration:underline dotted #374151}
mark.cx{cursor:help}
mark.cx[data-n]::after{content:attr(data-n);font:700 10px/1 system-ui,sans-serif;vertical-align:super;color:#92400e;
 margin-left:1px}
.claims{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow-y:auto;display:flex;flex-direction:column;gap:10px;
 padding-right:4px}
.card{background:#fff;border-radius:8px;padding:10px 14px;box-shadow:0 1px 3px rgba(0,0,0,.08);border-left:4px solid #d97706}
.card h2{font-size:15px;margin:0 0 6px;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.card h2 a{color:inherit;text-decoration:none;display:flex;align-items:center;gap:8px}
.card .n{display:inline-block;min-width:22px;height:22px;border-radius:11px;background:#92400e;color:#fff;font-size:12px;
 text-align:center;line-height:22px;padding:0 5px}
.flag{font-size:11px;text-transform:uppercase;letter-spacing:.04em;background:#374151;color:#fff;border-radius:3px;
 padding:1px 6px}
dl{display:grid;grid-template-columns:auto 1fr auto 1fr;gap:1px 10px;margin:0;font-size:13px}
dd.wide{grid-column:span 3}
dt{color:#6b7280}
dd{margin:0;overflow-wrap:anywhere}
dd.empty{color:#9ca3af}
.none{color:#6b7280}
"""
