"""Who may do what to whose journal: the one authorisation policy of a clinic.

- A patient reads and changes their own journal only.
- A clinician reads everything in the journals of patients linked to them, and may change
  only their program (the commands in `PROGRAM_COMMANDS`).
- A linked clinician may also write to the patient (a short message) and record a
  clinician review on their behalf (`Need.CARE`); the patient cannot do these as them.
- An admin manages accounts and links, and reads no journal unless linked as a clinician.

Faces never decide: they ask `journal_access` once per request (through the services) and
every unit of work and command checks the answer. A refusal is `Forbidden`, which faces show
as "not found", so a journal's id is never confirmed to someone who may not see it.
Personal mode has no accounts: the one person owns the one journal (`Access.OWNER`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from sicoach.domain.accounts import Role
from sicoach.services.errors import Forbidden


class Access(IntEnum):
    """What the acting person may do to the subject's journal (each level includes the last)."""

    NONE = 0
    READ = 1
    PROGRAM = 2
    OWNER = 3


class Need(StrEnum):
    """What a request needs; every route of the web app names one (a test checks it)."""

    PUBLIC = "public"
    """Anyone, signed in or not (sign-in page, static files, health)."""
    SIGNED_IN = "signed_in"
    """Any signed-in person (their own account: devices, sign-out, password)."""
    JOURNAL_READ = "journal_read"
    """Read the subject's journal (its owner, or a linked clinician)."""
    JOURNAL_WRITE = "journal_write"
    """Change the subject's journal (its owner only)."""
    PROGRAM = "program"
    """Change the subject's program (its owner, or a linked clinician)."""
    CARE = "care"
    """A linked clinician's own word on the subject's record (a message to them, a review
    recorded on their behalf): the linked clinician only, never the owner."""
    CLINICIAN = "clinician"
    """A clinician's own work (their patients, invitations)."""
    ADMIN = "admin"
    """Accounts and links."""


@dataclass(frozen=True)
class Principal:
    """The signed-in person: their account id, role and label (for the audit log)."""

    account_id: int
    role: Role
    label: str


def journal_access(acting: Principal, subject_account_id: int, linked: bool) -> Access:
    """The acting person's access to one account's journal; `linked` says whether `acting`
    is linked to that account as its clinician."""
    if acting.account_id == subject_account_id:
        return Access.OWNER if acting.role is Role.PATIENT else Access.NONE
    if linked and acting.role in (Role.CLINICIAN, Role.ADMIN):
        return Access.PROGRAM
    return Access.NONE


def allows(role: Role | None, access: Access, need: Need) -> bool:
    """Whether a person of `role` (None: not signed in) with `access` to the subject's
    journal may make a request that needs `need`."""
    if need is Need.PUBLIC:
        return True
    if role is None:
        return False
    if need is Need.SIGNED_IN:
        return True
    if need is Need.CLINICIAN:
        return role is Role.CLINICIAN
    if need is Need.ADMIN:
        return role is Role.ADMIN
    if need is Need.JOURNAL_READ:
        return access >= Access.READ
    if need is Need.PROGRAM:
        return access >= Access.PROGRAM
    if need is Need.CARE:
        return access is Access.PROGRAM
    return access >= Access.OWNER  # JOURNAL_WRITE


def require(role: Role | None, access: Access, need: Need) -> None:
    """`allows`, or `Forbidden` (shown as not found)."""
    if not allows(role, access, need):
        raise Forbidden("there is no such journal here")
