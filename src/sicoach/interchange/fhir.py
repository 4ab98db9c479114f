"""The journal as a FHIR R4 Bundle (type "collection") a clinic system can import.

Resources: one Patient and Observations (status "final", subject the Patient). Identifiers
are name-based UUIDs, so the same journal always gives the same document.

Codes and why we chose them:
- Pain score: LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
  the standard code for a self-reported 0-10 pain rating; value as valueInteger.
- Worst pain of the day: same 0-10 scale, but only the local code `worst-pain`: a receiver
  that charts every LOINC 72514-3 value as "the" daily pain score must not get two a day.
- Mobility: no LOINC code fits a 0-10 self-rating of how freely one moves (the LOINC
  mobility codes are observer-scored scales or specific instruments), so we use our local
  code system `urn:sicoach:codes`, code `mobility`, with the scale stated in the display.
- Aerobic minutes: LOINC 55411-3 "Exercise duration" with a UCUM quantity in minutes; the
  kind of activity goes in a component coded LOINC 73985-4 "Exercise activity" as text.
- Guided sessions: no standard code describes "a home-exercise session with pain before and
  after", so a local code `exercise-session`, with components: pain before and after (local
  codes, for the same reason as worst pain), exercises done, and exercises that hurt.
- Symptoms: local code `symptom` with the symptom as a local coding (urn:sicoach:symptoms);
  red flags are marked with the interpretation code "A" (abnormal).
- "My activities" ratings (the Patient-Specific Functional Scale method): local code
  `patient-specific-activity`, the activity's name in a text component, the 0-10 score as
  valueInteger. The licensed questionnaires have their own codes; this is not one of them.
- Clinician reviews: an Encounter per visit and its advice as an Observation
  (`fhir_reviews.py`).
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from sicoach.domain.journal import Journal
from sicoach.domain.measures import is_done, it_hurt
from sicoach.domain.plan import DayPlan
from sicoach.domain.progress import RED_FLAG_GROUPS
from sicoach.domain.vocabulary import SYMPTOM_GROUPS
from sicoach.interchange.fhir_careplan import add_care_plan
from sicoach.interchange.fhir_reviews import add_reviews

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
LOCAL = "urn:sicoach:codes"
LOCAL_SYMPTOMS = "urn:sicoach:symptoms"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
_NAMESPACE = uuid.UUID("6f0d3a52-8d0e-4d0b-9c5e-51c0ac0ac0a1")
_GROUP_OF = {code: g for g, codes in SYMPTOM_GROUPS.items() for code in codes}

PAIN = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
EXERCISE_DURATION = {"system": LOINC, "code": "55411-3", "display": "Exercise duration"}
EXERCISE_ACTIVITY = {"system": LOINC, "code": "73985-4", "display": "Exercise activity"}


def _local(code: str, display: str) -> dict[str, str]:
    return {"system": LOCAL, "code": code, "display": display}


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code}]}]


def _score(value: int) -> dict[str, Any]:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


class _Builder:
    def __init__(self, person: str) -> None:
        self.person = person
        self.entries: list[dict[str, Any]] = []
        self.patient_ref = f"urn:uuid:{self._id('patient')}"

    def _id(self, key: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self.person}/{key}"))

    def add(self, key: str, resource: dict[str, Any]) -> None:
        ident = self._id(key)
        resource = {"resourceType": resource.pop("resourceType"), "id": ident, **resource}
        self.entries.append({"fullUrl": f"urn:uuid:{ident}", "resource": resource})

    def observation(
        self,
        key: str,
        coding: list[dict[str, str]],
        text: str,
        when: date | datetime,
        category: str,
        **value: Any,
    ) -> None:
        self.add(
            key,
            {
                "resourceType": "Observation",
                "status": "final",
                "category": _category(category),
                "code": {"coding": coding, "text": text},
                "subject": {"reference": self.patient_ref},
                "effectiveDateTime": when.isoformat(),
                **value,
            },
        )


def journal_bundle(
    journal: Journal,
    generated_at: datetime,
    person: str = "default",
    program: tuple[DayPlan, tuple[str, ...]] | None = None,
) -> dict[str, Any]:
    """The Bundle as a JSON-ready dict; with `program` (today's plan and the clinicians who
    changed it, newest first) the program as a CarePlan too."""
    journal = journal.sorted()
    b = _Builder(person)
    patient: dict[str, Any] = {"resourceType": "Patient"}
    profile = journal.profile
    if profile is not None:
        if profile.sex in ("female", "male", "other"):
            patient["gender"] = profile.sex
        if profile.birth_year is not None:
            patient["birthDate"] = f"{profile.birth_year:04d}"
    b.add("patient", patient)

    for c in journal.checkins:
        day = c.date.isoformat()
        if c.pain is not None:
            b.observation(
                f"pain/{day}", [PAIN], "Pain score (0-10)", c.date, "survey", valueInteger=c.pain
            )
        if c.worst_pain is not None:
            coding = [_local("worst-pain", "Worst pain of the day, 0 (none) to 10 (worst)")]
            b.observation(
                f"worst/{day}",
                coding,
                "Worst pain today (0-10)",
                c.date,
                "survey",
                valueInteger=c.worst_pain,
            )
        if c.mobility is not None:
            coding = [
                _local("mobility", "Self-rated mobility, 0 (cannot move) to 10 (moves freely)")
            ]
            b.observation(
                f"mobility/{day}",
                coding,
                "Mobility (0-10, self-rated)",
                c.date,
                "survey",
                valueQuantity=_score(c.mobility),
            )
        for code in dict.fromkeys(c.symptoms):
            extra: dict[str, Any] = {}
            if _GROUP_OF.get(code) in RED_FLAG_GROUPS:
                extra["interpretation"] = [
                    {"coding": [{"system": INTERPRETATION, "code": "A"}], "text": "Warning sign"}
                ]
            value = {
                "coding": [{"system": LOCAL_SYMPTOMS, "code": code}],
                "text": code.replace("_", " "),
            }
            b.observation(
                f"symptom/{day}/{code}",
                [_local("symptom", "Symptom reported")],
                "Symptom reported",
                c.date,
                "survey",
                valueCodeableConcept=value,
                **extra,
            )
        if c.note:
            pass  # notes stay in the JSON export; free text is not coded here

    for i, a in enumerate(journal.activities):
        component = [
            {
                "code": {"coding": [EXERCISE_ACTIVITY], "text": "Kind of activity"},
                "valueString": a.kind.replace("_", " "),
            }
        ]
        quantity = {"value": a.minutes, "unit": "min", "system": UCUM, "code": "min"}
        b.observation(
            f"activity/{a.date.isoformat()}/{i}",
            [EXERCISE_DURATION],
            "Aerobic activity (minutes)",
            a.date,
            "activity",
            valueQuantity=quantity,
            component=component,
        )

    for s in journal.sessions:
        components: list[dict[str, Any]] = []
        if s.pain_before is not None:
            coding = [_local("pain-before-session", "Pain before the session (0-10)")]
            components.append(
                {"code": {"coding": coding, "text": "Pain before"}, "valueInteger": s.pain_before}
            )
        if s.pain_after is not None:
            coding = [_local("pain-after-session", "Pain after the session (0-10)")]
            components.append(
                {"code": {"coding": coding, "text": "Pain after"}, "valueInteger": s.pain_after}
            )
        done = [e for e in s.exercises if is_done(e)]  # a skip or an exercise that hurt is not
        components.append(
            {
                "code": {
                    "coding": [_local("exercises-done", "Exercises done")],
                    "text": "Exercises done",
                },
                "valueInteger": len(done),
            }
        )
        hurt = [e.id for e in s.exercises if it_hurt(e)]
        if hurt:
            components.append(
                {
                    "code": {
                        "coding": [_local("exercises-hurt", "Exercises that hurt")],
                        "text": "Exercises that hurt",
                    },
                    "valueString": ", ".join(hurt),
                }
            )
        components.append(
            {
                "code": {
                    "coding": [_local("session-partial", "Session ended early")],
                    "text": "Ended early",
                },
                "valueBoolean": s.partial,
            }
        )
        b.add(
            f"session/{s.started_at.isoformat()}",
            {
                "resourceType": "Observation",
                "status": "final",
                "category": _category("activity"),
                "code": {
                    "coding": [_local("exercise-session", "Guided home exercise session")],
                    "text": "Guided exercise session",
                },
                "subject": {"reference": b.patient_ref},
                # FHIR needs a time zone with a time: the local one the session was done in.
                "effectiveDateTime": s.started_at.astimezone().isoformat(),
                "component": components,
            },
        )

    for f in journal.function:
        component = [
            {
                "code": {"coding": [_local("activity-name", "Activity rated")], "text": "Activity"},
                "valueString": f.activity,
            }
        ]
        coding = [
            _local(
                "patient-specific-activity",
                "Patient-specific activity rating, 0 (unable) to 10 (as before)",
            )
        ]
        b.observation(
            f"function/{f.date.isoformat()}/{f.activity}",
            coding,
            "My activities rating (0-10)",
            f.date,
            "survey",
            valueInteger=f.score,
            component=component,
        )

    add_reviews(b, journal.reviews)
    if program is not None:
        add_care_plan(b, *program)

    return {
        "resourceType": "Bundle",
        "id": b._id("bundle"),
        "type": "collection",
        "timestamp": generated_at.astimezone().isoformat(),
        "entry": b.entries,
    }


def journal_bundle_json(
    journal: Journal,
    generated_at: datetime,
    person: str = "default",
    program: tuple[DayPlan, tuple[str, ...]] | None = None,
) -> str:
    bundle = journal_bundle(journal, generated_at, person, program)
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
