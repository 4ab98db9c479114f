"""`sicoach session` in a real terminal (a pty driven by pexpect), checked through `export`.

The clock runs 50 times faster, so a whole session takes about ten seconds (100 times for
the tests that stop early).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest

SICOACH = Path(sys.executable).parent / "sicoach"
NOW = "2026-11-20T08:00:00"
ENV = {**os.environ, "SICOACH_FAKE_NOW": NOW, "TERM": "xterm", "COLUMNS": "100", "LINES": "40"}

SCREEN = r"\[y/n\]"
PAIN_NOW = r"have right now\? \(0-10\)"
RATING = r"\(0-10, Enter to skip\)"

pytestmark = pytest.mark.slow


def spawn(db: Path, *args: str) -> pexpect.spawn:
    child = pexpect.spawn(
        str(SICOACH),
        ["--db", str(db), *args],
        env=ENV,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=30,
    )
    return child


def answer_screen_and_pain(child: pexpect.spawn, pain: int) -> None:
    """Say no to every warning sign, then give the pain now."""
    while child.expect([SCREEN, PAIN_NOW]) == 0:
        child.sendline("n")
    child.sendline(str(pain))


def export(db: Path) -> dict[str, Any]:
    done = subprocess.run(
        [str(SICOACH), "--db", str(db), "export"],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


def test_session_in_a_terminal_saves_pain_and_the_exercise_that_hurt(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "50")
    answer_screen_and_pain(child, 4)
    child.expect(r"Exercise 1 of \d+: Pelvic tilt")
    child.send(" ")  # pause first, so the key lands in the first exercise on a busy machine
    child.expect("PAUSED")
    child.send("h")
    child.expect(r"How bad is the pain right now\? \(0-10\)")
    child.sendline("eleven")
    child.expect(r"not a rating\. Please type a whole number from 0 \(no pain\) to 10")
    child.sendline("-1")
    child.expect(r"not a rating\. Please type a whole number from 0 \(no pain\) to 10")
    child.sendline("6")
    ratings = 0
    while child.expect([RATING, PAIN_NOW]) == 0:
        ratings += 1
        child.sendline("")
    child.sendline("3")
    child.expect(r"Hurt:\s+1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert ratings >= 1

    sessions = export(db)["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["started_at"] == NOW
    assert session["pain_before"] == 4
    assert session["pain_after"] == 3
    assert not session.get("partial", False)
    first = session["exercises"][0]
    assert first["id"] == "pelvic_tilt"
    assert first["hurt"] is True
    assert first["pain"] == 6
    assert len(session["exercises"]) == ratings + 1
    assert all(not e["hurt"] for e in session["exercises"][1:])


def assert_first_kept_second_stopped(session: dict[str, Any]) -> None:
    """Stopped just after exercise 2 came on screen: exercise 1 is saved as finished; exercise
    2 is saved as stopped (skipped, with its count) only if a repetition was already done."""
    exercises = session["exercises"]
    assert [e["id"] for e in exercises] in (["pelvic_tilt"], ["pelvic_tilt", "knee_to_chest"])
    assert not exercises[0].get("skipped") and exercises[0]["reps"] == 10
    assert all(e["skipped"] and e["reps"] > 0 and not e["hurt"] for e in exercises[1:])


def _play_until_exercise(child: pexpect.spawn, number: int) -> None:
    """Let the session run (skipping the ratings) until exercise `number` is on screen."""
    while child.expect([RATING, rf"Exercise {number} of \d+:"]) == 0:
        child.sendline("")


def test_killed_session_keeps_what_was_done_as_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 5)
    _play_until_exercise(child, 3)
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL

    sessions = export(db)["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["partial"] is True
    assert session["pain_before"] == 5
    assert session["pain_after"] is None
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt", "knee_to_chest"]
    assert all(not e.get("skipped") and not e["hurt"] for e in session["exercises"])


def test_closed_terminal_ends_the_session_saved_and_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 2)
    _play_until_exercise(child, 2)
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130  # ended by the hangup handler, not killed by the signal

    session = export(db)["sessions"][0]
    assert session["partial"] is True
    assert session["pain_before"] == 2
    assert_first_kept_second_stopped(session)


def test_ctrl_c_ends_the_session_saved_and_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 3)
    _play_until_exercise(child, 2)
    child.sendintr()
    child.expect("Everything you did so far is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    session = export(db)["sessions"][0]
    assert session["partial"] is True
    assert session["pain_before"] == 3
    assert_first_kept_second_stopped(session)


def test_q_ends_early_asks_the_pain_and_marks_the_session_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 6)
    _play_until_exercise(child, 2)
    child.send("q")
    child.expect(r"have right now\? \(0-10, Enter to skip\)")
    child.sendline("5")
    child.expect("You stopped early")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    session = export(db)["sessions"][0]
    assert session["partial"] is True
    assert (session["pain_before"], session["pain_after"]) == (6, 5)
    assert_first_kept_second_stopped(session)


def test_ctrl_c_mid_exercise_keeps_the_repetitions_done(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "20")
    answer_screen_and_pain(child, 3)
    _play_until_exercise(child, 2)
    child.expect("HOLD YOUR LEFT KNEE")  # knee to chest: the right leg's first rep is done
    child.sendintr()
    child.expect("Everything you did so far is saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    session = export(db)["sessions"][0]
    assert session["partial"] is True
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt", "knee_to_chest"]
    stopped = session["exercises"][1]
    assert stopped["skipped"] is True and stopped["reps"] >= 1 and not stopped["hurt"]
