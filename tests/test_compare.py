"""Compare: grouping claims by subject and measure, intervals, conflicts, disputes as camps, spread; and, on the
team's gold (marked `gold`), the 17-page compare corpus and the 40 dated war-*/dis-* dev pages."""

from __future__ import annotations

import functools
import io
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import GOLD, GOLD_MARK
from rich.console import Console
from typer.testing import CliRunner

from claimx.across.compare import compare
from claimx.across.timelines import Group, Row, conflict, format_interval, interval, parse_period, spread
from claimx.model import AsOf, Claim, Counted, Figure, Source, TextSpan, TimeRef
from claimx.out.render import groups_table

INF = math.inf


def hand_claim(doc: str, start: int, value: float | None, bound: str = "exact", *, measure: str | None = "killed",
               counted: str | None = "North Korean soldiers", counted_actor: str | None = "north-korea",
               date: str | None = None, source: str | None = None, low: float | None = None,
               high: float | None = None, sentence: str | None = None, scope: str = "total") -> Claim:
    """A claim built by hand, as of `date` (its own time); the sentence is the figure alone unless given."""
    text = f"{value:g}" if value is not None else f"{low:g}-{high:g}"
    sentence = sentence or text
    return Claim(doc=doc, figure=Figure(text=text, start=start, end=start + len(text), value=value, low=low,
                                        high=high, bound=bound),
                 sentence=TextSpan(sentence, start, start + len(sentence)),
                 counted=Counted(counted, start + len(text) + 1, start + len(text) + 1 + len(counted), actor=counted_actor)
                 if counted else None,
                 measure=measure,
                 source=Source(text=source, start=0, end=len(source), name=source, kind="person") if source else None,
                 time=TimeRef(text=date, start=0, end=1, date=date) if date else None,
                 as_of=AsOf(date, "own time") if date else AsOf(), scope=scope)


def hand_row(low: float, high: float, date: str | None = None, scope: str = "total", source: str | None = None,
             doc: str = "a.txt") -> Row:
    """A row as of `date`; each row has its own source unless one is given."""
    return Row(ref=f"{doc}:0", doc=doc, figure="x", value=low, low=low, high=high, bound="exact", unit=None,
               counted=None, time=date, date=date, source=source or f"source {low:g}-{date}", source_id=None,
               subject_via="counted", as_of=date, as_of_via="own time" if date else None, scope=scope)


def compare_articles(nlp, articles: list[tuple[str, str, str]], min_claims: int = 1) -> list[Group]:
    """compare over articles given as (name, date, text), run through the pipeline with their actors."""
    from claimx.across.actors import ActorIndex
    from claimx.run.pipeline import make_doc

    docs = [nlp(make_doc(nlp, text, name, date)) for name, date, text in articles]
    return compare([c for d in docs for c in d._.claims], ActorIndex.from_docs(docs), min_claims=min_claims)


def numbered(sentences: list[str], date: str = "2024-06-03") -> list[tuple[str, str, str]]:
    """One article per sentence: 0.txt, 1.txt, ..."""
    return [(f"{i}.txt", date, text) for i, text in enumerate(sentences)]


@pytest.mark.parametrize(("value", "bound", "low", "high", "expected"), [
    (600, "exact", None, None, (600, 600)),
    (600, "approx", None, None, (540, 660)),
    (3000, "min", None, None, (3000, INF)),
    (1000, "max", None, None, (0, 1000)),
    (None, "range", 1000, 3000, (1000, 3000)),
    (1000, "vague", None, None, (1000, 10000)),
])
def test_compare_interval_by_bound(value, bound, low, high, expected):
    claim = hand_claim("a.txt", 0, value, bound, low=low, high=high)
    assert interval(claim) == pytest.approx(expected)


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-04-30", ("2025-04-30", "2025-04-30")),
    ("2025-01", ("2025-01-01", "2025-01-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2024-12", ("2024-12-01", "2024-12-31")),
    ("2022", ("2022-01-01", "2022-12-31")),
    ("2025-01/2025-02", ("2025-01-01", "2025-02-28")),
    (None, None),
    ("soon", None),
])
def test_compare_parse_period(date, expected):
    got = parse_period(date)
    assert (None if got is None else (got[0].isoformat(), got[1].isoformat())) == expected


@pytest.mark.parametrize(("a", "b", "measure", "conflicts"), [
    # a cumulative total growing from month to month: no conflict
    (hand_row(270, 330, "2025-01"), hand_row(540, 660, "2025-04-30"), "killed", False),
    # a later total below an earlier one, far apart: a count of the dead cannot fall
    (hand_row(540, 660, "2025-01"), hand_row(270, 330, "2025-04-30"), "killed", True),
    # disjoint within the same week: a real disagreement
    (hand_row(2700, 3300, "2024-10-21"), hand_row(10000, 10000, "2024-10-28"), "deployed", True),
    # 7 days apart is the same week; 8 days apart a stock may have changed
    (hand_row(100, 100, "2024-03-01"), hand_row(500, 500, "2024-03-08"), "deployed", True),
    (hand_row(100, 100, "2024-03-01"), hand_row(500, 500, "2024-03-09"), "deployed", False),
    # a day inside a month is the same time as the month
    (hand_row(270, 330, "2025-01"), hand_row(540, 660, "2025-01-15"), "killed", True),
    # undated claims are shown, not flagged
    (hand_row(900, 1100), hand_row(3000, INF), "casualties", False),
    (hand_row(900, 1100, "2024-05-02"), hand_row(3000, INF), "casualties", False),
    # overlapping intervals never conflict
    (hand_row(300, INF, "2025-01-02"), hand_row(3600, 4400, "2025-01-03"), "killed", False),
    # a stock may change between two dates far apart, either way
    (hand_row(13500, 16500, "2025-04"), hand_row(1350, 1650, "2024-10"), "deployed", False),
    # one source revising its own count is no disagreement
    (hand_row(12, 12, "2023-06-01", source="the county sheriff"), hand_row(15, 15, "2023-06-02", source="the county sheriff"),
     "injured", False),
    # an addition, a period or an incident is never set against a total
    (hand_row(1000, 3000, "2024-11-01", scope="addition"), hand_row(9900, 12100, "2024-11-02"), "deployed", False),
    (hand_row(30, 30, "2024-12-15", scope="period"), hand_row(1000, 1000, "2024-12-16"), "casualties", False),
    (hand_row(3, 3, "2022-08-10", scope="incident"), hand_row(40, 40, "2022-08-10"), "killed", False),
    # two counts of the same period do meet; of different periods they do not
    (hand_row(5, 5, "2023-02-01/2023-02-07", scope="period"), hand_row(50, 50, "2023-02-01/2023-02-07", scope="period"),
     "injured", True),
    (hand_row(5, 5, "2023-02-01/2023-02-07", scope="period"), hand_row(50, 50, "2023-02-02/2023-02-03", scope="period"),
     "injured", False),
    # a vague figure's upper end is open: "dozens" [12, 120) and 120 cannot both hold
    (Row(ref="a.txt:0", doc="a.txt", figure="dozens", value=12, low=12, high=120, bound="vague", unit=None, counted=None,
         time=None, date=None, source="police", source_id=None, subject_via="counted", as_of="2021-07-04"),
     hand_row(120, 120, "2021-07-04"), "injured", True),
    # a share of a total may fall as the total grows: no "only grows" rule for percentages
    (Row(ref="a.txt:0", doc="a.txt", figure="80%", value=80, low=72, high=88, bound="approx", unit="%", counted=None,
         time=None, date=None, source="commanders", source_id=None, subject_via="counted", as_of="2025-01"),
     Row(ref="b.txt:0", doc="b.txt", figure="30%", value=30, low=27, high=33, bound="approx", unit="%", counted=None,
         time=None, date=None, source="officials", source_id=None, subject_via="counted", as_of="2025-04"), "casualties",
     False),
])
def test_compare_conflict_rule(a, b, measure, conflicts):
    assert (conflict(a, b, measure) is not None) == conflicts
    assert (conflict(b, a, measure) is not None) == conflicts  # symmetric


@pytest.mark.parametrize(("a", "b", "words"), [
    (hand_row(2700, 3300, "2024-10-21", source="Seoul"), hand_row(10000, 10000, "2024-10-28", source="Washington"),
     ["Seoul", "Washington", "as of 2024-10-21", "7 days apart", "cannot both be right"]),
    (hand_row(540, 660, "2025-01", source="Kyiv"), hand_row(270, 330, "2025-04-30", source="Moscow"),
     ["Moscow", "below the earlier", "Kyiv", "a drop between two sources"]),
])
def test_compare_conflict_reason_in_words(a, b, words):
    reason = conflict(a, b, "killed")
    assert reason is not None
    assert all(w in reason for w in words), reason


@pytest.mark.parametrize(("rows", "expected"), [
    ([hand_row(300, 300), hand_row(4000, 4000)], 13.33),
    ([hand_row(300, INF), hand_row(600, 600)], 2.0),
    ([hand_row(300, 300)], None),
])
def test_compare_spread(rows, expected):
    assert spread(rows) == expected


@pytest.mark.parametrize(("low", "high", "expected"), [(540, 660, "[540, 660]"), (3000, INF, "[3,000, ∞)"),
                                                     (0, 1000, "[0, 1,000]"), (0.5, 1.25, "[0.5, 1.25]")])
def test_compare_format_interval(low, high, expected):
    assert format_interval(low, high) == expected


@pytest.mark.parametrize(("second", "expected_via"), [
    # "with over 300 killed": nothing counted, the subject comes from the earlier claim
    ({"counted": None, "counted_actor": None}, "context"),
    # "4,000 casualties": the counted noun is the measure itself
    ({"counted": "casualties", "counted_actor": None}, "context"),
    # "these troops"
    ({"counted": "troops", "counted_actor": None}, "context"),
    ({"counted": "North Korean troops", "counted_actor": "north-korea"}, "counted"),
])
def test_compare_subject_from_context(second, expected_via):
    claims = [hand_claim("a.txt", 0, 300, source="A"), hand_claim("a.txt", 100, 4000, source="B", **second)]
    (group,) = compare(claims)
    assert group.subject_id == "north-korea"
    assert group.key == ("north-korea", None, "killed", None)  # the key compare grouped by: subject, place, measure, unit
    assert [r.subject_via for r in group.rows] == ["counted", expected_via]


@pytest.mark.parametrize(("claims", "n_groups"), [
    # different measures never share a group
    ([hand_claim("a.txt", 0, 300), hand_claim("b.txt", 0, 300, measure="deployed")], 0),
    # bare "people" does not take a subject from context: these are two subjects
    ([hand_claim("a.txt", 0, 300), hand_claim("a.txt", 50, 57, counted="people", counted_actor=None)], 0),
    # claims without a measure are left out
    ([hand_claim("a.txt", 0, 300, measure=None), hand_claim("b.txt", 0, 300, measure=None)], 0),
    # the same subject and measure across two documents
    ([hand_claim("a.txt", 0, 300), hand_claim("b.txt", 0, 600)], 1),
])
def test_compare_grouping(claims, n_groups):
    assert len(compare(claims)) == n_groups


@pytest.mark.parametrize(("counted", "expected_via"), [
    ("others", "context"),  # "... and 40 others were wounded"
    ("these troops", "context"),
    ("the injured", "context"),
])
def test_compare_anaphors_continue_the_subject(counted, expected_via):
    claims = [hand_claim("a.txt", 0, 300, source="A"),
              hand_claim("a.txt", 100, 40, source="B", counted=counted, counted_actor=None)]
    (group,) = compare(claims)
    assert group.subject_id == "north-korea"
    assert [r.subject_via for r in group.rows] == ["counted", expected_via]


@pytest.mark.parametrize("sentence", [
    "Historians put the toll of the Second World War at 70000000 people.",
    "It took a World War to settle it, and 70000000 people died.",
])
def test_compare_another_event_never_joins_the_story(sentence):
    start = sentence.index("70000000")
    story = [hand_claim("a.txt", 0, 57, counted="people", counted_actor=None, date="2025-04"),
             hand_claim("b.txt", 0, 60, counted="people", counted_actor=None, date="2025-04")]
    aside = hand_claim("c.txt", start, 70000000, counted="people", counted_actor=None, sentence=sentence)
    aside = Claim(**{**aside.__dict__, "sentence": TextSpan(sentence, 0, len(sentence))})
    groups = compare([*story, aside], min_claims=1)
    aside_group = next(g for g in groups if any(r.value == 70000000 for r in g.rows))
    assert len(aside_group.rows) == 1 and aside_group.rows[0].subject_via == "event"
    assert "War" in aside_group.subject


@pytest.mark.parametrize("scope", ["addition", "period", "incident"])
def test_compare_shows_non_totals_without_flags(scope):
    total = hand_claim("a.txt", 0, 12000, "approx", measure="deployed", date="2024-11-02", source="Seoul")
    other = hand_claim("b.txt", 0, 1500, "approx", measure="deployed", date="2024-11-03", source="Kyiv", scope=scope)
    (group,) = compare([total, other])
    assert sorted(r.scope for r in group.rows) == sorted(["total", scope])
    assert group.conflicts == ()


@pytest.mark.parametrize("width", [100, 160])
def test_compare_output(width):
    claims = [hand_claim("a.txt", 0, 300, "approx", date="2025-01-10", source="NIS"),
              hand_claim("b.txt", 0, 4000, "approx", date="2025-01-12", source="Ukrainian officials")]
    (group,) = compare(claims)
    d = group.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["conflicts"] == [{"a": 0, "b": 1, "reason": d["conflicts"][0]["reason"]}]
    assert [(r["as_of"], r["as_of_via"], r["scope"]) for r in d["rows"]] == [("2025-01-10", "own time", "total"),
                                                                             ("2025-01-12", "own time", "total")]
    out = io.StringIO()
    Console(width=width, file=out, color_system=None).print(groups_table([group]))
    text = out.getvalue()
    assert "NIS" in text and "[3,600, 4,400]" in text and "2025-01-12" in text and "own time" in text
    assert "dispute 1" in text and "cannot all hold at once" in text  # the dispute, in words, under the table
    assert "1A" in text and "1B" in text  # each claim's camp


@pytest.mark.parametrize(("sentences", "figure", "subject_via"), [
    # war reporting: the party that sent them
    (["Kyiv said 2,000 Russian soldiers had been deployed.", "Russia has sent 5,000 troops to the border, Warsaw said."],
     "5,000", "party"),
    # local news: the party that fields them
    (["Officials said 40 Riverton firefighters were deployed.", "Riverton has deployed 60 firefighters, the mayor said."],
     "60", "party"),
])
def test_compare_subject_from_the_party(nlp, sentences, figure, subject_via):
    groups = compare_articles(nlp, numbered(sentences))
    row = next(r for g in groups for r in g.rows if r.figure == figure)
    assert row.subject_via == subject_via
    group = next(g for g in groups if row in g.rows)
    assert len(group.rows) == 2  # it joins the claim that names the party in its counted phrase


@pytest.mark.parametrize(("sentences", "joint"), [
    # war: a monitor's count of both armies' dead is neither army's
    (["Kyiv said 2,000 Russian soldiers were killed in May.", "A monitor said 9,000 Russian and Ukrainian soldiers "
      "were killed in May."], "9,000"),
    # disaster relief: two countries' rescuers counted together
    (["Officials said 300 Turkish rescuers were deployed.", "Some 800 Turkish and Greek rescuers were deployed, "
      "the agency said."], "800"),
])
def test_compare_two_parties_counted_together_join_neither(nlp, sentences, joint):
    groups = compare_articles(nlp, numbered(sentences))
    (group,) = [g for g in groups if any(joint in r.figure for r in g.rows)]
    assert len(group.rows) == 1 and " and " in group.subject


# A people or losses phrase in the figure's own sentence beats the article's earlier subject ("total Russian combat
# losses ... 817,580 personnel" in a page about North Korean troops).
@pytest.mark.parametrize(("sentences", "figure", "subject"), [
    (["North Korea has lost 4,000 soldiers in Kursk, Kyiv said. Total Russian combat losses since 2022 amount to "
      "approximately 817,580 personnel, the General Staff said."], "approximately 817,580", "russia"),
    (["Russian forces lost 1,500 soldiers this week, Kyiv said. Ukrainian military losses since the spring amount to "
      "some 43,000 personnel, Moscow claimed."], "some 43,000", "ukrain"),
])
def test_compare_subject_named_in_the_figures_sentence(nlp, sentences, figure, subject):
    groups = compare_articles(nlp, numbered(sentences))
    group = next(g for g in groups for r in g.rows if r.figure == figure)
    assert subject in (group.subject_id or group.subject).lower()


# --- the seed articles ---------------------------------------------------------------------


def seed_group(groups: list[Group], measure: str) -> Group:
    hits = [g for g in groups if g.subject_id == "north-korea" and g.measure == measure and g.unit is None]
    assert len(hits) == 1, [g.label for g in groups]
    return hits[0]


def find_row(group: Group, value: float, source: str | None = None, as_of: str | None = None) -> Row:
    hits = [r for r in group.rows if r.value == value and (source is None or r.source == source)
            and (as_of is None or r.as_of == as_of)]
    assert hits, f"no {value} from {source} in {[(r.figure, r.source, r.date) for r in group.rows]}"
    return hits[0]


@pytest.mark.parametrize(("measure", "label", "expected"), [
    ("killed", "North Korea · troops · killed", [
        (300, "National Intelligence Service", "2025-01", "approx"),
        (600, None, "2025-04-30", "approx"),
        (4000, "Ukrainian officials", None, "approx"),
    ]),
    ("casualties", "North Korea · troops · casualties", [
        (1000, "John Kirby", None, "approx"),
        (3000, "Volodymyr Zelensky", None, "min"),
        (4700, "Lee Seong-kweun", None, "approx"),
    ]),
])
def test_compare_seeds_groups(seed_groups, measure, label, expected):
    group = seed_group(seed_groups, measure)
    assert group.label == label
    for value, source, as_of, bound in expected:
        assert find_row(group, value, source, as_of).bound == bound


def test_compare_seeds_flag_no_period_addition_or_undated_claim(seed_groups):
    """The seeds carry no article date: undated claims are shown, and no flag touches one, nor a non-total."""
    for g in seed_groups:
        for c in g.conflicts:
            for r in (g.rows[c.a], g.rows[c.b]):
                assert r.scope == "total" and r.as_of is not None, (g.label, r)


@pytest.mark.parametrize(("measure", "value", "scope"), [
    ("casualties", 1000, "period"),  # "approximately 1,000 ... in just the past week alone"
    ("deployed", 10000, "addition"),  # "another 10,000 or so of their comrades"
])
def test_compare_seeds_scopes(seed_groups, measure, value, scope):
    assert find_row(seed_group(seed_groups, measure), value).scope == scope


@pytest.mark.parametrize("measure", ["killed", "casualties"])
def test_compare_seeds_rows_sorted_by_time(seed_groups, measure):
    periods = [r.period for r in seed_group(seed_groups, measure).rows]
    known = [p for p in periods if p is not None]
    assert known == sorted(known)
    assert periods[:len(known)] == known  # dated rows first, undated after
    assert seed_group(seed_groups, measure).spread >= 4


# --- claims, not mentions; disagreements, not pairs (docs/COMPARE.md) --------------------------------------


def vague_claim(doc: str, start: int, value: float, date: str, source: str | None, text: str = "several hundred",
                **kw) -> Claim:
    """A vague magnitude ("several hundred", "thousands") as of `date`."""
    c = hand_claim(doc, start, value, "vague", date=date, source=source, **kw)
    return Claim(**{**c.__dict__, "figure": Figure(text=text, start=start, end=start + len(text), value=value,
                                                   bound="vague")})


@pytest.mark.parametrize(("claims", "rows", "mentions"), [
    # war: a headline and its body repeat one spokesman's figure
    ([hand_claim("a.txt", 0, 4000, "min", date="2024-12-23", source="Kyiv"),
      hand_claim("a.txt", 300, 4000, "min", date="2024-12-23", source="Kyiv"),
      hand_claim("b.txt", 0, 1200, "approx", date="2024-12-22", source="Seoul")], 2, 1),
    # disaster: the same toll in the lede and the last paragraph, one agency, one date
    ([hand_claim("q.txt", 0, 157, counted="people", counted_actor="nepal", date="2023-11-05", source="police"),
      hand_claim("q.txt", 900, 157, counted="people", counted_actor="nepal", date="2023-11-05", source="police")], 1, 1),
    # a different date or another source is another claim
    ([hand_claim("q.txt", 0, 157, counted_actor="nepal", date="2023-11-05", source="police"),
      hand_claim("q.txt", 900, 157, counted_actor="nepal", date="2023-11-06", source="police"),
      hand_claim("q.txt", 1200, 157, counted_actor="nepal", date="2023-11-06", source="army")], 3, 0),
])
def test_compare_claims_not_mentions(claims, rows, mentions):
    (group,) = compare(claims, min_claims=1)
    assert len(group.rows) == rows
    assert sum(len(r.mentions) for r in group.rows) == mentions
    assert len({r.ref for r in group.rows} | {m for r in group.rows for m in r.mentions}) == len(claims)
    assert len(compare(claims, min_claims=rows + 1)) == 0  # --min-claims counts claims, not their mentions


def test_compare_one_dispute_with_its_camps():
    """Kyiv's 'over 4,000' against Seoul's 'about 1,200' and two US voices' 'several hundred', Kyiv's said twice:
    many conflicting pairs, one dispute of three camps; 'more than 1,100' can hold with Seoul's or Kyiv's and is
    on no side."""
    claims = [hand_claim("a.txt", 0, 4000, "min", date="2024-12-23", source="Kyiv"),
              hand_claim("a.txt", 400, 4000, "min", date="2024-12-23", source="Kyiv"),
              hand_claim("b.txt", 0, 1200, "approx", date="2024-12-20", source="Seoul"),
              vague_claim("c.txt", 0, 100, "2024-12-19", "US official"),
              vague_claim("d.txt", 0, 100, "2024-12-21", "Pentagon"),
              hand_claim("e.txt", 0, 1100, "min", date="2024-12-22", source="London")]
    (group,) = compare(claims)
    assert len(group.conflicts) > 1
    (dispute,) = group.disagreements
    camps = [{group.rows[i].source for i in camp} for camp in dispute.camps]
    assert camps == [{"Kyiv"}, {"Seoul"}, {"US official", "Pentagon"}]
    assert "London" not in dispute.reason and "Kyiv" in dispute.reason and "against" in dispute.reason
    d = group.to_dict()
    assert d["disagreements"] == [{"camps": [list(c) for c in dispute.camps], "reason": dispute.reason}]


@pytest.mark.parametrize(("claims", "n_disputes"), [
    # disaster: a government's toll against the Red Crescent's, the same day
    ([hand_claim("h.txt", 0, 2053, counted="people", counted_actor="afghanistan", date="2023-10-08", source="Taliban"),
      hand_claim("h.txt", 200, 500, counted="people", counted_actor="afghanistan", date="2023-10-08",
                 source="Red Crescent")], 1),
    # crime: two forces' counts of arrests a month apart, one series each way: a stock of people held, no dispute
    ([hand_claim("c.txt", 0, 40, measure="captured", counted="rioters", counted_actor="leeds", date="2024-08-01",
                 source="police"),
      hand_claim("c.txt", 90, 12, measure="captured", counted="rioters", counted_actor="leeds", date="2024-08-01",
                 source="council", scope="part")], 0),
    # one source's own series only grows: no dispute between its steps
    ([hand_claim("s.txt", 0, 100, date="2024-12-19", source="NIS"),
      hand_claim("t.txt", 0, 300, date="2025-01-13", source="NIS"),
      hand_claim("u.txt", 0, 600, date="2025-04-30", source="NIS")], 0),
])
def test_compare_disputes_count(claims, n_disputes):
    (group,) = compare(claims)
    assert len(group.disagreements) == n_disputes


def test_compare_a_drop_between_sources_is_a_dispute():
    claims = [hand_claim("a.txt", 0, 600, "approx", date="2025-01", source="Kyiv"),
              hand_claim("b.txt", 0, 300, "approx", date="2025-04-30", source="Moscow")]
    (group,) = compare(claims)
    (dispute,) = group.disagreements
    assert "drop between sources" in dispute.reason and "only grows" not in dispute.reason
    assert [group.rows[i].source for camp in dispute.camps for i in camp] == ["Moscow", "Kyiv"]


@pytest.mark.parametrize(("source", "flagged"), [(None, False), ("the governor", True)])
def test_compare_unattributed_vague_magnitude_shown_not_flagged(source, flagged):
    """'thousands of troops' in the writer's own words is colour; the same said by someone is a claim."""
    claims = [vague_claim("a.txt", 0, 1000, "2024-10-28", source, text="thousands", measure="deployed"),
              hand_claim("b.txt", 0, 25000, measure="deployed", date="2024-10-28", source="White House")]
    (group,) = compare(claims)
    assert len(group.rows) == 2
    assert bool(group.disagreements) == flagged


@pytest.mark.parametrize("measure", ["killed", "injured"])
def test_compare_part_listed_never_set_against_a_total(measure):
    claims = [hand_claim("a.txt", 0, 4700, measure=measure, date="2025-02-01", source="Seoul"),
              hand_claim("b.txt", 0, 600, measure=measure, date="2025-02-01", source="Kyiv", scope="part")]
    (group,) = compare(claims)
    assert [r.scope for r in group.rows] == ["total", "part"]
    assert group.conflicts == () and group.disagreements == ()


def test_compare_since_opens_a_running_total():
    """'since mid-March' is no as-of date: the total holds as of the article's date."""
    since = hand_claim("a.txt", 0, 800, counted="people", counted_actor="sudan", source="UN", date="2023-03")
    since = Claim(**{**since.__dict__, "time": TimeRef("since mid-March", 0, 15, "2023-03")})
    dated = hand_claim("a.txt", 200, 40, counted="people", counted_actor="sudan", source="UN")
    dated = Claim(**{**dated.__dict__, "as_of": AsOf("2024-06-10", "article")})
    (group,) = compare([since, dated])
    row = next(r for r in group.rows if r.value == 800)
    assert (row.as_of, row.as_of_via) == ("2024-06-10", "article")


@pytest.mark.parametrize(("sentence", "place"), [
    ("40 people were killed in the capital, police said.", "the capital"),  # crime
    ("12 patients died at the field hospital, the charity said.", "the field hospital"),  # war
    ("60 people drowned in the port city alone, officials said.", "the port city"),  # disaster
])
def test_compare_narrower_place_is_its_own_group(sentence, place):
    local = hand_claim("a.txt", 0, float(sentence.split()[0]), counted="people", counted_actor="ruritania",
                       date="2024-05-02", source="police", sentence=sentence)
    whole = [hand_claim("b.txt", 0, 500, counted="people", counted_actor="ruritania", date="2024-05-02", source="army"),
             hand_claim("c.txt", 0, 520, counted="people", counted_actor="ruritania", date="2024-05-02", source="UN")]
    groups = compare([local, *whole], min_claims=1)
    (mine,) = [g for g in groups if any(r.doc == "a.txt" for r in g.rows)]
    assert mine.place == place and len(mine.rows) == 1
    assert place in mine.label and f"place: {place}" in mine.holds


def test_compare_group_says_what_it_holds():
    claims = [hand_claim("a.txt", 0, 300, date="2025-01-13", source="NIS"),
              hand_claim("b.txt", 0, 50, date="2024-12-17", source="Kyiv", scope="period")]
    (group,) = compare(claims)
    assert group.holds.startswith("subject: north-korea; place: the whole story; counts:")
    assert "killed" in group.holds and "1 total" in group.holds and "1 period" in group.holds


def test_compare_csv_rows_name_camps():
    from claimx.out.writers import group_rows

    claims = [hand_claim("a.txt", 0, 2053, date="2023-10-08", source="Taliban"),
              hand_claim("b.txt", 0, 500, date="2023-10-08", source="Red Crescent"),
              hand_claim("c.txt", 0, 40, date="2023-10-08", source="clinic", scope="incident")]
    (group,) = compare(claims)
    rows = group_rows(group)
    assert sorted(r["camp"] for r in rows) == ["", "1A", "1B"]
    assert all(r["dispute"] for r in rows if r["camp"])


# --- on the team's gold: the compare corpus and the 40 dated war/disaster pages --------------------------------

COMPARE_GOLD = GOLD / "compare"
DEV = GOLD / "dev"
EVENT_PAGES = ("war-", "dis-")
# Pages that tell one event (two outlets on one day's toll): the only articles that may share a group.
SAME_EVENT = {frozenset({"dis-11", "dis-12"}),  # the 2024 Hajj heat deaths
              frozenset({"war-19", "war-20"}),  # the September 2023 Karabakh offensive
              frozenset({"war-08", "war-09"})}  # Goma's capture, February 2025
# Same-day disputes between two named sources inside one article: (page, figure of one camp, figure of another).
DISPUTES = [("dis-01", "2,053", "500"),  # Herat: the Taliban's ministry against the Red Crescent
            ("war-10", "About 600,000", "closer to 80,000"),  # Tigray: AU envoy v Ethiopian officials (their "or 100,000": same voice)
            ("dis-17", "115", "99"),  # Crocus: the health minister's injured against the Emergency Ministry's list
            ("dis-16", "39", "30"),  # Kumbh: a news agency's count of bodies against a police officer's dead
            ("dis-07", "388", "385")]  # Maui: the police's list of the missing against the county's, 385 a week on:
# COMPARE.md counts the missing as a cumulative total, so a later total below an earlier one conflicts
# Counts that must never be set against each other: a part, a place, an incident, another event.
NEVER = [("war-03", "at least 43", "Two"),  # a day's strikes nationwide; two dead at one hospital
         ("war-03", "at least 43", "33"),  # 'the death toll includes 33 people in Kyiv': a part
         ("war-01", "122 883", "5 605"),  # the named dead; one region's, in brackets after its name
         ("dis-19", "53", "29"),  # the national cholera deaths; 'In Lagos State, the death toll ... 29'
         ("dis-11", "1,301", "17"),  # the Hajj toll; Iran's dead among it
         ("dis-03", "157", "105"),  # the quake toll; one district's share
         ("dis-04", "215", "62"),  # the flood's dead; unidentified bodies among them
         ("war-13", "514", "154"),  # the offensive's dead; the army's among them
         ("dis-10", "438", "nine"),  # the cyclone's toll; bodies found in one township
         ("dis-09", "115", "49"),  # North Carolina's dead; South Carolina's
         ("dis-02", "276", "128"),  # the 2016 quake; this one
         ("war-07", "558", "55")]  # one day's bombardment; an earlier strike's toll
# Totals of one event from two sources in two articles, 4 days apart, that cannot both hold: flagged by the 7-day rule
# (a fact-checker sees the AFP tally of 19 June beside the ministry's count of 23 June).
ACROSS = [(("dis-12", "577"), ("dis-11", "1,301"))]  # the Hajj heat deaths
MAX_EVENT_DISPUTES = len(DISPUTES) + len(ACROSS)  # every dispute flagged is one of those expected


@functools.cache
def compare_output(corpus: str) -> list[dict]:
    """`claimx compare -f jsonl` over the compare corpus ("corpus") or the 40 dated war/disaster pages ("events")."""
    out = Path(tempfile.mkdtemp()) / "groups.jsonl"
    path = COMPARE_GOLD / "corpus.jsonl"
    if corpus == "events":
        path = out.with_name("events.jsonl")
        manifest = json.loads((DEV / "manifest.json").read_text(encoding="utf-8"))
        with path.open("w", encoding="utf-8") as f:
            for name, meta in sorted(manifest.items()):
                if name.startswith(EVENT_PAGES):
                    text = (DEV / "texts" / name).read_text(encoding="utf-8")
                    f.write(json.dumps({"id": name, "date": meta.get("date"), "text": text}) + "\n")
    from claimx.cli import app

    result = CliRunner().invoke(app, ["compare", str(path), "-f", "jsonl", "-o", str(out),
                                      *(["--min-claims", "1"] if corpus == "events" else [])])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def camps_of(groups: list[dict], page: str, figure: str) -> list[tuple[int, int, int]]:
    """(group, dispute, camp) of each camp the page's figure is in."""
    return [(g, d, k) for g, group in enumerate(groups) for d, dispute in enumerate(group["disagreements"])
            for k, camp in enumerate(dispute["camps"]) for i in camp
            if group["rows"][i]["doc"].startswith(page) and group["rows"][i]["figure"] == figure]


@GOLD_MARK
def test_compare_gold_corpus_passes_the_check():
    groups = compare_output("corpus")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.writelines(json.dumps(g) + "\n" for g in groups)
    proc = subprocess.run([sys.executable, str(COMPARE_GOLD / "check.py"), str(COMPARE_GOLD / "expect.json"), f.name],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout


@GOLD_MARK
def test_compare_gold_events_never_share_a_group():
    for g in compare_output("events"):
        pages = frozenset(r["doc"][:6] for r in g["rows"])
        assert len(pages) == 1 or pages in SAME_EVENT, (g["label"], sorted(pages))


@GOLD_MARK
@pytest.mark.parametrize(("page", "one", "other"), DISPUTES)
def test_compare_gold_events_same_day_disputes_flagged_once(page, one, other):
    groups = compare_output("events")
    a, b = sorted(set(camps_of(groups, page, one))), sorted(set(camps_of(groups, page, other)))  # a figure's mentions
    assert len(a) == 1 and len(b) == 1, (a, b)  # may share a camp; each figure is in one camp of one dispute
    assert a[0][:2] == b[0][:2] and a[0][2] != b[0][2]  # one dispute, two camps


@GOLD_MARK
@pytest.mark.parametrize(("one", "other"), ACROSS)
def test_compare_gold_events_disputes_across_articles(one, other):
    groups = compare_output("events")
    a, b = camps_of(groups, *one), camps_of(groups, *other)
    assert len(a) == 1 and len(b) == 1, (a, b)
    assert a[0][:2] == b[0][:2] and a[0][2] != b[0][2]  # one dispute, two camps


@GOLD_MARK
@pytest.mark.parametrize(("page", "one", "other"), NEVER)
def test_compare_gold_events_parts_places_incidents_not_flagged(page, one, other):
    groups = compare_output("events")
    for figure in (one, other):  # both are claims compare lists
        assert any(r["doc"].startswith(page) and r["figure"] == figure for g in groups for r in g["rows"]), figure
    a, b = camps_of(groups, page, one), camps_of(groups, page, other)
    assert not {x[:2] for x in a} & {x[:2] for x in b}, (a, b)


@GOLD_MARK
def test_compare_gold_events_few_disputes():
    assert sum(len(g["disagreements"]) for g in compare_output("events")) <= MAX_EVENT_DISPUTES


@pytest.mark.parametrize(("counted", "subgroup"), [
    ("Ruritanian children", True),  # war: a part of a people's toll
    ("Ruritanian civilians", True),
    ("Ruritanian rescuers", True),  # disaster: the rescuers among the dead
    ("Ruritanians", False),
    ("Ruritanian soldiers", False),
])
def test_compare_a_part_of_a_people_is_grouped_apart(counted, subgroup):
    whole = [hand_claim("a.txt", 0, 31000, "approx", counted="Ruritanians", counted_actor="ruritania",
                        date="2024-03-11", source="health ministry"),
             hand_claim("b.txt", 0, 30500, "min", counted="Ruritanians", counted_actor="ruritania", date="2024-03-12",
                        source="UN")]
    part = hand_claim("c.txt", 0, 13000, counted=counted, counted_actor="ruritania", date="2024-03-11", source="army")
    groups = compare([*whole, part], min_claims=1)
    mine = next(g for g in groups if any(r.doc == "c.txt" for r in g.rows))
    assert (len(mine.rows) == 1) == subgroup
    assert sum(len(g.disagreements) for g in groups) == (0 if subgroup else 1)


def test_compare_a_voice_is_never_set_against_itself():
    """The agency said 12,000 early in October and 3,000 on the 21st; the White House 10,000 on the 28th: one
    dispute, the agency in the camp of its latest figure only."""
    claims = [hand_claim("a.txt", 0, 12000, measure="deployed", date="2024-10", source="the agency"),
              hand_claim("b.txt", 0, 3000, "approx", measure="deployed", date="2024-10-21", source="the agency"),
              hand_claim("c.txt", 0, 10000, measure="deployed", date="2024-10-28", source="White House")]
    (group,) = compare(claims)
    (dispute,) = group.disagreements
    assert [[group.rows[i].figure for i in camp] for camp in dispute.camps] == [["10000"], ["3000"]]


@pytest.mark.parametrize(("sentences", "whole", "losses"), [
    # war: one side's dead among an offensive's dead
    (["The monitor said 514 people were killed in the offensive in Ruritania.",
      "The monitor said 154 deaths were recorded among Freedonian forces."], "514", "154"),
    # disaster: one country's dead among a pilgrimage's
    (["Officials in Ruritania said 1,300 pilgrims died in the heat.",
      "Officials said 98 deaths were counted among Freedonian pilgrims."], "1,300", "98"),
])
def test_compare_among_names_whose_losses(nlp, sentences, whole, losses):
    groups = compare_articles(nlp, [("a.txt", "2024-12-02", " ".join(sentences))])
    row = next(r for g in groups for r in g.rows if r.figure == losses)
    group = next(g for g in groups if row in g.rows)
    assert "freedonia" in (group.subject_id or "") and row.subject_via == "party"
    assert not any(r.figure == whole for r in group.rows)


@pytest.mark.parametrize(("whole_measure", "part_scope"), [
    ("injured", "total"),  # "90 were taken to hospital, of whom 30 died": 30 dead, a count of its own
    ("captured", "total"),  # crime: "12 were arrested, of whom two died in custody"
    ("casualties", "part"),  # "4,700 casualties, including 600 deaths": the dead are part of the casualties
    ("killed", "part"),  # "120 killed, 35 of them children"
])
def test_compare_part_of_another_measure_is_its_own_total(whole_measure, part_scope):
    sentence = "Officials said 90 people were taken in, of whom 30 died."
    whole = hand_claim("a.txt", 15, 90, measure=whole_measure, counted="people", counted_actor="ruritania",
                       date="2025-01-29", source="police")
    part = hand_claim("a.txt", 46, 30, counted=None, counted_actor=None, date="2025-01-29", source="police",
                      scope="part")
    whole, part = (Claim(**{**c.__dict__, "sentence": TextSpan(sentence, 0, len(sentence))}) for c in (whole, part))
    rival = hand_claim("b.txt", 0, 39, counted="bodies", counted_actor="ruritania", date="2025-01-29", source="agency")
    groups = compare([whole, part, rival], min_claims=1)
    row = next(r for g in groups for r in g.rows if r.value == 30)
    assert row.scope == part_scope
    killed = next(g for g in groups if row in g.rows)
    in_camps = {killed.rows[i].value for d in killed.disagreements for camp in d.camps for i in camp}
    assert (30 in in_camps) == (part_scope == "total")  # as a total it disputes the agency's 39 bodies


@pytest.mark.parametrize("sentence", [
    "Officials warned that the toll could rise to 1000.",  # disaster
    "The tally of the unaccounted-for was expected to fall to around 1000 by Friday, the governor said.",
    "Commanders said losses may reach 1000 by spring.",  # war
])
def test_compare_a_forecast_is_shown_not_flagged(sentence):
    start = sentence.index("1000")
    forecast = hand_claim("a.txt", start, 1000, date="2024-05-02", source="officials", sentence=sentence)
    forecast = Claim(**{**forecast.__dict__, "sentence": TextSpan(sentence, 0, len(sentence))})
    count = hand_claim("b.txt", 0, 120, date="2024-05-02", source="police")
    (group,) = compare([forecast, count])
    assert [r.projected for r in group.rows] == [True, False] or [r.projected for r in group.rows] == [False, True]
    assert group.conflicts == () and group.disagreements == ()


@pytest.mark.parametrize(("n", "k", "mark"), [(1, 0, "1A"), (2, 1, "2B"), (1, 25, "1Z"), (1, 26, "1AA"), (3, 27, "3AB")])
def test_compare_camp_marks_one_scheme(n, k, mark):
    """The table, the CSV and the plot name camp k of dispute n alike, past 26 camps too (no '[')."""
    from claimx.across.disputes import camp_mark

    assert camp_mark(n, k) == mark
