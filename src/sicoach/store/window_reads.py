"""The rows `sicoach.domain.journal_window.safety_window` picks, read straight from the
database: the firsts come from one aggregate query per table, then only the window's rows
are read, so the cost stays flat however many years the journal holds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, case, func, or_, select, union_all

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


def _merged(spans: tuple[tuple[date, date], ...], on: date) -> list[tuple[date, date]]:
    """The spans cut at `on`, sorted, overlapping or touching ones joined (so each day is
    read once)."""
    out: list[tuple[date, date]] = []
    for a, b in sorted((a, min(b, on)) for a, b in spans):
        if a > b:
            continue
        if out and a <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _span_params(spans: list[tuple[date, date]], *, moments: bool = False) -> dict[str, Any]:
    """The bound values of `_span_statement`'s spans: each span's first and last day (or,
    for `moments`, the start of its first day and of the day after its last)."""
    params: dict[str, Any] = {}
    for i, (a, b) in enumerate(spans):
        if moments:
            params[f"a{i}"] = datetime.combine(a, time())
            params[f"b{i}"] = datetime.combine(b + timedelta(days=1), time())
        else:
            params[f"a{i}"], params[f"b{i}"] = a, b
    return params


def _span_reads(
    columns: tuple[Any, ...], person: Any, day: Any, count: int, *, moments: bool = False
) -> list[Select[Any]]:
    """One indexed range read per span (`person`, `day` lead an index of every table read
    here), so the database seeks to each span instead of filtering all of a person's rows
    against an OR of ranges (which grows with the years). The person is `:pid`, span `i`
    runs from `:a{i}` to `:b{i}` (`_span_params`)."""
    reads = []
    for i in range(count):
        a: Any = bindparam(f"a{i}")
        b: Any = bindparam(f"b{i}")
        inside = and_(day >= a, day < b) if moments else day.between(a, b)
        reads.append(select(*columns).where(person == bindparam("pid"), inside))
    return reads


def _ordered(reads: list[Select[Any]], *order: str) -> Any:
    """The reads as one statement, ordered by the named columns (no read: no rows)."""
    if len(reads) == 1:
        return reads[0].order_by(*(reads[0].selected_columns[name] for name in order))
    both = union_all(*reads)
    return both.order_by(*(both.selected_columns[name] for name in order))


# Each statement below is built once per shape (the number of spans and the optional parts)
# with bound parameters: building and keying a statement afresh on every read cost more
# than running it.


@cache
def _checkins_statement(count: int, extra: bool, warnings: bool) -> Any:
    c = checkin.c
    columns = tuple(checkin.c)
    reads = _span_reads(columns, c.person_id, c.day, count)
    if extra:
        days: Any = bindparam("extra", expanding=True)
        reads.append(select(*columns).where(c.person_id == bindparam("pid"), c.day.in_(days)))
    if warnings:
        maybe = or_(*(c.symptoms.contains(code) for code in WARNING_CODES))
        on = c.day <= bindparam("on")
        reads.append(select(*columns).where(c.person_id == bindparam("pid"), on, maybe))
    return _ordered(reads, "day")


@cache
def _sessions_statement(count: int) -> Any:
    s = session.c
    columns = (s.id, s.started_at, s.pain_before, s.pain_after, s.partial)
    reads = _span_reads(columns, s.person_id, s.started_at, count, moments=True)
    return _ordered(reads, "started_at", "id")


@cache
def _results_statement() -> Any:
    e = exercise_result.c
    return (
        select(e.session_id, e.exercise_id, e.level, e.reps, e.hurt, e.pain, e.skipped)
        .where(e.session_id.in_(bindparam("ids", expanding=True)))
        .order_by(e.session_id, e.position)
    )


@cache
def _activities_statement(count: int) -> Any:
    a = activity.c
    columns = (a.id, a.day, a.kind, a.minutes)
    return _ordered(_span_reads(columns, a.person_id, a.day, count), "day", "id")


@cache
def _few_statements() -> tuple[Any, Any]:
    f, r_ = function_rating.c, clinician_review.c
    ratings = (
        select(function_rating)
        .where(f.person_id == bindparam("pid"), f.day <= bindparam("on"))
        .order_by(f.day, f.activity, f.id)
    )
    reviews = (
        select(clinician_review)
        .where(r_.person_id == bindparam("pid"), r_.day <= bindparam("on"))
        .order_by(r_.day, r_.id)
    )
    return ratings, reviews


def _checkins_in(
    conn: Connection,
    pid: int,
    spans: list[tuple[date, date]],
    on: date,
    days: tuple[date, ...] = (),
    warnings: bool = False,
) -> tuple[CheckIn, ...]:
    """The check-ins of `spans` (already cut at `on`), of `days`, and (`warnings`) any whose
    symptoms may hold a warning sign, up to `on`."""
    extra = sorted({d for d in days if d <= on and not any(a <= d <= b for a, b in spans)})
    if not spans and not extra and not warnings:
        return ()
    params = {"pid": pid, "on": on, **_span_params(spans)}
    if extra:
        params["extra"] = extra
    statement = _checkins_statement(len(spans), bool(extra), warnings)
    seen: set[date] = set()
    out = []
    for row in conn.execute(statement, params).mappings().all():
        if row["day"] not in seen:  # a warning-sign day may also lie in a span
            seen.add(row["day"])
            out.append(mapping.row_to_checkin(row))
    return tuple(out)


def load_safety_window(conn: Connection, pid: int, on: date, profile: Profile | None) -> Journal:
    """The same journal as `safety_window(whole journal, on)`, reading only its rows."""
    firsts, latest = _firsts(conn, pid, on, profile)
    spans = firsts.spans(on)

    def kept(day: date) -> bool:
        return any(a <= day <= b for a, b in spans)

    days = (latest,) if latest is not None else ()
    checkins = tuple(
        ck
        for ck in _checkins_in(conn, pid, _merged(spans, on), on, days, warnings=True)
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
    checkins = _checkins_in(conn, pid, _merged(spans, on), on, checkin_days)
    activities = _activities_in(conn, pid, spans, on)
    sessions = _sessions_in(conn, pid, spans, on)
    return _with_the_few(conn, pid, on, profile, checkins, sessions, activities)


def _sessions_in(
    conn: Connection, pid: int, spans: tuple[tuple[date, date], ...], on: date
) -> tuple[Session, ...]:
    """The sessions started in `spans` up to the end of `on`, each with its results.

    The hot read of every first page after a write (hundreds of results): plain rows of the
    columns needed, fetched at once, and one shared object per distinct result (most days
    repeat the same exercises at the same dose), instead of a mapping and a new object per
    row."""
    merged = _merged(spans, on)
    if not merged:
        return ()
    params = {"pid": pid, **_span_params(merged, moments=True)}
    session_rows = conn.execute(_sessions_statement(len(merged)), params).all()
    results: dict[int, list[ExerciseResult]] = {}
    shared: dict[tuple[Any, ...], ExerciseResult] = {}
    ids = [r[0] for r in session_rows]
    for start in range(0, len(ids), 500):
        rows = conn.execute(_results_statement(), {"ids": ids[start : start + 500]}).all()
        for sid, *fields_ in rows:
            key = tuple(fields_)
            result = shared.get(key)
            if result is None:
                ex, level, reps, hurt, pain, skipped = key
                result = shared[key] = ExerciseResult(
                    ex, level, reps, bool(hurt), pain, bool(skipped)
                )
            results.setdefault(sid, []).append(result)
    return tuple(
        Session(started_at, before, after, tuple(results.get(sid, ())), bool(partial))
        for sid, started_at, before, after, partial in session_rows
    )


def _activities_in(
    conn: Connection, pid: int, spans: tuple[tuple[date, date], ...], on: date
) -> tuple[Activity, ...]:
    """The activities of the days in `spans`, up to `on`."""
    merged = _merged(spans, on)
    if not merged:
        return ()
    params = {"pid": pid, **_span_params(merged)}
    return tuple(
        Activity(day, kind, minutes)
        for _, day, kind, minutes in conn.execute(_activities_statement(len(merged)), params).all()
    )


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
    ratings_read, reviews_read = _few_statements()
    params = {"pid": pid, "on": on}
    ratings = tuple(
        mapping.row_to_function(r) for r in conn.execute(ratings_read, params).mappings().all()
    )
    reviews = tuple(
        mapping.row_to_review(r) for r in conn.execute(reviews_read, params).mappings().all()
    )
    return Journal(profile, checkins, sessions, activities, ratings, reviews).sorted()


def latest_days(conn: Connection, pid: int, on: date) -> tuple[date, ...]:
    """The days of the latest session and the latest activity up to `on` (one statement),
    for the worklist's "last seen" when they fall before every window."""
    s, a = session.c, activity.c
    end = datetime.combine(on + timedelta(days=1), time())
    row = conn.execute(
        select(
            select(func.max(s.started_at))
            .where(s.person_id == pid, s.started_at < end)
            .scalar_subquery(),
            select(func.max(a.day)).where(a.person_id == pid, a.day <= on).scalar_subquery(),
        )
    ).one()
    return tuple(d for d in (_as_date(row[0]), _as_date(row[1])) if d is not None)


def latest_record_before(conn: Connection, pid: int, day: date) -> date | None:
    """The day of the latest check-in, session or activity before `day` (one statement),
    so a page of the history can skip back over weeks with nothing in them."""
    c, s, a = checkin.c, session.c, activity.c
    row = conn.execute(
        select(
            select(func.max(c.day)).where(c.person_id == pid, c.day < day).scalar_subquery(),
            select(func.max(s.started_at))
            .where(s.person_id == pid, s.started_at < datetime.combine(day, time()))
            .scalar_subquery(),
            select(func.max(a.day)).where(a.person_id == pid, a.day < day).scalar_subquery(),
        )
    ).one()
    return max((d for d in map(_as_date, row) if d is not None), default=None)
