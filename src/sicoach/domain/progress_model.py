"""What the progress figures are: the values `sicoach.domain.progress` computes, as types.

The terminal, the web page, the report and the exports read these; how they are computed
(and the sources of the thresholds) is in `sicoach.domain.progress`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sicoach.domain.vocabulary import SYMPTOM_GROUPS

FUNCTION_MEANINGFUL_POINTS = 2.0
WEEKLY_GOAL_MINUTES = 150
MAX_FUNCTION_ACTIVITIES = 5
"""The Patient-Specific Functional Scale method asks for 3-5 activities; we allow up to 5."""

SYMPTOM_GROUP_OF: dict[str, str] = {c: g for g, codes in SYMPTOM_GROUPS.items() for c in codes}
"""Each symptom code's group in the vocabulary."""
RED_FLAG_GROUPS: tuple[str, ...] = ("emergency", "urgent", "pregnancy")


class Meaning(StrEnum):
    """What a change from the first week means for the person."""

    BETTER = "better"
    """Improved by at least the meaningful amount."""
    WORSE = "worse"
    """Worsened by at least the meaningful amount."""
    SMALL = "small"
    """Some change, but smaller than the meaningful amount."""
    UNKNOWN = "unknown"
    """Not enough data to compare yet."""


@dataclass(frozen=True)
class DayValue:
    """One day's rating (None if not given) and the mean of the 7 days ending that day."""

    date: date
    value: int | None
    average: float | None


@dataclass(frozen=True)
class Change:
    """The first week's mean against the latest week's mean.

    `difference` is latest minus baseline; `percent` is that difference relative to the
    baseline (None when the baseline is 0).
    """

    baseline: float | None
    latest: float | None
    difference: float | None
    percent: float | None
    meaning: Meaning
    summary: str


@dataclass(frozen=True)
class Trend:
    """A 0-10 rating over the program: every day from the start, and the change."""

    name: str
    days: tuple[DayValue, ...]
    baseline_start: date | None
    baseline_end: date | None
    change: Change

    @property
    def values(self) -> tuple[DayValue, ...]:
        """Only the days that hold a rating."""
        return tuple(d for d in self.days if d.value is not None)


@dataclass(frozen=True)
class Adherence:
    """Guided sessions done on the planned training days, and the current run of them.

    `planned_days` counts training days from the start up to `on`; today counts only once a
    session is done (the day is not over). `current_streak` is the number of training days
    in a row, counted back from the latest, that each hold a session.
    """

    training_days: tuple[int, ...]
    planned_days: int
    done_days: int
    sessions: int
    current_streak: int
    summary: str

    @property
    def fraction(self) -> float | None:
        return None if self.planned_days == 0 else self.done_days / self.planned_days


@dataclass(frozen=True)
class WeekMinutes:
    """Aerobic minutes in one ISO week (Monday to Sunday)."""

    week_start: date
    label: str
    minutes: int
    target: int
    goal: int

    @property
    def met_target(self) -> bool:
        return self.minutes >= self.target

    @property
    def met_goal(self) -> bool:
        return self.minutes >= self.goal


@dataclass(frozen=True)
class Aerobic:
    weeks: tuple[WeekMinutes, ...]
    goal: int
    total_minutes: int
    summary: str


@dataclass(frozen=True)
class HurtExercise:
    """An exercise marked "it hurts" in sessions: how often and when last."""

    id: str
    name: str
    count: int
    last_date: date


@dataclass(frozen=True)
class SymptomHistory:
    """One symptom code over time: on how many days it was reported, first and last."""

    code: str
    label: str
    group: str
    days: int
    first: date
    last: date
    dates: tuple[date, ...]

    @property
    def red_flag(self) -> bool:
        return self.group in RED_FLAG_GROUPS


@dataclass(frozen=True)
class ActivityScore:
    """One of "my activities": first and latest score (0 unable .. 10 as before)."""

    activity: str
    first_score: int
    first_date: date
    latest_score: int
    latest_date: date
    ratings: tuple[tuple[date, int], ...]

    @property
    def change(self) -> int:
        return self.latest_score - self.first_score


@dataclass(frozen=True)
class FunctionSummary:
    """The activities and the average score: first ratings against latest ratings."""

    activities: tuple[ActivityScore, ...]
    first_average: float | None
    latest_average: float | None
    meaning: Meaning
    summary: str

    @property
    def change(self) -> float | None:
        if self.first_average is None or self.latest_average is None:
            return None
        return self.latest_average - self.first_average


@dataclass(frozen=True)
class Progress:
    on: date
    start: date | None
    pain: Trend
    mobility: Trend
    adherence: Adherence
    aerobic: Aerobic
    hurt: tuple[HurtExercise, ...]
    symptoms: tuple[SymptomHistory, ...]
    function: FunctionSummary
    period_adherence: Adherence | None = None
    """Sessions against training days counted from `period_start` only (for a report)."""

    @property
    def summaries(self) -> tuple[str, ...]:
        """One plain sentence per area, in the order the pages show them."""
        return (
            self.pain.change.summary,
            self.mobility.change.summary,
            self.adherence.summary,
            self.aerobic.summary,
            self.function.summary,
        )

    @property
    def red_flags(self) -> tuple[SymptomHistory, ...]:
        return tuple(s for s in self.symptoms if s.red_flag)


def fmt_number(value: float) -> str:
    """A figure for people: one decimal, without a trailing ".0" (2.0 -> "2", 2.46 -> "2.5")."""
    rounded = round(value + 0.0, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}"
