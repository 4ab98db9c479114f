"""Which red-flag questions a person answered on a day (the `screening` table).

Implements `sicoach.services.unit_of_work.ScreeningRepository`. The answers themselves are
symptoms of the day's check-in; this only remembers that the questions were asked, so the
screen before a session is asked once a day and not before every session.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, insert, select, update

from sicoach.store.tables import screening


class SqlScreeningRepository:
    def __init__(self, conn: Connection, person_id: int) -> None:
        self.conn = conn
        self.person_id = person_id
        self.touched = False
        """Whether this transaction wrote answers: the unit of work bumps the version alone."""

    def _where(self, day: date):  # type: ignore[no-untyped-def]
        return (screening.c.person_id == self.person_id) & (screening.c.day == day)

    def answered_on(self, day: date) -> frozenset[str]:
        """The codes of the questions answered on `day` (empty when none were)."""
        text = self.conn.execute(select(screening.c.answered).where(self._where(day))).scalar()
        return frozenset((text or "").split())

    def add_answered(self, day: date, codes: frozenset[str]) -> None:
        """Remember more questions answered on `day` (those already there stay)."""
        self.touched = True
        before = self.conn.execute(select(screening.c.answered).where(self._where(day))).scalar()
        if before is None:
            self.conn.execute(
                insert(screening).values(
                    person_id=self.person_id, day=day, answered=" ".join(sorted(codes))
                )
            )
            return
        merged = " ".join(sorted(set(before.split()) | codes))
        self.conn.execute(update(screening).where(self._where(day)).values(answered=merged))
