"""A memo of the services' read results, dropped the moment the database changes.

Every page shows the safety banner, and the today page also needs the plan and the journal;
on a journal of several years these reads cost tens of milliseconds each. Between two
writes they cannot change (for a given day), so the web process keeps them.

The database tells us when it changed: SQLite's `PRAGMA data_version`, read on a connection
of our own that never writes, changes whenever any other connection (this process, the
command line, another server) commits. A day change is part of the key. For other
databases (PostgreSQL) nothing is cached.

A restore by file copy or rename puts a different file at the path: our watching connection
still reads the old one, whose counter never moves again. So the file's identity (device,
inode, size, modification time) is part of the version too; when it changes, the watching
connection is reopened on the new file.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from sicoach.services.context import Context

T = TypeVar("T")


class ReadCache:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._values: dict[Hashable, Any] = {}
        self._version: tuple[int, ...] | None = None
        self._connection: sqlite3.Connection | None = None
        self._identity: tuple[int, ...] | None = None
        url = ctx.settings.database_url
        self._path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None

    def _file_identity(self) -> tuple[int, ...] | None:
        assert self._path is not None
        try:
            stat = os.stat(self._path)
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def _data_version(self) -> tuple[int, ...] | None:
        """The file's identity and change counter, or None when it cannot be watched."""
        if self._path is None:
            return None
        identity = self._file_identity()
        if identity is None:
            return None
        if self._connection is not None and identity[:2] != (self._identity or ())[:2]:
            self._connection.close()  # another file now stands at the path (a restore)
            self._connection = None
        if self._connection is None:
            try:
                self._connection = sqlite3.connect(
                    f"file:{self._path}?mode=ro", uri=True, check_same_thread=False
                )
            except sqlite3.Error:
                return None
        self._identity = identity
        try:
            row = self._connection.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return None
        return (*identity, int(row[0]))

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self._values.clear()

    def peek(self, name: str) -> Any:
        """The cached value for today if it is still current, else None (computes nothing)."""
        key = (name, self._ctx.clock.today())
        with self._lock:
            version = self._data_version()
            if version is None or version != self._version:
                return None
            return self._values.get(key)

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The value of `compute()` for today, reused until the database changes."""
        key = (name, self._ctx.clock.today())
        with self._lock:
            version = self._data_version()
            if version is None:
                self._values.clear()
            else:
                if version != self._version:
                    self._values.clear()
                    self._version = version
                if key in self._values:
                    return self._values[key]  # type: ignore[no-any-return]
        value = compute()  # outside the lock; data read here is at least `version`
        if version is not None:
            with self._lock:
                if self._version == version:
                    self._values[key] = value
        return value


_CACHES: dict[int, tuple[Context, ReadCache]] = {}
_CACHES_LOCK = threading.Lock()


def cache_for(ctx: Context) -> ReadCache:
    """The cache of one services context (one per app)."""
    with _CACHES_LOCK:
        entry = _CACHES.get(id(ctx))
        if entry is None or entry[0] is not ctx:
            if len(_CACHES) >= 16:  # tests build many apps; keep only recent ones
                for _, old in _CACHES.values():
                    old.close()
                _CACHES.clear()
            entry = (ctx, ReadCache(ctx))
            _CACHES[id(ctx)] = entry
        return entry[1]
