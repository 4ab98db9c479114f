"""The pieces of the progress figures that every way of counting shares.

`sicoach.domain.progress` counts from a whole journal, `sicoach.domain.progress_carry` from
totals carried beside the plan plus a bounded window; both end in these functions, so the
sentences and the orderings a person reads are defined once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from sicoach.domain import measures
from sicoach.domain.journal import CheckIn, Journal, Session
from sicoach.domain.progress_model import (
    RED_FLAG_GROUPS,
    SYMPTOM_GROUP_OF,
    Adherence,
    Aerobic,
    HurtExercise,
    SymptomHistory,
    WeekMinutes,
)


def session_done(session: Session) -> bool:
    """A session counts when it was finished, or when at least one exercise was done."""
    return not session.partial or any(not e.skipped for e in session.exercises)


def done_days(sessions: tuple[Session, ...]) -> set[date]:
    """The days holding at least one session that counts (`session_done`)."""
    return {s.date for s in sessions if session_done(s)}


def training_days_of(journal: Journal) -> tuple[int, ...]:
    """The planned training weekdays (0 is Monday); every day without a profile."""
    profile = journal.profile
    return tuple(sorted(profile.plan.training_days)) if profile else (0, 1, 2, 3, 4, 5, 6)


NO_SESSIONS = "No sessions yet: your first one starts the count."


def adherence_of(
    training: tuple[int, ...], planned: int, done: int, sessions: int, streak: int
) -> Adherence:
    """The adherence figures with their sentence (one wording for every way of counting)."""
    if not planned:
        summary = "No training days have passed yet."
    else:
        summary = (
            f"You did a session on {done} of your {planned} training days"
            f" ({round(100 * done / planned)}%)"
        )
        if streak:
            run = "1 training day" if streak == 1 else f"{streak} training days in a row"
            summary += f"; your current run is {run}."
        else:
            summary += "; your next session starts a new run."
    return Adherence(training, planned, done, sessions, streak, summary)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def minutes_by_week(journal: Journal, start: date, on: date) -> dict[date, int]:
    """Aerobic minutes from `start` to `on`, by the Monday of their week."""
    minutes: dict[date, int] = {}
    for a in journal.activities:
        if start <= a.date <= on:
            week = monday_of(a.date)
            minutes[week] = minutes.get(week, 0) + a.minutes
    return minutes


def aerobic_of(
    minutes: Mapping[date, int],
    first_week: date,
    on: date,
    goal: int,
    targets: Mapping[date, int] | None,
    total: int,
) -> Aerobic:
    """Each week from `first_week` (a Monday) to the one holding `on`, with the sentence
    (it reads this week and last week only)."""
    weeks: list[WeekMinutes] = []
    week = first_week
    while week <= on:
        iso = week.isocalendar()
        target = goal if targets is None else targets.get(week, goal)
        label = f"{iso.year}-W{iso.week:02d}"
        weeks.append(WeekMinutes(week, label, minutes.get(week, 0), target, goal))
        week += timedelta(days=7)
    this = weeks[-1]
    if this.met_target:
        summary = f"This week you have done {this.minutes} aerobic minutes, reaching your target"
        summary += f" of {this.target}"
    else:
        summary = f"This week you have done {this.minutes} of your {this.target} aerobic minutes"
    if this.target != goal:
        summary += f" (the goal is {goal} a week)"
    if len(weeks) > 1:
        summary += f"; last week you did {weeks[-2].minutes}"
    summary += "."
    return Aerobic(tuple(weeks), goal, total, summary)


def hurt_tally(sessions: Iterable[Session]) -> dict[str, tuple[int, date]]:
    """Each exercise that hurt: how many times, and the last day."""
    out: dict[str, tuple[int, date]] = {}
    for session in sessions:
        for result in session.exercises:
            if measures.it_hurt(result):
                count, last = out.get(result.id, (0, session.date))
                out[result.id] = (count + 1, max(last, session.date))
    return out


def hurt_of(
    tally: Mapping[str, tuple[int, date]], names: Mapping[str, str]
) -> tuple[HurtExercise, ...]:
    """The exercises that hurt, most often first (then in catalog order)."""
    order = {eid: i for i, eid in enumerate(names)}
    items = [
        HurtExercise(eid, names.get(eid, eid.replace("_", " ")), n, last)
        for eid, (n, last) in tally.items()
    ]
    items.sort(key=lambda h: (-h.count, order.get(h.id, len(order)), h.id))
    return tuple(items)


def symptom_tally(checkins: Iterable[CheckIn]) -> dict[str, tuple[int, date, date]]:
    """Each symptom code: on how many days, the first and the last (one check-in a day)."""
    out: dict[str, tuple[int, date, date]] = {}
    for checkin in checkins:
        for code in dict.fromkeys(checkin.symptoms):
            days, first, last = out.get(code, (0, checkin.date, checkin.date))
            out[code] = (days + 1, min(first, checkin.date), max(last, checkin.date))
    return out


def symptoms_of(
    tally: Mapping[str, tuple[int, date, date, tuple[date, ...]]], labels: Mapping[str, str]
) -> tuple[SymptomHistory, ...]:
    """The symptoms, warning signs first (most serious group first), then most recent first."""
    items = [
        SymptomHistory(
            code=code,
            label=labels.get(code, code.replace("_", " ")),
            group=SYMPTOM_GROUP_OF.get(code, "other"),
            days=days,
            first=first,
            last=last,
            dates=dates,
        )
        for code, (days, first, last, dates) in tally.items()
    ]

    def rank(s: SymptomHistory) -> tuple[int, int, str]:
        serious = RED_FLAG_GROUPS.index(s.group) if s.red_flag else len(RED_FLAG_GROUPS)
        return (serious, -s.last.toordinal(), s.code)

    items.sort(key=rank)
    return tuple(items)


def _training_days_back(first: date, last: date, training: tuple[int, ...]) -> Iterable[date]:
    day = last
    while day >= first:
        if day.weekday() in training:
            yield day
        day -= timedelta(days=1)


def training_counts(
    start: date,
    on: date,
    since: date | None,
    training: tuple[int, ...],
    done_dates: set[date],
) -> tuple[int, int, int]:
    """(planned, done, streak): the training days from `since` (or `start`) to `on`, those
    with a session done, and the run of done ones back from the latest; today counts once
    done (it is not over yet). Walks back from `on`, so a recent period costs its own days,
    not the years since `start`."""
    today_open = start <= on and on.weekday() in training and on not in done_dates
    last = on - timedelta(days=1) if today_open else on
    planned = done = 0
    for day in _training_days_back(start if since is None else max(start, since), last, training):
        planned += 1
        done += day in done_dates
    streak = 0
    for day in _training_days_back(start, last, training):
        if day not in done_dates:
            break
        streak += 1
    return planned, done, streak
