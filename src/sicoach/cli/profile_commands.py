"""`sicoach profile`: show the person's details, or change them with the options."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sicoach.cli._common import console, context, fail, parse_date, parse_whole_number
from sicoach.cli.options import Sex

if TYPE_CHECKING:
    from sicoach.domain.journal import Profile


def show_profile(profile: Profile) -> None:
    """Print the profile as a two-column table."""
    from rich.markup import escape
    from rich.table import Table

    from sicoach.services.vocabulary import WEEKDAYS

    table = Table(title="Your profile", show_header=False, title_justify="left")
    table.add_column("Field", style="bold")
    table.add_column("Value")
    p = profile
    pregnancy = "no"
    if p.pregnancy is not None and p.pregnancy.status == "pregnant":
        pregnancy = f"pregnant, due {p.pregnancy.due_date}"
    elif p.pregnancy is not None:
        pregnancy = f"gave birth on {p.pregnancy.delivery_date}"
    reminder = p.plan.reminder_time.strftime("%H:%M") if p.plan.reminder_time else "none"
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
        ("Reminder", reminder),
    ]
    for name, value in rows:
        table.add_row(name, escape(value))
    console.print(table)


def _pregnancy_change(
    due: str | None, delivered: str | None, not_pregnant: bool, today: date
) -> dict[str, Any]:
    """At most one of the three pregnancy options, as a `pregnancy` change (or none)."""
    from sicoach.services.journal import Pregnancy

    if sum([due is not None, delivered is not None, not_pregnant]) > 1:
        fail(
            "--pregnant-due: choose only one of --pregnant-due, --postpartum-delivered "
            "and --not-pregnant"
        )
    if due is not None:
        return {"pregnancy": Pregnancy("pregnant", due_date=parse_date(due, "--pregnant-due"))}
    if delivered is not None:
        born = parse_date(delivered, "--postpartum-delivered", today)
        return {"pregnancy": Pregnancy("postpartum", delivery_date=born)}
    return {"pregnancy": None} if not_pregnant else {}


def _history_change(history: list[str], clear: bool, changes: dict[str, Any]) -> None:
    if clear and history:
        fail("--history: use either --history or --clear-history, not both")
    if clear:
        changes["history"] = ()
    elif history:
        changes["history"] = tuple(h.strip().lower() for h in history)


def _flag(name: str, help: str) -> Any:
    return typer.Option(f"--{name}/--no-{name}", help=help, show_default=False)


StartedOn = Annotated[
    str | None, typer.Option("--started-on", metavar="D", help="The day you began the program.")
]
BirthYear = Annotated[
    str | None, typer.Option("--birth-year", metavar="YEAR", help="The year you were born.")
]
SexOption = Annotated[
    Sex | None,
    typer.Option("--sex", metavar="SEX", case_sensitive=False, help="One of female, male, other."),
]
PregnantDue = Annotated[
    str | None,
    typer.Option("--pregnant-due", metavar="D", help="You are pregnant; your due date."),
]
Delivered = Annotated[
    str | None,
    typer.Option(
        "--postpartum-delivered",
        metavar="D",
        help="You gave birth recently; the day your baby was born.",
    ),
]
NotPregnant = Annotated[
    bool, typer.Option("--not-pregnant", help="Clear any pregnancy or birth date.")
]
SedentaryJob = Annotated[
    bool | None, _flag("sedentary-job", "Whether you sit for most of your working day.")
]
Overweight = Annotated[bool | None, _flag("overweight", "Whether you carry extra body weight.")]
FrequentLifting = Annotated[
    bool | None, _flag("frequent-lifting", "Whether you often lift heavy things.")
]
History = Annotated[
    list[str],
    typer.Option(
        "--history",
        metavar="CODE",
        help="Past health matters, repeat for more: cancer, osteoporosis, steroid_use, "
        "spine_surgery.",
    ),
]
ClearHistory = Annotated[
    bool, typer.Option("--clear-history", help="Remove all health history codes.")
]


def profile(
    ctx: typer.Context,
    started_on: StartedOn = None,
    birth_year: BirthYear = None,
    sex: SexOption = None,
    pregnant_due: PregnantDue = None,
    postpartum: Delivered = None,
    not_pregnant: NotPregnant = False,
    sedentary_job: SedentaryJob = None,
    overweight: Overweight = None,
    frequent_lifting: FrequentLifting = None,
    history: History = [],  # noqa: B006 - Typer's default for a repeatable option
    clear_history: ClearHistory = False,
) -> None:
    """Show your profile, or change it with the options."""
    from sicoach.services.commands import ChangeProfile
    from sicoach.services.handlers import execute
    from sicoach.services.journal import get_profile

    c = context(ctx)
    today = c.clock.today()
    changes: dict[str, Any] = {}
    if started_on is not None:
        changes["started_on"] = parse_date(started_on, "--started-on", today)
    if birth_year is not None:
        changes["birth_year"] = parse_whole_number(birth_year, "--birth-year")
    if sex is not None:
        changes["sex"] = sex.value
    changes.update(_pregnancy_change(pregnant_due, postpartum, not_pregnant, today))
    flags = {"sedentary_job": sedentary_job, "overweight": overweight}
    flags["frequent_lifting"] = frequent_lifting
    changes.update({name: flag for name, flag in flags.items() if flag is not None})
    _history_change(history, clear_history, changes)
    shown = execute(c, ChangeProfile(changes)) if changes else get_profile(c)
    if changes:
        console.print("Saved your profile.")
    show_profile(shown)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("profile")(profile)
