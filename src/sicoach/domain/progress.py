"""Is the program working? Pain, mobility, adherence, aerobic minutes, symptoms, activities.

Pure figures from a journal and a date (no clock, no I/O), so that the terminal, the web
page, the doctor's report and the tests all show the same numbers.

Thresholds and where they come from (docs/clinical-notes.md §2):
- a change in pain of 2 points or 30% from the first week is meaningful (Ostelo et al.,
  Spine 2008); we read a rise of the same size as a clear worsening (ours: the cautious
  reading, since a rise should never be called "no change");
- mobility is our own 0-10 self-rating; we use the same 2 points / 30% rule for it (our
  default, by analogy with pain);
- the average of the patient-specific activity scores changes meaningfully at about 2 points
  (Abbott & Schmitt, JOSPT 2014);
- the aerobic goal is 150 minutes a week (the guide, after the American Heart Association).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from sicoach.domain import measures
from sicoach.domain.journal import CheckIn, Journal
from sicoach.domain.progress_model import (
    FUNCTION_MEANINGFUL_POINTS,
    RED_FLAG_GROUPS,
    SYMPTOM_GROUP_OF,
    WEEKLY_GOAL_MINUTES,
    ActivityScore,
    Adherence,
    Aerobic,
    Change,
    DayValue,
    FunctionSummary,
    HurtExercise,
    Meaning,
    Progress,
    SymptomHistory,
    Trend,
    WeekMinutes,
    fmt_number,
)
from sicoach.domain.progress_parts import (
    NO_SESSIONS,
    adherence_of,
    aerobic_of,
    done_days,
    hurt_of,
    hurt_tally,
    minutes_by_week,
    monday_of,
    session_done,
    symptoms_of,
    training_counts,
    training_days_of,
)

__all__ = [  # the figures' types are read from here too
    "RED_FLAG_GROUPS",
    "SYMPTOM_GROUP_OF",
    "ActivityScore",
    "Adherence",
    "Aerobic",
    "Change",
    "DayValue",
    "FunctionSummary",
    "HurtExercise",
    "Meaning",
    "Progress",
    "SymptomHistory",
    "Trend",
    "WeekMinutes",
    "adherence_since",
    "compute_progress",
    "fmt_number",
    "function_of",
    "pain_now",
    "session_done",
    "trend_of",
]


def _points(value: float) -> str:
    text = fmt_number(value)
    return f"{text} point" if text == "1" else f"{text} points"


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _trend(
    name: str,
    checkins: tuple[CheckIn, ...],
    attr: str,
    start: date | None,
    on: date,
    lower_is_better: bool,
    shown_from: date | None = None,
) -> Trend:
    """The rating's days from the start (or from `shown_from`, when later) and its change;
    the change reads the first weeks and the last 7 days, each day's mean the 6 before."""
    by_day: dict[date, int] = {}
    for c in checkins:
        value = getattr(c, attr)
        if isinstance(value, int):
            by_day[c.date] = value
    if start is None:
        summary = f"There are no {name} scores yet."
        return Trend(name, (), None, None, Change(None, None, None, None, Meaning.UNKNOWN, summary))
    first_day = start if shown_from is None else max(start, shown_from)
    days = _daily_values(by_day, first_day, on)
    first, first_end, change = _first_week_change(
        name, checkins, by_day, start, on, lower_is_better
    )
    return Trend(name, tuple(days), first, first_end, change)


def trend_of(
    name: str,
    checkins: tuple[CheckIn, ...],
    start: date | None,
    on: date,
    shown_from: date | None = None,
) -> Trend:
    """The pain or mobility trend (`name`), its days from `shown_from` when given."""
    lower = name == "pain"
    return _trend(name, checkins, name, start, on, lower, shown_from)


def _daily_values(by_day: dict[date, int], start: date, on: date) -> list[DayValue]:
    """Each day's rating and `_week_mean`, from a running sum of the last 7 days (one step a
    day instead of seven: a ten-year chart costs milliseconds)."""
    total = count = 0
    for back in range(1, 8):  # the 7th day back leaves the sum on the first step
        before = by_day.get(start - timedelta(days=back))
        if before is not None:
            total, count = total + before, count + 1
    out: list[DayValue] = []
    day = start
    while day <= on:
        value, gone = by_day.get(day), by_day.get(day - timedelta(days=7))
        if value is not None:
            total, count = total + value, count + 1
        if gone is not None:
            total, count = total - gone, count - 1
        out.append(DayValue(day, value, total / count if count else None))
        day += timedelta(days=1)
    return out


def _week_mean(by_day: dict[date, int], day: date) -> float | None:
    """The mean of the 7 days ending on `day` (the chart's line)."""
    return _mean([by_day[d] for d in _days(day - timedelta(days=6), day) if d in by_day])


def _first_week_change(
    name: str,
    checkins: tuple[CheckIn, ...],
    by_day: dict[date, int],
    start: date,
    on: date,
    lower_is_better: bool,
) -> tuple[date, date, Change]:
    # The same first week as the safety rules: the program's, or this measure's own when it
    # was not rated then (docs/clinical-notes.md §2).
    program_week = measures.program_first_week(start, (c.date for c in checkins)) or start
    first = measures.first_week_of(program_week, by_day) or program_week
    first_end = first + timedelta(days=measures.FIRST_WEEK_DAYS - 1)
    baseline = _mean([v for d, v in by_day.items() if measures.in_week(d, first)])
    latest = _mean([v for d, v in by_day.items() if measures.in_recent_week(d, on, first)])
    return first, first_end, _change(name, baseline, latest, on <= first_end, lower_is_better)


def _change(
    name: str,
    baseline: float | None,
    latest: float | None,
    in_first_week: bool,
    lower_is_better: bool,
) -> Change:
    if in_first_week:
        summary = (
            f"This is your first week: it is the starting point we will compare your {name} with."
        )
        return Change(baseline, None, None, None, Meaning.UNKNOWN, summary)
    if baseline is None:
        summary = f"There are no {name} scores from your first week to compare with."
        return Change(None, latest, None, None, Meaning.UNKNOWN, summary)
    if latest is None:
        summary = (
            f"There are no {name} scores from the last 7 days to compare with your first week."
        )
        return Change(baseline, None, None, None, Meaning.UNKNOWN, summary)
    difference = latest - baseline
    percent = None if baseline == 0 else difference / baseline * 100
    if abs(difference) < 0.05:
        summary = f"Your {name} is about the same as in your first week."
        return Change(baseline, latest, difference, percent, Meaning.SMALL, summary)
    improved = difference < 0 if lower_is_better else difference > 0
    direction = "lower" if difference < 0 else "higher"
    said = f"Your {name} is {_points(abs(difference))} {direction} than in your first week"
    if not measures.is_meaningful(difference, baseline):
        summary = f"{said} — a small change, not yet a clear one."
        return Change(baseline, latest, difference, percent, Meaning.SMALL, summary)
    if improved:
        return Change(
            baseline, latest, difference, percent, Meaning.BETTER, f"{said} — a meaningful change."
        )
    summary = f"{said} — a clear change for the worse; tell your doctor or physical therapist."
    return Change(baseline, latest, difference, percent, Meaning.WORSE, summary)


def _adherence(
    journal: Journal, start: date | None, on: date, since: date | None = None
) -> Adherence:
    training = training_days_of(journal)
    done_dates = done_days(journal.sessions)
    sessions = sum(1 for s in journal.sessions if session_done(s))
    if start is None:
        return Adherence(training, 0, 0, 0, 0, NO_SESSIONS)
    planned, done, streak = training_counts(start, on, since, training, done_dates)
    return adherence_of(training, planned, done, sessions, streak)


def _aerobic(
    journal: Journal,
    start: date | None,
    on: date,
    goal: int,
    targets: Mapping[date, int] | None,
) -> Aerobic:
    if start is None:
        return Aerobic((), goal, 0, "No aerobic minutes logged yet.")
    minutes = minutes_by_week(journal, start, on)
    return aerobic_of(minutes, monday_of(start), on, goal, targets, sum(minutes.values()))


def _hurt(journal: Journal, names: Mapping[str, str]) -> tuple[HurtExercise, ...]:
    return hurt_of(hurt_tally(journal.sessions), names)


def _symptoms(journal: Journal, labels: Mapping[str, str]) -> tuple[SymptomHistory, ...]:
    seen: dict[str, list[date]] = {}
    for checkin in journal.checkins:
        for code in dict.fromkeys(checkin.symptoms):
            seen.setdefault(code, []).append(checkin.date)
    return symptoms_of(
        {
            code: (len(set(ds)), min(ds), max(ds), tuple(sorted(set(ds))))
            for code, ds in seen.items()
        },
        labels,
    )


def function_of(journal: Journal) -> FunctionSummary:
    ratings: dict[str, list[tuple[date, int]]] = {}
    for r in sorted(journal.function, key=lambda f: f.date):
        ratings.setdefault(r.activity, []).append((r.date, r.score))
    if not ratings:
        summary = (
            "You have not rated any of your activities yet; rate up to 5 things that are hard "
            "for you, about once a week."
        )
        return FunctionSummary((), None, None, Meaning.UNKNOWN, summary)
    activities = tuple(
        ActivityScore(name, rs[0][1], rs[0][0], rs[-1][1], rs[-1][0], tuple(rs))
        for name, rs in ratings.items()
    )
    first = sum(a.first_score for a in activities) / len(activities)
    latest = sum(a.latest_score for a in activities) / len(activities)
    if all(len(a.ratings) == 1 for a in activities):
        summary = (
            f"Your activities score {fmt_number(first)} out of 10 on average; rate them again "
            "in about a week to see the change."
        )
        return FunctionSummary(activities, first, latest, Meaning.UNKNOWN, summary)
    delta = latest - first
    if abs(delta) < 0.05:
        meaning = Meaning.SMALL
        summary = (
            f"Your activities score {fmt_number(latest)} out of 10 on average, "
            "the same as at first."
        )
    else:
        direction = "higher" if delta > 0 else "lower"
        said = (
            f"Your activities score {fmt_number(latest)} out of 10 on average, "
            f"{_points(abs(delta))} {direction} than at first"
        )
        if abs(delta) < FUNCTION_MEANINGFUL_POINTS - 1e-9:
            meaning = Meaning.SMALL
            summary = f"{said} — a small change, not yet a clear one."
        elif delta > 0:
            meaning = Meaning.BETTER
            summary = f"{said} — a meaningful change."
        else:
            meaning = Meaning.WORSE
            summary = f"{said} — a clear change for the worse; tell your doctor."
    return FunctionSummary(activities, first, latest, meaning, summary)


def pain_now(journal: Journal, start: date | None, on: date) -> tuple[float | None, Change]:
    """The pain of the last 7 days (the chart line's last point) and its change from the
    first week, for a sorted journal cut at `on`: the figures `compute_progress` gives,
    without working out every day of the program."""
    by_day = {c.date: c.pain for c in journal.checkins if isinstance(c.pain, int)}
    if start is None:
        return None, _trend("pain", (), "pain", None, on, lower_is_better=True).change
    _first, _end, change = _first_week_change(
        "pain", journal.checkins, by_day, start, on, lower_is_better=True
    )
    return _week_mean(by_day, on), change


def adherence_since(journal: Journal, start: date | None, on: date, since: date) -> Adherence:
    """Sessions on the planned training days from `since` to `on` (the worklist's recent
    adherence; the same count as a report period's)."""
    return _adherence(journal, start, on, since=since)


def compute_progress(
    journal: Journal,
    on: date,
    exercise_names: Mapping[str, str] | None = None,
    symptom_labels: Mapping[str, str] | None = None,
    weekly_goal: int = WEEKLY_GOAL_MINUTES,
    weekly_targets: Mapping[date, int] | None = None,
    period_start: date | None = None,
) -> Progress:
    """All progress figures for the journal as it stood at the end of `on`.

    `exercise_names` (id -> name, in catalog order) and `symptom_labels` (code -> plain words)
    only make the output readable; `weekly_targets` maps an ISO week's Monday to that week's
    aerobic target (the plan's gradual build-up), defaulting to the goal. With
    `period_start`, `period_adherence` counts training days from that date only.
    """
    journal = journal.sorted().up_to(on)
    start = journal.start_date
    if start is not None and start > on:
        start = None
    names = exercise_names or {}
    labels = symptom_labels or {}
    return Progress(
        on=on,
        start=start,
        pain=_trend("pain", journal.checkins, "pain", start, on, lower_is_better=True),
        mobility=_trend("mobility", journal.checkins, "mobility", start, on, lower_is_better=False),
        adherence=_adherence(journal, start, on),
        aerobic=_aerobic(journal, start, on, weekly_goal, weekly_targets),
        hurt=_hurt(journal, names),
        symptoms=_symptoms(journal, labels),
        function=function_of(journal),
        period_adherence=None
        if period_start is None
        else _adherence(journal, start, on, since=period_start),
    )
