"""Commands of the plan area: `sicoach today` and `sicoach plan ...` (your routine choices).

The rendering lives in `plan_views` (loaded when a command runs).
"""

from __future__ import annotations

import typer

from sicoach.cli._common import console, context, parse_date
from sicoach.cli.options import ExerciseId, JsonOption

TODAY_HELP = (
    "Show today's routine: each exercise with its dose, what changed and why, and how "
    "much walking or other gentle activity to aim for."
)


def today(
    ctx: typer.Context,
    on: str | None = typer.Option(
        None, "--date", metavar="D", help="Plan this day instead of today (YYYY-MM-DD)."
    ),
    as_json: JsonOption = False,
) -> None:
    """Render today's plan (help text in TODAY_HELP: rich help keeps line breaks)."""
    import json

    from sicoach.cli.plan_views import render_plan
    from sicoach.interchange.plan_json import day_plan_to_dict
    from sicoach.services.plan import plan_today

    plan = plan_today(context(ctx), parse_date(on))
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
        show(ctx)


@plan_app.command("show")
def show(ctx: typer.Context) -> None:
    """Show your training days, left-out exercises and reminder time."""
    from sicoach.cli.plan_views import show_choices

    show_choices(context(ctx))


@plan_app.command("leave-out")
def leave_out(ctx: typer.Context, exercise_id: ExerciseId) -> None:
    """Leave an exercise out of your routine."""
    from rich.markup import escape

    from sicoach.services.commands import ChangeExercise, PlanChange
    from sicoach.services.handlers import execute

    execute(context(ctx), ChangeExercise(PlanChange.LEAVE_OUT, exercise_id))
    console.print(
        f"Left out {escape(exercise_id)}. Bring it back with: sicoach plan include "
        f"{escape(exercise_id)}",
        highlight=False,
    )


@plan_app.command("include")
def include(ctx: typer.Context, exercise_id: ExerciseId) -> None:
    """Bring a left-out exercise back into your routine."""
    from rich.markup import escape

    from sicoach.services.commands import ChangeExercise, PlanChange
    from sicoach.services.handlers import execute

    execute(context(ctx), ChangeExercise(PlanChange.INCLUDE, exercise_id))
    console.print(f"{escape(exercise_id)} is back in your routine.", highlight=False)


@plan_app.command("days")
def days(
    ctx: typer.Context,
    values: list[str] = typer.Argument(
        ..., metavar="DAYS", help="Your training days, e.g. mon,wed,fri (or: mon wed fri)."
    ),
) -> None:
    """Choose the days you do your exercises; other days are rest days."""
    from sicoach.services.commands import SetTrainingDays
    from sicoach.services.handlers import execute
    from sicoach.services.vocabulary import WEEKDAY_NAMES

    words = tuple(w for v in values for w in v.split(","))
    choices = execute(context(ctx), SetTrainingDays(words))
    chosen = ", ".join(WEEKDAY_NAMES[d] for d in choices.training_days)
    console.print(f"Your training days: {chosen}.", highlight=False)


@plan_app.command("enable")
def enable(ctx: typer.Context, exercise_id: ExerciseId) -> None:
    """Turn an exercise back on after it hurt twice; it starts again at the easiest level."""
    from rich.markup import escape

    from sicoach.services.commands import ChangeExercise, PlanChange
    from sicoach.services.handlers import execute
    from sicoach.services.plan import kept_off

    services = context(ctx)
    was_off = exercise_id in kept_off(services)
    execute(services, ChangeExercise(PlanChange.TURN_BACK_ON, exercise_id))
    if was_off:
        said = "is back on and starts at the easiest level. Go gently, and stop if it hurts."
    else:
        said = "was not kept off, so nothing changed in its dose."
    console.print(f"{escape(exercise_id)} {said}", highlight=False)


@plan_app.command("reminder")
def reminder(
    ctx: typer.Context,
    value: str = typer.Argument(
        ..., metavar="HH:MM", help="Time for your daily reminder (24-hour), or off."
    ),
) -> None:
    """Set the time of your daily reminder (or turn it off)."""
    from sicoach.services.commands import SetReminder
    from sicoach.services.handlers import execute

    choices = execute(context(ctx), SetReminder(value))
    when = choices.reminder_time.strftime("%H:%M") if choices.reminder_time else "off"
    console.print(f"Reminder: {when}.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("today", help=TODAY_HELP)(today)
    app.add_typer(plan_app, name="plan")
