"""`sicoach people`: a clinic's accounts from the server's command line (where the first
admin is made). Passwords are prompted without echo or read from a file; never an option."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sicoach.cli._common import console, context, fail

people = typer.Typer(
    help="Accounts of a clinic (clinic mode): add, list, turn off, link, invite.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(people, name="people")


EmailOption = Annotated[str, typer.Option("--email", help="The person's email address.")]


def _read_password(password_file: Path | None) -> str:
    if password_file is not None:
        try:
            lines = password_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            fail(f"--password-file: cannot read {password_file} ({error})")
        return lines[0] if lines else ""
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@people.command("add")
def add(
    ctx: typer.Context,
    email: EmailOption,
    role: Annotated[str, typer.Option("--role", help="patient, clinician or admin.")] = "patient",
    name: Annotated[str, typer.Option("--name", help="The name others see.")] = "",
    password_file: Annotated[
        Path | None,
        typer.Option("--password-file", help="Read the password from this file's first line."),
    ] = None,
    invite: Annotated[
        bool, typer.Option("--invite", help="Set no password; print a one-time link instead.")
    ] = False,
    journal: Annotated[
        str | None,
        typer.Option("--journal", help="Give the account an existing journal (say, default)."),
    ] = None,
) -> None:
    """Add an account (the first admin is made here)."""
    from sicoach.services import accounts

    services = context(ctx)
    password = None if invite else _read_password(password_file)
    account = accounts.add_account(services, email, role, name, password, journal)
    console.print(f"Added {account.role.value} {account.email} (account {account.id}).")
    if invite:
        _print_invitation(services, accounts.reset_invitation(services, account.id).token)


def _print_invitation(services: object, token: str) -> None:
    base = getattr(getattr(services, "settings", None), "public_url", None) or ""
    console.print(f"One-time link (valid 7 days): {base}/join/{token}", soft_wrap=True)


@people.command("list")
def list_people(ctx: typer.Context) -> None:
    """List every account, with its role and whether it is turned off."""
    from sicoach.services import accounts

    services = context(ctx)
    found = accounts.list_accounts(services)
    if not found:
        console.print("No accounts yet. Add the first admin with: sicoach people add --role admin")
        return
    for account in found:
        state = "off" if account.disabled else ("on" if account.has_password else "invited")
        console.print(
            f"{account.id:>4}  {account.role.value:<9}  {state:<7}  {account.email}"
            f"{'  ' + account.display_name if account.display_name else ''}",
            highlight=False,
        )


@people.command("disable")
def disable(ctx: typer.Context, email: EmailOption) -> None:
    """Turn an account off: it cannot sign in, and its sessions end now."""
    from sicoach.services import accounts

    services = context(ctx)
    account = accounts.set_disabled(services, accounts.find_account(services, email).id, True)
    console.print(f"Turned off {account.email}; its sessions have ended.")


@people.command("link")
def link(
    ctx: typer.Context,
    clinician: Annotated[str, typer.Option("--clinician", help="The clinician's email.")],
    patient: Annotated[str, typer.Option("--patient", help="The patient's email.")],
) -> None:
    """Link a clinician to a patient, so the clinician can follow their journal."""
    from sicoach.services import accounts

    services = context(ctx)
    doc = accounts.find_account(services, clinician)
    pat = accounts.find_account(services, patient)
    accounts.link(services, doc.id, pat.id)
    console.print(f"{doc.email} now follows {pat.email}.")


@people.command("reset")
def reset(ctx: typer.Context, email: EmailOption) -> None:
    """A new one-time link for someone who lost their password."""
    from sicoach.services import accounts

    services = context(ctx)
    account = accounts.find_account(services, email)
    _print_invitation(services, accounts.reset_invitation(services, account.id).token)


@people.command("refresh")
def refresh(ctx: typer.Context) -> None:
    """Rebuild everyone's stored state from their journals: after an upgrade, or nightly.

    The state is each person's plan history and worklist line (safety, adherence, last seen).

    Every write keeps it current; "stopped" and "this week" move with the clock, hence nightly.
    """
    from rich.progress import Progress

    from sicoach.services.person_state import rebuild_everyone

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("Rebuilding", total=None)
        people, _ = rebuild_everyone(
            context(ctx), lambda done, total: bar.update(task, completed=done, total=total)
        )
    console.print(f"Rebuilt the state of {people} {'person' if people == 1 else 'people'}.")
