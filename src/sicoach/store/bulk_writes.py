"""Writes over a person's whole record: forgetting everything, and importing a journal in bulk.

A part of `SqlJournalRepository` (`sicoach.store.repository`), kept apart for its size:
bulk inserts in batches, and deleting the days an import replaces. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, insert, select

from sicoach.domain.journal import Journal, Profile
from sicoach.store import mapping
from sicoach.store.tables import (
    activity,
    checkin,
    clinician_review,
    exercise_result,
    function_rating,
    session,
)

T = TypeVar("T")
CHUNK = 500
Progress = Callable[[int, int], None]


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterable[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class BulkWrites:
    """Forget and import, on the repository's connection and person."""

    conn: Connection
    person_id: int
    written: bool  # set by any write, so the unit of work bumps the person's version

    def _wrote(self, day: date) -> None: ...

    save_profile: Callable[[Profile], None]  # the repository's own

    def forget_everything(self) -> None:
        """Delete every record of this person (the person's id stays, so the app goes on).

        On SQLite, `secure_delete` overwrites the freed pages, so the deleted text does not
        linger inside the file.
        """
        self._wrote(date.min)
        from sicoach.store.tables import metadata

        pid = self.person_id
        if self.conn.dialect.name == "sqlite":
            self.conn.exec_driver_sql("PRAGMA secure_delete = ON")
        # Every table holding the person's rows, children before parents (so a table
        # added later is deleted too, without a change here).
        for table in reversed(metadata.sorted_tables):
            if "person_id" in table.c:
                self.conn.execute(delete(table).where(table.c.person_id == pid))

    # -- import --------------------------------------------------------------------------

    def _delete_days(self, table: Any, days: set[date]) -> None:
        for batch in chunked(sorted(days)):
            self.conn.execute(
                delete(table).where((table.c.person_id == self.person_id) & table.c.day.in_(batch))
            )

    def _delete_session_days(self, days: set[date]) -> None:
        rows = self.conn.execute(
            select(session.c.id, session.c.started_at).where(session.c.person_id == self.person_id)
        ).all()
        ids = [sid for sid, started in rows if started.date() in days]
        for batch in chunked(ids):
            self.conn.execute(
                delete(exercise_result).where(exercise_result.c.session_id.in_(batch))
            )
            self.conn.execute(delete(session).where(session.c.id.in_(batch)))

    def import_journal(
        self, journal: Journal, replace: bool, progress: Progress | None = None
    ) -> None:
        """Insert a whole journal in bulk; with `replace`, its days overwrite ours.

        Without `replace` the caller has checked that no day of the journal is taken.
        `progress(done, total)` is called after each batch of records.
        """
        self._wrote(date.min)
        pid = self.person_id
        if replace:
            self._delete_days(checkin, {c.date for c in journal.checkins})
            self._delete_days(activity, {a.date for a in journal.activities})
            self._delete_days(function_rating, {f.date for f in journal.function})
            self._delete_session_days({s.date for s in journal.sessions})
            self._delete_days(clinician_review, {r.date for r in journal.reviews})
        if journal.profile is not None:
            self.save_profile(journal.profile)

        total = (
            len(journal.checkins)
            + len(journal.activities)
            + len(journal.function)
            + len(journal.sessions)
            + len(journal.reviews)
        )
        done = 0
        if progress is not None:
            progress(0, total)

        def step(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total)

        def bulk(table: Any, rows: Sequence[dict[str, Any]]) -> None:
            for batch in chunked(rows, 1000):
                self.conn.execute(insert(table), batch)
                step(len(batch))

        bulk(checkin, [mapping.checkin_to_row(c, pid) for c in journal.checkins])
        bulk(activity, [mapping.activity_to_row(a, pid) for a in journal.activities])
        bulk(function_rating, [mapping.function_to_row(f, pid) for f in journal.function])
        bulk(clinician_review, [mapping.review_to_row(r, pid) for r in journal.reviews])
        for batch in chunked(journal.sessions, 1000):
            ids = (
                self.conn.execute(
                    insert(session).returning(session.c.id, sort_by_parameter_order=True),
                    [mapping.session_to_row(s, pid) for s in batch],
                )
                .scalars()
                .all()
            )
            results = [
                mapping.result_to_row(r, sid, i, pid)
                for sid, s in zip(ids, batch, strict=True)
                for i, r in enumerate(s.exercises)
            ]
            for rows in chunked(results, 5000):
                self.conn.execute(insert(exercise_result), rows)
            step(len(batch))
