"""Load test: a clinic's realistic mix from 50 simulated users against 1, 2 and 4 app
processes on PostgreSQL (Locust, headless, loopback only, bounded time).

Starts a throw-away PostgreSQL server as the tests do (initdb, pg_ctl on a free loopback
port), fills a clinic in bulk (bench/fill.py: 2,000 patients with a year each, one clinician
linked to all), signs the users in, then for each process count runs `sicoach serve
--workers N` in clinic mode and Locust's patients and clinicians (bench/load_users.py) for
`--seconds`, and prints throughput, p50/p95/p99 per request kind, errors, and the bare
/healthz beside them.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/load.py [--seconds 30] [--users 50] [--patients 2000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fill import CLINICIAN, NOW, Clinic, fill_clinic, patient_email

from sicoach.services import accounts, signin
from sicoach.settings import CLINIC, Settings
from sicoach.store.engine import dispose_engines
from sicoach.web.clinic import session_cookie_name

HERE = Path(__file__).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else Path(shutil.which("initdb") or "initdb").parent


def as_postgres(*args: str) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else list(args)


@contextmanager
def postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder; yields the URL of database `sicoach`."""
    base = Path(tempfile.mkdtemp(prefix="sicoach-load-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(base, user.pw_uid, user.pw_gid)
    data, port, binaries = base / "data", free_port(), pg_bin()
    subprocess.run(
        as_postgres(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "sicoach"),
        check=True,
        capture_output=True,
    )
    options = f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c max_connections=200"
    pg_ctl = str(binaries / "pg_ctl")
    subprocess.run(
        as_postgres(pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [
                str(binaries / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "sicoach",
                "sicoach",
            ],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://sicoach@127.0.0.1:{port}/sicoach"
    finally:
        subprocess.run(
            as_postgres(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"), capture_output=True
        )
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def app_processes(env: dict[str, str], workers: int) -> Iterator[str]:
    """`sicoach serve --workers N` on a free loopback port, once /readyz says ready."""
    port = free_port()
    command = [sys.executable, "-m", "sicoach", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the app processes did not become ready")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=60)


def run_locust(
    base: str, users: int, seconds: int, folder: Path, env: dict[str, str]
) -> list[dict[str, str]]:
    prefix = folder / "stats"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(HERE / "load_users.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            base,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        check=False,
        capture_output=True,
        env=env,
    )
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def show(workers: int, rows: list[dict[str, str]]) -> float:
    load = os.getloadavg()
    print(
        f"\n{workers} app process{'es' if workers > 1 else ''} (load average after the run "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})"
    )
    print(f"  {'kind':<20}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}")
    total = 0.0
    for row in rows:
        name = "all" if row["Name"] == "Aggregated" else row["Name"]
        if name == "all":
            total = float(row["Requests/s"])
        print(
            f"  {name:<20}{row['Request Count']:>9}{row['Failure Count']:>8}"
            f"{float(row['Requests/s']):>8.1f}{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
        )
    return total


def sign_in_everyone(clinic: Clinic, patients: int, path: Path) -> None:
    """Sessions for the Locust users (the clinician, and up to 200 patients), in a file."""
    ctx = clinic.context
    doc = accounts.find_account(ctx, CLINICIAN)
    tokens = []
    for n in range(min(patients, 200)):
        account = accounts.find_account(ctx, patient_email(n))
        tokens.append(signin.start_session(ctx, account, keep=True).token)
    sessions = {
        "cookie": session_cookie_name(False),
        "clinician": signin.start_session(ctx, doc, keep=True).token,
        "patients": tokens,
        "patient_ids": clinic.patient_ids,
    }
    path.write_text(json.dumps(sessions))


def check_signed_in(base: str, path: Path) -> None:
    """Refuse to measure sign-in pages: the users' sessions must reach their own pages."""
    sessions = json.loads(path.read_text())
    cookie = sessions["cookie"]
    # A first page on a loaded machine can take seconds (httpx's default gives up at 5 s).
    worklist = httpx.get(base + "/patients", cookies={cookie: sessions["clinician"]}, timeout=120)
    progress = httpx.get(
        base + "/api/v1/progress", cookies={cookie: sessions["patients"][0]}, timeout=120
    )
    if (
        worklist.status_code != 200
        or "Patient " not in worklist.text
        or progress.status_code != 200
    ):
        raise RuntimeError(f"not signed in: {worklist.status_code}, {progress.status_code}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="run time per process count")
    parser.add_argument("--users", type=int, default=50, help="simulated users")
    parser.add_argument("--patients", type=int, default=2000, help="patients in the clinic")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    if shutil.which("locust", path=str(Path(sys.executable).parent)) is None:
        print("Locust is not installed: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder, postgres() as url:
        data = Path(folder)
        load = os.getloadavg()
        print(
            f"Clinic of {args.patients} patients, a year each, on PostgreSQL; {args.users} "
            f"users for {args.seconds} s per run; {os.cpu_count()} cores, load average "
            f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
            flush=True,
        )
        clinic = fill_clinic(Settings(url, data, mode=CLINIC), args.patients)
        sign_in_everyone(clinic, args.patients, data / "sessions.json")
        dispose_engines()  # the app processes own the database from here
        env = {
            **os.environ,
            "SICOACH_DATABASE_URL": url,
            "SICOACH_DATA_DIR": str(data),
            "SICOACH_MODE": "clinic",
            "SICOACH_SECRET_KEY": "load-test-key-shared-by-every-process",
            "SICOACH_FAKE_NOW": NOW.isoformat(),
            "SICOACH_BENCH_SESSIONS": str(data / "sessions.json"),
        }
        env.pop("SICOACH_DB", None)
        throughput = {}
        for workers in args.processes:
            with app_processes(env, workers) as base:
                check_signed_in(base, data / "sessions.json")
                rows = run_locust(base, args.users, args.seconds, data, env)
            throughput[workers] = show(workers, rows)
        first = throughput[args.processes[0]] or 1.0
        ratio = ", ".join(f"{n}: {t / first:.2f}x" for n, t in throughput.items())
        print(f"\nthroughput relative to {args.processes[0]} process: {ratio}")
        load = os.getloadavg()
        print(f"load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
