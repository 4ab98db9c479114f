"""`sicoach session` in-process: the script JSON, bad options, and the line-by-line player
(input that is not a terminal), checked through `export`."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

KINDS = {"get_ready", "hold", "release", "move", "switch_side", "rest", "done"}
NO_FLAGS = "n\n"  # "none of these" to the once-a-day warning-sign list


def _sessions(sicoach: Any) -> list[dict[str, Any]]:
    result = sicoach("export")
    assert result.exit_code == 0, result.stderr
    return result.json()["sessions"]  # type: ignore[no-any-return]


def test_script_json_follows_todays_plan(sicoach: Any) -> None:
    result = sicoach("session", "--script", "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["date"] == "2026-11-20"
    steps = data["steps"]
    assert steps[-1]["kind"] == "done" and steps[-1]["exercise_id"] is None
    assert {s["kind"] for s in steps} <= KINDS
    for step in steps:
        assert set(step) >= {"exercise_id", "kind", "seconds", "text", "rep", "of_reps", "side"}
    assert sum(s["seconds"] for s in steps) == data["total_seconds"]

    today = sicoach("today", "--json").json()
    active = [e["id"] for e in today["exercises"] if e["status"] != "skipped"]
    assert [e["id"] for e in data["exercises"]] == active
    ready = [s["exercise_id"] for s in steps if s["kind"] == "get_ready"]
    assert ready == active
    if "estimated_minutes" in today:
        assert today["estimated_minutes"] == math.ceil(data["total_seconds"] / 60)


def test_script_for_another_day(sicoach: Any) -> None:
    result = sicoach("session", "--script", "--json", "--date", "2026-11-18")
    assert result.exit_code == 0
    assert result.json()["date"] == "2026-11-18"


def test_bad_options_fail_with_one_clear_message(sicoach: Any) -> None:
    only_json = sicoach("session", "--json")
    assert only_json.exit_code == 2
    assert "--json" in only_json.stderr
    future = sicoach("session", "--date", "2026-12-01")
    assert future.exit_code == 2
    assert "--date" in future.stderr and "future" in future.stderr
    bad_date = sicoach("session", "--script", "--date", "tomorrow")
    assert bad_date.exit_code == 2
    assert "--date" in bad_date.stderr
    slow = sicoach("session", "--speed", "0")
    assert slow.exit_code == 2
    assert "--speed" in slow.stderr
    assert _sessions(sicoach) == []


def test_line_by_line_session_saves_everything(sicoach: Any) -> None:
    script = sicoach("session", "--script", "--json").json()
    count = len(script["exercises"])
    # pain now (after no answer and two wrong ones), "h" in the first exercise and how bad,
    # "n" in the second; then a rating of 2 for each finished one, and the pain at the end
    answers = ["", "eleven", "-1", "4", "h", "6", "n"] + ["2"] * (count - 2) + ["3"]
    result = sicoach("session", "--speed", "1000", input=NO_FLAGS + "\n".join(answers) + "\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    out = result.stdout
    assert "(0-10)" in out
    assert out.count("is not a rating. Please type a whole number from 0 (no pain) to 10") == 2
    assert out.count("Please type a whole number from 0 (no pain) to 10") == 3
    assert "Hurt:      1" in out and f"Done:      {count - 2}" in out
    assert "Skipped:   1 (" in out and "Part done" not in out  # skipped before a repetition
    assert out.count("\a") >= count  # a bell at each step change

    sessions = _sessions(sicoach)
    assert len(sessions) == 1
    session = sessions[0]
    assert (session["pain_before"], session["pain_after"]) == (4, 3)
    assert not session.get("partial", False)
    exercises = session["exercises"]
    assert [e["id"] for e in exercises] == [e["id"] for e in script["exercises"]]
    assert exercises[0]["hurt"] is True and exercises[0]["pain"] == 6
    assert exercises[1].get("skipped") is True
    assert all(e["pain"] == 2 and not e["hurt"] for e in exercises[2:])
    planned = script["exercises"][2:]
    assert [e["reps"] for e in exercises[2:]] == [s["reps"] for s in planned]


def test_a_yes_to_a_warning_sign_ends_before_any_exercise(sicoach: Any) -> None:
    result = sicoach("session", "--speed", "1000", input="y\ny\n")  # a yes, then the first sign
    assert result.exit_code == 0
    assert "[y/n]" in result.stdout
    assert "No exercises today" in result.stdout
    assert "emergency" in result.stdout.lower()
    assert "(0-10)" not in result.stdout
    assert _sessions(sicoach) == []


def test_input_ending_before_the_pain_question_starts_nothing(sicoach: Any) -> None:
    result = sicoach("session", "--speed", "1000", input=NO_FLAGS)
    assert result.exit_code == 1
    assert "did not start" in result.stderr
    assert _sessions(sicoach) == []


def test_quit_in_line_mode_keeps_the_session_as_partial(sicoach: Any) -> None:
    result = sicoach("session", "--speed", "1000", input=NO_FLAGS + "5\nq\n\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "You stopped early" in result.stdout
    session = _sessions(sicoach)[0]
    assert session["partial"] is True
    assert session["pain_before"] == 5
    assert session["pain_after"] is None
    assert session["exercises"] == []


def test_voice_without_espeak_ng_says_so_in_one_line(
    sicoach: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng to be found
    result = sicoach("session", "--voice", "--speed", "1000", input=NO_FLAGS + "5\nq\n\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    notes = [line for line in result.stdout.splitlines() if "espeak-ng is not installed" in line]
    assert len(notes) == 1
    assert "Voice is off" in notes[0]


def test_summary_shows_the_safety_level_when_the_session_changed_it(sicoach: Any) -> None:
    def hurt_session() -> str:
        count = len(sicoach("session", "--script", "--json").json()["exercises"])
        answers = ["4", "h", "7"] + [""] * (count - 1) + ["4"]
        result = sicoach("session", "--speed", "1000", input=NO_FLAGS + "\n".join(answers) + "\n")
        assert result.exit_code == 0, result.stdout + result.stderr
        return str(result.stdout)

    first = hurt_session()
    assert "Hurt:      1" in first
    assert "safety check changed" not in first
    second = hurt_session()  # exercises hurt in two recent sessions: see a doctor
    assert "Your safety check changed after this session" in second
    assert "SEE A DOCTOR" in second
    assert len(_sessions(sicoach)) == 2
