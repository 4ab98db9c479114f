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
from collections import OrderedDict
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


class _Memo:
    """One person's memoised reads and the version they were read at (shared by every
    context on that journal: in clinic mode each request has its own context)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.values: dict[Hashable, Any] = {}
        self.version: object = _UNSEEN

    def clear(self) -> None:
        with self.lock:
            self.values.clear()
            self.version = _UNSEEN


class ReadCache:
    """A person's memo as one context sees it: the version is read through that context,
    so a clinician's read of a patient's page is audited as theirs."""

    def __init__(self, ctx: Context, memo: _Memo) -> None:
        self._ctx = ctx
        self._memo = memo

    def _current_version(self) -> object:
        from sicoach.services.journal import journal_version

        seen = _REQUEST_VERSIONS.get()
        if seen is not None and id(self._memo) in seen:
            return seen[id(self._memo)]
        version = journal_version(self._ctx)
        if seen is not None:
            seen[id(self._memo)] = version
        return version

    def peek(self, name: str) -> Any:
        """The cached value for today if it is still current, else None (computes nothing)."""
        key = (name, self._ctx.clock.today())
        version = self._current_version()
        memo = self._memo
        with memo.lock:
            if version is None or version != memo.version:
                return None
            return memo.values.get(key)

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The value of `compute()` for today, reused until the journal's version moves
        (never kept while the journal has no version yet: nothing would tell a change)."""
        key = (name, self._ctx.clock.today())
        version = self._current_version()
        if version is None:
            return compute()
        memo = self._memo
        with memo.lock:
            if version != memo.version:
                memo.values.clear()
                memo.version = version
            elif key in memo.values:
                return memo.values[key]  # type: ignore[no-any-return]
        value = compute()  # outside the lock; data read here is at least `version`
        with memo.lock:
            if memo.version == version:
                memo.values[key] = value
        return value


KEPT_PEOPLE = 256
"""The memos of this many people are kept (the most recently read); a clinic's others are
read afresh, then kept."""

_MEMOS: OrderedDict[tuple[str, str], _Memo] = OrderedDict()
_MEMOS_LOCK = threading.Lock()


def cache_for(ctx: Context) -> ReadCache:
    """The memo of the context's journal (one per database and person in this process)."""
    key = (ctx.settings.database_url, ctx.person)
    with _MEMOS_LOCK:
        memo = _MEMOS.get(key)
        if memo is None:
            memo = _MEMOS[key] = _Memo()
            while len(_MEMOS) > KEPT_PEOPLE:
                _MEMOS.popitem(last=False)[1].clear()
        else:
            _MEMOS.move_to_end(key)
    return ReadCache(ctx, memo)
