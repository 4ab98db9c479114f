"""`sicoach review`: record a visit to a doctor, physio or midwife and what they advised.

A thin face over `sicoach.services.reviews`: the service owns the rule (what a review
settles, when the explicit yes is needed); this module turns options into a call and the
result into words.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from sicoach.cli._common import console, context, fail, parse_date
from sicoach.cli.options import DateOption

if TYPE_CHECKING:
    from datetime import date

    from sicoach.domain.safety import Assessment
    from sicoach.services.context import Context

_HELP = (
    "Record that a doctor, physio or midwife checked you, and what they advised.\n\n"
    "--advice carry_on (carry on as before), gently (carry on gently: your routine starts "
    "again at the easiest level) or stop (stop the exercises until they say otherwise). "
    "The visit settles the warning signs you reported on or before its date; a sign you "
    "report after it counts again at once. If you reported an emergency sign, add --yes "
    "to confirm that this visit checked it. With no --advice, lists the signs not yet "
    "checked."
)


def _list_open_signs(services: Context, day: date | None) -> None:
    """The warning signs waiting for a check, and how to record a visit."""
    from sicoach.services.reviews import open_signs

    signs = open_signs(services, day)
    if not signs:
        console.print("No warning sign in your record is waiting for a check.")
        return
    console.print("Warning signs not yet checked by a doctor, physio or midwife:")
    for sign in signs:
        console.print(
            f"  - {sign.words} (last noted {sign.last_reported.isoformat()}"
            f"{'; emergency sign' if sign.emergency else ''})",
            highlight=False,
        )
    console.print("Record a visit with: sicoach review --date D --advice carry_on|gently|stop")


def _confirm_and_record(services: Context, day: date | None, advice: str, note: str) -> Assessment:
    """At a terminal, ask for the explicit yes an emergency sign needs instead of failing."""
    from sicoach.cli.safety_views import ask
    from sicoach.services.reviews import open_signs, record_review

    named = "; ".join(s.words for s in open_signs(services, day) if s.emergency)
    console.print(f"You reported an emergency sign: {named}.", highlight=False)
    if not ask("Did they check you for it at this visit?"):
        fail("--yes: not confirmed, so the visit was not saved; the sign stays open")
    return record_review(services, day, advice, note, emergency_checked=True)


def review(
    ctx: typer.Context,
    on: DateOption = None,
    advice: str | None = typer.Option(
        None, "--advice", metavar="ADVICE", help="What they advised: carry_on, gently or stop."
    ),
    note: str = typer.Option("", "--note", help="Anything you want to keep from the visit."),
    yes: bool = typer.Option(
        False, "--yes", help="Confirm that this visit checked the emergency sign you reported."
    ),
) -> None:
    """Record a clinician review (help text in _HELP: rich help keeps line breaks)."""
    from sicoach.cli.safety_views import render_assessment
    from sicoach.services.errors import InputError
    from sicoach.services.reviews import ADVICE_WORDS, record_review

    services = context(ctx)
    day = parse_date(on, "--date", services.clock.today())
    if advice is None:
        _list_open_signs(services, day)
        return
    if advice not in ADVICE_WORDS:
        fail(f"--advice: {advice!r} is not an advice; use one of {', '.join(ADVICE_WORDS)}")
    try:
        assessment = record_review(services, day, advice, note, emergency_checked=yes)
    except InputError as err:
        if err.field != "yes" or not sys.stdin.isatty():
            raise
        assessment = _confirm_and_record(services, day, advice, note)
    when = (day or services.clock.today()).isoformat()
    console.print(f"Saved: checked on {when}, advised to {ADVICE_WORDS[advice]}.", highlight=False)
    render_assessment(console, assessment)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("review", help=_HELP)(review)
