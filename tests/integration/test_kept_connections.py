"""A server shares its SQLite connections between units of work that overlap (opening one
costs a few milliseconds of every request), and closes them all once none is in use, so
the write-ahead log is emptied and removed as with no pool; other faces keep none; a
connection opened before a fork is never used by the forked process; a file moved into
the journal's place is read at once."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.pool import NullPool

from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.services.operations import keep_connections_open
from sicoach.settings import Settings
from sicoach.store import engine as store_engine
from sicoach.store.sqlite_pool import SharedWhileBusy


def _context(tmp_path: Path, name: str) -> Context:
    return Context(Settings(f"sqlite:///{tmp_path / name}", tmp_path))


def _connects(ctx: Context) -> list[int]:
    """The process id of each new DBAPI connection of the context's engine, from now on."""
    made: list[int] = []
    engine = store_engine.get_engine(ctx.settings.database_url)
    event.listen(engine, "connect", lambda *_: made.append(os.getpid()))
    return made


def test_overlapping_units_share_a_connection_and_an_idle_server_keeps_none(tmp_path: Path) -> None:
    plain = _context(tmp_path, "plain.sqlite3")
    journal.update_profile(plain, started_on=date(2026, 3, 1), birth_year=1970)
    assert isinstance(store_engine.get_engine(plain.settings.database_url).pool, NullPool)

    keep_connections_open(plain.settings)
    served = _context(tmp_path, "served.sqlite3")
    journal.update_profile(served, started_on=date(2026, 3, 1), birth_year=1970)
    engine = store_engine.get_engine(served.settings.database_url)
    assert isinstance(engine.pool, SharedWhileBusy)
    opened = _connects(served)
    with engine.connect():  # another request in flight
        for pain in (3, 4, 5):
            journal.log_checkin(served, pain=pain)
            assert journal.load_journal(served).checkins[-1].pain == pain
        assert len(opened) == 2  # the one in flight, and one shared by all six units
    assert "idle=0 in use=0" in engine.pool.status()  # all closed once none is in use
    assert not Path(f"{tmp_path / 'served.sqlite3'}-wal").exists()  # the log went with them
    journal.load_journal(served)
    assert len(opened) == 3


def test_a_forked_process_opens_its_own_connection(tmp_path: Path) -> None:
    store_engine.keep_sqlite_connections_open(2)
    ctx = _context(tmp_path, "fork.sqlite3")
    journal.update_profile(ctx, started_on=date(2026, 3, 1), birth_year=1970)
    engine = store_engine.get_engine(ctx.settings.database_url)
    with engine.connect():
        journal.log_checkin(ctx, pain=2)  # its connection stays idle in the pool
        assert "idle=1" in engine.pool.status()
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
        journal.log_checkin(ctx, pain=5)  # the parent's idle connection still serves it
        assert journal.load_journal(ctx).checkins[-1].pain == 5
        assert opened.count(os.getpid()) == 0


def _journal_at(folder: Path, pain: int) -> Context:
    ctx = _context(folder, "live.sqlite3")
    journal.update_profile(ctx, started_on=date(2026, 3, 1), birth_year=1970)
    journal.log_checkin(ctx, pain=pain)
    return ctx


def test_a_file_moved_into_the_journals_place_after_a_write_is_read_as_it_is(
    tmp_path: Path,
) -> None:
    store_engine.keep_sqlite_connections_open(2)
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    _journal_at(other_dir, 8)
    store_engine.dispose_engines()  # the copy closed, as one made elsewhere would be
    live = _journal_at(tmp_path, 3)
    journal.log_checkin(live, pain=4)  # a write, then the server is idle
    (other_dir / "live.sqlite3").replace(tmp_path / "live.sqlite3")
    assert [c.pain for c in journal.load_journal(live).checkins] == [8]


def test_a_connection_kept_while_busy_is_dropped_when_the_file_is_replaced(tmp_path: Path) -> None:
    store_engine.keep_sqlite_connections_open(2)
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    _journal_at(other_dir, 8)
    store_engine.dispose_engines()
    live = _journal_at(tmp_path, 3)
    engine = store_engine.get_engine(live.settings.database_url)
    with engine.connect():  # another request in flight
        assert [c.pain for c in journal.load_journal(live).checkins] == [3]  # kept idle
        assert "idle=1" in engine.pool.status()
        (other_dir / "live.sqlite3").replace(tmp_path / "live.sqlite3")
        assert [c.pain for c in journal.load_journal(live).checkins] == [8]
