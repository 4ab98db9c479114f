"""A derived-state row per person (its first column: a version bumped by every write) and
the app's shared secrets, so every app process reads the same.

Revision ID: 0005_person_state
Revises: 0004_note_findings
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_person_state"
down_revision = "0004_note_findings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_state",
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("stamp", sa.BigInteger, nullable=False, server_default="0"),
    )
    op.create_table(
        "app_secret",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(256), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_secret")
    op.drop_table("person_state")
