"""Journals that several test layers share (domain, CLI, integration).

`fortnight()` is the two weeks whose progress figures were worked out by hand in
tests/unit/test_progress_fortnight.py: the program starts on Monday 2026-11-02 and the
training days are Monday, Wednesday and Friday.
"""

from __future__ import annotations

from datetime import date, datetime

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    PlanChoices,
    Profile,
    Session,
)
from sicoach.services.context import Context


def store(context: Context, journal: Journal) -> None:
    """Write `journal` into the context's database, replacing what those days held."""
    with context.uow() as uow:
        uow.journal.import_journal(journal, replace=True)
        uow.commit()


def nov(day: int) -> date:
    return date(2026, 11, day)


# Pain: first week 7,6,6,5,6,6,6 (mean 6); second week 4,4,-,3,4,3,3 (mean 21/6 = 3.5).
PAIN = {2: 7, 3: 6, 4: 6, 5: 5, 6: 6, 7: 6, 8: 6, 9: 4, 10: 4, 12: 3, 13: 4, 14: 3, 15: 3}
# Mobility: first week 4,4,5 (mean 13/3); second week 5,5 (mean 5).
MOBILITY = {2: 4, 5: 4, 8: 5, 12: 5, 15: 5}
SYMPTOMS = {2: ("pain_worse_sitting",), 3: ("pain_worse_sitting",), 10: ("leg_tingling",)}
SYMPTOMS[12] = ("night_pain",)


def session(day: int, *results: ExerciseResult, partial: bool = False) -> Session:
    return Session(datetime(2026, 11, day, 7, 30), 5, 4, tuple(results), partial)


def fortnight() -> Journal:
    checkins = tuple(
        CheckIn(nov(d), pain=PAIN.get(d), mobility=MOBILITY.get(d), symptoms=SYMPTOMS.get(d, ()))
        for d in sorted(set(PAIN) | set(MOBILITY))
    )
    ok = ExerciseResult("pelvic_tilt", reps=10)
    quad = ExerciseResult("side_lying_quad_stretch", hurt=True, pain=6)
    bridge = ExerciseResult("bridge", hurt=True, pain=5)
    sessions = (
        session(2, ok),
        session(4, ok, quad),
        session(6, ExerciseResult("pelvic_tilt", skipped=True), partial=True),  # not done
        session(7, ok),  # Saturday: an extra session, not a training day
        session(9, ok, quad, bridge),
        session(11, ok),
        session(13, ok),
    )
    activities = (
        Activity(nov(2), "walking", 15),
        Activity(nov(4), "walking", 20),
        Activity(nov(7), "swimming", 30),
        Activity(nov(9), "walking", 30),
        Activity(nov(10), "walking", 30),
        Activity(nov(12), "cycling", 40),
        Activity(nov(15), "walking", 60),
    )
    function = (
        FunctionRating(nov(2), "sitting for 30 minutes", 3),
        FunctionRating(nov(2), "getting up from a chair", 4),
        FunctionRating(nov(9), "sitting for 30 minutes", 5),
        FunctionRating(nov(9), "sleeping through", 2),
        FunctionRating(nov(15), "sitting for 30 minutes", 6),
        FunctionRating(nov(15), "getting up from a chair", 7),
    )
    profile = Profile(started_on=nov(2), plan=PlanChoices(training_days=(0, 2, 4)))
    return Journal(profile, checkins, sessions, activities, function)
