"""A server keeps its SQLite connections open between units of work (opening one costs a
few milliseconds of every request), while other faces keep none; a connection opened before
a fork is never used by the forked process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import NullPool, QueuePool

from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.services.operations import keep_connections_open
from sicoach.settings import Settings
from sicoach.store import engine as store_engine


@pytest.fixture
def kept_open() -> Iterator[None]:
    try:
        yield
    finally:
        store_engine.keep_sqlite_connections_open(0)  # the other tests' default


def _context(tmp_path: Path, name: str) -> Context:
    return Context(Settings(f"sqlite:///{tmp_path / name}", tmp_path))


def _connects(ctx: Context) -> list[int]:
    """The process id of each new DBAPI connection of the context's engine, from now on."""
    made: list[int] = []
    engine = store_engine.get_engine(ctx.settings.database_url)
    event.listen(engine, "connect", lambda *_: made.append(os.getpid()))
    return made


def test_a_server_reuses_one_connection_and_other_faces_open_one_each(
    tmp_path: Path, kept_open: None
) -> None:
    plain = _context(tmp_path, "plain.sqlite3")
    journal.update_profile(plain, started_on=date(2026, 3, 1), birth_year=1970)
    assert isinstance(store_engine.get_engine(plain.settings.database_url).pool, NullPool)
    opened = _connects(plain)
    for _ in range(3):
        journal.load_journal(plain)
    assert len(opened) == 3

    keep_connections_open(plain.settings)
    served = _context(tmp_path, "served.sqlite3")
    journal.update_profile(served, started_on=date(2026, 3, 1), birth_year=1970)
    engine = store_engine.get_engine(served.settings.database_url)
    assert isinstance(engine.pool, QueuePool)
    opened = _connects(served)
    for _ in range(3):
        journal.log_checkin(served, pain=3)
        assert journal.load_journal(served).checkins[-1].pain == 3
    assert opened == []  # every unit of work used the connection kept from before


def test_a_forked_process_opens_its_own_connection(tmp_path: Path, kept_open: None) -> None:
    store_engine.keep_sqlite_connections_open(2)
    ctx = _context(tmp_path, "fork.sqlite3")
    journal.update_profile(ctx, started_on=date(2026, 3, 1), birth_year=1970)
    journal.log_checkin(ctx, pain=2)
    opened = _connects(ctx)
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: read through the same engine, report, leave at once
        try:
            pain = journal.load_journal(ctx).checkins[-1].pain
            mine = opened.count(os.getpid())
            os.write(writing, f"{pain} {mine}".encode())
        finally:
            os._exit(0)
    os.close(writing)
    answer = os.read(reading, 100).decode()
    os.close(reading)
    os.waitpid(child, 0)
    assert answer == "2 1"  # it read the journal on a connection it opened itself
    journal.log_checkin(ctx, pain=5)  # the parent's kept connection still serves it
    assert journal.load_journal(ctx).checkins[-1].pain == 5
    assert opened.count(os.getpid()) == 0


def test_a_file_moved_into_the_journals_place_is_read_at_once(
    tmp_path: Path, kept_open: None
) -> None:
    store_engine.keep_sqlite_connections_open(2)
    live = _context(tmp_path, "live.sqlite3")
    journal.update_profile(live, started_on=date(2026, 3, 1), birth_year=1970)
    journal.log_checkin(live, pain=3)
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = _context(other_dir, "live.sqlite3")
    journal.update_profile(other, started_on=date(2026, 3, 1), birth_year=1970)
    journal.log_checkin(other, pain=8)
    store_engine.dispose_engines()  # the other file closed, as a copy made elsewhere would be
    assert [c.pain for c in journal.load_journal(live).checkins] == [3]  # a kept connection
    (other_dir / "live.sqlite3").replace(tmp_path / "live.sqlite3")
    assert [c.pain for c in journal.load_journal(live).checkins] == [8]
