"""Commands of the journal area: checkin, activity, profile, history, import, export.

Each command parses its options, calls one service in `sicoach.services.journal` and
prints the result; `InputError` becomes one line on stderr and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.markup import escape
from rich.table import Table

from sicoach.cli._common import (
    console,
    context,
    fail,
    fail_input,
    parse_date,
    parse_whole_number,
)
from sicoach.domain.journal import Pregnancy, Profile
from sicoach.domain.vocabulary import ACTIVITY_KINDS, HISTORY_CODES, SEXES, WEEKDAYS
from sicoach.services.errors import ConflictError, InputError

PROGRESS_THRESHOLD = 300
"""Imports with more records than this show a progress bar."""

_OPTION_NAMES = {
    "pain": "--pain",
    "worst_pain": "--worst",
    "mobility": "--mobility",
    "symptoms": "--symptom",
    "note": "--note",
    "date": "--date",
    "kind": "KIND",
    "minutes": "MINUTES",
    "started_on": "--started-on",
    "birth_year": "--birth-year",
    "sex": "--sex",
    "history": "--history",
    "pregnancy.due_date": "--pregnant-due",
    "pregnancy.delivery_date": "--postpartum-delivered",
    "days": "--days",
}


_HINTS = {
    "symptoms": " (see the codes and what they mean with: sicoach symptoms)",
    "history": f" (use one of {', '.join(HISTORY_CODES)})",
}


def _fail_input(error: InputError) -> NoReturn:
    fail_input(error, _OPTION_NAMES, _HINTS)


def _count(number: int, one: str, many: str | None = None) -> str:
    """A count with its noun (1 check-in, 2 check-ins), so summaries read as sentences."""
    return f"{number} {one if number == 1 else many or one + 's'}"


def _rating(value: int | None) -> str:
    return "-" if value is None else f"{value}/10"


def show_profile(profile: Profile) -> None:
    """Print the profile as a two-column table."""
    table = Table(title="Your profile", show_header=False, title_justify="left")
    table.add_column("Field", style="bold")
    table.add_column("Value")
    p = profile
    pregnancy = "no"
    if p.pregnancy is not None and p.pregnancy.status == "pregnant":
        pregnancy = f"pregnant, due {p.pregnancy.due_date}"
    elif p.pregnancy is not None:
        pregnancy = f"gave birth on {p.pregnancy.delivery_date}"
    rows = [
        ("Started on", p.started_on.isoformat()),
        ("Birth year", str(p.birth_year) if p.birth_year else "not set"),
        ("Sex", p.sex or "not set"),
        ("Pregnancy", pregnancy),
        ("Sitting job", "yes" if p.sedentary_job else "no"),
        ("Overweight", "yes" if p.overweight else "no"),
        ("Lifts heavy things often", "yes" if p.frequent_lifting else "no"),
        ("Health history", ", ".join(p.history) or "none"),
        ("Training days", ", ".join(WEEKDAYS[d] for d in p.plan.training_days) or "none"),
        ("Left out", ", ".join(p.plan.left_out) or "nothing"),
        (
            "Reminder",
            p.plan.reminder_time.strftime("%H:%M") if p.plan.reminder_time else "none",
        ),
    ]
    for name, value in rows:
        table.add_row(name, escape(value))
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""

    @app.command("checkin")
    def checkin(
        ctx: typer.Context,
        pain: str = typer.Option(
            ..., "--pain", metavar="N", help="Your pain right now, 0 (none) to 10 (worst)."
        ),
        worst: str | None = typer.Option(
            None, "--worst", metavar="N", help="Your worst pain today, 0 to 10."
        ),
        mobility: str | None = typer.Option(
            None,
            "--mobility",
            metavar="N",
            help="How freely you move today, 0 (hardly) to 10 (freely).",
        ),
        symptom: list[str] = typer.Option(
            [],
            "--symptom",
            metavar="CODE",
            help="A symptom you have today; repeat for more. See `sicoach symptoms`.",
        ),
        note: str = typer.Option("", "--note", help="A few words about your day, if you like."),
        on: str | None = typer.Option(
            None, "--date", metavar="D", help="The day (YYYY-MM-DD); default today."
        ),
    ) -> None:
        """Record how you feel today. A second check-in on the same day replaces the first."""
        from sicoach.services.journal import log_checkin

        c = context(ctx)
        day = parse_date(on, "--date", c.clock.today())
        try:
            saved, replaced = log_checkin(
                c,
                pain=parse_whole_number(pain, "--pain"),
                worst_pain=parse_whole_number(worst, "--worst"),
                mobility=parse_whole_number(mobility, "--mobility"),
                symptoms=symptom,
                note=note,
                day=day,
            )
        except InputError as err:
            _fail_input(err)
        verb = "Replaced your earlier check-in" if replaced else "Saved your check-in"
        parts = [f"pain {_rating(saved.pain)}"]
        if saved.worst_pain is not None:
            parts.append(f"worst {_rating(saved.worst_pain)}")
        if saved.mobility is not None:
            parts.append(f"moving {_rating(saved.mobility)}")
        console.print(f"{verb} for {saved.date}: {', '.join(parts)}.", highlight=False)
        if saved.symptoms:
            console.print(f"Symptoms: {escape(', '.join(saved.symptoms))}.", highlight=False)
        kept = [s for s in saved.symptoms if s not in symptom]
        if kept:
            console.print(
                f"We kept the warning signs you reported earlier today ({escape(', '.join(kept))}),"
                " so the safety check still sees them.",
                highlight=False,
            )
        from sicoach.cli.safety_commands import show_safety_if_raised

        show_safety_if_raised(c, saved.date)

    @app.command("activity")
    def activity(
        ctx: typer.Context,
        kind: str = typer.Argument(
            ..., metavar="KIND", help=f"What you did: {', '.join(ACTIVITY_KINDS)}."
        ),
        minutes: str = typer.Argument(..., metavar="MINUTES", help="How many minutes."),
        on: str | None = typer.Option(
            None, "--date", metavar="D", help="The day (YYYY-MM-DD); default today."
        ),
    ) -> None:
        """Log a walk, swim, bike ride or other gentle activity, in minutes."""
        from sicoach.services.journal import log_activity

        c = context(ctx)
        day = parse_date(on, "--date", c.clock.today())
        try:
            saved = log_activity(
                c, kind.strip().lower(), parse_whole_number(minutes, "MINUTES"), day=day
            )
        except InputError as err:
            _fail_input(err)
        console.print(
            f"Logged {saved.minutes} minutes of {saved.kind.replace('_', ' ')} on {saved.date}.",
            highlight=False,
        )

    @app.command("profile")
    def profile(
        ctx: typer.Context,
        started_on: str | None = typer.Option(
            None, "--started-on", metavar="D", help="The day you began the program."
        ),
        birth_year: str | None = typer.Option(
            None, "--birth-year", metavar="YEAR", help="The year you were born."
        ),
        sex: str | None = typer.Option(None, "--sex", help=f"One of {', '.join(SEXES)}."),
        pregnant_due: str | None = typer.Option(
            None, "--pregnant-due", metavar="D", help="You are pregnant; your due date."
        ),
        postpartum: str | None = typer.Option(
            None,
            "--postpartum-delivered",
            metavar="D",
            help="You gave birth recently; the day your baby was born.",
        ),
        not_pregnant: bool = typer.Option(
            False, "--not-pregnant", help="Clear any pregnancy or birth date."
        ),
        sedentary_job: bool | None = typer.Option(
            None,
            "--sedentary-job/--no-sedentary-job",
            help="Whether you sit for most of your working day.",
            show_default=False,
        ),
        overweight: bool | None = typer.Option(
            None,
            "--overweight/--no-overweight",
            help="Whether you carry extra body weight.",
            show_default=False,
        ),
        frequent_lifting: bool | None = typer.Option(
            None,
            "--frequent-lifting/--no-frequent-lifting",
            help="Whether you often lift heavy things.",
            show_default=False,
        ),
        history: list[str] = typer.Option(
            [],
            "--history",
            metavar="CODE",
            help=f"Past health matters, repeat for more: {', '.join(HISTORY_CODES)}.",
        ),
        clear_history: bool = typer.Option(
            False, "--clear-history", help="Remove all health history codes."
        ),
    ) -> None:
        """Show your profile, or change it with the options."""
        from sicoach.services.journal import get_profile, update_profile

        c = context(ctx)
        today = c.clock.today()
        changes: dict[str, Any] = {}
        if started_on is not None:
            changes["started_on"] = parse_date(started_on, "--started-on", today)
        if birth_year is not None:
            changes["birth_year"] = parse_whole_number(birth_year, "--birth-year")
        if sex is not None:
            changes["sex"] = sex.strip().lower()
        chosen = sum([pregnant_due is not None, postpartum is not None, not_pregnant])
        if chosen > 1:
            fail(
                "--pregnant-due: choose only one of --pregnant-due, --postpartum-delivered "
                "and --not-pregnant"
            )
        if pregnant_due is not None:
            due = parse_date(pregnant_due, "--pregnant-due")
            changes["pregnancy"] = Pregnancy("pregnant", due_date=due)
        if postpartum is not None:
            born = parse_date(postpartum, "--postpartum-delivered", today)
            changes["pregnancy"] = Pregnancy("postpartum", delivery_date=born)
        if not_pregnant:
            changes["pregnancy"] = None
        for name, flag in (
            ("sedentary_job", sedentary_job),
            ("overweight", overweight),
            ("frequent_lifting", frequent_lifting),
        ):
            if flag is not None:
                changes[name] = flag
        if clear_history and history:
            fail("--history: use either --history or --clear-history, not both")
        if clear_history:
            changes["history"] = ()
        elif history:
            changes["history"] = tuple(h.strip().lower() for h in history)
        try:
            shown = update_profile(c, **changes) if changes else get_profile(c)
        except InputError as err:
            _fail_input(err)
        if changes:
            console.print("Saved your profile.")
        show_profile(shown)

    @app.command("history")
    def history_command(
        ctx: typer.Context,
        days: str = typer.Option("14", "--days", metavar="N", help="How many days to show."),
    ) -> None:
        """Show your recent days: pain, movement, symptoms, sessions and activity."""
        from sicoach.services.views import day_rows

        c = context(ctx)
        try:
            rows = day_rows(c, parse_whole_number(days, "--days") or 0)
        except InputError as err:
            _fail_input(err)
        table = Table(title=f"Your last {len(rows)} days", title_justify="left")
        table.add_column("Date", no_wrap=True)
        for name in ("Pain", "Worst", "Moving", "Symptoms", "Sessions", "Active min"):
            table.add_column(name, overflow="fold")
        for row in rows:
            ci = row.checkin
            sessions = str(row.sessions) if row.sessions else "-"
            if row.partial_sessions:
                sessions += f" (+{row.partial_sessions} unfinished)"
            table.add_row(
                f"{row.date:%a} {row.date.isoformat()}",
                _rating(ci.pain) if ci else "-",
                _rating(ci.worst_pain) if ci else "-",
                _rating(ci.mobility) if ci else "-",
                escape(", ".join(ci.symptoms)) if ci and ci.symptoms else "-",
                sessions,
                str(row.activity_minutes) if row.activity_minutes else "-",
            )
        console.print(table)
        if not any(r.checkin or r.sessions or r.activity_minutes for r in rows):
            console.print("Nothing logged yet. Start with: sicoach checkin --pain N")

    @app.command("import")
    def import_command(
        ctx: typer.Context,
        file: Path = typer.Argument(
            ..., metavar="FILE", help="A journal file written by `sicoach export`."
        ),
        replace: bool = typer.Option(
            False,
            "--replace",
            help="Let the file's records replace yours on the days the file covers.",
        ),
    ) -> None:
        """Read a journal file into your record, all at once or not at all."""
        from sicoach.services.journal import import_journal

        c = context(ctx)
        if not file.is_file():
            fail(f"FILE: {file} is not a file")
        bar: dict[str, Any] = {}

        def progress(done: int, total: int) -> None:
            if total <= PROGRESS_THRESHOLD:
                return
            if not bar:
                from rich.progress import Progress

                bar["p"] = Progress(console=console, transient=False)
                bar["p"].start()
                bar["task"] = bar["p"].add_task("Importing", total=total)
            bar["p"].update(bar["task"], completed=done)

        try:
            summary = import_journal(c, file, replace=replace, progress=progress)
        except ConflictError as err:
            fail(
                f"{err.field}: {err.message}; add --replace to let the file's "
                "records take the place of yours on the days it covers"
            )
        except InputError as err:
            _fail_input(err)
        finally:
            if bar:
                bar["p"].stop()
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

    @app.command("export")
    def export_command(
        ctx: typer.Context,
        fmt: str = typer.Option(
            "json",
            "--format",
            metavar="FORMAT",
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
        c = context(ctx)
        fmt = fmt.strip().lower()
        if fmt not in ("json", "csv", "fhir", "ics"):
            fail(f"--format: {fmt!r} is not one of json, csv, fhir, ics")
        if fmt == "csv":
            if out is None:
                fail("--out: csv writes several files; give a folder with --out")
            from sicoach.services.reports import export_csv

            if out.exists() and not out.is_dir():
                fail(f"--out: {out} is a file; csv needs a folder")
            try:
                out.mkdir(parents=True, exist_ok=True)
                written = export_csv(c, out)
            except OSError as err:
                fail(f"--out: cannot write {out}: {err.strerror or err}")
            console.print(f"Wrote {len(written)} CSV files to {escape(str(out))}.", highlight=False)
            return
        if out is not None and out.is_dir():
            fail(f"--out: {out} is a folder; give a file name, e.g. {out / 'journal.json'}")
        if fmt == "json":
            from sicoach.interchange.journal_json import dumps
            from sicoach.services.journal import export_journal

            text = dumps(export_journal(c))
        elif fmt == "fhir":
            from sicoach.services.reports import export_fhir

            text = export_fhir(c)
        else:
            from sicoach.services.reports import export_ics

            text = export_ics(c)
        if out is None:
            typer.echo(text, nl=not text.endswith("\n"))
            return
        from sicoach.interchange.files import write_atomic

        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(out, text)
        except OSError as err:
            fail(f"--out: cannot write {out}: {err.strerror or err}")
        console.print(f"Wrote {escape(str(out))}.", highlight=False)
