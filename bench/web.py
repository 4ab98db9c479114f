"""Benchmark: the today page of a long journal under concurrent clients, and after writes.

Starts `sicoach serve` on a free loopback port with a temporary SQLite file holding `--years`
of daily check-ins, sessions and walks, then sends the same number of requests to the
today page and to the bare /healthz endpoint of that server, a bounded number at a time,
then saves a walk and loads the today page, the progress page, the progress API and the
page at a glance (`/overview`) `--writes` times (one client, /healthz in the same loop as
their reference), and prints p50/p95 latency and requests per second (target: today p95
under 50 ms, right after a write too); then (`--everyday` rounds) each everyday page
(settings, the check-in and activity forms, history, a note's reading, the screen's
questions, the profile and the lists' APIs) as the first request after its own write, with
the server's CPU per request beside /healthz's.

    .venv/bin/python bench/web.py [--years 10] [--requests 400] [--concurrency 4]
        [--writes 40] [--write walk|checkin]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx

END = date(2026, 11, 20)
YEARS = 3
EXERCISES = (
    "pelvic_tilt",
    "knee_to_chest",
    "double_knee_to_chest",
    "inner_thigh_squeeze",
    "figure_four",
    "supine_twist",
    "side_lying_quad_stretch",
    "bridge",
    "cat_cow",
    "triangle_pose",
)


def three_year_journal(seed: int = 7, years: int = YEARS) -> dict[str, object]:
    """A calm, steadily improving journal: a check-in every day, sessions and walks most days."""
    rng = random.Random(seed)
    start = END - timedelta(days=365 * years)
    checkins, sessions, activities = [], [], []
    day = start
    while day <= END:
        progress = (day - start).days / (END - start).days
        pain = max(0, min(10, round(6 - 4 * progress + rng.uniform(-1, 1))))
        checkins.append(
            {
                "date": day.isoformat(),
                "pain": pain,
                "worst_pain": min(10, pain + 1),
                "mobility": max(0, min(10, round(4 + 5 * progress + rng.uniform(-1, 1)))),
                "symptoms": ["pain_worse_sitting"] if rng.random() < 0.2 else [],
                "note": "",
            }
        )
        if rng.random() < 0.75:
            started = datetime.combine(day, datetime.min.time()).replace(hour=7, minute=30)
            sessions.append(
                {
                    "started_at": started.isoformat(),
                    "pain_before": pain,
                    "pain_after": max(0, pain - 1),
                    "exercises": [
                        {"id": e, "level": 0, "reps": 5, "hurt": False, "pain": 2}
                        for e in EXERCISES
                    ],
                }
            )
        if rng.random() < 0.6:
            activities.append({"date": day.isoformat(), "kind": "walking", "minutes": 25})
        day += timedelta(days=1)
    return {
        "format": "sicoach.journal",
        "version": 1,
        "profile": {
            "started_on": start.isoformat(),
            "birth_year": 1970,
            "sex": "female",
            "pregnancy": None,
            "sedentary_job": True,
            "overweight": False,
            "frequent_lifting": False,
            "history": [],
        },
        "checkins": checkins,
        "sessions": sessions,
        "activities": activities,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def hammer(url: str, total: int, concurrency: int) -> tuple[list[float], float, float]:
    """`total` GETs of `url`, at most `concurrency` in flight.

    Returns the latencies (s), the wall time (s) and the time of the first request, which
    fills the server's read cache (the cost after every write to the journal).
    """
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)

    async def worker(client: httpx.AsyncClient) -> None:
        while True:
            try:
                queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            began = time.perf_counter()
            response = await client.get(url)
            latencies.append(time.perf_counter() - began)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: HTTP {response.status_code}")

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        began = time.perf_counter()
        await client.get(url)  # warm up: fills the read cache
        first = time.perf_counter() - began
        began = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        wall = time.perf_counter() - began
    return latencies, wall, first


def server_cpu(pid: int) -> float:
    """The server process's CPU time so far (s), user and system (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Rounds:
    """What `after_writes` measured: wall latencies and the server's CPU per request."""

    def __init__(self) -> None:
        self.today: list[float] = []
        self.bare: list[float] = []
        self.today_cpu: list[float] = []
        self.bare_cpu: list[float] = []
        self.progress: list[float] = []
        self.progress_cpu: list[float] = []
        self.progress_api: list[float] = []
        self.progress_api_cpu: list[float] = []
        self.glance: list[float] = []
        self.glance_cpu: list[float] = []

    def timed(self, client: httpx.Client, pid: int, path: str, kind: str) -> None:
        """One GET of `path`, its wall time and the server's CPU kept under `kind`."""
        cpu, began = server_cpu(pid), time.perf_counter()
        if client.get(path).status_code != 200:
            raise RuntimeError(f"{path}: failed after a write")
        getattr(self, kind).append(time.perf_counter() - began)
        getattr(self, f"{kind}_cpu").append(server_cpu(pid) - cpu)


def after_writes(
    base: str, times: int, pid: int, progress: bool = True, write: str = "walk"
) -> Rounds:
    """Latency of the today page right after each of `times` writes (an activity saved, or
    with `write` "checkin" a check-in of one of the last 50 days, another each round, with a
    pain and mobility it did not have: it changes the rating charts, the costlier write for
    the progress pages),
    then of the progress page and the progress API (unless `progress` is False),
    and of /healthz in the same loop, one client (the reference for the same moments);
    with the server's CPU time spent on each (one request in flight, so the process's CPU
    clock moves for that request alone: a figure a busy machine changes far less)."""
    out = Rounds()
    with httpx.Client(base_url=base, timeout=30) as client:
        for round_ in range(times):
            cpu, began = server_cpu(pid), time.perf_counter()
            client.get("/healthz")
            out.bare.append(time.perf_counter() - began)
            out.bare_cpu.append(server_cpu(pid) - cpu)
            if write == "checkin":  # each round another recent day: a picture not seen yet
                day = (END - timedelta(days=round_ % 50)).isoformat()
                rating = {"date": day, "pain": 9, "mobility": 1}
                saved = client.post("/api/v1/checkins", json=rating)
            else:
                saved = client.post("/api/v1/activities", json={"kind": "walking", "minutes": 5})
            if saved.status_code not in (200, 201):
                raise RuntimeError(f"saving a {write}: HTTP {saved.status_code}")
            out.timed(client, pid, "/", "today")
            if progress:
                out.timed(client, pid, "/progress", "progress")
                out.timed(client, pid, "/api/v1/progress", "progress_api")
                out.timed(client, pid, "/overview", "glance")
    return out


EVERYDAY_PAGES = (
    "/settings",
    "/checkin",
    "/activity",
    "/history",
    f"/checkin/note?date={END.isoformat()}",
    "/api/v1/screen",
    "/api/v1/profile",
    "/api/v1/checkins",
    "/api/v1/activities",
)
"""Pages and API reads a person opens every day besides today and progress: each is
measured as the first request after its own write (a walk saved)."""


def everyday_after_writes(
    base: str, times: int, pid: int
) -> dict[str, tuple[list[float], list[float]]]:
    """For each of `EVERYDAY_PAGES`, `times` rounds of a walk saved then that page: its wall
    latencies and the server's CPU per request (one request in flight)."""
    out: dict[str, tuple[list[float], list[float]]] = {p: ([], []) for p in EVERYDAY_PAGES}
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(times):
            for path, (walls, cpus) in out.items():
                saved = client.post("/api/v1/activities", json={"kind": "walking", "minutes": 5})
                if saved.status_code != 201:
                    raise RuntimeError(f"saving an activity: HTTP {saved.status_code}")
                cpu, began = server_cpu(pid), time.perf_counter()
                if client.get(path).status_code != 200:
                    raise RuntimeError(f"{path}: failed after a write")
                walls.append(time.perf_counter() - began)
                cpus.append(server_cpu(pid) - cpu)
    return out


def report(name: str, latencies: list[float], wall: float, first: float) -> float:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000
    print(
        f"{name:<18} {len(ordered):>6} requests  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
        f"{len(ordered) / wall:8.1f} req/s  (first request {first * 1000:.0f} ms)"
    )
    return p95


def cpu_report(name: str, seconds: list[float]) -> None:
    """The server's CPU per request (the clock ticks every 10 ms: read the middle)."""
    ordered = sorted(seconds)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000
    mean = statistics.fmean(ordered) * 1000
    print(
        f"{name:<18} server CPU per request: mean {mean:.1f} ms, p50 {p50:.0f} ms, p95 {p95:.0f} ms"
    )


def everyday_report(base: str, args: argparse.Namespace, pid: int) -> int:
    """The everyday pages after a write, each beside /healthz measured in the same way."""
    bare = after_writes(base, args.everyday, pid, progress=False)
    cpu_report("/healthz 1", bare.bare_cpu)
    for path, (walls, cpus) in everyday_after_writes(base, args.everyday, pid).items():
        name = path.split("?")[0]
        report(name, walls, sum(walls), walls[0])
        cpu_report(name, cpus)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight at once")
    parser.add_argument("--years", type=int, default=YEARS, help="years of daily records")
    parser.add_argument("--writes", type=int, default=40, help="writes, each then a today page")
    parser.add_argument(
        "--no-progress", action="store_true", help="skip the progress page after each write"
    )
    parser.add_argument(
        "--everyday",
        type=int,
        default=10,
        help="rounds of the everyday pages (settings, forms, history, lists), each after a "
        "write (0: none)",
    )
    parser.add_argument(
        "--only-everyday", action="store_true", help="measure /healthz and the everyday pages"
    )
    parser.add_argument(
        "--write",
        choices=("walk", "checkin"),
        default="walk",
        help="what each write saves: a walk, or a recent day's check-in (new pain, mobility)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        db = data / "bench.sqlite3"
        journal_file = data / "journal.json"
        document = three_year_journal(years=args.years)
        journal_file.write_text(json.dumps(document))
        env = {
            **os.environ,
            "SICOACH_FAKE_NOW": f"{END.isoformat()}T08:00:00",
            "SICOACH_DATA_DIR": str(data),
        }
        env.pop("SICOACH_DATABASE_URL", None)
        env.pop("SICOACH_DB", None)
        cli = [sys.executable, "-m", "sicoach", "--db", str(db)]
        began = time.perf_counter()
        subprocess.run(
            [*cli, "import", str(journal_file)], env=env, check=True, capture_output=True
        )
        print(
            f"journal: {len(document['checkins'])} check-ins, {len(document['sessions'])} "
            f"sessions, {len(document['activities'])} activities "
            f"(imported in {time.perf_counter() - began:.1f} s)"
        )
        port = free_port()
        server = subprocess.Popen(
            [*cli, "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120  # a busy machine starts it slowly
            while True:
                try:
                    if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.1)
            print(f"server: {base}, {args.concurrency} clients at a time")
            if args.only_everyday:
                return everyday_report(base, args, server.pid)
            bare = asyncio.run(hammer(base + "/healthz", args.requests, args.concurrency))
            today = asyncio.run(hammer(base + "/", args.requests, args.concurrency))
            rounds = after_writes(base, args.writes, server.pid, not args.no_progress, args.write)
            report("/healthz", *bare)
            p95 = report("/ (today)", *today)
            alone, written = rounds.bare, rounds.today
            report("/healthz 1", alone, sum(alone), alone[0])
            p95_written = report("after write", written, sum(written), written[0])
            cpu_report("/healthz 1", rounds.bare_cpu)
            cpu_report("after write", rounds.today_cpu)
            if rounds.progress:
                progress, api = rounds.progress, rounds.progress_api
                report("progress", progress, sum(progress), progress[0])
                report("progress API", api, sum(api), api[0])
                cpu_report("progress", rounds.progress_cpu)
                cpu_report("progress API", rounds.progress_api_cpu)
                report("at a glance", rounds.glance, sum(rounds.glance), rounds.glance[0])
                cpu_report("at a glance", rounds.glance_cpu)
            print(
                f"target: today p95 under 50 ms -> {'met' if p95 < 50 else 'NOT met'}; "
                f"right after a write -> {'met' if p95_written < 50 else 'NOT met'}"
            )
            if args.everyday:
                everyday_report(base, args, server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
