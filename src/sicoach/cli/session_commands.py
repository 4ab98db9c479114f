"""`sicoach session`: the guided routine in the terminal, or its script as JSON.

The player and its order of questions live in `session_run` (loaded when the command runs).
"""

from __future__ import annotations

import typer

from sicoach.cli._common import context, fail, parse_date
from sicoach.cli.options import JsonOption

SESSION_HELP = (
    "Do today's exercises with a guide: timed holds, counted repetitions, a bell at each "
    "step. Keys: space pause, n skip, h it hurts, q stop. Everything is saved as you go."
)


def session(
    ctx: typer.Context,
    speed: float = typer.Option(
        1.0,
        "--speed",
        metavar="N",
        min=0.1,
        max=1000.0,
        help="Run the clock this many times faster (for demonstrations and tests).",
    ),
    voice: bool = typer.Option(
        False, "--voice", help="Speak each step aloud (needs espeak-ng installed)."
    ),
    on: str | None = typer.Option(
        None, "--date", metavar="D", help="Play the plan of this day (YYYY-MM-DD); default today."
    ),
    script: bool = typer.Option(
        False, "--script", help="Print the timed steps of the session instead of playing it."
    ),
    as_json: JsonOption = False,
) -> None:
    """Play or print today's session (help text in SESSION_HELP: rich help keeps line breaks)."""
    from sicoach.cli import session_run

    day = parse_date(on)
    services = context(ctx)
    today = services.clock.today()
    if day is not None and day > today and not script:
        fail(f"--date: {day.isoformat()} is in the future; you can only play today or before")
    if as_json and not script:
        fail("--json: only works together with --script")
    if script:
        session_run.show_script(services, day or today, as_json)
    else:
        session_run.run_session(services, day or today, speed, voice)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("session", help=SESSION_HELP)(session)
