"""The report's charts: drawn with matplotlib (SVG backend) and made fit to sit inline.

Text is turned into paths (or set in the system font) so no font is fetched; style
attributes become SVG presentation attributes, so the charts show under a
Content-Security-Policy without inline styles.

Drawing one costs some 40-130 ms of CPU, so a page does not pay it twice for the same
picture: each chart's SVG is memoised by what it draws (`_drawn`: the days, weeks and
sizes, not the journal), so a walk saved leaves the rating charts' memo good and a
check-in the minutes chart's, in every process; and the matplotlib figure of each chart
shape is kept and cleared between drawings (`_FIGURES`), which gives the same SVG, byte
for byte, as a new figure (tests/unit/test_report_chart_memo.py) for a third less.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from sicoach.domain.progress import Trend, WeekMinutes, fmt_number
from sicoach.interchange.report.model import DOTS_UP_TO_DAYS

PAIN_COLOUR = "#b3261e"
MOBILITY_COLOUR = "#1d5fa8"
BAND_COLOUR = "#f2c94c"
BAR_COLOUR = "#2e7d4f"
GOAL_COLOUR = "#333333"

_RC_LOCK = threading.Lock()
"""matplotlib's settings are global; the web server draws charts from several threads."""


def _svg_text(fig: Any, text_as_paths: bool = True) -> str:
    """The figure as SVG. Text as paths looks the same everywhere (for pages whose CSS styles
    SVG text); as <text> in the system's sans-serif font it prints about twice as fast."""
    import matplotlib

    buffer = io.StringIO()
    fonttype = "path" if text_as_paths else "none"
    with _RC_LOCK, matplotlib.rc_context({"svg.fonttype": fonttype, "svg.hashsalt": "sicoach"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    return buffer.getvalue()


_STYLE_RE = re.compile(r'\sstyle="([^"]*)"')
_ID_RE = re.compile(r'(\bid="|href="#|url\(#)([^")]+)')


def _style_to_attributes(match: re.Match[str]) -> str:
    parts = []
    for declaration in match.group(1).split(";"):
        if ":" in declaration:
            name, value = (s.strip() for s in declaration.split(":", 1))
            if re.fullmatch(r"[a-z-]+", name) and '"' not in value:
                parts.append(f' {name}="{value}"')
    return "".join(parts)


def _inline(svg: str) -> str:
    """matplotlib's SVG without its prologue, metadata, style sheet and style attributes."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    return _STYLE_RE.sub(_style_to_attributes, svg)


def accessible_svg(svg: str, key: str, title: str, desc: str) -> Markup:
    """Make matplotlib's SVG fit inline: unique ids, no style attributes, a title and desc."""
    return _labelled(_inline(svg), key, title, desc)


def _labelled(svg: str, key: str, title: str, desc: str) -> Markup:
    """An inline SVG (`_inline`) with ids unique to `key`, a title and a desc."""
    svg = _ID_RE.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", svg)
    head_end = svg.index(">") + 1
    head = svg[:head_end]
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    head = head.replace(
        "<svg",
        f'<svg role="img" class="chart" aria-labelledby="{key}-title {key}-desc" focusable="false"',
        1,
    )
    label = (
        f'<title id="{key}-title">{Markup.escape(title)}</title>'
        f'<desc id="{key}-desc">{Markup.escape(desc)}</desc>'
    )
    return Markup(head + label + svg[head_end:])


def _figure(width: float = 7.0, height: float = 1.8) -> tuple[Any, Any]:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


CHART_MEMO = 256
"""The pages' charts kept by `_drawn` and `_page_labelled` (some 30-40 kB each: a few MB)."""

_page_labelled = lru_cache(maxsize=CHART_MEMO)(_labelled)
"""`_labelled` of a page's chart, memoised (a report's is labelled afresh)."""

_FIGURES: dict[Hashable, tuple[threading.Lock, Any, Any]] = {}
_FIGURES_LOCK = threading.Lock()


def _cleared(ax: Any) -> None:
    """Take off what a chart drew, leaving the axes as `_figure` made them (the tick, label
    and limit settings are set again by every chart)."""
    for container in (*ax.containers,):  # a bar chart's bars, with their patches
        container.remove()
    for artist in (*ax.lines, *ax.patches, *ax.collections, *ax.texts):
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.relim()
    ax.set_autoscale_on(True)


@contextmanager
def _kept_figure(shape: Hashable, width: float, height: float) -> Iterator[tuple[Any, Any]]:
    """The kept figure of one chart shape (made once, cleared after each use), or a new one
    while another thread draws on it."""
    with _FIGURES_LOCK:
        kept = _FIGURES.get(shape)
        if kept is None:
            kept = (threading.Lock(), *_figure(width, height))
            _FIGURES[shape] = kept
    lock, fig, ax = kept
    if not lock.acquire(blocking=False):
        yield _figure(width, height)
        return
    try:
        yield fig, ax
        _cleared(ax)
    except BaseException:
        with _FIGURES_LOCK:  # a drawing that failed half-way: the next one starts afresh
            if _FIGURES.get(shape) is kept:
                del _FIGURES[shape]
        raise
    finally:
        lock.release()


@lru_cache(maxsize=CHART_MEMO)
def _drawn(draw: Callable[..., str], *args: Hashable) -> str:
    """`draw(*args)`, memoised: a chart is a pure function of what it draws. For the
    pages' charts (text as paths); a report's, drawn for a download over any period, is
    drawn afresh (`_draw_once`) and kept nowhere."""
    return draw(*args)


def _draw_once(draw: Callable[..., str], *args: Hashable) -> str:
    return draw(*args)


MIN_AXIS_DAYS = 7
"""A chart spans at least a week, so the first days' dots sit at the left of a readable axis."""


def day_edges(first: date, last: date) -> tuple[datetime, datetime]:
    """From half a day before `first` to half a day after `last`.

    Datetimes, not dates: a `date` minus half a day is the same date, which made a one-day
    chart's limits equal (matplotlib then widened the axis to several years) and drew the
    first-week band as a hairline.
    """
    half_day = timedelta(hours=12)
    return datetime.combine(first, time()) - half_day, datetime.combine(last, time()) + half_day


def _date_axis(ax: Any, first: date, last: date) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    # Month ticks read "Dec 2026"; no "2026-Dec" offset in the corner.
    formatter = ConciseDateFormatter(
        locator,
        formats=["%Y", "%b %Y", "%d", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%b %Y", "%b %Y", "%b-%d", "%H:%M", "%H:%M"],
        show_offset=False,
    )
    ax.xaxis.set_major_formatter(formatter)
    ax.set_xlim(*day_edges(first, max(last, first + timedelta(days=MIN_AXIS_DAYS - 1))))


def _legend(fig: Any, ax: Any, compact: bool, bottom: float) -> None:
    """Beside the plot on a page; under it on a phone-sized chart."""
    if compact:
        # Margins in inches (as on the 4.6 x 3.2 phone chart), so a smaller chart keeps room
        # for its tick labels and the legend under them.
        width, height = fig.get_figwidth(), fig.get_figheight()
        columns = 2 if width >= 3.6 else 1  # a narrow chart's key: one entry a line
        rows = -(-len(ax.get_legend_handles_labels()[0]) // columns)
        top, low = 1 - 0.13 / height, (0.77 + 0.19 * rows) / height
        below = 0.38 / ((top - low) * height)
        ax.legend(
            loc="upper center",
            bbox_to_anchor=(0.5, -below),
            ncol=columns,
            fontsize=9,
            frameon=False,
        )
        fig.subplots_adjust(left=0.55 / width, right=1 - 0.14 / width, top=top, bottom=low)
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
        fig.subplots_adjust(left=0.08, right=0.74, top=0.95, bottom=bottom + 0.04)


def rating_chart(
    trend: Trend,
    first: date,
    last: date,
    colour: str,
    key: str,
    compact: bool = False,
    text_as_paths: bool = True,
    size: tuple[float, float] | None = None,
) -> Markup:
    """Daily 0-10 ratings as dots, the 7-day average as a line, the first week shaded.

    `compact` draws a narrower chart with the legend underneath, for phone screens; `size`
    (inches) draws it as big as it prints, so its words print at about 8 points.
    """
    shown = replace(trend, days=tuple(d for d in trend.days if first <= d.date <= last))
    draw = _drawn if text_as_paths else _draw_once
    svg = draw(_draw_rating, shown, first, last, colour, compact, text_as_paths, size)
    name = trend.name
    title = f"{name.capitalize()} by day, {first.isoformat()} to {last.isoformat()}"
    dots_text = (
        f"Dots show each day's {name} score from 0 to 10; "
        if (last - first).days < DOTS_UP_TO_DAYS
        else f"Over this long period only the 7-day average of the {name} score (0-10) is drawn; "
    )
    desc = (
        f"{dots_text}the line shows the 7-day average; "
        "the shaded band marks the first week of the program. "
        f"{trend.change.summary}"
    )
    return (_page_labelled if text_as_paths else _labelled)(svg, key, title, desc)


def _draw_rating(
    trend: Trend,
    first: date,
    last: date,
    colour: str,
    compact: bool,
    text_as_paths: bool,
    size: tuple[float, float] | None,
) -> str:
    """`rating_chart`'s picture (`trend` holds the days from `first` to `last` alone)."""
    width, height = (size or (4.6, 3.2)) if compact else (7.0, 1.8)
    with _kept_figure(("rating", compact, width, height), width, height) as (fig, ax):
        days = trend.days
        dots = [(d.date, d.value) for d in days if d.value is not None]
        line = [(d.date, d.average) for d in days if d.average is not None]
        if trend.baseline_start and trend.baseline_end and trend.baseline_start <= last:
            band_from = max(trend.baseline_start, first)
            if band_from <= trend.baseline_end:
                ax.axvspan(
                    *day_edges(band_from, trend.baseline_end),
                    color=BAND_COLOUR,
                    alpha=0.35,
                    linewidth=0,
                    label="First week",
                )
        if trend.change.baseline is not None:
            ax.axhline(
                trend.change.baseline,
                color=GOAL_COLOUR,
                linestyle=(0, (4, 3)),
                linewidth=1,
                label=f"First-week average ({fmt_number(trend.change.baseline)})",
            )
        if dots and (last - first).days < DOTS_UP_TO_DAYS:
            ax.plot(
                [d for d, _ in dots],
                [v for _, v in dots],
                "o",
                markersize=3 if len(dots) > 60 else 4,
                color=colour,
                alpha=0.45,
                label="Daily score",
            )
        if line:
            ax.plot(
                [d for d, _ in line],
                [v for _, v in line],
                "-",
                color=colour,
                linewidth=2,
                label="7-day average",
            )
        ax.set_ylim(-0.3, 10.3)
        ax.set_yticks([0, 2, 4, 6, 8, 10])
        ax.set_ylabel(f"{trend.name.capitalize()} (0-10)")
        _date_axis(ax, first, last)
        if ax.get_legend_handles_labels()[0]:  # the first-week band is worth a key even alone
            _legend(fig, ax, compact, 0.22)
        elif compact:
            fig.subplots_adjust(left=0.12, right=0.97, top=0.96, bottom=0.2)
        else:
            fig.subplots_adjust(left=0.08, right=0.74, top=0.95, bottom=0.22)
        return _inline(_svg_text(fig, text_as_paths))


def minutes_chart(
    weeks: Sequence[WeekMinutes],
    goal: int,
    key: str,
    compact: bool = False,
    text_as_paths: bool = True,
    size: tuple[float, float] | None = None,
) -> Markup:
    """Aerobic minutes as weekly bars against the week's target and the weekly goal."""
    draw = _drawn if text_as_paths else _draw_once
    svg = draw(_draw_minutes, tuple(weeks), goal, compact, text_as_paths, size)
    first = weeks[0].week_start.isoformat() if weeks else ""
    title = f"Aerobic minutes by week, from the week of {first}" if weeks else "Aerobic minutes"
    met = sum(1 for w in weeks if w.met_goal)
    desc = (
        f"Bars show the aerobic minutes of each of {len(weeks)} weeks; the dashed line is the "
        f"goal of {goal} minutes a week, reached in {met} of them."
    )
    return (_page_labelled if text_as_paths else _labelled)(svg, key, title, desc)


def _draw_minutes(
    weeks: tuple[WeekMinutes, ...],
    goal: int,
    compact: bool,
    text_as_paths: bool,
    size: tuple[float, float] | None,
) -> str:
    """`minutes_chart`'s picture."""
    from matplotlib.ticker import MaxNLocator

    width, height = (size or (4.6, 3.4)) if compact else (9.0, 2.0)
    with _kept_figure(("minutes", compact, width, height), width, height) as (fig, ax):
        xs = list(range(len(weeks)))
        ax.bar(xs, [w.minutes for w in weeks], color=BAR_COLOUR, width=0.75, label="Minutes done")
        if any(w.target != goal for w in weeks):
            ax.hlines(
                [w.target for w in weeks],
                [x - 0.42 for x in xs],
                [x + 0.42 for x in xs],
                color="#7a4fa0",
                linewidth=2,
                label="Your target that week",
            )
        ax.axhline(
            goal, color=GOAL_COLOUR, linestyle=(0, (4, 3)), linewidth=1, label=f"Goal ({goal})"
        )
        step = max(1, -(-len(weeks) // (4 if compact else 7)))
        ax.set_xticks(xs[::step])
        ax.set_xticklabels([w.week_start.strftime("%d %b") for w in weeks][::step], fontsize=8)
        top = max([goal, *[w.minutes for w in weeks], *[w.target for w in weeks]])
        ax.set_ylim(0, top * 1.12)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
        ax.set_ylabel("Minutes a week")
        ax.set_xlabel("Week starting")
        _legend(fig, ax, compact, 0.24)
        return _inline(_svg_text(fig, text_as_paths))


# ---------------------------------------------------------------------------------------
# Rendering
