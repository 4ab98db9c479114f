"""Pain ratings as day series, and the two shapes the people-at-risk rules look for: a
sudden jump, and pain that keeps rising.

Three series, each one rating per day: the check-in's pain, its worst pain, and the highest
pain given at a session that day (before or after). A shape in any one of them counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from sicoach.domain import measures
from sicoach.domain.safety.facts import Facts
from sicoach.domain.safety.thresholds import (
    FLAG_WINDOW_DAYS,
    PAIN_JUMP_GAP_DAYS,
    PAIN_JUMP_HIGH,
    PAIN_JUMP_LOW_RUN,
    PAIN_JUMP_POINTS,
    RISING_BY_POINTS,
    RISING_MIN_RATINGS,
)

Series = dict[date, int]


def pain_series(f: Facts) -> tuple[Series, ...]:
    """Check-in pain, check-in worst pain, and session pain (the day's highest), over the
    days the shapes below can reach back to."""
    since = f.on - timedelta(days=FLAG_WINDOW_DAYS + measures.RECENT_WEEK_DAYS + PAIN_JUMP_GAP_DAYS)
    checkins = f.checkins_between(since, f.on)
    pain = {c.date: c.pain for c in checkins if c.pain is not None}
    worst = {c.date: c.worst_pain for c in checkins if c.worst_pain is not None}
    session: Series = {}
    for s in f.sessions_since(since):
        values = [v for v in (s.pain_before, s.pain_after) if v is not None]
        if values:
            session[s.date] = max(session.get(s.date, 0), *values)
    return pain, worst, session


@dataclass(frozen=True)
class Jump:
    """A sudden jump in pain: from `before` to `after` on `day`."""

    day: date
    before: int
    after: int


def _jump_on(series: Series, day: date) -> Jump | None:
    now = series[day]
    for gap in range(1, PAIN_JUMP_GAP_DAYS + 1):
        earlier = series.get(day - timedelta(days=gap))
        if earlier is not None:
            if now - earlier >= PAIN_JUMP_POINTS:
                return Jump(day, earlier, now)
            break
    if now >= PAIN_JUMP_HIGH:
        run = [
            v
            for d, v in series.items()
            if day - timedelta(days=measures.RECENT_WEEK_DAYS) <= d < day
        ]
        if run and max(run) <= PAIN_JUMP_LOW_RUN:
            return Jump(day, max(run), now)
    return None


def session_jump(f: Facts) -> Jump | None:
    """Pain 3 or more points higher after a session than before it, in the flag window."""
    since = f.on - timedelta(days=FLAG_WINDOW_DAYS)
    for s in reversed(f.sessions):
        if s.date < since:
            break
        before, after = s.pain_before, s.pain_after
        if before is not None and after is not None and after - before >= PAIN_JUMP_POINTS:
            return Jump(s.date, before, after)
    return None


def latest_jump(f: Facts) -> Jump | None:
    """The latest sudden jump dated in the red-flag window (`on - 7` .. `on`), if any.

    A jump: 3 points or more above the rating of the day before (or of 2 days before when
    the day before has none), or 8 or more when every rating of the 7 days before was 6 or
    less. Also a session that ended 3 or more points above its start.
    """
    since = f.on - timedelta(days=FLAG_WINDOW_DAYS)
    jumps = [
        jump
        for series in pain_series(f)
        for day in series
        if day >= since and (jump := _jump_on(series, day)) is not None
    ]
    within = session_jump(f)
    if within is not None:
        jumps.append(within)
    return max(jumps, key=lambda j: (j.day, j.after - j.before)) if jumps else None


def keeps_rising(f: Facts) -> bool:
    """In one series, at least 3 ratings in the last 7 days, each at least the one before,
    and the last 2 or more points above the first."""
    since = f.on - timedelta(days=measures.RECENT_WEEK_DAYS - 1)
    for series in pain_series(f):
        values = [v for d, v in sorted(series.items()) if d >= since]
        if len(values) < RISING_MIN_RATINGS:
            continue
        steady = all(b >= a for a, b in pairwise(values))
        if steady and values[-1] - values[0] >= RISING_BY_POINTS:
            return True
    return False
