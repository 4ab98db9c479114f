"""The seconds an exercise takes (what the plan's estimate sums, kept by timing) equal the
seconds of its script's steps, for any mix of the fields, asked in any order."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.content import load_catalog
from sicoach.domain.exercises import Dosage
from sicoach.domain.plan import PlannedExercise, Status
from sicoach.domain.script import exercise_steps, script_seconds

CATALOG = load_catalog()


@st.composite
def _planned(draw: st.DrawFn) -> tuple[PlannedExercise, Dosage]:
    ex = draw(st.sampled_from(CATALOG.exercises))
    item = PlannedExercise(
        id=ex.id,
        name=ex.name,
        level=draw(st.integers(0, 3)),
        hold_seconds=draw(st.sampled_from([None, 0, 3, 5, 10, 30])),
        reps=draw(st.integers(0, 25)),
        per_side=draw(st.booleans()),
        alternating=draw(st.booleans()),
        status=draw(st.sampled_from(list(Status))),
        reason="",
        position=ex.position,
        steps=ex.steps,
        variant=draw(st.sampled_from([None, "pregnancy", "seated"])),
    )
    move, rest = draw(st.integers(1, 6)), draw(st.integers(0, 4))
    return item, replace(ex.dosage, move_seconds=move, rest_seconds=rest)


@settings(max_examples=400, deadline=None)
@given(asked=st.lists(_planned(), min_size=1, max_size=6))
def test_script_seconds_equal_the_steps_seconds(
    asked: list[tuple[PlannedExercise, Dosage]],
) -> None:
    for item, dosage in asked:
        steps = exercise_steps(item, dosage.move_seconds, dosage.rest_seconds)
        expected = 0 if item.status is Status.SKIPPED else sum(s.seconds for s in steps)
        assert script_seconds(item, dosage) == expected
