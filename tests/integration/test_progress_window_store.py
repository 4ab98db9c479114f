"""The progress page's figures read from the store (the carried totals and a bounded window)
equal the figures of the whole journal, on both databases, before and after writes of today,
of long ago, a week on (the carry moved on) and of the training days."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.domain.plan_carry import carry_from_text
from sicoach.services import cached_reads, journal, plan, reports
from sicoach.services.context import Context
from tests.journals import store
from tests.unit.test_progress_carry import shown

TODAY = date(2026, 11, 20)  # the store context's clock
FIRST = TODAY - timedelta(days=730)
MOVES = ("bridge", "cat_cow", "pelvic_tilt")
SIGNS = ("pain_worse_sitting", "night_pain", "fever", "leg_tingling")


def _two_years(seed: int = 11) -> Journal:
    rng = random.Random(seed)
    days = [FIRST + timedelta(days=d) for d in range(731) if rng.random() < 0.8]
    checkins = tuple(
        CheckIn(
            d,
            pain=rng.choice([None, 2, 3, 4, 6]),
            mobility=rng.choice([None, 4, 5, 7]),
            symptoms=(rng.choice(SIGNS),) if rng.random() < 0.1 else (),
        )
        for d in days
    )
    sessions = tuple(
        Session(
            datetime.combine(d, datetime.min.time()).replace(hour=7),
            exercises=tuple(
                ExerciseResult(m, reps=rng.randint(4, 9), hurt=rng.random() < 0.05) for m in MOVES
            ),
            partial=rng.random() < 0.1,
        )
        for d in days
        if rng.random() < 0.7
    )
    walks = tuple(Activity(d, "walking", rng.choice([15, 30])) for d in days if rng.random() < 0.5)
    return Journal(Profile(started_on=FIRST), checkins, sessions, walks)


def _carry(ctx: Context):  # type: ignore[no-untyped-def]
    with ctx.uow(read_only=True) as uow:
        return carry_from_text(uow.journal.plan_carry_text())


def _same(ctx: Context) -> None:
    page = reports.page_progress(ctx)
    assert page.pain.days[0].date > ctx.clock.today() - timedelta(days=70), "read a window"
    assert shown(page) == shown(reports.progress(ctx))
    assert cached_reads.page_progress(ctx) == page


def test_the_progress_page_from_the_store_equals_the_whole_journal(store_context: Context) -> None:
    ctx = store_context
    store(ctx, _two_years())
    carry = _carry(ctx)
    assert carry is not None and carry.progress is not None, "the write carries the totals"
    _same(ctx)

    journal.log_activity(ctx, "walking", 30)  # a write of today: the carry stays
    _same(ctx)

    long_ago = carry.through - timedelta(days=3)
    with ctx.uow() as uow:  # a session of long ago that hurt: the totals are rebuilt
        sid = uow.journal.start_session(
            Session(datetime.combine(long_ago, datetime.min.time()).replace(hour=9))
        )
        uow.journal.add_session_exercise(sid, ExerciseResult("bridge", hurt=True, pain=7))
        uow.commit()
    _same(ctx)

    ctx.clock.current += timedelta(days=10)  # type: ignore[attr-defined]
    journal.log_activity(ctx, "walking", 20)  # a week on: the carry is moved on
    moved = _carry(ctx)
    assert moved is not None and moved.through > carry.through
    _same(ctx)

    # other training days: the carry is rebuilt with them
    plan.update_choices(ctx, lambda choices: replace(choices, training_days=(0, 2, 4)))
    assert plan.get_choices(ctx).training_days == (0, 2, 4)
    _same(ctx)
