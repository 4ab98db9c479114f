"""Ctrl-C, `q` and a closed terminal at every moment of `sicoach session`, in a real pty.

Whatever the player is doing — counting a hold, between two exercises, waiting at a
question — the session ends at once with everything done so far saved and marked partial.
Each test first brings the player to a known state it shows on screen (paused in a given
exercise, or a given question), then stops it: no test depends on how fast the machine is.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path
from typing import Any

import pytest

from tests.cli.pty_session import (
    PAUSED,
    RATING,
    SAVED,
    SCREEN,
    answer_screen,
    answer_screen_and_pain,
    end,
    export,
    play_until_paused_in,
    spawn,
)

pytestmark = pytest.mark.slow
# a repetition's "2 of 10", not the title "Exercise 2 of 10"
REP_TWO_OF_TEN = re.compile(r"(?<!Exercise )(?<!\d)2 of 10(?!\d)")
PAIN_NOW_OPTIONAL = r"have right now\? \(0-10, Enter to skip\)"


def only_session(db: Path) -> dict[str, Any]:
    sessions = export(db)["sessions"]
    assert len(sessions) == 1
    session = sessions[0]
    assert isinstance(session, dict)
    return session


def assert_first_done(session: dict[str, Any], pain: int | None = None) -> None:
    first = session["exercises"][0]
    assert first["id"] == "pelvic_tilt"
    assert (first["reps"], first.get("pain"), first["hurt"]) == (10, pain, False)
    assert not first.get("skipped")


def test_ctrl_c_between_exercises_ends_the_session_saved_and_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 3)
    play_until_paused_in(child, 2)  # exercise 2 on screen, paused at (or near) its start
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130

    session = only_session(db)
    assert (session["partial"], session["pain_before"], session["pain_after"]) == (True, 3, None)
    assert session["exercises"][0]["id"] == "pelvic_tilt"
    assert_first_done(session)
    # A loaded machine may count a repetition of the second before the pause is read: it is
    # then kept as stopped, with its count, never as done.
    assert all(e["skipped"] and e["reps"] > 0 for e in session["exercises"][1:])
    assert len(session["exercises"]) <= 2


def test_ctrl_c_mid_exercise_keeps_the_repetitions_done(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "5")  # pelvic tilt lasts about 20 s
    answer_screen_and_pain(child, 3)
    child.expect(REP_TWO_OF_TEN)  # the first repetition is done
    child.send(" ")
    child.expect(PAUSED)
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130

    session = only_session(db)
    assert session["partial"] is True
    (stopped,) = session["exercises"]
    assert stopped["id"] == "pelvic_tilt"
    assert stopped["skipped"] is True and 1 <= stopped["reps"] < 10 and not stopped["hurt"]


def test_ctrl_c_at_the_rating_keeps_the_exercise_as_done(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 4)
    child.expect(r"Pelvic tilt done\. How much did it hurt\? " + RATING)
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130

    session = only_session(db)
    assert session["partial"] is True
    assert len(session["exercises"]) == 1
    assert_first_done(session)


def test_ctrl_c_just_after_a_rating_lands_safely_wherever_it_lands(tmp_path: Path) -> None:
    """The Ctrl-C follows the answer at once, so it reaches the player somewhere between the
    question and the next exercise: the exercise is saved as done wherever it lands."""
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 4)
    child.expect(RATING)
    child.sendline("2")
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130

    session = only_session(db)
    assert session["partial"] is True
    # the terminal drops typed input on Ctrl-C: the 2 is kept if the player had read it
    assert_first_done(session, pain=session["exercises"][0].get("pain"))
    assert session["exercises"][0].get("pain") in (2, None)
    assert all(e["skipped"] and e["reps"] > 0 for e in session["exercises"][1:])


def test_ctrl_c_at_how_bad_keeps_that_it_hurt(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 4, pause=True)
    child.send("h")
    child.expect(r"How bad is the pain right now\? \(0-10\)")
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130

    (hurt,) = only_session(db)["exercises"]
    assert (hurt["id"], hurt["hurt"], hurt.get("pain")) == ("pelvic_tilt", True, None)


def test_ctrl_c_at_a_warning_sign_question_starts_nothing(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    child.expect(SCREEN)
    child.sendintr()
    child.expect("Stopped before the session began")
    assert end(child) == 130
    assert export(db)["sessions"] == []


def test_ctrl_c_at_the_pain_question_starts_nothing(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen(child)
    child.sendintr()
    child.expect("Stopped before the session began")
    assert end(child) == 130
    assert export(db)["sessions"] == []


def test_q_while_paused_asks_the_pain_and_marks_the_session_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 6)
    play_until_paused_in(child, 2)
    child.send("q")
    child.expect(PAIN_NOW_OPTIONAL)
    child.sendline("5")
    child.expect("You stopped early")
    assert end(child) == 0

    session = only_session(db)
    assert session["partial"] is True
    assert (session["pain_before"], session["pain_after"]) == (6, 5)
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt"]
    assert_first_done(session)


def test_q_at_the_rating_ends_the_session_like_the_key(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 6)
    child.expect(RATING)
    child.sendline("q")
    child.expect(PAIN_NOW_OPTIONAL)
    child.sendline("5")
    child.expect("You stopped early")
    assert end(child) == 0

    session = only_session(db)
    assert (session["partial"], session["pain_after"]) == (True, 5)
    assert len(session["exercises"]) == 1
    assert_first_done(session)


def test_closed_terminal_ends_the_session_saved_and_partial(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 2)
    play_until_paused_in(child, 2)
    child.kill(signal.SIGHUP)
    assert end(child) == 130  # ended by the hangup handler, not killed by the signal

    session = only_session(db)
    assert (session["partial"], session["pain_before"]) == (True, 2)
    assert [e["id"] for e in session["exercises"]] == ["pelvic_tilt"]


def test_ctrl_c_while_paused_before_any_repetition_saves_an_empty_session(
    tmp_path: Path,
) -> None:
    db = tmp_path / "journal.sqlite3"
    child = spawn(db, "session", "--speed", "100")
    answer_screen_and_pain(child, 2, pause=True)
    child.sendintr()
    child.expect(SAVED)
    assert end(child) == 130
    session = only_session(db)
    assert (session["partial"], session["exercises"]) == (True, [])
