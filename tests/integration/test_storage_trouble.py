"""A full disk and read-only storage, made for real: a small tmpfs that the test fills, and a
read-only bind mount (as root) or read-only permissions (otherwise). Writes fail with one
line and nothing half-written; reading, `export` and `serve` keep working."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.live_server import LiveServer

NOW = "2026-11-20T08:00:00"
ROOT = os.geteuid() == 0


def sicoach(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "SICOACH_FAKE_NOW": NOW, "COLUMNS": "120"}
    env["SICOACH_DATA_DIR"] = str(db.parent)
    return subprocess.run(
        [sys.executable, "-m", "sicoach", "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_line_failure(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0], lines[0]


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


def _umount(point: Path) -> None:
    """Unmount, detaching lazily if something still holds it, so no mount outlives the test."""
    if subprocess.run(["umount", str(point)], check=False, capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(point)], check=True, capture_output=True)


def _fill_journal(db: Path) -> None:
    assert sicoach(db, "checkin", "--pain", "4", "--note", "before").returncode == 0
    assert sicoach(db, "activity", "walking", "20").returncode == 0
    with closing(sqlite3.connect(db)) as conn:  # as a finished run leaves it: log moved in
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture
def read_only_journal(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    _fill_journal(home / "journal.sqlite3")
    sicoach(home / "journal.sqlite3", "serve", "--help")  # nothing else to create later
    if ROOT:
        view = tmp_path / "view"
        view.mkdir()
        _mount("--bind", str(home), str(view))
        try:
            _mount("-o", "remount,bind,ro", str(view))
            yield view / "journal.sqlite3"
        finally:
            _umount(view)
    else:
        (home / "journal.sqlite3").chmod(0o444)
        home.chmod(0o555)
        try:
            yield home / "journal.sqlite3"
        finally:
            home.chmod(0o755)


def test_read_only_storage_reads_exports_and_refuses_writes(read_only_journal: Path) -> None:
    db = read_only_journal
    history = sicoach(db, "history", "--days", "3")
    assert history.returncode == 0, history.stderr
    exported = sicoach(db, "export")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["checkins"][0]["note"] == "before"
    assert sicoach(db, "today").returncode == 0
    one_line_failure(sicoach(db, "checkin", "--pain", "5"), "read-only")


def test_serve_on_read_only_storage_shows_pages_and_says_so(
    read_only_journal: Path, tmp_path: Path
) -> None:
    env = {"SICOACH_DB": str(read_only_journal), "SICOACH_FAKE_NOW": NOW}
    env["SICOACH_DATA_DIR"] = str(read_only_journal.parent)
    server = LiveServer.start(env, tmp_path / "serve.log")
    try:
        page = server.client.get("/history")
        assert page.status_code == 200, page.text
        assert "Read-only" in page.text
        assert server.client.get("/api/v1/journal").json()["checkins"][0]["pain"] == 4
        refused = server.post_json("/api/v1/checkins", {"pain": 5})
        assert refused.status_code == 503
        assert "read-only" in refused.json()["detail"]
    finally:
        server.stop()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if not ROOT:
        pytest.skip("a full disk is made with a small tmpfs, which needs root to mount")
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        _umount(disk)


def test_a_full_disk_refuses_writes_whole_and_still_reads(small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "journal.sqlite3"
    _fill_journal(db)
    filler = small_disk / "filler"
    with filler.open("wb", buffering=0) as handle:  # take every free block
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass
    big = {
        "format": "sicoach.journal",
        "version": 1,
        "checkins": [
            {"date": f"2025-{m:02d}-{d:02d}", "pain": 3, "note": "n" * 1500}
            for m in range(1, 13)
            for d in range(1, 29)
        ],
    }
    document = tmp_path / "big.json"
    document.write_text(json.dumps(big))
    one_line_failure(sicoach(db, "import", str(document)), "disk is full")
    exported = sicoach(db, "export")
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["checkins"]) == 1  # nothing half-written
    assert sicoach(db, "history", "--days", "2").returncode == 0
    filler.unlink()
    with closing(sqlite3.connect(db)) as conn:  # closed, so the disk can be unmounted
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert sicoach(db, "import", str(document)).returncode == 0
