"""API writers, command-line writers and an import on one SQLite file at once: every write
is either saved (201 / exit 0) or refused in one clear answer (503 with Retry-After / one
line), never a 500; and what was acknowledged is what is stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.live_server import LiveServer

NOW = "2026-11-20T08:00:00"
API_WRITERS = 4
POSTS = 15
CLI_WRITES = 4


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    env = {
        "SICOACH_DB": str(tmp_path / "journal.sqlite3"),
        "SICOACH_DATA_DIR": str(tmp_path),
        "SICOACH_FAKE_NOW": NOW,
    }
    running = LiveServer.start(env, tmp_path / "serve.log")
    try:
        yield running
    finally:
        running.stop()


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "SICOACH_FAKE_NOW": NOW}
    return subprocess.run(
        [sys.executable, "-m", "sicoach", "--db", str(tmp_path / "journal.sqlite3"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_many_writers_at_once_get_saved_or_one_clear_refusal(
    server: LiveServer, tmp_path: Path
) -> None:
    first = date(2024, 1, 1)
    document = {
        "format": "sicoach.journal",
        "version": 1,
        "checkins": [
            {"date": (first + timedelta(days=i)).isoformat(), "pain": i % 11} for i in range(600)
        ],
    }
    (tmp_path / "import.json").write_text(json.dumps(document))
    answers: list[tuple[int, str]] = []
    cli_results: list[subprocess.CompletedProcess[str]] = []
    lock = threading.Lock()
    gate = threading.Barrier(API_WRITERS + 2)

    def api_writer(worker: int) -> None:
        gate.wait()
        for _ in range(POSTS):
            response = server.post_json(
                "/api/v1/activities", {"kind": "walking", "minutes": 10 + worker}
            )
            with lock:
                answers.append((response.status_code, response.headers.get("retry-after", "")))
            server.client.get("/")

    def cli_writer() -> None:
        gate.wait()
        for _ in range(CLI_WRITES):
            result = _cli(tmp_path, "activity", "swimming", "30")
            with lock:
                cli_results.append(result)

    def importer() -> None:
        gate.wait()
        result = _cli(tmp_path, "import", str(tmp_path / "import.json"))
        with lock:
            cli_results.append(result)

    threads = [threading.Thread(target=api_writer, args=(w,)) for w in range(API_WRITERS)]
    threads += [threading.Thread(target=cli_writer), threading.Thread(target=importer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(code in (201, 503) for code, _ in answers), answers
    assert all(wait.isdigit() for code, wait in answers if code == 503)
    for result in cli_results:
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        if result.returncode == 1:
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    stored = server.client.get("/api/v1/journal").json()
    saved_api = sum(1 for code, _ in answers if code == 201)
    walking = [a for a in stored["activities"] if a["kind"] == "walking"]
    swimming = [a for a in stored["activities"] if a["kind"] == "swimming"]
    assert len(walking) == saved_api
    assert len(swimming) == sum(
        1 for r in cli_results if r.returncode == 0 and "swimming" in r.args
    )
    imported = [r for r in cli_results if "import" in r.args]
    assert len(stored["checkins"]) == (600 if imported[0].returncode == 0 else 0)
