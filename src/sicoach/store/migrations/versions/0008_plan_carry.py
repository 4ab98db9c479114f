"""The plan's folded history (a `PlanCarry` as JSON text) in the per-person derived-state
row, so today's plan reads a bounded window however long the journal.

Revision ID: 0008_plan_carry
Revises: 0007_screening
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_plan_carry"
down_revision = "0007_screening"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("person_state", sa.Column("plan_carry", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_state") as batch:
        batch.drop_column("plan_carry")
