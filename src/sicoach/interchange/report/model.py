"""The report's data: the period's rows, the raised safety reasons, the whole report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sicoach.domain.exercises import Catalog
from sicoach.domain.journal import ClinicianReview, Journal, Profile
from sicoach.domain.measures import is_done, it_hurt
from sicoach.domain.progress import Adherence, Progress
from sicoach.domain.safety import Assessment, Reason

ProgressCallback = Callable[[str, int, int], None]
"""Called as (step description, steps done, steps in all) while a report renders."""

DEFAULT_REPORT_WEEKS = 12
"""Without --from, the report covers the last 12 weeks (our default: what a clinician reads
at a visit); the first week of the program stays the baseline whatever the period."""

# ---------------------------------------------------------------------------------------
# The report's data


@dataclass(frozen=True)
class PeriodRow:
    """One week (or, for long reports, one month) of the period, for the data table."""

    label: str
    start: date
    mean_pain: float | None
    mean_mobility: float | None
    sessions: int
    planned: int
    minutes: int
    goal_weeks: int
    weeks: int


@dataclass(frozen=True)
class RaisedReason:
    """A safety reason the daily check raised during the period, and when."""

    reason: Reason
    first: date
    last: date
    days: int


@dataclass(frozen=True)
class ExerciseRow:
    """One exercise over the period: the highest level done, the sessions it was done in,
    and how often it hurt (marked "it hurts" or rated 6 or more)."""

    name: str
    level: int | None
    max_level: int
    sessions_done: int
    hurt: int


@dataclass(frozen=True)
class SessionPain:
    """Pain before and after the guided sessions of the period (sessions with both)."""

    sessions: int
    mean_before: float | None
    mean_after: float | None


@dataclass(frozen=True)
class Report:
    """Everything the report shows; built by `sicoach.services.reports.build_report`."""

    generated_at: datetime
    start: date
    end: date
    progress: Progress
    profile: Profile | None
    safety: Assessment | None
    notes: tuple[tuple[date, str], ...]
    rows: tuple[PeriodRow, ...]
    monthly: bool
    period_adherence: Adherence
    symptom_labels: dict[str, str] = field(default_factory=dict)
    raised: tuple[RaisedReason, ...] = ()
    raised_step_days: int = 1
    reviews: tuple[ClinicianReview, ...] = ()
    """Visits to a doctor, physio or midwife and their advice (whole program, oldest first)."""
    patient_name: str = ""
    """The name the person's account gives, when there is one (clinic mode)."""
    exercises: tuple[ExerciseRow, ...] = ()
    session_pain: SessionPain | None = None

    @property
    def program_start(self) -> date | None:
        return self.progress.start


MONTHLY_AFTER_WEEKS = 26
"""Reports longer than this get one table row a month instead of one a week (ours)."""
DOTS_UP_TO_DAYS = 120
"""Charts longer than this show the 7-day average only: a dot a day would hide the trend."""


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def exercise_rows(journal: Journal, start: date, end: date, catalog: Catalog) -> list[ExerciseRow]:
    """Every exercise played in [start, end], in the catalog's order."""
    played: dict[str, list[tuple[bool, bool, int]]] = {}
    for session in journal.sessions:
        if start <= session.date <= end:
            for r in session.exercises:
                played.setdefault(r.id, []).append((is_done(r), it_hurt(r), r.level))
    order = {e.id: n for n, e in enumerate(catalog.exercises)}
    rows = []
    for exercise_id in sorted(played, key=lambda i: order.get(i, len(order))):
        known = catalog.has_exercise(exercise_id)
        done_levels = [level for done, _, level in played[exercise_id] if done]
        rows.append(
            ExerciseRow(
                name=catalog.exercise(exercise_id).name if known else exercise_id,
                level=max(done_levels) if done_levels else None,
                max_level=catalog.exercise(exercise_id).max_level if known else 0,
                sessions_done=len(done_levels),
                hurt=sum(1 for _, hurt, _ in played[exercise_id] if hurt),
            )
        )
    return rows


def session_pain(journal: Journal, start: date, end: date) -> SessionPain:
    """The mean pain before and after the period's sessions that recorded both."""
    pairs = [
        (s.pain_before, s.pain_after)
        for s in journal.sessions
        if start <= s.date <= end and s.pain_before is not None and s.pain_after is not None
    ]
    return SessionPain(
        sessions=len(pairs),
        mean_before=_mean([b for b, _ in pairs]),
        mean_after=_mean([a for _, a in pairs]),
    )


def period_rows(
    progress: Progress, start: date, end: date, sessions: Sequence[date]
) -> tuple[list[PeriodRow], bool]:
    """Averages and counts by week (by month for long periods) over [start, end]."""
    pain = {d.date: d.value for d in progress.pain.days if d.value is not None}
    mobility = {d.date: d.value for d in progress.mobility.days if d.value is not None}
    training = progress.adherence.training_days
    session_days = set(sessions)
    monthly = (end - start).days + 1 > MONTHLY_AFTER_WEEKS * 7
    groups: dict[date, list[date]] = {}
    day = start
    while day <= end:
        key = day.replace(day=1) if monthly else day - timedelta(days=day.weekday())
        groups.setdefault(key, []).append(day)
        day += timedelta(days=1)
    weeks = {w.week_start: w for w in progress.aerobic.weeks}
    rows: list[PeriodRow] = []
    for key, days in groups.items():
        planned = [d for d in days if d.weekday() in training]
        if planned and planned[-1] == progress.on and progress.on not in session_days:
            planned.pop()  # the last day is not over yet, as in the adherence count
        mondays = sorted({d - timedelta(days=d.weekday()) for d in days})
        if monthly:
            mondays = [m for m in mondays if m.month == key.month]  # a week counts where it starts
        in_weeks = [weeks[m] for m in mondays if m in weeks]
        iso = key.isocalendar()
        rows.append(
            PeriodRow(
                label=key.strftime("%b %Y") if monthly else f"{iso.year}-W{iso.week:02d}",
                start=key,
                mean_pain=_mean([pain[d] for d in days if d in pain]),
                mean_mobility=_mean([mobility[d] for d in days if d in mobility]),
                sessions=sum(1 for d in planned if d in session_days),
                planned=len(planned),
                minutes=sum(w.minutes for w in in_weeks),
                goal_weeks=sum(1 for w in in_weeks if w.met_goal),
                weeks=len(in_weeks),
            )
        )
    return rows, monthly


# ---------------------------------------------------------------------------------------
# Charts
