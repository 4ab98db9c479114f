"""Crash trials: `kill -9` at a random moment of an import, a CLI write or a server saving a
session, then `PRAGMA integrity_check` and a comparison with what was acknowledged.

Acknowledged means the command exited 0, or the server answered 2xx, before the kill. What
was acknowledged must be there; what was not must be there whole or not at all (an import is
all or nothing). Used by tests/integration/test_crash_trials.py (a bounded number) and by
bench/crash.py (100, with the counts printed).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx

from tests.live_server import FAKE_NOW, LiveServer

SICOACH = Path(sys.executable).parent / "sicoach"
ENV = {**os.environ, "SICOACH_FAKE_NOW": FAKE_NOW, "NO_COLOR": "1"}
ENV.pop("SICOACH_DATABASE_URL", None)
EXERCISES = (
    "pelvic_tilt",
    "knee_to_chest",
    "double_knee_to_chest",
    "bridge",
    "cat_cow",
    "figure_four",
    "supine_twist",
    "inner_thigh_squeeze",
    "side_lying_quad_stretch",
    "triangle_pose",
)
IMPORT_CHECKINS = 150


@dataclass(frozen=True)
class Trial:
    kind: str
    killed: bool  # False when the work finished before the kill came
    integrity: str
    lost: int  # acknowledged records missing afterwards
    torn: int  # records half there (an import partly applied)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.lost == 0 and self.torn == 0


def integrity(db: Path) -> str:
    if not db.exists():
        return "ok"  # killed before the file was created: nothing to damage
    with sqlite3.connect(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def count(db: Path, sql: str, *args: object) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute(sql, args).fetchone()[0])
        except sqlite3.OperationalError:  # the tables were never created
            return 0


def _run_and_kill(args: list[str], delay: float) -> bool:
    """Run `sicoach ARGS`; kill -9 after `delay` s unless done. True when it exited 0 first."""
    process = subprocess.Popen(
        [str(SICOACH), *args], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        return process.wait(timeout=delay) == 0
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return False


def journal_file(folder: Path) -> Path:
    start = date(2026, 6, 1)
    days = [start + timedelta(days=i) for i in range(IMPORT_CHECKINS)]
    document = {
        "format": "sicoach.journal",
        "version": 1,
        "checkins": [
            {"date": d.isoformat(), "pain": i % 11, "symptoms": [], "note": f"day {i}"}
            for i, d in enumerate(days)
        ],
        "sessions": [],
        "activities": [{"date": d.isoformat(), "kind": "walking", "minutes": 20} for d in days],
    }
    path = folder / "journal.json"
    path.write_text(json.dumps(document))
    return path


def import_trial(folder: Path, rnd: random.Random) -> Trial:
    db = folder / "journal.sqlite3"
    acknowledged = _run_and_kill(
        ["--db", str(db), "import", str(journal_file(folder))], rnd.uniform(0.2, 4.0)
    )
    checkins = count(db, "SELECT count(*) FROM checkin")
    activities = count(db, "SELECT count(*) FROM activity")
    whole = checkins == activities == IMPORT_CHECKINS
    lost = IMPORT_CHECKINS - checkins if acknowledged else 0
    torn = 0 if whole or checkins == activities == 0 else 1
    return Trial("import", not acknowledged, integrity(db), lost, torn)


def cli_trials(folder: Path, rnd: random.Random, trials: int) -> list[Trial]:
    """`sicoach activity` runs on one file, each killed at a random moment (or finishing)."""
    db = folder / "journal.sqlite3"
    acknowledged: list[int] = []
    results = []
    for minutes in range(1, trials + 1):
        args = ["--db", str(db), "activity", "walking", str(minutes), "--date", "2026-11-19"]
        if _run_and_kill(args, rnd.uniform(0.2, 3.0)):
            acknowledged.append(minutes)
        lost = sum(
            1 - min(1, count(db, "SELECT count(*) FROM activity WHERE minutes = ?", m))
            for m in acknowledged
        )
        results.append(Trial("cli", minutes not in acknowledged, integrity(db), lost, 0))
    return results


def server_trial(folder: Path, rnd: random.Random) -> Trial:
    """A session saved exercise by exercise through the API; the server is killed mid-way."""
    db = folder / "journal.sqlite3"
    server = LiveServer.in_folder(folder, db)
    saved: list[str] = []
    session_id: list[int] = []

    def save_session() -> None:
        with httpx.Client(base_url=server.base, timeout=10) as client:
            try:
                begun = client.post("/api/v1/sessions", json={"pain_before": 3})
                if begun.is_success:
                    session_id.append(int(begun.json()["id"]))
                for eid in EXERCISES:
                    answer = client.post(
                        f"/api/v1/sessions/{session_id[0]}/exercises", json={"id": eid, "reps": 5}
                    )
                    if answer.is_success:
                        saved.append(eid)
            except (httpx.HTTPError, IndexError):
                return  # the server is gone: what was answered before is what counts

    writer = threading.Thread(target=save_session)
    writer.start()
    writer.join(timeout=rnd.uniform(0.0, 1.5))
    killed = writer.is_alive()
    server.kill()
    writer.join()
    lost = 0
    if session_id:
        lost += 1 - min(1, count(db, "SELECT count(*) FROM session WHERE id = ?", session_id[0]))
        lost += sum(
            1
            - min(
                1,
                count(
                    db,
                    "SELECT count(*) FROM exercise_result WHERE session_id = ? AND exercise_id = ?",
                    session_id[0],
                    eid,
                ),
            )
            for eid in saved
        )
    return Trial("server", killed, integrity(db), lost, 0)
