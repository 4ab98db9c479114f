"""The SQLAlchemy unit of work: one connection, one transaction at a time.

`with uow: ... uow.commit()`; leaving the block without committing rolls back, so an
error part-way writes nothing. After `commit` the same unit can keep working (a new
transaction begins on the next statement).

A unit made with `read_only=True` never takes the write lock (SQLite begins a plain
deferred transaction), so reading a page never waits behind, or blocks, a writer. A writing
unit takes the lock at its first statement (see `sicoach.store.engine`). A database failure
a person can act on (busy, full, read-only) leaves the block as a `StoreError` kind.

Inside `one_connection_per_request()` (the web app wraps each request in it) the units of
one request share one connection, each in its own transaction: a page reads the version,
the window and the clinician's changes without opening (and, on SQLite, setting up and
checkpointing on close) a connection for each. A writing unit takes it too when it is free
(its transaction still begins with the write lock), so a request that reads and then writes
holds one pooled connection, never one idle while it waits for a second; only a unit opened
while another of the request is still open gets a connection of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from sicoach.domain.person_summary import PersonSummary
from sicoach.store.engine import PERSON_LOCK, READ_ONLY, describe_failure, failure_kind
from sicoach.store.person_state_rows import bump_version, bump_with_summary
from sicoach.store.repository import SqlJournalRepository
from sicoach.store.screenings import SqlScreeningRepository

Summarise = Callable[[SqlJournalRepository], PersonSummary]
"""Works out a person's derived state from their journal, inside the writing transaction."""


class _Shared:
    """The reading connections one request holds, by engine, and which are in use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: dict[Engine, Connection] = {}
        self.busy: set[Engine] = set()
        self.closed = False

    def take(self, engine: Engine) -> Connection | None:
        """The request's connection to `engine` (opened on first use); None while another
        unit of the request holds it (that one then opens its own)."""
        with self.lock:
            if engine in self.busy:
                return None
            self.busy.add(engine)
            conn = self.idle.get(engine)
        if conn is None or conn.closed:
            try:
                conn = engine.connect()
            except BaseException:
                self.give_back(engine, None)
                raise
        return conn

    def give_back(self, engine: Engine, conn: Connection | None) -> None:
        """Return the connection for the request's next unit; after the request ended (a
        worker thread finishing late), close it instead of keeping it from the pool."""
        with self.lock:
            self.busy.discard(engine)
            late = self.closed
            if conn is None or late:
                self.idle.pop(engine, None)
            else:
                self.idle[engine] = conn
        if late and conn is not None:
            conn.close()

    def close(self) -> None:
        with self.lock:
            self.closed = True
            held, self.idle = list(self.idle.values()), {}
        for conn in held:
            conn.close()


_REQUEST_CONNECTIONS: ContextVar[_Shared | None] = ContextVar(
    "sicoach_request_connections", default=None
)


@contextmanager
def one_connection_per_request() -> Iterator[None]:
    """Around one request: its units share one connection per database, closed at the end
    (a unit opened while another of the request is open gets its own)."""
    shared = _Shared()
    token = _REQUEST_CONNECTIONS.set(shared)
    try:
        yield
    finally:
        _REQUEST_CONNECTIONS.reset(token)
        shared.close()


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
        on_bump: Callable[[], None] | None = None,
    ) -> None:
        self._on_write = on_write
        self._on_bump = on_bump
        self._engine = engine
        self._summarise = summarise
        self._url = url or engine.url.render_as_string(hide_password=False)
        self._person_id = person_id
        self._read_only = read_only
        self._conn: Connection | None = None
        self._shared: _Shared | None = None

    def __enter__(self) -> Self:
        shared = _REQUEST_CONNECTIONS.get()
        conn = None if shared is None else shared.take(self._engine)
        if conn is None:
            conn = self._engine.connect()
        else:
            self._shared = shared
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
        conn, shared = self._conn, self._shared
        self._conn = self._shared = None
        if conn is not None:
            healthy = False
            try:
                conn.rollback()
                healthy = error is None
            except DBAPIError:
                pass  # the connection is going anyway; the first error is the one to tell
            finally:
                if shared is not None and healthy:
                    shared.give_back(self._engine, conn)  # the request's next read uses it
                else:
                    if shared is not None:
                        shared.give_back(self._engine, None)
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
        bumped = True
        if self.journal.written:  # same transaction: no reader sees the write without the bump
            if self._on_write is not None:
                self._on_write(self.journal)  # the derived state, e.g. the plan's carry
            summary = None if self._summarise is None else self._summarise(self.journal)
            bump_with_summary(conn, self._person_id, summary)
        elif self.journal.touched or self.screenings.touched:
            bump_version(conn, self._person_id)  # a message or a screen: nothing to rebuild
        else:
            bumped = False
        if bumped and self._on_bump is not None:
            self._on_bump()  # e.g. the request's next read checks the version again
        self._forget_writes()
        conn.commit()

    def rollback(self) -> None:
        self._connection().rollback()
        self._forget_writes()

    def _forget_writes(self) -> None:
        self.journal.written = self.journal.touched = self.screenings.touched = False
        self.journal.reaches = None
        self.journal.forget_reads()
