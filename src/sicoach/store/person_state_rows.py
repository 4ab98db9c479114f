"""The per-person derived-state row: its version, bumped by every write.

A reader (a page cache in any app process) compares the version it computed from with the
one in the database on every request, so no process shows a journal older than the last
commit. `stamp` is drawn at random at each bump: a restored older copy of the database
never repeats a (version, stamp) pair a cache has seen.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Connection, insert, select, update

from sicoach.store.tables import person_state


def read_version(conn: Connection, person_id: int) -> tuple[int, int] | None:
    """(version, stamp) of the person, None before their first write."""
    row = conn.execute(
        select(person_state.c.version, person_state.c.stamp).where(
            person_state.c.person_id == person_id
        )
    ).first()
    return None if row is None else (int(row[0]), int(row[1]))


def bump_version(conn: Connection, person_id: int) -> None:
    """Count one more write and draw a new stamp, inside the writing transaction (which
    holds the person's write lock on either database, so no one else inserts the row)."""
    stamp = secrets.randbits(62)
    mine = person_state.c.person_id == person_id
    bumped = conn.execute(
        update(person_state).where(mine).values(version=person_state.c.version + 1, stamp=stamp)
    )
    if bumped.rowcount == 0:
        conn.execute(insert(person_state).values(person_id=person_id, version=1, stamp=stamp))


def read_plan_carry(conn: Connection, person_id: int) -> str | None:
    """Today's plan's stored carry (JSON text), None when there is none."""
    return conn.execute(
        select(person_state.c.plan_carry).where(person_state.c.person_id == person_id)
    ).scalar()


def save_plan_carry(conn: Connection, person_id: int, text: str | None) -> None:
    """Store the carry in the person's row (inside the writing transaction)."""
    mine = person_state.c.person_id == person_id
    saved = conn.execute(update(person_state).where(mine).values(plan_carry=text))
    if saved.rowcount == 0:
        conn.execute(
            insert(person_state).values(person_id=person_id, version=0, stamp=0, plan_carry=text)
        )
