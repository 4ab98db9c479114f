"""Small charts drawn on the server as SVG, so pages need no script and no outside library."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from markupsafe import Markup, escape


def pain_strip(points: dict[date, int | None], end: date, days: int = 14) -> Markup:
    """Bars of the daily pain (0-10) for the `days` up to `end`; a dot marks a day without data.

    The chart is decorative for screen readers: the page shows the same numbers in a table.
    The same figures draw the same chart, so it is kept (Today draws it on every visit).
    """
    shown = tuple(points.get(end - timedelta(days=back)) for back in range(days - 1, -1, -1))
    return _pain_strip(shown, end, days)


@lru_cache(maxsize=64)
def _pain_strip(shown: tuple[int | None, ...], end: date, days: int) -> Markup:
    points = {end - timedelta(days=days - 1 - index): value for index, value in enumerate(shown)}
    width, height, top, bottom = 280, 90, 6, 18
    slot = width / days
    bar = slot * 0.7
    usable = height - top - bottom
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Bar chart of your pain over the last {days} days">',
        f'<line class="axis" x1="0" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"/>',
    ]
    for index in range(days):
        day = end - timedelta(days=days - 1 - index)
        x = index * slot + (slot - bar) / 2
        value = points.get(day)
        if value is None:
            cy = height - bottom - 3
            parts.append(f'<circle class="nodata" cx="{x + bar / 2:.1f}" cy="{cy}" r="2"/>')
        else:
            h = max(2.0, usable * value / 10)
            y = height - bottom - h
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}">'
                f"<title>{escape(day.strftime('%a %d %b'))}: pain {value}</title></rect>"
            )
        if index % 2 == 1 or index == days - 1:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - 4}" text-anchor="middle">'
                f"{day.day}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def minutes_meter(done: int, target: int) -> Markup:
    """A horizontal bar of minutes done against a target (the page states both in words)."""
    width, height = 280, 20
    share = 0.0 if target <= 0 else min(1.0, done / target)
    return Markup(
        f'<svg class="meter" viewBox="0 0 {width} {height}" aria-hidden="true" '
        f'preserveAspectRatio="none">'
        f'<rect class="meter-track" x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" '
        f'rx="6"/><rect class="meter-fill" x="0.5" y="0.5" width="{(width - 1) * share:.1f}" '
        f'height="{height - 1}" rx="6"/></svg>'
    )
