"""The planner on the real content pack: every exercise, every rule's text filled in."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sicoach.content import load_catalog
from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import ExerciseResult, Journal, Pregnancy, Profile, Session
from sicoach.domain.plan import DayPlan, Status, plan_day
from sicoach.domain.safety import Assessment, Level
from sicoach.domain.script import build_script

START = date(2026, 11, 2)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _plan(catalog: Catalog, journal: Journal, on: date) -> DayPlan:
    return plan_day(catalog, journal, on, assessment=Assessment(on, Level.CONTINUE, ()))


def _journal(pregnancy: Pregnancy | None = None, sessions: tuple[Session, ...] = ()) -> Journal:
    return Journal(profile=Profile(started_on=START, pregnancy=pregnancy), sessions=sessions)


def test_every_exercise_is_planned_in_the_catalog_order(catalog: Catalog) -> None:
    p = _plan(catalog, _journal(), START)
    assert [e.id for e in p.exercises] == [
        e.id for e in sorted(catalog.exercises, key=lambda x: x.order)
    ]
    for e in p.exercises:
        ex = catalog.exercise(e.id)
        assert e.status is Status.PLANNED
        assert ex.dosage.reps is None or e.reps == ex.dosage.reps.min
        assert "{" not in e.reason and "{" not in e.source


def test_estimate_matches_the_session_script(catalog: Catalog) -> None:
    preg = Pregnancy("pregnant", due_date=START + timedelta(days=140))
    for journal in (_journal(), _journal(preg)):
        p = _plan(catalog, journal, START)
        total = build_script(p, catalog).total_seconds
        assert p.estimated_minutes == -(-total // 60)


def test_twenty_weeks_pregnant_changes_every_back_lying_move(catalog: Catalog) -> None:
    preg = Pregnancy("pregnant", due_date=START + timedelta(days=140))
    assert preg.week_on(START) == 20
    p = _plan(catalog, _journal(preg), START)
    for e in p.exercises:
        ex = catalog.exercise(e.id)
        if ex.lies_on_back:
            assert e.status is Status.MODIFIED, e.id
            assert e.position != "supine" or "Kept short" in e.reason, e.id
        if ex.pregnancy_caution:
            assert ex.pregnancy_caution in e.cautions
        assert "{" not in e.reason


def test_the_guides_ladders_are_climbed_and_never_exceeded(catalog: Catalog) -> None:
    """Simulate months of comfortable daily sessions done exactly as planned."""
    sessions: list[Session] = []
    seen: dict[str, set[tuple[int, int]]] = {e.id: set() for e in catalog.exercises}
    for k in range(120):
        on = START + timedelta(days=k)
        p = _plan(catalog, _journal(sessions=tuple(sessions)), on)
        for e in p.exercises:
            seen[e.id].add((e.level, e.reps))
            ex = catalog.exercise(e.id)
            if ex.dosage.reps is not None:
                assert e.reps <= ex.dosage.reps.top
            assert e.level <= ex.max_level
        results = tuple(ExerciseResult(e.id, e.level, e.reps, pain=1) for e in p.active)
        sessions.append(Session(datetime.combine(on, datetime.min.time()), exercises=results))
    assert {r for _, r in seen["bridge"]} == {8, 9, 10}
    assert {r for _, r in seen["inner_thigh_squeeze"]} == {3, 4, 5}
    assert {r for _, r in seen["cat_cow"]} == {8, 9, 10}
    assert seen["pelvic_tilt"] == {(0, 10), (1, 10)}
    final = _plan(catalog, _journal(sessions=tuple(sessions)), START + timedelta(days=120))
    tilt = next(e for e in final.exercises if e.id == "pelvic_tilt")
    assert tilt.rule == "at_top" and "our own limit" in tilt.reason
