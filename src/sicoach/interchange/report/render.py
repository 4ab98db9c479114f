"""The report as one self-contained HTML page, and the same page printed to PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from sicoach.domain.journal import ADVICE_WORDS, Profile
from sicoach.domain.progress import fmt_number
from sicoach.interchange.files import atomic_path
from sicoach.interchange.report.charts import (
    MOBILITY_COLOUR,
    PAIN_COLOUR,
    minutes_chart,
    rating_chart,
)
from sicoach.interchange.report.model import ProgressCallback, Report

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


_env = Environment(
    loader=PackageLoader("sicoach.interchange", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


PRINT_CHART = (4.2, 2.6)
"""A chart's size in inches: a half of an A4 page's width, so it prints at its own size and
its words at 8 to 10 points."""
PRINT_BARS = (3.3, 2.9)
"""The aerobic chart sits beside the exercise table, in a narrower column."""


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
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


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
        size=PRINT_CHART,
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
        size=PRINT_CHART,
    )
    tick("Drawing the aerobic minutes chart", 2)
    weeks = [w for w in p.aerobic.weeks if w.week_start + timedelta(days=6) >= report.start]
    minutes_svg = minutes_chart(
        weeks, p.aerobic.goal, "report-minutes", compact=True, text_as_paths=False, size=PRINT_BARS
    )
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
        HTML(string=html, base_url=str(TEMPLATES)).write_pdf(partial)


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
