"""The pure checks of `sicoach.domain.validation`: exact messages and edges."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from sicoach.domain.field_checks import (
    JournalError,
    check_date,
    check_datetime,
    check_minutes,
    check_rating,
    check_symptom,
    check_time_of_day,
)
from sicoach.domain.journal import PlanChoices, Pregnancy
from sicoach.domain.validation import validate_journal, validate_profile

TODAY = date(2026, 11, 20)


def _error(fn, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(JournalError) as err:
        fn(*args)
    return str(err.value)


def test_rating_edges() -> None:
    assert check_rating(0, "pain") == 0
    assert check_rating(10, "pain") == 10
    assert _error(check_rating, 11, "pain") == "pain: 11 is above the maximum of 10"
    assert _error(check_rating, -1, "pain") == "pain: -1 is below the minimum of 0"
    assert _error(check_rating, True, "pain") == "pain: must be a whole number, not true"
    assert _error(check_rating, None, "pain") == "pain: must be a whole number, not null"
    assert _error(check_rating, 2.0, "pain") == "pain: must be a whole number, not 2.0"


def test_minutes_edges() -> None:
    assert check_minutes(1, "m") == 1
    assert check_minutes(1440, "m") == 1440
    assert _error(check_minutes, 0, "m") == "m: 0 is below the minimum of 1"
    assert _error(check_minutes, 1441, "m") == "m: 1441 is above the maximum of 1440"


def test_dates_are_strict_and_not_in_the_future() -> None:
    assert check_date("2026-11-20", "d", TODAY) == TODAY
    assert _error(check_date, "2026-11-21", "d", TODAY) == (
        "d: 2026-11-21 is in the future (today is 2026-11-20)"
    )
    for bad in ("20261120", "2026-11-31", "2026-W47-5", " 2026-11-20", 20261120, None):
        assert "is not a date; use YYYY-MM-DD" in _error(check_date, bad, "d", TODAY)
    assert check_datetime("2026-11-20T23:59:59", "t", TODAY) == datetime(2026, 11, 20, 23, 59, 59)
    assert "is in the future" in _error(check_datetime, "2026-11-21T00:00:00", "t", TODAY)
    assert "not a date and time" in _error(check_datetime, "2026-11-20T07:00+01:00", "t", TODAY)
    assert check_time_of_day("07:30", "r") == time(7, 30)
    assert "is not a time" in _error(check_time_of_day, "7:30", "r")
    assert "is not a time" in _error(check_time_of_day, "25:00", "r")


def test_dates_before_1900_are_refused() -> None:
    """Year 1 or 1850 is a typing slip; stored, it broke every later date sum (OverflowError)."""
    assert check_date("1900-01-01", "d", TODAY) == date(1900, 1, 1)
    assert _error(check_date, "1899-12-31", "d", TODAY) == (
        "d: 1899-12-31 is before 1900-01-01; check the year"
    )
    assert (
        _error(check_date, "0001-01-01", "d")
        == "d: 0001-01-01 is before 1900-01-01; check the year"
    )
    assert _error(check_datetime, "0001-01-01T07:00:00", "t", TODAY) == (
        "t: 0001-01-01T07:00:00 is before 1900-01-01; check the year"
    )


def test_codes() -> None:
    assert check_symptom("fever", "s") == "fever"
    assert _error(check_symptom, "Fever", "s") == 's: "Fever" is not a known symptom code'


def _doc(**extra: object) -> dict[str, object]:
    return {"format": "sicoach.journal", "version": 1, **extra}


def test_minimal_document_is_an_empty_journal() -> None:
    journal = validate_journal(_doc(), TODAY)
    assert journal.profile is None and journal.checkins == () and journal.sessions == ()


def test_first_error_is_reported_with_its_path() -> None:
    doc = _doc(
        checkins=[{"date": f"2026-11-0{i}", "pain": 3} for i in range(1, 4)]
        + [{"date": "2026-11-05", "pain": 11, "mobility": 12}]
    )
    assert _error(validate_journal, doc, TODAY) == (
        "checkins[3].pain: 11 is above the maximum of 10"
    )


def test_duplicates_in_lists_are_refused() -> None:
    doc = _doc(checkins=[{"date": "2026-11-01", "symptoms": ["fever", "fever"]}])
    assert _error(validate_journal, doc, TODAY) == (
        'checkins[0].symptoms[1]: "fever" is listed twice (also at checkins[0].symptoms[0])'
    )
    doc = _doc(
        function=[
            {"date": "2026-11-01", "activity": "socks", "score": 3},
            {"date": "2026-11-01", "activity": "socks", "score": 4},
        ]
    )
    assert "is rated twice on 2026-11-01" in _error(validate_journal, doc, TODAY)


def test_compact_exercise_results_get_defaults() -> None:
    doc = _doc(
        sessions=[
            {"started_at": "2026-11-02T07:30:00", "exercises": [{"id": "bridge", "skipped": True}]}
        ]
    )
    (session,) = validate_journal(doc, TODAY).sessions
    assert session.partial is False
    (result,) = session.exercises
    assert (result.level, result.reps, result.hurt, result.pain, result.skipped) == (
        0,
        0,
        False,
        None,
        True,
    )


def test_exercise_ids_come_from_the_caller() -> None:
    doc = _doc(sessions=[{"started_at": "2026-11-02T07:30:00", "exercises": [{"id": "bridge"}]}])
    assert 'exercises[0].id: "bridge" is not a known exercise code' in _error(
        validate_journal, doc, TODAY, ("pelvic_tilt",)
    )


def test_profile_with_plan_and_pregnancy() -> None:
    profile = validate_profile(
        {
            "started_on": "2026-11-02",
            "pregnancy": {"status": "postpartum", "delivery_date": "2026-10-01"},
            "plan": {
                "left_out": ["cat_cow"],
                "training_days": ["sun", "mon"],
                "reminder_time": None,
                "enabled": [{"id": "bridge", "date": "2026-11-05"}],
            },
        },
        "profile",
        TODAY,
    )
    assert profile is not None
    assert profile.pregnancy == Pregnancy("postpartum", delivery_date=date(2026, 10, 1))
    assert profile.plan == PlanChoices(
        left_out=("cat_cow",),
        training_days=(6, 0),
        reminder_time=None,
        enabled_on=(("bridge", date(2026, 11, 5)),),
    )
    bad = {
        "started_on": "2026-11-02",
        "pregnancy": {"status": "pregnant", "delivery_date": "2026-10-01"},
    }
    assert _error(validate_profile, bad, "profile", TODAY) == (
        "profile.pregnancy.delivery_date: unknown field; a pregnancy has only status, due_date"
    )


def test_text_limits() -> None:
    doc = _doc(checkins=[{"date": "2026-11-01", "note": "a\x00b"}])
    assert "NUL" in _error(validate_journal, doc, TODAY)
    doc = _doc(checkins=[{"date": "2026-11-01", "note": "x" * 2001}])
    assert _error(validate_journal, doc, TODAY) == (
        "checkins[0].note: has 2001 characters; the limit is 2000"
    )


def test_odd_keys_and_trailing_newlines_stay_on_one_line() -> None:
    message = _error(validate_journal, _doc(checkins=[{"date": "2026-11-01", "a\nb": 1}]), TODAY)
    assert message.startswith('checkins[0]["a\\nb"]: unknown field')
    assert _error(
        validate_journal, {"": 1, "format": "sicoach.journal", "version": 1}, TODAY
    ).startswith('[""]: unknown field')
    for bad in ("2026-11-02\n", "２０２６-11-02"):
        assert "is not a date" in _error(check_date, bad, "d", TODAY)
    assert "is not a date and time" in _error(check_datetime, "2026-11-02T07:30:00\n", "t", TODAY)
    assert "is not a time" in _error(check_time_of_day, "07:30\n", "r")
