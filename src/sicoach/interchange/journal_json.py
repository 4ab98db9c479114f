"""The journal JSON (docs/design.md §4, with the additions listed in
`sicoach.domain.validation`): writing a `Journal` out and reading one back in.

Export always writes every field, each list sorted by date, so that export, import into an
empty database and export again give the same document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sicoach.domain.field_checks import JournalError
from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    FunctionRating,
    Journal,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)
from sicoach.domain.validation import FORMAT, VERSION, validate_journal
from sicoach.domain.vocabulary import EXERCISE_IDS, WEEKDAYS

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Our limit for every way a document comes in (import file, upload, API body): a ten-year
journal is a few megabytes, so anything this large is not one."""


def _pregnancy(p: Pregnancy | None) -> dict[str, Any] | None:
    if p is None:
        return None
    if p.status == "pregnant":
        return {"status": "pregnant", "due_date": _day(p.due_date)}
    return {"status": p.status, "delivery_date": _day(p.delivery_date)}


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def plan_to_dict(plan: PlanChoices) -> dict[str, Any]:
    return {
        "left_out": list(plan.left_out),
        "training_days": [WEEKDAYS[d] for d in plan.training_days],
        "reminder_time": plan.reminder_time.strftime("%H:%M") if plan.reminder_time else None,
        "enabled": [{"id": eid, "date": d.isoformat()} for eid, d in plan.enabled_on],
    }


def profile_to_dict(p: Profile | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "started_on": p.started_on.isoformat(),
        "birth_year": p.birth_year,
        "sex": p.sex,
        "pregnancy": _pregnancy(p.pregnancy),
        "sedentary_job": p.sedentary_job,
        "overweight": p.overweight,
        "frequent_lifting": p.frequent_lifting,
        "history": list(p.history),
        "plan": plan_to_dict(p.plan),
    }


def checkin_to_dict(c: CheckIn) -> dict[str, Any]:
    """A check-in; the note's findings only when there are some (optional in version 1)."""
    out: dict[str, Any] = {
        "date": c.date.isoformat(),
        "pain": c.pain,
        "worst_pain": c.worst_pain,
        "mobility": c.mobility,
        "symptoms": list(c.symptoms),
        "note": c.note,
    }
    if c.note_symptoms:
        out["note_symptoms"] = list(c.note_symptoms)
    if c.note_dismissed:
        out["note_dismissed"] = list(c.note_dismissed)
    return out


def result_to_dict(r: ExerciseResult) -> dict[str, Any]:
    return {
        "id": r.id,
        "level": r.level,
        "reps": r.reps,
        "hurt": r.hurt,
        "pain": r.pain,
        "skipped": r.skipped,
    }


def session_to_dict(s: Session) -> dict[str, Any]:
    return {
        "started_at": s.started_at.isoformat(),
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "partial": s.partial,
        "exercises": [result_to_dict(r) for r in s.exercises],
    }


def activity_to_dict(a: Activity) -> dict[str, Any]:
    return {"date": a.date.isoformat(), "kind": a.kind, "minutes": a.minutes}


def function_to_dict(f: FunctionRating) -> dict[str, Any]:
    return {"date": f.date.isoformat(), "activity": f.activity, "score": f.score}


def review_to_dict(r: ClinicianReview) -> dict[str, Any]:
    return {
        "date": r.date.isoformat(),
        "advice": r.advice,
        "note": r.note,
        "emergency_checked": r.emergency_checked,
        "settles": None if r.settles is None else list(r.settles),
    } | ({"recorded_by": r.recorded_by} if r.recorded_by else {})


def journal_to_dict(journal: Journal) -> dict[str, Any]:
    """The whole journal as the interchange document (lists sorted by date)."""
    j = journal.sorted()
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": profile_to_dict(j.profile),
        "checkins": [checkin_to_dict(c) for c in j.checkins],
        "sessions": [session_to_dict(s) for s in j.sessions],
        "activities": [activity_to_dict(a) for a in j.activities],
        "function": [function_to_dict(f) for f in j.function],
        "reviews": [review_to_dict(r) for r in j.reviews],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def parse_document(text: str) -> object:
    """The JSON value in `text`, read strictly (`sicoach.interchange.strict_json`)."""
    from sicoach.interchange.strict_json import loads

    return loads(text)


def read_text(path: Path) -> str:
    """The text of a journal file; junk, huge or unreadable files give a `JournalError`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JournalError(
                "document",
                f"the file is {size // (1024 * 1024)} MB; a journal is never larger than "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
            )
        data = path.read_bytes()
    except OSError as err:
        raise JournalError("document", f"cannot read {path}: {err.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise JournalError(
            "document", f"the file is not text (byte {err.start} is not UTF-8); is it a journal?"
        ) from None


def parse_journal(text: str, today: date, exercise_ids: Iterable[str] = EXERCISE_IDS) -> Journal:
    return validate_journal(parse_document(text), today, exercise_ids)
