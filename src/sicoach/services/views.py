"""Read models: what every face shows, worked out once here.

The terminal, the web pages, the JSON API and the exports read these values and only lay
them out; none of them counts "done", "hurt" or "skipped" on its own, so the numbers a
person sees agree everywhere.

- `TodayView`: the day's plan and the recent pain, for the today page and `sicoach plan`.
- `SessionSummary`: one session in names and numbers (the player's last screen).
- `DayRow`: one per day (`sicoach history`); the history page's weeks are
  `sicoach.services.journal_pages`.
- `ProgressView` and `ReportView`: the progress figures and the report for a doctor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sicoach.domain.journal import (
    CheckIn,
    ExerciseResult,
    Journal,
    ProgramChange,
    Session,
)
from sicoach.domain.measures import is_done, it_hurt
from sicoach.domain.plan import DayPlan, PhysioAerobic, PhysioDose
from sicoach.domain.progress import Progress
from sicoach.interchange.report import Report
from sicoach.services.context import Context
from sicoach.services.errors import InputError

T = TypeVar("T")

ProgressView = Progress
"""All progress figures (`sicoach.services.reports.progress` builds it)."""
ReportView = Report
"""The report's figures for a period (`sicoach.services.reports.build_report` builds it)."""


# --- sessions -------------------------------------------------------------------------------


def outcome(result: ExerciseResult) -> str:
    """One word for how an exercise ended, the same on every face: "hurt" (never "skipped"
    for one that hurt), "done", "part" (stopped after at least one repetition: the person
    did some of it, so it is never called skipped) or "skipped"."""
    if it_hurt(result):
        return "hurt"
    if is_done(result):
        return "done"
    return "part" if result.reps > 0 else "skipped"


@dataclass(frozen=True)
class SessionSummary:
    """One session: when, the pain before and after, and which exercises were done, hurt,
    stopped part-way or skipped (names, in the order they were played)."""

    id: int | None
    started_at: datetime
    pain_before: int | None
    pain_after: int | None
    ended_early: bool
    done: tuple[str, ...]
    hurt: tuple[str, ...]
    skipped: tuple[str, ...]
    part_done: tuple[str, ...] = ()

    @property
    def done_count(self) -> int:
        return len(self.done)


def summarise(ctx: Context, session: Session, session_id: int | None = None) -> SessionSummary:
    """The summary of a session already loaded (history rows, exports)."""
    catalog = ctx.catalog

    def name(result: ExerciseResult) -> str:
        return catalog.exercise(result.id).name if catalog.has_exercise(result.id) else result.id

    def named(word: str) -> tuple[str, ...]:
        return tuple(name(e) for e in session.exercises if outcome(e) == word)

    return SessionSummary(
        id=session_id,
        started_at=session.started_at,
        pain_before=session.pain_before,
        pain_after=session.pain_after,
        ended_early=session.partial,
        done=named("done"),
        hurt=named("hurt"),
        skipped=named("skipped"),
        part_done=named("part"),
    )


def session_summary(ctx: Context, session_id: int) -> SessionSummary:
    """The summary of one stored session (`NotFound` when it is not this person's)."""
    from sicoach.services.session import get_session

    return summarise(ctx, get_session(ctx, session_id), session_id)


# --- history --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayRow:
    """One day of the history: its check-in, sessions finished and ended early, minutes."""

    date: date
    checkin: CheckIn | None
    sessions: int
    partial_sessions: int
    activity_minutes: int


MAX_DAYS = 3650


def day_rows(ctx: Context, days: int = 14, journal: Journal | None = None) -> list[DayRow]:
    """The last `days` days up to today, newest first."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise InputError("days", f"{days} is not between 1 and {MAX_DAYS}")
    today = ctx.clock.today()
    if journal is None:  # those days alone, not the whole journal
        with ctx.uow(read_only=True) as uow:
            journal = uow.journal.load_window(((today - timedelta(days=days - 1), today),), today)
    journal = journal.up_to(today)
    return [_day_row(journal, today - timedelta(days=back)) for back in range(days)]


def _day_row(journal: Journal, day: date) -> DayRow:
    sessions = [s for s in journal.sessions if s.date == day]
    return DayRow(
        date=day,
        checkin=journal.checkin_on(day),
        sessions=sum(1 for s in sessions if not s.partial),
        partial_sessions=sum(1 for s in sessions if s.partial),
        activity_minutes=sum(a.minutes for a in journal.activities if a.date == day),
    )


HISTORY_WEEKS = 2
"""The page at a glance shows two weeks of notes and sessions at a time."""


@dataclass(frozen=True)
class HistoryWeeks:
    """A few weeks of the history (`first` to `last`), newest first, and the last day of
    the weeks before and after them (None when there is nothing older, or it is today)."""

    first: date
    last: date
    checkins: tuple[CheckIn, ...]
    sessions: tuple[SessionSummary, ...]
    older: date | None
    newer: date | None


def history_weeks(
    ctx: Context, upto: date | None = None, weeks: int = HISTORY_WEEKS
) -> HistoryWeeks:
    """The weeks ending on `upto` (default, and at most, today): a read of those days
    only, so paging back costs the same in any year."""
    today = ctx.clock.today()
    last = today if upto is None else min(upto, today)
    first = last - timedelta(days=7 * weeks - 1)
    with ctx.uow(read_only=True) as uow:
        read = uow.journal.load_window(((first, last),), last)
    start = read.profile.started_on if read.profile is not None else None
    return HistoryWeeks(
        first,
        last,
        _newest(read.checkins, len(read.checkins)),
        tuple(summarise(ctx, s) for s in _newest(read.sessions, len(read.sessions))),
        first - timedelta(days=1) if start is None or start < first else None,
        min(today, last + timedelta(days=7 * weeks)) if last < today else None,
    )


def _newest(records: Iterable[T], limit: int) -> tuple[T, ...]:
    return tuple(reversed(tuple(records)))[:limit]


# --- today ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PainDay:
    day: date
    pain: int | None
    mobility: int | None


@dataclass(frozen=True)
class TodayView:
    """The today page: the day's plan (`day` may be tomorrow, as a preview), and the pain
    and mobility of the last 14 days."""

    today: date
    day: date
    plan: DayPlan
    pain_days: tuple[PainDay, ...]
    today_checkin: CheckIn | None
    program_notes: tuple[str, ...] = ()
    """A clinician's recent changes to the program, in words ("Your physio Dr Lee left out
    Bridge on 20 Nov: “wait until the review”")."""

    @property
    def tomorrow(self) -> date:
        return self.today + timedelta(days=1)

    @property
    def checked_in_today(self) -> bool:
        return self.today_checkin is not None

    @property
    def pain_points(self) -> dict[date, int | None]:
        return {d.day: d.pain for d in self.pain_days}


PAIN_DAYS = 14


def recent_pain(journal: Journal, end: date, days: int = PAIN_DAYS) -> tuple[PainDay, ...]:
    """The pain and mobility of each of the last `days` days (None where not recorded)."""
    by_day = {c.date: c for c in journal.checkins if end - timedelta(days=days) < c.date <= end}
    out = []
    for back in range(days - 1, -1, -1):
        day = end - timedelta(days=back)
        checkin = by_day.get(day)
        out.append(
            PainDay(day, checkin.pain if checkin else None, checkin.mobility if checkin else None)
        )
    return tuple(out)


def today_view(
    ctx: Context,
    on: date | None = None,
    plan: DayPlan | None = None,
    journal: Journal | None = None,
) -> TodayView:
    """The today page (`on` previews another day; `plan`/`journal` when already at hand)."""
    from sicoach.services.plan import plan_today

    today = ctx.clock.today()
    record = journal or _load(ctx)
    return TodayView(
        today=today,
        day=on or today,
        plan=plan or plan_today(ctx, on=on),
        pain_days=recent_pain(record, today),
        today_checkin=record.checkin_on(today),
        program_notes=program_notes(ctx),
    )


PROGRAM_NOTE_DAYS = 28
PROGRAM_NOTES = 8
"""At most this many notes, each the newest change of what it is about."""
_CHANGE_WORDS = {
    "leave_out": "left out {}",
    "include": "brought back {}",
    "hold": "kept {} at the same dose",
    "allow": "let {} move up again",
    "days": "chose your training days",
    "days_free": "let you choose your training days again",
    "set_dose": "set {} to {}",
    "clear_dose": "let {} follow the usual steps again",
    "aerobic": "set your walking goal to {}",
    "pregnancy_on": "chose the pregnancy versions of your exercises",
    "pregnancy_off": "went back to the usual versions (your own pregnancy answer still counts)",
}


def program_notes(ctx: Context) -> tuple[str, ...]:
    """A clinician's changes of the last 4 weeks, newest first, one sentence each; a change
    replaced by a later one about the same thing (hold then allow) is left out."""
    since = datetime.combine(
        ctx.clock.today() - timedelta(days=PROGRAM_NOTE_DAYS), datetime.min.time()
    )
    from sicoach.services.plan import change_subject, program_changes

    changes = tuple(c for c in program_changes(ctx) if c.at >= since)

    standing = {change_subject(c): c for c in reversed(changes)}  # the newest of each
    out = []
    for c in [c for c in changes if standing[change_subject(c)] is c][:PROGRAM_NOTES]:
        known = ctx.catalog.has_exercise(c.exercise_id)
        name = ctx.catalog.exercise(c.exercise_id).name if known else c.exercise_id
        what = _CHANGE_WORDS.get(c.change, c.change + " {}").format(name, _values(c))
        if c.change == "aerobic" and c.week_minutes is not None:
            what = _CHANGE_WORDS["aerobic"].format(
                PhysioAerobic(c.week_minutes, c.walk_minutes).words()
            )
        day = f"{c.at.day} {c.at.strftime('%b')}"
        out.append(f"Your physio {c.by} {what} on {day}: “{c.reason}”")
    return tuple(out)


def _values(c: ProgramChange) -> str:
    """The dose a change set, in words ("" when it set none)."""
    return PhysioDose(c.reps, c.hold_seconds).words() if c.reps is not None else ""


def symptom_groups(ctx: Context, pregnancy: bool) -> list[tuple[str, str, list[Any]]]:
    """The symptom vocabulary grouped for the check-in form: (key, heading, codes).

    Pregnancy signs show when the profile records a pregnancy or a recent birth; every
    other code is always shown (a group we have no heading for gets a plain one).
    """
    headings = {
        "guide": "Common SI joint symptoms",
        "spread": "Where the pain spreads",
        "emergency": "Warning signs that need help now",
        "urgent": "Signs to see a doctor today",
        "pregnancy": "Pregnancy and after-birth warning signs",
        "routine": "Signs to book a visit for",
    }
    order = list(headings)
    order += sorted({c.group for c in ctx.catalog.symptoms} - set(order))
    groups = []
    for key in order:
        if key == "pregnancy" and not pregnancy:
            continue
        codes = [c for c in ctx.catalog.symptoms if c.group == key]
        if codes:
            groups.append((key, headings.get(key, "Other signs"), codes))
    return groups


def _load(ctx: Context) -> Journal:
    from sicoach.services.journal import load_journal

    return load_journal(ctx)
