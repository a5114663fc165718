"""Plot: comparison groups written as PNG, SVG or a self-contained HTML page."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Any

import pytest

from claimx.across.timelines import Conflict, Group, Row
from claimx.out.placement import LABEL_GID, TAG_GID
from claimx.out.plot import BAND_GID, _x_positions, disputes, figure_for, plot_groups, row_label, source_colours, y_scale
from claimx.out.scales import MAX_TICKS, TICK_FORMATS

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Camps:
    """A disagreement as compare writes it: camps of row indexes and why."""

    camps: tuple[tuple[int, ...], ...]
    reason: str


@dataclass(frozen=True)
class DisputedGroup(Group):
    """A group that carries disagreements beside its rows."""

    disagreements: tuple[Any, ...] = ()


@dataclass(frozen=True)
class PairsOnlyGroup:
    """A group as compare wrote it before disagreements: rows and conflicting pairs, no camps."""

    label: str
    unit: str | None
    rows: tuple[Row, ...]
    conflicts: tuple[Conflict, ...]


def hand_group(n_conflicts: int = 1) -> DisputedGroup:
    rows = (
        Row(ref="a.txt:10", doc="a.txt", figure="around 300", value=300.0, low=270.0, high=330.0, bound="approx",
            unit=None, counted="North Korean soldiers", time="in January", date="2025-01", source="NIS",
            source_id="nis", subject_via="counted", as_of="2025-01", as_of_via="own time"),
        Row(ref="b.txt:5", doc="b.txt", figure="over 3,000", value=3000.0, low=3000.0, high=math.inf, bound="min",
            unit=None, counted="North Korean soldiers", time=None, date=None, source="Volodymyr Zelensky",
            source_id="volodymyr-zelensky", subject_via="counted", as_of="2025-01-20", as_of_via="article"),
        Row(ref="c.txt:0", doc="c.txt", figure="as many as 1,000", value=1000.0, low=0.0, high=1000.0, bound="max",
            unit=None, counted=None, time=None, date=None, source=None, source_id=None, subject_via="context",
            scope="addition"),
    )
    conflicts = (Conflict(0, 1, "NIS: around 300 (as of 2025-01) and Volodymyr Zelensky: over 3,000 (as of 2025-01-20): "
                          "totals from different sources, at the same time, that cannot both be right"),)[:n_conflicts]
    return DisputedGroup(subject="North Korea", subject_id="north-korea", noun="troops", measure="killed", unit=None,
                         label="North Korean soldiers · killed", rows=rows, conflicts=conflicts, spread=10.0,
                         disagreements=tuple(Camps(((c.a,), (c.b,)), c.reason) for c in conflicts))


def check(path, kind: str) -> None:
    data = path.read_bytes()
    if kind == "png":
        assert data.startswith(PNG_MAGIC)
        assert len(data) > 1000
    else:
        text = data.decode("utf-8")
        assert "<svg" in text and text.rstrip().endswith(("</svg>", "</html>"))
        if kind == "html":
            assert text.startswith("<!DOCTYPE html>")
            assert "<?xml" not in text  # the SVG prolog is dropped inside HTML
            assert "src=" not in text and "href=\"http" not in text  # self-contained


@pytest.mark.parametrize("kind", ["png", "html", "svg"])
@pytest.mark.parametrize("n_groups", [0, 1, 3])
def test_plot_groups_writes_valid_file(tmp_path, kind, n_groups):
    path = tmp_path / f"out.{kind}"
    written = plot_groups([hand_group(i % 2) for i in range(n_groups)], path)
    assert written == path
    check(path, kind)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("kind", ["png", "html"])
def test_plot_groups_seeds(tmp_path, seed_groups, kind):
    path = plot_groups(seed_groups, tmp_path / f"seeds.{kind}")
    check(path, kind)
    if kind == "html":
        text = path.read_text(encoding="utf-8")
        assert seed_groups and all(html.escape(g.label) in text for g in seed_groups)  # the timelines name their groups
        assert "Disagreements" in text and "as of" in text


@pytest.mark.parametrize("name", ["out.pdf", "out", "out.txt"])
def test_plot_groups_rejects_unknown_suffix(tmp_path, name):
    with pytest.raises(ValueError, match=r"\.png, \.html or \.svg"):
        plot_groups([hand_group()], tmp_path / name)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(("index", "expected"), [
    (0, "2025-01 · NIS"),
    (1, "2025-01-20 · Volodymyr Zelensky"),
    (2, "undated · no source"),
])
def test_plot_row_label(index, expected):
    assert row_label(hand_group().rows[index]) == expected


def test_plot_timeline_places_rows_by_as_of_date_and_undated_last():
    xs, left, right, undated = _x_positions(hand_group())
    assert left < xs[0] < xs[1] < right  # January's month before 20 January
    assert xs[2] == undated and undated > xs[1]  # the undated claim stands apart, to the right


def test_plot_html_lists_rows_and_reasons(tmp_path):
    text = plot_groups([hand_group()], tmp_path / "g.html").read_text(encoding="utf-8")
    assert "cannot both be right" in text and "own time" in text and "addition" in text


# --- hand-built groups: camps, scales, date ticks, labels, colours ------------------------------------------


def claim(source: str | None, figure: str, low: float, high: float, as_of: str | None, *, value: float | None = None,
          scope: str = "total") -> Row:
    bound = "exact" if low == high else ("min" if math.isinf(high) else "range")
    return Row(ref=f"{source}.txt:{int(low)}", doc=f"{source}.txt", figure=figure,
               value=value if value is not None else (low if low == high or math.isinf(high) else None), low=low, high=high, bound=bound,
               unit=None, counted="soldiers", time=None, date=None, source=source,
               source_id=source.lower() if source else None, subject_via="counted", as_of=as_of,
               as_of_via="article" if as_of else None, scope=scope)


def group(rows: tuple[Row, ...], label: str = "soldiers · killed", conflicts: tuple[Conflict, ...] = (),
          disagreements: tuple[Any, ...] | None = None) -> Any:
    """A group with `disagreements`, or, when None, one with conflicting pairs only (as before camps)."""
    if disagreements is None:
        return PairsOnlyGroup(label=label, unit=None, rows=rows, conflicts=conflicts)
    return DisputedGroup(subject="Ruritania", subject_id="ruritania", noun="troops", measure="killed", unit=None,
                         label=label, rows=rows, conflicts=conflicts, spread=None, disagreements=disagreements)


# a port city's toll: the mayor, the ministry and the relief agency each give their own count, the same week
THREE_CAMPS = (
    claim("Mayor", "over 3,000", 3000, math.inf, "2025-03-04"),
    claim("Mayor", "more than 3,000", 3000, math.inf, "2025-03-05"),
    claim("Health Ministry", "about 1,100", 990, 1210, "2025-03-05", value=1100),
    claim("Relief Agency", "several hundred", 200, 900, "2025-03-06"),
    claim("Relief Agency", "400 in one raid", 400, 400, "2025-03-06", scope="incident"),
)
SMALL_COUNTS = (  # two fishermen detained, told three ways over three days
    claim("Coast Guard", "two", 2, 2, "2025-06-01"),
    claim("Navy", "two", 2, 2, "2025-06-02"),
    claim("Harbour office", "three", 3, 3, "2025-06-03"),
)
MONTHS = (  # a drought's displaced, counted over half a year
    claim("UN agency", "12,000", 12000, 12000, "2024-01-10"),
    claim("Red Cross", "about 30,000", 27000, 33000, "2024-03-15", value=30000),
    claim("Interior Ministry", "41,500", 41500, 41500, "2024-06-20"),
)
YEARS = (claim("Census office", "2,000", 2000, 2000, "2019-05-01"), claim("Aid group", "2,500", 2500, 2500, "2024-05-01"))
CROWDED = (*(claim(f"Outlet {i}", f"about {100 + i * 7:,} dead", 100 + i * 7, 100 + i * 7, "2025-02-10")
              for i in range(12)), claim("Outlet 0", "about 150 dead", 150, 150, "2025-02-11"))  # 12 on one day


def drawn(groups: list[Group]) -> Any:
    """The figure for `groups`, drawn (so ticks and texts have their final places)."""
    fig = figure_for(groups)
    fig.canvas.draw()
    return fig


@pytest.fixture
def close_figures():
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


@pytest.mark.parametrize(("disagreements", "conflicts", "expected"), [
    ((Camps(((0, 1), (2,), (3,)), "three counts"),), (), [((0, 1), (2,), (3,))]),
    (({"camps": [[0, 1], [3]], "reason": "two counts"},), (), [((0, 1), (3,))]),  # as read back from JSONL
    (None, (Conflict(0, 2, "a pair"), Conflict(1, 3, "another")), [((0,), (2,)), ((1,), (3,))]),  # pairs: 2 camps
    ((), (Conflict(0, 2, "a pair"),), []),  # disagreements given, and none: the pairs are not drawn
])
def test_plot_disputes_from_disagreements_else_pairs(disagreements, conflicts, expected):
    found = disputes(group(THREE_CAMPS, conflicts=conflicts, disagreements=disagreements))
    assert [d.camps for d in found] == expected


@pytest.mark.parametrize(("disagreements", "conflicts", "bands", "tags"), [
    ((Camps(((0, 1), (2,), (3,)), "three counts"),), (), 3, ["1A", "1B", "1C"]),  # as the table and CSV name them
    ((Camps(((0,), (2,)), "one"), Camps(((0,), (3,)), "two")), (), 3, ["1A·2A", "1B", "2B"]),  # (0,) drawn once
    (None, (Conflict(0, 2, "x"), Conflict(0, 3, "y"), Conflict(1, 3, "z")), 4, None),  # pairs: one band per row
    (None, (), 0, []),
])
def test_plot_camps_are_bands(close_figures, disagreements, conflicts, bands, tags):
    fig = drawn([group(THREE_CAMPS, conflicts=conflicts, disagreements=disagreements)])
    ax = fig.axes[0]
    assert len([p for p in ax.patches if p.get_gid() == BAND_GID]) == bands
    assert not [line for line in ax.get_lines() if line.get_linestyle() == "--"]  # no line joins a pair
    if tags is not None:
        assert sorted(t.get_text() for t in ax.texts if t.get_gid() == TAG_GID) == tags


def test_plot_camp_band_covers_its_claims(close_figures):
    fig = drawn([group(THREE_CAMPS, disagreements=(Camps(((0, 1), (2,), (3,)), "three counts"),))])
    ax = fig.axes[0]
    bands = sorted((p for p in ax.patches if p.get_gid() == BAND_GID), key=lambda p: p.get_y())
    relief, ministry, mayor = bands
    assert relief.get_y() <= 200 and relief.get_y() + relief.get_height() >= 900
    assert ministry.get_y() <= 990 and 1210 <= ministry.get_y() + ministry.get_height() < 3000
    assert mayor.get_y() <= 3000 and mayor.get_y() + mayor.get_height() == pytest.approx(ax.get_ylim()[1])
    assert mayor.get_width() > ministry.get_width()  # the mayor's camp spans two dates


@pytest.mark.parametrize(("rows", "scale"), [
    (SMALL_COUNTS, "linear"),  # counts of two and three: 0, 1, 2, 3 on a plain axis
    (MONTHS, "linear"),  # 12,000 to 41,500: not even one order of magnitude
    (THREE_CAMPS, "linear"),  # 200 to over 3,000: fifteen times
    ((claim("A", "3", 3, 3, "2025-01-01"), claim("B", "3,000", 3000, 3000, "2025-01-02")), "log"),  # 1,000 times
    ((claim("A", "30", 30, 30, "2025-01-01"), claim("B", "2,900", 2900, 2900, "2025-01-02")), "linear"),  # < 100
])
def test_plot_count_axis_is_log_only_for_figures_far_apart(close_figures, rows, scale):
    g = group(rows)
    assert y_scale(g) == scale
    ax = drawn([g]).axes[0]
    assert ax.get_yscale() == scale
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and not any("^" in t or "times" in t for t in labels)  # plain figures, never 4x10^0


def test_plot_small_counts_tick_whole_numbers(close_figures):
    ax = drawn([group(SMALL_COUNTS)]).axes[0]
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert ticks[0] == 0 and all(float(t).is_integer() for t in ticks)


@pytest.mark.parametrize(("rows", "kind", "pattern"), [
    (SMALL_COUNTS, "day", r"\d\d [A-Z][a-z]{2}"),  # three days: 01 Jun, not hours
    (THREE_CAMPS[:1], "day", r"\d\d [A-Z][a-z]{2}"),  # one date: widened to days round it
    (MONTHS, "month", r"[A-Z][a-z]{2} \d{4}"),  # half a year: Feb 2024
    (YEARS, "year", r"\d{4}"),  # five years
])
def test_plot_date_ticks_follow_the_span(close_figures, rows, kind, pattern):
    from matplotlib.dates import DateFormatter

    ax = drawn([group(rows)]).axes[0]
    formatter = ax.xaxis.get_major_formatter()
    assert isinstance(formatter, DateFormatter) and formatter.fmt == TICK_FORMATS[kind]
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(labels) <= MAX_TICKS + 1
    assert all(re.fullmatch(pattern, t) for t in labels), labels
    assert not any(":" in t for t in labels)  # no hour ticks


def boxes(fig: Any, gids: tuple[str, ...] = (LABEL_GID, TAG_GID)) -> list[tuple[Any, Any]]:
    renderer = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for ax in fig.axes for t in ax.texts if t.get_gid() in gids]


@pytest.mark.parametrize("groups", [
    [group(CROWDED)],
    [group(THREE_CAMPS, disagreements=(Camps(((0, 1), (2,), (3,)), "three counts"),)), group(SMALL_COUNTS)],
    [group(THREE_CAMPS, conflicts=(Conflict(0, 2, "x"), Conflict(0, 3, "y"), Conflict(2, 3, "z")))],
])
def test_plot_labels_never_overlap(close_figures, groups):
    fig = drawn(groups)
    placed = boxes(fig)
    expected = sum(len({(r.as_of, r.figure, r.source) for r in g.rows}) for g in groups)
    assert len(boxes(fig, (LABEL_GID,))) == expected  # every figure is labelled
    for i, (a_text, a) in enumerate(placed):
        for b_text, b in placed[i + 1:]:
            assert not a.overlaps(b), (a_text, b_text)
    for ax in fig.axes:  # and every label stays inside its panel
        frame = ax.get_window_extent()
        for t in ax.texts:
            if t.get_gid() == LABEL_GID:
                box = t.get_window_extent()
                assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def test_plot_same_figure_from_one_source_on_one_date_labelled_once(close_figures):
    rows = (claim("Mayor", "40", 40, 40, "2025-03-04"), claim("Mayor", "40", 40, 40, "2025-03-04"),
            claim("Governor", "40", 40, 40, "2025-03-04"))
    texts = [t for t, _ in boxes(drawn([group(rows)]), (LABEL_GID,))]
    assert texts == ["40", "40"]  # the mayor's headline and body repeat one claim


def test_plot_one_colour_per_source_across_panels(close_figures):
    first = group(THREE_CAMPS, label="soldiers · killed")
    second = group((claim("Relief Agency", "90", 90, 90, "2025-03-07"), claim("Mayor", "120", 120, 120, "2025-03-08"),
                    claim("Harbour office", "5", 5, 5, "2025-03-08")), label="soldiers · injured")
    fig = drawn([first, second])
    seen: dict[str, set[str]] = {}
    for ax in fig.axes:
        legend = ax.get_legend()
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            seen.setdefault(text.get_text(), set()).add(handle.get_color())
    assert {"Mayor", "Health Ministry", "Relief Agency", "Harbour office"} <= set(seen)
    assert all(len(colours) == 1 for colours in seen.values())  # one colour per source in every panel
    colours = [next(iter(c)) for c in seen.values()]
    assert len(set(colours)) == len(colours)  # and no two sources share one
    assert source_colours([first, second])["Mayor"] == source_colours([second, first])["Mayor"]  # most claims first


def test_plot_html_lists_camps(tmp_path):
    g = group(THREE_CAMPS, disagreements=(Camps(((0, 1), (2,), (3,)), "Mayor: over 3,000 against Health Ministry"),))
    text = plot_groups([g], tmp_path / "g.html").read_text(encoding="utf-8")
    assert "Mayor: over 3,000 against Health Ministry" in text
    assert text.count("<td>1A</td>") == 2 and text.count("<td>1B</td>") == 1 and text.count("<td>1C</td>") == 1


@pytest.mark.parametrize(("as_of", "days"), [("2024-10", 30), ("2024", 365), ("2024-10-05", None)])
def test_plot_as_of_month_drawn_over_its_days(close_figures, as_of, days):
    rows = (claim("Red Cross", "hundreds", 100, 1000, as_of, value=100), claim("Army", "400", 400, 400, "2024-12-01"))
    ax = drawn([group(rows)]).axes[0]
    flat = [line for line in ax.get_lines() if len(line.get_xdata()) == 2
            and line.get_ydata()[0] == line.get_ydata()[1] == 100]
    if days is None:
        assert not flat  # one day: a mark, no line
    else:
        (line,) = flat
        assert line.get_xdata()[1] - line.get_xdata()[0] == pytest.approx(days)


# -- the plot file is written as any other output (issue 29): umask, stale temporary files, one-line errors --------

@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_plot_file_mode_follows_the_umask(tmp_path, monkeypatch, seed_groups, umask, mode):
    import claimx.out.writers

    monkeypatch.setattr(claimx.out.writers, "process_umask", lambda: umask)
    path = tmp_path / "t.png"
    path.write_bytes(b"old")
    path.chmod(0o600)  # a rerun over a file made 0600 gives the umask's mode
    plot_groups(seed_groups, path)
    assert path.stat().st_mode & 0o777 == mode


def test_plot_rerun_removes_a_killed_runs_temporary_file(tmp_path, seed_groups):
    stale = tmp_path / ".t.svg.abcd1234.tmp"  # what a run killed while writing t.svg leaves
    stale.write_text("<svg", encoding="utf-8")
    plot_groups(seed_groups, tmp_path / "t.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.svg"]


def test_plot_unwritable_folder_is_one_line(tmp_path, monkeypatch, seed_groups):
    import claimx.out.writers
    from claimx.errors import InputError

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(claimx.out.writers.tempfile, "mkstemp", refuse)  # as root chmod locks nothing: simulated
    with pytest.raises(InputError) as err:
        plot_groups(seed_groups, tmp_path / "t.png")
    assert "\n" not in err.value.message and "cannot be written (Permission denied)" in err.value.message
