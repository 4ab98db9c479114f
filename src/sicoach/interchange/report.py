"""The report for the doctor and the progress charts: HTML from one template, PDF from it.

Charts are drawn on the server with matplotlib (SVG backend, text turned into paths so no
font is fetched) and embedded inline, each with a title, a description, a one-sentence
summary above it and a data table. Style attributes are turned into SVG presentation
attributes, so the charts also show under a Content-Security-Policy without inline styles.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from sicoach.domain.journal import ADVICE_WORDS, ClinicianReview, Profile
from sicoach.domain.progress import (
    Adherence,
    Progress,
    Trend,
    WeekMinutes,
    fmt_number,
)
from sicoach.domain.safety import Assessment, Reason
from sicoach.interchange.files import atomic_path

ProgressCallback = Callable[[str, int, int], None]
"""Called as (step description, steps done, steps in all) while a report renders."""

DEFAULT_REPORT_WEEKS = 12
"""Without --from, the report covers the last 12 weeks (our default: what a clinician reads
at a visit); the first week of the program stays the baseline whatever the period."""

PAIN_COLOUR = "#b3261e"
MOBILITY_COLOUR = "#1d5fa8"
BAND_COLOUR = "#f2c94c"
BAR_COLOUR = "#2e7d4f"
GOAL_COLOUR = "#333333"


# ---------------------------------------------------------------------------------------
# The report's data


@dataclass(frozen=True)
class PeriodRow:
    """One week (or, for long reports, one month) of the period, for the data table."""

    label: str
    start: date
    mean_pain: float | None
    mean_mobility: float | None
    sessions: int
    planned: int
    minutes: int
    goal_weeks: int
    weeks: int


@dataclass(frozen=True)
class RaisedReason:
    """A safety reason the daily check raised during the period, and when."""

    reason: Reason
    first: date
    last: date
    days: int


@dataclass(frozen=True)
class Report:
    """Everything the report shows; built by `sicoach.services.reports.build_report`."""

    generated_at: datetime
    start: date
    end: date
    progress: Progress
    profile: Profile | None
    safety: Assessment | None
    notes: tuple[tuple[date, str], ...]
    rows: tuple[PeriodRow, ...]
    monthly: bool
    period_adherence: Adherence
    symptom_labels: dict[str, str] = field(default_factory=dict)
    raised: tuple[RaisedReason, ...] = ()
    raised_step_days: int = 1
    reviews: tuple[ClinicianReview, ...] = ()
    """Visits to a doctor, physio or midwife and their advice (whole program, oldest first)."""

    @property
    def program_start(self) -> date | None:
        return self.progress.start


MONTHLY_AFTER_WEEKS = 26
"""Reports longer than this get one table row a month instead of one a week (ours)."""
DOTS_UP_TO_DAYS = 120
"""Charts longer than this show the 7-day average only: a dot a day would hide the trend."""


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def period_rows(
    progress: Progress, start: date, end: date, sessions: Sequence[date]
) -> tuple[list[PeriodRow], bool]:
    """Averages and counts by week (by month for long periods) over [start, end]."""
    pain = {d.date: d.value for d in progress.pain.days if d.value is not None}
    mobility = {d.date: d.value for d in progress.mobility.days if d.value is not None}
    training = progress.adherence.training_days
    session_days = set(sessions)
    monthly = (end - start).days + 1 > MONTHLY_AFTER_WEEKS * 7
    groups: dict[date, list[date]] = {}
    day = start
    while day <= end:
        key = day.replace(day=1) if monthly else day - timedelta(days=day.weekday())
        groups.setdefault(key, []).append(day)
        day += timedelta(days=1)
    weeks = {w.week_start: w for w in progress.aerobic.weeks}
    rows: list[PeriodRow] = []
    for key, days in groups.items():
        planned = [d for d in days if d.weekday() in training]
        if planned and planned[-1] == progress.on and progress.on not in session_days:
            planned.pop()  # the last day is not over yet, as in the adherence count
        mondays = sorted({d - timedelta(days=d.weekday()) for d in days})
        if monthly:
            mondays = [m for m in mondays if m.month == key.month]  # a week counts where it starts
        in_weeks = [weeks[m] for m in mondays if m in weeks]
        iso = key.isocalendar()
        rows.append(
            PeriodRow(
                label=key.strftime("%b %Y") if monthly else f"{iso.year}-W{iso.week:02d}",
                start=key,
                mean_pain=_mean([pain[d] for d in days if d in pain]),
                mean_mobility=_mean([mobility[d] for d in days if d in mobility]),
                sessions=sum(1 for d in planned if d in session_days),
                planned=len(planned),
                minutes=sum(w.minutes for w in in_weeks),
                goal_weeks=sum(1 for w in in_weeks if w.met_goal),
                weeks=len(in_weeks),
            )
        )
    return rows, monthly


# ---------------------------------------------------------------------------------------
# Charts


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


def accessible_svg(svg: str, key: str, title: str, desc: str) -> Markup:
    """Make matplotlib's SVG fit inline: unique ids, no style attributes, a title and desc."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = _STYLE_RE.sub(_style_to_attributes, svg)
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
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_xlim(*day_edges(first, max(last, first + timedelta(days=MIN_AXIS_DAYS - 1))))


def _legend(fig: Any, ax: Any, compact: bool, bottom: float) -> None:
    """Beside the plot on a page; under it on a phone-sized chart."""
    if compact:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=9, frameon=False)
        fig.subplots_adjust(left=0.12, right=0.97, top=0.96, bottom=0.36)
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
) -> Markup:
    """Daily 0-10 ratings as dots, the 7-day average as a line, the first week shaded.

    `compact` draws a narrower chart with the legend underneath, for phone screens.
    """
    fig, ax = _figure(4.6, 3.2) if compact else _figure()
    days = [d for d in trend.days if first <= d.date <= last]
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
    return accessible_svg(_svg_text(fig, text_as_paths), key, title, desc)


def minutes_chart(
    weeks: Sequence[WeekMinutes],
    goal: int,
    key: str,
    compact: bool = False,
    text_as_paths: bool = True,
) -> Markup:
    """Aerobic minutes as weekly bars against the week's target and the weekly goal."""
    fig, ax = _figure(4.6, 3.4) if compact else _figure(9.0, 2.0)
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
    ax.axhline(goal, color=GOAL_COLOUR, linestyle=(0, (4, 3)), linewidth=1, label=f"Goal ({goal})")
    step = max(1, -(-len(weeks) // (4 if compact else 7)))
    ax.set_xticks(xs[::step])
    ax.set_xticklabels([w.week_start.strftime("%d %b") for w in weeks][::step], fontsize=8)
    top = max([goal, *[w.minutes for w in weeks], *[w.target for w in weeks]])
    ax.set_ylim(0, top * 1.12)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    ax.set_ylabel("Minutes a week")
    ax.set_xlabel("Week starting")
    _legend(fig, ax, compact, 0.24)
    first = weeks[0].week_start.isoformat() if weeks else ""
    title = f"Aerobic minutes by week, from the week of {first}" if weeks else "Aerobic minutes"
    met = sum(1 for w in weeks if w.met_goal)
    desc = (
        f"Bars show the aerobic minutes of each of {len(weeks)} weeks; the dashed line is the "
        f"goal of {goal} minutes a week, reached in {met} of them."
    )
    return accessible_svg(_svg_text(fig, text_as_paths), key, title, desc)


# ---------------------------------------------------------------------------------------
# Rendering


_env = Environment(
    loader=PackageLoader("sicoach.interchange", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _number(value: float | None) -> str:
    return "–" if value is None else fmt_number(value)


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    text = fmt_number(value)
    return text if text.startswith("-") or text == "0" else f"+{text}"


_env.filters["num"] = _number
_env.filters["signed"] = _signed


def print_css() -> str:
    return (Path(__file__).parent / "templates" / "report.css").read_text(encoding="utf-8")


def render_html(report: Report, progress_cb: ProgressCallback | None = None) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, nothing external)."""
    steps = 4

    def tick(text: str, done: int) -> None:
        if progress_cb is not None:
            progress_cb(text, done, steps)

    p = report.progress
    tick("Drawing the pain chart", 0)
    pain_svg = rating_chart(
        p.pain,
        report.start,
        report.end,
        PAIN_COLOUR,
        "report-pain",
        compact=True,
        text_as_paths=False,
    )
    tick("Drawing the mobility chart", 1)
    mob_svg = rating_chart(
        p.mobility,
        report.start,
        report.end,
        MOBILITY_COLOUR,
        "report-mob",
        compact=True,
        text_as_paths=False,
    )
    tick("Drawing the aerobic minutes chart", 2)
    weeks = [w for w in p.aerobic.weeks if w.week_start + timedelta(days=6) >= report.start]
    minutes_svg = minutes_chart(weeks, p.aerobic.goal, "report-minutes", text_as_paths=False)
    tick("Putting the page together", 3)
    html = _env.get_template("report.html").render(
        r=report,
        p=p,
        css=Markup(print_css()),
        pain_svg=pain_svg,
        mobility_svg=mob_svg,
        minutes_svg=minutes_svg,
        weeks=weeks,
        profile_lines=profile_lines(report.profile, report.end),
        advice_words=ADVICE_WORDS,
    )
    tick("Done", 4)
    return html


def render_pdf(html: str, out: Path) -> None:
    """Print the same HTML to PDF with WeasyPrint; the file appears whole or not at all."""
    from weasyprint import HTML

    with atomic_path(out) as partial:
        HTML(string=html, base_url=str(Path(__file__).parent / "templates")).write_pdf(partial)


def profile_lines(profile: Profile | None, on: date) -> list[tuple[str, str]]:
    """The details the person chose to record, as (label, value) rows; nothing invented."""
    if profile is None:
        return []
    rows: list[tuple[str, str]] = []
    if profile.birth_year is not None:
        rows.append(("Born", f"{profile.birth_year} (age about {profile.age_on(on)})"))
    if profile.sex:
        rows.append(("Sex", profile.sex))
    if profile.pregnancy is not None:
        preg = profile.pregnancy
        if preg.status == "pregnant" and preg.due_date:
            week = preg.week_on(on)
            rows.append(("Pregnancy", f"pregnant, due {preg.due_date.isoformat()} (week {week})"))
        elif preg.delivery_date:
            rows.append(("After birth", f"gave birth on {preg.delivery_date.isoformat()}"))
    risks = [
        text
        for flag, text in (
            (profile.sedentary_job, "sits most of the working day"),
            (profile.overweight, "overweight"),
            (profile.frequent_lifting, "lifts often"),
        )
        if flag
    ]
    if risks:
        rows.append(("Risk factors", ", ".join(risks)))
    if profile.history:
        rows.append(("History", ", ".join(h.replace("_", " ") for h in profile.history)))
    days = ", ".join(
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[d]
        for d in sorted(profile.plan.training_days)
    )
    rows.append(("Training days", days))
    return rows


# ---------------------------------------------------------------------------------------
# JSON


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _trend_dict(trend: Trend) -> dict[str, Any]:
    c = trend.change
    return {
        "baseline_start": _iso(trend.baseline_start),
        "baseline_end": _iso(trend.baseline_end),
        "baseline": _round(c.baseline),
        "latest": _round(c.latest),
        "difference": _round(c.difference),
        "percent": _round(c.percent),
        "meaning": str(c.meaning),
        "summary": c.summary,
        "days": [
            {"date": d.date.isoformat(), "value": d.value, "average": _round(d.average)}
            for d in trend.days
        ],
    }


def _adherence_dict(a: Adherence) -> dict[str, Any]:
    return {
        "training_days": list(a.training_days),
        "planned_days": a.planned_days,
        "done_days": a.done_days,
        "sessions": a.sessions,
        "current_streak": a.current_streak,
        "summary": a.summary,
    }


def progress_to_dict(p: Progress) -> dict[str, Any]:
    """The stable `sicoach progress --json` / `/api/v1/progress` shape.

    `{"date", "start", "summaries": [5 sentences],
      "pain" and "mobility": {"baseline_start", "baseline_end", "baseline", "latest",
        "difference", "percent", "meaning": better|worse|small|unknown, "summary",
        "days": [{"date", "value", "average"}]},
      "adherence": {"training_days", "planned_days", "done_days", "sessions",
        "current_streak", "summary"},
      "aerobic": {"goal", "total_minutes", "summary",
        "weeks": [{"week", "start", "minutes", "target", "met_goal"}]},
      "hurt": [{"id", "name", "count", "last_date"}],
      "symptoms": [{"code", "label", "group", "red_flag", "days", "first", "last"}],
      "function": {"first_average", "latest_average", "change", "meaning", "summary",
        "activities": [{"activity", "first_score", "first_date", "latest_score",
        "latest_date", "change"}]}}`
    Dates are ISO strings; averages are rounded to 2 decimals.
    """
    return {
        "date": p.on.isoformat(),
        "start": _iso(p.start),
        "summaries": list(p.summaries),
        "pain": _trend_dict(p.pain),
        "mobility": _trend_dict(p.mobility),
        "adherence": _adherence_dict(p.adherence),
        "aerobic": {
            "goal": p.aerobic.goal,
            "total_minutes": p.aerobic.total_minutes,
            "summary": p.aerobic.summary,
            "weeks": [
                {
                    "week": w.label,
                    "start": w.week_start.isoformat(),
                    "minutes": w.minutes,
                    "target": w.target,
                    "met_goal": w.met_goal,
                }
                for w in p.aerobic.weeks
            ],
        },
        "hurt": [
            {"id": h.id, "name": h.name, "count": h.count, "last_date": h.last_date.isoformat()}
            for h in p.hurt
        ],
        "symptoms": [
            {
                "code": s.code,
                "label": s.label,
                "group": s.group,
                "red_flag": s.red_flag,
                "days": s.days,
                "first": s.first.isoformat(),
                "last": s.last.isoformat(),
            }
            for s in p.symptoms
        ],
        "function": {
            "first_average": _round(p.function.first_average),
            "latest_average": _round(p.function.latest_average),
            "change": _round(p.function.change),
            "meaning": str(p.function.meaning),
            "summary": p.function.summary,
            "activities": [
                {
                    "activity": a.activity,
                    "first_score": a.first_score,
                    "first_date": a.first_date.isoformat(),
                    "latest_score": a.latest_score,
                    "latest_date": a.latest_date.isoformat(),
                    "change": a.change,
                }
                for a in p.function.activities
            ],
        },
    }
