"""A clinician's short messages to a patient, with when each was read.

Revision ID: 0012_clinician_message
Revises: 0011_program_change
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_clinician_message"
down_revision = "0011_program_change"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinician_message",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("by_name", sa.String(254), nullable=False),
        sa.Column("by_account", sa.Integer, nullable=True),
        sa.Column("text", sa.String(600), nullable=False),
        sa.Column("read_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_clinician_message_person_at", "clinician_message", ["person_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_clinician_message_person_at", table_name="clinician_message")
    op.drop_table("clinician_message")
