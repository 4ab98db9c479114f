"""Sign-in sessions and attempts: a part of `SqlAccounts` (`sicoach.store.accounts`), kept
apart for its size. Works inside the caller's transaction and checks nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from sicoach.domain.accounts import SigninSession
from sicoach.store.account_tables import signin_attempt, signin_session


def _session(row: Any) -> SigninSession:
    return SigninSession(
        id=row.id,
        account_id=row.account_id,
        device_label=row.device_label,
        kind=row.kind,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        idle_seconds=row.idle_seconds,
        expires_at=row.expires_at,
        reauthenticated_at=row.reauthenticated_at,
        revoked_at=row.revoked_at,
    )


class SigninRows:
    """The sessions a sign-in opens and every attempt, on the unit's connection."""

    conn: Connection

    # -- sign-in sessions ---------------------------------------------------------------

    def add_session(
        self,
        token_hash: str,
        account_id: int,
        device_label: str,
        kind: str,
        now: datetime,
        idle_seconds: int,
        expires_at: datetime,
    ) -> int:
        new_id = self.conn.execute(
            insert(signin_session)
            .values(
                token_hash=token_hash,
                account_id=account_id,
                device_label=device_label,
                kind=kind,
                created_at=now,
                last_seen_at=now,
                idle_seconds=idle_seconds,
                expires_at=expires_at,
                reauthenticated_at=now,
            )
            .returning(signin_session.c.id)
        ).scalar_one()
        return int(new_id)

    def session_by_token(self, token_hash: str) -> SigninSession | None:
        row = self.conn.execute(
            select(signin_session).where(signin_session.c.token_hash == token_hash)
        ).first()
        return None if row is None else _session(row)

    def sessions_of(self, account_id: int) -> list[SigninSession]:
        query = (
            select(signin_session)
            .where(signin_session.c.account_id == account_id)
            .order_by(signin_session.c.last_seen_at.desc())
        )
        return [_session(row) for row in self.conn.execute(query).all()]

    def touch_session(self, session_id: int, now: datetime) -> None:
        self.conn.execute(
            update(signin_session).where(signin_session.c.id == session_id).values(last_seen_at=now)
        )

    def reauthenticated(self, session_id: int, now: datetime) -> None:
        self.conn.execute(
            update(signin_session)
            .where(signin_session.c.id == session_id)
            .values(reauthenticated_at=now, last_seen_at=now)
        )

    def revoke_session(self, session_id: int, now: datetime) -> None:
        self.conn.execute(
            update(signin_session)
            .where((signin_session.c.id == session_id) & signin_session.c.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    def revoke_sessions_of(self, account_id: int, now: datetime, keep: int | None = None) -> int:
        query = (
            update(signin_session)
            .where(
                (signin_session.c.account_id == account_id) & signin_session.c.revoked_at.is_(None)
            )
            .values(revoked_at=now)
        )
        if keep is not None:
            query = query.where(signin_session.c.id != keep)
        return int(self.conn.execute(query).rowcount or 0)

    # -- sign-in attempts ---------------------------------------------------------------

    def add_attempt(self, email_key: str, address: str, now: datetime, succeeded: bool) -> None:
        self.conn.execute(
            insert(signin_attempt).values(
                email_key=email_key, address=address, at=now, succeeded=succeeded
            )
        )

    def failures_since(self, since: datetime, email_key: str, address: str) -> list[datetime]:
        """Times of failed attempts since `since`, for the email or from the address
        (whichever has more), oldest first."""
        found: list[datetime] = []
        for column, value in (
            (signin_attempt.c.email_key, email_key),
            (signin_attempt.c.address, address),
        ):
            query = (
                select(signin_attempt.c.at)
                .where((column == value) & (signin_attempt.c.at >= since))
                .where(signin_attempt.c.succeeded.is_(False))
                .order_by(signin_attempt.c.at)
            )
            times = [row[0] for row in self.conn.execute(query).all()]
            if len(times) > len(found):
                found = times
        return found
