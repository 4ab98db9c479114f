"""The rows the worklist summary of a day reads (`sicoach.domain.person_summary`): the
date and pain of every check-in (two columns a day), and only the last two weeks' sessions
and activities plus the latest of each, so a write's summary stays cheap after a year."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, func, or_, select

from sicoach.domain.journal import CheckIn, ExerciseResult, Journal, Profile
from sicoach.domain.person_summary import ADHERENCE_DAYS
from sicoach.store import mapping
from sicoach.store.tables import activity, checkin, exercise_result, session


def load_summary_window(conn: Connection, pid: int, on: date, profile: Profile | None) -> Journal:
    """The records `summarise(..., recent, on)` needs, and no more."""
    since = on - timedelta(days=ADHERENCE_DAYS)
    c = checkin.c
    checkins = tuple(  # the date and pain only: all the summary reads of a check-in
        CheckIn(day, pain=pain)
        for day, pain in conn.execute(
            select(c.day, c.pain).where(c.person_id == pid, c.day <= on).order_by(c.day)
        ).all()
    )
    s = session.c
    end = datetime.combine(on + timedelta(days=1), time())
    latest = select(func.max(s.started_at)).where(s.person_id == pid, s.started_at < end)
    session_rows = list(
        conn.execute(
            select(session)
            .where(
                s.person_id == pid,
                s.started_at < end,
                or_(
                    s.started_at >= datetime.combine(since, time()),
                    s.started_at == latest.scalar_subquery(),
                ),
            )
            .order_by(s.started_at, s.id)
        ).mappings()
    )
    results: dict[int, list[ExerciseResult]] = {}
    ids = [r["id"] for r in session_rows]
    if ids:
        e = exercise_result.c
        for r in conn.execute(
            select(exercise_result)
            .where(e.person_id == pid, e.session_id.in_(ids))
            .order_by(e.session_id, e.position)
        ).mappings():
            results.setdefault(r["session_id"], []).append(mapping.row_to_result(r))
    sessions = tuple(mapping.row_to_session(r, results.get(r["id"], ())) for r in session_rows)
    a = activity.c
    latest_day = select(func.max(a.day)).where(a.person_id == pid, a.day <= on)
    activities = tuple(
        mapping.row_to_activity(r)
        for r in conn.execute(
            select(activity)
            .where(
                a.person_id == pid,
                a.day <= on,
                or_(a.day >= since, a.day == latest_day.scalar_subquery()),
            )
            .order_by(a.day, a.id)
        ).mappings()
    )
    return Journal(profile, checkins, sessions, activities).sorted()
