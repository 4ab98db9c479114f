"""Commands of the journal area: checkin, activity and history.

Each command parses its options, calls one service and prints the result; a service error
becomes one line on stderr by its type (`sicoach.cli.errors`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sicoach.cli._common import console, context, fail, parse_date, parse_whole_number
from sicoach.cli.options import ActivityKind, DateOption

KINDS = ", ".join(kind.value for kind in ActivityKind)

if TYPE_CHECKING:
    from datetime import date

    from sicoach.domain.journal import CheckIn
    from sicoach.services.context import Context
    from sicoach.services.views import DayRow


def rating(value: int | None) -> str:
    """A 0-10 rating as "4/10", or "-" when not given."""
    return "-" if value is None else f"{value}/10"


def show_note_signs(c: Context, day: date) -> None:
    """Right after saving: what the note was found to say, action first, and how to undo."""
    from sicoach.cli.note_signs_view import render_note_reading
    from sicoach.services.notes import note_reading

    render_note_reading(console, note_reading(c, day), ask_not_so=True)


def _dismiss_note_signs(c: Context, codes: list[str], day: date) -> None:
    from rich.markup import escape

    from sicoach.cli.note_signs_view import render_note_reading
    from sicoach.cli.safety_views import show_safety_if_raised
    from sicoach.services.commands import DismissNoteSign
    from sicoach.services.handlers import execute

    reading = None
    for code in codes:
        reading = execute(c, DismissNoteSign(code=code, day=day))
    assert reading is not None
    console.print(
        f"Noted: your note of {reading.day} does not mean {escape(', '.join(reading.dismissed))}.",
        highlight=False,
    )
    render_note_reading(console, reading, ask_not_so=True)
    show_safety_if_raised(c, reading.day)


NoteOption = Annotated[
    str,
    typer.Option(
        "--note", help="A few words about your day, if you like. It is read for warning signs."
    ),
]
NotSoOption = Annotated[
    list[str] | None,
    typer.Option(
        "--not-so",
        metavar="CODE",
        help="A warning sign read from your note that is not so; repeat for more. "
        "Use it alone (with --date for another day): it changes the saved check-in.",
    ),
]


def checkin(
    ctx: typer.Context,
    pain: str | None = typer.Option(
        None,
        "--pain",
        metavar="N",
        help="Your pain right now, 0 (none) to 10 (worst). Needed for a check-in.",
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
    note: NoteOption = "",
    not_so: NotSoOption = None,
    on: DateOption = None,
) -> None:
    """Record how you feel today. A second check-in on the same day replaces the first.

    Your note is read for warning signs ("both legs are numb"): they count as ticked.

    If your note does not mean a sign it was found to say: --not-so CODE.
    """
    c = context(ctx)
    day = parse_date(on, "--date", c.clock.today())
    if not_so:
        if pain is not None or worst is not None or mobility is not None or symptom or note:
            fail("--not-so: use it on its own (with --date for another day)")
        _dismiss_note_signs(c, not_so, day)
        return
    if pain is None:
        fail("--pain: is needed for a check-in (0 to 10)")
    _save_checkin(c, day, pain, worst, mobility, symptom, note)


def _save_checkin(
    c: Context,
    day: date,
    pain: str,
    worst: str | None,
    mobility: str | None,
    symptom: list[str],
    note: str,
) -> None:
    """Save the check-in, then say what was saved, what the note says, and the safety level."""
    from sicoach.cli.safety_views import show_safety_if_raised
    from sicoach.services.commands import LogCheckIn
    from sicoach.services.handlers import execute

    command = LogCheckIn(
        pain=parse_whole_number(pain, "--pain"),
        worst_pain=parse_whole_number(worst, "--worst"),
        mobility=parse_whole_number(mobility, "--mobility"),
        symptoms=tuple(symptom),
        note=note,
        day=day,
    )
    saved, replaced = execute(c, command)
    _said_checkin(saved, replaced, symptom)
    if saved.note_symptoms:
        show_note_signs(c, saved.date)
    show_safety_if_raised(c, saved.date)


def _said_checkin(saved: CheckIn, replaced: bool, typed: list[str]) -> None:
    """What was saved, and any warning signs kept from an earlier check-in that day."""
    from rich.markup import escape

    verb = "Replaced your earlier check-in" if replaced else "Saved your check-in"
    parts = [f"pain {rating(saved.pain)}"]
    if saved.worst_pain is not None:
        parts.append(f"worst {rating(saved.worst_pain)}")
    if saved.mobility is not None:
        parts.append(f"moving {rating(saved.mobility)}")
    console.print(f"{verb} for {saved.date}: {', '.join(parts)}.", highlight=False)
    symptoms = saved.symptoms
    if symptoms:
        console.print(f"Symptoms: {escape(', '.join(symptoms))}.", highlight=False)
    kept = [s for s in symptoms if s not in typed and s not in saved.note_symptoms]
    if kept:
        console.print(
            f"We kept the warning signs you reported earlier today ({escape(', '.join(kept))}),"
            " so the safety check still sees them.",
            highlight=False,
        )


def activity(
    ctx: typer.Context,
    kind: Annotated[
        ActivityKind,
        typer.Argument(metavar="KIND", help=f"What you did: {KINDS}.", case_sensitive=False),
    ],
    minutes: Annotated[str, typer.Argument(metavar="MINUTES", help="How many minutes.")],
    on: DateOption = None,
) -> None:
    """Log a walk, swim, bike ride or other gentle activity, in minutes."""
    from sicoach.services.commands import LogActivity
    from sicoach.services.handlers import execute

    c = context(ctx)
    day = parse_date(on, "--date", c.clock.today())
    saved = execute(c, LogActivity(kind.value, parse_whole_number(minutes, "MINUTES"), day=day))
    console.print(
        f"Logged {saved.minutes} minutes of {saved.kind.replace('_', ' ')} on {saved.date}.",
        highlight=False,
    )


def history(
    ctx: typer.Context,
    days: str = typer.Option("14", "--days", metavar="N", help="How many days to show."),
) -> None:
    """Show your recent days: pain, movement, symptoms, sessions and activity."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from sicoach.services.views import day_rows

    c = context(ctx)
    rows = day_rows(c, parse_whole_number(days, "--days") or 0)
    labels = {code.code: code.label for code in c.catalog.symptoms}
    # Columns wrap between words only: numbers never wrap, and a header is as wide as its
    # longest word, so a narrow terminal never shows "Wors / t".
    table = Table(title=f"Your last {len(rows)} days", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Date", no_wrap=True)
    for name in ("Pain", "Worst", "Moving"):
        table.add_column(name, no_wrap=True, justify="right", min_width=len(name))
    table.add_column("Symptoms", min_width=len("Symptoms"), ratio=1)
    table.add_column("Sessions", min_width=len("Sessions"))
    table.add_column("Active min", min_width=len("Active"), justify="right")
    for row in rows:
        ci = row.checkin
        sessions = str(row.sessions) if row.sessions else "-"
        if row.partial_sessions:
            sessions += f" (+{row.partial_sessions} unfinished)"
        symptoms = [labels.get(code, code.replace("_", " ")) for code in ci.symptoms] if ci else []
        table.add_row(
            f"{row.date:%a %d %b}",
            rating(ci.pain) if ci else "-",
            rating(ci.worst_pain) if ci else "-",
            rating(ci.mobility) if ci else "-",
            escape(", ".join(symptoms)) if symptoms else "-",
            sessions,
            str(row.activity_minutes) if row.activity_minutes else "-",
        )
    if console.width >= HISTORY_TABLE_WIDTH:
        console.print(table)
    else:
        _history_lines(rows, labels)
    if not any(r.checkin or r.sessions or r.activity_minutes for r in rows):
        console.print("Nothing logged yet. Start with: sicoach checkin --pain N")


HISTORY_TABLE_WIDTH = 76
"""Below this many columns the table would drop or squeeze columns: one line a day instead."""


def _history_lines(rows: list[DayRow], labels: dict[str, str]) -> None:
    """One line a day in plain words, wrapped between words by the terminal's width."""
    from rich.markup import escape

    console.print(f"[bold]Your last {len(rows)} days[/]", highlight=False)
    for row in rows:
        ci = row.checkin
        parts = []
        if ci and ci.pain is not None:
            worst = f" (worst {rating(ci.worst_pain)})" if ci.worst_pain is not None else ""
            parts.append(f"pain {rating(ci.pain)}{worst}")
        if ci and ci.mobility is not None:
            parts.append(f"moving {rating(ci.mobility)}")
        if row.sessions:
            parts.append(f"{row.sessions} session{'s' if row.sessions != 1 else ''}")
        if row.partial_sessions:
            parts.append(f"{row.partial_sessions} unfinished")
        if row.activity_minutes:
            parts.append(f"{row.activity_minutes} active minutes")
        if ci and ci.symptoms:
            named = ", ".join(labels.get(c, c.replace("_", " ")) for c in ci.symptoms)
            parts.append(f"symptoms: {named}")
        text = "; ".join(parts) if parts else "nothing logged"
        console.print(f"{row.date:%a %d %b}: {escape(text)}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    from sicoach.cli import profile_commands, transfer_commands

    app.command("checkin")(checkin)
    app.command("activity")(activity)
    profile_commands.register(app)
    app.command("history")(history)
    transfer_commands.register(app)
