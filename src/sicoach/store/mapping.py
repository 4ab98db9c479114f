"""Table rows to domain objects and back; the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, time
from typing import Any

from sicoach.domain.journal import (
    Activity,
    CheckIn,
    ClinicianReview,
    ExerciseResult,
    FunctionRating,
    PlanChoices,
    Pregnancy,
    Profile,
    Session,
)

Row = Mapping[str, Any]


def join_codes(codes: Sequence[object]) -> str:
    return " ".join(str(c) for c in codes)


def split_codes(text: str | None) -> tuple[str, ...]:
    return tuple(text.split()) if text else ()


def profile_to_row(p: Profile, person_id: int) -> dict[str, Any]:
    preg = p.pregnancy
    return {
        "person_id": person_id,
        "started_on": p.started_on,
        "birth_year": p.birth_year,
        "sex": p.sex,
        "pregnancy_status": preg.status if preg else None,
        "due_date": preg.due_date if preg else None,
        "delivery_date": preg.delivery_date if preg else None,
        "sedentary_job": p.sedentary_job,
        "overweight": p.overweight,
        "frequent_lifting": p.frequent_lifting,
        "history": join_codes(p.history),
        "plan_left_out": join_codes(p.plan.left_out),
        "plan_training_days": join_codes(p.plan.training_days),
        "plan_reminder_time": (
            p.plan.reminder_time.strftime("%H:%M") if p.plan.reminder_time else None
        ),
    }


def row_to_profile(row: Row, enabled: Sequence[tuple[str, date]]) -> Profile:
    pregnancy = None
    if row["pregnancy_status"]:
        pregnancy = Pregnancy(
            status=row["pregnancy_status"],
            due_date=row["due_date"],
            delivery_date=row["delivery_date"],
        )
    reminder = row["plan_reminder_time"]
    return Profile(
        started_on=row["started_on"],
        birth_year=row["birth_year"],
        sex=row["sex"],
        pregnancy=pregnancy,
        sedentary_job=bool(row["sedentary_job"]),
        overweight=bool(row["overweight"]),
        frequent_lifting=bool(row["frequent_lifting"]),
        history=split_codes(row["history"]),
        plan=PlanChoices(
            left_out=split_codes(row["plan_left_out"]),
            training_days=tuple(int(d) for d in split_codes(row["plan_training_days"])),
            reminder_time=time.fromisoformat(reminder) if reminder else None,
            enabled_on=tuple(enabled),
        ),
    )


def checkin_to_row(c: CheckIn, person_id: int) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "day": c.date,
        "pain": c.pain,
        "worst_pain": c.worst_pain,
        "mobility": c.mobility,
        "symptoms": join_codes(c.symptoms),
        "note": c.note,
        "note_symptoms": join_codes(c.note_symptoms),
        "note_dismissed": join_codes(c.note_dismissed),
    }


def row_to_checkin(row: Row) -> CheckIn:
    return CheckIn(
        date=row["day"],
        pain=row["pain"],
        worst_pain=row["worst_pain"],
        mobility=row["mobility"],
        symptoms=split_codes(row["symptoms"]),
        note=row["note"] or "",
        note_symptoms=split_codes(row["note_symptoms"]),
        note_dismissed=split_codes(row["note_dismissed"]),
    )


def activity_to_row(a: Activity, person_id: int) -> dict[str, Any]:
    return {"person_id": person_id, "day": a.date, "kind": a.kind, "minutes": a.minutes}


def row_to_activity(row: Row) -> Activity:
    return Activity(date=row["day"], kind=row["kind"], minutes=row["minutes"])


def function_to_row(f: FunctionRating, person_id: int) -> dict[str, Any]:
    return {"person_id": person_id, "day": f.date, "activity": f.activity, "score": f.score}


def row_to_function(row: Row) -> FunctionRating:
    return FunctionRating(date=row["day"], activity=row["activity"], score=row["score"])


def session_to_row(s: Session, person_id: int) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "started_at": s.started_at,
        "pain_before": s.pain_before,
        "pain_after": s.pain_after,
        "partial": s.partial,
    }


def row_to_session(row: Row, results: Sequence[ExerciseResult]) -> Session:
    return Session(
        started_at=row["started_at"],
        pain_before=row["pain_before"],
        pain_after=row["pain_after"],
        exercises=tuple(results),
        partial=bool(row["partial"]),
    )


def result_to_row(
    r: ExerciseResult, session_id: int, position: int, person_id: int
) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "person_id": person_id,
        "position": position,
        "exercise_id": r.id,
        "level": r.level,
        "reps": r.reps,
        "hurt": r.hurt,
        "pain": r.pain,
        "skipped": r.skipped,
    }


def row_to_result(row: Row) -> ExerciseResult:
    return ExerciseResult(
        id=row["exercise_id"],
        level=row["level"],
        reps=row["reps"],
        hurt=bool(row["hurt"]),
        pain=row["pain"],
        skipped=bool(row["skipped"]),
    )


def review_to_row(r: ClinicianReview, person_id: int) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "day": r.date,
        "advice": r.advice,
        "note": r.note,
        "emergency_checked": r.emergency_checked,
        "settles": None if r.settles is None else join_codes(r.settles),
        "recorded_by": r.recorded_by[:254],
    }


def row_to_review(row: Row) -> ClinicianReview:
    settles = row["settles"]
    return ClinicianReview(
        date=row["day"],
        advice=row["advice"],
        note=row["note"] or "",
        emergency_checked=bool(row["emergency_checked"]),
        settles=None if settles is None else split_codes(settles),
        recorded_by=row.get("recorded_by") or "",
    )
