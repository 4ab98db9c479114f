"""`sicoach session` asks the warning signs once a day, as one list, in a real terminal.

The rule (which questions are still due today) is the services' `screen_due`, the same the
web's list on Today uses; these tests check the terminal follows it and that a sign, once
said, still stops every later session that day.
"""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.cli.pty_session import ENV, PAIN_NOW, SCREEN, SICOACH, end, export, spawn

pytestmark = pytest.mark.slow

LIST_TITLE = "Since yesterday, have you noticed any of these?"
NONE_OF_THESE = r"Yes, one of these, or no, none of these\? \[y/n\]"


def _quit_at_first_exercise(child: pexpect.spawn) -> None:
    """Give the pain now, stop at the first exercise, skip the pain after."""
    child.sendline("3")
    child.expect(r"Exercise 1 of \d+:")
    child.send("q")
    child.expect(r"have right now\? \(0-10, Enter to skip\)")
    child.sendline("")
    assert end(child) == 0


def test_one_list_once_a_day_then_straight_to_the_pain_question(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    first = spawn(db, "session", "--speed", "100")
    first.expect_exact(LIST_TITLE)
    first.expect_exact("Numbness around the genitals or buttocks")
    first.expect_exact("Calf pain or swelling")
    first.expect(NONE_OF_THESE)
    first.sendline("n")
    first.expect(PAIN_NOW)
    assert "[y/n]" not in str(first.before)  # one answer for the whole list
    _quit_at_first_exercise(first)

    second = spawn(db, "session", "--speed", "100")
    second.expect(PAIN_NOW)
    shown = str(second.before)
    assert LIST_TITLE not in shown and "[y/n]" not in shown
    assert "You answered the safety questions earlier today." in shown
    _quit_at_first_exercise(second)
    assert len(export(db)["sessions"]) == 2

    next_day = pexpect.spawn(
        str(SICOACH),
        ["--db", str(db), "session", "--speed", "100"],
        env={**ENV, "SICOACH_FAKE_NOW": "2026-11-21T08:00:00"},
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=30,
    )
    next_day.expect_exact(LIST_TITLE)  # the answers count for one day only
    next_day.expect(NONE_OF_THESE)
    next_day.sendline("n")
    next_day.expect(PAIN_NOW)
    _quit_at_first_exercise(next_day)


def test_a_yes_opens_the_full_questions_and_a_sign_stops_every_session_that_day(
    tmp_path: Path,
) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    child.expect(NONE_OF_THESE)
    child.sendline("y")
    child.expect_exact("We will ask about each one in full")
    child.expect(r"genitals, bottom or inner thighs, or when you wipe\?\s+\[y/n\]")
    child.sendline("n")
    child.expect(r"trouble with pee or poo[^\[]*\[y/n\]")
    child.sendline("y")
    child.expect_exact("No exercises today.")
    child.expect("EMERGENCY")
    child.expect("Call your local emergency number now")
    assert end(child) == 0
    assert export(db)["sessions"] == []

    again = spawn(db, "session", "--speed", "100")
    while again.expect([SCREEN, "No exercises today", PAIN_NOW]) == 0:
        again.sendline("n")  # a no to the questions not yet asked never undoes the yes
    assert again.match is not None and "No exercises" in again.match.group(0)
    again.expect("EMERGENCY")
    assert end(again) == 0
    assert export(db)["sessions"] == []
    checkin = export(db)["checkins"][0]
    assert "bladder_bowel_change" in checkin["symptoms"]
