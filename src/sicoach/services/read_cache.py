"""A memo of the services' read results, dropped the moment the person's journal changes.

Used by `sicoach.services.cached_reads` (what a long-running face such as the web app reads
on every request).

Every page shows the safety banner, and the today page also needs the plan and the journal;
between two writes these cannot change (for a given day), so the web process keeps them.

Every write bumps the person's version in the database in the same transaction (see
`sicoach.store.person_state_rows`), on SQLite and PostgreSQL alike. Each read here first
reads that version (one small query) and drops the memo when it moved, so any number of app
processes, the command line and a restored file are all seen on the very next request.
A day change is part of the key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from sicoach.services.context import Context

T = TypeVar("T")
_UNSEEN = object()

_REQUEST_VERSIONS: ContextVar[dict[int, object] | None] = ContextVar(
    "sicoach_request_versions", default=None
)
"""Within one request, the version each cache read (one query per request, not per read);
any write in the request forgets them (`forget_request_versions`)."""


@contextmanager
def one_version_per_request() -> Iterator[None]:
    """Around one request: the journal's version is read once, at its first cached read."""
    token = _REQUEST_VERSIONS.set({})
    try:
        yield
    finally:
        _REQUEST_VERSIONS.reset(token)


_REQUEST_READS: ContextVar[dict[Hashable, object] | None] = ContextVar(
    "sicoach_request_reads", default=None
)
"""Within one request, reads two parts of a page share (a clinician's program changes);
any write in the request forgets them."""


@contextmanager
def one_request() -> Iterator[None]:
    """Around one request of a long-running face: the version read once, reads shared by
    the page's parts read once, and the request's reads sharing one connection
    (`sicoach.store.unit_of_work.one_connection_per_request`)."""
    from sicoach.store.unit_of_work import one_connection_per_request

    token = _REQUEST_READS.set({})
    try:
        with one_version_per_request(), one_connection_per_request():
            yield
    finally:
        _REQUEST_READS.reset(token)


def once_per_request(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, done once per request and `key` (every time outside a request)."""
    done = _REQUEST_READS.get()
    if done is None:
        return read()
    if key not in done:
        done[key] = read()
    return done[key]  # type: ignore[return-value]


def forget_request_versions() -> None:
    """After a write: the request's next cached read reads the version again."""
    seen = _REQUEST_VERSIONS.get()
    if seen is not None:
        seen.clear()
    done = _REQUEST_READS.get()
    if done is not None:
        done.clear()


class ReadCache:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._values: dict[Hashable, Any] = {}
        self._version: object = _UNSEEN

    def _current_version(self) -> object:
        from sicoach.services.journal import journal_version

        seen = _REQUEST_VERSIONS.get()
        if seen is not None and id(self) in seen:
            return seen[id(self)]
        version = journal_version(self._ctx)
        if seen is not None:
            seen[id(self)] = version
        return version

    def close(self) -> None:
        with self._lock:
            self._values.clear()
            self._version = _UNSEEN

    def peek(self, name: str) -> Any:
        """The cached value for today if it is still current, else None (computes nothing)."""
        key = (name, self._ctx.clock.today())
        version = self._current_version()
        with self._lock:
            if version != self._version:
                return None
            return self._values.get(key)

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The value of `compute()` for today, reused until the journal's version moves."""
        key = (name, self._ctx.clock.today())
        version = self._current_version()
        with self._lock:
            if version != self._version:
                self._values.clear()
                self._version = version
            elif key in self._values:
                return self._values[key]  # type: ignore[no-any-return]
        value = compute()  # outside the lock; data read here is at least `version`
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
