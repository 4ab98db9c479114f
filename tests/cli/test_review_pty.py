"""The way back after the doctor in a real terminal (pexpect pty): an emergency sign blocks
the session; `sicoach review` asks for the explicit yes at the terminal; then the session
starts. Waits on what the programs print, never on time."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pexpect
import pytest

from tests.cli.pty_session import ENV, PAIN_NOW, SCREEN, SICOACH, export, spawn

pytestmark = pytest.mark.slow


def _run(db: Path, *args: str) -> None:
    subprocess.run(
        [str(SICOACH), "--db", str(db), *args], env=ENV, check=True, capture_output=True, timeout=60
    )


def _screen_then(child: pexpect.spawn, outcome: str) -> None:
    """Say no to every warning-sign question until `outcome` shows."""
    while child.expect([SCREEN, outcome]) == 0:
        child.sendline("n")


def test_review_with_the_yes_at_the_terminal_lets_the_session_start(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _run(db, "checkin", "--pain", "4", "--symptom", "saddle_numbness", "--date", "2026-11-18")

    blocked = spawn(db, "session", "--speed", "100")
    _screen_then(blocked, "No exercises today")
    blocked.expect("EMERGENCY")
    blocked.expect(pexpect.EOF)
    blocked.close()

    review = spawn(db, "review", "--date", "2026-11-19", "--advice", "gently", "--note", "A&E")
    review.expect("You reported an emergency sign: numbness or tingling around your genitals")
    review.expect(r"Did they check you for it at this visit\? \[y/n\]")
    review.sendline("maybe")
    review.expect("Please answer y for yes or n for no")
    review.sendline("y")
    review.expect("Saved: checked on 2026-11-19, advised to carry on gently")
    review.expect("ALL CLEAR")
    review.expect(pexpect.EOF)
    review.close()
    assert review.exitstatus == 0

    session = spawn(db, "session", "--speed", "100")
    _screen_then(session, PAIN_NOW)
    session.sendline("3")
    session.expect(r"Exercise 1 of \d+:")
    session.send("q")
    session.expect(r"have right now\? \(0-10, Enter to skip\)")
    session.sendline("")
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 0

    journal = export(db)
    (saved,) = journal["reviews"]
    assert saved["emergency_checked"] is True and saved["advice"] == "gently"
    assert "saddle_numbness" in saved["settles"]
    assert len(journal["sessions"]) == 1


def test_saying_no_at_the_terminal_saves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _run(db, "checkin", "--pain", "4", "--symptom", "chest_pain", "--date", "2026-11-18")
    review = spawn(db, "review", "--date", "2026-11-19", "--advice", "carry_on")
    review.expect(r"Did they check you for it at this visit\? \[y/n\]")
    review.sendline("n")
    review.expect("not confirmed, so the visit was not saved")
    review.expect(pexpect.EOF)
    review.close()
    assert review.exitstatus == 2
    assert export(db)["reviews"] == []
