"""How the day's plan and the routine choices read on the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress_bar import ProgressBar
from rich.table import Table

from sicoach.cli._common import console
from sicoach.services import plan as plan_service
from sicoach.services.context import Context
from sicoach.services.plan import Action, DayPlan, PlannedExercise, Status
from sicoach.services.safety import Level
from sicoach.services.vocabulary import WEEKDAY_NAMES

if TYPE_CHECKING:
    from sicoach.domain.journal import PlanChoices

_ACTION_COMMANDS = {
    Action.INCLUDE: ("Bring it back", "include"),
    Action.TURN_BACK_ON: ("Turn it back on", "enable"),
}
"""How the terminal offers each action of a plan reason: as the command that does it."""

_STATUS_LOOK = {
    Status.PLANNED: ("green", "[+]", "planned"),
    Status.MODIFIED: ("yellow", "[~]", "changed for you"),
    Status.SKIPPED: ("dim", "[-]", "skipped"),
}


def dose_text(e: PlannedExercise) -> str:
    """ "8 times, hold 5 seconds" / "3 times on each side, hold 2 seconds"."""
    times = f"{e.reps} time{'s' if e.reps != 1 else ''}"
    if e.per_side:
        times += " on each side"
    elif e.alternating:
        times += ", alternating sides"
    if e.hold_seconds:
        times += f", hold {e.hold_seconds} second{'s' if e.hold_seconds != 1 else ''}"
    return times


def render_plan(out: Console, plan: DayPlan) -> None:
    """The day: safety first (when raised), the routine in order, then aerobic activity."""
    if plan.safety.level is not Level.CONTINUE:
        from sicoach.cli.safety_views import render_assessment

        render_assessment(out, plan.safety)
        out.print()
    day = f"{WEEKDAY_NAMES[plan.date.weekday()]} {plan.date.isoformat()}"
    active = len(plan.active)
    if active:
        head = f"Your routine for {day}: {active} exercises, about {plan.estimated_minutes} min"
    else:
        head = f"Your routine for {day}: no exercises today"
    out.print(f"[bold]{escape(head)}[/]", highlight=False)
    if plan.safety.stops_exercise:
        out.print(
            "Stop: no exercises and no walking today. Follow the safety advice above first.",
            highlight=False,
        )
        return
    if plan.message:
        out.print(escape(plan.message), highlight=False)
    out.print()
    if not plan.training_day:
        render_aerobic(out, plan)
        return
    for n, e in enumerate(plan.exercises, start=1):
        style, icon, words = _STATUS_LOOK[e.status]
        name = e.name if e.level == 0 or not e.level_name else e.level_name
        line = f"{n:>2}. {icon} {name}"
        if e.status is not Status.SKIPPED:
            line += f" - {dose_text(e)}"
        out.print(f"[{style}]{escape(line)}[/] [dim]({words})[/]", highlight=False)
        out.print(f"      {escape(e.reason)}", highlight=False, soft_wrap=False)
        if e.action is not None:
            words, command = _ACTION_COMMANDS[e.action]
            out.print(f"      {words}: sicoach plan {command} {e.id}", highlight=False)
        if e.variant and e.steps:
            out.print(f"      [bold]How today:[/] {escape(' '.join(e.steps))}", highlight=False)
    out.print()
    render_aerobic(out, plan)


def render_aerobic(out: Console, plan: DayPlan) -> None:
    a = plan.aerobic
    out.print("[bold]Aerobic activity (walking, swimming, cycling, tai chi)[/]", highlight=False)
    grid = Table.grid(padding=(0, 1))
    grid.add_column()
    grid.add_column()
    grid.add_column()
    target = max(a.week_target_minutes, 1)
    bar = ProgressBar(total=target, completed=min(a.week_done_minutes, target), width=20)
    grid.add_row(
        "This week:",
        bar,
        f"{a.week_done_minutes} of {a.week_target_minutes} minutes",
    )
    out.print(grid)
    out.print(f"The full goal is {a.weekly_goal_minutes} minutes a week.", highlight=False)
    if a.today_kind and a.today_minutes:
        kind = a.today_kind.replace("_", " ")
        out.print(f"Today: about {a.today_minutes} minutes of {escape(kind)}.", highlight=False)
    out.print(f"[dim]{escape(a.reason)}[/]", highlight=False)


def render_choices(out: Console, choices: PlanChoices, off: tuple[str, ...] = ()) -> None:
    days = ", ".join(WEEKDAY_NAMES[d] for d in sorted(choices.training_days))
    out.print(f"[bold]Training days:[/] {escape(days)}", highlight=False)
    left = ", ".join(choices.left_out) or "none"
    out.print(f"[bold]Left out:[/] {escape(left)}", highlight=False)
    reminder = choices.reminder_time.strftime("%H:%M") if choices.reminder_time else "off"
    out.print(f"[bold]Reminder:[/] {reminder}", highlight=False)
    if off:
        out.print(
            f"[bold]Kept off (hurt twice):[/] {escape(', '.join(off))} - turn one back on with "
            "sicoach plan enable ID",
            highlight=False,
        )
    if choices.enabled_on:
        back = ", ".join(f"{eid} (since {d.isoformat()})" for eid, d in choices.enabled_on)
        out.print(f"[bold]Turned back on:[/] {escape(back)}", highlight=False)
    out.print(
        "[dim]Change these with: sicoach plan leave-out ID, plan include ID, "
        "plan days mon,wed,fri, plan enable ID, plan reminder HH:MM[/]",
        highlight=False,
    )


def show_choices(services: Context) -> None:
    """The person's routine choices and the exercises kept off."""
    render_choices(console, plan_service.get_choices(services), plan_service.kept_off(services))
