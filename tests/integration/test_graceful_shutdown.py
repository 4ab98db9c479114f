"""SIGTERM while a request is in flight: the server stops taking new connections, finishes
that request (its write is kept and answered), then exits cleanly.

The request is held in flight by a state the test controls, not by timing: the test locks
the people's rows in PostgreSQL, so the check-in waits for the lock (seen in
pg_stat_activity); only after the server has stopped listening does the test let it go.
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from sicoach.store.engine import create_store_engine
from tests.integration.conftest import PostgresServer
from tests.live_server import LiveServer

pytestmark = pytest.mark.postgres

DEADLINE = 60.0


def _wait_for(what: str, condition) -> None:  # type: ignore[no-untyped-def]
    """Poll a state (never a fixed sleep) until it holds; fail after a generous deadline."""
    give_up = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > give_up:
            raise AssertionError(f"still waiting for {what}")
        time.sleep(0.02)


def _refused(url: str) -> bool:
    try:
        httpx.get(url, timeout=2)
    except httpx.ConnectError:
        return True
    except httpx.TransportError:
        return False
    return False


def test_sigterm_finishes_the_request_in_flight(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    url = postgres_server.url(postgres_server.create_database())
    env = {
        "SICOACH_DATABASE_URL": url,
        "SICOACH_DB": "",
        "SICOACH_DATA_DIR": str(tmp_path),
        "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
    }
    server = LiveServer.start(env, tmp_path / "serve.log")
    engine = create_store_engine(url)
    answer: list[httpx.Response | BaseException] = []
    try:
        assert server.client.get("/api/v1/checkins").status_code == 200  # the person exists
        with engine.connect() as lock:
            lock.execute(text("SELECT id FROM person FOR UPDATE"))  # held until rollback

            def check_in() -> None:
                try:
                    body = {"date": "2026-11-20", "pain": 3, "symptoms": []}
                    answer.append(
                        httpx.post(
                            f"{server.base_url}/api/v1/checkins", json=body, timeout=DEADLINE
                        )
                    )
                except BaseException as err:  # reported by the assertion below
                    answer.append(err)

            writer = threading.Thread(target=check_in)
            writer.start()
            with engine.connect() as look:
                _wait_for(
                    "the check-in to wait for the lock",
                    lambda: (
                        look.execute(
                            text(
                                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = "
                                "'Lock' AND datname = current_database()"
                            )
                        ).scalar_one()
                        == 1
                    ),
                )
            server.process.send_signal(signal.SIGTERM)
            _wait_for(
                "the server to stop listening", lambda: _refused(f"{server.base_url}/healthz")
            )
            assert server.process.poll() is None, "it must wait for the request in flight"
            lock.rollback()  # let the check-in go on
        writer.join(timeout=DEADLINE)
        # uvicorn re-raises the signal once it has shut down, so the exit is "by SIGTERM"
        code = server.process.wait(timeout=DEADLINE)
        assert code in (0, -signal.SIGTERM), server.log.read_text()
    finally:
        server.stop()
        engine.dispose()
    (response,) = answer
    assert isinstance(response, httpx.Response), response
    assert response.status_code == 201, response.text
    later = LiveServer.start(env, tmp_path / "later.log")
    try:
        saved = later.client.get("/api/v1/checkins").json()
    finally:
        later.stop()
    assert [c["pain"] for c in saved] == [3]
