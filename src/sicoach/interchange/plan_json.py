"""The stable JSON shape of a day's plan (`sicoach today --json`, the web API).

    {"date", "safety": {same as `safety --json`},
     "exercises": [{"id", "name", "level", "hold_seconds", "reps", "per_side", "status",
                    "reason", + extras}],
     "aerobic": {"weekly_goal_minutes", "week_target_minutes", "week_done_minutes",
                 "today": {"kind", "minutes"}, "reason"},
     "estimated_minutes", + extras}

Extra keys may be added; the listed ones keep their names and meaning.
"""

from __future__ import annotations

from typing import Any

from sicoach.domain.plan import AerobicPlan, DayPlan, PlannedExercise
from sicoach.interchange.safety_json import assessment_to_dict


def exercise_to_dict(e: PlannedExercise) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "level": e.level,
        "hold_seconds": e.hold_seconds,
        "reps": e.reps,
        "per_side": e.per_side,
        "status": e.status.value,
        "reason": e.reason,
        # extras
        "level_name": e.level_name,
        "alternating": e.alternating,
        "position": e.position,
        "variant": e.variant,
        "steps": list(e.steps),
        "cautions": list(e.cautions),
        "rule": e.rule,
        "action": e.action.value if e.action else None,
        "source": e.source,
    }


def aerobic_to_dict(a: AerobicPlan) -> dict[str, Any]:
    return {
        "weekly_goal_minutes": a.weekly_goal_minutes,
        "week_target_minutes": a.week_target_minutes,
        "week_done_minutes": a.week_done_minutes,
        "today": {"kind": a.today_kind, "minutes": a.today_minutes},
        "reason": a.reason,
    }


def day_plan_to_dict(plan: DayPlan) -> dict[str, Any]:
    """The plan as plain JSON-ready values (dates as ISO strings)."""
    return {
        "date": plan.date.isoformat(),
        "safety": assessment_to_dict(plan.safety),
        "exercises": [exercise_to_dict(e) for e in plan.exercises],
        "aerobic": aerobic_to_dict(plan.aerobic),
        "estimated_minutes": plan.estimated_minutes,
        # extras
        "training_day": plan.training_day,
        "message": plan.message,
    }
