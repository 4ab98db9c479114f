"""The `sicoach` command: global options, then each area's commands.

Only Typer and the command modules' signatures load at start-up; a command imports what it
needs (services, domain, Rich) when it runs, so `sicoach --help` stays quick.
"""

from __future__ import annotations

import typer

from sicoach import __version__
from sicoach.cli import (
    content_commands,
    data_commands,
    figure_commands,
    journal_commands,
    people_commands,
    plan_commands,
    report_commands,
    review_commands,
    safety_commands,
    serve_commands,
    session_commands,
)
from sicoach.cli.errors import FaceGroup
from sicoach.cli.options import DbOption

app = typer.Typer(
    name="sicoach",
    cls=FaceGroup,
    help=(
        "SI Coach: a guided home exercise program for sacroiliac (SI) joint and low-back "
        "pain, with a daily check on when to see a doctor. Your data stays on this computer."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: Rich's help formatter alone doubled `--help`'s time
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sicoach {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: DbOption = None,
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Set up the data location shared by every command (built when a command first needs
    it, so `sicoach COMMAND --help` opens nothing)."""
    ctx.obj = None


for module in (
    content_commands,
    journal_commands,
    safety_commands,
    review_commands,
    plan_commands,
    session_commands,
    serve_commands,
    figure_commands,
    report_commands,
    data_commands,
    people_commands,
):
    module.register(app)


def main() -> None:
    """The console script: a database that cannot be opened is one line and exit 1."""
    try:
        app()
    except Exception as err:
        from sicoach.services.errors import StoreError  # loaded only when something failed

        if not isinstance(err, StoreError):
            raise
        from sicoach.cli._common import fail

        try:
            fail(str(err), code=1)  # escaped, so a path like "[/b]" is shown as typed
        except typer.Exit as done:
            raise SystemExit(done.exit_code) from None
