"""A clinician's messages to a patient: part of `SqlJournalRepository`, kept apart for size.

Reading or marking a message read changes nothing the plan or the safety level is built
from: these writes mark the repository `touched`, so the unit of work bumps the person's
version alone (Today, memoised on it, shows the message) and rebuilds nothing. Nothing here
commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from sicoach.domain.journal import ClinicianMessage
from sicoach.store.tables import clinician_message


class MessageRows:
    """Messages on the repository's connection and person."""

    conn: Connection
    person_id: int
    touched: bool

    def add_message(self, at: datetime, by: str, by_account: int | None, text: str) -> int:
        """Store a message; returns its id."""
        result = self.conn.execute(
            insert(clinician_message)
            .values(person_id=self.person_id, at=at, by_name=by[:254], by_account=by_account)
            .values(text=text[:600])
            .returning(clinician_message.c.id)
        )
        self.touched = True
        return int(result.scalar_one())

    def messages(self, unread_only: bool = False, limit: int = 20) -> tuple[ClinicianMessage, ...]:
        """The person's messages, newest first (only those not yet read when asked)."""
        m = clinician_message.c
        query = select(m.id, m.at, m.by_name, m.text, m.read_at).where(
            m.person_id == self.person_id
        )
        if unread_only:
            query = query.where(m.read_at.is_(None))
        rows = self.conn.execute(query.order_by(m.at.desc(), m.id.desc()).limit(limit)).all()
        return tuple(ClinicianMessage(*row) for row in rows)

    def mark_message_read(self, message_id: int, at: datetime) -> bool:
        """Record when the person read a message (kept from the first time); False when the
        person has no message with that id."""
        m = clinician_message.c
        found = self.conn.execute(
            select(m.read_at).where(m.id == message_id, m.person_id == self.person_id)
        ).first()
        if found is None:
            return False
        if found.read_at is None:
            self.conn.execute(
                update(clinician_message)
                .where(m.id == message_id, m.person_id == self.person_id)
                .values(read_at=at)
            )
            self.touched = True
        return True
