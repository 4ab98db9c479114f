"""Second edition, trends the journal holds: worst pain rising while the average is flat,
movement falling, activities getting harder, severe pain over 10 days, pain rated only at
sessions, and the same exercise hurting every time; each at and around its threshold."""

from __future__ import annotations

import pytest

from sicoach.domain.journal import ExerciseResult
from sicoach.domain.safety import Level
from tests.unit.safety_helpers import at, ci, codes, journal, rated, reason, session

# ----------------------------------------------------------------- worst pain


@pytest.mark.parametrize(("worst", "fires"), [(4, False), (5, True), (7, True)])
def test_worst_pain_rising_while_pain_is_flat(worst: int, fires: bool) -> None:
    first = [ci(n, 3, worst=4) for n in range(1, 8)]
    later = [ci(n, 3, worst=worst) for n in (8, 9)]
    a = at(journal(*first, *later), 9)
    assert ("worst_pain_rising" in codes(a)) is fires


def test_worst_pain_rising_needs_two_recent_ratings_and_day_eight() -> None:
    first = [ci(n, 3, worst=4) for n in range(1, 8)]
    assert codes(at(journal(*first, ci(8, 3, worst=7)), 8)) == []
    assert codes(at(journal(*first[:-1], ci(7, 3, worst=9)), 7)) == []


def test_when_pain_rises_too_worse_after_weeks_speaks_instead() -> None:
    first = [ci(n, 3, worst=4) for n in range(1, 8)]
    later = [ci(n, 4, worst=6) for n in (8, 9)]
    assert codes(at(journal(*first, *later), 9)) == ["worse_after_weeks"]


# ----------------------------------------------------------------- movement


@pytest.mark.parametrize(("now", "fires"), [(5, False), (4, True), (2, True)])
def test_movement_falling_over_two_weeks(now: int, fires: bool) -> None:
    days = [ci(n, 2, mobility=6) for n in range(1, 15)]
    days += [ci(n, 2, mobility=now) for n in range(15, 22)]
    a = at(journal(*days), 21)
    assert ("mobility_falling" in codes(a)) is fires


def test_movement_falling_slowly_from_the_first_week() -> None:
    days = [ci(n, 2, mobility=7) for n in range(1, 8)]
    days += [ci(n, 2, mobility=6) for n in range(8, 15)]
    days += [ci(n, 2, mobility=5) for n in range(15, 22)]
    a = at(journal(*days), 21)
    assert "mobility_falling" in codes(a)
    assert "7.0 before, 5.0" in reason(a, "mobility_falling")


def test_movement_steady_is_fine() -> None:
    days = [ci(n, 2, mobility=6) for n in range(1, 22)]
    assert at(journal(*days), 21).level is Level.CONTINUE


# ----------------------------------------------------------------- my activities


@pytest.mark.parametrize(("later", "fires"), [((5, 4), False), ((4, 4), True), ((3, 5), True)])
def test_activities_falling_by_the_meaningful_change(later: tuple[int, int], fires: bool) -> None:
    ratings = (
        rated(1, "socks", 6),
        rated(1, "stairs", 6),
        rated(14, "socks", later[0]),
        rated(14, "stairs", later[1]),
    )
    a = at(journal(ci(1, 2), ci(14, 2), function=ratings), 14)
    assert ("activities_falling" in codes(a)) is fires


def test_activities_rated_once_say_nothing() -> None:
    a = at(journal(ci(1, 2), function=(rated(1, "socks", 1),)), 1)
    assert a.level is Level.CONTINUE


# ----------------------------------------------------------------- severe pain, 10 days


@pytest.mark.parametrize(("on", "fires"), [(10, True), (11, False)])
def test_severe_pain_on_three_of_the_last_ten_days(on: int, fires: bool) -> None:
    j = journal(ci(1, 8), ci(5, 9), ci(10, 8), ci(11, 3))
    assert ("severe_pain" in codes(at(j, on))) is fires


# ----------------------------------------------------------------- pain rated at sessions


def sessions_only(first: int, later: int, last_day: int) -> tuple:  # type: ignore[type-arg]
    return tuple(session(n, first if n <= 7 else later, 3) for n in range(1, last_day + 1, 2))


@pytest.mark.parametrize(("on", "fires"), [(41, False), (43, True)])
def test_not_better_at_six_weeks_when_pain_is_rated_only_at_sessions(on: int, fires: bool) -> None:
    j = journal(sessions=sessions_only(5, 5, 43))
    assert ("pain_not_improved" in codes(at(j, on))) is fires


def test_pain_at_sessions_clearly_better_is_fine() -> None:
    j = journal(sessions=sessions_only(5, 3, 43))
    assert "pain_not_improved" not in codes(at(j, 43))


# ----------------------------------------------------------------- the same exercise


def hurt(eid: str = "bridge") -> ExerciseResult:
    return ExerciseResult(eid, hurt=True)


def fine(eid: str = "bridge") -> ExerciseResult:
    return ExerciseResult(eid, reps=8, pain=1)


def test_the_same_exercise_hurting_every_time_it_was_tried() -> None:
    j = journal(
        sessions=(
            session(2, 3, 3, hurt(), fine("pelvic_tilt")),
            session(4, 3, 3, fine("pelvic_tilt")),
            session(6, 3, 3, ExerciseResult("bridge", skipped=True), fine("pelvic_tilt")),
            session(8, 3, 3, fine("pelvic_tilt")),
            session(10, 3, 3, hurt(), fine("pelvic_tilt")),
        )
    )
    a = at(j, 10)
    assert codes(a) == ["same_exercise_hurts"]  # only 1 of the last 3 sessions hurt
    assert "(bridge)" in reason(a, "same_exercise_hurts")


def test_an_exercise_that_hurt_once_and_went_well_once_is_fine() -> None:
    j = journal(sessions=(session(2, 3, 3, hurt()), session(5, 3, 3, fine()), session(8, 3, 3)))
    assert at(j, 8).level is Level.CONTINUE


def test_exercise_pain_of_six_counts_as_hurting_each_time() -> None:
    six = ExerciseResult("cat_cow", pain=6)
    j = journal(sessions=(session(2, 3, 3, six), session(9, 3, 3, six), session(12, 3, 3)))
    assert "same_exercise_hurts" in codes(at(j, 12))
