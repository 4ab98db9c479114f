"""The program in the FHIR Bundle: a `CarePlan` with one activity per exercise and one for
the weekly aerobic goal, and each clinician who shaped it as a `Practitioner`.

Why this shape: a clinic's system reads "what is this person asked to do" from a CarePlan;
the dose is in each activity's detail (a quantity of repetitions and the words a person
reads), an exercise left out today is "on-hold" with the plan's reason. We hold a
clinician's name as their account gives it, nothing more, so a Practitioner carries a name
only; the CarePlan's author is the clinician who changed the program last.
"""

from __future__ import annotations

from typing import Any

from sicoach.domain.plan import DayPlan, PlannedExercise, Status
from sicoach.interchange.fhir_reviews import Builder

EXERCISE_SYSTEM = "urn:sicoach:exercises"
UCUM = "http://unitsofmeasure.org"


def _dose(e: PlannedExercise) -> str:
    words = f"{e.reps} times"
    if e.hold_seconds:
        words += f", hold {e.hold_seconds} seconds"
    if e.per_side:
        words += " on each side"
    return words


def _activity(e: PlannedExercise) -> dict[str, Any]:
    detail: dict[str, Any] = {
        "code": {"coding": [{"system": EXERCISE_SYSTEM, "code": e.id}], "text": e.name},
        "status": "on-hold" if e.status is Status.SKIPPED else "scheduled",
        "quantity": {"value": e.reps, "unit": "repetitions"},
        "description": f"{_dose(e)}. {e.reason}".strip(),
    }
    if e.status is Status.SKIPPED:
        detail["statusReason"] = {"text": e.reason}
    return {"detail": detail}


def add_care_plan(b: Builder, plan: DayPlan, clinicians: tuple[str, ...] = ()) -> None:
    """The day's program as a CarePlan; `clinicians` (newest first) as Practitioners."""
    refs = []
    for n, name in enumerate(dict.fromkeys(clinicians)):
        key = f"practitioner/{n}"
        b.add(key, {"resourceType": "Practitioner", "name": [{"text": name}]})
        refs.append(f"urn:uuid:{b._id(key)}")
    goal = plan.aerobic.weekly_goal_minutes
    aerobic = {
        "detail": {
            "code": {"text": "Walking or other gentle activity"},
            "status": "in-progress",
            "quantity": {"value": goal, "unit": "min", "system": UCUM, "code": "min"},
            "description": f"{goal} minutes a week; this week's target is "
            f"{plan.aerobic.week_target_minutes} minutes.",
        }
    }
    care_plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "status": "active",
        "intent": "plan",
        "title": "SI Coach exercise program",
        "subject": {"reference": b.patient_ref},
        "period": {"start": plan.date.isoformat()},
        "activity": [*(_activity(e) for e in plan.exercises), aerobic],
    }
    if refs:
        care_plan["author"] = {"reference": refs[0]}
    b.add("careplan", care_plan)
