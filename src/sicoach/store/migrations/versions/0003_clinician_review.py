"""Clinician reviews: "checked on DATE, advised carry on / gently / stop" (issue 12 §4).

Revision ID: 0003_clinician_review
Revises: 0002_result_person
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_clinician_review"
down_revision = "0002_result_person"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinician_review",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey(
                "person.id", ondelete="CASCADE", name="fk_clinician_review_person_id_person"
            ),
            nullable=False,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("advice", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("emergency_checked", sa.Boolean, nullable=False),
        sa.Column("settles", sa.String(2000), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_clinician_review"),
    )
    op.create_index("ix_clinician_review_person_day", "clinician_review", ["person_id", "day"])


def downgrade() -> None:
    op.drop_index("ix_clinician_review_person_day", table_name="clinician_review")
    op.drop_table("clinician_review")
