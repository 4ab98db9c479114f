"""Adherence's counts (planned training days, those done, the streak), walked back from the
day asked, equal a plain count over every day since the start, on random programs."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.progress_parts import training_counts

START = date(2017, 3, 1)


def _plain(
    start: date, on: date, since: date | None, training: tuple[int, ...], done: set[date]
) -> tuple[int, int, int]:
    every = [
        start + timedelta(days=i)
        for i in range((on - start).days + 1)
        if (start + timedelta(days=i)).weekday() in training
    ]
    if every and every[-1] == on and on not in done:
        every.pop()  # today is not over yet
    planned = [d for d in every if since is None or d >= since]
    streak = 0
    for day in reversed(every):
        if day not in done:
            break
        streak += 1
    return len(planned), sum(1 for d in planned if d in done), streak


@settings(max_examples=400, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    length=st.integers(-3, 800),
    since_back=st.one_of(st.none(), st.integers(-5, 900)),
    training=st.sets(st.integers(0, 6)).map(lambda s: tuple(sorted(s))),
    done_share=st.sampled_from([0.0, 0.5, 0.9, 1.0]),
    recent_only=st.booleans(),
)
def test_training_counts_equal_a_plain_count(
    seed: int,
    length: int,
    since_back: int | None,
    training: tuple[int, ...],
    done_share: float,
    recent_only: bool,
) -> None:
    rng = random.Random(seed)
    on = START + timedelta(days=length)
    since = None if since_back is None else on - timedelta(days=since_back)
    first_done = on - timedelta(days=60) if recent_only else START - timedelta(days=5)
    days = [first_done + timedelta(days=i) for i in range((on - first_done).days + 3)]
    done = {d for d in days if rng.random() < done_share}
    expected = _plain(START, on, since, training, done)
    assert training_counts(START, on, since, training, done) == expected
