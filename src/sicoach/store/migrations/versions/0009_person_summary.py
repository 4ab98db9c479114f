"""The clinician worklist's columns on the one derived-state row per person: safety level
and reasons, the sign and its date, last seen, pain against the first week, adherence,
aerobic minutes, and who last acknowledged the alerts. Filled by the next write, or by
`sicoach people refresh`.

Revision ID: 0009_person_summary
Revises: 0008_plan_carry
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_person_summary"
down_revision = "0008_plan_carry"
branch_labels = None
depends_on = None

COLUMNS = (
    ("state_on", sa.Date),
    ("level", lambda: sa.String(16)),
    ("reasons", lambda: sa.String(500)),
    ("sign", lambda: sa.String(60)),
    ("sign_message", lambda: sa.String(500)),
    ("sign_date", sa.Date),
    ("start_day", sa.Date),
    ("last_seen", sa.Date),
    ("pain_first_week", sa.Float),
    ("pain_now", sa.Float),
    ("pain_meaning", lambda: sa.String(16)),
    ("adherence_done", sa.Integer),
    ("adherence_planned", sa.Integer),
    ("aerobic_week", sa.Integer),
    ("birth_year", sa.Integer),
    ("seen_key", lambda: sa.String(600)),
    ("seen_by", lambda: sa.String(254)),
    ("seen_at", sa.DateTime),
)


def upgrade() -> None:
    with op.batch_alter_table("person_state") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person_state") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
