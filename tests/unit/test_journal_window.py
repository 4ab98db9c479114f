"""The triage of a bounded window of the journal equals the triage of the whole journal
(hypothesis, over random journals spread over more than a year)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    FunctionRating,
    Journal,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.journal_window import WINDOW_DAYS, safety_window
from sicoach.domain.safety import evaluate
from sicoach.domain.vocabulary import SYMPTOM_CODES
from sicoach.services.reviews import _open_signs

START = date(2025, 6, 2)
SPAN = 500
ALL_SYMPTOMS = sorted(SYMPTOM_CODES)
offsets = st.integers(0, SPAN)


def _day(offset: int) -> date:
    return START + timedelta(days=offset)


profiles = st.builds(
    Profile,
    started_on=offsets.map(_day),
    birth_year=st.one_of(st.none(), st.integers(1940, 2008)),
    sex=st.sampled_from([None, "female", "male"]),
    pregnancy=st.one_of(
        st.none(),
        st.builds(Pregnancy, status=st.just("pregnant"), due_date=offsets.map(_day)),
        st.builds(Pregnancy, status=st.just("postpartum"), delivery_date=offsets.map(_day)),
    ),
    history=st.lists(
        st.sampled_from(["cancer", "osteoporosis", "steroid_use", "immunosuppression"]),
        unique=True,
        max_size=2,
    ).map(tuple),
)


seeds = st.integers(0, 2**32 - 1)


def _rating(rnd: random.Random) -> int | None:
    """A 0-10 answer, or none given (a third of the time)."""
    return None if rnd.random() < 1 / 3 else rnd.randint(0, 10)


# Hypothesis draws where the runs of check-ins lie and a seed; each day's answers and the
# sessions come from random.Random(seed). Drawing every field of every record through
# hypothesis (up to 120 check-ins of five draws) was most of this test's time.


@st.composite
def checkins(draw: st.DrawFn) -> tuple[CheckIn, ...]:
    """Runs of days (as people check in) at random places over the span; about one day in
    five with up to two symptoms."""
    days: set[int] = set()
    for first in draw(st.lists(offsets, max_size=6)):
        days |= set(range(first, min(SPAN, first + draw(st.integers(1, 20)))))
    rnd = random.Random(draw(seeds))
    return tuple(
        CheckIn(
            date=_day(d),
            pain=_rating(rnd),
            worst_pain=_rating(rnd),
            mobility=_rating(rnd),
            symptoms=tuple(rnd.sample(ALL_SYMPTOMS, rnd.randint(0, 2)))
            if rnd.randrange(5) == 0
            else (),
        )
        for d in sorted(days)
    )


@st.composite
def sessions(draw: st.DrawFn) -> tuple[Session, ...]:
    """Up to 25 sessions on different days, each with up to three exercises."""
    count, rnd = draw(st.integers(0, 25)), random.Random(draw(seeds))
    return tuple(
        Session(
            started_at=datetime.combine(_day(d), time(8)),
            pain_before=_rating(rnd),
            pain_after=_rating(rnd),
            exercises=tuple(
                ExerciseResult(
                    id=ex,
                    reps=5,
                    hurt=rnd.random() < 0.5,
                    pain=_rating(rnd),
                    skipped=rnd.random() < 0.5,
                )
                for ex in rnd.sample(["bridge", "cat_cow", "pelvic_tilt"], rnd.randint(0, 3))
            ),
        )
        for d in rnd.sample(range(SPAN + 1), count)
    )


reviews = st.lists(
    st.builds(
        ClinicianReview,
        date=offsets.map(_day),
        advice=st.sampled_from(["carry_on", "gently", "stop"]),
        emergency_checked=st.booleans(),
    ),
    max_size=2,
).map(tuple)
activities = st.lists(
    st.builds(Activity, date=offsets.map(_day), kind=st.just("walking"), minutes=st.just(20)),
    max_size=5,
).map(tuple)
function = st.lists(
    st.builds(
        FunctionRating,
        date=offsets.map(_day),
        activity=st.sampled_from(["sitting", "walking"]),
        score=st.integers(0, 10),
    ),
    max_size=4,
    unique_by=lambda f: (f.date, f.activity),
).map(tuple)
journals = st.builds(
    Journal,
    profile=st.one_of(st.none(), profiles),
    checkins=checkins(),
    sessions=sessions(),
    activities=activities,
    function=function,
    reviews=reviews,
)


@settings(max_examples=400, deadline=None)
@given(journals, offsets)
def test_the_triage_of_the_window_is_the_triage_of_the_whole_journal(
    journal: Journal, on_offset: int
) -> None:
    on = _day(on_offset)
    window = safety_window(journal, on)
    assert evaluate(window, on) == evaluate(journal, on)
    # the warning signs not yet checked by a clinician (the review form, the page at a glance)
    assert _open_signs(window, on) == _open_signs(journal, on)


def test_a_long_journal_s_window_is_bounded() -> None:
    days = [_day(d) for d in range(SPAN)]
    journal = Journal(Profile(started_on=days[0]), checkins=tuple(CheckIn(d, pain=3) for d in days))
    window = safety_window(journal, days[-1])
    assert len(window.checkins) == WINDOW_DAYS + 1 + 7  # the window and the first week
