"""The first tables: person, profile, plan choices, check-ins, activities, sessions.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
        sa.UniqueConstraint("name", name="uq_person_name"),
    )
    op.create_table(
        "profile",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("started_on", sa.Date, nullable=False),
        sa.Column("birth_year", sa.Integer, nullable=True),
        sa.Column("sex", sa.String(16), nullable=True),
        sa.Column("pregnancy_status", sa.String(16), nullable=True),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("delivery_date", sa.Date, nullable=True),
        sa.Column("sedentary_job", sa.Boolean, nullable=False),
        sa.Column("overweight", sa.Boolean, nullable=False),
        sa.Column("frequent_lifting", sa.Boolean, nullable=False),
        sa.Column("history", sa.String(500), nullable=False),
        sa.Column("plan_left_out", sa.String(1000), nullable=False),
        sa.Column("plan_training_days", sa.String(100), nullable=False),
        sa.Column("plan_reminder_time", sa.String(5), nullable=True),
        sa.PrimaryKeyConstraint("person_id", name="pk_profile"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], ondelete="CASCADE", name="fk_profile_person_id_person"
        ),
    )
    op.create_table(
        "plan_enabled",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("enabled_on", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_plan_enabled"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            ondelete="CASCADE",
            name="fk_plan_enabled_person_id_person",
        ),
    )
    op.create_index("ix_plan_enabled_person", "plan_enabled", ["person_id"])
    op.create_table(
        "checkin",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("pain", sa.SmallInteger, nullable=True),
        sa.Column("worst_pain", sa.SmallInteger, nullable=True),
        sa.Column("mobility", sa.SmallInteger, nullable=True),
        sa.Column("symptoms", sa.String(2000), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkin"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], ondelete="CASCADE", name="fk_checkin_person_id_person"
        ),
        sa.UniqueConstraint("person_id", "day", name="uq_checkin_person_day"),
    )
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_activity"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], ondelete="CASCADE", name="fk_activity_person_id_person"
        ),
    )
    op.create_index("ix_activity_person_day", "activity", ["person_id", "day"])
    op.create_table(
        "session",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("pain_before", sa.SmallInteger, nullable=True),
        sa.Column("pain_after", sa.SmallInteger, nullable=True),
        sa.Column("partial", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_session"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], ondelete="CASCADE", name="fk_session_person_id_person"
        ),
    )
    op.create_index("ix_session_person_started", "session", ["person_id", "started_at"])
    op.create_table(
        "exercise_result",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("exercise_id", sa.String(64), nullable=False),
        sa.Column("level", sa.SmallInteger, nullable=False),
        sa.Column("reps", sa.Integer, nullable=False),
        sa.Column("hurt", sa.Boolean, nullable=False),
        sa.Column("pain", sa.SmallInteger, nullable=True),
        sa.Column("skipped", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exercise_result"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            ondelete="CASCADE",
            name="fk_exercise_result_session_id_session",
        ),
    )
    op.create_index("ix_exercise_result_session", "exercise_result", ["session_id", "position"])
    op.create_table(
        "function_rating",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("activity", sa.String(100), nullable=False),
        sa.Column("score", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_function_rating"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            ondelete="CASCADE",
            name="fk_function_rating_person_id_person",
        ),
    )
    op.create_index("ix_function_rating_person_day", "function_rating", ["person_id", "day"])


def downgrade() -> None:
    for name in (
        "function_rating",
        "exercise_result",
        "session",
        "activity",
        "checkin",
        "plan_enabled",
        "profile",
        "person",
    ):
        op.drop_table(name)
