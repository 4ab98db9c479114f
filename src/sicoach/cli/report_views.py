"""How progress reads on the terminal: sparklines, the weekly minutes, what hurt."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from rich.markup import escape
from rich.table import Table

from sicoach.cli._common import console

if TYPE_CHECKING:
    from sicoach.domain.progress import DayValue, Progress, WeekMinutes

SPARKS = "▁▂▃▄▅▆▇█"
CHART_DAYS = 28
CHART_WEEKS = 8
BAR_WIDTH = 30


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


def print_progress(p: Progress) -> None:
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
