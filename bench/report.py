"""How long the report takes for a 3-year journal (target: under 3 seconds).

Builds a realistic 3-year journal in a temporary SQLite file (daily check-ins, sessions on
training days, walks, weekly activity ratings, a few flare-ups and symptoms), then times:
progress figures, the report as HTML and as PDF for the default period (12 weeks) and for
the whole program. Prints the figures; writes the PDFs to artifacts/report/ to look at.

    .venv/bin/python bench/report.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sicoach.domain.clock import FixedClock
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ExerciseResult,
    FunctionRating,
    Journal,
    PlanChoices,
    Profile,
    Session,
)
from sicoach.domain.vocabulary import EXERCISE_IDS
from sicoach.services import reports
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url

TARGET_SECONDS = 3.0
NOW = datetime(2026, 11, 20, 8, 0)
NOTES = (
    "Long drive yesterday; stiff this morning.",
    "Slept better after the evening walk.",
    "Busy day at work, sat a lot.",
    "Gardening for an hour, felt fine.",
    "Cold weather, back tight.",
)


def three_year_journal(end: date = NOW.date(), seed: int = 7) -> Journal:
    """Pain easing from about 6 to about 2.5 over the years, with flare-ups; reproducible."""
    rng = random.Random(seed)
    start = end - timedelta(days=3 * 365)
    checkins: list[CheckIn] = []
    sessions: list[Session] = []
    activities: list[Activity] = []
    function: list[FunctionRating] = []
    days = (end - start).days + 1
    for i in range(days):
        day = start + timedelta(days=i)
        progress = i / days
        flare = 2 if (i % 97) in range(0, 5) else 0
        pain = round(6 - 3.5 * min(1.0, progress * 2) + flare + rng.uniform(-1, 1))
        pain = max(0, min(10, pain))
        if rng.random() < 0.9:
            symptoms: list[str] = []
            if flare and rng.random() < 0.5:
                symptoms.append("pain_worse_sitting")
            if rng.random() < 0.02:
                symptoms.append("leg_tingling")
            if i == days - 30:
                symptoms.append("night_pain")
            mobility = max(0, min(10, round(4 + 4 * min(1.0, progress * 2) + rng.uniform(-1, 1))))
            note = rng.choice(NOTES) if rng.random() < 0.05 else ""
            checkins.append(CheckIn(day, pain, min(10, pain + 2), mobility, tuple(symptoms), note))
        if day.weekday() < 5 and rng.random() < 0.8:
            results = tuple(
                ExerciseResult(
                    eid,
                    level=min(2, int(progress * 4)),
                    reps=10,
                    hurt=rng.random() < 0.03,
                    pain=rng.randint(0, 4),
                )
                for eid in EXERCISE_IDS
            )
            started = datetime.combine(day, datetime.min.time()) + timedelta(hours=7, minutes=30)
            sessions.append(Session(started, pain, max(0, pain - 1), results))
        if rng.random() < 0.7:
            minutes = rng.choice((10, 15, 20, 25, 30, 40))
            activities.append(
                Activity(day, rng.choice(("walking", "walking", "swimming")), minutes)
            )
        if day.weekday() == 6:
            base = 3 + int(5 * min(1.0, progress * 1.5))
            for name in ("sitting for 30 minutes", "getting up from a chair", "sleeping through"):
                score = max(0, min(10, base + rng.randint(-1, 1)))
                function.append(FunctionRating(day, name, score))
    profile = Profile(
        started_on=start,
        birth_year=1968,
        sex="female",
        sedentary_job=True,
        plan=PlanChoices(training_days=(0, 1, 2, 3, 4)),
    )
    return Journal(profile, tuple(checkins), tuple(sessions), tuple(activities), tuple(function))


def timed(label: str, action, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    """Run `action` `repeat` times; print the first run (cold: a fresh command pays for
    loading matplotlib and WeasyPrint) and the best of the others (warm: a running server)."""
    runs = []
    for _ in range(repeat):
        begin = time.perf_counter()
        action()
        runs.append(time.perf_counter() - begin)
    cold, warm = runs[0], min(runs[1:] or runs)
    verdict = "ok" if cold < TARGET_SECONDS else "OVER TARGET"
    print(f"{label:<40} first {cold:5.2f} s   then {warm:5.2f} s   {verdict}")
    return cold


def main() -> int:
    out_dir = Path(__file__).resolve().parents[1] / "artifacts" / "report"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.sqlite3"
        ctx = Context(settings=Settings(sqlite_url(db), Path(folder)), clock=FixedClock(NOW))
        journal = three_year_journal()
        with ctx.uow() as uow:
            uow.journal.import_journal(journal, replace=True)
            uow.commit()
        ctx.catalog  # noqa: B018 - load the content pack before timing, as a running app has
        print(
            f"3-year journal: {len(journal.checkins)} check-ins, {len(journal.sessions)} sessions, "
            f"{len(journal.activities)} activities, {len(journal.function)} activity ratings"
        )
        start = journal.start_date
        worst = max(
            timed("progress figures", lambda: reports.progress(ctx)),
            timed("report HTML, last 12 weeks", lambda: reports.render_report_html(ctx)),
            timed(
                "report PDF, last 12 weeks",
                lambda: reports.render_report_pdf(ctx, out_dir / "report-12-weeks.pdf"),
            ),
            timed(
                "report HTML, whole program (3 years)",
                lambda: reports.render_report_html(ctx, start=start),
            ),
            timed(
                "report PDF, whole program (3 years)",
                lambda: reports.render_report_pdf(ctx, out_dir / "report-3-years.pdf", start=start),
            ),
        )
        timed("FHIR export", lambda: reports.export_fhir(ctx))
    print(f"slowest report: {worst:.2f} s (target < {TARGET_SECONDS:.0f} s); PDFs in {out_dir}")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
