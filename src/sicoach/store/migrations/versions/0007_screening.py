"""The safety questions answered each day, so the screen before a session is asked once a day.

Revision ID: 0007_screening
Revises: 0006_accounts
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_screening"
down_revision = "0006_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE", name="fk_screening_person_id_person"),
            nullable=False,
        ),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("answered", sa.String(2000), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_screening"),
        sa.UniqueConstraint("person_id", "day", name="uq_screening_person_day"),
    )


def downgrade() -> None:
    op.drop_table("screening")
