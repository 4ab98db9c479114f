"""The week's aerobic target and today's suggestion (walking, swimming, cycling, tai chi).

The guide gives the start (walks of 10-15 minutes) and the goal (150 minutes a week, about
30 minutes on five days). How fast to get from one to the other is not in the guide and no
good study fixes it (docs/clinical-notes.md §5), so the growth rule here is OUR default and
every reason that uses it says so:

- a week runs Monday to Sunday;
- the first week's target is the guide's start (5 days x 10 minutes = 50) or, when the person
  already logged more in the week before, what they logged, never above the goal;
- each later week starts from the higher of last week's target and last week's logged
  minutes, then grows by about 10% or 5 minutes a day (over the 5 active days), whichever is
  smaller, only while pain is not rising, and never above the goal (150).

"Pain rising" for a week: its average daily pain is at least 1 point above the week before
(our default; smaller than the 2-point meaningful change on purpose, to stay cautious).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sicoach.domain.exercises import AerobicItem
from sicoach.domain.journal import Journal

GROWTH_FRACTION = 0.10
"""Our default: the weekly target grows by about 10% ..."""
GROWTH_MINUTES_PER_DAY = 5
"""... or 5 minutes a day over the active days, whichever is smaller."""
RISING_PAIN_POINTS = 1.0
"""Our default: a week's mean pain this much above the week before counts as rising."""
KIND_LOOKBACK_DAYS = 28
"""Today's suggested kind is the one logged most in this many days (our default)."""

GROWTH_RULE_TEXT = (
    "Our own rule, not the guide's: the weekly target grows by about 10% or 5 minutes a day, "
    "whichever is smaller, and only while your pain is not rising."
)


@dataclass(frozen=True)
class PhysioAerobic:
    """A physio's weekly goal (minutes, at most the guide's 150) and, when set, the shortest
    walk a day (minutes): the week's target is capped at the goal and held at least at that
    walk on each active day."""

    week_minutes: int
    walk_minutes: int | None = None

    def words(self) -> str:
        """ "90 minutes a week, walks of at least 10 minutes"."""
        walk = f", walks of at least {self.walk_minutes} minutes" if self.walk_minutes else ""
        return f"{self.week_minutes} minutes a week{walk}"


def weekly_goal(item: AerobicItem, physio: PhysioAerobic | None) -> int:
    """The weekly goal the plan works to: the physio's when they set one, else the guide's."""
    return item.weekly_goal_minutes if physio is None else physio.week_minutes


def physio_target(item: AerobicItem, minutes: int, physio: PhysioAerobic | None) -> int:
    """A week's target under a physio's goal: capped at it, and at least their shortest walk
    on each active day when they set one."""
    if physio is None:
        return minutes
    floor = physio.walk_minutes * item.sessions_per_week if physio.walk_minutes else 0
    return min(physio.week_minutes, max(minutes, floor))


@dataclass(frozen=True)
class AerobicPlan:
    weekly_goal_minutes: int
    week_target_minutes: int
    week_done_minutes: int
    today_kind: str | None
    today_minutes: int
    reason: str
    """The whole explanation: `headline` then `why_this_number` (API and terminal)."""
    headline: str = ""
    """What to do today, in a sentence or two (the main text on Today)."""
    why_this_number: str = ""
    """The arithmetic and the rule behind the numbers (behind "Why this number?")."""


def week_start(on: date) -> date:
    """The Monday of the week holding `on`."""
    return on - timedelta(days=on.weekday())


def minutes_between(journal: Journal, first: date, last: date) -> int:
    """Logged aerobic minutes from `first` to `last`, both included."""
    return sum(a.minutes for a in journal.activities if first <= a.date <= last)


def _mean_pain(journal: Journal, first: date, last: date) -> float | None:
    values = [c.pain for c in journal.checkins if first <= c.date <= last and c.pain is not None]
    return sum(values) / len(values) if values else None


def pain_rising(journal: Journal, monday: date) -> bool:
    """True when the week from `monday` had clearly more pain than the week before it."""
    this_week = _mean_pain(journal, monday, monday + timedelta(days=6))
    before = _mean_pain(journal, monday - timedelta(days=7), monday - timedelta(days=1))
    if this_week is None or before is None:
        return False
    return this_week - before >= RISING_PAIN_POINTS


def growth(target: int, active_days: int) -> int:
    """How much a weekly target grows: about 10% or 5 min a day, whichever is smaller."""
    return max(1, min(math.ceil(target * GROWTH_FRACTION), GROWTH_MINUTES_PER_DAY * active_days))


def round_up_to_five(minutes: int) -> int:
    """Targets a person can keep in mind: whole multiples of 5 minutes (61 reads as 65)."""
    return 5 * math.ceil(minutes / 5)


def start_target(item: AerobicItem) -> int:
    """The guide's start: its shortest walk on each of the active days (5 x 10 = 50)."""
    return item.walking_start_minutes.min * item.sessions_per_week


@dataclass(frozen=True)
class WeekTarget:
    minutes: int
    grew: bool
    held_for_pain: bool
    from_logged: bool


def week_target(
    item: AerobicItem,
    journal: Journal,
    on: date,
    *,
    hold: bool = False,
    carried: tuple[date, int] | None = None,
) -> WeekTarget:
    """The target for the week holding `on`, worked out week by week from the start.

    `hold` keeps this week at last week's target (no growth), e.g. while a doctor's check is due.
    `carried` is (a Monday before this week, the target the weeks before it came to): the
    walk then starts there, and `journal` need only hold the records from the week before.
    """
    *_walked, (_monday, last) = _walk(item, journal, on, hold, carried)
    return last


def week_targets(
    item: AerobicItem, journal: Journal, on: date, carried: tuple[date, int] | None = None
) -> dict[date, int]:
    """Every week's target (by its Monday) up to the week holding `on`, from one walk: each
    equals `week_target` of that week (the progress page shows the last few). With
    `carried` (as for `week_target`), the weeks from its Monday on."""
    out = {monday: result.minutes for monday, result in _walk(item, journal, on, False, carried)}
    if carried is not None and carried[0] < week_start(on):
        out[carried[0]] = carried[1]  # the walk starts there: that week's target is carried
    return out


def _walk(
    item: AerobicItem,
    journal: Journal,
    on: date,
    hold: bool,
    carried: tuple[date, int] | None,
) -> Iterator[tuple[date, WeekTarget]]:
    """The target of each week from the first walked one to the week holding `on`, in order
    (the last is `week_target`'s answer)."""
    goal = item.weekly_goal_minutes
    this_monday = week_start(on)
    start = journal.start_date or on
    monday = min(week_start(start), this_monday)
    # one pass over the record: minutes and pain by week (a long journal stays fast)
    minutes_by_week: Counter[date] = Counter()
    for a in journal.activities:
        minutes_by_week[week_start(a.date)] += a.minutes
    pain_by_week: dict[date, list[int]] = {}
    for c in journal.checkins:
        if c.pain is not None:
            pain_by_week.setdefault(week_start(c.date), []).append(c.pain)

    def mean(week: date) -> float | None:
        values = pain_by_week.get(week)
        return sum(values) / len(values) if values else None

    logged_before = minutes_by_week[monday - timedelta(days=7)]
    target = min(goal, round_up_to_five(max(start_target(item), logged_before)))
    result = WeekTarget(target, False, False, logged_before > start_target(item))
    if carried is not None and carried[0] < this_monday:
        monday, target = carried
    yield monday, result
    while monday < this_monday:
        next_monday = monday + timedelta(days=7)
        done = minutes_by_week[monday]
        now, before = mean(monday), mean(monday - timedelta(days=7))
        rising = now is not None and before is not None and now - before >= RISING_PAIN_POINTS
        base = max(target, done)
        if rising or (hold and next_monday == this_monday):
            new = target
        else:
            new = base + growth(base, item.sessions_per_week)
        new = min(goal, round_up_to_five(new))
        result = WeekTarget(new, new > target and not rising, rising, done > target)
        target = new
        monday = next_monday
        yield monday, result


def usual_kind(journal: Journal, on: date) -> str:
    """The kind logged most (by minutes) in the last four weeks; walking when none."""
    first = on - timedelta(days=KIND_LOOKBACK_DAYS)
    counts: Counter[str] = Counter()
    latest: dict[str, date] = {}
    for a in journal.activities:
        if first <= a.date <= on:
            counts[a.kind] += a.minutes
            latest[a.kind] = max(latest.get(a.kind, a.date), a.date)
    if not counts:
        return "walking"
    return max(counts, key=lambda k: (counts[k], latest[k], k))


def plan_aerobic(
    item: AerobicItem,
    journal: Journal,
    on: date,
    *,
    stop: bool = False,
    stop_reason: str = "",
    hold: bool = False,
    carried: tuple[date, int] | None = None,
    physio: PhysioAerobic | None = None,
) -> AerobicPlan:
    """This week's target, what is done, and today's suggestion (kind and minutes); a
    physio's goal and shortest walk (`physio`) over the guide's."""
    goal = weekly_goal(item, physio)
    monday = week_start(on)
    target = week_target(item, journal, on, hold=hold, carried=carried)
    start = item.walking_start_minutes.min
    if physio is not None:
        start = physio.walk_minutes or start
        target = replace(target, minutes=physio_target(item, target.minutes, physio))
    done = minutes_between(journal, monday, on)
    done_before = minutes_between(journal, monday, on - timedelta(days=1))
    if stop:
        words = stop_reason or "No activity today: stop first."
        return AerobicPlan(goal, target.minutes, done, None, 0, words, words)
    kind = usual_kind(journal, on)
    remaining = target.minutes - done_before
    days_left = 7 - on.weekday()
    daily_cap = max(start, math.ceil(target.minutes / item.sessions_per_week))
    arithmetic = ""
    if remaining <= 0:
        today = 0
        head = (
            f"You have reached this week's target of {target.minutes} minutes. "
            "Extra gentle activity is welcome but not needed."
        )
    else:
        today = min(
            round_up_to_five(daily_cap),
            round_up_to_five(max(start, math.ceil(remaining / days_left))),
        )
        head = f"About {today} minutes of {kind.replace('_', ' ')} today."
        arithmetic = (
            f"{remaining} minutes of this week's {target.minutes} were left when today began, "
            f"over {days_left} day{'s' if days_left != 1 else ''}, so about {today} today (never "
            f"under {start} minutes, nor more than the week's target shared over "
            f"{item.sessions_per_week} days, in whole 5-minute steps). "
        )
        # Today's suggestion stays put when the person logs a walk; say what is logged so the
        # words agree with the week's bar (which counts today).
        if done > done_before:
            head += f" You have logged {done - done_before} minutes today."
    if hold:
        why = "The target stays where it was until you have seen a doctor."
    elif target.held_for_pain:
        why = "The target did not grow this week because your pain went up last week."
    elif target.minutes >= goal:
        why = f"You are at the full goal of {goal} minutes a week."
    elif target.grew:
        why = "The target grew a little from last week."
    else:
        why = f"We start from the guide's {start}-minute walks and build up to {goal} a week."
    if physio is not None:
        why = f"Your physio set your goal: {physio.words()}. {why}"
    behind = f"{arithmetic}{why} {GROWTH_RULE_TEXT}"
    return AerobicPlan(goal, target.minutes, done, kind, today, f"{head} {behind}", head, behind)
