"""The SQLAlchemy unit of work: one connection, one transaction at a time.

`with uow: ... uow.commit()`; leaving the block without committing rolls back, so an
error part-way writes nothing. After `commit` the same unit can keep working (a new
transaction begins on the next statement).

A unit made with `read_only=True` never takes the write lock (SQLite begins a plain
deferred transaction), so reading a page never waits behind, or blocks, a writer. A writing
unit takes the lock at its first statement (see `sicoach.store.engine`). A database failure
a person can act on (busy, full, read-only) leaves the block as a `StoreError` kind.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from sicoach.domain.person_summary import PersonSummary
from sicoach.store.engine import PERSON_LOCK, READ_ONLY, describe_failure, failure_kind
from sicoach.store.person_state_rows import bump_with_summary
from sicoach.store.repository import SqlJournalRepository
from sicoach.store.screenings import SqlScreeningRepository

Summarise = Callable[[SqlJournalRepository], PersonSummary]
"""Works out a person's derived state from their journal, inside the writing transaction."""


class SqlUnitOfWork:
    journal: SqlJournalRepository
    screenings: SqlScreeningRepository

    def __init__(
        self,
        engine: Engine,
        person_id: int,
        read_only: bool = False,
        url: str = "",
        on_write: Callable[[SqlJournalRepository], None] | None = None,
        summarise: Summarise | None = None,
    ) -> None:
        self._on_write = on_write
        self._engine = engine
        self._summarise = summarise
        self._url = url or engine.url.render_as_string(hide_password=False)
        self._person_id = person_id
        self._read_only = read_only
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        conn = self._engine.connect()
        conn.execution_options(**{READ_ONLY: self._read_only, PERSON_LOCK: self._person_id})
        self._conn = conn
        self.journal = SqlJournalRepository(conn, self._person_id)
        self.screenings = SqlScreeningRepository(conn, self._person_id)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        conn = self._conn
        self._conn = None
        if conn is not None:
            try:
                conn.rollback()
            except DBAPIError:
                pass  # the connection is going anyway; the first error is the one to tell
            finally:
                conn.close()
        if isinstance(error, DBAPIError) and (
            isinstance(error, OperationalError) or failure_kind(error) is not None
        ):
            # The database itself failed (busy, full, read-only, gone, a disk error): one
            # plain sentence for the faces, never a traceback or a 500.
            raise describe_failure(self._url, error) from error

    def _connection(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._conn

    def commit(self) -> None:
        conn = self._connection()
        if self.journal.written:  # same transaction: no reader sees the write without the bump
            if self._on_write is not None:
                self._on_write(self.journal)  # the derived state, e.g. the plan's carry
            summary = None if self._summarise is None else self._summarise(self.journal)
            bump_with_summary(conn, self._person_id, summary)
            self.journal.written = False
            self.journal.reaches = None
        self.journal.forget_reads()
        conn.commit()

    def rollback(self) -> None:
        self._connection().rollback()
        self.journal.written = False
        self.journal.reaches = None
        self.journal.forget_reads()
