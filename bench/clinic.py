"""A clinic at scale: 2,000 patients with a year of data each, one clinician linked to all.

Fills the clinic in bulk (bench/fill.py), then prints, through the real app (in-process
client) on the same database:
- the worklist page (GET /patients) p50/p95 beside a bare endpoint (/healthz) of the same
  server, signed in as the clinician (target: worklist p95 under 150 ms at 2,000 patients);
- the CSV of the whole worklist;
- one check-in of a patient with a year of data, including the derived-state update in
  the same transaction (target: under 50 ms), beside the state update alone;
- how long `sicoach people refresh` takes to rebuild every row from the journals (the fill's
  "derived state" line: the fill runs that same rebuild).

`python bench/clinic.py [PATIENTS] [--postgres] [--keep FOLDER]` (default 2000 on a
temporary SQLite file; `--postgres` starts a throw-away PostgreSQL server the way the tests
do; `--keep FOLDER` fills a SQLite clinic there once, and later runs measure it again
without the fill, which takes most of a run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

from fill import CLINICIAN, NOW, fill_clinic, journal_name

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, signin
from sicoach.services.commands import LogCheckIn
from sicoach.services.context import Context
from sicoach.services.handlers import execute
from sicoach.services.person_state import summariser
from sicoach.settings import CLINIC, Settings, sqlite_url
from sicoach.web.app import create_app
from sicoach.web.clinic import session_cookie_name

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def percentiles(label: str, fn: Callable[[], object], runs: int) -> None:
    """Wall p50/p95, and this process's CPU per call (what a loaded machine changes least)."""
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    cpu95 = cpu[max(0, int(len(cpu) * 0.95) - 1)]
    print(
        f"{label:<58} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
        f"CPU p50 {statistics.median(cpu):6.1f} / p95 {cpu95:6.1f} ms  ({runs} runs)"
    )


@contextmanager
def database(folder: Path, on_postgres: bool) -> Iterator[str]:
    if not on_postgres:
        yield sqlite_url(folder / "clinic.sqlite3")
        return
    from load import postgres

    with postgres() as url:
        yield url


def measure(settings: Settings, patients: int, filled: bool = False) -> None:
    if filled:
        print("  the clinic was filled by an earlier run: measuring it as it is", flush=True)
        ctx = Context(settings, clock=FixedClock(NOW))
    else:
        ctx = fill_clinic(settings, patients).context
    token = signin.start_session(ctx, accounts.find_account(ctx, CLINICIAN)).token
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
    patient = replace(ctx, person=journal_name(patients - 1))

    def check_in() -> None:
        execute(patient, LogCheckIn(pain=3, day=date(2026, 11, 20)))

    percentiles("one check-in (a year of data) with its state update", check_in, 50)
    summary = summariser(patient.clock)

    def state_alone() -> None:
        with patient.uow(read_only=True) as uow:
            summary(uow.journal)

    percentiles("the state update alone (windows read + summarise)", state_alone, 50)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patients", type=int, nargs="?", default=2000)
    parser.add_argument("--postgres", action="store_true", help="on PostgreSQL, not SQLite")
    parser.add_argument(
        "--keep",
        type=Path,
        help="SQLite: fill the clinic into this folder once and measure it again on later runs",
    )
    args = parser.parse_args()
    if args.keep and args.postgres:
        parser.error("--keep is for SQLite only")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sicoach-bench-clinic-"))
    filled = bool(args.keep) and (folder / "clinic.sqlite3").exists()
    load = os.getloadavg()
    print(
        f"Clinic of {args.patients} patients, a year each, on "
        f"{'PostgreSQL' if args.postgres else 'SQLite'} at {NOW:%Y-%m-%d}; "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
        flush=True,
    )
    with database(folder, args.postgres) as url:
        measure(Settings(url, folder, mode=CLINIC), args.patients, filled)
    load = os.getloadavg()
    print(f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


if __name__ == "__main__":
    main()
