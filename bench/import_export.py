"""Time import and export of a ten-year journal on a temporary SQLite file.

The journal: 3,650 daily check-ins, 3,000 sessions of 10 exercises, 2,000 activities.
Target (issue 3): import and export each under 3 seconds on the 2-core build machine.
Run: .venv/bin/python bench/import_export.py
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sicoach.domain.clock import FixedClock
from sicoach.domain.vocabulary import ACTIVITY_KINDS, EXERCISE_IDS, SYMPTOM_CODES
from sicoach.interchange.journal_json import dumps
from sicoach.services import journal as journal_service
from sicoach.services.context import Context
from sicoach.settings import Settings, sqlite_url

TODAY = date(2026, 11, 20)
TARGET_SECONDS = 3.0


def ten_year_document(seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    first = TODAY - timedelta(days=3649)
    symptoms = sorted(SYMPTOM_CODES)
    checkins = [
        {
            "date": (first + timedelta(days=i)).isoformat(),
            "pain": rng.randint(0, 10),
            "worst_pain": rng.randint(0, 10),
            "mobility": rng.randint(0, 10),
            "symptoms": rng.sample(symptoms, rng.randint(0, 3)),
            "note": rng.choice(["", "Felt stiff after sitting.", "Good walk today."]),
        }
        for i in range(3650)
    ]
    session_days = sorted(rng.sample(range(3650), 3000))
    sessions = [
        {
            "started_at": datetime.combine(first + timedelta(days=d), datetime.min.time())
            .replace(hour=7, minute=rng.randint(0, 59))
            .isoformat(),
            "pain_before": rng.randint(0, 10),
            "pain_after": rng.randint(0, 10),
            "partial": False,
            "exercises": [
                {
                    "id": eid,
                    "level": rng.randint(0, 2),
                    "reps": rng.randint(0, 15),
                    "hurt": rng.random() < 0.05,
                    "pain": rng.randint(0, 10),
                    "skipped": False,
                }
                for eid in EXERCISE_IDS
            ],
        }
        for d in session_days
    ]
    activities = sorted(
        (
            {
                "date": (first + timedelta(days=rng.randrange(3650))).isoformat(),
                "kind": rng.choice(ACTIVITY_KINDS),
                "minutes": rng.randint(10, 60),
            }
            for _ in range(2000)
        ),
        key=lambda a: (a["date"], a["kind"], a["minutes"]),
    )
    return {
        "format": "sicoach.journal",
        "version": 1,
        "profile": None,
        "checkins": checkins,
        "sessions": sessions,
        "activities": activities,
        "function": [],
    }


def main() -> None:
    document = ten_year_document()
    text = json.dumps(document)
    with tempfile.TemporaryDirectory(prefix="sicoach-bench-") as tmp:
        db = Path(tmp) / "bench.sqlite3"
        ctx = Context(
            settings=Settings(sqlite_url(db), Path(tmp)),
            clock=FixedClock(datetime(2026, 11, 20, 8, 0)),
        )
        ctx.uow_factory  # noqa: B018 - create and migrate the database outside the timing
        source = Path(tmp) / "journal.json"
        source.write_text(text, encoding="utf-8")

        start = time.perf_counter()
        summary = journal_service.import_journal(ctx, source)
        import_seconds = time.perf_counter() - start

        start = time.perf_counter()
        exported = dumps(journal_service.export_journal(ctx))
        export_seconds = time.perf_counter() - start

        same = json.loads(exported) == document
        print(
            f"journal: {summary.checkins} check-ins, {summary.sessions} sessions "
            f"({summary.sessions * len(EXERCISE_IDS)} exercise results), "
            f"{summary.activities} activities; file {len(text) / 1e6:.1f} MB"
        )
        print(f"import (read, validate, write, commit): {import_seconds:.2f} s")
        print(f"export (load, serialise):               {export_seconds:.2f} s")
        print(f"round trip identical: {same}")
        ok = import_seconds < TARGET_SECONDS and export_seconds < TARGET_SECONDS and same
        print(f"target < {TARGET_SECONDS:.0f} s each: {'met' if ok else 'NOT met'}")
        if not ok:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
