"""Clinician reviews in the triage, at each threshold: what a review settles, the emergency
yes, the same-day order, and "Were you checked for X?" (day 7/8, week 4 edges)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sicoach.domain.journal import ClinicianReview, Journal, Pregnancy, Profile
from sicoach.domain.safety import Level
from sicoach.domain.safety.reviews import URGENT_ASK_DAYS
from tests.unit.test_safety_rules import START, at, ci, codes, d, journal


def review(day: int, advice: str = "carry_on", **kw: object) -> ClinicianReview:
    return ClinicianReview(date=d(day), advice=advice, **kw)  # type: ignore[arg-type]


def with_reviews(j: Journal, *reviews: ClinicianReview) -> Journal:
    return replace(j, reviews=reviews)


# ----------------------------------------------------------------- settling


def test_a_review_lifts_an_urgent_block_the_same_week() -> None:
    j = journal(ci(1, 3), ci(3, 4, "night_pain"))
    assert at(j, 4).level is Level.URGENT
    lifted = at(with_reviews(j, review(4)), 4)
    assert lifted.level is Level.CONTINUE and not lifted.stops_exercise


def test_a_review_dated_before_the_sign_settles_nothing() -> None:
    j = with_reviews(journal(ci(1, 3), ci(3, 4, "night_pain")), review(2))
    assert at(j, 4).level is Level.URGENT


def test_a_sign_reported_after_the_review_counts_again_at_once() -> None:
    j = with_reviews(journal(ci(1, 3), ci(3, 4, "night_pain"), ci(5, 4, "night_pain")), review(4))
    a = at(j, 5)
    assert a.level is Level.URGENT and "night_pain" in codes(a)


def test_same_day_sign_before_the_review_is_settled_after_it_is_not() -> None:
    """`settles` is what the record held when the review was saved: a sign added to the
    same day afterwards was not seen by the clinician."""
    before = with_reviews(journal(ci(1, 3), ci(4, 4, "fever")), review(4, settles=("fever",)))
    assert at(before, 4).level is Level.CONTINUE
    after = with_reviews(
        journal(ci(1, 3), ci(4, 4, "fever", "night_pain")), review(4, settles=("fever",))
    )
    a = at(after, 4)
    assert a.level is Level.URGENT and codes(a) == ["night_pain"]


def test_an_emergency_sign_needs_the_explicit_yes() -> None:
    j = journal(ci(1, 3), ci(3, 4, "saddle_numbness"))
    no_yes = at(with_reviews(j, review(3)), 3)
    assert no_yes.level is Level.EMERGENCY and "saddle_numbness" in codes(no_yes)
    yes = at(with_reviews(j, review(3, emergency_checked=True)), 3)
    assert yes.level is Level.CONTINUE


def test_without_the_yes_the_urgent_signs_of_the_same_day_are_still_settled() -> None:
    j = with_reviews(journal(ci(1, 3), ci(3, 4, "chest_pain", "fever")), review(3))
    a = at(j, 3)
    assert codes(a) == ["chest_pain"]


def test_pregnancy_emergency_follows_the_pregnancy_on_that_day() -> None:
    """Bleeding in pregnancy is an emergency sign: a review without the yes leaves it."""
    pregnant = Profile(started_on=START, pregnancy=Pregnancy("pregnant", due_date=d(120)))
    j = journal(ci(1, 3), ci(3, 3, "vaginal_bleeding"), profile=pregnant)
    assert at(with_reviews(j, review(3)), 3).level is Level.EMERGENCY
    assert at(with_reviews(j, review(3, emergency_checked=True)), 3).level is Level.CONTINUE


def test_trend_symptoms_are_not_removed_by_a_review() -> None:
    """The first week's symptoms stay, so a later one is still measured against them."""
    j = with_reviews(journal(ci(1, 3, "pain_buttocks"), ci(10, 3, "pain_buttocks")), review(10))
    assert "new_symptoms" not in codes(at(j, 10))


# ----------------------------------------------------------------- stop and gently


def test_stop_until_told_otherwise_keeps_exercises_stopped_until_a_later_review() -> None:
    j = with_reviews(journal(ci(1, 3), ci(3, 4, "fever")), review(4, "stop"))
    a = at(j, 10)
    assert a.stops_exercise and a.clinician_stop and a.level is Level.SEE_DOCTOR
    assert "clinician_stop" in codes(a)
    later = with_reviews(j, review(4, "stop"), review(9, "gently"))
    assert not at(later, 10).stops_exercise
    assert at(later, 8).stops_exercise  # the "gently" visit is not in force before its date


# ----------------------------------------------------------------- were you checked?


@pytest.mark.parametrize(("age", "window"), [(7, True), (8, False), (60, False)])
def test_an_emergency_sign_out_of_the_window_is_asked_about_until_reviewed(
    age: int, window: bool
) -> None:
    j = journal(ci(1, 6), ci(40 - age, 1, "bladder_bowel_change"), ci(40, 1))
    a = at(j, 40)
    if window:
        assert a.level is Level.EMERGENCY
        assert "checked_for_bladder_bowel_change" not in codes(a)
    else:
        assert a.level is Level.SEE_DOCTOR
        assert codes(a) == ["checked_for_bladder_bowel_change"]
        assert a.reasons[0].message.startswith("Were you checked for new trouble peeing")
    reviewed = with_reviews(j, review(40 - age + 1, emergency_checked=True))
    assert at(reviewed, 40).level is Level.CONTINUE


def test_an_unconfirmed_review_keeps_asking_about_an_emergency_sign() -> None:
    j = with_reviews(journal(ci(1, 6), ci(5, 1, "chest_pain"), ci(30, 1)), review(6))
    assert codes(at(j, 30)) == ["checked_for_chest_pain"]


@pytest.mark.parametrize(
    ("age", "asked"),
    [(8, True), (URGENT_ASK_DAYS - 1, True), (URGENT_ASK_DAYS, True), (URGENT_ASK_DAYS + 1, False)],
)
def test_an_urgent_sign_is_asked_about_for_4_weeks_then_let_go(age: int, asked: bool) -> None:
    j = journal(ci(1, 6), ci(60 - age, 1, "fever"), ci(60, 1))
    a = at(j, 60)
    assert ("checked_for_fever" in codes(a)) is asked
    assert a.level is (Level.SEE_DOCTOR if asked else Level.CONTINUE)


def test_the_question_names_the_sign_and_the_day() -> None:
    a = at(journal(ci(1, 3), ci(2, 3, "night_pain"), ci(20, 3)), 20)
    (reason,) = a.reasons
    assert "worse at night" in reason.message and "3 November 2026" in reason.message
    assert reason.level is Level.SEE_DOCTOR and not a.stops_exercise


def test_a_review_after_the_sign_ends_the_question() -> None:
    j = journal(ci(1, 3), ci(2, 3, "night_pain"), ci(20, 3))
    assert at(with_reviews(j, review(15)), 20).level is Level.CONTINUE
