"""The journal as CSV files, one per record type, each with a header row.

For spreadsheets and clinics: plain columns, ISO dates, lists joined with ";" and yes/no as
"true"/"false". `reviews.csv` holds the clinician reviews (`settles` empty: every sign up to
the date). Sessions and their exercises share a `session` number so they can be joined.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from sicoach.domain.journal import Journal
from sicoach.interchange.files import atomic_path

CHECKIN_FIELDS = ("date", "pain", "worst_pain", "mobility", "symptoms", "note")
SESSION_FIELDS = ("session", "started_at", "pain_before", "pain_after", "partial", "exercises")
EXERCISE_FIELDS = ("session", "started_at", "exercise", "level", "reps", "hurt", "pain", "skipped")
ACTIVITY_FIELDS = ("date", "kind", "minutes")
FUNCTION_FIELDS = ("date", "activity", "score")
REVIEW_FIELDS = ("date", "advice", "emergency_checked", "settles", "note")
PROFILE_FIELDS = (
    "started_on",
    "birth_year",
    "sex",
    "pregnancy_status",
    "due_date",
    "delivery_date",
    "sedentary_job",
    "overweight",
    "frequent_lifting",
    "history",
    "training_days",
    "reminder_time",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return ";".join(_cell(v) for v in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def tables(journal: Journal) -> dict[str, tuple[Sequence[str], list[list[str]]]]:
    """File name -> (header, rows) for every record type."""
    journal = journal.sorted()
    checkins = [
        [_cell(v) for v in (c.date, c.pain, c.worst_pain, c.mobility, c.symptoms, c.note)]
        for c in journal.checkins
    ]
    sessions: list[list[str]] = []
    exercises: list[list[str]] = []
    for number, s in enumerate(journal.sessions, start=1):
        row = (number, s.started_at, s.pain_before, s.pain_after, s.partial, len(s.exercises))
        sessions.append([_cell(v) for v in row])
        for e in s.exercises:
            result = (number, s.started_at, e.id, e.level, e.reps, e.hurt, e.pain, e.skipped)
            exercises.append([_cell(v) for v in result])
    activities = [[_cell(v) for v in (a.date, a.kind, a.minutes)] for a in journal.activities]
    function = [[_cell(v) for v in (f.date, f.activity, f.score)] for f in journal.function]
    reviews = [
        [_cell(v) for v in (r.date, r.advice, r.emergency_checked, r.settles, r.note)]
        for r in journal.reviews
    ]
    profile: list[list[str]] = []
    p = journal.profile
    if p is not None:
        preg = p.pregnancy
        values: Iterable[object] = (
            p.started_on,
            p.birth_year,
            p.sex,
            preg.status if preg else None,
            preg.due_date if preg else None,
            preg.delivery_date if preg else None,
            p.sedentary_job,
            p.overweight,
            p.frequent_lifting,
            p.history,
            p.plan.training_days,
            p.plan.reminder_time,
        )
        profile.append([_cell(v) for v in values])
    return {
        "checkins.csv": (CHECKIN_FIELDS, checkins),
        "sessions.csv": (SESSION_FIELDS, sessions),
        "session_exercises.csv": (EXERCISE_FIELDS, exercises),
        "activities.csv": (ACTIVITY_FIELDS, activities),
        "function.csv": (FUNCTION_FIELDS, function),
        "profile.csv": (PROFILE_FIELDS, profile),
        "reviews.csv": (REVIEW_FIELDS, reviews),
    }


def write_csv(journal: Journal, out_dir: Path) -> list[Path]:
    """Write the six files into `out_dir` (created if needed); each appears whole or not at all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, (header, rows) in tables(journal).items():
        path = out_dir / name
        with atomic_path(path) as partial, partial.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written
