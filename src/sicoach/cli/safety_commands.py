"""Commands of the safety area: `sicoach safety` and the red-flag `sicoach screen`.

The wording and colours live in `safety_views` (loaded when a command runs).
"""

from __future__ import annotations

import typer

from sicoach.cli._common import console, context, fail, parse_date
from sicoach.cli.options import JsonOption


def safety(
    ctx: typer.Context,
    on: str | None = typer.Option(
        None,
        "--date",
        metavar="D",
        help="Check your record as it stood on this day (YYYY-MM-DD); default today.",
    ),
    as_json: JsonOption = False,
) -> None:
    """Check whether you should keep going, see a doctor, or get help now."""
    import json

    from sicoach.cli.safety_views import render_assessment, show_from_notes
    from sicoach.interchange.safety_json import assessment_to_dict
    from sicoach.services.safety import assess

    services = context(ctx)
    day = parse_date(on, "--date", services.clock.today())
    assessment = assess(services, day)
    if as_json:
        typer.echo(json.dumps(assessment_to_dict(assessment), indent=2))
    else:
        render_assessment(console, assessment)
        show_from_notes(services, day)


SCREEN_HELP = (
    "Answer a few yes/no questions about warning signs before you exercise.\n\n"
    'Your answers are saved in that day\'s check-in. A "yes" to an emergency sign '
    "stops the questions at once and tells you what to do."
)


def screen(
    ctx: typer.Context,
    on: str | None = typer.Option(
        None,
        "--date",
        metavar="D",
        help="The day these answers are for (YYYY-MM-DD); default today.",
    ),
) -> None:
    """Ask the red-flag screen (help text in SCREEN_HELP: rich help keeps line breaks)."""
    from sicoach.cli.safety_views import ask_until_emergency, render_assessment
    from sicoach.services.commands import AnswerScreen
    from sicoach.services.handlers import execute
    from sicoach.services.safety import Level, screen_questions

    services = context(ctx)
    day = parse_date(on, "--date", services.clock.today())
    console.print(
        "A few quick questions about warning signs. Answer y (yes) or n (no).", highlight=False
    )
    try:
        answers = ask_until_emergency(screen_questions(services, day))
    except typer.Abort as stop:
        given: dict[str, bool] = getattr(stop, "answers", {})
        if not any(given.values()):
            fail("screen: the questions were not all answered, so nothing was saved")
        # A "yes" already given is a warning sign we must not lose: save it and say what
        # to do before reporting that the screen was cut short.
        render_assessment(console, execute(services, AnswerScreen(given, day)))
        fail("screen: stopped before the last question; your yes answers were saved")
    assessment = execute(services, AnswerScreen(answers, day))
    if not any(answers.values()):
        console.print("Thank you. You have none of these warning signs today.")
        if assessment.level is Level.CONTINUE:
            return
    render_assessment(console, assessment)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("safety")(safety)
    app.command("screen", help=SCREEN_HELP)(screen)
