"""Signing in: passwords checked with throttling, server-side sessions, and the request's
acting person and subject.

A session is a row (so sign-out and "sign out everywhere" are real): the browser keeps only
a random token, the database its SHA-256. Sessions end after an idle time (30 minutes for
clinicians and admins; 14 days for a patient who ticks "keep me signed in") and at an
absolute limit from the settings. The same rows will hold a paired phone's long-lived
session (`kind="device"`, with a device label).

Throttling: after `THROTTLE_AFTER` failures for an email or from an address within
`THROTTLE_WINDOW`, each further try waits a growing delay. Whether an email has an account
is never told: the same message, the same hash work and the same throttling either way.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from sicoach.domain.accounts import Account, Role, SigninSession
from sicoach.services import audit, passwords
from sicoach.services.accounts import normal_email, token_hash
from sicoach.services.errors import Forbidden, InputError, NotFound, ServiceError
from sicoach.services.policy import Access, Principal, journal_access

if TYPE_CHECKING:
    from sicoach.services.context import Context

THROTTLE_AFTER = 5
THROTTLE_WINDOW = timedelta(minutes=15)
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60
CLINICIAN_IDLE = timedelta(minutes=30)
PATIENT_IDLE = timedelta(minutes=30)
PATIENT_KEEP_IDLE = timedelta(days=14)
TOUCH_EVERY = timedelta(seconds=60)
"""A session's last-seen time is written at most this often (not on every request)."""
WRONG = "that email and password do not match an account we can sign in"


class Throttled(ServiceError):
    """Too many failed sign-ins: try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        self.field = "email"
        minutes = (retry_after + 59) // 60
        wait = (
            f"{minutes} minute{'s' if minutes != 1 else ''}"
            if retry_after > 60
            else (f"{retry_after} seconds")
        )
        self.message = f"too many sign-in attempts; wait {wait}, then try again"
        super().__init__(f"email: {self.message}")


@dataclass(frozen=True)
class SignedIn:
    """A new session: the token for the cookie (shown once) and how long the cookie lives
    (None: until the browser closes)."""

    token: str
    session: SigninSession
    account: Account
    cookie_seconds: int | None


def delay_after(failures: int) -> int:
    """Seconds to wait before another try after `failures` recent failures (0: no wait)."""
    if failures < THROTTLE_AFTER:
        return 0
    return min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - THROTTLE_AFTER))


def _idle_and_limit(ctx: Context, role: Role, keep: bool) -> tuple[timedelta, timedelta]:
    settings = ctx.settings
    if role is Role.PATIENT:
        idle = PATIENT_KEEP_IDLE if keep else PATIENT_IDLE
        return idle, timedelta(days=settings.patient_session_days)
    return CLINICIAN_IDLE, timedelta(hours=settings.clinician_session_hours)


def sign_in(
    ctx: Context,
    email: str,
    password: str,
    address: str,
    keep: bool = False,
    device_label: str = "",
) -> SignedIn:
    """Check the password and open a session; `InputError` (never saying which part was
    wrong) or `Throttled`. Every attempt is counted and audited."""
    now = ctx.clock.now()
    try:
        address_email = normal_email(email)
    except InputError:
        address_email = email.strip().lower()[:254]
    key = token_hash(address_email)
    with ctx.accounts_uow() as uow:
        failures = uow.accounts.failures_since(now - THROTTLE_WINDOW, key, address[:64])
        wait = delay_after(len(failures))
        if wait and now < failures[-1] + timedelta(seconds=wait):
            left = failures[-1] + timedelta(seconds=wait) - now
            raise Throttled(max(1, int(left.total_seconds() + 0.999)))
        account = uow.accounts.by_email(address_email)
        usable = account is not None and not account.disabled
        hashed = uow.accounts.password_hash(account.id) if usable and account else None
    ok = passwords.verify(password, hashed)
    with ctx.accounts_uow() as uow:
        uow.accounts.add_attempt(key, address[:64], now, ok)
        uow.commit()
    if not ok or account is None:
        subject = account.id if account is not None else None
        audit.record(
            ctx, "signin.failed", subject=subject, actor_label=address_email, detail=address
        )
        raise InputError("password", WRONG)
    signed = start_session(ctx, account, keep=keep, device_label=device_label)
    audit.record(
        ctx,
        "signin",
        subject=account.id,
        actor_id=account.id,
        actor_label=account.label,
        detail=address,
    )
    return signed


def start_session(
    ctx: Context,
    account: Account,
    keep: bool = False,
    device_label: str = "",
    kind: str = "browser",
    idle: timedelta | None = None,
    limit: timedelta | None = None,
) -> SignedIn:
    """A new session row for `account` (a sign-in, or a paired phone with its own `idle`
    and absolute `limit`)."""
    now = ctx.clock.now()
    default_idle, default_limit = _idle_and_limit(ctx, account.role, keep)
    idle = idle or default_idle
    limit = limit or default_limit
    token = secrets.token_urlsafe(32)
    with ctx.accounts_uow() as uow:
        session_id = uow.accounts.add_session(
            token_hash(token),
            account.id,
            device_label[:200],
            kind,
            now,
            int(idle.total_seconds()),
            now + limit,
        )
        uow.commit()
        session = uow.accounts.session_by_token(token_hash(token))
    assert session is not None and session.id == session_id
    lives = int(min(idle, limit).total_seconds()) if keep else None
    return SignedIn(token, session, account, lives)


@dataclass(frozen=True)
class Current:
    """The signed-in person of a request and their session."""

    principal: Principal
    account: Account
    session: SigninSession


def current(ctx: Context, token: str | None) -> Current | None:
    """The live session a cookie's token names, its last-seen time refreshed; else None."""
    if not token:
        return None
    now = ctx.clock.now()
    with ctx.accounts_uow(read_only=True) as uow:
        session = uow.accounts.session_by_token(token_hash(token))
        if session is None or not session.live_at(now):
            return None
        account = uow.accounts.get(session.account_id)
    if account is None or account.disabled:
        return None
    if now - session.last_seen_at >= TOUCH_EVERY:
        with ctx.accounts_uow() as uow:
            uow.accounts.touch_session(session.id, now)
            uow.commit()
    principal = Principal(account.id, account.role, account.label)
    return Current(principal, account, session)


def acting_on(base: Context, who: Current, subject_id: int | None = None) -> Context:
    """The services' context for one request: `who` acts on `subject_id`'s journal (their
    own when None), with the policy's access. A journal they may not see is `Forbidden`
    only when used, so pages that need no journal still work."""
    principal = who.principal
    if subject_id is None or subject_id == principal.account_id:
        subject = who.account
        linked = False
    else:
        with base.accounts_uow(read_only=True) as uow:
            found = uow.accounts.get(subject_id)
            linked = found is not None and uow.accounts.linked(principal.account_id, subject_id)
        if found is None:
            raise NotFound("patient", subject_id)
        subject = found
    access = journal_access(principal, subject.id, linked)
    if subject_id is not None and access is Access.NONE:
        raise Forbidden("there is no such journal here")
    return replace(
        base,
        person=subject.journal,
        acting=who.account.journal,
        access=access,
        principal=principal,
        subject_account=subject.id,
    )


def sign_out(ctx: Context, who: Current, everywhere: bool = False) -> int:
    """End this session (or every session of the account); how many ended."""
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        if everywhere:
            ended = uow.accounts.revoke_sessions_of(who.account.id, now)
        else:
            uow.accounts.revoke_session(who.session.id, now)
            ended = 1
        uow.commit()
    action = "signout.everywhere" if everywhere else "signout"
    audit.record(ctx, action, subject=who.account.id)
    return ended


def my_sessions(ctx: Context, who: Current) -> list[SigninSession]:
    """The account's sessions still live, newest use first."""
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        return [s for s in uow.accounts.sessions_of(who.account.id) if s.live_at(now)]


def change_password(
    ctx: Context, who: Current, current_password: str, new: str, confirm: str
) -> None:
    """Re-authenticate with the current password, then set a new one; every other session
    of the account ends."""
    with ctx.accounts_uow() as uow:
        hashed = uow.accounts.password_hash(who.account.id)
    if not passwords.verify(current_password, hashed):
        raise InputError("current_password", "that is not your current password")
    if new != confirm:
        raise InputError("confirm", "the two passwords are not the same")
    passwords.check_new_password(new, who.account.email, field="new_password")
    new_hash = passwords.hash_password(new)
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        uow.accounts.set_password_hash(who.account.id, new_hash)
        uow.accounts.reauthenticated(who.session.id, now)
        uow.accounts.revoke_sessions_of(who.account.id, now, keep=who.session.id)
        uow.commit()
    audit.record(ctx, "account.password", subject=who.account.id)


def change_email(ctx: Context, who: Current, current_password: str, new_email: str) -> str:
    """Re-authenticate with the password, then change the sign-in email (if free)."""
    from sicoach.services.errors import Conflict

    with ctx.accounts_uow() as uow:
        hashed = uow.accounts.password_hash(who.account.id)
    if not passwords.verify(current_password, hashed):
        raise InputError("email_password", "that is not your current password")
    address = normal_email(new_email, field="new_email")
    now = ctx.clock.now()
    with ctx.accounts_uow() as uow:
        taken = uow.accounts.by_email(address)
        if taken is not None and taken.id != who.account.id:
            raise Conflict("new_email", "this email cannot be used; choose another")
        uow.accounts.set_email(who.account.id, address)
        uow.accounts.reauthenticated(who.session.id, now)
        uow.commit()
    audit.record(ctx, "account.email", subject=who.account.id)
    return address
