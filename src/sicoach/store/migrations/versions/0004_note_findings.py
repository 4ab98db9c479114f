"""Check-ins remember which warning signs came from the note, and which the person said
are not so.

Revision ID: 0004_note_findings
Revises: 0003_clinician_review
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_note_findings"
down_revision = "0003_clinician_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.add_column(
            sa.Column("note_symptoms", sa.String(2000), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("note_dismissed", sa.String(2000), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.drop_column("note_dismissed")
        batch.drop_column("note_symptoms")
