"""The audit log: a part of `SqlAccounts` (`sicoach.store.accounts`), kept apart for its
size. Works inside the caller's transaction and checks nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select

from sicoach.domain.accounts import AuditEvent
from sicoach.store.account_tables import audit_event


class AuditRows:
    """Who did what to whose record, and when, on the unit's connection."""

    conn: Connection

    # -- audit --------------------------------------------------------------------------

    def audit(
        self,
        now: datetime,
        actor_id: int | None,
        actor_label: str,
        subject_id: int | None,
        action: str,
        detail: str = "",
    ) -> None:
        self.conn.execute(
            insert(audit_event).values(
                at=now,
                actor_id=actor_id,
                actor_label=actor_label[:254],
                subject_id=subject_id,
                action=action,
                detail=detail[:500],
            )
        )

    def audit_events(self, subject_id: int | None = None, limit: int = 200) -> list[AuditEvent]:
        query = select(audit_event).order_by(audit_event.c.at.desc(), audit_event.c.id.desc())
        if subject_id is not None:
            query = query.where(audit_event.c.subject_id == subject_id)
        rows = self.conn.execute(query.limit(limit)).all()
        return [
            AuditEvent(r.at, r.actor_id, r.actor_label, r.subject_id, r.action, r.detail)
            for r in rows
        ]
