"""`sicoach import` and `sicoach export`: the journal in and out as files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sicoach.cli._common import console, context, fail
from sicoach.cli.options import ExportFormat

if TYPE_CHECKING:
    from sicoach.services.context import Context

PROGRESS_THRESHOLD = 300
"""Imports with more records than this show a progress bar."""


def _count(number: int, one: str, many: str | None = None) -> str:
    """A count with its noun (1 check-in, 2 check-ins), so summaries read as sentences."""
    return f"{number} {one if number == 1 else many or one + 's'}"


class _ImportBar:
    """A progress bar that appears only for a large import."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total <= PROGRESS_THRESHOLD:
            return
        if self.bar is None:
            from rich.progress import Progress

            self.bar = Progress(console=console, transient=False)
            self.bar.start()
            self.task = self.bar.add_task("Importing", total=total)
        self.bar.update(self.task, completed=done)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def import_command(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A journal file written by `sicoach export`.")
    ],
    replace: bool = typer.Option(
        False, "--replace", help="Let the file's records replace yours on the days the file covers."
    ),
) -> None:
    """Read a journal file into your record, all at once or not at all."""
    from sicoach.services.commands import ImportJournal
    from sicoach.services.handlers import execute

    if not file.is_file():
        fail(f"FILE: {file} is not a file")
    bar = _ImportBar()
    try:
        summary = execute(context(ctx), ImportJournal(file, replace=replace, progress=bar))
    finally:
        bar.stop()
    console.print(
        f"Imported {_count(summary.checkins, 'check-in')}, "
        f"{_count(summary.sessions, 'session')}, "
        f"{_count(summary.activities, 'activity', 'activities')} and "
        f"{_count(summary.function, 'function rating')}"
        + (" (replacing yours on those days)." if replace else "."),
        highlight=False,
    )
    if summary.profile:
        console.print("Your profile now matches the file.")


def _export_csv(services: Context, out: Path | None) -> None:
    from rich.markup import escape

    from sicoach.services.reports import export_csv

    if out is None:
        fail("--out: csv writes several files; give a folder with --out")
    if out.exists() and not out.is_dir():
        fail(f"--out: {out} is a file; csv needs a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = export_csv(services, out)
    except OSError as err:
        fail(f"--out: cannot write {out}: {err.strerror or err}")
    console.print(f"Wrote {len(written)} CSV files to {escape(str(out))}.", highlight=False)


def _export_text(services: Context, fmt: ExportFormat) -> str:
    if fmt is ExportFormat.JSON:
        from sicoach.interchange.journal_json import dumps
        from sicoach.services.journal_transfer import export_journal

        return dumps(export_journal(services))
    if fmt is ExportFormat.FHIR:
        from sicoach.services.reports import export_fhir

        return export_fhir(services)
    from sicoach.services.reports import export_ics

    return export_ics(services)


def export_command(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(
        ExportFormat.JSON,
        "--format",
        metavar="FORMAT",
        case_sensitive=False,
        help="json (your whole journal), csv (a folder of tables), fhir or ics.",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        metavar="F",
        help="Where to write (a folder for csv); default: print to the screen.",
    ),
) -> None:
    """Write your journal out, to back it up, move it or share it with your clinician."""
    from rich.markup import escape

    from sicoach.interchange.files import write_atomic

    services = context(ctx)
    if fmt is ExportFormat.CSV:
        _export_csv(services, out)
        return
    if out is not None and out.is_dir():
        fail(f"--out: {out} is a folder; give a file name, e.g. {out / 'journal.json'}")
    text = _export_text(services, fmt)
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, text)
    except OSError as err:
        fail(f"--out: cannot write {out}: {err.strerror or err}")
    console.print(f"Wrote {escape(str(out))}.", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("import")(import_command)
    app.command("export")(export_command)
