"""Session services on a real SQLite file: saved as it happens, bad input refused whole."""

from __future__ import annotations

from datetime import date

import pytest

from sicoach.domain.journal import Journal
from sicoach.services.commands import Ending, FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context
from sicoach.services.errors import InputError, NotFound
from sicoach.services.plan import plan_today
from sicoach.services.session import (
    finish_session,
    record_exercise,
    session_script,
    start_session,
)


def begin_session(context: Context, pain: int | None, on: date | None = None) -> int:
    session_id = start_session(context, StartSession(pain, on=on)).session_id
    assert session_id is not None
    return session_id


def _journal(context: Context) -> Journal:
    """Read through a fresh context, as another process would."""
    fresh = Context(settings=context.settings, clock=context.clock)
    with fresh.uow() as uow:
        return uow.journal.load()


def test_each_step_is_saved_as_it_happens(context: Context) -> None:
    session_id = begin_session(context, 4)
    (started,) = _journal(context).sessions
    assert started.partial and started.pain_before == 4 and started.exercises == ()
    assert started.started_at == context.clock.now()

    record_exercise(
        context, RecordExercise(session_id, "pelvic_tilt", Ending.FINISHED, reps=10, pain=2)
    )
    record_exercise(context, RecordExercise(session_id, "bridge", Ending.HURT, pain=7))
    (middle,) = _journal(context).sessions
    assert middle.partial
    assert [e.id for e in middle.exercises] == ["pelvic_tilt", "bridge"]
    assert middle.exercises[1].hurt and middle.exercises[1].pain == 7

    finish_session(context, FinishSession(session_id, 3))
    (done,) = _journal(context).sessions
    assert not done.partial and done.pain_after == 3
    assert len(done.exercises) == 2


def test_a_session_for_an_earlier_day_keeps_that_date(context: Context) -> None:
    begin_session(context, None, on=date(2026, 11, 18))
    (session,) = _journal(context).sessions
    assert session.date == date(2026, 11, 18)
    with pytest.raises(InputError, match="date"):
        begin_session(context, None, on=date(2026, 11, 21))


@pytest.mark.parametrize("pain", [11, -1, "5", True])
def test_bad_pain_before_is_refused_and_nothing_is_written(context: Context, pain: object) -> None:
    with pytest.raises(InputError, match="pain_before"):
        begin_session(context, pain)  # type: ignore[arg-type]
    assert _journal(context).sessions == ()


def test_bad_results_and_unknown_sessions_are_refused(context: Context) -> None:
    session_id = begin_session(context, 5)
    finished = Ending.FINISHED
    with pytest.raises(InputError, match=r"^id: "):
        record_exercise(context, RecordExercise(session_id, "handstand", finished))
    with pytest.raises(InputError, match=r"^pain: "):
        record_exercise(context, RecordExercise(session_id, "bridge", finished, pain=12))
    with pytest.raises(InputError, match=r"^reps: "):
        record_exercise(context, RecordExercise(session_id, "bridge", finished, reps=-3))
    with pytest.raises(InputError, match=r"^ending: "):
        record_exercise(context, RecordExercise(session_id, "bridge", "gave up"))
    with pytest.raises(NotFound, match="session_id"):
        record_exercise(context, RecordExercise(session_id + 99, "bridge", finished))
    with pytest.raises(NotFound, match="session_id"):
        finish_session(context, FinishSession(session_id + 99, 2))
    with pytest.raises(InputError, match="pain_after"):
        finish_session(context, FinishSession(session_id, 11))
    (session,) = _journal(context).sessions
    assert session.exercises == () and session.partial and session.pain_after is None


def test_session_script_plays_todays_plan(context: Context) -> None:
    script = session_script(context)
    plan = plan_today(context)
    assert script.date == context.clock.today()
    assert [e.id for e in script.exercises] == [e.id for e in plan.active]
    assert [s.exercise_id for s in script.steps if s.kind == "get_ready"] == [
        e.id for e in plan.active
    ]
    other = session_script(context, on=date(2026, 11, 10))
    assert other.date == date(2026, 11, 10)
