"""Tables of a clinic: accounts, care links, invitations, sign-in sessions and attempts, audit.

Kept apart from the journal tables (`tables.py`) and on the same `metadata`. Every account
owns one `person` row (`journal_id`): a patient's journal hangs from it, as a personal
database's one person does, so a personal journal becomes a patient's by pointing an account
at its person. (Not named `person_id`: "forget everything" empties every table with that
column, and an account must outlive its journal's records.)
Secrets are never stored: invitation and session tokens are kept as SHA-256 hex digests,
passwords as Argon2id hashes. The audit log holds plain ids (no foreign keys), so it keeps
what happened after an account is deleted.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
)

from sicoach.store.tables import metadata

ROLE_LENGTH = 16

account = Table(
    "account",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "journal_id",
        Integer,
        ForeignKey("person.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("email", String(254), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False, default=""),
    Column("role", String(ROLE_LENGTH), nullable=False),
    Column("password_hash", String(255), nullable=True),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
)

care_link = Table(
    "care_link",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("clinician_id", Integer, ForeignKey("account.id", ondelete="CASCADE"), nullable=False),
    Column("patient_id", Integer, ForeignKey("account.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("clinician_id", "patient_id", name="uq_care_link_pair"),
    Index("ix_care_link_patient", "patient_id"),
)

invitation = Table(
    "invitation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("account_id", Integer, ForeignKey("account.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(ROLE_LENGTH), nullable=False),
    Column("invited_by", Integer, ForeignKey("account.id", ondelete="SET NULL"), nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("used_at", DateTime, nullable=True),
)

signin_session = Table(
    "signin_session",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("account_id", Integer, ForeignKey("account.id", ondelete="CASCADE"), nullable=False),
    Column("device_label", String(200), nullable=False, default=""),
    Column("kind", String(16), nullable=False, default="browser"),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
    Column("idle_seconds", Integer, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("reauthenticated_at", DateTime, nullable=True),
    Column("revoked_at", DateTime, nullable=True),
    Index("ix_signin_session_account", "account_id"),
)

signin_attempt = Table(
    "signin_attempt",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email_key", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Index("ix_signin_attempt_email_at", "email_key", "at"),
    Index("ix_signin_attempt_address_at", "address", "at"),
)

audit_event = Table(
    "audit_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("actor_id", Integer, nullable=True),
    Column("actor_label", String(254), nullable=False, default=""),
    Column("subject_id", Integer, nullable=True),
    Column("action", String(40), nullable=False),
    Column("detail", String(500), nullable=False, default=""),
    Index("ix_audit_event_subject_at", "subject_id", "at"),
    Index("ix_audit_event_at", "at"),
)
