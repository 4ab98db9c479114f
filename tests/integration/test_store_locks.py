"""A writer holding SQLite's write lock: reads go on, a write that cannot get the lock in
time is one clear answer (503 with Retry-After, or one line from the command line), never
a 500 or a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sicoach.services import journal, journal_transfer, plan
from sicoach.services.context import Context
from sicoach.store import engine
from tests.web.conftest import BASE, WebClient


@pytest.fixture
def write_lock(context: Context, db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write (it holds the lock until the test ends)."""
    journal.log_checkin(context, pain=4)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE checkin SET note = 'held'")
    try:
        yield holder
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "LOCK_WAIT_SECONDS", 1)
    engine.dispose_engines()


def test_reads_do_not_wait_for_a_writer(
    context: Context, short_wait: None, write_lock: sqlite3.Connection
) -> None:
    assert [c.pain for c in journal.load_journal(context).checkins] == [4]
    assert plan.plan_today(context).safety is not None
    assert journal_transfer.export_journal(context)["checkins"][0]["pain"] == 4


def test_an_api_write_without_the_lock_is_503_with_retry_after(
    context: Context, short_wait: None, write_lock: sqlite3.Connection
) -> None:
    from sicoach.web.app import create_app

    with WebClient(create_app(context), base_url=BASE) as client:
        response = client.post("/api/v1/checkins", json={"pain": 5})
        assert response.status_code == 503
        assert response.headers["retry-after"].isdigit()
        assert "another program is writing" in response.json()["detail"]
        page = client.submit("/checkin", {"pain": "5"})
        assert page.status_code == 503
        assert "another program is writing" in page.text
        assert client.get("/api/v1/checkins").json()[0]["pain"] == 4


def test_a_cli_write_without_the_lock_is_one_line(
    context: Context, db_path: Path, write_lock: sqlite3.Connection
) -> None:
    env = {**os.environ, "NO_COLOR": "1", "SICOACH_FAKE_NOW": "2026-11-20T08:00:00"}
    result = subprocess.run(
        [sys.executable, "-m", "sicoach", "--db", str(db_path), "checkin", "--pain", "5"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "another program is writing" in result.stderr
