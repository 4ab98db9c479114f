"""The plan after a clinician review: "carry on gently" restarts at the easiest level;
"stop until told otherwise" keeps every exercise off."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sicoach.domain.journal import ClinicianReview, ExerciseResult, Journal
from sicoach.domain.plan import Status, plan_day
from tests.unit.test_plan_rules import CATALOG, START, daily_sessions, item, journal, plan

DAY = START + timedelta(days=10)


def _climbed() -> Journal:
    return journal(
        daily_sessions(START, 10, ExerciseResult("bridge", reps=10, pain=1)),
    )


def test_carry_on_gently_restarts_at_the_bottom_of_the_range() -> None:
    j = _climbed()
    assert item(plan(j, DAY), "bridge").reps > 8
    reviewed = replace(j, reviews=(ClinicianReview(START + timedelta(days=9), "gently"),))
    b = item(plan(reviewed, DAY), "bridge")
    assert b.reps == 8 and b.rule == "review_gently" and b.status is Status.MODIFIED
    assert "carry on gently" in b.reason


def test_carry_on_as_before_keeps_the_dose() -> None:
    j = _climbed()
    reviewed = replace(j, reviews=(ClinicianReview(START + timedelta(days=9), "carry_on"),))
    assert item(plan(reviewed, DAY), "bridge").reps == item(plan(j, DAY), "bridge").reps


def test_stop_until_told_otherwise_plans_nothing() -> None:
    j = replace(_climbed(), reviews=(ClinicianReview(START + timedelta(days=9), "stop"),))
    p = plan_day(CATALOG, j, DAY)  # the real triage, not a stand-in
    assert p.safety.stops_exercise
    assert all(e.status is Status.SKIPPED for e in p.exercises)
    assert "advised you to stop" in p.message
