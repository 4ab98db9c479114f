"""The SQLAlchemy unit of work: one connection, one transaction at a time.

`with uow: ... uow.commit()`; leaving the block without committing rolls back, so an
error part-way writes nothing. After `commit` the same unit can keep working (a new
transaction begins on the next statement).
"""

from __future__ import annotations

from typing import Self

from sqlalchemy import Connection, Engine

from sicoach.store.repository import SqlJournalRepository


class SqlUnitOfWork:
    journal: SqlJournalRepository

    def __init__(self, engine: Engine, person_id: int) -> None:
        self._engine = engine
        self._person_id = person_id
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        self._conn = self._engine.connect()
        self.journal = SqlJournalRepository(self._conn, self._person_id)
        return self

    def __exit__(self, *exc: object) -> None:
        conn = self._conn
        self._conn = None
        if conn is None:
            return
        try:
            conn.rollback()
        finally:
            conn.close()

    def _connection(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._conn

    def commit(self) -> None:
        self._connection().commit()

    def rollback(self) -> None:
        self._connection().rollback()
