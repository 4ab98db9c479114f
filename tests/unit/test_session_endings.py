"""How an exercise ended is decided once, by the session service, for every face.

A skip after some repetitions is a skip in the plan, the history, progress and the FHIR
export; an exercise that hurt is never counted as done. Real SQLite file, real services.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from sicoach.domain.journal import Journal
from sicoach.domain.plan import PlannedExercise
from sicoach.services import journal_pages, journal_transfer, plan, reports, session, views
from sicoach.services.commands import Ending, FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context

EXERCISE = "knee_to_chest"
"""An exercise whose repetitions climb after a comfortable week (the plan reads reps)."""


def _history(context: Context) -> None:
    """A week of comfortable sessions of EXERCISE at 5 repetitions, before today."""
    today = context.clock.today()
    sessions = [
        {
            "started_at": f"{(today - timedelta(days=back)).isoformat()}T07:30:00",
            "pain_before": 2,
            "pain_after": 1,
            "exercises": [{"id": EXERCISE, "level": 0, "reps": 5, "pain": 1}],
        }
        for back in range(8, 0, -1)
    ]
    document = {
        "format": "sicoach.journal",
        "version": 1,
        "profile": {"started_on": (today - timedelta(days=10)).isoformat()},
        "sessions": sessions,
    }
    journal_transfer.import_journal(context, json.dumps(document))


def _tomorrow(context: Context) -> PlannedExercise:
    tomorrow = context.clock.today() + timedelta(days=1)
    day = plan.plan_today(context, on=tomorrow)
    return next(e for e in day.exercises if e.id == EXERCISE)


def _play_today(context: Context, *results: tuple[str, Ending, int]) -> int:
    """A session today that ends early, with (exercise, ending, reps) results."""
    session_id = session.start_session(context, StartSession(3)).session_id
    assert session_id is not None
    for exercise_id, ending, reps in results:
        session.record_exercise(context, RecordExercise(session_id, exercise_id, ending, reps))
    session.finish_session(context, FinishSession(session_id, 3, ended_early=True))
    return session_id


def _stored(context: Context) -> Journal:
    with context.uow() as uow:
        return uow.journal.load()


def test_a_skip_after_some_repetitions_leaves_tomorrows_plan_as_it_was(
    context: Context,
) -> None:
    _history(context)
    before = _tomorrow(context)
    _play_today(context, (EXERCISE, Ending.SKIPPED, 2))
    (result,) = _stored(context).sessions[-1].exercises
    assert result.skipped and not result.hurt and result.reps == 2  # the count is kept
    after = _tomorrow(context)
    assert (after.rule, after.level, after.reps) == (before.rule, before.level, before.reps)


def test_the_same_repetitions_finished_do_change_the_plan(context: Context) -> None:
    """The control for the test above: 2 repetitions counted as done would lower the dose."""
    _history(context)
    before = _tomorrow(context)
    _play_today(context, (EXERCISE, Ending.FINISHED, 2))
    assert _tomorrow(context).reps != before.reps


def test_a_partial_skip_is_a_skip_in_history_and_progress(context: Context) -> None:
    _history(context)
    sessions_before = reports.progress(context).adherence.sessions
    session_id = _play_today(context, (EXERCISE, Ending.SKIPPED, 2))
    summary = views.session_summary(context, session_id)
    assert summary.done == () and summary.skipped == ()
    assert summary.part_done == ("Single knee to chest",)  # some of it was done: not "skipped"
    newest = journal_pages.history_page(context).sessions[0]
    assert newest.done_count == 0 and newest.ended_early
    (today,) = views.day_rows(context, days=1)
    assert (today.sessions, today.partial_sessions) == (0, 1)
    assert reports.progress(context).adherence.sessions == sessions_before


@pytest.mark.parametrize("ending", [Ending.SKIPPED, Ending.QUIT])
def test_stopping_early_keeps_the_count_but_is_never_done(context: Context, ending: Ending) -> None:
    session_id = _play_today(context, ("bridge", ending, 3))
    (result,) = _stored(context).sessions[0].exercises
    assert result.skipped and result.reps == 3
    assert views.session_summary(context, session_id).done == ()


def _fhir_session_components(context: Context) -> dict[str, object]:
    bundle = json.loads(reports.export_fhir(context))
    (observation,) = [
        e["resource"]
        for e in bundle["entry"]
        if any(
            c["code"]["coding"][0]["code"] == "exercises-done"
            for c in e["resource"].get("component", [])
        )
    ]
    return {c["code"]["coding"][0]["code"]: c for c in observation["component"]}


def test_hurt_is_never_done_anywhere(context: Context) -> None:
    session_id = _play_today(
        context,
        ("pelvic_tilt", Ending.FINISHED, 10),
        ("bridge", Ending.HURT, 2),
        (EXERCISE, Ending.SKIPPED, 2),
    )
    stored = _stored(context).sessions[0].exercises
    assert [(r.hurt, r.skipped) for r in stored] == [(False, False), (True, False), (False, True)]
    summary = views.session_summary(context, session_id)
    assert summary.done == ("Pelvic tilt",) and summary.hurt == ("Bridge",)
    assert journal_pages.history_page(context).sessions[0].done_count == 1
    components = _fhir_session_components(context)
    assert components["exercises-done"]["valueInteger"] == 1
    assert components["exercises-hurt"]["valueString"] == "bridge"


def test_part_done_only_after_a_repetition_and_never_for_one_that_hurt(
    context: Context,
) -> None:
    session_id = _play_today(
        context,
        ("pelvic_tilt", Ending.SKIPPED, 0),
        ("bridge", Ending.SKIPPED, 1),
        (EXERCISE, Ending.HURT, 3),
    )
    summary = views.session_summary(context, session_id)
    assert summary.skipped == ("Pelvic tilt",)
    assert summary.part_done == ("Bridge",)
    assert summary.hurt == ("Single knee to chest",)
    assert [views.outcome(r) for r in _stored(context).sessions[0].exercises] == [
        "skipped",
        "part",
        "hurt",
    ]


def test_a_session_summary_is_of_the_session_asked_for(context: Context) -> None:
    first = _play_today(context, ("pelvic_tilt", Ending.FINISHED, 10))
    _play_today(context, ("bridge", Ending.HURT, 1))
    assert views.session_summary(context, first).done == ("Pelvic tilt",)


def test_a_day_before_the_program_is_still_a_date(context: Context) -> None:
    """`day_rows` reads a journal with no records at all."""
    rows = views.day_rows(context, days=3)
    assert [r.date for r in rows] == [context.clock.today() - timedelta(days=n) for n in range(3)]
    assert all(r.checkin is None and r.sessions == 0 for r in rows)
    assert rows[0].date == date(2026, 11, 20)
