"""Today's plan from a carry plus a bounded window equals the plan from the whole journal
(hypothesis, over random journals of more than a year with carries built on random days)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.content import load_catalog
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    Journal,
    PlanChoices,
    Profile,
    Session,
)
from sicoach.domain.journal_window import safety_window
from sicoach.domain.plan import plan_day
from sicoach.domain.plan_carry import (
    MAX_WINDOW_DAYS,
    MIN_WINDOW_DAYS,
    advance_carry,
    build_carry,
    carried_journal,
    carry_from_text,
    carry_to_text,
    plan_window,
)
from sicoach.domain.safety import evaluate

START = date(2025, 6, 2)
SPAN = 400
CATALOG = load_catalog()
IDS = ["bridge", "cat_cow", "pelvic_tilt"]
SIGNS = ["pain_worse_sitting", "fever", "saddle_numbness", "night_pain"]
offsets = st.integers(0, SPAN)


def _day(offset: int) -> date:
    return START + timedelta(days=offset)


def _pain(rnd: random.Random) -> int | None:
    """0-7, or none given (a third of the time)."""
    return None if rnd.random() < 1 / 3 else rnd.randint(0, 7)


def _result(rnd: random.Random, exercise: str) -> ExerciseResult:
    """Mostly done; now and then it hurt (mostly mildly) or was skipped."""
    return ExerciseResult(
        exercise,
        level=rnd.randint(0, 2),
        reps=rnd.randint(3, 12),
        hurt=rnd.random() < 1 / 12,
        pain=rnd.choice([None, rnd.randint(0, 3), rnd.randint(0, 7)]),
        skipped=rnd.random() < 1 / 8,
    )


def _counts(most: int) -> st.SearchStrategy[int]:
    """How many records: two times in three a few (a quiet journal), else up to `most`."""
    return st.one_of(st.integers(0, 8), st.integers(0, 8), st.integers(0, most))


@st.composite
def journals(draw: st.DrawFn) -> Journal:
    """Hypothesis draws how many records of each kind, the rare ones (reviews, turn-ons,
    training days, the start) and a seed; random.Random(seed) fills in the records. Drawing
    every field of every record through hypothesis was most of these tests' time."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))

    def sample(count: int) -> list[int]:
        return sorted(rnd.sample(range(SPAN + 1), count))

    checkins = tuple(
        CheckIn(
            date=_day(d),
            pain=_pain(rnd),
            worst_pain=_pain(rnd),
            mobility=_pain(rnd),
            symptoms=(rnd.choice(SIGNS),) if rnd.random() < 1 / 8 else (),
        )
        for d in sample(draw(_counts(120)))
    )
    sessions = tuple(
        Session(
            started_at=datetime.combine(_day(d), time(8)),
            pain_before=_pain(rnd),
            pain_after=_pain(rnd),
            exercises=tuple(_result(rnd, e) for e in rnd.sample(IDS, rnd.randint(0, 3))),
        )
        for d in sample(draw(_counts(90)))
    )
    activities = tuple(
        Activity(date=_day(rnd.randint(0, SPAN)), kind="walking", minutes=rnd.randint(10, 60))
        for _ in range(draw(_counts(60)))
    )
    reviews = tuple(
        ClinicianReview(date=_day(d), advice=draw(st.sampled_from(["carry_on", "gently"])))
        for d in draw(st.lists(offsets, max_size=2))
    )
    enabled = tuple(
        (draw(st.sampled_from(IDS)), _day(d)) for d in draw(st.lists(offsets, max_size=2))
    )
    training = tuple(sorted(set(draw(st.lists(st.integers(0, 6), min_size=1, max_size=7)))))
    profile = Profile(
        started_on=START - timedelta(days=draw(st.integers(0, 30))),
        plan=PlanChoices(training_days=training, enabled_on=enabled),
    )
    return Journal(profile, checkins, sessions, activities, (), reviews).sorted()


@settings(max_examples=300, deadline=None)
@given(journals(), st.integers(100, SPAN), st.integers(MIN_WINDOW_DAYS, MAX_WINDOW_DAYS))
def test_the_plan_from_a_carry_and_its_window_is_the_plan_from_the_whole_journal(
    journal: Journal, built_offset: int, later: int
) -> None:
    built = _day(built_offset)
    carry = build_carry(CATALOG, journal, built)
    assert carry is not None
    carry = carry_from_text(carry_to_text(carry))  # as stored
    assert carry is not None
    on = carry.through + timedelta(days=later)
    whole = journal.up_to(on)
    if not carry.fits(CATALOG, whole, on):
        return  # the caller plans from the whole journal (a review or turn-on since)
    assessment = evaluate(whole, on)
    read = carried_journal(journal, carry, on)  # what the store reads
    assert evaluate(safety_window(read, on), on) == assessment
    window = plan_window(read, carry.through, on)
    assert plan_day(CATALOG, window, on, assessment, carry=carry) == plan_day(
        CATALOG, whole, on, assessment
    )


@settings(max_examples=200, deadline=None)
@given(journals(), st.integers(100, SPAN - 30), st.integers(0, MAX_WINDOW_DAYS - 30))
def test_a_carry_moved_on_from_its_window_is_the_carry_built_from_the_whole_journal(
    journal: Journal, built_offset: int, later: int
) -> None:
    built = _day(built_offset)
    carry = carry_from_text(carry_to_text(build_carry(CATALOG, journal, built)))  # as stored
    assert carry is not None
    today = built + timedelta(days=later)
    moved = advance_carry(CATALOG, carry, carried_journal(journal, carry, today), today)
    if moved is None:  # a review or a turn-on since: the writer rebuilds from the whole
        assert not carry.fits(CATALOG, journal.up_to(today), today)
        return
    assert moved == build_carry(CATALOG, journal, today)


def test_a_carry_fits_the_days_after_it_was_built() -> None:
    days = [_day(d) for d in range(SPAN)]
    journal = Journal(Profile(started_on=days[0]), checkins=tuple(CheckIn(d, pain=3) for d in days))
    carry = build_carry(CATALOG, journal, days[-1])
    assert carry is not None
    assert carry.fits(CATALOG, journal, days[-1])
    assert len(plan_window(journal, carry.through, days[-1]).checkins) < 130
