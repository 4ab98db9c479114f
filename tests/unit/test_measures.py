"""One home per definition: the first week, a meaningful change, "it hurt" and "done" mean
the same thing to the safety rules, the plan and the progress figures."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.domain import measures
from sicoach.domain.journal import CheckIn, ExerciseResult, Journal, Profile
from sicoach.domain.progress import Meaning, compute_progress
from sicoach.domain.safety import evaluate

START = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("result", "hurt", "done"),
    [
        (ExerciseResult("bridge", reps=10, pain=5), False, True),
        (ExerciseResult("bridge", reps=10, pain=6), True, False),
        (ExerciseResult("bridge", reps=3, hurt=True), True, False),
        (ExerciseResult("bridge", reps=3, skipped=True), False, False),
        (ExerciseResult("bridge", reps=3, skipped=True, pain=7), True, False),
        (ExerciseResult("bridge", reps=10), False, True),
    ],
)
def test_it_hurt_is_pain_six_or_more_and_hurt_is_never_done(
    result: ExerciseResult, hurt: bool, done: bool
) -> None:
    assert measures.it_hurt(result) is hurt
    assert measures.is_done(result) is done


def test_sore_is_four_or_five() -> None:
    sore = [p for p in range(11) if measures.was_sore(ExerciseResult("bridge", pain=p))]
    assert sore == [4, 5]


@pytest.mark.parametrize(
    ("change", "first", "meaningful"),
    [(2.0, 9.0, True), (1.9, 9.0, False), (1.5, 5.0, True), (1.4, 5.0, False), (0.5, 0.0, False)],
)
def test_meaningful_change_is_two_points_or_thirty_percent(
    change: float, first: float, meaningful: bool
) -> None:
    assert measures.is_meaningful(change, first) is meaningful
    assert measures.is_meaningful(-change, first) is meaningful


def test_first_week_falls_back_to_the_first_check_in_then_to_the_first_rating() -> None:
    later = [START + timedelta(days=9), START + timedelta(days=12)]
    assert measures.program_first_week(START, [START + timedelta(days=6)]) == START
    assert measures.program_first_week(START, later) == later[0]
    assert measures.program_first_week(START, []) == START
    assert measures.first_week_of(START, [START + timedelta(days=3)]) == START
    assert measures.first_week_of(START, later) == later[0]
    assert measures.first_week_of(START, []) is None


def _then_now(journal: Journal, on: date) -> tuple[float, float] | None:
    """The first-week and recent averages the `pain_not_improved` rule printed, if raised."""
    for reason in evaluate(journal, on).reasons:
        if reason.code == "pain_not_improved":
            found = re.search(r"\((\d+\.\d) then, (\d+\.\d) now\)", reason.message)
            assert found, reason.message
            return float(found.group(1)), float(found.group(2))
    return None


def test_progress_chart_and_safety_rule_use_the_same_first_week() -> None:
    """No check-in in the program's first week: both start from the first pain rating."""
    first_rating = START + timedelta(days=9)
    checkins = tuple(CheckIn(first_rating + timedelta(days=i), pain=6) for i in range(0, 40, 2))
    journal = Journal(profile=Profile(started_on=START), checkins=checkins)
    on = first_rating + timedelta(days=38)
    pain = compute_progress(journal, on).pain
    assert pain.baseline_start == first_rating
    assert pain.baseline_end == first_rating + timedelta(days=6)
    assert pain.change.baseline == 6 and pain.change.latest == 6
    assert _then_now(journal, on) == (6.0, 6.0)


def test_a_measure_not_rated_in_the_first_week_starts_from_its_first_rating() -> None:
    """Mobility only in the first week, pain from day 10: pain's first week is its own."""
    checkins = (
        *(CheckIn(START + timedelta(days=i), mobility=4) for i in range(7)),
        *(CheckIn(START + timedelta(days=i), pain=5) for i in range(10, 45, 3)),
    )
    journal = Journal(profile=Profile(started_on=START), checkins=checkins)
    on = START + timedelta(days=43)
    pain = compute_progress(journal, on).pain
    assert pain.baseline_start == START + timedelta(days=10)
    assert _then_now(journal, on) == (5.0, 5.0)


pains = st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=35, max_size=60)


@settings(max_examples=60, deadline=None)
@given(pains=pains, offset=st.integers(0, 12))
def test_safety_and_progress_agree_on_whether_pain_improved(
    pains: list[int | None], offset: int
) -> None:
    """From day 28 the rule is raised exactly when the chart's change is not a meaningful
    improvement (pain still above 1), with the same first-week and recent averages."""
    checkins = tuple(
        CheckIn(START + timedelta(days=offset + i), pain=p)
        for i, p in enumerate(pains)
        if p is not None
    )
    journal = Journal(profile=Profile(started_on=START), checkins=checkins)
    on = START + timedelta(days=offset + len(pains) - 1)
    change = compute_progress(journal, on).pain.change
    raised = _then_now(journal, on)
    if change.baseline is None or change.latest is None:
        assert raised is None
        return
    first = min(c.date for c in checkins)
    first_week = START if first < START + timedelta(days=7) else first
    if (on - first_week).days + 1 < 28 or change.latest <= 1:
        assert raised is None
        return
    assert (raised is None) == (change.meaning is Meaning.BETTER)
    if raised is not None:
        assert raised == (round(change.baseline, 1), round(change.latest, 1))
