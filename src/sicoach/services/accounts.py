"""Accounts of a clinic: people, roles, care links, invitations, passwords, deletion.

Every call names who acts (`ctx.principal`; None on the command line, which is the
server's owner) and checks the policy here, never in a face: admins manage accounts and
links, clinicians invite and import patients (linked to them), everyone manages their own
password. Every change is written to the audit log.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sicoach.domain.accounts import Account, Role
from sicoach.services import audit, passwords
from sicoach.services.errors import Conflict, Forbidden, InputError, NotFound

if TYPE_CHECKING:
    from sicoach.services.context import Context

INVITATION_DAYS = 7
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,63}$")


def token_hash(token: str) -> str:
    """How a secret token (invitation, session) is stored: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str, field: str = "email") -> str:
    value = email.strip().lower()
    if not EMAIL.match(value):
        raise InputError(field, "enter an email address like name@example.org")
    return value


def parse_role(value: str, field: str = "role") -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise InputError(field, f"{value!r} is not a role; use {allowed}") from None


def _acting_role(ctx: Context) -> Role | None:
    """The acting person's role; None for the server's owner at the command line."""
    return None if ctx.principal is None else ctx.principal.role


def _require_admin(ctx: Context) -> None:
    if _acting_role(ctx) not in (None, Role.ADMIN):
        raise Forbidden("only an admin manages accounts")


def add_account(
    ctx: Context,
    email: str,
    role: str,
    display_name: str = "",
    password: str | None = None,
    journal: str | None = None,
) -> Account:
    """A new account (an admin's or the command line's). With no password it can only be
    joined through an invitation. `journal` names an existing journal it takes over."""
    _require_admin(ctx)
    address = normal_email(email)
    kind = parse_role(role)
    name = display_name.strip()[:100]
    hashed = None
    if password is not None:
        passwords.check_new_password(password, address)
        hashed = passwords.hash_password(password)
    with ctx.accounts_uow() as uow:
        if uow.accounts.by_email(address) is not None:
            raise Conflict("email", "an account with this email exists already")
        if journal is not None and uow.accounts.journal_owned(journal):
            raise Conflict("journal", "that journal belongs to an account already")
        new_id = uow.accounts.add(address, name, kind, hashed, ctx.clock.now(), journal)
        uow.commit()
        account = uow.accounts.get(new_id)
    assert account is not None
    audit.record(ctx, "account.add", subject=new_id, detail=kind.value, actor_label=_label(ctx))
    return account


def _label(ctx: Context) -> str:
    return ctx.principal.label if ctx.principal else "the server's owner"


def list_accounts(ctx: Context) -> list[Account]:
    _require_admin(ctx)
    with ctx.accounts_uow() as uow:
        return uow.accounts.all()


def find_account(ctx: Context, email: str) -> Account:
    with ctx.accounts_uow() as uow:
        account = uow.accounts.by_email(normal_email(email))
    if account is None:
        raise NotFound("account", email.strip().lower())
    return account


def get_account(ctx: Context, account_id: int) -> Account:
    with ctx.accounts_uow() as uow:
        account = uow.accounts.get(account_id)
    if account is None:
        raise NotFound("account", account_id)
    return account


def set_disabled(ctx: Context, account_id: int, disabled: bool) -> Account:
    """Turn an account off (its sessions end) or back on: admins only."""
    _require_admin(ctx)
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        if uow.accounts.get(account_id) is None:
            raise NotFound("account", account_id)
        uow.accounts.set_disabled(account_id, disabled)
        if disabled:
            uow.accounts.revoke_sessions_of(account_id, now)
        uow.commit()
    action = "account.disable" if disabled else "account.enable"
    audit.record(ctx, action, subject=account_id, actor_label=_label(ctx))
    return get_account(ctx, account_id)


def link(ctx: Context, clinician_id: int, patient_id: int) -> None:
    """Link a clinician to a patient (admins, or a clinician linking themself by invitation)."""
    _require_admin(ctx)
    with ctx.accounts_uow() as uow:
        clinician, patient = uow.accounts.get(clinician_id), uow.accounts.get(patient_id)
        if clinician is None or clinician.role is Role.PATIENT:
            raise InputError("clinician", "choose a clinician's account")
        if patient is None or patient.role is not Role.PATIENT:
            raise InputError("patient", "choose a patient's account")
        added = uow.accounts.link(clinician_id, patient_id, ctx.clock.now())
        uow.commit()
    if added:
        audit.record(
            ctx, "link.add", subject=patient_id, detail=clinician.email, actor_label=_label(ctx)
        )


def unlink(ctx: Context, clinician_id: int, patient_id: int) -> None:
    _require_admin(ctx)
    with ctx.accounts_uow() as uow:
        uow.accounts.unlink(clinician_id, patient_id)
        uow.commit()
    audit.record(ctx, "link.remove", subject=patient_id, actor_label=_label(ctx))


def links(ctx: Context) -> list[tuple[int, int]]:
    _require_admin(ctx)
    with ctx.accounts_uow() as uow:
        return uow.accounts.links()


def my_patients(ctx: Context) -> list[Account]:
    """The patients linked to the signed-in clinician."""
    if ctx.principal is None or ctx.principal.role not in (Role.CLINICIAN, Role.ADMIN):
        raise Forbidden("only a clinician has patients")
    with ctx.accounts_uow() as uow:
        return uow.accounts.patients_of(ctx.principal.account_id)


@dataclass(frozen=True)
class Invited:
    """A new invitation: the account it opens and the one-time token (shown once)."""

    account: Account
    token: str
    expires_at: datetime


def invite_patient(ctx: Context, email: str, display_name: str = "") -> Invited:
    """A clinician invites a patient: a new patient account linked to them (or, for an
    existing patient of theirs, a password reset) and a one-time token."""
    principal = ctx.principal
    if principal is not None and principal.role is not Role.CLINICIAN:
        raise Forbidden("only a clinician invites patients")
    address = normal_email(email)
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        existing = uow.accounts.by_email(address)
        if existing is None:
            account_id = uow.accounts.add(
                address, display_name.strip()[:100], Role.PATIENT, None, now
            )
        elif (
            existing.role is Role.PATIENT
            and principal is not None
            and uow.accounts.linked(principal.account_id, existing.id)
        ):
            account_id = existing.id
        else:
            raise Conflict("email", "an account with this email exists already")
        if principal is not None:
            uow.accounts.link(principal.account_id, account_id, now)
        token = _new_invitation(uow, account_id, Role.PATIENT, principal, now)
        uow.commit()
        account = uow.accounts.get(account_id)
    assert account is not None
    audit.record(ctx, "account.invite", subject=account_id, actor_label=_label(ctx))
    return Invited(account, token, now + timedelta(days=INVITATION_DAYS))


def reset_invitation(ctx: Context, account_id: int) -> Invited:
    """A password reset is a new invitation: by an admin, or a patient's linked clinician."""
    principal = ctx.principal
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        account = uow.accounts.get(account_id)
        if account is None:
            raise NotFound("account", account_id)
        may = principal is None or principal.role is Role.ADMIN
        if principal is not None and principal.role is Role.CLINICIAN:
            may = uow.accounts.linked(principal.account_id, account_id)
        if not may:
            raise NotFound("account", account_id)
        token = _new_invitation(uow, account_id, account.role, principal, now)
        uow.commit()
    audit.record(ctx, "account.invite", subject=account_id, detail="reset", actor_label=_label(ctx))
    return Invited(account, token, now + timedelta(days=INVITATION_DAYS))


def _new_invitation(
    uow: object, account_id: int, role: Role, principal: object, now: datetime
) -> str:
    token = secrets.token_urlsafe(32)
    inviter = getattr(principal, "account_id", None)
    uow.accounts.add_invitation(  # type: ignore[attr-defined]
        token_hash(token), account_id, role, inviter, now, now + timedelta(days=INVITATION_DAYS)
    )
    return token


def invitation_account(ctx: Context, token: str) -> Account:
    """The account an invitation opens, if the token is usable; else `NotFound`."""
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        found = uow.accounts.invitation(token_hash(token))
        if found is None or not found.usable_at(now):
            raise NotFound("invitation", "link")
        account = uow.accounts.get(found.account_id)
    if account is None or account.disabled:
        raise NotFound("invitation", "link")
    return account


def accept_invitation(ctx: Context, token: str, password: str, confirm: str) -> Account:
    """Set the password through a one-time invitation (used up, and earlier sessions end)."""
    account = invitation_account(ctx, token)
    if password != confirm:
        raise InputError("confirm", "the two passwords are not the same")
    passwords.check_new_password(password, account.email)
    hashed = passwords.hash_password(password)
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        found = uow.accounts.invitation(token_hash(token))
        if found is None or not found.usable_at(now):
            raise NotFound("invitation", "link")
        uow.accounts.use_invitation(found.id, now)
        uow.accounts.set_password_hash(account.id, hashed)
        uow.accounts.revoke_sessions_of(account.id, now)
        uow.commit()
    audit.record(
        ctx, "account.join", subject=account.id, actor_id=account.id, actor_label=account.label
    )
    return account


def set_password(ctx: Context, account_id: int, password: str) -> None:
    """Set a password from the command line (the server's owner)."""
    _require_admin(ctx)
    account = get_account(ctx, account_id)
    passwords.check_new_password(password, account.email)
    hashed = passwords.hash_password(password)
    with ctx.accounts_uow() as uow:
        uow.accounts.set_password_hash(account_id, hashed)
        uow.commit()
    audit.record(ctx, "account.password", subject=account_id, actor_label=_label(ctx))


MAX_IMPORT_BYTES = 20 * 1024 * 1024


def import_patient(ctx: Context, email: str, display_name: str, raw: bytes) -> Invited:
    """A clinician adds a patient who kept a personal journal: a new patient account linked
    to them, the journal file read into it (all or nothing), and an invitation to join."""
    from dataclasses import replace

    from sicoach.services.journal_transfer import import_journal
    from sicoach.services.policy import Access

    if len(raw) > MAX_IMPORT_BYTES:
        raise InputError("file", "the file is larger than 20 MB; is it a journal?")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("file", "this is not a journal file (.json) from SI Coach") from None
    invited = invite_patient(ctx, email, display_name)
    owner = replace(
        ctx,
        person=invited.account.journal,
        acting=None,
        access=Access.OWNER,
        subject_account=invited.account.id,
    )
    try:
        import_journal(owner, text)
    except InputError:
        with ctx.accounts_uow() as uow:
            uow.accounts.delete(invited.account.id)
            uow.commit()
        raise
    audit.record(ctx, "account.import", subject=invited.account.id, actor_label=_label(ctx))
    return invited


def delete_own_account(ctx: Context, account_id: int, password: str, confirmed: bool) -> None:
    """A patient deletes their account and journal, after typing their password again. The
    audit log keeps that it happened."""
    principal = ctx.principal
    if (
        principal is None
        or principal.account_id != account_id
        or principal.role is not Role.PATIENT
    ):
        raise Forbidden("only a patient deletes their own account")
    with ctx.accounts_uow() as uow:
        hashed = uow.accounts.password_hash(account_id)
    if not passwords.verify(password, hashed):
        raise InputError("password", "that is not your password")
    if not confirmed:
        raise InputError("confirm", "tick the box to confirm, or go back")
    audit.record(ctx, "account.delete", subject=account_id)
    with ctx.accounts_uow() as uow:
        uow.accounts.delete(account_id)
        uow.commit()
