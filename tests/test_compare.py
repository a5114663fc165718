"""Compare: grouping claims by subject and measure, intervals, conflicts, spread."""

from __future__ import annotations

import io
import json
import math

import pytest
from rich.console import Console

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
    assert group.key == ("north-korea", "killed", None)
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
    from claimx.across.actors import ActorIndex
    from claimx.run.pipeline import make_doc

    docs = [nlp(make_doc(nlp, text, f"{i}.txt", "2024-06-03")) for i, text in enumerate(sentences)]
    claims = [c for d in docs for c in d._.claims]
    index = ActorIndex.from_docs(docs)
    groups = compare(claims, index, min_claims=1)
    row = next(r for g in groups for r in g.rows if r.figure == figure)
    assert row.subject_via == subject_via
    group = next(g for g in groups if row in g.rows)
    assert len(group.rows) == 2  # it joins the claim that names the party in its counted phrase


# A people or losses phrase in the figure's own sentence beats the article's earlier subject ("total Russian combat
# losses ... 817,580 personnel" in a page about North Korean troops).
@pytest.mark.parametrize(("sentences", "figure", "subject"), [
    (["North Korea has lost 4,000 soldiers in Kursk, Kyiv said. Total Russian combat losses since 2022 amount to "
      "approximately 817,580 personnel, the General Staff said."], "approximately 817,580", "russia"),
    (["Russian forces lost 1,500 soldiers this week, Kyiv said. Ukrainian military losses since the spring amount to "
      "some 43,000 personnel, Moscow claimed."], "some 43,000", "ukrain"),
])
def test_compare_subject_named_in_the_figures_sentence(nlp, sentences, figure, subject):
    from claimx.across.actors import ActorIndex
    from claimx.run.pipeline import make_doc

    docs = [nlp(make_doc(nlp, text, f"{i}.txt", "2024-06-03")) for i, text in enumerate(sentences)]
    claims = [c for d in docs for c in d._.claims]
    groups = compare(claims, ActorIndex.from_docs(docs), min_claims=1)
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
