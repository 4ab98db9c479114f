"""The progress page's figures from totals carried before a date plus a bounded window.

The page shows the last 8 weeks of ratings, the last 12 weeks of minutes, and totals over
the whole program (sessions on training days and the current run, the exercises that hurt,
each symptom's days). `ProgressTotals` holds those totals for the records before the plan
carry's `through` (it travels in the same stored carry, built and moved on with it, so it is
kept current in every writing transaction); `windowed_progress` adds the records from
`through` on, and reads the ratings and minutes from a window of `window_start(through,
on)` to `on` plus each first week. A property test (tests/unit/test_progress_carry.py)
checks that the figures the pages show equal `compute_progress` of the whole journal.

What the windowed figures do not hold (the pages never show it; the API and the report
count from the whole journal): the days and weeks before the window, and each symptom's
list of dates (`SymptomHistory.dates` is empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sicoach.domain.journal import Journal
from sicoach.domain.journal_window import Firsts
from sicoach.domain.progress import function_of, trend_of
from sicoach.domain.progress_model import WEEKLY_GOAL_MINUTES, Progress
from sicoach.domain.progress_parts import (
    adherence_of,
    aerobic_of,
    done_days,
    hurt_of,
    hurt_tally,
    minutes_by_week,
    monday_of,
    session_done,
    symptom_tally,
    symptoms_of,
    training_days_of,
)

SHOWN_DAYS = 56
"""The pages chart the ratings of the last 8 weeks (our default)."""
SHOWN_WEEKS = 12
"""The progress page shows the aerobic minutes of the last 12 weeks."""
MEAN_DAYS = 7
"""Each day's line is the mean of the 7 days ending on it."""


@dataclass(frozen=True)
class ProgressTotals:
    """The progress totals of the records before `through` (of a carry built with the
    program's `start` and these `training_days`)."""

    training_days: tuple[int, ...]
    done_by_weekday: tuple[int, ...] = (0, 0, 0, 0, 0, 0, 0)
    """Days from the start holding a session that counts, by weekday (0 is Monday)."""
    sessions: int = 0
    """Sessions that count (`session_done`), from any day."""
    run: int = 0
    """Training days in a row, back from the last one before `through`, each with a session."""
    minutes: int = 0
    """Aerobic minutes from the start."""
    hurt: dict[str, tuple[int, date]] = field(default_factory=dict)
    """Each exercise that hurt: how often, and the last day."""
    symptoms: dict[str, tuple[int, date, date]] = field(default_factory=dict)
    """Each symptom: on how many days, first and last."""


def fold_totals(
    base: ProgressTotals | None, part: Journal, start: date, since: date | None, through: date
) -> ProgressTotals | None:
    """`base` (the records before `since`; None: no records) and the records of `part` from
    `since` (or the beginning) to the day before `through`. None when `base` was counted
    with other training days (the caller then counts from the whole journal)."""
    training = training_days_of(part)
    if base is None:
        base = ProgressTotals(training)
    if base.training_days != training:
        return None

    def inside(day: date) -> bool:
        return (since is None or since <= day) and day < through

    sessions = tuple(s for s in part.sessions if inside(s.date))
    checkins = tuple(c for c in part.checkins if inside(c.date))
    done = done_days(sessions)
    run = _run_back(done, training, max(start, since or start), through - timedelta(1), base.run)
    minutes = sum(a.minutes for a in part.activities if inside(a.date) and a.date >= start)
    by_weekday = list(base.done_by_weekday)
    for day in done:
        if day >= start:
            by_weekday[day.weekday()] += 1
    return ProgressTotals(
        training,
        tuple(by_weekday),
        base.sessions + sum(1 for s in sessions if session_done(s)),
        run,
        base.minutes + minutes,
        _merged_hurt(base.hurt, hurt_tally(sessions)),
        _merged_symptoms(base.symptoms, symptom_tally(checkins)),
    )


def _run_back(
    done: set[date], training: tuple[int, ...], first: date, last: date, before: int
) -> int:
    """Training days in a row back from `last` to `first`, each done; `before` is the run
    that ended the day before `first`, added when none from `first` on was missed."""
    run, day = 0, last
    while day >= first:
        if day.weekday() in training:
            if day not in done:
                return run
            run += 1
        day -= timedelta(days=1)
    return run + before


def _merged_hurt(
    old: Mapping[str, tuple[int, date]], new: Mapping[str, tuple[int, date]]
) -> dict[str, tuple[int, date]]:
    out = dict(old)
    for eid, (count, last) in new.items():
        was = out.get(eid)
        out[eid] = (count, last) if was is None else (was[0] + count, max(was[1], last))
    return out


def _merged_symptoms(
    old: Mapping[str, tuple[int, date, date]], new: Mapping[str, tuple[int, date, date]]
) -> dict[str, tuple[int, date, date]]:
    out = dict(old)
    for code, (days, first, last) in new.items():
        was = out.get(code)
        out[code] = (
            (days, first, last)
            if was is None
            else (was[0] + days, min(was[1], first), max(was[2], last))
        )
    return out


def window_start(through: date, on: date) -> date:
    """The first day of the window the page reads: the totals' `through` (and the week
    before, for the aerobic target's pain rule), the charted days and the 6 days before
    them, and the shown weeks of minutes, whichever is earliest."""
    return min(
        through - timedelta(days=MEAN_DAYS),
        on - timedelta(days=SHOWN_DAYS - 1 + MEAN_DAYS),
        monday_of(on) - timedelta(weeks=SHOWN_WEEKS - 1),
    )


def progress_reads(
    firsts: Firsts, through: date, on: date, shown_from: date | None = None
) -> tuple[tuple[date, date], ...]:
    """The day ranges (both ends included) whose every record `windowed_progress` reads:
    the window (from `shown_from`'s week and the 7 days before it, when given) and each
    first week (the changes' baselines)."""
    first = window_start(through, on)
    if shown_from is not None:
        first = min(first, shown_from - timedelta(days=MEAN_DAYS), monday_of(shown_from))
    return ((first, on), *firsts.spans(on)[1:])


def windowed_progress(
    read: Journal,
    totals: ProgressTotals,
    through: date,
    on: date,
    exercise_names: Mapping[str, str] | None = None,
    symptom_labels: Mapping[str, str] | None = None,
    weekly_goal: int = WEEKLY_GOAL_MINUTES,
    weekly_targets: Mapping[date, int] | None = None,
    shown_from: date | None = None,
) -> Progress:
    """The figures the pages show, as `compute_progress` of the whole journal gives them,
    from `totals` (the records before `through`) and `read`: the records of
    `progress_reads(...)` with the profile and the activity ratings (`through <= on`, and
    the profile's start before `through`). The days listed are the last `SHOWN_DAYS` and
    the weeks the last `SHOWN_WEEKS`, or those from `shown_from` (and its week, and last week
    at least) when given."""
    journal = read.sorted().up_to(on)
    start = journal.start_date
    assert start is not None and start < through <= on
    if shown_from is None:
        shown_from = on - timedelta(days=SHOWN_DAYS - 1)
        first_week = max(monday_of(start), monday_of(on) - timedelta(weeks=SHOWN_WEEKS - 1))
    else:  # the minutes' sentence reads last week too
        last_week = monday_of(on) - timedelta(weeks=1)
        first_week = max(monday_of(start), min(monday_of(shown_from), last_week))
    since = tuple(s for s in journal.sessions if s.date >= through)
    done = done_days(since)
    training = totals.training_days
    planned = _training_days_between(start, on, training)
    if on.weekday() in training and on not in done:
        planned -= 1  # today is not over yet
    last = on if on in done else on - timedelta(days=1)
    run = _run_back(done, training, through, last, totals.run)
    done_count = sum(totals.done_by_weekday[w] for w in training)
    done_count += sum(1 for d in done if d.weekday() in training)
    sessions = totals.sessions + sum(1 for s in since if session_done(s))
    minutes = minutes_by_week(journal, max(start, first_week), on)
    total = totals.minutes + sum(a.minutes for a in journal.activities if a.date >= through)
    goal, targets = weekly_goal, weekly_targets
    hurt = _merged_hurt(totals.hurt, hurt_tally(since))
    seen = _merged_symptoms(
        totals.symptoms, symptom_tally(c for c in journal.checkins if c.date >= through)
    )
    return Progress(
        on=on,
        start=start,
        pain=trend_of("pain", journal.checkins, start, on, shown_from),
        mobility=trend_of("mobility", journal.checkins, start, on, shown_from),
        adherence=adherence_of(training, planned, done_count, sessions, run),
        aerobic=aerobic_of(minutes, first_week, on, goal, targets, total),
        hurt=hurt_of(hurt, exercise_names or {}),
        symptoms=symptoms_of(
            {code: (days, first, last, ()) for code, (days, first, last) in seen.items()},
            symptom_labels or {},
        ),
        function=function_of(journal),
    )


def _training_days_between(first: date, last: date, training: tuple[int, ...]) -> int:
    """How many days from `first` to `last` (both included) fall on a training weekday."""
    days = (last - first).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * len(training)
    for back in range(rest):
        if (last - timedelta(days=back)).weekday() in training:
            count += 1
    return count


def totals_to_json(totals: ProgressTotals) -> dict[str, Any]:
    return {
        "training_days": list(totals.training_days),
        "done_by_weekday": list(totals.done_by_weekday),
        "sessions": totals.sessions,
        "run": totals.run,
        "minutes": totals.minutes,
        "hurt": {k: [n, d.isoformat()] for k, (n, d) in totals.hurt.items()},
        "symptoms": {
            k: [n, a.isoformat(), b.isoformat()] for k, (n, a, b) in totals.symptoms.items()
        },
    }


def totals_from_json(v: Mapping[str, Any]) -> ProgressTotals:
    return ProgressTotals(
        tuple(int(d) for d in v["training_days"]),
        tuple(int(n) for n in v["done_by_weekday"]),
        int(v["sessions"]),
        int(v["run"]),
        int(v["minutes"]),
        {k: (int(n), date.fromisoformat(d)) for k, (n, d) in v["hurt"].items()},
        {
            k: (int(n), date.fromisoformat(a), date.fromisoformat(b))
            for k, (n, a, b) in v["symptoms"].items()
        },
    )
