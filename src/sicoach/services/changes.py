"""What saving something changed: the safety level, today's plan, the week's walking.

A person who saves a check-in or a walk sees a short line on the page they return to, and
what it changed ("Safety: now see a doctor today. Today's plan: Bridge left out."), so a
saved answer never disappears without a trace. Worked out once here for every face.
"""

from __future__ import annotations

from dataclasses import dataclass

from sicoach.domain.safety import Level
from sicoach.services.context import Context

LEVEL_WORDS: dict[Level, str] = {
    Level.CONTINUE: "carry on",
    Level.SEE_DOCTOR: "book a visit to your doctor",
    Level.URGENT: "stop the exercises and see a doctor today",
    Level.EMERGENCY: "get help now",
}
"""The safety level in a few action words, for the line after a save."""


@dataclass(frozen=True)
class DaySnapshot:
    """The parts of today a save can change."""

    level: Level
    stops_exercise: bool
    active: tuple[str, ...]
    names: dict[str, str]
    walked: int
    target: int


def snapshot(ctx: Context) -> DaySnapshot:
    """Today as it stands now (read before and after a save)."""
    from sicoach.services.plan import plan_today

    plan = plan_today(ctx)
    return DaySnapshot(
        level=plan.safety.level,
        stops_exercise=plan.safety.stops_exercise,
        active=tuple(e.id for e in plan.active),
        names={e.id: e.name for e in plan.exercises},
        walked=plan.aerobic.week_done_minutes,
        target=plan.aerobic.week_target_minutes,
    )


def what_changed(before: DaySnapshot, after: DaySnapshot, walking: bool = False) -> str:
    """One or two short sentences: the safety level and today's plan, before and after
    (and the week's walking when `walking`)."""
    parts = []
    if after.level != before.level:
        parts.append(f"Safety: now {LEVEL_WORDS[after.level]}.")
    else:
        parts.append("Safety: no change.")
    if after.stops_exercise and not before.stops_exercise:
        parts.append("Today's plan: no exercises today.")
    elif after.active == before.active:
        parts.append("Today's plan: no change.")
    else:
        out = [after.names.get(i, i) for i in before.active if i not in after.active]
        back = [after.names.get(i, i) for i in after.active if i not in before.active]
        words = []
        if out:
            words.append(f"{', '.join(out)} left out")
        if back:
            words.append(f"{', '.join(back)} added")
        parts.append(f"Today's plan: {'; '.join(words) or 'changed'}.")
    if walking:
        parts.append(f"This week: {after.walked} of {after.target} minutes.")
    return " ".join(parts)
