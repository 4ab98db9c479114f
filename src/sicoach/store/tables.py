"""The database tables, kept apart from the domain classes (mapping lives in `mapping.py`).

Every row belongs to a `person`, so a deployment for several people later needs no data
migration; single-user use has one person named "default". Lists of codes (symptoms,
history, left-out exercises, training days) are stored as space-separated text: they are
short, fixed vocabularies and are always read whole.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _person_fk() -> Column[int]:
    return Column("person_id", Integer, ForeignKey("person.id", ondelete="CASCADE"), nullable=False)


person = Table(
    "person",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
)

profile = Table(
    "profile",
    metadata,
    Column("person_id", Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    Column("started_on", Date, nullable=False),
    Column("birth_year", Integer, nullable=True),
    Column("sex", String(16), nullable=True),
    Column("pregnancy_status", String(16), nullable=True),
    Column("due_date", Date, nullable=True),
    Column("delivery_date", Date, nullable=True),
    Column("sedentary_job", Boolean, nullable=False, default=False),
    Column("overweight", Boolean, nullable=False, default=False),
    Column("frequent_lifting", Boolean, nullable=False, default=False),
    Column("history", String(500), nullable=False, default=""),
    Column("plan_left_out", String(1000), nullable=False, default=""),
    Column("plan_training_days", String(100), nullable=False, default="0 1 2 3 4 5 6"),
    Column("plan_reminder_time", String(5), nullable=True),
)

plan_enabled = Table(
    "plan_enabled",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("position", Integer, nullable=False),
    Column("exercise_id", String(64), nullable=False),
    Column("enabled_on", Date, nullable=False),
    Index("ix_plan_enabled_person", "person_id"),
)

checkin = Table(
    "checkin",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("day", Date, nullable=False),
    Column("pain", SmallInteger, nullable=True),
    Column("worst_pain", SmallInteger, nullable=True),
    Column("mobility", SmallInteger, nullable=True),
    Column("symptoms", String(2000), nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("note_symptoms", String(2000), nullable=False, default="", server_default=""),
    Column("note_dismissed", String(2000), nullable=False, default="", server_default=""),
    UniqueConstraint("person_id", "day", name="uq_checkin_person_day"),
)

activity = Table(
    "activity",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("day", Date, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("client_id", String(64), nullable=True),
    Index("ix_activity_person_day", "person_id", "day"),
    Index("uq_activity_person_client", "person_id", "client_id", unique=True),
)

session = Table(
    "session",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("started_at", DateTime, nullable=False),
    Column("pain_before", SmallInteger, nullable=True),
    Column("pain_after", SmallInteger, nullable=True),
    Column("partial", Boolean, nullable=False, default=False),
    Index("ix_session_person_started", "person_id", "started_at"),
)

exercise_result = Table(
    "exercise_result",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("session.id", ondelete="CASCADE"), nullable=False),
    _person_fk(),
    Column("position", Integer, nullable=False),
    Column("exercise_id", String(64), nullable=False),
    Column("level", SmallInteger, nullable=False, default=0),
    Column("reps", Integer, nullable=False, default=0),
    Column("hurt", Boolean, nullable=False, default=False),
    Column("pain", SmallInteger, nullable=True),
    Column("skipped", Boolean, nullable=False, default=False),
    Index("ix_exercise_result_session", "session_id", "position"),
    Index("ix_exercise_result_person", "person_id"),
)

function_rating = Table(
    "function_rating",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("day", Date, nullable=False),
    Column("activity", String(100), nullable=False),
    Column("score", SmallInteger, nullable=False),
    Index("ix_function_rating_person_day", "person_id", "day"),
)

clinician_review = Table(
    "clinician_review",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("day", Date, nullable=False),
    Column("advice", String(16), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("emergency_checked", Boolean, nullable=False, default=False),
    # The warning signs the review settled, space-separated; NULL settles every sign.
    Column("settles", String(2000), nullable=True),
    # The clinician who recorded it for the person ("": the person themself).
    Column("recorded_by", String(254), nullable=False, default="", server_default=""),
    Index("ix_clinician_review_person_day", "person_id", "day"),
)

person_state = Table(
    "person_state",
    metadata,
    Column("person_id", Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True),
    # Bumped in the same transaction as every write to the person's journal; `stamp` is a
    # random number drawn at each bump, so a restored older copy never repeats a version.
    Column("version", BigInteger, nullable=False, default=0),
    Column("stamp", BigInteger, nullable=False, default=0),
    # Today's plan's folded history before a date (`sicoach.domain.plan_carry`, JSON text),
    # rebuilt in the writing transaction when a write reaches before that date.
    Column("plan_carry", Text, nullable=True),
    # The worklist's facts (`sicoach.domain.person_summary`), rewritten with every write.
    Column("state_on", Date, nullable=True),
    Column("level", String(16), nullable=True),
    Column("reasons", String(500), nullable=True),
    Column("sign", String(60), nullable=True),
    Column("sign_message", String(500), nullable=True),
    Column("sign_date", Date, nullable=True),
    Column("start_day", Date, nullable=True),
    Column("last_seen", Date, nullable=True),
    Column("pain_first_week", Float, nullable=True),
    Column("pain_now", Float, nullable=True),
    Column("pain_meaning", String(16), nullable=True),
    Column("adherence_done", Integer, nullable=True),
    Column("adherence_planned", Integer, nullable=True),
    Column("aerobic_week", Integer, nullable=True),
    Column("birth_year", Integer, nullable=True),
    # The alerts a clinician acknowledged ("seen"): their key, who and when.
    Column("seen_key", String(600), nullable=True),
    Column("seen_by", String(254), nullable=True),
    Column("seen_at", DateTime, nullable=True),
)
"""One derived-state row per person: the version readers check before trusting a cached
answer, and the clinician worklist's facts, so the worklist never reads the journals."""

program_change = Table(
    "program_change",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("at", DateTime, nullable=False),
    Column("by_name", String(254), nullable=False),
    Column("exercise_id", String(64), nullable=False),
    Column("change", String(16), nullable=False),
    Column("reason", String(300), nullable=False, default=""),
    Column("reps", Integer, nullable=True),
    Column("hold_seconds", Integer, nullable=True),
    Column("week_minutes", Integer, nullable=True),
    Column("walk_minutes", Integer, nullable=True),
    Index("ix_program_change_person_at", "person_id", "at"),
)
"""A clinician's change to a patient's program: who, when, what and why (shown on Today),
with the values it sets (a dose, the weekly goal and starting walk; empty otherwise)."""

clinician_message = Table(
    "clinician_message",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("at", DateTime, nullable=False),
    Column("by_name", String(254), nullable=False),
    Column("by_account", Integer, nullable=True),
    Column("text", String(600), nullable=False),
    Column("read_at", DateTime, nullable=True),
    Index("ix_clinician_message_person_at", "person_id", "at"),
)
"""A clinician's short message to a patient (shown on Today until read)."""

app_secret = Table(
    "app_secret",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)
"""Keys every app process must share (the form-signing key), created once by whichever
process needs one first."""

screening = Table(
    "screening",
    metadata,
    Column("id", Integer, primary_key=True),
    _person_fk(),
    Column("day", Date, nullable=False),
    # The codes of the red-flag questions answered that day, space-separated.
    Column("answered", String(2000), nullable=False, default=""),
    UniqueConstraint("person_id", "day", name="uq_screening_person_day"),
)
"""Which safety questions were answered on a day, so the screen is asked once a day."""


# The clinic's tables share this metadata (imported last: they import `metadata` from here).
import sicoach.store.account_tables  # noqa: E402, F401
