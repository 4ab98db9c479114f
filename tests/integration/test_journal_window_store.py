"""The store reads exactly the window the domain picks (both databases), and the services'
triage from it equals the triage of the whole journal."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    Journal,
    Profile,
    Session,
)
from sicoach.domain.journal_window import safety_window
from sicoach.domain.safety import evaluate
from sicoach.services import journal, safety
from sicoach.services.context import Context
from tests.journals import store

FIRST = date(2024, 3, 4)
SIGNS = ("pain_worse_sitting", "night_pain", "leg_tingling", "saddle_numbness", "fever")


def _two_years(seed: int = 3) -> Journal:
    """Daily check-ins with a sign now and then (warning ones too), sessions, walks."""
    rng = random.Random(seed)
    days = [FIRST + timedelta(days=d) for d in range(730) if rng.random() < 0.8]
    checkins = tuple(
        CheckIn(
            day,
            pain=rng.choice([None, *range(11)]),
            mobility=rng.choice([None, *range(11)]) if day > FIRST + timedelta(days=20) else None,
            symptoms=(rng.choice(SIGNS),) if rng.random() < 0.05 else (),
        )
        for day in days
    )
    sessions = tuple(
        Session(
            datetime.combine(day, datetime.min.time()).replace(hour=7),
            pain_before=rng.choice([None, 3, 5]),
            pain_after=rng.choice([None, 2, 6]),
            exercises=(ExerciseResult("bridge", reps=5, hurt=rng.random() < 0.2, pain=3),),
        )
        for day in days
        if rng.random() < 0.5
    )
    walks = tuple(Activity(day, "walking", 20) for day in days if rng.random() < 0.3)
    review = ClinicianReview(FIRST + timedelta(days=400), "carry_on", settles=("night_pain",))
    profile = Profile(started_on=FIRST + timedelta(days=2), history=("cancer",))
    return Journal(profile, checkins, sessions, walks, (), (review,))


def test_the_store_reads_the_domain_s_window_and_the_triage_is_the_same(
    store_context: Context,
) -> None:
    whole = _two_years()
    store(store_context, whole)
    stored = journal.load_journal(store_context)
    for on in (FIRST + timedelta(days=d) for d in (0, 5, 30, 200, 401, 729, 760)):
        with store_context.uow(read_only=True) as uow:
            window = uow.journal.load_safety_window(on)
        assert window == safety_window(stored, on), on
        assert len(window.checkins) < 150
        assert safety.assess(store_context, on=on) == evaluate(stored, on)
