"""The per-person derived-state row: its version, bumped by every write.

A reader (a page cache in any app process) compares the version it computed from with the
one in the database on every request, so no process shows a journal older than the last
commit. `stamp` is drawn at random at each bump: a restored older copy of the database
never repeats a (version, stamp) pair a cache has seen.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from sicoach.domain.person_summary import PersonSummary
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


def summary_values(summary: PersonSummary) -> dict[str, Any]:
    """The row's columns for a summary (reasons space-separated)."""
    return {
        "state_on": summary.on,
        "level": summary.level,
        "reasons": " ".join(summary.reasons),
        "sign": summary.sign,
        "sign_message": summary.sign_message,
        "sign_date": summary.sign_date,
        "start_day": summary.start,
        "last_seen": summary.last_seen,
        "pain_first_week": summary.pain_first_week,
        "pain_now": summary.pain_now,
        "pain_meaning": summary.pain_meaning,
        "adherence_done": summary.adherence_done,
        "adherence_planned": summary.adherence_planned,
        "aerobic_week": summary.aerobic_week,
        "birth_year": summary.birth_year,
    }


def summary_of(row: Any) -> PersonSummary | None:
    """The summary a row holds (None before its first summary was written)."""
    if row["state_on"] is None:
        return None
    return PersonSummary(
        on=row["state_on"],
        level=row["level"],
        reasons=tuple(str(row["reasons"] or "").split()),
        sign=row["sign"] or "",
        sign_message=row["sign_message"] or "",
        sign_date=row["sign_date"],
        start=row["start_day"],
        last_seen=row["last_seen"],
        pain_first_week=row["pain_first_week"],
        pain_now=row["pain_now"],
        pain_meaning=row["pain_meaning"] or "unknown",
        adherence_done=int(row["adherence_done"] or 0),
        adherence_planned=int(row["adherence_planned"] or 0),
        aerobic_week=int(row["aerobic_week"] or 0),
        birth_year=row["birth_year"],
    )


def write_summary(conn: Connection, person_id: int, summary: PersonSummary) -> None:
    """Store the summary on the person's row (made if missing), in the caller's transaction."""
    values = summary_values(summary)
    mine = person_state.c.person_id == person_id
    if conn.execute(update(person_state).where(mine).values(**values)).rowcount == 0:
        conn.execute(insert(person_state).values(person_id=person_id, version=0, stamp=0, **values))


def read_summary(conn: Connection, person_id: int) -> PersonSummary | None:
    row = (
        conn.execute(select(person_state).where(person_state.c.person_id == person_id))
        .mappings()
        .first()
    )
    return None if row is None else summary_of(row)


_STATE_WRITES: dict[tuple[str, ...], Any] = {}
"""The built statement that bumps the version with a summary's columns, by column names
(built once per process: building a statement costs more than running it)."""


def _state_write(columns: tuple[str, ...]) -> Any:
    statement = _STATE_WRITES.get(columns)
    if statement is None:
        statement = _STATE_WRITES[columns] = (
            update(person_state)
            .where(person_state.c.person_id == bindparam("pid"))
            .values(
                version=person_state.c.version + 1,
                stamp=bindparam("new_stamp"),
                **{name: bindparam(f"new_{name}") for name in columns},
            )
        )
    return statement


def bump_with_summary(conn: Connection, person_id: int, summary: PersonSummary | None) -> None:
    """`bump_version` and `write_summary` in one statement: a write's one write of the row."""
    stamp = secrets.randbits(62)
    values = {} if summary is None else summary_values(summary)
    params = {f"new_{name}": value for name, value in values.items()}
    statement = _state_write(tuple(values))
    if conn.execute(statement, {"pid": person_id, "new_stamp": stamp, **params}).rowcount == 0:
        conn.execute(
            insert(person_state).values(person_id=person_id, version=1, stamp=stamp, **values)
        )
