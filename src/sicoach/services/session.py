"""The guided session: today's script, and saving the session as it happens.

Each call below is its own committed transaction, so a session that ends early (quit, closed
terminal, crash, killed process) keeps everything done up to that moment. The session is
stored as partial when it starts and only marked complete by `finish_session`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sicoach.domain.journal import ExerciseResult, Session
from sicoach.domain.script import Script, build_script
from sicoach.domain.validation import (
    JournalError,
    check_bool,
    check_exercise_id,
    check_int,
    check_not_future,
    check_optional_rating,
)
from sicoach.domain.vocabulary import EXERCISE_IDS
from sicoach.services.context import Context
from sicoach.services.errors import InputError

MAX_LEVEL = 20
MAX_REPS = 1000


def session_script(ctx: Context, on: date | None = None) -> Script:
    """The timed steps of the day's plan (today by default)."""
    from sicoach.services.plan import plan_today

    plan = plan_today(ctx, on=on)
    return build_script(plan, ctx.catalog)


def begin_session(ctx: Context, pain_before: int | None, on: date | None = None) -> int:
    """Store a new session, marked partial until it is finished; return its id.

    `on` dates a session played for another day (`--date`); the time of day is now's.
    """
    now = ctx.clock.now()
    with _bad_input():
        check_optional_rating(pain_before, "pain_before")
        if on is not None:
            check_not_future(on, "date", ctx.clock.today())
    started_at = now if on is None else datetime.combine(on, now.time())
    session = Session(started_at=started_at, pain_before=pain_before, partial=True)
    with ctx.uow() as uow:
        session_id = uow.journal.start_session(session)
        uow.commit()
    return session_id


def record_exercise(ctx: Context, session_id: int, result: ExerciseResult) -> None:
    """Save how one exercise went, straight away (its own transaction)."""
    with _bad_input():
        check_exercise_id(result.id, "id", EXERCISE_IDS)
        check_int(result.level, "level", 0, MAX_LEVEL)
        check_int(result.reps, "reps", 0, MAX_REPS)
        check_optional_rating(result.pain, "pain")
        check_bool(result.hurt, "hurt")
        check_bool(result.skipped, "skipped")
    with ctx.uow() as uow, _known_session(session_id):
        uow.journal.add_session_exercise(session_id, result)
        uow.commit()


def finish_session(
    ctx: Context, session_id: int, pain_after: int | None, partial: bool = False
) -> None:
    """Close the session: the pain afterwards, and whether it ended early."""
    with _bad_input():
        check_optional_rating(pain_after, "pain_after")
        check_bool(partial, "partial")
    with ctx.uow() as uow, _known_session(session_id):
        uow.journal.finish_session(session_id, pain_after, partial)
        uow.commit()


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
        raise InputError("session_id", f"there is no session {session_id}") from None
