"""How fast is today's plan on a 10-year journal? Prints figures; not a test.

Builds ten years of daily check-ins, guided sessions on most days (now and then an exercise
that hurt, one skipped, a partial session) and daily walks, then times:

- `domain.plan.plan_day` on the last day and on a day in year 5 (pure rules, in memory);
- the `plan_today` service (load from SQLite + safety + plan);
- `sicoach today --json` in-process and as a real process (what a person waits for, start-up
  of Python included), and `sicoach safety --json` as a real process for comparison.

    .venv/bin/python bench/plan.py
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from _timing import describe, timed

from sicoach.content import load_catalog
from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    Journal,
    Profile,
    Session,
)
from sicoach.domain.plan import plan_day
from sicoach.domain.safety import evaluate
from sicoach.domain.vocabulary import EXERCISE_IDS

START = date(2016, 11, 21)
DAYS = 3652
END = START + timedelta(days=DAYS - 1)
SICOACH = Path(sys.executable).with_name("sicoach")


def ten_year_journal(seed: int = 5) -> Journal:
    """Daily check-ins with slowly falling pain, sessions on 4 days in 7, daily walks."""
    rnd = random.Random(seed)
    checkins, sessions, activities = [], [], []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        pain = max(0, min(10, 6 - i // 500 + rnd.randint(-1, 1)))
        checkins.append(CheckIn(day, pain, min(10, pain + 1), min(10, 4 + i // 600), (), ""))
        activities.append(
            Activity(day, rnd.choice(("walking", "cycling")), 15 + rnd.randint(0, 25))
        )
        if day.weekday() in (0, 2, 4, 5):
            results = []
            for ex in EXERCISE_IDS:
                roll = rnd.random()
                if roll < 0.03:
                    results.append(ExerciseResult(ex, 0, 2, True, 6))
                elif roll < 0.06:
                    results.append(ExerciseResult(ex, skipped=True))
                else:
                    results.append(ExerciseResult(ex, 0, 8, False, rnd.randint(0, 3)))
            sessions.append(
                Session(
                    datetime.combine(day, datetime.min.time()).replace(hour=7),
                    pain,
                    max(0, pain - 1),
                    tuple(results),
                    partial=rnd.random() < 0.05,
                )
            )
    return Journal(
        profile=Profile(started_on=START, birth_year=1975, sex="female"),
        checkins=tuple(checkins),
        sessions=tuple(sessions),
        activities=tuple(activities),
    )


def main() -> int:
    t0 = time.perf_counter()
    journal = ten_year_journal()
    describe(journal, time.perf_counter() - t0)
    catalog = load_catalog()
    plan = plan_day(catalog, journal, END)
    print(
        f"plan on the last day: safety {plan.safety.level.value}, "
        f"{len(plan.active)} exercises to do, statuses "
        f"{sorted({e.status.value for e in plan.exercises})}"
    )
    last = evaluate(journal, END)
    timed(
        "domain plan_day(last day, safety given)", lambda: plan_day(catalog, journal, END, last), 20
    )
    timed(
        "domain plan_day(last day, safety worked out)", lambda: plan_day(catalog, journal, END), 20
    )
    mid = START + timedelta(days=1800)
    timed("domain plan_day(a day in year 5)", lambda: plan_day(catalog, journal, mid), 20)

    from sicoach.services.context import Context
    from sicoach.services.plan import plan_today
    from sicoach.settings import Settings, sqlite_url

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        now = f"{END.isoformat()}T20:00:00"
        ctx = Context(
            settings=Settings(sqlite_url(db), Path(tmp)),
            clock=FixedClock(datetime.fromisoformat(now)),
        )
        t0 = time.perf_counter()
        with ctx.uow() as uow:
            uow.journal.import_journal(journal, replace=True)
            uow.commit()
        print(f"stored in SQLite in {time.perf_counter() - t0:.2f} s")
        timed("service plan_today(ctx) (load + safety + plan)", lambda: plan_today(ctx), 5)

        from typer.testing import CliRunner

        from sicoach.cli.app import app

        runner = CliRunner()
        env = {"SICOACH_FAKE_NOW": now, "NO_COLOR": "1"}

        def in_process() -> None:
            result = runner.invoke(app, ["--db", str(db), "today", "--json"], env=env)
            assert result.exit_code == 0, result.output

        timed("command `sicoach today --json` (in-process)", in_process, 5)

        def real(*args: str) -> Callable[[], None]:
            def run() -> None:
                subprocess.run(
                    [str(SICOACH), "--db", str(db), *args],
                    env={**os.environ, **env},
                    check=True,
                    stdout=subprocess.DEVNULL,
                )

            return run

        timed("process `sicoach today --json` (start-up included)", real("today", "--json"), 5)
        timed("process `sicoach safety --json` (start-up included)", real("safety", "--json"), 5)
        timed("process `sicoach --version` (start-up alone)", real("--version"), 5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
