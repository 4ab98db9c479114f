"""A clinician review recorded by the patient's clinician on their behalf names them.

Revision ID: 0013_review_recorded_by
Revises: 0012_clinician_message
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_review_recorded_by"
down_revision = "0012_clinician_message"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinician_review") as batch:
        batch.add_column(
            sa.Column("recorded_by", sa.String(254), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("clinician_review") as batch:
        batch.drop_column("recorded_by")
