"""How fast is safety triage on a 10-year journal? Prints figures; not a test.

Builds ten years of daily check-ins, sessions every other day and daily walks in memory,
times `domain.safety.evaluate` on it, then stores it in a temporary SQLite file and times the
`assess` service (load + evaluate) and the whole `sicoach safety --json` command in-process.
Target: well under a second for the service.

    .venv/bin/python bench/safety.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from _timing import describe, timed

from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    Profile,
    Session,
)
from sicoach.domain.safety import evaluate
from sicoach.domain.vocabulary import EXERCISE_IDS, GUIDE_SYMPTOMS, PAIN_SPREAD

START = date(2016, 11, 21)
DAYS = 3652
END = START + timedelta(days=DAYS - 1)


def ten_year_journal(seed: int = 4, history: tuple[str, ...] = ()) -> Journal:
    """Daily check-ins and walks, a session every other day, two activities rated weekly."""
    rnd = random.Random(seed)
    checkins, sessions, activities, function = [], [], [], []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        pain = max(0, min(10, 6 - i // 400 + rnd.randint(-1, 1)))
        symptoms = tuple(sorted(rnd.sample((*GUIDE_SYMPTOMS[3:], *PAIN_SPREAD), rnd.randint(0, 2))))
        checkins.append(CheckIn(day, pain, min(10, pain + 1), min(10, 4 + i // 500), symptoms, ""))
        activities.append(Activity(day, "walking", 20 + rnd.randint(0, 20)))
        if i % 7 == 0:
            function += [
                FunctionRating(day, "putting on socks", min(10, 3 + i // 400)),
                FunctionRating(day, "climbing stairs", min(10, 4 + i // 500)),
            ]
        if i % 2 == 0:
            sessions.append(
                Session(
                    datetime.combine(day, datetime.min.time()).replace(hour=7),
                    pain,
                    max(0, pain - 1),
                    tuple(ExerciseResult(e, 0, 8, False, 2) for e in EXERCISE_IDS),
                )
            )
    return Journal(
        profile=Profile(started_on=START, birth_year=1970, sex="female", history=history),
        checkins=tuple(checkins),
        sessions=tuple(sessions),
        activities=tuple(activities),
        function=tuple(function),
    )


AT_RISK = ("cancer", "osteoporosis", "immunosuppression")
"""A history that switches on every people-at-risk rule (the slowest case)."""


def main() -> int:
    t0 = time.perf_counter()
    journal = ten_year_journal()
    describe(journal, time.perf_counter() - t0)
    last = evaluate(journal, END)
    print("level on the last day:", last.level.value, [r.code for r in last.reasons])
    timed("domain evaluate(journal, last day)", lambda: evaluate(journal, END), 20)
    timed(
        "domain evaluate(journal, a day in year 5)",
        lambda: evaluate(journal, START + timedelta(days=1800)),
        20,
    )
    at_risk = ten_year_journal(history=AT_RISK)
    timed("domain evaluate, history " + "+".join(AT_RISK), lambda: evaluate(at_risk, END), 20)

    from sicoach.services.context import Context
    from sicoach.services.safety import assess
    from sicoach.settings import Settings, sqlite_url

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        ctx = Context(
            settings=Settings(sqlite_url(db), Path(tmp)),
            clock=FixedClock(datetime.combine(END, datetime.min.time()).replace(hour=20)),
        )
        t0 = time.perf_counter()
        with ctx.uow() as uow:
            uow.journal.import_journal(journal, replace=True)
            uow.commit()
        print(f"stored in SQLite in {time.perf_counter() - t0:.2f} s")
        timed("service assess(ctx) (load from SQLite + evaluate)", lambda: assess(ctx), 5)

        from typer.testing import CliRunner

        from sicoach.cli.app import app

        runner = CliRunner()
        env = {"SICOACH_FAKE_NOW": f"{END.isoformat()}T20:00:00", "NO_COLOR": "1"}

        def command() -> None:
            result = runner.invoke(app, ["--db", str(db), "safety", "--json"], env=env)
            assert result.exit_code == 0, result.output

        timed("command `sicoach safety --json` (in-process)", command, 5)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
