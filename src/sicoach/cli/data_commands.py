"""`sicoach backup`, `restore` and `forget`: the journal as a whole."""

from __future__ import annotations

from pathlib import Path

import typer

from sicoach.cli._common import console, context, fail


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.command("forget")(forget)


def backup(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="New file to write the copy to (SQLite format)."),
) -> None:
    """Copy your whole journal to a file (safe while the web app is running)."""
    from sicoach.services import data_care

    data_care.backup(context(ctx), file)
    console.print(f"Your journal was copied to {file}.", highlight=False, markup=False)


def restore(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A backup made with `sicoach backup`."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask before replacing your journal."),
) -> None:
    """Replace your whole journal with a backup (safe while the web app is running)."""
    from sicoach.services import data_care

    services = context(ctx)
    where = services.settings.display_location
    if not yes and not typer.confirm(
        f"This replaces everything in your journal at {where} with {file}. Continue?"
    ):
        fail("nothing was changed", code=1)
    saved = data_care.restore(services, file)
    console.print(f"Your journal now holds the backup {file}.", highlight=False, markup=False)
    if saved is not None:
        console.print(
            f"The journal as it was before is kept in {saved}.", highlight=False, markup=False
        )


def forget(
    ctx: typer.Context,
    yes: bool = typer.Option(False, "--yes", help="Do not ask before deleting."),
) -> None:
    """Delete everything in your journal: profile, check-ins, sessions and activities."""
    from sicoach.services import data_care

    services = context(ctx)
    what = data_care.everything(services).in_words()
    if not yes and not typer.confirm(
        f"This deletes {what} from {services.settings.display_location}, for good "
        "(backup files you made are not touched). Continue?"
    ):
        fail("nothing was deleted", code=1)
    gone = data_care.forget(services)
    console.print(f"Deleted {gone.in_words()}.", highlight=False, markup=False)
