"""Several app processes on one PostgreSQL database: the schema is upgraded once, a write
through one process shows on the very next page of another, forms signed by one are
accepted by another, and `serve --workers` stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sicoach.store.engine import SCHEMA_HEAD, create_store_engine, current_revision
from tests.integration.conftest import PostgresServer
from tests.live_server import LiveServer

pytestmark = pytest.mark.postgres

MIGRATE_WHEN_TOLD = """
import sys, time
from pathlib import Path
from sicoach.services.context import Context
from sicoach.services.operations import migrate
from sicoach.settings import Settings
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
print("migrated" if migrate(Context(Settings(sys.argv[1], go.parent))) else "current")
"""


def test_ten_processes_started_at_once_migrate_an_empty_database_exactly_once(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    url = postgres_server.url(postgres_server.create_database())
    go = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", MIGRATE_WHEN_TOLD, url, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(10)
    ]
    go.touch()  # every process has been waiting on this file: they all start together
    outcomes = [process.communicate(timeout=300) for process in processes]
    assert [p.returncode for p in processes] == [0] * 10, [err for _, err in outcomes]
    said = sorted(out.strip() for out, _ in outcomes)
    assert said == ["current"] * 9 + ["migrated"]
    engine = create_store_engine(url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()


def _env(url: str, data: Path) -> dict[str, str]:
    return {
        "SICOACH_DATABASE_URL": url,
        "SICOACH_DB": "",
        "SICOACH_DATA_DIR": str(data),
        "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
    }


@pytest.fixture
def two_processes(
    postgres_server: PostgresServer, tmp_path: Path
) -> Iterator[tuple[LiveServer, LiveServer]]:
    """Two servers on one database, each with a data folder of its own (as on two hosts)."""
    url = postgres_server.url(postgres_server.create_database())
    first = LiveServer.start(_env(url, tmp_path / "a"), tmp_path / "a.log")
    try:
        second = LiveServer.start(_env(url, tmp_path / "b"), tmp_path / "b.log")
    except Exception:
        first.stop()
        raise
    try:
        yield first, second
    finally:
        first.stop()
        second.stop()


def test_a_check_in_through_one_process_shows_in_the_others_banner_at_once(
    two_processes: tuple[LiveServer, LiveServer],
) -> None:
    first, second = two_processes
    calm = {"date": "2026-11-20", "pain": 2, "symptoms": []}
    assert first.post_json("/api/v1/checkins", calm).status_code == 201
    for _ in range(3):  # the second process has the calm day in its memo now
        page = second.client.get("/checkin")
        assert page.status_code == 200
        assert "Emergency: stop and get help now" not in page.text
    alarming = {"date": "2026-11-20", "pain": 6, "symptoms": ["saddle_numbness"]}
    assert first.post_json("/api/v1/checkins", alarming).status_code == 201
    page = second.client.get("/checkin")
    assert "Emergency: stop and get help now" in page.text


def test_a_form_from_one_process_is_accepted_by_another(
    two_processes: tuple[LiveServer, LiveServer],
) -> None:
    first, second = two_processes
    form = first.client.get("/checkin")
    token = form.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    second.client.cookies.update(first.client.cookies)
    answer = second.client.post(
        "/checkin",
        data={"csrf_token": token, "date": "2026-11-20", "pain": "3"},
        headers={"Origin": second.base_url},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text[:500]
    saved = first.client.get("/api/v1/checkins").json()
    assert [c["pain"] for c in saved] == [3]


def _workers(pid: int) -> list[int]:
    """The app processes `pid` started (not the multiprocessing helper beside them)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in command:
                found.append(int(entry.name))
    return found


def test_serve_with_workers_answers_ready_and_stops_cleanly_on_sigterm(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    url = postgres_server.url(postgres_server.create_database())
    server = LiveServer.start(
        _env(url, tmp_path), tmp_path / "w.log", serve_args=("--workers", "2")
    )
    try:
        ready = server.client.get("/readyz")
        assert (ready.status_code, ready.text) == (200, "ready")
        workers = _workers(server.process.pid)
        assert len(workers) == 2
    finally:
        server.client.close()
        os.kill(server.process.pid, signal.SIGTERM)
        code = server.process.wait(timeout=60)
    assert code == 0, server.log.read_text()
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []  # joined
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.base_url}/healthz", timeout=5)
