"""The guided session: today's script, and saving the session as it happens.

Each call below is its own committed transaction, so a session that ends early (quit, closed
terminal, crash, killed process) keeps everything done up to that moment. The session is
stored as partial when it starts and only marked complete by `finish_session`.
"""

from __future__ import annotations

from datetime import date, datetime

from sicoach.cli._common import BadInput
from sicoach.domain.journal import ExerciseResult, Session
from sicoach.domain.script import Script, build_script
from sicoach.services.context import Context


def session_script(ctx: Context, on: date | None = None) -> Script:
    """The timed steps of the day's plan (today by default)."""
    from sicoach.services.plan import plan_today

    plan = plan_today(ctx, on=on)
    return build_script(plan, ctx.catalog)


def begin_session(ctx: Context, pain_before: int | None, on: date | None = None) -> int:
    """Store a new session, marked partial until it is finished; return its id.

    `on` dates a session played for another day (`--date`); the time of day is now's.
    """
    _check_pain(pain_before, "pain_before")
    now = ctx.clock.now()
    started_at = now if on is None else datetime.combine(on, now.time())
    session = Session(started_at=started_at, pain_before=pain_before, partial=True)
    with ctx.uow() as uow:
        session_id = uow.journal.start_session(session)
        uow.commit()
    return session_id


def record_exercise(ctx: Context, session_id: int, result: ExerciseResult) -> None:
    """Save how one exercise went, straight away."""
    _check_pain(result.pain, "pain")
    with ctx.uow() as uow:
        uow.journal.add_session_exercise(session_id, result)
        uow.commit()


def finish_session(
    ctx: Context, session_id: int, pain_after: int | None, partial: bool = False
) -> None:
    """Close the session: pain afterwards, and whether it ended early."""
    _check_pain(pain_after, "pain_after")
    with ctx.uow() as uow:
        uow.journal.finish_session(session_id, pain_after, partial)
        uow.commit()


def _check_pain(value: int | None, field: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise BadInput(f"{field}: {value!r} is not a whole number from 0 to 10")
