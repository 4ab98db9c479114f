"""Commands of the content area: the exercise library, the learn topics and the symptom words.

They read the catalog only; `content_views` prints it (loaded when a command runs).
"""

from __future__ import annotations

from typing import Annotated

import typer

from sicoach.cli._common import context
from sicoach.cli.options import JsonOption


def exercises(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List the 10 exercises and the aerobic activity, in the guide's order."""
    from sicoach.cli import content_views

    content_views.exercises(context(ctx).catalog, as_json)


def exercise(
    ctx: typer.Context,
    exercise_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The exercise id, e.g. pelvic_tilt (see `sicoach exercises`).",
            show_default=False,
        ),
    ],
    as_json: JsonOption = False,
) -> None:
    """Show one exercise in full: purpose, steps, how much, cautions and harder levels."""
    from sicoach.cli import content_views

    content_views.exercise(context(ctx).catalog, exercise_id, as_json)


def learn(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            help="The topic to read, e.g. causes. Leave it out to see the list of topics.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Read about the SI joint: what it is, causes, symptoms, when to see a doctor."""
    from sicoach.cli import content_views

    catalog = context(ctx).catalog
    if topic is None:
        content_views.topics(catalog, as_json)
    else:
        content_views.learn(catalog, topic, as_json)


def symptoms(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Explain the symptom and health-history words you can record at a check-in."""
    from sicoach.cli import content_views

    content_views.symptoms(context(ctx).catalog, as_json)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("exercises")(exercises)
    app.command("exercise")(exercise)
    app.command("learn")(learn)
    app.command("symptoms")(symptoms)
