"""People and roles: accounts, care links, invitations, sign-in sessions and attempts, audit.

Nothing existing changes: a personal database keeps its one person and journal, which an
account can later own (a patient's journal in clinic mode).

Revision ID: 0006_accounts
Revises: 0005_person_state
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_accounts"
down_revision = "0005_person_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer),
        sa.Column(
            "journal_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=True),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_account"),
        sa.UniqueConstraint("journal_id", name="uq_account_journal_id"),
        sa.UniqueConstraint("email", name="uq_account_email"),
    )
    op.create_table(
        "care_link",
        sa.Column("id", sa.Integer),
        sa.Column(
            "clinician_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "patient_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_care_link"),
        sa.UniqueConstraint("clinician_id", "patient_id", name="uq_care_link_pair"),
    )
    op.create_index("ix_care_link_patient", "care_link", ["patient_id"])
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column(
            "invited_by",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_invitation"),
        sa.UniqueConstraint("token_hash", name="uq_invitation_token_hash"),
    )
    op.create_table(
        "signin_session",
        sa.Column("id", sa.Integer),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("device_label", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
        sa.Column("idle_seconds", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("reauthenticated_at", sa.DateTime, nullable=True),
        sa.Column("revoked_at", sa.DateTime, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_signin_session"),
        sa.UniqueConstraint("token_hash", name="uq_signin_session_token_hash"),
    )
    op.create_index("ix_signin_session_account", "signin_session", ["account_id"])
    op.create_table(
        "signin_attempt",
        sa.Column("id", sa.Integer),
        sa.Column("email_key", sa.String(64), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("succeeded", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_signin_attempt"),
    )
    op.create_index("ix_signin_attempt_email_at", "signin_attempt", ["email_key", "at"])
    op.create_index("ix_signin_attempt_address_at", "signin_attempt", ["address", "at"])
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor_id", sa.Integer, nullable=True),
        sa.Column("actor_label", sa.String(254), nullable=False),
        sa.Column("subject_id", sa.Integer, nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_event"),
    )
    op.create_index("ix_audit_event_subject_at", "audit_event", ["subject_id", "at"])
    op.create_index("ix_audit_event_at", "audit_event", ["at"])


def downgrade() -> None:
    for name in (
        "audit_event",
        "signin_attempt",
        "signin_session",
        "invitation",
        "care_link",
        "account",
    ):
        op.drop_table(name)
