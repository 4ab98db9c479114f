"""The journal repository on SQLAlchemy Core: one person's rows through one connection.

Implements `sicoach.services.unit_of_work.JournalRepository`. The unit of work owns the
transaction; nothing here commits.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    FunctionRating,
    Journal,
    Profile,
    Session,
)
from sicoach.store import mapping
from sicoach.store.bulk_writes import BulkWrites
from sicoach.store.message_rows import MessageRows
from sicoach.store.program_change_rows import ProgramChangeRows
from sicoach.store.state_reads import UNREAD, StateReads
from sicoach.store.tables import (
    activity,
    checkin,
    clinician_review,
    exercise_result,
    function_rating,
    plan_enabled,
    profile,
    session,
)

MAX_ROW_ID = 2**63 - 1
"""The largest id either database stores (a signed 64-bit integer)."""


class SqlJournalRepository(BulkWrites, MessageRows, ProgramChangeRows, StateReads):
    def __init__(self, conn: Connection, person_id: int) -> None:
        self.conn = conn
        self.person_id = person_id
        self.written = False
        """Whether this transaction wrote; the unit of work then bumps the version."""
        self.touched = False
        """Whether it wrote what no derived state is built from (a message): the unit of
        work then bumps the version alone, so a page memoised on it is read again."""
        self.reaches: date | None = None
        """The earliest day a write of this transaction touched (`date.min` for the profile
        and reviews, which change what the plan's carry was built with)."""
        self._profile: Any = UNREAD
        self._carry_text: Any = UNREAD

    def _wrote(self, day: date) -> None:
        self.written = True
        self.reaches = day if self.reaches is None else min(self.reaches, day)
        if day == date.min:  # the profile may have changed
            self._profile = UNREAD

    def forget_reads(self) -> None:
        """Forget what this transaction read (the profile, the carry): called when it ends,
        since another writer may change them before the next one."""
        self._profile = UNREAD
        self._carry_text = UNREAD

    # -- reading -------------------------------------------------------------------------

    def get_profile(self) -> Profile | None:
        """The profile, read once per transaction (a write hook and the windows all ask)."""
        if self._profile is UNREAD:
            self._profile = self._read_profile()
        profile: Profile | None = self._profile
        return profile

    def _read_profile(self) -> Profile | None:
        row = (
            self.conn.execute(select(profile).where(profile.c.person_id == self.person_id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        enabled = self.conn.execute(
            select(plan_enabled.c.exercise_id, plan_enabled.c.enabled_on)
            .where(plan_enabled.c.person_id == self.person_id)
            .order_by(plan_enabled.c.position)
        ).all()
        return mapping.row_to_profile(row, [(e, d) for e, d in enabled])

    def load(self) -> Journal:
        pid = self.person_id
        checkins = tuple(
            mapping.row_to_checkin(r)
            for r in self.conn.execute(
                select(checkin).where(checkin.c.person_id == pid).order_by(checkin.c.day)
            ).mappings()
        )
        activities = tuple(
            mapping.row_to_activity(r)
            for r in self.conn.execute(
                select(activity)
                .where(activity.c.person_id == pid)
                .order_by(activity.c.day, activity.c.id)
            ).mappings()
        )
        ratings = tuple(
            mapping.row_to_function(r)
            for r in self.conn.execute(
                select(function_rating)
                .where(function_rating.c.person_id == pid)
                .order_by(function_rating.c.day, function_rating.c.activity, function_rating.c.id)
            ).mappings()
        )
        results: dict[int, list[ExerciseResult]] = {}
        for r in self.conn.execute(
            select(exercise_result)
            .where(exercise_result.c.person_id == pid)
            .order_by(exercise_result.c.session_id, exercise_result.c.position)
        ).mappings():
            results.setdefault(r["session_id"], []).append(mapping.row_to_result(r))
        sessions = tuple(
            mapping.row_to_session(r, results.get(r["id"], ()))
            for r in self.conn.execute(
                select(session)
                .where(session.c.person_id == pid)
                .order_by(session.c.started_at, session.c.id)
            ).mappings()
        )
        reviews = tuple(
            mapping.row_to_review(r)
            for r in self.conn.execute(
                select(clinician_review)
                .where(clinician_review.c.person_id == pid)
                .order_by(clinician_review.c.day, clinician_review.c.id)
            ).mappings()
        )
        return Journal(
            profile=self.get_profile(),
            checkins=checkins,
            sessions=sessions,
            activities=activities,
            function=ratings,
            reviews=reviews,
        ).sorted()

    def get_checkin(self, day: date) -> CheckIn | None:
        row = (
            self.conn.execute(
                select(checkin).where(
                    (checkin.c.person_id == self.person_id) & (checkin.c.day == day)
                )
            )
            .mappings()
            .first()
        )
        return None if row is None else mapping.row_to_checkin(row)

    def record_dates(self) -> dict[str, set[date]]:
        """The dates that already hold records, per kind (keys as in the journal JSON)."""
        pid = self.person_id
        starts = self.conn.execute(
            select(session.c.started_at).where(session.c.person_id == pid)
        ).scalars()
        return {
            "checkins": set(
                self.conn.execute(select(checkin.c.day).where(checkin.c.person_id == pid))
                .scalars()
                .all()
            ),
            "sessions": {s.date() for s in starts},
            "activities": set(
                self.conn.execute(select(activity.c.day).where(activity.c.person_id == pid))
                .scalars()
                .all()
            ),
            "function": set(
                self.conn.execute(
                    select(function_rating.c.day).where(function_rating.c.person_id == pid)
                )
                .scalars()
                .all()
            ),
            "reviews": set(
                self.conn.execute(
                    select(clinician_review.c.day).where(clinician_review.c.person_id == pid)
                )
                .scalars()
                .all()
            ),
        }

    # -- writing -------------------------------------------------------------------------

    def save_profile(self, value: Profile) -> None:
        self._wrote(date.min)
        pid = self.person_id
        row = mapping.profile_to_row(value, pid)
        self._insert_or_update(profile, profile.c.person_id == pid, row)
        self.conn.execute(delete(plan_enabled).where(plan_enabled.c.person_id == pid))
        enabled = [
            {"person_id": pid, "position": i, "exercise_id": eid, "enabled_on": day}
            for i, (eid, day) in enumerate(value.plan.enabled_on)
        ]
        if enabled:
            self.conn.execute(insert(plan_enabled), enabled)

    def upsert_checkin(self, value: CheckIn) -> bool:
        self._wrote(value.date)
        row = mapping.checkin_to_row(value, self.person_id)
        where = (checkin.c.person_id == self.person_id) & (checkin.c.day == value.date)
        return self._insert_or_update(checkin, where, row)

    def _insert_or_update(self, table: Any, where: Any, row: dict[str, Any]) -> bool:
        """Update the row matching `where`, else insert; True when a row was updated.

        A concurrent writer may insert the same key between our look and our insert
        (PostgreSQL's read committed allows it); the savepoint lets us update instead.
        """
        if self.conn.execute(select(table).where(where).limit(1)).first() is not None:
            self.conn.execute(update(table).where(where).values(row))
            return True
        try:
            with self.conn.begin_nested():
                self.conn.execute(insert(table).values(row))
        except IntegrityError:
            self.conn.execute(update(table).where(where).values(row))
            return True
        return False

    def add_activity(self, value: Activity, client_id: str | None = None) -> None:
        self._wrote(value.date)
        row = mapping.activity_to_row(value, self.person_id)
        self.conn.execute(insert(activity).values(**row, client_id=client_id))

    def has_activity_from(self, client_id: str) -> bool:
        """Whether an activity with this client's id is stored already."""
        query = select(activity.c.id).where(
            (activity.c.person_id == self.person_id) & (activity.c.client_id == client_id)
        )
        return self.conn.execute(query).first() is not None

    def add_function_rating(self, rating: FunctionRating) -> None:
        """Store a rating; a second rating of the same activity on the same day replaces it."""
        self._wrote(rating.date)
        self.conn.execute(
            delete(function_rating).where(
                (function_rating.c.person_id == self.person_id)
                & (function_rating.c.day == rating.date)
                & (function_rating.c.activity == rating.activity)
            )
        )
        self.conn.execute(
            insert(function_rating).values(mapping.function_to_row(rating, self.person_id))
        )

    def add_review(self, review: ClinicianReview) -> None:
        """Store a clinician review (several on one day are kept, in the order saved)."""
        self._wrote(date.min)
        self.conn.execute(
            insert(clinician_review).values(mapping.review_to_row(review, self.person_id))
        )

    def start_session(self, value: Session) -> int:
        """Store a new session, marked partial until `finish_session`; returns its id."""
        self._wrote(value.date)
        row = mapping.session_to_row(value, self.person_id)
        row["partial"] = True
        session_id = int(
            self.conn.execute(insert(session).values(row).returning(session.c.id)).scalar_one()
        )
        if value.exercises:
            self.conn.execute(
                insert(exercise_result),
                [
                    mapping.result_to_row(r, session_id, i, self.person_id)
                    for i, r in enumerate(value.exercises)
                ],
            )
        return session_id

    def _own_session(self, session_id: int) -> date:
        """The session's day (KeyError when it is not this person's)."""
        if not 0 < session_id <= MAX_ROW_ID:  # the database could not even look it up
            raise KeyError(f"no session {session_id} for this person")
        found = self.conn.execute(
            select(session.c.started_at).where(
                (session.c.id == session_id) & (session.c.person_id == self.person_id)
            )
        ).first()
        if found is None:
            raise KeyError(f"no session {session_id} for this person")
        started = found[0]
        if not isinstance(started, datetime):
            started = datetime.fromisoformat(str(started))
        return started.date()

    def add_session_exercise(self, session_id: int, result: ExerciseResult) -> None:
        self._wrote(self._own_session(session_id))
        last = self.conn.execute(
            select(exercise_result.c.position)
            .where(exercise_result.c.session_id == session_id)
            .order_by(exercise_result.c.position.desc())
            .limit(1)
        ).scalar()
        position = 0 if last is None else int(last) + 1
        self.conn.execute(
            insert(exercise_result).values(
                mapping.result_to_row(result, session_id, position, self.person_id)
            )
        )

    def session_exercises(self, session_id: int) -> tuple[ExerciseResult, ...]:
        self._own_session(session_id)
        return tuple(
            mapping.row_to_result(r)
            for r in self.conn.execute(
                select(exercise_result)
                .where(exercise_result.c.session_id == session_id)
                .order_by(exercise_result.c.position)
            ).mappings()
        )

    def session_ids_on(self, day: date) -> dict[datetime, int]:
        """The ids of the sessions started on `day`, by start time."""
        start = datetime.combine(day, time())
        rows = self.conn.execute(
            select(session.c.id, session.c.started_at).where(
                (session.c.person_id == self.person_id)
                & (session.c.started_at >= start)
                & (session.c.started_at < start + timedelta(days=1))
            )
        )
        return {row.started_at: row.id for row in rows}

    def get_session(self, session_id: int) -> Session:
        row = (
            self.conn.execute(
                select(session).where(
                    (session.c.id == session_id) & (session.c.person_id == self.person_id)
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise KeyError(f"no session {session_id} for this person")
        return mapping.row_to_session(row, self.session_exercises(session_id))

    def finish_session(self, session_id: int, pain_after: int | None, partial: bool) -> None:
        self._wrote(self._own_session(session_id))
        self.conn.execute(
            update(session)
            .where(session.c.id == session_id)
            .values(pain_after=pain_after, partial=partial)
        )
