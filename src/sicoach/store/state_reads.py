"""The person's state row and the bounded windows the plan, the triage and the worklist
summary read: part of `SqlJournalRepository`, kept apart for size. Nothing here commits."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from sicoach.domain.journal import Journal, Profile
from sicoach.domain.person_summary import PersonSummary
from sicoach.store import person_state_rows

UNREAD: Any = object()
"""A value not read yet in this transaction."""


class StateReads:
    """The version, the plan's carry and the windows, on the repository's connection."""

    conn: Connection
    person_id: int
    _carry_text: Any

    def get_profile(self) -> Profile | None:  # the repository's, read once per transaction
        raise NotImplementedError

    # -- version --------------------------------------------------------------------------

    def version(self) -> tuple[int, int] | None:
        """The person's (version, stamp), None before the first write."""
        return person_state_rows.read_version(self.conn, self.person_id)

    def plan_carry_text(self) -> str | None:
        """Today's plan's stored carry (`sicoach.domain.plan_carry`), None when there is none;
        read once per transaction (the write hook and the worklist summary both ask)."""
        if self._carry_text is UNREAD:
            self._carry_text = person_state_rows.read_plan_carry(self.conn, self.person_id)
        text: str | None = self._carry_text
        return text

    def save_plan_carry(self, text: str | None) -> None:
        """Store (or clear) the carry, in the writing transaction."""
        person_state_rows.save_plan_carry(self.conn, self.person_id, text)
        self._carry_text = text

    def load_window(
        self,
        spans: tuple[tuple[date, date], ...],
        on: date,
        checkin_days: tuple[date, ...] = (),
    ) -> Journal:
        """The records in `spans` (day ranges up to `on`) and the check-ins of
        `checkin_days`, with the profile, the activity ratings and the reviews."""
        from sicoach.store.window_reads import load_window

        return load_window(self.conn, self.person_id, spans, on, self.get_profile(), checkin_days)

    def load_safety_window(self, on: date) -> Journal:
        """What the triage of `on` reads (see `sicoach.domain.journal_window`)."""
        from sicoach.store.window_reads import load_safety_window

        return load_safety_window(self.conn, self.person_id, on, self.get_profile())

    def load_state_window(
        self, spans: tuple[tuple[date, date], ...], on: date, checkin_days: tuple[date, ...]
    ) -> Journal:
        """`load_window` with the latest session and activity up to `on` too, wherever they
        fall: what the worklist summary reads beside a current carry."""
        from sicoach.store.window_reads import latest_days

        extra = tuple((day, day) for day in latest_days(self.conn, self.person_id, on))
        return self.load_window((*spans, *extra), on, checkin_days)

    def latest_record_before(self, day: date) -> date | None:
        """The day of the latest check-in, session or activity before `day`."""
        from sicoach.store.window_reads import latest_record_before

        return latest_record_before(self.conn, self.person_id, day)

    def record_counts(self) -> dict[str, int]:
        """How many check-ins, sessions, activities and activity ratings the person has
        (one statement, counted by the database: what "forget" lists before it deletes)."""
        from sqlalchemy import func, select

        from sicoach.store.tables import activity, checkin, function_rating, session

        kinds = {
            "checkins": checkin,
            "sessions": session,
            "activities": activity,
            "function": function_rating,
        }
        row = self.conn.execute(
            select(
                *(
                    select(func.count())
                    .select_from(table)
                    .where(table.c.person_id == self.person_id)
                    .scalar_subquery()
                    for table in kinds.values()
                )
            )
        ).one()
        return dict(zip(kinds, (int(n) for n in row), strict=True))

    def load_summary_window(self, on: date) -> Journal:
        """What the worklist summary of `on` reads (see `sicoach.store.summary_reads`)."""
        from sicoach.store.summary_reads import load_summary_window

        return load_summary_window(self.conn, self.person_id, on, self.get_profile())

    def stored_summary(self) -> PersonSummary | None:
        """The derived state on the person's row (None before the first write)."""
        return person_state_rows.read_summary(self.conn, self.person_id)
