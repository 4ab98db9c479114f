"""Exercise results name their person too, so every row of the journal belongs to one.

Revision ID: 0002_result_person
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_result_person"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exercise_result") as batch:
        batch.add_column(sa.Column("person_id", sa.Integer, nullable=True))
    op.execute(
        "UPDATE exercise_result SET person_id = "
        "(SELECT session.person_id FROM session WHERE session.id = exercise_result.session_id)"
    )
    with op.batch_alter_table("exercise_result") as batch:
        batch.alter_column("person_id", existing_type=sa.Integer, nullable=False)
        batch.create_foreign_key(
            "fk_exercise_result_person_id_person",
            "person",
            ["person_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index("ix_exercise_result_person", ["person_id"])


def downgrade() -> None:
    with op.batch_alter_table("exercise_result") as batch:
        batch.drop_index("ix_exercise_result_person")
        batch.drop_constraint("fk_exercise_result_person_id_person", type_="foreignkey")
        batch.drop_column("person_id")
