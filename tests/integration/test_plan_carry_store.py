"""Today's plan from the stored carry and the window the store reads equals the plan from the
whole journal (both databases), before and after writes of today and of long ago."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.domain.plan import plan_day
from sicoach.domain.plan_carry import build_carry, carry_from_text
from sicoach.domain.safety import evaluate
from sicoach.services import journal
from sicoach.services.context import Context
from sicoach.services.plan_state import windowed_plan
from tests.journals import store

TODAY = date(2026, 11, 20)  # the store context's clock
FIRST = TODAY - timedelta(days=730)
MOVES = ("bridge", "cat_cow", "pelvic_tilt", "knee_to_chest")


def _two_years(seed: int = 5) -> Journal:
    rng = random.Random(seed)
    days = [FIRST + timedelta(days=d) for d in range(731) if rng.random() < 0.85]
    checkins = tuple(CheckIn(d, pain=rng.choice([None, 1, 2, 3, 4, 6])) for d in days)
    sessions = tuple(
        Session(
            datetime.combine(d, datetime.min.time()).replace(hour=7),
            exercises=tuple(
                ExerciseResult(
                    m,
                    level=rng.choice([0, 0, 1]),
                    reps=rng.randint(4, 9),
                    hurt=rng.random() < 0.05,
                    pain=rng.choice([None, 1, 2, 3, 5]),
                )
                for m in MOVES
            ),
        )
        for d in days
        if rng.random() < 0.6
    )
    walks = tuple(
        Activity(d, "walking", rng.choice([15, 25, 40])) for d in days if rng.random() < 0.5
    )
    return Journal(Profile(started_on=FIRST), checkins, sessions, walks)


def _whole_plan(ctx: Context, on: date):  # type: ignore[no-untyped-def]
    whole = journal.load_journal(ctx).up_to(on)
    return plan_day(ctx.catalog, whole, on, evaluate(whole, on))


def _carry_text(ctx: Context) -> str | None:
    with ctx.uow(read_only=True) as uow:
        return uow.journal.plan_carry_text()


def test_the_plan_from_the_stored_carry_is_the_plan_from_the_whole_journal(
    store_context: Context,
) -> None:
    ctx = store_context
    store(ctx, _two_years())
    carry = carry_from_text(_carry_text(ctx))
    assert carry is not None, "the writing transaction builds the carry"
    assert windowed_plan(ctx, TODAY) == _whole_plan(ctx, TODAY)

    before = _carry_text(ctx)
    journal.log_activity(ctx, "walking", 30)
    assert _carry_text(ctx) == before, "a write of today leaves the carry as it is"
    assert windowed_plan(ctx, TODAY) == _whole_plan(ctx, TODAY)

    long_ago = carry.through - timedelta(days=1)  # the last session the carry holds
    with ctx.uow() as uow:  # a session of long ago that hurt: the tracks change
        sid = uow.journal.start_session(
            Session(datetime.combine(long_ago, datetime.min.time()).replace(hour=9))
        )
        for move in MOVES:
            uow.journal.add_session_exercise(sid, ExerciseResult(move, hurt=True, pain=7))
        uow.commit()
    rebuilt = build_carry(ctx.catalog, journal.load_journal(ctx), TODAY)
    assert carry_from_text(_carry_text(ctx)) == rebuilt != carry, "an old write rebuilds it"
    assert windowed_plan(ctx, TODAY) == _whole_plan(ctx, TODAY)

    ctx.clock.current += timedelta(days=10)  # type: ignore[attr-defined]
    later = ctx.clock.today()
    kept = carry_from_text(_carry_text(ctx))
    journal.log_activity(ctx, "walking", 20)
    moved = carry_from_text(_carry_text(ctx))
    assert kept is not None and moved is not None and moved.through > kept.through
    whole = journal.load_journal(ctx)
    assert moved == build_carry(ctx.catalog, whole, later), "a week on, a write moves it on"
    assert windowed_plan(ctx, later) == _whole_plan(ctx, later)
