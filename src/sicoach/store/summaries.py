"""The derived-state rows for a clinic: "seen" acknowledgements, and the rebuild of every
row from the journals (`sicoach people refresh`), in one process or split over several.
The worklist's query over them is `sicoach.store.worklist_query`."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, select, update

from sicoach.domain.person_summary import PersonSummary
from sicoach.store.account_tables import account
from sicoach.store.engine import PERSON_LOCK, get_engine
from sicoach.store.person_state_rows import save_plan_carry, write_summary
from sicoach.store.repository import SqlJournalRepository
from sicoach.store.tables import person, person_state


def mark_seen(conn: Connection, patient_account: int, key: str, by: str, at: datetime) -> bool:
    """Record that `by` saw the alerts `key` of the patient; False without a state row."""
    journal = select(account.c.journal_id).where(account.c.id == patient_account)
    done = conn.execute(
        update(person_state)
        .where(person_state.c.person_id == journal.scalar_subquery())
        .values(seen_key=key[:600], seen_by=by[:254], seen_at=at)
    )
    return done.rowcount > 0


Derive = Callable[[SqlJournalRepository], tuple[str | None, PersonSummary]]
"""A person's rebuilt row from their journal: the plan carry's text (or None) and summary."""

CHUNK = 25
"""People per piece of work handed to a rebuilding process (and per progress report)."""

_job: tuple[str, Derive] | None = None
"""The rebuild a forked process works on (set before forking; a closure cannot be pickled)."""


def _rebuild_some(database_url: str, derive: Derive, ids: list[int]) -> tuple[int, int]:
    """Rewrite the rows of `ids`, one short transaction each, under the person's write lock
    (so a live write never interleaves); returns (people, carries kept)."""
    engine = get_engine(database_url)
    kept = 0
    for pid in ids:
        with engine.connect() as conn:
            conn.execution_options(**{PERSON_LOCK: pid})
            carry, summary = derive(SqlJournalRepository(conn, pid))
            save_plan_carry(conn, pid, carry)
            write_summary(conn, pid, summary)
            conn.commit()
        kept += carry is not None
    return len(ids), kept


def _rebuild_in_child(ids: list[int]) -> tuple[int, int]:
    if _job is None:
        raise RuntimeError("no rebuild was set up before the fork")
    return _rebuild_some(*_job, ids)


def rebuild_all(
    database_url: str,
    derive: Derive,
    progress: Callable[[int, int], None] | None = None,
    processes: int = 1,
) -> tuple[int, int]:
    """Rewrite every person's row from `derive`, split over `processes` forked processes
    when more than one on PostgreSQL (each person's lock is their own there; SQLite's one
    write lock would serialise the processes, and keep one waiting past its timeout);
    returns (people, carries kept)."""
    global _job
    if not database_url.startswith("postgresql"):
        processes = 1
    with get_engine(database_url).connect() as conn:
        ids = [int(i) for i in conn.execute(select(person.c.id).order_by(person.c.id)).scalars()]
    size = max(1, min(CHUNK, -(-len(ids) // max(1, processes))))  # every process has work
    chunks = [ids[i : i + size] for i in range(0, len(ids), size)]
    done = kept = 0

    def count(result: tuple[int, int]) -> None:
        nonlocal done, kept
        done, kept = done + result[0], kept + result[1]
        if progress is not None:
            progress(done, len(ids))

    if processes <= 1 or len(chunks) < 2:
        for chunk in chunks:
            count(_rebuild_some(database_url, derive, chunk))
        return done, kept
    _job = (database_url, derive)
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for result in pool.imap_unordered(_rebuild_in_child, chunks):
                count(result)
    finally:
        _job = None
    return done, kept
