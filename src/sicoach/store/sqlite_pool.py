"""A SQLite pool that shares connections only while units of work overlap.

Opening a SQLite connection costs a few milliseconds (the pragmas, the schema read, and
closing the last one checkpoints and removes the write-ahead log). A busy server reuses
connections between overlapping requests; once none is in use, every connection is
closed, as with no pool at all. That matters: while a connection stays open, its
write-ahead log stays beside the file, and a file moved into the journal's place (a copy
put back by hand) would be opened with the old file's log applied to it.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy.pool import ConnectionPoolEntry, Pool


class SharedWhileBusy(Pool):
    """Up to `pool_size` idle connections, kept only while another one is in use."""

    def __init__(self, creator: Any, pool_size: int = 5, **kw: Any) -> None:
        super().__init__(creator, **kw)
        self._size = pool_size
        self._idle: list[ConnectionPoolEntry] = []
        self._in_use = 0
        self._guard = threading.Lock()

    def status(self) -> str:
        return f"SharedWhileBusy size={self._size} idle={len(self._idle)} in use={self._in_use}"

    def _do_get(self) -> ConnectionPoolEntry:
        with self._guard:
            self._in_use += 1
            if self._idle:
                return self._idle.pop()
        try:
            return self._create_connection()
        except BaseException:
            with self._guard:
                self._in_use -= 1
            raise

    def _do_return_conn(self, record: ConnectionPoolEntry) -> None:
        with self._guard:
            self._in_use -= 1
            if self._in_use > 0 and len(self._idle) < self._size:
                self._idle.append(record)
                return
            closing = [record]
            if self._in_use == 0:  # the last one in use: close every idle one too
                closing += self._idle
                self._idle = []
        for entry in closing:
            entry.close()

    def dispose(self) -> None:
        with self._guard:
            idle, self._idle = self._idle, []
        for entry in idle:
            entry.close()

    def recreate(self) -> SharedWhileBusy:
        self.logger.info("Pool recreating")
        return self.__class__(
            self._creator,
            pool_size=self._size,
            recycle=self._recycle,
            echo=self.echo,
            logging_name=self._orig_logging_name,
            reset_on_return=self._reset_on_return,
            pre_ping=self._pre_ping,
            _dispatch=self.dispatch,
            dialect=self._dialect,
        )
