"""One user action, one unit of work: first use and a session's start each write in one
transaction on a real SQLite file, so a failure part-way leaves nothing written, and the
profile is checked once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sicoach.domain.journal import Journal, Pregnancy, Profile
from sicoach.services import journal as journal_service
from sicoach.services.commands import FirstUse, StartSession
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.handlers import execute
from sicoach.services.safety import screen_questions
from sicoach.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


class CountedUnits:
    """The real unit-of-work factory, counting the writing units opened and their commits;
    `fail_on` names a repository method that raises part-way (a write failing)."""

    def __init__(self, real: UnitOfWorkFactory, fail_on: str | None = None) -> None:
        self.real = real
        self.fail_on = fail_on
        self.writing_units = 0
        self.commits = 0

    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        unit = self.real(read_only=read_only)
        if read_only:
            return unit
        self.writing_units += 1
        return _Counted(unit, self)  # type: ignore[return-value]


class _Counted:
    """One real writing unit: commits counted, one repository method made to fail."""

    def __init__(self, unit: UnitOfWork, counts: CountedUnits) -> None:
        self.unit = unit
        self.counts = counts

    def __enter__(self) -> UnitOfWork:
        self.unit.__enter__()
        if self.counts.fail_on is not None:
            setattr(self.unit.journal, self.counts.fail_on, _failing)
        return self  # type: ignore[return-value]

    def __exit__(self, *exc: Any) -> None:
        self.unit.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unit, name)

    def commit(self) -> None:
        self.counts.commits += 1
        self.unit.commit()


def _failing(*_args: object, **_kwargs: object) -> Any:
    raise OSError("the disk went away")


def _counted(context: Context, fail_on: str | None = None) -> CountedUnits:
    counted = CountedUnits(context.uow_factory, fail_on)
    context.uow_factory = counted  # type: ignore[misc]
    return counted


def _stored(context: Context) -> tuple[Journal, frozenset[str]]:
    """The journal and the day's answered screen questions, read by another process."""
    fresh = Context(settings=context.settings, clock=context.clock)
    with fresh.uow(read_only=True) as uow:
        return uow.journal.load(), uow.screenings.answered_on(context.clock.today())


def _profile(context: Context, **changes: Any) -> Profile:
    fields: dict[str, Any] = {"birth_year": 1984, "sex": "female", **changes}
    return Profile(started_on=context.clock.today(), **fields)


def _welcome(context: Context) -> None:
    execute(context, FirstUse(_profile(context), pain=4))


def test_first_use_is_one_unit_of_work(context: Context) -> None:
    counted = _counted(context)
    welcomed = execute(
        context, FirstUse(_profile(context), pain=5, mobility=3, screen_answers={"fever": False})
    )
    assert (counted.writing_units, counted.commits) == (1, 1)
    journal, answered = _stored(context)
    assert journal.profile == welcomed.profile and journal.profile.birth_year == 1984
    (checkin,) = journal.checkins
    assert (checkin.pain, checkin.mobility, checkin.symptoms) == (5, 3, ())
    assert answered == {"fever"}


def test_first_use_failing_at_the_screen_writes_nothing(context: Context) -> None:
    """The screen's answers come last; a wrong one used to leave the profile and the pain
    saved without the screen."""
    counted = _counted(context)
    with pytest.raises(InputError, match=r"answers\.not_a_sign"):
        execute(context, FirstUse(_profile(context), pain=5, screen_answers={"not_a_sign": True}))
    assert counted.commits == 0
    journal, answered = _stored(context)
    assert journal.profile is None and journal.checkins == () and answered == frozenset()


def test_first_use_failing_at_a_write_writes_nothing(context: Context) -> None:
    _counted(context, fail_on="upsert_checkin")
    with pytest.raises(OSError, match="disk went away"):
        execute(context, FirstUse(_profile(context), pain=5))
    journal, _ = _stored(context)
    assert journal.profile is None and journal.checkins == ()


def test_first_use_checks_every_value_before_opening_a_unit(context: Context) -> None:
    counted = _counted(context)
    with pytest.raises(InputError, match="pain"):
        execute(context, FirstUse(_profile(context), pain=11))
    with pytest.raises(InputError, match="birth_year"):
        execute(context, FirstUse(_profile(context, birth_year=1800), pain=5))
    assert counted.writing_units == 0


def test_the_profile_is_checked_once(context: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each field of the profile goes through the services' check exactly once."""
    seen: list[str] = []
    real = journal_service._check_profile_field

    def counting(ctx: Context, name: str, value: object) -> object:
        seen.append(name)
        return real(ctx, name, value)

    monkeypatch.setattr(journal_service, "_check_profile_field", counting)
    due = date(2027, 3, 1)
    execute(context, FirstUse(_profile(context, pregnancy=Pregnancy("pregnant", due)), pain=5))
    assert sorted(seen) == sorted(journal_service.PROFILE_FIELDS)


def test_a_session_start_is_one_unit_of_work(context: Context) -> None:
    _welcome(context)
    counted = _counted(context)
    every_no = {q.code: False for q in screen_questions(context)}
    start = execute(context, StartSession(3, screen_answers=every_no))
    assert start.session_id is not None and start.due == ()
    assert (counted.writing_units, counted.commits) == (1, 1)
    journal, answered = _stored(context)
    (session,) = journal.sessions
    assert session.pain_before == 3 and session.partial
    assert answered == set(every_no)


def test_a_session_start_failing_at_the_session_row_keeps_no_answers(context: Context) -> None:
    _welcome(context)
    every_no = {q.code: False for q in screen_questions(context)}
    _counted(context, fail_on="start_session")
    with pytest.raises(OSError, match="disk went away"):
        execute(context, StartSession(3, screen_answers=every_no))
    journal, answered = _stored(context)
    assert journal.sessions == () and answered == frozenset()


def test_a_session_start_with_a_bad_answer_writes_nothing(context: Context) -> None:
    _welcome(context)
    counted = _counted(context)
    with pytest.raises(InputError, match=r"answers\.fever"):
        execute(context, StartSession(3, screen_answers={"fever": "maybe"}))  # type: ignore[dict-item]
    assert counted.commits == 0
    journal, answered = _stored(context)
    assert journal.sessions == () and answered == frozenset()


def test_a_warning_sign_at_the_start_is_kept_and_no_session_starts(context: Context) -> None:
    _welcome(context)
    counted = _counted(context)
    start = execute(context, StartSession(3, screen_answers={"chest_pain": True}))
    assert start.session_id is None and start.assessment.stops_exercise
    assert counted.commits == 1
    journal, answered = _stored(context)
    assert journal.sessions == ()
    assert "chest_pain" in journal.checkins[-1].symptoms and answered == {"chest_pain"}


def test_answers_that_leave_questions_due_start_no_session(context: Context) -> None:
    """A list shown before the profile said pregnant: its answers are kept, the pregnancy
    questions are still due, and no session starts until they are answered."""
    _welcome(context)
    pregnant = Pregnancy("pregnant", date(2027, 3, 1))
    execute(context, FirstUse(_profile(context, pregnancy=pregnant), pain=4))
    start = execute(context, StartSession(3, screen_answers={"fever": False}))
    assert start.session_id is None and not start.assessment.stops_exercise
    assert "reduced_baby_movement" in {q.code for q in start.due}
    journal, answered = _stored(context)
    assert journal.sessions == () and "fever" in answered


def test_no_answers_given_starts_the_session_as_before(context: Context) -> None:
    """An empty screen (no question answered) records the screen's check-in and starts, as
    a start without the screen does: only answers given can leave questions due."""
    _welcome(context)
    counted = _counted(context)
    start = execute(context, StartSession(3, screen_answers={}))
    assert start.session_id is not None and start.due == () and counted.commits == 1
