"""Compare: grouping claims by subject and measure, intervals, conflicts, spread."""

from __future__ import annotations

import io
import json
import math

import pytest
from rich.console import Console

from claimx.compare import Group, Row, compare, conflict, format_interval, interval, parse_period, spread
from claimx.model import Claim, Counted, Figure, Source, TextSpan, TimeRef
from claimx.render import groups_table

INF = math.inf


def hand_claim(doc: str, start: int, value: float | None, bound: str = "exact", *, measure: str | None = "killed",
               counted: str | None = "North Korean soldiers", counted_actor: str | None = "north-korea",
               date: str | None = None, source: str | None = None, low: float | None = None,
               high: float | None = None, sentence: str | None = None) -> Claim:
    """A claim built by hand; the sentence is the figure alone unless given."""
    text = f"{value:g}" if value is not None else f"{low:g}-{high:g}"
    sentence = sentence or text
    return Claim(doc=doc, figure=Figure(text=text, start=start, end=start + len(text), value=value, low=low,
                                        high=high, bound=bound),
                 sentence=TextSpan(sentence, start, start + len(sentence)),
                 counted=Counted(counted, start + len(text) + 1, start + len(text) + 1 + len(counted), actor=counted_actor)
                 if counted else None,
                 measure=measure,
                 source=Source(text=source, start=0, end=len(source), name=source, kind="person") if source else None,
                 time=TimeRef(text=date, start=0, end=1, date=date) if date else None)


def hand_row(low: float, high: float, date: str | None = None, increment: bool = False) -> Row:
    return Row(ref="a.txt:0", doc="a.txt", figure="x", value=low, low=low, high=high, bound="exact", unit=None,
               counted=None, time=date, date=date, source=None, source_id=None, subject_via="counted",
               increment=increment)


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
    # cumulative count growing over time: no conflict
    (hand_row(270, 330, "2025-01"), hand_row(540, 660, "2025-04-30"), "killed", False),
    # a later total below an earlier one
    (hand_row(540, 660, "2025-01"), hand_row(270, 330, "2025-04-30"), "killed", True),
    # disjoint at the same time
    (hand_row(270, 330, "2025-01"), hand_row(540, 660, "2025-01-15"), "killed", True),
    # disjoint, time unknown: read as the same time
    (hand_row(900, 1100), hand_row(3000, INF), "casualties", True),
    # overlapping intervals never conflict
    (hand_row(300, INF), hand_row(3600, 4400), "killed", False),
    (hand_row(0, 1000, "2025-01"), hand_row(900, 1100), "killed", False),
    # a stock may change between two known times
    (hand_row(13500, 16500, "2025-04"), hand_row(1350, 1650, "2024-10"), "deployed", False),
    (hand_row(13500, 16500), hand_row(1350, 1650), "deployed", True),
    # an addition is not compared with a total
    (hand_row(1000, 3000, increment=True), hand_row(9900, 12100), "deployed", False),
])
def test_compare_conflict_rule(a, b, measure, conflicts):
    assert (conflict(a, b, measure) is not None) == conflicts
    assert (conflict(b, a, measure) is not None) == conflicts  # symmetric


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


@pytest.mark.parametrize("sentence", ["This group was later joined by another 10000 of their comrades."])
def test_compare_marks_additions(sentence):
    start = sentence.index("10000")
    first = hand_claim("a.txt", 0, 1500, "approx", measure="deployed", date="2024-10")
    add = Claim(doc="a.txt", figure=Figure("10000", start, start + 5, 10000.0, bound="approx"),
                sentence=TextSpan(sentence, 0, len(sentence)), counted=Counted("comrades", start + 18, start + 26),
                measure="deployed")
    (group,) = compare([first, add])
    assert [r.increment for r in group.rows] == [False, True]
    assert group.conflicts == ()


@pytest.mark.parametrize("width", [100, 160])
def test_compare_output(width):
    claims = [hand_claim("a.txt", 0, 300, "approx", date="2025-01", source="NIS"),
              hand_claim("b.txt", 0, 4000, "approx", source="Ukrainian officials")]
    (group,) = compare(claims)
    d = group.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["conflicts"] == [{"a": 0, "b": 1, "reason": d["conflicts"][0]["reason"]}]
    out = io.StringIO()
    Console(width=width, file=out, color_system=None).print(groups_table([group]))
    assert "NIS" in out.getvalue() and "[3,600, 4,400]" in out.getvalue()


# --- the seed articles ---------------------------------------------------------------------


def seed_group(groups: list[Group], measure: str) -> Group:
    hits = [g for g in groups if g.subject_id == "north-korea" and g.measure == measure and g.unit is None]
    assert len(hits) == 1, [g.label for g in groups]
    return hits[0]


def find_row(group: Group, value: float, source: str | None = None, date: str | None = None) -> Row:
    hits = [r for r in group.rows if r.value == value and (source is None or r.source == source)
            and (date is None or r.date == date)]
    assert hits, f"no {value} from {source} in {[(r.figure, r.source, r.date) for r in group.rows]}"
    return hits[0]


@pytest.mark.parametrize(("measure", "label", "expected"), [
    ("killed", "North Korean soldiers · killed", [
        (300, "National Intelligence Service", "2025-01", "approx"),
        (600, None, "2025-04-30", "approx"),
        (4000, "Ukrainian officials", None, "approx"),
    ]),
    ("casualties", "North Korean soldiers · casualties", [
        (1000, "John Kirby", None, "approx"),
        (3000, "Volodymyr Zelensky", None, "min"),
        (4700, "Lee Seong-kweun", None, "approx"),
    ]),
])
def test_compare_seeds_groups(seed_groups, measure, label, expected):
    group = seed_group(seed_groups, measure)
    assert group.label == label
    for value, source, date, bound in expected:
        assert find_row(group, value, source, date).bound == bound


@pytest.mark.parametrize(("measure", "a", "b", "conflicts"), [
    ("killed", 300, 600, False),  # January's ~300, April 30's ~600: the total grew
    ("killed", 300, 4000, True),  # ~300 and ~4,000, the later undated: disjoint
    ("casualties", 1000, 3000, True),  # Kirby's ~1,000 against Zelensky's over 3,000
])
def test_compare_seeds_conflicts(seed_groups, measure, a, b, conflicts):
    group = seed_group(seed_groups, measure)
    ia = group.rows.index(find_row(group, a))
    ib = group.rows.index(find_row(group, b))
    pairs = {frozenset((c.a, c.b)) for c in group.conflicts}
    assert (frozenset((ia, ib)) in pairs) == conflicts


@pytest.mark.parametrize("measure", ["killed", "casualties"])
def test_compare_seeds_rows_sorted_by_time(seed_groups, measure):
    periods = [r.period for r in seed_group(seed_groups, measure).rows]
    known = [p for p in periods if p is not None]
    assert known == sorted(known)
    assert periods[:len(known)] == known  # dated rows first, undated after
    assert seed_group(seed_groups, measure).spread >= 4
