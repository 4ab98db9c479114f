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


def _in_any(day: date, spans: tuple[tuple[date, date], ...]) -> bool:
    return any(a <= day <= b for a, b in spans)


def test_the_store_reads_every_record_of_any_spans_and_days(store_context: Context) -> None:
    """`load_window` for random spans (none to five, overlapping, touching, past `on`) and
    extra check-in days: exactly the whole journal's records of those days up to `on`, in
    its order (its statements are built once per shape and reused with new values, so the
    same shapes are asked again with other dates)."""
    whole = _two_years(seed=11)
    store(store_context, whole)
    stored = journal.load_journal(store_context).sorted()
    rng = random.Random(7)
    for _ in range(40):
        on = FIRST + timedelta(days=rng.randint(0, 760))
        spans = []
        for _ in range(rng.randint(0, 5)):
            a = FIRST + timedelta(days=rng.randint(-10, 770))
            spans.append((a, a + timedelta(days=rng.choice([0, 1, 6, 35, 90]))))
        days = tuple(FIRST + timedelta(days=rng.randint(-5, 770)) for _ in range(rng.randint(0, 4)))
        with store_context.uow(read_only=True) as uow:
            read = uow.journal.load_window(tuple(spans), on, days)
        cut = stored.up_to(on)
        within = tuple(spans)
        expected = Journal(
            cut.profile,
            tuple(c for c in cut.checkins if _in_any(c.date, within) or c.date in days),
            tuple(s for s in cut.sessions if _in_any(s.date, within)),
            tuple(a for a in cut.activities if _in_any(a.date, within)),
            cut.function,
            cut.reviews,
        )
        assert read == expected, (on, spans, days)
