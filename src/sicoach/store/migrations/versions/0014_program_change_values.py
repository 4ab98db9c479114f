"""The values a clinician's program change sets: a dose (repetitions and hold seconds),
the weekly aerobic goal and the starting walk (minutes). Empty for changes without one.

Revision ID: 0014_program_change_values
Revises: 0013_review_recorded_by
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_program_change_values"
down_revision = "0013_review_recorded_by"
branch_labels = None
depends_on = None

COLUMNS = ("reps", "hold_seconds", "week_minutes", "walk_minutes")


def upgrade() -> None:
    with op.batch_alter_table("program_change") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("program_change") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
