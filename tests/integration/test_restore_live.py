"""A running server and a journal file replaced under it (a restore by copy or rename):
the pages must show the new journal at once, not the one that was there before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url
from tests.live_server import LiveServer

NOW = "2026-11-20T08:00:00"


def _journal_with_pain(path: Path, pain: int) -> None:
    ctx = Context(Settings(sqlite_url(path), path.parent), FixedClock(datetime(2026, 11, 20, 8)))
    journal.log_checkin(ctx, pain=pain)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    live = tmp_path / "live.sqlite3"
    _journal_with_pain(live, 3)
    env = {"SICOACH_DB": str(live), "SICOACH_DATA_DIR": str(tmp_path), "SICOACH_FAKE_NOW": NOW}
    running = LiveServer.start(env, tmp_path / "serve.log")
    try:
        yield running
    finally:
        running.stop()


def _pains(server: LiveServer) -> list[int]:
    return [c["pain"] for c in server.client.get("/api/v1/checkins").json()]


def _copy_to_put_back(tmp_path: Path, pain: int) -> Path:
    """Another journal (one check-in of `pain`), both files' logs emptied, as a careful copy
    would leave them."""
    other = tmp_path / "other" / "journal.sqlite3"
    _journal_with_pain(other, pain)
    for path in (tmp_path / "live.sqlite3", other):
        with closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return other


def test_a_file_renamed_over_the_journal_is_seen_at_once(
    server: LiveServer, tmp_path: Path
) -> None:
    other = _copy_to_put_back(tmp_path, 8)
    assert _pains(server) == [3]
    assert _pains(server) == [3]  # now kept by the server
    other.replace(tmp_path / "live.sqlite3")
    assert _pains(server) == [8]
    page = server.client.get("/history")
    assert page.status_code == 200


def test_a_file_renamed_over_the_journal_after_the_server_wrote_is_seen_as_it_is(
    server: LiveServer, tmp_path: Path
) -> None:
    other = _copy_to_put_back(tmp_path, 8)
    assert server.client.post("/api/v1/checkins", json={"pain": 4}).status_code == 201
    assert _pains(server) == [4]  # the server idle again: its write-ahead log is gone
    other.replace(tmp_path / "live.sqlite3")
    assert _pains(server) == [8]


def test_sicoach_restore_while_the_server_runs(server: LiveServer, tmp_path: Path) -> None:
    import subprocess
    import sys

    other = tmp_path / "backup.sqlite3"
    _journal_with_pain(other, 7)
    assert _pains(server) == [3]
    live = tmp_path / "live.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "sicoach", "--db", str(live), "restore", str(other), "--yes"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert _pains(server) == [7]
    assert server.client.post("/api/v1/checkins", json={"pain": 6}).status_code == 201
    assert _pains(server) == [6]
