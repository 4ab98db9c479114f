"""`sicoach review`: a visit to a doctor, physio or midwife lifts the block it settles; the
explicit yes for emergency signs; bad input exits 2 naming the option, nothing written."""

from __future__ import annotations

from typing import Any


def _flag(sicoach: Any, day: str, code: str) -> None:
    assert sicoach("checkin", "--pain", "4", "--symptom", code, "--date", day).exit_code == 0


def _level(sicoach: Any) -> str:
    result = sicoach("safety", "--json")
    return str(result.json()["level"])


def test_review_after_an_urgent_sign_lifts_the_block(sicoach) -> None:  # type: ignore[no-untyped-def]
    _flag(sicoach, "2026-11-18", "fever")
    assert _level(sicoach) == "urgent"
    done = sicoach("review", "--date", "2026-11-19", "--advice", "carry_on", "--note", "GP: a cold")
    assert done.exit_code == 0, done.stderr
    assert "advised to carry on as before" in done.stdout
    assert _level(sicoach) == "continue"
    (review,) = sicoach("export").json()["reviews"]
    assert review == {
        "date": "2026-11-19",
        "advice": "carry_on",
        "note": "GP: a cold",
        "emergency_checked": False,
        "settles": ["fever"],
    }


def test_an_emergency_sign_needs_yes_and_nothing_is_written_without_it(sicoach) -> None:  # type: ignore[no-untyped-def]
    _flag(sicoach, "2026-11-18", "bladder_bowel_change")
    refused = sicoach("review", "--date", "2026-11-19", "--advice", "gently")
    assert refused.exit_code == 2
    assert refused.stderr.startswith("Error: --yes: you reported an emergency sign")
    assert sicoach("export").json()["reviews"] == []
    assert _level(sicoach) == "emergency"
    done = sicoach("review", "--date", "2026-11-19", "--advice", "gently", "--yes")
    assert done.exit_code == 0, done.stderr
    assert _level(sicoach) == "continue"


def test_stop_until_told_otherwise_keeps_the_routine_off(sicoach) -> None:  # type: ignore[no-untyped-def]
    _flag(sicoach, "2026-11-18", "night_pain")
    assert sicoach("review", "--advice", "stop").exit_code == 0
    today = sicoach("today", "--json").json()
    assert {e["status"] for e in today["exercises"]} == {"skipped"}
    assert any(r["code"] == "clinician_stop" for r in today["safety"]["reasons"])


def test_without_advice_it_lists_the_signs_waiting_for_a_check(sicoach) -> None:  # type: ignore[no-untyped-def]
    _flag(sicoach, "2026-11-01", "chest_pain")
    assert sicoach("checkin", "--pain", "2", "--date", "2026-11-15").exit_code == 0
    safety = sicoach("safety", "--json").json()
    assert [r["code"] for r in safety["reasons"]] == ["checked_for_chest_pain"]
    listed = sicoach("review")
    assert listed.exit_code == 0
    assert "chest pain (last noted 2026-11-01; emergency sign)" in listed.stdout


def test_bad_input_exits_2_naming_the_option(sicoach) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (("--advice", "maybe"), "--advice: 'maybe' is not an advice"),
        (("--advice", "stop", "--date", "2026-11-21"), "--date: 2026-11-21 is in the future"),
        (("--advice", "stop", "--date", "yesterday"), '--date: "yesterday" is not a date'),
        (("--advice", "stop", "--note", "x" * 2001), "--note: has 2001 characters"),
    ]
    for args, message in cases:
        result = sicoach("review", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert sicoach("export").json()["reviews"] == []


def test_help_names_the_three_advices(sicoach) -> None:  # type: ignore[no-untyped-def]
    shown = " ".join(sicoach("review", "--help").stdout.split())
    for word in ("carry_on", "gently", "stop", "--yes", "--note"):
        assert word in shown
