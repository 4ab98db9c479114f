"""Commands of the plan area: `sicoach today` and `sicoach plan ...` (your routine choices)."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress_bar import ProgressBar
from rich.table import Table

from sicoach.cli._common import console, context, fail_input, parse_date
from sicoach.domain.journal import PlanChoices
from sicoach.domain.measures import WEEKDAY_NAMES
from sicoach.domain.plan import Action, DayPlan, PlannedExercise, Status
from sicoach.domain.safety import Level
from sicoach.interchange.plan_json import day_plan_to_dict
from sicoach.services import plan as plan_service
from sicoach.services.context import Context
from sicoach.services.errors import InputError

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


_ACTION_COMMANDS = {
    Action.INCLUDE: ("Bring it back", "include"),
    Action.TURN_BACK_ON: ("Turn it back on", "enable"),
}
"""How the terminal offers each action of a plan reason: as the command that does it."""


def render_plan(out: Console, plan: DayPlan) -> None:
    """The day: safety first (when raised), the routine in order, then aerobic activity."""
    if plan.safety.level is not Level.CONTINUE:
        from sicoach.cli.safety_commands import render_assessment

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


def _show(services: Context) -> None:
    render_choices(console, plan_service.get_choices(services), plan_service.kept_off(services))


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""

    @app.command(
        "today",
        help=(
            "Show today's routine: each exercise with its dose, what changed and why, and how "
            "much walking or other gentle activity to aim for."
        ),
    )
    def today(
        ctx: typer.Context,
        on: str | None = typer.Option(
            None, "--date", help="Plan this day instead of today (YYYY-MM-DD)."
        ),
        as_json: bool = typer.Option(
            False,
            "--json",
            help="Print the plan as JSON (date, safety, exercises, aerobic, estimated_minutes).",
        ),
    ) -> None:
        """Render today's plan (help text above: rich help keeps a docstring's line breaks)."""
        day = parse_date(on)
        services = context(ctx)
        try:
            plan = plan_service.plan_today(services, day)
        except InputError as err:
            fail_input(err)
        if as_json:
            typer.echo(json.dumps(day_plan_to_dict(plan), indent=2))
        else:
            render_plan(console, plan)

    plan_app = typer.Typer(
        name="plan",
        help="See and change your routine choices: left-out exercises, training days, reminder.",
        invoke_without_command=True,
        no_args_is_help=False,
    )

    @plan_app.callback()
    def plan_root(ctx: typer.Context) -> None:
        """See and change your routine choices (shows them when no subcommand is given)."""
        if ctx.invoked_subcommand is None:
            _show(context(ctx))

    @plan_app.command("show")
    def show(ctx: typer.Context) -> None:
        """Show your training days, left-out exercises and reminder time."""
        _show(context(ctx))

    @plan_app.command("leave-out")
    def leave_out(
        ctx: typer.Context,
        exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id, e.g. bridge."),
    ) -> None:
        """Leave an exercise out of your routine."""
        try:
            plan_service.leave_out(context(ctx), exercise_id)
        except InputError as err:
            fail_input(err)
        console.print(
            f"Left out {escape(exercise_id)}. Bring it back with: sicoach plan include "
            f"{escape(exercise_id)}",
            highlight=False,
        )

    @plan_app.command("include")
    def include(
        ctx: typer.Context,
        exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id, e.g. bridge."),
    ) -> None:
        """Bring a left-out exercise back into your routine."""
        try:
            plan_service.include(context(ctx), exercise_id)
        except InputError as err:
            fail_input(err)
        console.print(f"{escape(exercise_id)} is back in your routine.", highlight=False)

    @plan_app.command("days")
    def days(
        ctx: typer.Context,
        values: list[str] = typer.Argument(
            ..., metavar="DAYS", help="Your training days, e.g. mon,wed,fri (or: mon wed fri)."
        ),
    ) -> None:
        """Choose the days you do your exercises; other days are rest days."""
        words = [w for v in values for w in v.split(",")]
        try:
            choices = plan_service.set_training_days(context(ctx), words)
        except InputError as err:
            fail_input(err)
        chosen = ", ".join(WEEKDAY_NAMES[d] for d in choices.training_days)
        console.print(f"Your training days: {chosen}.", highlight=False)

    @plan_app.command("enable")
    def enable(
        ctx: typer.Context,
        exercise_id: str = typer.Argument(..., metavar="ID", help="The exercise id, e.g. bridge."),
    ) -> None:
        """Turn an exercise back on after it hurt twice; it starts again at the easiest level."""
        services = context(ctx)
        try:
            was_off = exercise_id in plan_service.kept_off(services)
            plan_service.enable(services, exercise_id)
        except InputError as err:
            fail_input(err)
        if was_off:
            console.print(
                f"{escape(exercise_id)} is back on and starts at the easiest level. "
                "Go gently, and stop if it hurts.",
                highlight=False,
            )
        else:
            console.print(
                f"{escape(exercise_id)} was not kept off, so nothing changed in its dose.",
                highlight=False,
            )

    @plan_app.command("reminder")
    def reminder(
        ctx: typer.Context,
        value: str = typer.Argument(
            ..., metavar="HH:MM", help="Time for your daily reminder (24-hour), or off."
        ),
    ) -> None:
        """Set the time of your daily reminder (or turn it off)."""
        try:
            choices = plan_service.set_reminder_time(context(ctx), value)
        except InputError as err:
            fail_input(err)
        when = choices.reminder_time.strftime("%H:%M") if choices.reminder_time else "off"
        console.print(f"Reminder: {when}.", highlight=False)

    app.add_typer(plan_app, name="plan")
