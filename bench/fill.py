"""A clinic filled fast for the benches (bench/clinic.py, bench/load.py).

Going through the services writes one patient at a time and re-derives their state on each
commit, which takes far too long for 2,000 patients with a year each. Here the journals go
straight into the tables (PostgreSQL's COPY; the driver's executemany on SQLite), and the
derived per-person state is then built by the project's own rebuild (`sicoach people
refresh`: each journal read once for the plan carry and the worklist summary, split over
two processes on PostgreSQL), so the rows come from the one derivation there is.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.services import accounts, passwords
from sicoach.services.context import Context
from sicoach.services.person_state import rebuild_everyone
from sicoach.settings import Settings
from sicoach.store import mapping
from sicoach.store.account_tables import account, care_link
from sicoach.store.engine import dispose_engines, get_engine
from sicoach.store.tables import activity, checkin, exercise_result, person, profile, session

PASSWORD = "blue kettle morning walk"
CLINICIAN = "doc@clinic.example"
NOW = datetime(2026, 11, 20, 8)
DAYS = 365
EXERCISES = ("pelvic_tilt", "bridge", "cat_cow", "single_knee_to_chest", "inner_thigh_squeeze")
SIGNS = ("calf_swelling", "fever", "night_pain", "saddle_numbness", "unexplained_weight_loss")
BATCH = 50  # patients per transaction


def patient_email(n: int) -> str:
    return f"p{n}@home.example"


def journal_name(n: int) -> str:
    """The name of patient `n`'s journal (their `person` row)."""
    return f"bench-patient-{n}"


def a_year(rng: random.Random) -> Journal:
    """A year of one patient: check-ins most days, sessions 4 days a week, walks; some
    stopped in the last weeks, a few reported a warning sign lately."""
    first = NOW.date() - timedelta(days=DAYS - 1)
    stopped_at = DAYS - rng.randint(1, 20) if rng.random() < 0.15 else DAYS
    sign_day = DAYS - rng.randint(1, 10) if rng.random() < 0.05 else None
    checkins, sessions, walks = [], [], []
    for i in range(stopped_at):
        day = first + timedelta(days=i)
        if rng.random() < 0.8 or i == sign_day:
            signs = (rng.choice(SIGNS),) if i == sign_day else ()
            pain = max(0, min(10, 6 - i // 90 + rng.randint(-2, 2)))
            checkins.append(CheckIn(day, pain=pain, symptoms=signs))
        if day.weekday() in (0, 2, 4, 5) and rng.random() < 0.85:
            start = datetime.combine(day, datetime.min.time()).replace(hour=7)
            done = tuple(ExerciseResult(e, reps=8, pain=rng.randint(0, 5)) for e in EXERCISES)
            sessions.append(Session(start, pain_before=4, pain_after=3, exercises=done))
        if rng.random() < 0.5:
            walks.append(Activity(day, "walking", rng.randint(10, 45)))
    profile_ = Profile(started_on=first, birth_year=rng.randint(1945, 2000))
    return Journal(profile_, tuple(checkins), tuple(sessions), tuple(walks))


@dataclass(frozen=True)
class Clinic:
    """What the benches need of the filled clinic: an admin context on its database (clock
    fixed at NOW), the clinician's account, and the patients' accounts in fill order."""

    context: Context
    clinician_id: int
    patient_ids: list[int]


def _returning_ids(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    query = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(i) for i in conn.execute(query, rows).scalars().all()]


def _new_ids(conn: Connection, table: Any, count: int) -> list[int]:
    """`count` ids for rows written with their id: drawn from the table's sequence on
    PostgreSQL, after the highest on SQLite (the fill's transaction holds the write lock)."""
    if conn.dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)")
        return [int(i) for i in conn.execute(query, {"t": table.name, "n": count}).scalars()]
    highest = conn.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def _columns(table: Any, rows: list[dict[str, Any]]) -> tuple[str, list[Any]]:
    """The quoted column list for the rows, and the values of the columns they leave to a
    Python-side default (written out, since the server knows no such default)."""
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.default is not None and c.default.is_scalar and c.name not in rows[0]
    }
    return ", ".join(f'"{name}"' for name in [*rows[0], *defaults]), list(defaults.values())


def _copy(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY of the rows, every column named (a Python-side default filled in,
    since COPY leaves an unnamed column to the server's default)."""
    names, defaults = _columns(table, rows)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([*row.values(), *defaults])


def _sqlite_value(value: Any) -> Any:
    """A value as SQLAlchemy stores it in SQLite (dates and times as ISO text)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value.isoformat() if isinstance(value, date) else value


def _bulk(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows at once: COPY on PostgreSQL; on SQLite the driver's executemany (turning
    each value as SQLAlchemy would, without its per-row cost)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
        return
    names, defaults = _columns(table, rows)
    marks = ", ".join("?" * (len(rows[0]) + len(defaults)))
    statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.executemany(
        statement,
        ([*map(_sqlite_value, row.values()), *defaults] for row in rows),
    )


def _sessions(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the sessions with ids drawn first (the exercise results point at them)."""
    ids = _new_ids(conn, session, len(rows))
    _bulk(conn, session, [{"id": i, **row} for i, row in zip(ids, rows, strict=True)])
    return ids


def _fill_batch(
    conn: Connection, numbers: Iterable[int], journals: list[Journal], hashed: str, doc: int
) -> list[int]:
    """One batch of patients: people, accounts, links, profiles and their journals."""
    numbers = list(numbers)
    if (
        conn.dialect.name == "postgresql"
        and conn.execute(text("SHOW is_superuser")).scalar() == "on"
    ):
        # The rows are consistent by construction: skip the per-row foreign-key triggers
        # for this transaction (the slowest part of COPY), as a restore of a dump does.
        conn.execute(text("SET LOCAL session_replication_role = replica"))
    pids = _returning_ids(conn, person, [{"name": journal_name(n)} for n in numbers])
    accounts_ = [
        {
            "journal_id": pid,
            "email": patient_email(n),
            "display_name": f"Patient {n:04d}",
            "role": "patient",
            "password_hash": hashed,
            "disabled": False,
            "created_at": NOW,
        }
        for pid, n in zip(pids, numbers, strict=True)
    ]
    account_ids = _returning_ids(conn, account, accounts_)
    links = [{"clinician_id": doc, "patient_id": a, "created_at": NOW} for a in account_ids]
    _bulk(conn, care_link, links)
    pairs = list(zip(pids, journals, strict=True))
    _bulk(conn, profile, [mapping.profile_to_row(j.profile, p) for p, j in pairs if j.profile])
    _bulk(conn, checkin, [mapping.checkin_to_row(c, p) for p, j in pairs for c in j.checkins])
    _bulk(conn, activity, [mapping.activity_to_row(a, p) for p, j in pairs for a in j.activities])
    owned = [(p, s) for p, j in pairs for s in j.sessions]
    ids = _sessions(conn, [mapping.session_to_row(s, p) for p, s in owned])
    results = [
        mapping.result_to_row(r, sid, i, p)
        for sid, (p, s) in zip(ids, owned, strict=True)
        for i, r in enumerate(s.exercises)
    ]
    _bulk(conn, exercise_result, results)
    return account_ids


def fill_clinic(settings: Settings, patients: int, seed: int = 16, processes: int = 2) -> Clinic:
    """Fill an empty clinic database: one clinician linked to `patients` patients with a
    year each (every patient's password is PASSWORD), then rebuild every derived row with
    `processes` processes."""
    ctx = Context(settings, clock=FixedClock(NOW))
    doc = accounts.add_account(ctx, CLINICIAN, "clinician", "Dr Lee", PASSWORD)
    hashed = passwords.hash_password(PASSWORD)  # one hash for all: hashing is slow on purpose
    engine = get_engine(settings.database_url)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    patient_ids: list[int] = []
    rows = 0
    for start in range(0, patients, BATCH):
        numbers = range(start, min(start + BATCH, patients))
        journals = [a_year(rng) for _ in numbers]
        rows += sum(
            len(j.checkins) + len(j.activities) + sum(1 + len(s.exercises) for s in j.sessions)
            for j in journals
        )
        with engine.begin() as conn:
            patient_ids += _fill_batch(conn, numbers, journals, hashed, doc.id)
        if len(patient_ids) % 250 == 0 or len(patient_ids) == patients:
            print(
                f"  inserted {len(patient_ids)}/{patients} patients, {rows:,} rows, "
                f"{time.perf_counter() - t0:.0f} s",
                flush=True,
            )
    t1 = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done % 250 == 0 or done == total:
            print(
                f"  derived state: {done}/{total} people, {time.perf_counter() - t1:.0f} s",
                flush=True,
            )

    if not settings.database_url.startswith("postgresql"):
        processes = 1  # SQLite's one write lock would serialise them (see rebuild_all)
    print(f"  rebuilding the derived state ({processes} process(es)) ...", flush=True)
    dispose_engines()  # no pooled connection crosses the fork
    rebuild_everyone(ctx, progress, processes)
    print(
        f"  filled in {time.perf_counter() - t0:.0f} s (inserts {t1 - t0:.0f} s, "
        f"derived state {time.perf_counter() - t1:.0f} s)",
        flush=True,
    )
    return Clinic(ctx, doc.id, patient_ids)
