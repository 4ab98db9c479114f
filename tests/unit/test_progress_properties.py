"""Progress figures hold their invariants for any journal (Hypothesis), plus the period count."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    Journal,
    PlanChoices,
    Profile,
    Session,
)
from sicoach.domain.progress import Meaning, compute_progress
from tests.journals import fortnight

START = date(2026, 1, 5)


def _rating(rnd: random.Random) -> int | None:
    """A 0-10 answer, or none given (a third of the time)."""
    return None if rnd.random() < 1 / 3 else rnd.randint(0, 10)


@st.composite
def journals(draw: st.DrawFn) -> tuple[Journal, date]:
    length = draw(st.integers(1, 60))
    days = [START + timedelta(days=i) for i in range(length)]
    # Hypothesis draws how many records and a seed; random.Random(seed) fills them in
    # (drawing each field through hypothesis was most of this test's time).
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    logged = rnd.sample(days, draw(st.integers(0, length)))
    checkins = tuple(CheckIn(d, pain=_rating(rnd), mobility=_rating(rnd)) for d in sorted(logged))
    sessions = tuple(
        Session(datetime.combine(d, datetime.min.time()), partial=rnd.random() < 0.5)
        for d in sorted(rnd.sample(days, draw(st.integers(0, length))))
    )
    activities = tuple(
        Activity(rnd.choice(days), "walking", rnd.randint(1, 120))
        for _ in range(draw(st.integers(0, 30)))
    )
    training = tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1))))
    profile = Profile(started_on=START, plan=PlanChoices(training_days=training))
    on = days[-1] + timedelta(days=draw(st.integers(0, 3)))
    return Journal(profile, checkins, sessions, activities), on


@settings(max_examples=150, deadline=None)
@given(journals())
def test_invariants(case: tuple[Journal, date]) -> None:
    journal, on = case
    p = compute_progress(journal, on)
    a = p.adherence
    assert 0 <= a.current_streak <= a.done_days <= a.planned_days
    assert len(p.pain.days) == (on - START).days + 1
    for trend in (p.pain, p.mobility):
        for d in trend.days:
            assert d.average is None or 0 <= d.average <= 10
        c = trend.change
        if c.meaning is Meaning.UNKNOWN:
            continue
        assert c.baseline is not None and c.latest is not None
        better = c.latest < c.baseline if trend.name == "pain" else c.latest > c.baseline
        if c.meaning is Meaning.BETTER:
            assert better
        if c.meaning is Meaning.WORSE:
            assert not better
    total = sum(x.minutes for x in journal.activities if x.date <= on)
    assert sum(w.minutes for w in p.aerobic.weeks) == total == p.aerobic.total_minutes
    assert all(w.week_start.weekday() == 0 for w in p.aerobic.weeks)
    assert all(isinstance(s, str) and s.endswith(".") for s in p.summaries)


def test_period_adherence_counts_from_the_period_start() -> None:
    p = compute_progress(fortnight(), date(2026, 11, 15), period_start=date(2026, 11, 9))
    assert p.period_adherence is not None
    # Training days Nov 9, 11 and 13, all with a session; the whole program stays 5 of 6.
    assert (p.period_adherence.planned_days, p.period_adherence.done_days) == (3, 3)
    assert (p.adherence.planned_days, p.adherence.done_days) == (6, 5)
    assert p.period_adherence.current_streak == p.adherence.current_streak == 3
