"""A clinician's dose for the program: repetitions and hold inside the guide's range, the
weekly walking goal and shortest walk, and the pregnancy forms; each checked field by field
(`InputError` naming it, nothing written) and stored with the clinician's record."""

from __future__ import annotations

from dataclasses import replace

from sicoach.domain.journal import PlanChoices, ProgramChange
from sicoach.domain.plan import PhysioAerobic, PhysioDose
from sicoach.services.context import Context
from sicoach.services.errors import InputError
from sicoach.services.plan import checked_exercise_id, update_choices

OPEN_RANGE_LIMIT = 2
"""A guide's open range ("10 or more") lets a physio set up to twice its least (ours)."""


def _whole(value: int | str | None, field_name: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return int(value)
    except ValueError:
        raise InputError(field_name, f"{value!r} is not a whole number") from None


def _inside(value: int, low: int, high: int, field_name: str, what: str) -> int:
    if not low <= value <= high:
        span = f"{low}-{high}" if high != low else str(low)
        raise InputError(field_name, f"{value} is outside the guide's {span} {what}")
    return value


def checked_dose(
    ctx: Context, exercise_id: str, reps: int | str | None, hold_seconds: int | str | None
) -> PhysioDose:
    """A dose inside the guide's range for the exercise (`InputError` naming the field)."""
    dosage = ctx.catalog.exercise(checked_exercise_id(ctx, exercise_id)).dosage
    count = _whole(reps, "reps")
    hold = _whole(hold_seconds, "hold_seconds")
    if dosage.reps is None:
        raise InputError("reps", "this exercise has no repetitions to set")
    if count is None:
        raise InputError("reps", "say how many repetitions")
    top = dosage.reps.max if dosage.reps.max is not None else dosage.reps.min * OPEN_RANGE_LIMIT
    _inside(count, dosage.reps.min, top, "reps", "repetitions")
    if dosage.hold_seconds is None:
        if hold is not None:
            raise InputError("hold_seconds", "this exercise has no hold; leave it empty")
        return PhysioDose(count)
    rng = dosage.hold_seconds
    hold = rng.min if hold is None else _inside(hold, rng.min, rng.top, "hold_seconds", "seconds")
    return PhysioDose(count, hold)


def set_dose(ctx: Context, exercise_id: str, dose: PhysioDose, record: ProgramChange) -> None:
    """A clinician's dose for one exercise (checked by `checked_dose`), in the record."""
    checked_exercise_id(ctx, exercise_id)
    update_choices(
        ctx, lambda c: c, replace(record, reps=dose.reps, hold_seconds=dose.hold_seconds)
    )


def clear_dose(ctx: Context, exercise_id: str, record: ProgramChange) -> PlanChoices:
    """A clinician gives an exercise back to the app's own steps."""
    checked_exercise_id(ctx, exercise_id)
    return update_choices(ctx, lambda c: c, record)


def checked_aerobic(
    ctx: Context, week_minutes: int | str | None, walk_minutes: int | str | None
) -> PhysioAerobic:
    """A weekly goal above 0 and at most the guide's (150), and a shortest walk up to the
    guide's daily 30 minutes, both in whole 5-minute steps (`InputError` naming the field)."""
    item = ctx.catalog.aerobic
    goal = _whole(week_minutes, "week_minutes")
    if goal is None or not 0 < goal <= item.weekly_goal_minutes or goal % 5:
        raise InputError(
            "week_minutes",
            f"use 5 to {item.weekly_goal_minutes} minutes a week, in steps of 5 (the guide's "
            f"goal is {item.weekly_goal_minutes})",
        )
    walk = _whole(walk_minutes, "walk_minutes")
    if walk is not None and (not 0 < walk <= item.minutes_per_session or walk % 5):
        raise InputError(
            "walk_minutes", f"use 5 to {item.minutes_per_session} minutes, in steps of 5"
        )
    return PhysioAerobic(goal, walk)


def set_aerobic(ctx: Context, goal: PhysioAerobic, record: ProgramChange) -> None:
    """A clinician's weekly goal and shortest walk (checked by `checked_aerobic`)."""
    values = replace(record, week_minutes=goal.week_minutes, walk_minutes=goal.walk_minutes)
    update_choices(ctx, lambda c: c, values)


def set_pregnancy_forms(ctx: Context, record: ProgramChange) -> None:
    """A clinician turns the pregnancy forms on or off (`record.change` says which)."""
    update_choices(ctx, lambda c: c, record)
