"""The charts' memo and kept figures: the SVG a page shows is the one a new matplotlib
figure draws, byte for byte, whatever was drawn on the kept figure before (hypothesis,
random ratings and weeks), and a chart is drawn once for the same picture."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.progress_model import Change, DayValue, Meaning, Trend, WeekMinutes
from sicoach.interchange.report import (
    MOBILITY_COLOUR,
    PAIN_COLOUR,
    charts,
    minutes_chart,
    rating_chart,
)

END = date(2026, 11, 20)


@st.composite
def trends(draw: st.DrawFn) -> tuple[Trend, date]:
    """A rating trend of 1 to 70 days ending on END, and the chart's first day."""
    span = draw(st.integers(1, 70))
    first = END - timedelta(days=span - 1)
    days = []
    for n in range(span):
        value = draw(st.none() | st.integers(0, 10))
        average = draw(st.none() | st.floats(0, 10, allow_nan=False).map(lambda f: round(f, 2)))
        days.append(DayValue(first + timedelta(days=n), value, average))
    band = draw(st.none() | st.integers(0, span - 1))
    start = None if band is None else first + timedelta(days=band)
    baseline = draw(st.none() | st.floats(0, 10, allow_nan=False).map(lambda f: round(f, 1)))
    change = Change(baseline, None, None, None, Meaning.UNKNOWN, "No change to show yet.")
    end = None if start is None else start + timedelta(days=6)
    name = draw(st.sampled_from(("pain", "mobility")))
    return Trend(name, tuple(days), start, end, change), first


@st.composite
def weeks(draw: st.DrawFn) -> tuple[tuple[WeekMinutes, ...], int]:
    goal = draw(st.sampled_from((90, 120, 150)))
    count = draw(st.integers(1, 12))
    monday = END - timedelta(days=END.weekday())
    out = []
    for n in range(count):
        start = monday - timedelta(weeks=count - 1 - n)
        minutes, target = draw(st.integers(0, 400)), draw(st.sampled_from((goal, 60, 100)))
        out.append(WeekMinutes(start, start.strftime("%d %b"), minutes, target, goal))
    return tuple(out), goal


@contextmanager
def _new_figure(shape: Hashable, width: float, height: float) -> Iterator[tuple[Any, Any]]:
    yield charts._figure(width, height)


@settings(max_examples=6, deadline=None)
@given(trends(), weeks(), st.sampled_from((PAIN_COLOUR, MOBILITY_COLOUR)), st.booleans())
def test_a_kept_figure_draws_what_a_new_figure_draws(
    rating: tuple[Trend, date],
    bars: tuple[tuple[WeekMinutes, ...], int],
    colour: str,
    compact: bool,
) -> None:
    """Each example draws on the figures the one before it drew on."""

    def both_kinds() -> list[str]:
        trend, first = rating
        shown, goal = bars
        return [
            str(rating_chart(trend, first, END, colour, "k", compact=compact)),
            str(minutes_chart(shown, goal, "m", compact=compact)),
        ]

    charts._drawn.cache_clear()
    kept = both_kinds()
    kept_figure = charts._kept_figure
    charts._kept_figure = _new_figure
    try:
        charts._drawn.cache_clear()
        new = both_kinds()
    finally:
        charts._kept_figure = kept_figure
        charts._drawn.cache_clear()
    assert kept == new


def test_the_same_picture_is_drawn_once_and_only_its_ids_follow_the_page() -> None:
    trend = Trend(
        "pain",
        tuple(DayValue(END - timedelta(days=n), n % 10, None) for n in range(20)),
        None,
        None,
        Change(None, None, None, None, Meaning.UNKNOWN, "Too early to tell."),
    )
    first = END - timedelta(days=13)
    charts._drawn.cache_clear()
    page = rating_chart(trend, first, END, PAIN_COLOUR, "web-pain", compact=True)
    glance = rating_chart(trend, first, END, PAIN_COLOUR, "glance-pain", compact=True)
    assert charts._drawn.cache_info().misses == 1 and charts._drawn.cache_info().hits == 1
    assert str(page).replace("web-pain", "glance-pain") == str(glance)
    assert 'id="web-pain-title"' in page
    # a day outside the chart changes nothing drawn; a day inside draws anew
    older = Trend(
        "pain",
        (DayValue(first - timedelta(days=3), 9, None), *trend.days),
        None,
        None,
        trend.change,
    )
    assert rating_chart(older, first, END, PAIN_COLOUR, "web-pain", compact=True) == page
    newer = Trend("pain", (DayValue(END, 7, None), *trend.days[1:]), None, None, trend.change)
    assert rating_chart(newer, first, END, PAIN_COLOUR, "web-pain", compact=True) != page
    assert charts._drawn.cache_info().misses == 2
    # a report's chart (drawn for a download, over any period) is kept nowhere
    kept = charts._drawn.cache_info().currsize, charts._page_labelled.cache_info().currsize
    rating_chart(trend, first, END, PAIN_COLOUR, "report-pain", True, text_as_paths=False)
    assert (
        charts._drawn.cache_info().currsize,
        charts._page_labelled.cache_info().currsize,
    ) == kept


def test_a_kept_figure_in_use_is_not_shared() -> None:
    with (
        charts._kept_figure(("test", 1.0), 4.6, 3.2) as (fig, _),
        charts._kept_figure(("test", 1.0), 4.6, 3.2) as (other, _),
    ):
        assert other is not fig
    with charts._kept_figure(("test", 1.0), 4.6, 3.2) as (again, _):
        assert again is fig


def test_a_drawing_that_failed_half_way_leaves_no_figure_behind() -> None:
    shape = ("test", 2.0)
    with charts._kept_figure(shape, 4.6, 3.2) as (fig, ax):
        pass
    with pytest.raises(RuntimeError), charts._kept_figure(shape, 4.6, 3.2) as (same, ax):
        assert same is fig
        ax.plot([0, 1], [0, 1])
        raise RuntimeError("drawing failed")
    with charts._kept_figure(shape, 4.6, 3.2) as (after, ax):
        assert after is not fig and not ax.lines
