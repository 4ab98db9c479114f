"""Options and choices several commands share, declared once (Typer `Annotated` types).

Each command names a type here (`DateOption`, `JsonOption`, ...) instead of repeating the
option's flag and help; the choices are enums, so `--help` lists them.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sicoach.services.vocabulary import ACTIVITY_KINDS, SEXES

DateOption = Annotated[
    str | None,
    typer.Option("--date", metavar="D", help="The day (YYYY-MM-DD); default today."),
]
"""A day other than today; the command checks it (`parse_date`) so the message is ours."""

JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print JSON (a stable shape for scripts) instead of text."),
]

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help=(
            "SQLite file to use instead of the default in your data folder "
            "(or set SICOACH_DB; SICOACH_DATABASE_URL points at PostgreSQL)."
        ),
        dir_okay=False,
    ),
]

ExerciseId = Annotated[
    str, typer.Argument(metavar="ID", help="The exercise id, e.g. bridge.", show_default=False)
]


class ExportFormat(StrEnum):
    """What `sicoach export` writes."""

    JSON = "json"
    CSV = "csv"
    FHIR = "fhir"
    ICS = "ics"


ActivityKind = StrEnum("ActivityKind", {kind.upper(): kind for kind in ACTIVITY_KINDS})
"""The aerobic activities a person can log (the journal's `activities.kind` codes)."""

Sex = StrEnum("Sex", {sex.upper(): sex for sex in SEXES})
