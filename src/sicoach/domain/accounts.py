"""People of a clinic: accounts, their roles, sign-in sessions and the audit trail, as values.

Pure data: the rules about who may do what live in `sicoach.services.policy`, and storage in
`sicoach.store.accounts`. A personal install has none of these; it has one person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Role(StrEnum):
    PATIENT = "patient"
    CLINICIAN = "clinician"
    ADMIN = "admin"


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    display_name: str
    role: Role
    journal: str
    """The name of the `person` whose journal this account owns (a patient's diary)."""
    disabled: bool
    created_at: datetime
    has_password: bool

    @property
    def label(self) -> str:
        return self.display_name or self.email


@dataclass(frozen=True)
class SigninSession:
    """A server-side sign-in: a browser, or later a paired phone (`kind`)."""

    id: int
    account_id: int
    device_label: str
    kind: str
    created_at: datetime
    last_seen_at: datetime
    idle_seconds: int
    expires_at: datetime
    reauthenticated_at: datetime | None
    revoked_at: datetime | None

    def live_at(self, now: datetime) -> bool:
        """Not revoked, not past its absolute limit, and used within its idle time."""
        if self.revoked_at is not None or now >= self.expires_at:
            return False
        return (now - self.last_seen_at).total_seconds() < self.idle_seconds


@dataclass(frozen=True)
class Invitation:
    id: int
    account_id: int
    role: Role
    invited_by: int | None
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None

    def usable_at(self, now: datetime) -> bool:
        return self.used_at is None and now < self.expires_at


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    actor_id: int | None
    actor_label: str
    subject_id: int | None
    action: str
    detail: str
