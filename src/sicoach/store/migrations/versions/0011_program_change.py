"""A clinician's changes to a patient's program, with who, when and why.

Revision ID: 0011_program_change
Revises: 0010_activity_client_id
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_program_change"
down_revision = "0010_activity_client_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "program_change",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("by_name", sa.String(254), nullable=False),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(300), nullable=False, server_default=""),
    )
    op.create_index("ix_program_change_person_at", "program_change", ["person_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_program_change_person_at", table_name="program_change")
    op.drop_table("program_change")
