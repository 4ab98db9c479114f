"""One exercise's track, folded result by result (`extend_track`, the plan's hot loop), equals
a plain fold written here from the rules: the last two results, the dose last done without
hurting, and the run at one dose (first day, comfortable count), on random histories."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.content import load_catalog
from sicoach.domain.journal import ExerciseResult
from sicoach.domain.measures import it_hurt, was_sore
from sicoach.domain.plan_history import Track, _Done, _Dose, _Run, extend_track

CATALOG = load_catalog()
START = date(2025, 1, 6)


def _plain(ex, track: Track, done: list[_Done], lowered: set[date]) -> Track:  # type: ignore[no-untyped-def]
    """A new run object for every result, as the rules read."""
    last, before, last_ok, run = track.last, track.before, track.last_ok, track.run
    for x in done:
        last, before = x, last
        if x.on in lowered:
            continue
        if it_hurt(x.result):
            run = None
            continue
        level = min(max(x.result.level, 0), ex.max_level)
        rng = ex.dosage.reps
        reps = None if rng is None else min(max(x.result.reps, rng.min), rng.top)
        dose = _Dose(level, reps)
        last_ok = dose
        gain = 0 if was_sore(x.result) else 1
        if run is not None and run.dose == dose:
            run = _Run(dose, run.first, x, run.comfortable + gain)
        else:
            run = _Run(dose, x.on, x, gain)
    return Track(last, before, last_ok, run)


def _history(rng: random.Random, ex_id: str, count: int) -> list[_Done]:
    out, day = [], START
    for _ in range(count):
        day += timedelta(days=rng.choice([0, 1, 1, 2, 3]))
        result = ExerciseResult(
            ex_id,
            level=rng.choice([-1, 0, 0, 1, 2, 5]),
            reps=rng.choice([0, 3, 5, 5, 6, 8, 12, 40]),
            hurt=rng.random() < 0.1,
            pain=rng.choice([None, None, 0, 2, 3, 4, 5, 6, 8]),
        )
        out.append(_Done(day, result))
    return out


@settings(max_examples=300, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    exercise=st.integers(0, len(CATALOG.exercises) - 1),
    carried=st.integers(0, 30),
    after=st.integers(0, 60),
    lowered_share=st.sampled_from([0.0, 0.1, 0.5]),
)
def test_the_track_equals_a_plain_fold_of_the_results(
    seed: int, exercise: int, carried: int, after: int, lowered_share: float
) -> None:
    rng = random.Random(seed)
    ex = CATALOG.exercises[exercise]
    history = _history(rng, ex.id, carried + after)
    lowered = {x.on for x in history if rng.random() < lowered_share}
    early, late = history[:carried], history[carried:]
    prior = extend_track(ex, Track(), early, lowered)
    assert prior == _plain(ex, Track(), early, lowered)
    assert extend_track(ex, prior, late, lowered) == _plain(ex, prior, late, lowered)
