"""The rows `sicoach.domain.journal_window.safety_window` picks, read straight from the
database: the firsts come from one aggregate query per table, then only the window's rows
are read, so the cost stays flat however many years the journal holds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select

from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.domain.journal_window import Firsts, carries_warning_sign
from sicoach.domain.safety.reviews import is_warning_sign
from sicoach.domain.vocabulary import SYMPTOM_CODES
from sicoach.store import mapping
from sicoach.store.tables import (
    activity,
    checkin,
    clinician_review,
    exercise_result,
    function_rating,
    session,
)

WARNING_CODES = tuple(sorted(c for c in SYMPTOM_CODES if is_warning_sign(c)))


def _first_when(column: Any, on_column: Any) -> Any:
    return func.min(case((column.isnot(None), on_column)))


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()  # SQLite hands an aggregate back as text


def _firsts(conn: Connection, pid: int, on: date, profile: Profile | None) -> tuple[Firsts, Any]:
    """The firsts of the records up to `on`, and the date of the latest check-in."""
    c = checkin.c
    row = conn.execute(
        select(
            func.min(c.day),
            func.max(c.day),
            _first_when(c.pain, c.day),
            _first_when(c.worst_pain, c.day),
            _first_when(c.mobility, c.day),
        ).where(c.person_id == pid, c.day <= on)
    ).one()
    s = session.c
    end = datetime.combine(on + timedelta(days=1), time())
    srow = conn.execute(
        select(
            func.min(s.started_at),
            _first_when(s.pain_before, s.started_at),
            _first_when(s.pain_after, s.started_at),
        ).where(s.person_id == pid, s.started_at < end)
    ).one()
    first_activity = conn.execute(
        select(func.min(activity.c.day)).where(activity.c.person_id == pid, activity.c.day <= on)
    ).scalar()
    firsts = Firsts(
        checkin=_as_date(row[0]),
        pain=_as_date(row[2]),
        worst_pain=_as_date(row[3]),
        mobility=_as_date(row[4]),
        session=_as_date(srow[0]),
        session_pain_before=_as_date(srow[1]),
        session_pain_after=_as_date(srow[2]),
    )
    if profile is not None:
        start = profile.started_on
    else:
        candidates = [firsts.checkin, firsts.session, _as_date(first_activity)]
        start = min((d for d in candidates if d is not None), default=None)
    return Firsts(**{**firsts.__dict__, "start": start}), _as_date(row[1])


def _in_spans(column: Any, spans: tuple[tuple[date, date], ...], *, moments: bool = False) -> Any:
    if moments:
        return or_(
            *(
                and_(
                    column >= datetime.combine(a, time()),
                    column < datetime.combine(b + timedelta(days=1), time()),
                )
                for a, b in spans
            )
        )
    return or_(*(column.between(a, b) for a, b in spans))


def load_safety_window(conn: Connection, pid: int, on: date, profile: Profile | None) -> Journal:
    """The same journal as `safety_window(whole journal, on)`, reading only its rows."""
    firsts, latest = _firsts(conn, pid, on, profile)
    spans = firsts.spans(on)

    def kept(day: date) -> bool:
        return any(a <= day <= b for a, b in spans)

    c = checkin.c
    maybe_warning = or_(*(c.symptoms.contains(code) for code in WARNING_CODES))
    wanted = or_(_in_spans(c.day, spans), c.day == latest, maybe_warning)
    rows = conn.execute(
        select(checkin).where(c.person_id == pid, c.day <= on, wanted).order_by(c.day)
    ).mappings()
    checkins = tuple(
        ck
        for ck in map(mapping.row_to_checkin, rows)
        if kept(ck.date) or ck.date == latest or carries_warning_sign(ck)
    )
    sessions = _sessions_in(conn, pid, spans, on)
    activities = _activities_in(conn, pid, spans, on)
    return _with_the_few(conn, pid, on, profile, checkins, sessions, activities)


def load_window(
    conn: Connection,
    pid: int,
    spans: tuple[tuple[date, date], ...],
    on: date,
    profile: Profile | None,
    checkin_days: tuple[date, ...] = (),
) -> Journal:
    """Every check-in, session and activity in `spans` (day ranges, both ends included, up
    to `on`), the check-ins of `checkin_days`, and the profile, the activity ratings and the
    reviews (few): what today's plan and triage read beside the stored carry."""
    c = checkin.c
    wanted = _in_spans(c.day, spans)
    if checkin_days:
        wanted = or_(wanted, c.day.in_(checkin_days))
    checkins = tuple(
        mapping.row_to_checkin(r)
        for r in conn.execute(
            select(checkin).where(c.person_id == pid, c.day <= on, wanted).order_by(c.day)
        ).mappings()
    )
    activities = _activities_in(conn, pid, spans, on)
    sessions = _sessions_in(conn, pid, spans, on)
    return _with_the_few(conn, pid, on, profile, checkins, sessions, activities)


def _sessions_in(
    conn: Connection, pid: int, spans: tuple[tuple[date, date], ...], on: date
) -> tuple[Session, ...]:
    """The sessions started in `spans` up to the end of `on`, each with its results."""
    s = session.c
    end = datetime.combine(on + timedelta(days=1), time())
    session_rows = list(
        conn.execute(
            select(session)
            .where(
                s.person_id == pid, s.started_at < end, _in_spans(s.started_at, spans, moments=True)
            )
            .order_by(s.started_at, s.id)
        ).mappings()
    )
    results: dict[int, list[ExerciseResult]] = {}
    ids = [r["id"] for r in session_rows]
    for start in range(0, len(ids), 500):
        for r in conn.execute(
            select(exercise_result)
            .where(exercise_result.c.session_id.in_(ids[start : start + 500]))
            .order_by(exercise_result.c.session_id, exercise_result.c.position)
        ).mappings():
            results.setdefault(r["session_id"], []).append(mapping.row_to_result(r))
    sessions = tuple(mapping.row_to_session(r, results.get(r["id"], ())) for r in session_rows)
    return sessions


def _activities_in(
    conn: Connection, pid: int, spans: tuple[tuple[date, date], ...], on: date
) -> tuple[Activity, ...]:
    """The activities of the days in `spans`, up to `on`."""
    a = activity.c
    activities = tuple(
        mapping.row_to_activity(r)
        for r in conn.execute(
            select(activity)
            .where(a.person_id == pid, a.day <= on, _in_spans(a.day, spans))
            .order_by(a.day, a.id)
        ).mappings()
    )
    return activities


def _with_the_few(
    conn: Connection,
    pid: int,
    on: date,
    profile: Profile | None,
    checkins: tuple[CheckIn, ...],
    sessions: tuple[Session, ...],
    activities: tuple[Activity, ...],
) -> Journal:
    """The window's journal, with the records that are always few read whole: the activity
    ratings and the reviews up to `on`."""
    f = function_rating.c
    ratings = tuple(
        mapping.row_to_function(r)
        for r in conn.execute(
            select(function_rating)
            .where(f.person_id == pid, f.day <= on)
            .order_by(f.day, f.activity, f.id)
        ).mappings()
    )
    r_ = clinician_review.c
    reviews = tuple(
        mapping.row_to_review(r)
        for r in conn.execute(
            select(clinician_review)
            .where(r_.person_id == pid, r_.day <= on)
            .order_by(r_.day, r_.id)
        ).mappings()
    )
    return Journal(profile, checkins, sessions, activities, ratings, reviews).sorted()
