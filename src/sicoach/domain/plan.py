"""Today's routine: which exercises, at what level and dose, skipped or changed and why.

CONTRACT: `plan_day(catalog, journal, on)` -> `DayPlan`. The rules are filled in by the
plan issue; the types are shared with the session script, the pages and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import Journal
from sicoach.domain.safety import Assessment


class Status(StrEnum):
    PLANNED = "planned"
    MODIFIED = "modified"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of the day. `reps` is the count for today (per side when `per_side`).

    `variant` names the modified form in use (e.g. "pregnancy"), `steps` and `position` are
    the instructions to follow today (the variant's when modified), `cautions` what to watch.
    """

    id: str
    name: str
    level: int
    hold_seconds: int | None
    reps: int
    per_side: bool
    alternating: bool
    status: Status
    reason: str
    position: str
    steps: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    variant: str | None = None
    source: str = ""


@dataclass(frozen=True)
class AerobicPlan:
    weekly_goal_minutes: int
    week_target_minutes: int
    week_done_minutes: int
    today_kind: str | None
    today_minutes: int
    reason: str


@dataclass(frozen=True)
class DayPlan:
    date: date
    safety: Assessment
    exercises: tuple[PlannedExercise, ...]
    aerobic: AerobicPlan
    estimated_minutes: int
    training_day: bool = True
    message: str = ""

    @property
    def active(self) -> tuple[PlannedExercise, ...]:
        return tuple(e for e in self.exercises if e.status is not Status.SKIPPED)


def plan_day(catalog: Catalog, journal: Journal, on: date) -> DayPlan:
    raise NotImplementedError("filled in by the plan issue")
