"""A clinic at scale: 2,000 patients with a year of data each, one clinician linked to all.

Prints, on a temporary SQLite file through the real app (in-process client):
- the worklist page (GET /patients) p50/p95 beside a bare endpoint (/healthz) of the same
  server, signed in as the clinician (target: worklist p95 under 150 ms at 2,000 patients);
- the CSV of the whole worklist;
- one check-in of a patient with a year of data, including the derived-state update in
  the same transaction (target: under 50 ms), beside the state update alone;
- how long `sicoach people refresh` takes to rebuild every row from the journals.

`python bench/clinic.py [PATIENTS]` (default 2000; the fill takes a few minutes).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import Activity, CheckIn, ExerciseResult, Journal, Profile, Session
from sicoach.services import accounts, signin
from sicoach.services.commands import LogCheckIn
from sicoach.services.context import Context
from sicoach.services.handlers import execute
from sicoach.services.person_state import refresh_everyone, summariser
from sicoach.settings import CLINIC, Settings, sqlite_url
from sicoach.web.app import create_app
from sicoach.web.clinic import session_cookie_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "blue kettle morning walk"
NOW = datetime(2026, 11, 20, 8)
DAYS = 365
EXERCISES = ("pelvic_tilt", "bridge", "cat_cow", "single_knee_to_chest", "inner_thigh_squeeze")
SIGNS = ("calf_swelling", "fever", "night_pain", "saddle_numbness", "unexplained_weight_loss")


def a_year(rng: random.Random) -> Journal:
    """A year of one patient: daily check-ins (most days), sessions 4 days a week, walks;
    some stop in the last weeks, a few report a warning sign lately."""
    first = NOW.date() - timedelta(days=DAYS - 1)
    stopped_at = DAYS - rng.randint(1, 20) if rng.random() < 0.15 else DAYS
    sign_day = DAYS - rng.randint(1, 10) if rng.random() < 0.05 else None
    checkins, sessions, walks = [], [], []
    for i in range(stopped_at):
        day = first + timedelta(days=i)
        if rng.random() < 0.8 or i == sign_day:
            signs = (rng.choice(SIGNS),) if i == sign_day else ()
            checkins.append(
                CheckIn(day, pain=max(0, min(10, 6 - i // 90 + rng.randint(-2, 2))), symptoms=signs)
            )
        if day.weekday() in (0, 2, 4, 5) and rng.random() < 0.85:
            start = datetime.combine(day, datetime.min.time()).replace(hour=7)
            done = tuple(ExerciseResult(e, reps=8, pain=rng.randint(0, 5)) for e in EXERCISES)
            sessions.append(Session(start, pain_before=4, pain_after=3, exercises=done))
        if rng.random() < 0.5:
            walks.append(Activity(day, "walking", rng.randint(10, 45)))
    profile = Profile(started_on=first, birth_year=rng.randint(1945, 2000))
    return Journal(profile, tuple(checkins), tuple(sessions), tuple(walks))


def percentiles(label: str, fn: Callable[[], object], runs: int) -> None:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"{label:<58} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms  ({runs} runs)")


def fill(ctx: Context, patients: int) -> tuple[int, Context]:
    doc = accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    rng = random.Random(16)
    t0 = time.perf_counter()
    last = ctx
    for n in range(patients):
        account = accounts.add_account(ctx, f"p{n}@home.example", "patient", f"Patient {n:04d}")
        accounts.link(ctx, doc.id, account.id)
        last = replace(ctx, person=account.journal)
        with last.uow() as uow:  # the commit writes the derived state too
            uow.journal.import_journal(a_year(rng), replace=False)
            uow.commit()
        if (n + 1) % 250 == 0:
            print(f"  filled {n + 1} patients in {time.perf_counter() - t0:.0f} s", flush=True)
    return doc.id, last


def main() -> None:
    patients = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folder = Path(tempfile.mkdtemp(prefix="sicoach-bench-clinic-"))
    settings = Settings(sqlite_url(folder / "clinic.sqlite3"), folder, mode=CLINIC)
    ctx = Context(settings, clock=FixedClock(NOW))
    print(f"Filling a clinic of {patients} patients, a year each ({folder}) ...", flush=True)
    _doc, patient = fill(ctx, patients)
    token = signin.start_session(ctx, accounts.find_account(ctx, "doc@clinic.example")).token
    with TestClient(create_app(ctx), base_url="http://127.0.0.1:8000") as client:
        client.cookies.set(session_cookie_name(False), token)
        page = client.get("/patients")
        assert page.status_code == 200 and "Patient 0" in page.text, page.status_code
        percentiles("GET /healthz, signed in (bare reference)", lambda: client.get("/healthz"), 200)
        percentiles(
            f"GET /patients, worklist of {patients} (page 1)", lambda: client.get("/patients"), 100
        )
        percentiles(
            "GET /patients?level=urgent&q=patient 1",
            lambda: client.get("/patients", params={"level": "urgent", "q": "patient 1"}),
            50,
        )
        percentiles(
            "GET /patients/worklist.csv (every patient)",
            lambda: client.get("/patients/worklist.csv"),
            10,
        )

    def check_in() -> None:
        execute(patient, LogCheckIn(pain=3, day=date(2026, 11, 20)))

    percentiles("one check-in (a year of data) with its state update", check_in, 50)
    summary = summariser(patient.clock)

    def state_alone() -> None:
        with patient.uow(read_only=True) as uow:
            summary(uow.journal)

    percentiles("the state update alone (windows read + summarise)", state_alone, 50)
    t0 = time.perf_counter()
    count = refresh_everyone(ctx)
    took = time.perf_counter() - t0
    print(
        f"people refresh: rebuilt {count} rows in {took:.1f} s ({took / count * 1000:.1f} ms each)"
    )


if __name__ == "__main__":
    main()
