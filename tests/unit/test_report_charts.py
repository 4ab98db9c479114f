"""The date axis of the progress and report charts, at the edge of one day of data."""

from __future__ import annotations

from datetime import date, datetime

from matplotlib.dates import num2date

from sicoach.interchange.report import MIN_AXIS_DAYS, _date_axis, _figure, day_edges


def test_day_edges_are_half_a_day_either_side() -> None:
    start, end = day_edges(date(2026, 11, 25), date(2026, 11, 25))
    assert start == datetime(2026, 11, 24, 12)
    assert end == datetime(2026, 11, 25, 12)


def test_a_one_day_chart_spans_a_week_not_years() -> None:
    _, ax = _figure()
    _date_axis(ax, date(2026, 11, 25), date(2026, 11, 25))
    left, right = (num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
    assert left == datetime(2026, 11, 24, 12)
    assert (right - left).days == MIN_AXIS_DAYS


def test_a_longer_chart_keeps_its_own_range() -> None:
    _, ax = _figure()
    _date_axis(ax, date(2026, 9, 1), date(2026, 11, 25))
    left, right = (num2date(x).replace(tzinfo=None) for x in ax.get_xlim())
    assert (left, right) == (datetime(2026, 8, 31, 12), datetime(2026, 11, 25, 12))
