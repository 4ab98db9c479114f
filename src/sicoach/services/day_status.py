"""How the day stands: today's routine done (or left to resume) and the training days of the
week done, worked out once for the today page and the terminal.

A day should end "done": after a session, Today says what was done and what was not and
why; an unfinished session of today can be resumed; the week counts training days done
without blame.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sicoach.domain.hurting import END_SESSION_FROM
from sicoach.domain.journal import Journal, Profile, Session
from sicoach.domain.measures import WEEKDAY_NAMES, is_done
from sicoach.services.context import Context
from sicoach.services.views import TodayView, outcome


@dataclass(frozen=True)
class ExerciseOutcome:
    """How one exercise of today's sessions ended (`views.outcome`: "done", "hurt",
    "part" or "skipped")."""

    name: str
    outcome: str


@dataclass(frozen=True)
class RoutineDone:
    """Today's finished session: when it started, and how each exercise ended."""

    started_at: datetime
    outcomes: tuple[ExerciseOutcome, ...]
    ended_early: bool

    @property
    def done(self) -> int:
        return sum(1 for o in self.outcomes if o.outcome == "done")

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def not_done(self) -> tuple[ExerciseOutcome, ...]:
        return tuple(o for o in self.outcomes if o.outcome != "done")


@dataclass(frozen=True)
class Resumable:
    """A session of today that was started and not finished, with exercises left."""

    session_id: int
    saved: int
    left: int


@dataclass(frozen=True)
class WeekDay:
    day: date
    name: str
    training: bool
    done: bool
    is_today: bool


@dataclass(frozen=True)
class WeekView:
    """Monday to Sunday of this week: which are training days and which were done."""

    days: tuple[WeekDay, ...]

    @property
    def training_days(self) -> int:
        return sum(1 for d in self.days if d.training)

    @property
    def training_days_done(self) -> int:
        return sum(1 for d in self.days if d.training and d.done)


@dataclass(frozen=True)
class DayStatus:
    routine_done: RoutineDone | None
    resumable: Resumable | None
    week: WeekView
    outcome_by_id: dict[str, str]
    """How each exercise id ended in today's sessions (the latest ending wins)."""


def is_finished(session: Session) -> bool:
    """Closed by the person (complete, or ended early with the pain afterwards given)."""
    return not session.partial or session.pain_after is not None


def _stopped_for_pain(session: Session) -> bool:
    return any(r.pain is not None and r.pain >= END_SESSION_FROM for r in session.exercises)


def day_status(
    ctx: Context, journal: Journal, planned_ids: tuple[str, ...], today: date | None = None
) -> DayStatus:
    """Today's sessions and this week's training days, from a journal already loaded.

    `planned_ids` are the exercises of today's session script (what a resumed session
    still has to play).
    """
    today = today or ctx.clock.today()
    catalog = ctx.catalog

    def name(exercise_id: str) -> str:
        return (
            catalog.exercise(exercise_id).name if catalog.has_exercise(exercise_id) else exercise_id
        )

    ids = _session_ids(ctx, journal, today)
    todays = [s for s in journal.sessions if s.date == today]
    outcome_by_id: dict[str, str] = {}
    for s in todays:
        for r in s.exercises:
            outcome_by_id[r.id] = outcome(r)
    finished = [s for s in todays if is_finished(s)]
    routine_done = None
    if finished:
        last = finished[-1]
        routine_done = RoutineDone(
            started_at=last.started_at,
            outcomes=tuple(ExerciseOutcome(name(r.id), outcome(r)) for r in last.exercises),
            ended_early=last.partial,
        )
    resumable = None
    if todays and not is_finished(todays[-1]) and not _stopped_for_pain(todays[-1]):
        last = todays[-1]
        saved = {r.id for r in last.exercises}
        left = [i for i in planned_ids if i not in saved]
        session_id = ids.get(last.started_at)
        if left and session_id is not None:
            resumable = Resumable(session_id, len(saved), len(left))
    return DayStatus(routine_done, resumable, week_view(journal, today), outcome_by_id)


def _session_ids(ctx: Context, journal: Journal, today: date) -> dict[datetime, int]:
    """The stored ids of today's sessions, by start time (the journal keeps no ids)."""
    if not any(s.date == today for s in journal.sessions):
        return {}
    with ctx.uow(read_only=True) as uow:
        return uow.journal.session_ids_on(today)


def week_view(journal: Journal, today: date) -> WeekView:
    """This week, Monday to Sunday: a day is done when a session that day did at least one
    exercise."""
    monday = today - timedelta(days=today.weekday())
    profile = journal.profile
    training = set(profile.plan.training_days) if profile else set(range(7))
    done_days = {s.date for s in journal.sessions if any(is_done(r) for r in s.exercises)}
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        days.append(
            WeekDay(day, WEEKDAY_NAMES[offset], offset in training, day in done_days, day == today)
        )
    return WeekView(tuple(days))


def today_extras(ctx: Context, view: TodayView, journal: Journal) -> dict[str, object]:
    """What the today page adds to its `TodayView`: how the day stands, the safety
    questions still due today (only when a session could start), their short words, and
    whether to ask the rest of the profile."""
    from sicoach.services import safety

    status = day_status(ctx, journal, tuple(e.id for e in view.plan.active), view.today)
    screen = []
    if view.day == view.today and view.plan.active and not view.plan.safety.stops_exercise:
        screen = safety.screen_due(ctx, profile=journal.profile)  # the page's, current
    profile = journal.profile
    return {
        "status": status,
        "screen": screen,
        "screen_labels": safety.short_labels(ctx, screen),
        "ask_more": profile is not None and _more_to_ask(profile, view.today),
    }


def _more_to_ask(profile: Profile, today: date) -> bool:
    """First use asks only what safety needs; the rest is asked from Today in the first
    weeks, until some of it is given."""
    given = profile.sex or profile.sedentary_job or profile.frequent_lifting or profile.overweight
    return not given and (today - profile.started_on).days < ASK_MORE_DAYS


ASK_MORE_DAYS = 28
"""How long Today offers to ask the rest of the profile after first use."""
