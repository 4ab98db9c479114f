"""The audit log: who did what to whose record, and when (a clinic's memory of access).

Written for every read of a journal by someone other than its owner, every program or
account change, every sign-in and failed sign-in. Personal mode has no accounts and writes
nothing here. Patients read the events about their own record ("who looked at my diary"),
admins read them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sicoach.domain.accounts import AuditEvent, Role
from sicoach.services.errors import Forbidden

if TYPE_CHECKING:
    from sicoach.services.context import Context

ACTION_WORDS = {
    "journal.read": "looked at the diary",
    "program.change": "changed the program",
    "alerts.seen": "marked the alerts as seen",
    "message.send": "wrote a message to the patient",
    "review.record": "recorded a clinician review",
    "signin": "signed in",
    "signin.failed": "a sign-in failed",
    "signout": "signed out",
    "signout.everywhere": "signed out everywhere",
    "account.add": "added the account",
    "account.disable": "turned the account off",
    "account.enable": "turned the account back on",
    "account.delete": "deleted the account",
    "account.password": "changed the password",
    "account.email": "changed the email",
    "account.invite": "made an invitation",
    "account.join": "accepted an invitation",
    "account.import": "imported a journal",
    "account.export": "downloaded the journal",
    "link.add": "linked a clinician",
    "link.remove": "unlinked a clinician",
}
"""Each action in plain words, for the audit pages."""


def record(
    ctx: Context,
    action: str,
    subject: int | None = None,
    detail: str = "",
    actor_id: int | None = None,
    actor_label: str | None = None,
) -> None:
    """Append one event in its own transaction (kept even if the request fails later).
    The actor is the signed-in person unless given; personal mode records nothing."""
    principal = ctx.principal
    if principal is None and actor_label is None:
        return
    with ctx.accounts_uow() as uow:
        uow.accounts.audit(
            ctx.clock.now(),
            actor_id if actor_id is not None else (principal.account_id if principal else None),
            actor_label if actor_label is not None else (principal.label if principal else ""),
            subject,
            action,
            detail,
        )
        uow.commit()


def events_about_me(ctx: Context, limit: int = 200) -> list[AuditEvent]:
    """The events about the signed-in person's own record."""
    principal = _signed_in(ctx)
    with ctx.accounts_uow() as uow:
        return uow.accounts.audit_events(subject_id=principal.account_id, limit=limit)


def all_events(ctx: Context, limit: int = 500) -> list[AuditEvent]:
    """Every event, newest first: admins only."""
    principal = _signed_in(ctx)
    if principal.role is not Role.ADMIN:
        raise Forbidden("only an admin reads the whole audit log")
    with ctx.accounts_uow() as uow:
        return uow.accounts.audit_events(limit=limit)


def _signed_in(ctx: Context):  # type: ignore[no-untyped-def]
    if ctx.principal is None:
        raise Forbidden("sign in first")
    return ctx.principal
