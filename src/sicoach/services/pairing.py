"""Pairing a phone with the computer that runs SI Coach (personal mode, `serve --phone`).

1. The computer makes a one-time link (shown as a QR code in the terminal and on the
   settings page); it works once and for `LINK_MINUTES`.
2. The phone opens it and is shown a short code; nothing is reachable yet.
3. The person types that code on the computer (page or terminal): this proves the phone in
   their hand is the one asking, not someone else on the network who saw the link.
4. The phone then gets a long-lived device session (a sign-in session row of kind
   "device", with a label), which the person can end from the computer.

The desk keeps links and waiting phones in memory only: they matter for minutes, and a
restart of the server simply asks for a new link. Secrets are kept as SHA-256 digests.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sicoach.domain.accounts import Account, Role, SigninSession
from sicoach.services import audit, signin
from sicoach.services.accounts import token_hash
from sicoach.services.errors import InputError, NotFound, ServiceError

if TYPE_CHECKING:
    from sicoach.services.context import Context

LINK_MINUTES = 10
WAIT_MINUTES = 10
DEVICE_IDLE = timedelta(days=90)
DEVICE_LIMIT = timedelta(days=400)
DEVICE_KIND = "device"
USED_OR_OLD = "this pairing link was used already or is too old; make a new one on the computer"
OWNER_EMAIL = "{person}@this-computer.invalid"
"""Personal mode has no accounts; a paired phone's session hangs from one made for the
journal's owner (no password: it cannot be signed in to, only paired)."""


class PairingRefused(ServiceError):
    """A pairing link or waiting phone that is not (or no longer) valid."""

    def __init__(self, message: str) -> None:
        self.field = "pairing"
        self.message = message
        super().__init__(message)


@dataclass
class _Waiting:
    code: str
    label: str
    expires_at: datetime
    approved: bool = False


@dataclass(frozen=True)
class WaitingPhone:
    code: str
    label: str


@dataclass
class PairingDesk:
    """Links and waiting phones of one running server; `phone_url` is the HTTPS address
    phones use (e.g. https://192.168.1.20:8443)."""

    phone_url: str
    fingerprint: str = ""
    """The SHA-256 fingerprint of the authority a phone must trust ("" with a certificate of
    the person's own)."""
    _links: dict[str, datetime] = field(default_factory=dict)
    _shown: tuple[str, datetime] | None = None
    _waiting: dict[str, _Waiting] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def new_link(self, now: datetime) -> str:
        """A new one-time pairing link (the older unused ones stop working)."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._links = {token_hash(token): now + timedelta(minutes=LINK_MINUTES)}
            self._shown = (token, now + timedelta(minutes=LINK_MINUTES))
        return self.link_url(token)

    def link_url(self, token: str) -> str:
        return f"{self.phone_url}/pair/{token}"

    def shown_link(self, now: datetime) -> str | None:
        """The link to show on the computer, while it is unused and fresh."""
        with self._lock:
            if self._shown is None:
                return None
            token, until = self._shown
            if now >= until or token_hash(token) not in self._links:
                return None
        return self.link_url(token)

    def link_usable(self, token: str, now: datetime) -> bool:
        with self._lock:
            until = self._links.get(token_hash(token))
        return until is not None and now < until

    def open_link(self, token: str, label: str, now: datetime) -> tuple[str, str]:
        """Use the link (once): the phone's waiting secret (for its cookie) and the code it
        shows."""
        with self._lock:
            until = self._links.pop(token_hash(token), None)
            if until is None or now >= until:
                raise PairingRefused(USED_OR_OLD)
            secret = secrets.token_urlsafe(32)
            code = f"{secrets.randbelow(10**6):06d}"
            self._waiting[token_hash(secret)] = _Waiting(
                code, label[:120] or "A phone", now + timedelta(minutes=WAIT_MINUTES)
            )
        return secret, code

    def waiting(self, now: datetime) -> list[WaitingPhone]:
        """Phones waiting for the person to type their code, oldest first."""
        with self._lock:
            return [
                WaitingPhone(w.code, w.label)
                for w in self._waiting.values()
                if not w.approved and now < w.expires_at
            ]

    def approve(self, code: str, now: datetime) -> str:
        """Approve the waiting phone showing `code`; its label."""
        typed = "".join(ch for ch in code if ch.isdigit())
        if len(typed) != 6:
            raise InputError("code", "type the 6 digits your phone shows")
        with self._lock:
            for waiting in self._waiting.values():
                if waiting.code == typed and not waiting.approved and now < waiting.expires_at:
                    waiting.approved = True
                    return waiting.label
        raise InputError("code", "no phone is waiting with that code; make a new link")

    def code_of(self, secret: str | None, now: datetime) -> str | None:
        """The code a waiting phone shows (None: no such phone, or too late)."""
        with self._lock:
            waiting = self._waiting.get(token_hash(secret or ""))
        if waiting is None or now >= waiting.expires_at:
            return None
        return waiting.code

    def claim(self, ctx: Context, secret: str | None, now: datetime) -> signin.SignedIn | None:
        """The device session of an approved phone (once); None while it waits.
        `PairingRefused` when the phone is not waiting (unknown, too late, or already paired)."""
        with self._lock:
            key = token_hash(secret or "")
            waiting = self._waiting.get(key)
            if waiting is None or now >= waiting.expires_at:
                self._waiting.pop(key, None)
                raise PairingRefused("this phone is not waiting to pair; open a new pairing link")
            if not waiting.approved:
                return None
            del self._waiting[key]
        return pair_device(ctx, waiting.label)


def owner_account(ctx: Context) -> Account:
    """The account of the personal journal's owner, made on first pairing."""
    email = OWNER_EMAIL.format(person=ctx.person)
    with ctx.accounts_uow() as uow:
        found = uow.accounts.by_email(email)
        if found is None:
            uow.accounts.add(email, "", Role.PATIENT, None, ctx.clock.now(), journal=ctx.person)
            uow.commit()
            found = uow.accounts.by_email(email)
    assert found is not None
    return found


def pair_device(ctx: Context, label: str) -> signin.SignedIn:
    """A long-lived device session for a phone the person approved."""
    account = owner_account(ctx)
    signed = signin.start_session(
        ctx,
        account,
        keep=True,
        device_label=label,
        kind=DEVICE_KIND,
        idle=DEVICE_IDLE,
        limit=DEVICE_LIMIT,
    )
    audit.record(
        ctx, "device.paired", subject=account.id, actor_label="this computer", detail=label
    )
    return signed


def device(ctx: Context, token: str | None) -> signin.Current | None:
    """The paired phone a cookie names (a live device session of this journal), else None."""
    who = signin.current(ctx, token)
    if who is None or who.session.kind != DEVICE_KIND or who.account.journal != ctx.person:
        return None
    return who


def paired_devices(ctx: Context) -> list[SigninSession]:
    """The phones paired with this journal and still live, newest use first."""
    email = OWNER_EMAIL.format(person=ctx.person)
    now = ctx.clock.now()
    with ctx.accounts_uow(read_only=True) as uow:
        found = uow.accounts.by_email(email)
        if found is None:
            return []
        sessions = uow.accounts.sessions_of(found.id)
    return [s for s in sessions if s.kind == DEVICE_KIND and s.live_at(now)]


def unpair(ctx: Context, session_id: int) -> None:
    """End one paired phone's session (it sees only the pairing page afterwards)."""
    if not any(s.id == session_id for s in paired_devices(ctx)):
        raise NotFound("paired phone", session_id)
    with ctx.accounts_uow() as uow:
        uow.accounts.revoke_session(session_id, ctx.clock.now())
        uow.commit()
