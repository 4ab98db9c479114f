"""Two check-ins for one day posted at the same moment to real servers: a warning sign
reported in either must be in the stored check-in (it was lost on PostgreSQL when both
requests read "no check-in yet" and then upserted)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.live_server import LiveServer

PAIRS = 40
FIRST_DAY = date(2026, 9, 1)


@pytest.fixture
def two_servers(store_url: str, tmp_path: Path) -> Iterator[tuple[LiveServer, LiveServer]]:
    env = {
        "SICOACH_DATABASE_URL": store_url,
        "SICOACH_DB": "",
        "SICOACH_DATA_DIR": str(tmp_path / "data"),
        "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
    }
    first = LiveServer.start(env, tmp_path / "serve-1.log")
    try:
        second = LiveServer.start(env, tmp_path / "serve-2.log")
    except Exception:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


def test_a_warning_sign_posted_at_the_same_moment_is_never_lost(
    two_servers: tuple[LiveServer, LiveServer],
) -> None:
    first, second = two_servers
    statuses: list[int] = []
    for pair in range(PAIRS):
        day = (FIRST_DAY + timedelta(days=pair)).isoformat()
        flagged = {"date": day, "pain": 6, "symptoms": ["saddle_numbness"]}
        plain = {"date": day, "pain": 3, "symptoms": []}
        servers = (first, second) if pair % 2 else (second, first)
        gate = threading.Barrier(2)

        def post(
            server: LiveServer, body: dict[str, object], gate: threading.Barrier = gate
        ) -> None:
            gate.wait()
            statuses.append(server.post_json("/api/v1/checkins", body).status_code)

        threads = [
            threading.Thread(target=post, args=(servers[0], flagged)),
            threading.Thread(target=post, args=(servers[1], plain)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses == [201] * (2 * PAIRS)
    stored = {c["date"]: c for c in first.client.get("/api/v1/checkins").json()}
    lost = [
        day
        for pair in range(PAIRS)
        if "saddle_numbness"
        not in stored[(day := (FIRST_DAY + timedelta(days=pair)).isoformat())]["symptoms"]
    ]
    assert lost == [], f"the warning sign was lost on {len(lost)} of {PAIRS} days"
