"""An activity may carry the id its client made (an app that saved it while offline), so a
resend is stored once.

Revision ID: 0010_activity_client_id
Revises: 0009_person_summary
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_activity_client_id"
down_revision = "0009_person_summary"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("activity", sa.Column("client_id", sa.String(64), nullable=True))
    op.create_index(
        "uq_activity_person_client", "activity", ["person_id", "client_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_activity_person_client", table_name="activity")
    with op.batch_alter_table("activity") as batch:
        batch.drop_column("client_id")
