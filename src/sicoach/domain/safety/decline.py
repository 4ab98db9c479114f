"""Slow declines the journal already holds: worst pain rising while the average is flat,
movement falling, and the person's own activities getting harder. Each -> see_doctor.
"""

from __future__ import annotations

from datetime import date, timedelta

from sicoach.domain import measures
from sicoach.domain.safety.facts import Facts, mean
from sicoach.domain.safety.levels import Level, Reason
from sicoach.domain.safety.registry import rule
from sicoach.domain.safety.thresholds import (
    ACTIVITIES_FALL_POINTS,
    MOBILITY_FALL_POINTS,
    WORSE_FROM_DAY,
    WORSE_MIN_RECENT_READINGS,
    WORST_RISES_BY,
)
from sicoach.domain.safety.trends import MOBILITY, PAIN, WORST_PAIN, _trend
from sicoach.domain.safety.wording import BOOK_VISIT, SRC_ACTIVITIES, SRC_GUIDE


@rule("worst_pain_rising", Level.SEE_DOCTOR, SRC_GUIDE)
def worst_pain_rising(f: Facts) -> list[Reason]:
    """Worst pain rising while the average pain is flat -> `worst_pain_rising`.

    From day 8 of the worst pain's record: the recent week's worst pain is 1 point or more
    above its first week's (2 recent ratings), while the average pain is not (or has no
    ratings to compare). When both rise, `worse_after_weeks` speaks instead.
    """
    worst = _trend(f, WORST_PAIN)
    if worst is None or worst.day < WORSE_FROM_DAY:
        return []
    if worst.recent_count < WORSE_MIN_RECENT_READINGS or worst.now - worst.first < WORST_RISES_BY:
        return []
    pain = _trend(f, PAIN)
    if pain is None or pain.now - pain.first >= WORST_RISES_BY:
        return []
    return [
        Reason(
            "worst_pain_rising",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} Your worst pain of the day has gone up ({worst.first:.1f} in your "
            f"first week, {worst.now:.1f} now) even though your usual pain has not; bad "
            "moments that grow should be checked.",
            SRC_GUIDE,
        )
    ]


def _mobility_between(f: Facts, start: date, end: date) -> float | None:
    return mean(c.mobility for c in f.checkins_between(start, end))


@rule("mobility_falling", Level.SEE_DOCTOR, SRC_GUIDE)
def mobility_falling(f: Facts) -> list[Reason]:
    """Movement clearly falling -> `mobility_falling`.

    The last 7 days' average mobility (`on - 6` .. `on`) is 2 points or more below the
    7 days before them (`on - 13` .. `on - 7`), or, from day 8 of the mobility record,
    below the first week's. Needs a rating on each side.
    """
    now = _mobility_between(f, f.on - timedelta(days=measures.RECENT_WEEK_DAYS - 1), f.on)
    if now is None:
        return []
    before = _mobility_between(
        f,
        f.on - timedelta(days=2 * measures.RECENT_WEEK_DAYS - 1),
        f.on - timedelta(days=measures.RECENT_WEEK_DAYS),
    )
    first = _trend(f, MOBILITY)
    earlier = [before] if before is not None else []
    if first is not None and first.day >= WORSE_FROM_DAY:
        earlier.append(first.first)
    if not earlier or max(earlier) - now < MOBILITY_FALL_POINTS:
        return []
    return [
        Reason(
            "mobility_falling",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} You are moving less freely ({max(earlier):.1f} before, {now:.1f} "
            "in the last week); movement that gets harder over a week or two should be "
            "checked.",
            SRC_GUIDE,
        )
    ]


@rule("activities_falling", Level.SEE_DOCTOR, SRC_ACTIVITIES)
def activities_falling(f: Facts) -> list[Reason]:
    """Your own activities getting harder -> `activities_falling`.

    For each activity rated on 2 or more days: its latest score minus its first. The
    average of those changes is -2 or lower (a meaningful change).
    """
    by_activity: dict[str, list[int]] = {}
    for r in f.function:
        by_activity.setdefault(r.activity, []).append(r.score)
    changes = [scores[-1] - scores[0] for scores in by_activity.values() if len(scores) >= 2]
    change = mean(changes)
    if change is None or change > -ACTIVITIES_FALL_POINTS:
        return []
    return [
        Reason(
            "activities_falling",
            Level.SEE_DOCTOR,
            f"{BOOK_VISIT} The activities you rate have got harder ({-change:.1f} points lower "
            "on average than when you started); a doctor or physio can check why.",
            SRC_ACTIVITIES,
        )
    ]
