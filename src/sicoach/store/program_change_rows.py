"""A clinician's changes to a patient's program: part of `SqlJournalRepository`, kept apart
for size. The change is written inside the transaction that makes it; nothing here commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select

from sicoach.domain.journal import ProgramChange
from sicoach.store.tables import program_change


class ProgramChangeRows:
    """Program changes on the repository's connection and person."""

    conn: Connection
    person_id: int

    def add_program_change(self, change: ProgramChange) -> None:
        """Record a clinician's change (inside the transaction that makes it)."""
        self.conn.execute(
            insert(program_change).values(
                person_id=self.person_id,
                at=change.at,
                by_name=change.by[:254],
                exercise_id=change.exercise_id,
                change=change.change,
                reason=change.reason[:300],
                reps=change.reps,
                hold_seconds=change.hold_seconds,
                week_minutes=change.week_minutes,
                walk_minutes=change.walk_minutes,
            )
        )

    def program_changes(self, since: datetime) -> tuple[ProgramChange, ...]:
        """A clinician's changes from `since`, newest first."""
        p = program_change.c
        rows = self.conn.execute(
            select(
                p.at,
                p.by_name,
                p.exercise_id,
                p.change,
                p.reason,
                p.reps,
                p.hold_seconds,
                p.week_minutes,
                p.walk_minutes,
            )
            .where(p.person_id == self.person_id, p.at >= since)
            .order_by(p.at.desc(), p.id.desc())
        ).all()
        return tuple(ProgramChange(*row) for row in rows)
