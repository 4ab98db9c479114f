"""`sicoach session` in a real terminal (a pty driven by pexpect), checked through `export`.

The clock runs 50 to 100 times faster, so a whole session takes about ten seconds. Stopping
it in every state (Ctrl-C, q, a closed terminal) is in test_session_pty_stops.py.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from tests.cli.pty_session import (
    NOW,
    PAIN_NOW,
    RATING,
    answer_screen_and_pain,
    end,
    export,
    play_until_paused_in,
    spawn,
)

pytestmark = pytest.mark.slow


def test_session_in_a_terminal_saves_pain_and_the_exercise_that_hurt(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "50")
    answer_screen_and_pain(child, 4, pause=True)
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


def test_killed_session_keeps_what_was_done_as_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 5)
    play_until_paused_in(child, 3)
    child.kill(signal.SIGKILL)
    end(child)
    assert child.signalstatus == signal.SIGKILL

    sessions = export(db)["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert session["partial"] is True
    assert session["pain_before"] == 5
    assert session["pain_after"] is None
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt", "knee_to_chest"]
    assert all(not e.get("skipped") and not e["hurt"] for e in session["exercises"])
