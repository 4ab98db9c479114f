"""Today's pain strip: one bar per day of the last two weeks, a dot for a day without a
check-in; kept between visits, so it must change the moment a figure does."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sicoach.web.charts import pain_strip

END = date(2026, 11, 20)


def _bars(svg: str) -> list[str]:
    return re.findall(r"<title>([^<]*)</title>", svg)


def test_one_bar_per_day_with_pain_and_a_dot_for_each_day_without() -> None:
    points: dict[date, int | None] = {END - timedelta(days=d): d % 11 for d in range(0, 14, 2)}
    points[END - timedelta(days=30)] = 9  # older than the strip: not drawn
    svg = str(pain_strip(points, END))
    assert len(_bars(svg)) == 7 and svg.count('class="nodata"') == 7
    assert _bars(svg)[-1] == f"{END.strftime('%a %d %b')}: pain 0"
    assert "pain 9" not in svg


def test_a_changed_figure_or_day_draws_a_new_chart() -> None:
    points: dict[date, int | None] = {END: 4, END - timedelta(days=1): 6}
    first = str(pain_strip(points, END))
    assert str(pain_strip(dict(points), END)) == first  # the same figures: the same chart
    assert "pain 5" in str(pain_strip({**points, END: 5}, END))
    moved = str(pain_strip(points, END + timedelta(days=1)))
    assert moved != first and _bars(moved)[-1].endswith("pain 4")
