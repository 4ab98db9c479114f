"""The progress figures' quicker paths equal their plain definitions (Hypothesis, journals of
up to two years): each day's 7-day mean from a running sum equals the mean of that day's
7-day list, and every week's aerobic target from one walk equals `week_target` of that week."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.content import load_catalog
from sicoach.domain.aerobic import week_start, week_target, week_targets
from sicoach.domain.journal import Activity, CheckIn, Journal, Profile
from sicoach.domain.progress import compute_progress

START = date(2025, 3, 5)
SPAN = 730
AEROBIC = load_catalog().aerobic
offsets = st.integers(-10, SPAN)


def _day(offset: int) -> date:
    return START + timedelta(days=offset)


def _rating(rnd: random.Random) -> int | None:
    """A 0-10 answer, or none given (a third of the time)."""
    return None if rnd.random() < 1 / 3 else rnd.randint(0, 10)


@st.composite
def journals(draw: st.DrawFn) -> tuple[Journal, date]:
    """Hypothesis draws how many records, the start, the day asked and a seed;
    random.Random(seed) fills in the records (drawing each field through hypothesis was
    most of these tests' time)."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    span = range(-10, SPAN + 1)  # the offsets' days
    days = sorted(rnd.sample(span, draw(st.integers(0, 200))))
    checkins = tuple(CheckIn(_day(d), pain=_rating(rnd), mobility=_rating(rnd)) for d in days)
    activities = tuple(
        Activity(_day(d), "walking", rnd.randint(1, 180))
        for d in sorted(rnd.choice(span) for _ in range(draw(st.integers(0, 120))))
    )
    started = st.one_of(st.none(), offsets.map(_day))
    profile = draw(st.one_of(st.none(), started.map(lambda d: Profile(started_on=d))))
    on = _day(draw(st.integers(0, SPAN + 20)))
    return Journal(profile, checkins, (), activities), on


def _plain_mean(values: dict[date, int], day: date) -> float | None:
    week = [values[d] for d in (day - timedelta(days=i) for i in range(7)) if d in values]
    return sum(week) / len(week) if week else None


@settings(max_examples=200, deadline=None)
@given(journals())
def test_each_days_running_mean_is_the_plain_mean(case: tuple[Journal, date]) -> None:
    journal, on = case
    p = compute_progress(journal, on)
    kept = journal.sorted().up_to(on).checkins
    for trend, attr in ((p.pain, "pain"), (p.mobility, "mobility")):
        values = {c.date: getattr(c, attr) for c in kept if getattr(c, attr) is not None}
        for day in trend.days:
            assert day.value == values.get(day.date)
            assert day.average == _plain_mean(values, day.date)


def test_a_rating_a_week_before_the_start_leaves_the_first_days_mean() -> None:
    """Found by the property above: the 7th day back must leave the sum, not go negative."""
    start = date(2026, 3, 26)
    journal = Journal(Profile(started_on=start), (CheckIn(start - timedelta(days=7), pain=3),))
    p = compute_progress(journal, start + timedelta(days=1))
    assert [d.average for d in p.pain.days] == [None, None]


@settings(max_examples=100, deadline=None)
@given(journals())
def test_one_walk_gives_every_weeks_target(case: tuple[Journal, date]) -> None:
    journal, on = case
    journal = journal.sorted().up_to(on)
    every = week_targets(AEROBIC, journal, on)
    assert week_start(on) in every
    start = journal.start_date or on
    for monday, minutes in every.items():
        if monday >= week_start(start):
            assert minutes == week_target(AEROBIC, journal, monday).minutes
