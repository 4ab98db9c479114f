"""The guided session: today's script, and saving the session as it happens.

Each handler below is its own committed transaction, so a session that ends early (quit,
closed terminal or tab, crash, killed process) keeps everything done up to that moment. The
session is stored as partial when it starts and only marked complete by `finish_session`.

Players only say how an exercise ended (`Ending`); what that records is decided here, once,
for every face: a skip is a skip however many repetitions were done before it, and an
exercise that hurt is never done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sicoach.domain.field_checks import (
    JournalError,
    check_bool,
    check_exercise_id,
    check_int,
    check_not_future,
    check_optional_rating,
)
from sicoach.domain.journal import ExerciseResult, Session
from sicoach.domain.safety import Assessment
from sicoach.domain.script import Script, build_script
from sicoach.services.commands import Ending, FinishSession, RecordExercise, StartSession
from sicoach.services.context import Context
from sicoach.services.errors import Conflict, InputError, NotFound

if TYPE_CHECKING:
    from sicoach.services.safety import ScreenQuestion

MAX_LEVEL = 20
MAX_REPS = 1000

RECORDED_AS: dict[Ending, tuple[bool, bool]] = {
    Ending.FINISHED: (False, False),
    Ending.SKIPPED: (False, True),
    Ending.HURT: (True, False),
    Ending.QUIT: (False, True),
}
"""How each ending is stored, as (hurt, skipped). A skip or a stop keeps its repetitions but
is never counted toward progress; "it hurt" keeps the exercise off next time."""


def session_script(ctx: Context, on: date | None = None) -> Script:
    """The timed steps of the day's plan (today by default)."""
    from sicoach.services.plan import plan_today

    plan = plan_today(ctx, on=on)
    return build_script(plan, ctx.catalog)


@dataclass(frozen=True)
class SessionStart:
    """What starting a session gave: its id, or None when no session started. Then either
    the safety check says stop today (`assessment` says why and what to do), or the screen
    still has questions `due` (the list answered was older than the profile)."""

    session_id: int | None
    assessment: Assessment
    due: tuple[ScreenQuestion, ...] = ()


def start_session(ctx: Context, command: StartSession) -> SessionStart:
    """One unit of work: the screen's answers (when given), the triage, then a new session
    marked partial. Nothing is written when any part fails.

    No session starts when the safety check stops exercise that day, or when the answers
    given leave some of the day's questions unanswered (the list shown was older than the
    profile); the answers are saved all the same. No answers (None, or none given) asks
    nothing more, as before.
    """
    from sicoach.services import safety

    now = ctx.clock.now()
    with _bad_input():
        check_optional_rating(command.pain_before, "pain_before")
        if command.on is not None:
            check_not_future(command.on, "date", ctx.clock.today())
    day = command.on if command.on is not None else ctx.clock.today()
    started_at = now if command.on is None else datetime.combine(command.on, now.time())
    session = Session(started_at=started_at, pain_before=command.pain_before, partial=True)
    with ctx.uow() as uow:
        due: tuple[ScreenQuestion, ...] = ()
        if command.screen_answers is not None:
            safety.save_screen(uow, command.screen_answers, day)
        assessment = safety.assess_in(uow, day)
        if command.screen_answers and not assessment.stops_exercise:
            due = safety.due_in(uow, day)
        session_id = None
        if not (assessment.stops_exercise or due):
            session_id = uow.journal.start_session(session)
        uow.commit()
    return SessionStart(session_id, assessment, due)


def _ending(value: object) -> Ending:
    if isinstance(value, str) and value in set(Ending):
        return Ending(value)
    allowed = ", ".join(e.value for e in Ending)
    raise InputError("ending", f"{value!r} is not how an exercise ends; use {allowed}")


def record_exercise(ctx: Context, command: RecordExercise) -> ExerciseResult:
    """Save how one exercise went, straight away (its own transaction); returns what was
    stored. An exercise already saved in the session is a `Conflict`."""
    ending = _ending(command.ending)
    with _bad_input():
        check_exercise_id(command.exercise_id, "id", ctx.catalog.exercise_ids)
        check_int(command.level, "level", 0, MAX_LEVEL)
        check_int(command.reps, "reps", 0, MAX_REPS)
        check_optional_rating(command.pain, "pain")
    hurt, skipped = RECORDED_AS[ending]
    result = ExerciseResult(
        id=command.exercise_id,
        level=command.level,
        reps=command.reps,
        hurt=hurt,
        pain=command.pain,
        skipped=skipped,
    )
    with ctx.uow() as uow, _known_session(command.session_id):
        saved = uow.journal.session_exercises(command.session_id)
        if any(r.id == result.id for r in saved):
            raise Conflict("id", f"{result.id} is already saved in this session")
        uow.journal.add_session_exercise(command.session_id, result)
        uow.commit()
    return result


def finish_session(ctx: Context, command: FinishSession) -> None:
    """Close the session: the pain afterwards, and whether it ended early."""
    with _bad_input():
        check_optional_rating(command.pain_after, "pain_after")
        check_bool(command.ended_early, "partial")
    with ctx.uow() as uow, _known_session(command.session_id):
        uow.journal.finish_session(command.session_id, command.pain_after, command.ended_early)
        uow.commit()


def saved_exercises(ctx: Context, session_id: int) -> tuple[ExerciseResult, ...]:
    """The exercises already saved in one session, in order: a reloaded player carries on
    after them. Read straight from the store (never a cache)."""
    with ctx.uow(read_only=True) as uow, _known_session(session_id):
        return uow.journal.session_exercises(session_id)


def get_session(ctx: Context, session_id: int) -> Session:
    """One session of this person, with its exercises."""
    with ctx.uow(read_only=True) as uow, _known_session(session_id):
        return uow.journal.get_session(session_id)


@contextmanager
def _bad_input() -> Iterator[None]:
    """The journal's field checks, raised as the `InputError` every face reports."""
    try:
        yield
    except JournalError as err:
        raise InputError.from_journal_error(err) from None


@contextmanager
def _known_session(session_id: int) -> Iterator[None]:
    """The store raises KeyError for a session that is not this person's."""
    if isinstance(session_id, bool) or not isinstance(session_id, int):
        raise InputError("session_id", f"{session_id!r} is not a session number")
    try:
        yield
    except KeyError:
        raise NotFound("session", session_id) from None
