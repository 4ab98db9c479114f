"""One request's units share one connection (each in its own transaction): a reader, and a
writer too when the connection is free, so a request that reads then writes holds one pooled
connection (holding an idle one while waiting for a second ran a busy pool dry); a unit
opened inside another gets its own; a write in the request is seen by the reads after it;
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.services.read_cache import one_request
from sicoach.settings import Settings
from tests.integration.conftest import PostgresServer


def _shares_and_sees_writes(url: str, tmp_path: Path) -> None:
    ctx = Context(Settings(url, tmp_path), clock=FixedClock(datetime(2026, 3, 2, 8)))
    journal.update_profile(ctx, started_on=datetime(2026, 3, 1).date(), birth_year=1970)
    with one_request():
        with ctx.uow(read_only=True) as first:
            conn = first.journal.conn
            with ctx.uow(read_only=True) as nested:  # the shared one is in use
                assert nested.journal.conn is not conn
                assert nested.journal.get_checkin(ctx.clock.today()) is None
        with ctx.uow() as writer:  # free again: the writer takes it (the write lock still)
            assert writer.journal.conn is conn
            if conn.dialect.name == "postgresql":
                assert conn.engine.pool.checkedout() == 1  # type: ignore[attr-defined]
        journal.log_checkin(ctx, pain=4)
        with ctx.uow(read_only=True) as again:
            assert again.journal.conn is conn  # the request's connection, a new transaction
            found = again.journal.get_checkin(ctx.clock.today())
            assert found is not None and found.pain == 4
    assert conn.closed  # closed with the request
    with ctx.uow(read_only=True) as outside:  # outside a request: a connection of its own
        assert outside.journal.conn is not conn


def test_one_connection_per_request_sqlite(tmp_path: Path) -> None:
    _shares_and_sees_writes(f"sqlite:///{tmp_path / 'r.sqlite3'}", tmp_path)


@pytest.mark.postgres
def test_one_connection_per_request_postgres(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    _shares_and_sees_writes(postgres_server.url(postgres_server.create_database()), tmp_path)


def test_a_failed_read_does_not_hand_its_connection_on(tmp_path: Path) -> None:
    ctx = Context(Settings(f"sqlite:///{tmp_path / 'f.sqlite3'}", tmp_path))
    journal.update_profile(ctx, started_on=datetime(2026, 3, 1).date(), birth_year=1970)
    with one_request():
        with pytest.raises(KeyError), ctx.uow(read_only=True) as failing:
            conn = failing.journal.conn
            failing.journal.get_session(12345)
        assert conn.closed
        with ctx.uow(read_only=True) as next_read:
            assert next_read.journal.conn is not conn and not next_read.journal.conn.closed
