"""The measures every part of SI Coach reads the same way, defined once.

The safety rules, the plan, the progress figures, the pages, the report and the exports all
ask these functions, so that "your first week", "a meaningful change", "it hurt" and "done"
never mean two things (docs/clinical-notes.md §2 and §3).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the faces read the weekday names without the journal
    from sicoach.domain.journal import ExerciseResult

FIRST_WEEK_DAYS = 7
"""The first week of the program is the starting point every change is measured from."""
RECENT_WEEK_DAYS = 7
"""The recent week is the 7 days ending on the day looked at."""
MEANINGFUL_POINTS = 2.0
MEANINGFUL_FRACTION = 0.30
"""A change of 2 points or 30% of the first week's average matters (Ostelo et al. 2008)."""
PAIN_FINE_MAX = 3
"""Pain during an exercise of 0-3 is fine; 4-5 is sore but acceptable (Silbernagel 2007)."""
HURT_PAIN = 6
"""Pain during an exercise of 6 or more is too much: the exercise hurt (above 5)."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Day names as people read them, indexed like `date.weekday()` (0 is Monday)."""

_TOLERANCE = 1e-9
"""Averages are floats: 1.9999999999 from a mean of 2-point steps still is 2 points."""


def program_first_week(program_start: date | None, checkin_days: Iterable[date]) -> date | None:
    """The first day of the program's first week.

    The program's start (the profile's start date, or the first record) when someone
    checked in during its first 7 days; otherwise the first check-in, so that a start with
    no check-ins (only a profile, only a screen) does not leave nothing to compare with.
    """
    days = sorted(checkin_days)
    if not days:
        return program_start
    if program_start is not None and any(in_week(day, program_start) for day in days):
        return program_start
    return days[0]


def first_week_of(program_week: date | None, rated_days: Iterable[date]) -> date | None:
    """The first day of one measure's first week (pain, worst pain, mobility).

    The program's first week when the measure was rated in it; otherwise the 7 days from
    its first rating. None when the measure was never rated.
    """
    days = sorted(rated_days)
    if not days or program_week is None:
        return None
    if any(in_week(day, program_week) for day in days):
        return program_week
    return days[0]


def in_week(day: date, week_start: date) -> bool:
    """`day` falls in the 7 days from `week_start`."""
    return week_start <= day < week_start + timedelta(days=FIRST_WEEK_DAYS)


def in_recent_week(day: date, on: date, first_week: date) -> bool:
    """`day` is one of the 7 days ending on `on`, and not a day of the first week."""
    since = on - timedelta(days=RECENT_WEEK_DAYS - 1)
    return since <= day <= on and not in_week(day, first_week)


def is_meaningful(change: float, first_week_average: float) -> bool:
    """A change (either way) of at least 2 points or 30% of the first week's average."""
    size = abs(change)
    if size >= MEANINGFUL_POINTS - _TOLERANCE:
        return True
    return first_week_average > 0 and size / first_week_average >= MEANINGFUL_FRACTION - _TOLERANCE


def it_hurt(result: ExerciseResult) -> bool:
    """Marked "it hurts", or rated 6 or more during it; skipped or not (an exercise stopped
    because it hurt is often saved as skipped too)."""
    return result.hurt or (result.pain is not None and result.pain >= HURT_PAIN)


def was_sore(result: ExerciseResult) -> bool:
    """Rated 4 or 5 during it: acceptable, but not yet a reason to make it harder."""
    return result.pain is not None and PAIN_FINE_MAX < result.pain < HURT_PAIN


def is_done(result: ExerciseResult) -> bool:
    """Done: finished, not skipped, and it did not hurt. Only these count toward progress."""
    return not result.skipped and not it_hurt(result)
