"""The timed script of a guided session: every step the players show, in order.

Both the terminal player and the web player play the same `Script`, so the pacing rules live
here once: a get-ready before each exercise, then its repetitions as timed holds (or slow
movement phases for moves without a hold), rests between repetitions, a pause to switch
sides, and a final "done". Skipped exercises are left out; modified ones use today's
(modified) instructions from the plan.

Our defaults (the guide gives no number): 8 s to get ready (12 s when the exercise is changed
for you today, to read the new position), 5 s to switch sides. The hold, repetitions and
sides come from the plan's dose; the movement pace (`move_seconds`) and the rest between
repetitions (`rest_seconds`) come from the catalog's dosage. Moves without a hold (cat-cow)
flow from one breath to the next, so they have no rest between repetitions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sicoach.domain.exercises import Catalog, Dosage, Exercise
from sicoach.domain.hurting import hurt_rule_to_dict
from sicoach.domain.plan_model import DayPlan, PlannedExercise, Status

GET_READY_SECONDS = 8
"""Our default: time to read the key instruction and get into position."""

GET_READY_CHANGED_SECONDS = 12
"""Our default: a changed exercise (e.g. seated in pregnancy) has a new position to read."""

SWITCH_SIDE_SECONDS = 5
"""Our default: time to change to the other side."""

STEP_KINDS: tuple[str, ...] = (
    "get_ready",
    "hold",
    "release",
    "move",
    "switch_side",
    "rest",
    "done",
)
SIDES: tuple[str, ...] = ("right", "left")


@dataclass(frozen=True)
class Step:
    """One timed step. `rep`/`of_reps` count repetitions (per side when the dose is per side).

    `exercise_id` is None only for the final "done" step. `name` and `level` are extras for
    the players (the exercise's name and today's level).
    """

    exercise_id: str | None
    kind: str
    seconds: int
    text: str
    rep: int | None = None
    of_reps: int | None = None
    side: str | None = None
    name: str = ""
    level: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "kind": self.kind,
            "seconds": self.seconds,
            "text": self.text,
            "rep": self.rep,
            "of_reps": self.of_reps,
            "side": self.side,
            "name": self.name,
            "level": self.level,
        }


@dataclass(frozen=True)
class ScriptExercise:
    """One exercise of the script, for the players to show its instructions and log it."""

    id: str
    name: str
    level: int
    reps: int
    per_side: bool
    status: Status
    steps: tuple[str, ...]
    key_instruction: str
    variant: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "reps": self.reps,
            "per_side": self.per_side,
            "status": str(self.status),
            "variant": self.variant,
            "steps": list(self.steps),
            "key_instruction": self.key_instruction,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Script:
    date: date
    steps: tuple[Step, ...]
    exercises: tuple[ScriptExercise, ...]
    message: str = ""

    @property
    def total_seconds(self) -> int:
        return sum(s.seconds for s in self.steps)

    def exercise(self, exercise_id: str) -> ScriptExercise:
        return next(e for e in self.exercises if e.id == exercise_id)

    def seconds_from(self, index: int) -> int:
        """Seconds of the script from step `index` to the end (for the "time left" bar)."""
        return sum(s.seconds for s in self.steps[index:])

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (see `sicoach.interchange.script_json`)."""
        return {
            "date": self.date.isoformat(),
            "total_seconds": self.total_seconds,
            "message": self.message,
            "exercises": [e.to_dict() for e in self.exercises],
            "steps": [s.to_dict() for s in self.steps],
            "when_it_hurts": hurt_rule_to_dict(),
        }


# Short cues in our own words, shown in large type and spoken. Exercises not named here use
# the generic cues. `{side}` is filled with e.g. "right leg".
_HOLD_CUES: dict[str, tuple[str, str]] = {
    "pelvic_tilt": ("Hold: belly tight, low back pressed down", "Relax"),
    "knee_to_chest": ("Hold your {side} knee to your chest", "Lower your {side} leg"),
    "double_knee_to_chest": ("Hold both knees gently", "Lower one leg, then the other"),
    "inner_thigh_squeeze": ("Squeeze gently", "Relax your legs"),
    "figure_four": ("Hold: {side} ankle on the other knee, lift gently", "Lower and relax"),
    "supine_twist": ("Hold: knees to the {side}, shoulders down", "Bring your knees back up"),
    "side_lying_quad_stretch": ("Hold: {side} heel toward your bottom", "Let your leg go"),
    "bridge": ("Hold your hips up", "Lower your hips slowly"),
    "triangle_pose": ("Hold: reach down toward your {side} shin", "Rise back up slowly"),
}
_MOVE_CUES: dict[str, tuple[str, str]] = {
    "cat_cow": (
        "Breathe in: let your belly drop, look up",
        "Breathe out: round your back, tuck your chin",
    ),
    "triangle_pose": ("Reach down toward your {side} shin", "Rise back up slowly"),
}
_GENERIC_HOLD = ("Hold", "Release")
_GENERIC_MOVE = ("Move slowly into the stretch", "Come back slowly")
_SIDE_WORD: dict[str, str] = {
    "knee_to_chest": "leg",
    "figure_four": "leg",
    "side_lying_quad_stretch": "leg",
}


def side_label(exercise_id: str, side: str) -> str:
    """ "right leg", "left side", ... as said to the person."""
    return f"{side} {_SIDE_WORD.get(exercise_id, 'side')}"


def _cue(template: str, side: str | None) -> str:
    """The cue for one step; the side goes in the text only where the sentence needs it
    (players show `side` on its own line)."""
    if "{side}" in template:
        return " ".join(template.format(side=side or "").split())
    return template


def _dosage(planned: PlannedExercise, exercise: Exercise | None) -> Dosage | None:
    if exercise is None:
        return None
    if planned.variant:
        variant = exercise.variant(planned.variant)
        if variant is not None and variant.dosage is not None:
            return variant.dosage
    return exercise.dosage


def _side_order(planned: PlannedExercise) -> Iterator[tuple[int, str | None]]:
    """(rep, side) pairs in the order they are done."""
    reps = max(1, planned.reps)
    if planned.alternating:
        if planned.per_side:
            for rep in range(1, reps + 1):
                for side in SIDES:
                    yield rep, side
        else:
            for rep in range(1, reps + 1):
                yield rep, SIDES[(rep - 1) % 2]
    elif planned.per_side:
        for side in SIDES:
            for rep in range(1, reps + 1):
                yield rep, side
    else:
        for rep in range(1, reps + 1):
            yield rep, None


def _step(
    planned: PlannedExercise,
    kind: str,
    seconds: int,
    text: str,
    rep: int | None = None,
    of_reps: int | None = None,
    side: str | None = None,
) -> Step:
    return Step(
        exercise_id=planned.id,
        kind=kind,
        seconds=seconds,
        text=text,
        rep=rep,
        of_reps=of_reps,
        side=side,
        name=planned.name,
        level=planned.level,
    )


def exercise_steps(
    planned: PlannedExercise,
    move_seconds: int,
    rest_seconds: int,
    key_text: str = "",
) -> tuple[Step, ...]:
    """The steps of one exercise: get ready, reps (holds or move phases), rests, side switches."""
    reps = max(1, planned.reps)
    ready = f"Get ready: {planned.name}. {key_text}".strip()
    changed = planned.status is Status.MODIFIED
    ready_seconds = GET_READY_CHANGED_SECONDS if changed else GET_READY_SECONDS
    steps: list[Step] = [_step(planned, "get_ready", ready_seconds, ready, None, reps)]
    # A variant is a different movement (seated, standing): the lying-down cues would be wrong.
    hold_cues = {} if planned.variant else _HOLD_CUES
    move_cues = {} if planned.variant else _MOVE_CUES
    if planned.hold_seconds:
        hold, release = hold_cues.get(planned.id, _GENERIC_HOLD)
        phases = (("hold", planned.hold_seconds, hold), ("release", move_seconds, release))
    else:
        first, second = move_cues.get(planned.id, _GENERIC_MOVE)
        phases = (("move", move_seconds, first), ("move", move_seconds, second))
    order = list(_side_order(planned))
    for index, (rep, side) in enumerate(order):
        if index > 0:
            switched = side != order[index - 1][1] and not planned.alternating
            if switched:
                text = f"Switch to your {side_label(planned.id, side or '')}"
                steps.append(
                    _step(planned, "switch_side", SWITCH_SIDE_SECONDS, text, None, reps, side)
                )
            elif rest_seconds > 0 and planned.hold_seconds:
                steps.append(_step(planned, "rest", rest_seconds, "Rest", rep, reps, side))
        for kind, seconds, template in phases:
            text = _cue(template, side)
            steps.append(_step(planned, kind, seconds, text, rep, reps, side))
    return tuple(steps)


def script_seconds(planned: PlannedExercise, dosage: Dosage) -> int:
    """Seconds one planned exercise takes in a session (get-ready included); 0 when skipped.

    The planner uses this for its estimated minutes, so both always agree.
    """
    if planned.status is Status.SKIPPED:
        return 0
    # Every plan asks this of each exercise; the steps' seconds depend on these alone (the
    # rest is their text), so each such timing is worked out from the steps once.
    key = (
        planned.status is Status.MODIFIED,
        planned.reps,
        planned.hold_seconds,
        planned.per_side,
        planned.alternating,
        dosage.move_seconds,
        dosage.rest_seconds,
    )
    seconds = _SECONDS.get(key)
    if seconds is None:
        steps = exercise_steps(planned, dosage.move_seconds, dosage.rest_seconds)
        if len(_SECONDS) >= 4096:
            _SECONDS.clear()
        seconds = _SECONDS[key] = sum(s.seconds for s in steps)
    return seconds


_SECONDS: dict[tuple[object, ...], int] = {}
"""`script_seconds` by timing (kept small: a catalog has a few dozen doses in use)."""


def _key_text(planned: PlannedExercise, exercise: Exercise | None) -> str:
    if planned.status is Status.MODIFIED and planned.steps:
        return f"Changed for you today: {planned.steps[0]}"
    if exercise is not None and exercise.key_instruction:
        return exercise.key_instruction
    return planned.steps[0] if planned.steps else ""


def build_script(plan: DayPlan, catalog: Catalog) -> Script:
    """The whole timed session for a day's plan; skipped exercises are left out."""
    steps: list[Step] = []
    exercises: list[ScriptExercise] = []
    for planned in plan.active:
        exercise = catalog.exercise(planned.id) if catalog.has_exercise(planned.id) else None
        dosage = _dosage(planned, exercise) or Dosage(hold_seconds=None, reps=None, per_side=False)
        key_text = _key_text(planned, exercise)
        steps.extend(exercise_steps(planned, dosage.move_seconds, dosage.rest_seconds, key_text))
        exercises.append(
            ScriptExercise(
                id=planned.id,
                name=planned.name,
                level=planned.level,
                reps=max(1, planned.reps),
                per_side=planned.per_side,
                status=planned.status,
                steps=planned.steps,
                key_instruction=key_text,
                variant=planned.variant,
                reason=planned.reason,
            )
        )
    done_text = "Well done. That is all for today." if exercises else "No exercises to do today."
    steps.append(Step(exercise_id=None, kind="done", seconds=0, text=done_text))
    return Script(
        date=plan.date, steps=tuple(steps), exercises=tuple(exercises), message=plan.message
    )
