"""Commands of the report area: `progress`, `report` and `rate` (my activities).

Each parses its options, calls `sicoach.services.reports`, and prints; bad input is one
line on stderr naming the option, exit status 2, nothing written.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.markup import escape
from rich.table import Table

from sicoach.cli._common import (
    console,
    context,
    fail,
    fail_input,
    parse_date,
    parse_whole_number,
)
from sicoach.services.errors import InputError

if TYPE_CHECKING:  # the progress rules load only when a command needs them
    from sicoach.domain.progress import DayValue, Progress, WeekMinutes

SPARKS = "▁▂▃▄▅▆▇█"
CHART_DAYS = 28
CHART_WEEKS = 8
BAR_WIDTH = 30
_OPTION_NAMES = {
    "date": "--date",
    "from": "--from",
    "to": "--to",
    "activity": "ACTIVITY",
    "score": "SCORE",
}


def _fail_input(error: InputError) -> NoReturn:
    fail_input(error, _OPTION_NAMES)


def _day(value: str | None, option: str) -> date | None:
    return parse_date(None if value is None else value.strip(), option)


def sparkline(days: list[DayValue]) -> str:
    """One character a day: taller for a higher 0-10 score, a dot for a day with none."""
    return "".join(
        "·" if d.value is None else SPARKS[min(7, round(d.value * 7 / 10))] for d in days
    )


def _minutes_table(weeks: list[WeekMinutes], goal: int) -> Table:
    table = Table(title="Aerobic minutes by week", title_justify="left", box=None)
    table.add_column("Week of")
    table.add_column("Minutes", justify="right")
    table.add_column(f"(goal {goal} = full bar)")
    for w in weeks:
        filled = min(BAR_WIDTH, round(w.minutes * BAR_WIDTH / goal)) if goal else 0
        mark = " goal reached" if w.met_goal else ""
        table.add_row(
            w.week_start.isoformat(),
            str(w.minutes),
            "█" * filled + "░" * (BAR_WIDTH - filled) + mark,
        )
    return table


def _print_progress(p: Progress) -> None:
    console.print(f"[bold]Your progress up to {p.on.isoformat()}[/]", highlight=False)
    if p.start is None:
        console.print("Nothing logged yet. Start with `sicoach checkin --pain N`.")
        return
    console.print(f"Program started {p.start.isoformat()}.", highlight=False)
    for line in p.summaries:
        console.print(f"• {escape(line)}", highlight=False)
    first = p.on - timedelta(days=CHART_DAYS - 1)
    for trend in (p.pain, p.mobility):
        days = [d for d in trend.days if d.date >= first]
        if not any(d.value is not None for d in days):
            continue
        latest = next((d.average for d in reversed(days) if d.average is not None), None)
        avg = "" if latest is None else f"  7-day average {latest:.1f}"
        console.print(
            f"\n{trend.name.capitalize()}, last {len(days)} days (0-10, · = no score):{avg}",
            highlight=False,
        )
        console.print(f"  {days[0].date.isoformat()} {sparkline(days)} {p.on.isoformat()}")
    weeks = list(p.aerobic.weeks[-CHART_WEEKS:])
    if weeks:
        console.print()
        console.print(_minutes_table(weeks, p.aerobic.goal))
    if p.hurt:
        hurt = ", ".join(f"{h.name} ({h.count}x, last {h.last_date.isoformat()})" for h in p.hurt)
        console.print(f"\nExercises that hurt: {escape(hurt)}", highlight=False)
    flags = p.red_flags
    if flags:
        text = ", ".join(f"{s.label} (last {s.last.isoformat()})" for s in flags)
        console.print(f"[bold red]Warning signs reported:[/] {escape(text)}", highlight=False)
        console.print("Run `sicoach safety` to see what to do.")


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""

    @app.command("progress")
    def progress_command(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
        on: str | None = typer.Option(
            None, "--date", help="Show progress as it stood on this day (YYYY-MM-DD)."
        ),
    ) -> None:
        """See if it is working: pain, mobility, sessions, aerobic minutes, activities."""
        from sicoach.interchange.report import progress_to_dict
        from sicoach.services.reports import progress

        day = _day(on, "--date")
        try:
            result = progress(context(ctx), day)
        except InputError as err:
            _fail_input(err)
        if as_json:
            typer.echo(json.dumps(progress_to_dict(result), indent=2, ensure_ascii=False))
        else:
            _print_progress(result)

    @app.command("report")
    def report_command(
        ctx: typer.Context,
        out: Path = typer.Option(
            ...,
            "--out",
            help="File to write: FILE.pdf to print or send, or FILE.html to open in a browser.",
            dir_okay=False,
        ),
        start: str | None = typer.Option(
            None,
            "--from",
            help="First day to cover (YYYY-MM-DD); default: the last 12 weeks, Monday to Sunday.",
        ),
        end: str | None = typer.Option(
            None, "--to", help="Last day to cover (YYYY-MM-DD); default: today."
        ),
    ) -> None:
        """Make a one- or two-page report of your progress to show your doctor."""
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        from sicoach.interchange.files import write_atomic
        from sicoach.services.reports import render_report_html, render_report_pdf

        suffix = out.suffix.lower()
        if suffix not in (".pdf", ".html", ".htm"):
            fail(f"--out: {out} must end in .pdf or .html")
        if not out.parent.exists():
            fail(f"--out: the folder {out.parent} does not exist")
        first, last = _day(start, "--from"), _day(end, "--to")
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("Making your report", total=None)

            def tick(text: str, done: int, total: int) -> None:
                bar.update(task, description=text, completed=done, total=total)

            try:
                if suffix == ".pdf":
                    render_report_pdf(context(ctx), out, first, last, tick)
                else:
                    html = render_report_html(context(ctx), first, last, tick)
                    write_atomic(out, html)
            except InputError as err:
                _fail_input(err)
        console.print(f"Report written to {escape(str(out))}", highlight=False)

    @app.command("rate")
    def rate_command(
        ctx: typer.Context,
        activity: str = typer.Argument(
            ..., help='Something that is hard for you, e.g. "sitting for 30 minutes".'
        ),
        score: str = typer.Argument(
            ..., help="How well you can do it: 0 (not at all) to 10 (as well as before)."
        ),
        on: str | None = typer.Option(None, "--date", help="Day of the rating (YYYY-MM-DD)."),
    ) -> None:
        """Rate one of "my activities" (up to 5), about once a week, to see the change."""
        from sicoach.services.reports import rate_activity

        value = parse_whole_number(score, "SCORE", "a whole number from 0 to 10")
        day = _day(on, "--date")
        try:
            rating = rate_activity(context(ctx), activity, value, day)
        except InputError as err:
            _fail_input(err)
        console.print(
            f"Saved: {escape(rating.activity)} = {rating.score} out of 10 "
            f"on {rating.date.isoformat()}.",
            highlight=False,
        )
