"""The review page (claimx.out.review) as a browser renders it.

Each page is opened in headless Chromium with `--dump-dom`; a small script, added to a copy
of the page for the test only, records what the browser computed for every highlight (its
background colour and whether it has a box on screen). The DOM is then read back with the
standard library's HTML parser and checked against the claims: every span's text, every
card, and the article text as a whole, character for character.

Chromium is a system package (Debian: `apt-get install -y chromium`); without it these
tests fail, they do not skip.
"""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import SEEDS

import claimx
from claimx.model import AsOf, Claim, Cue, Figure, Source, TextSpan, TimeRef
from claimx.out.review import KINDS, render_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Runs in the browser after layout: what it computed for each highlight goes into the DOM.
PROBE = """<script>
for (const m of document.querySelectorAll("mark.cx, .key")) {
  const box = m.getBoundingClientRect();
  m.dataset.bg = getComputedStyle(m).backgroundColor;
  m.dataset.shown = box.width > 0 && box.height > 0 ? "yes" : "no";
}
document.body.dataset.probed = "yes";
</script>
"""


def browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("headless Chromium is needed for the review tests: apt-get install -y chromium")


def dump_dom(page: str) -> str:
    """The DOM Chromium builds from `page` (with PROBE run), serialised."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "review.html"
        path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
        proc = subprocess.run(
            [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={Path(tmp) / 'profile'}", "--window-size=1200,900", "--timeout=30000",
             "--dump-dom", path.as_uri()],
            capture_output=True, text=True, encoding="utf-8", timeout=90, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert 'data-probed="yes"' in proc.stdout, "the page did not finish loading in Chromium"
    return proc.stdout


@dataclass
class Mark:
    attrs: dict[str, str]
    text: str = ""

    def roles(self) -> set[str]:
        return set(self.attrs.get("data-roles", "").split())


@dataclass
class Page:
    """What the review page holds: the article's text, its marks, and each card's figure text."""

    article: str = ""
    marks: list[Mark] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    key: dict[str, str] = field(default_factory=dict)  # kind -> the colour the key shows it in


class PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.stack.append((tag, a))
        classes = a.get("class", "").split()
        if "key" in classes:
            self.page.key.update({c[3:]: a.get("data-bg", "") for c in classes if c.startswith("cx-")})
        if tag == "mark" and self.inside("article"):
            self.page.marks.append(Mark(a))
        if tag == "span" and "cx-figure" in a.get("class", "").split() and self.inside("h2"):
            self.page.cards.append("")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.inside("article"):
            self.page.article += data
            if self.stack[-1][0] == "mark":
                self.page.marks[-1].text += data
        elif self.inside("h2") and self.stack[-1][0] == "span" and "cx-figure" in self.stack[-1][1].get("class", "").split():
            self.page.cards[-1] += data

    def inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)


def parse(dom: str) -> Page:
    parser = PageParser()
    parser.feed(dom)
    parser.close()
    return parser.page


def spans(claim: Claim) -> dict[str, tuple[int, int]]:
    out = {}
    for kind in KINDS:
        span = getattr(claim, kind)
        if span is not None:
            out[kind] = (span.start, span.end)
    return out


# -- a text made to trip escaping and offsets: markup, entities, astral characters, shared spans --

TRICKY = ("<b>Breaking</b> & \"live\": officials 🇺🇦 said <script>alert(1)</script> about 1,000 <i>soldiers</i> "
          "were killed & over 300 'troops' 😀 were wounded in March.\r\nNext line &amp; end.")


def tricky_claims(text: str) -> list[Claim]:
    def at(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return i, i + len(s)

    def span(cls, s: str, **kw):
        a, b = at(s)
        return cls(text=text[a:b], start=a, end=b, **kw)

    src = span(Source, "officials 🇺🇦", name="officials", kind="vague")
    cue = span(Cue, "said", lemma="say")
    sent = TextSpan(text=text, start=0, end=len(text))
    return [
        Claim(doc="tricky.txt", figure=span(Figure, "about 1,000", value=1000, bound="approx"), sentence=sent,
              counted=span(TextSpan, "<i>soldiers</i>"), measure="killed", source=src, cue=cue, hedged=True),
        Claim(doc="tricky.txt", figure=span(Figure, "over 300", value=300, bound="min"), sentence=sent,
              counted=span(TextSpan, "'troops' 😀"), measure="injured", source=src, cue=cue, quote=True,
              time=span(TimeRef, "in March", date="2025-03"), as_of=AsOf("2025-03", "own time"), scope="addition"),
        # offsets beyond the text: no highlight, but a card all the same
        Claim(doc="tricky.txt", figure=Figure(text="9", start=len(text) + 5, end=len(text) + 6, value=9), sentence=sent),
    ]


def seed_case(nlp, path: Path) -> tuple[str, list[Claim], str]:
    text = path.read_bytes().decode("utf-8")
    return text, claimx.extract_text(nlp, text, path.name), path.name


def tricky_case() -> tuple[str, list[Claim], str]:
    return TRICKY, tricky_claims(TRICKY), "<tricky> & \"title\""


CASES = [*(pytest.param(p, id=p.stem) for p in SEED_FILES), pytest.param(None, id="tricky")]


@pytest.mark.parametrize("path", CASES)
def test_review_highlights_in_browser(nlp, path):
    text, claims, title = seed_case(nlp, path) if path is not None else tricky_case()
    assert claims, "a review test needs claims to highlight"
    page = parse(dump_dom(render_html(text, claims, title)))

    # the article reads exactly as stored (the HTML parser turns CR LF into LF, as browsers must)
    assert page.article == text.replace("\r\n", "\n").replace("\r", "\n")

    for i, claim in enumerate(claims):
        for kind, (start, end) in spans(claim).items():
            pieces = [m for m in page.marks if f"{kind}:{i}" in m.roles()]
            if end > len(text):
                assert not pieces, f"claim {i}: a {kind} outside the text was highlighted"
                continue
            assert "".join(m.text for m in pieces) == text[start:end], f"claim {i}: {kind} highlight"
            for m in pieces:
                assert m.attrs.get("data-shown") == "yes", f"claim {i}: {kind} highlight has no box on screen"
                assert str(i) in m.attrs.get("data-claims", "").split()
                assert f"{kind} of #{i + 1}" in m.attrs.get("title", ""), "hover text names the role"
                assert f"#{i + 1}: {claim.figure.text}" in m.attrs.get("title", ""), "hover text shows the claim"
    assert all(m.roles() for m in page.marks), "a mark without a role"

    # each kind has its own colour, the one the key shows, and none is transparent
    colours: dict[str, set[str]] = {}
    for m in page.marks:
        primary = next(k for k in KINDS if any(r.startswith(f"{k}:") for r in m.roles()))
        colours.setdefault(primary, set()).add(m.attrs.get("data-bg", ""))
    for kind, seen in colours.items():
        assert len(seen) == 1 and "rgba(0, 0, 0, 0)" not in seen and "" not in seen, f"{kind}: {seen}"
        assert seen == {page.key.get(kind)}, f"{kind}: highlighted in {seen}, the key says {page.key.get(kind)}"
    assert len({c for seen in colours.values() for c in seen}) == len(colours), colours

    assert page.cards == [c.figure.text for c in claims], "one card per claim, in order"


@pytest.mark.parametrize("needle", ["<script", "<link", "src=", "url(", "@import", "@font-face"])
def test_review_page_is_self_contained(needle):
    page = render_html(TRICKY, tricky_claims(TRICKY), "tricky").lower()
    assert needle not in page


@pytest.mark.parametrize("raw", ["<b>Breaking</b>", "<script>alert(1)</script>", "<i>soldiers</i>", '"live"'])
def test_review_escapes_text(raw):
    page = render_html(TRICKY, tricky_claims(TRICKY), "<tricky>")
    assert raw not in page
    assert "<title>&lt;tricky&gt;" in page


@pytest.mark.parametrize("fields", [("value", "bound", "unit", "measure", "hedged", "quote", "id", "as of", "scope", "counted",
                                     "source", "cue", "time")])
def test_review_cards_show_every_field(fields):
    page = render_html(TRICKY, tricky_claims(TRICKY), "t")
    cards = page.split('<section class="card"')[1:]
    assert len(cards) == 3
    for card in cards:
        for name in fields:
            assert f"<dt>{name}</dt>" in card
    assert "in March → 2025-03" in cards[1] and "said (states)" in cards[0] and ">hedged</span>" in cards[0]


@pytest.mark.parametrize(("n", "shown"), [
    (0, {"id": "tricky.txt:{start}", "as of": "—", "scope": "—"}),  # unknown: the empty mark
    (1, {"id": "tricky.txt:{start}", "as of": "2025-03 (own time)", "scope": "addition"}),
])
def test_review_cards_show_id_as_of_and_scope(n, shown):
    """A card names its claim as a ClaimReview rating file does (doc:start), with the date it holds and its scope."""
    claims = tricky_claims(TRICKY)
    card = render_html(TRICKY, claims, "t").split('<section class="card"')[1:][n]
    for name, value in shown.items():
        value = value.format(start=claims[n].figure.start)
        assert re.search(rf"<dt>{name}</dt><dd[^>]*>{re.escape(value)}</dd>", card), (name, value, card)
    assert f'data-id="tricky.txt:{claims[n].figure.start}"' in card


@pytest.mark.parametrize("n", [0])
def test_review_no_claims(n):
    page = render_html("Nothing to count here.", [], "empty")
    assert "No numeric claims found." in page and "<mark" not in page and "0 claims" in page
