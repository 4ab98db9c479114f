"""`sicoach session` in a real terminal: "it hurts" at 7 or more ends the session there, with
rest advice and what to watch for (the same rule as the web player, sicoach.domain.hurting).
Waits on what the player prints, never on time."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.cli.pty_session import answer_screen_and_pain, export, spawn

pytestmark = pytest.mark.slow


def test_it_hurts_at_8_ends_the_session_with_rest_advice(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "50")
    answer_screen_and_pain(child, 3)
    child.expect(r"Exercise 1 of \d+: Pelvic tilt")
    child.send(" ")  # pause first, so the key lands in the first exercise on a busy machine
    child.expect("PAUSED")
    child.send("h")
    child.expect(r"How bad is the pain right now\? \(0-10\)")
    child.sendline("8")
    child.expect("The session ends here")
    child.expect("Stop for today")
    child.expect("Rest in whatever position eases the pain most")
    child.expect("Watch for")
    child.expect("emergency number")
    child.expect(r"You stopped because it hurt \(8 out of 10\)")
    child.expect(r"Hurt:\s+1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    (session,) = export(db)["sessions"]
    assert session["partial"] is True
    assert (session["pain_before"], session["pain_after"]) == (3, 8)
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt"]
    assert session["exercises"][0]["hurt"] is True and session["exercises"][0]["pain"] == 8
