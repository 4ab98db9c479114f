"""The session script against the dose: step kinds, counts, sides and total seconds."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sicoach.content import load_catalog
from sicoach.domain.exercises import Catalog, Exercise
from sicoach.domain.plan import AerobicPlan, DayPlan, PlannedExercise, Status
from sicoach.domain.safety import Assessment, Level
from sicoach.domain.script import (
    GET_READY_CHANGED_SECONDS,
    GET_READY_SECONDS,
    STEP_KINDS,
    SWITCH_SIDE_SECONDS,
    build_script,
    script_seconds,
)
from sicoach.interchange.script_json import script_to_json

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def planned(
    exercise: Exercise,
    *,
    reps: int | None = None,
    hold: int | None = -1,
    status: Status = Status.PLANNED,
    steps: tuple[str, ...] | None = None,
    variant: str | None = None,
) -> PlannedExercise:
    dose = exercise.dosage
    if hold == -1:
        hold = dose.hold_seconds.top if dose.hold_seconds else None
    return PlannedExercise(
        id=exercise.id,
        name=exercise.name,
        level=0,
        hold_seconds=hold,
        reps=reps if reps is not None else (dose.reps.min if dose.reps else 1),
        per_side=dose.per_side,
        alternating=dose.alternating,
        status=status,
        reason="test",
        position=exercise.position,
        steps=steps if steps is not None else exercise.steps,
        variant=variant,
    )


def day(*exercises: PlannedExercise) -> DayPlan:
    return DayPlan(
        date=DAY,
        safety=Assessment(DAY, Level.CONTINUE, ()),
        exercises=exercises,
        aerobic=AerobicPlan(150, 150, 0, "walking", 15, "test"),
        estimated_minutes=0,
    )


def expected_seconds(p: PlannedExercise, exercise: Exercise) -> int:
    """The dose turned into seconds, written out independently of the script code."""
    move, rest = exercise.dosage.move_seconds, exercise.dosage.rest_seconds
    sides = 2 if p.per_side else 1
    units = p.reps * sides
    if p.hold_seconds:
        per_unit = p.hold_seconds + move
        one_side_then_other = p.per_side and not p.alternating
        rests = (2 * (p.reps - 1) if one_side_then_other else units - 1) * rest
    else:
        per_unit, rests = 2 * move, 0
    switch = SWITCH_SIDE_SECONDS if p.per_side and not p.alternating else 0
    return GET_READY_SECONDS + units * per_unit + rests + switch


def test_every_exercise_matches_its_dose(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        p = planned(exercise)
        script = build_script(day(p), catalog)
        steps = [s for s in script.steps if s.exercise_id == exercise.id]
        kinds = [s.kind for s in steps]
        sides = 2 if p.per_side else 1
        assert kinds[0] == "get_ready", exercise.id
        assert exercise.key_instruction in steps[0].text
        assert steps[0].seconds == GET_READY_SECONDS
        assert set(kinds) <= set(STEP_KINDS)
        if p.hold_seconds:
            holds = [s for s in steps if s.kind == "hold"]
            assert len(holds) == p.reps * sides, exercise.id
            assert {s.seconds for s in holds} == {p.hold_seconds}
            assert kinds.count("release") == p.reps * sides
            assert "move" not in kinds
        else:
            assert kinds.count("move") == 2 * p.reps * sides, exercise.id
            assert "hold" not in kinds
        assert sorted({s.rep for s in steps if s.kind in ("hold", "move")}) == list(
            range(1, p.reps + 1)
        )
        assert {s.of_reps for s in steps} == {p.reps}
        total = expected_seconds(p, exercise)
        assert sum(s.seconds for s in steps) == total, exercise.id
        assert script.total_seconds == total
        assert script_seconds(p, exercise.dosage) == total
        assert script.steps[-1].kind == "done"
        assert script.steps[-1].exercise_id is None


def test_pelvic_tilt_is_ten_holds_of_five_seconds(catalog: Catalog) -> None:
    p = planned(catalog.exercise("pelvic_tilt"), reps=10)
    script = build_script(day(p), catalog)
    kinds = [s.kind for s in script.steps]
    assert kinds == ["get_ready", *(["hold", "release", "rest"] * 9), "hold", "release", "done"]
    assert [s.rep for s in script.steps if s.kind == "hold"] == list(range(1, 11))
    assert all(s.side is None for s in script.steps)
    # 8 s get ready + 10 x (5 s hold + 3 s release) + 9 rests of 2 s
    assert script.total_seconds == 8 + 10 * 8 + 9 * 2 == 106


def test_bridge_holds_follow_the_planned_reps(catalog: Catalog) -> None:
    p = planned(catalog.exercise("bridge"), reps=9)
    script = build_script(day(p), catalog)
    holds = [s for s in script.steps if s.kind == "hold"]
    assert len(holds) == 9
    assert all(s.seconds == 5 and s.of_reps == 9 for s in holds)
    assert "hips" in holds[0].text.lower()


def test_knee_to_chest_alternates_legs_each_rep(catalog: Catalog) -> None:
    p = planned(catalog.exercise("knee_to_chest"), reps=4, hold=3)
    script = build_script(day(p), catalog)
    holds = [s for s in script.steps if s.kind == "hold"]
    assert [(s.rep, s.side) for s in holds] == [
        (1, "right"),
        (1, "left"),
        (2, "right"),
        (2, "left"),
        (3, "right"),
        (3, "left"),
        (4, "right"),
        (4, "left"),
    ]
    assert all(s.seconds == 3 for s in holds)
    assert "switch_side" not in [s.kind for s in script.steps]
    assert "right knee" in holds[0].text and "left knee" in holds[1].text


def test_per_side_exercise_does_one_side_then_switches(catalog: Catalog) -> None:
    p = planned(catalog.exercise("figure_four"), reps=3)
    script = build_script(day(p), catalog)
    steps = [s for s in script.steps if s.kind != "done"]
    switch = [i for i, s in enumerate(steps) if s.kind == "switch_side"]
    assert len(switch) == 1
    before, after = steps[: switch[0]], steps[switch[0] + 1 :]
    assert {s.side for s in before if s.kind == "hold"} == {"right"}
    assert {s.side for s in after if s.kind == "hold"} == {"left"}
    assert len([s for s in before if s.kind == "hold"]) == 3
    assert len([s for s in after if s.kind == "hold"]) == 3
    assert steps[switch[0]].seconds == SWITCH_SIDE_SECONDS
    assert "left" in steps[switch[0]].text.lower()


def test_cat_cow_is_paced_breathing_without_holds(catalog: Catalog) -> None:
    exercise = catalog.exercise("cat_cow")
    p = planned(exercise, reps=8)
    script = build_script(day(p), catalog)
    moves = [s for s in script.steps if s.kind == "move"]
    assert len(moves) == 16
    assert {s.seconds for s in moves} == {exercise.dosage.move_seconds}
    assert "in" in moves[0].text.lower() and "out" in moves[1].text.lower()
    assert [s.kind for s in script.steps].count("rest") == 0
    assert script.total_seconds == GET_READY_SECONDS + 16 * exercise.dosage.move_seconds


def test_skipped_exercises_are_left_out_and_order_is_kept(catalog: Catalog) -> None:
    tilt = planned(catalog.exercise("pelvic_tilt"))
    quad = planned(catalog.exercise("side_lying_quad_stretch"), status=Status.SKIPPED)
    bridge = planned(catalog.exercise("bridge"))
    script = build_script(day(tilt, quad, bridge), catalog)
    ids = [s.exercise_id for s in script.steps if s.kind == "get_ready"]
    assert ids == ["pelvic_tilt", "bridge"]
    assert "side_lying_quad_stretch" not in {s.exercise_id for s in script.steps}
    assert [e.id for e in script.exercises] == ["pelvic_tilt", "bridge"]
    assert script_seconds(quad, catalog.exercise("side_lying_quad_stretch").dosage) == 0
    assert script.total_seconds == expected_seconds(
        tilt, catalog.exercise("pelvic_tilt")
    ) + expected_seconds(bridge, catalog.exercise("bridge"))


def test_modified_exercise_uses_todays_instructions(catalog: Catalog) -> None:
    exercise = catalog.exercise("bridge")
    variant = exercise.variant("pregnancy")
    assert variant is not None
    p = planned(exercise, status=Status.MODIFIED, steps=variant.steps, variant="pregnancy")
    script = build_script(day(p), catalog)
    ready = script.steps[0]
    assert ready.kind == "get_ready"
    assert variant.steps[0] in ready.text
    assert exercise.key_instruction not in ready.text
    assert script.exercises[0].steps == variant.steps
    assert script.exercises[0].variant == "pregnancy"
    # more time to read the changed position; plain cues, as the lying-down ones do not fit
    assert ready.seconds == GET_READY_CHANGED_SECONDS
    holds = [st for st in script.steps if st.kind == "hold"]
    assert {st.text for st in holds} == {"Hold"}
    assert {st.text for st in script.steps if st.kind == "release"} == {"Release"}
    assert len(holds) == p.reps
    base = expected_seconds(p, exercise)
    assert script.total_seconds == base - GET_READY_SECONDS + GET_READY_CHANGED_SECONDS
    assert script_seconds(p, exercise.dosage) == script.total_seconds


def test_no_active_exercise_gives_only_done(catalog: Catalog) -> None:
    quad = planned(catalog.exercise("side_lying_quad_stretch"), status=Status.SKIPPED)
    script = build_script(day(quad), catalog)
    assert [s.kind for s in script.steps] == ["done"]
    assert script.total_seconds == 0


def test_json_has_the_issue_keys(catalog: Catalog) -> None:
    p = planned(catalog.exercise("supine_twist"))
    script = build_script(day(p), catalog)
    data = json.loads(script_to_json(script))
    assert data["date"] == "2026-11-20"
    assert data["total_seconds"] == script.total_seconds
    keys = {"exercise_id", "kind", "seconds", "text", "rep", "of_reps", "side"}
    for step in data["steps"]:
        assert keys <= set(step)
        assert step["kind"] in STEP_KINDS
        assert step["side"] in ("left", "right", None)
    assert sum(s["seconds"] for s in data["steps"]) == data["total_seconds"]
    assert data["exercises"][0]["id"] == "supine_twist"
