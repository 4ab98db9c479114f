"""Clinician reviews in the FHIR Bundle: each visit an `Encounter`, its advice an
`Observation` that points at it.

Codes and why: the visit is an ambulatory Encounter (v3 ActCode `AMB`, status "finished",
the visit's date as its period); we do not know who saw the person, so no participant. No
standard code says "advice after a check: carry on / carry on gently / stop", so the advice
is a local code (`urn:sicoach:codes#clinician-advice`) with the advice itself from a local
value set (`urn:sicoach:advice`); the person's note goes in `note`, and whether the visit
checked an emergency sign in a boolean component.
"""

from __future__ import annotations

from typing import Any, Protocol

from sicoach.domain.journal import ADVICE_WORDS, ClinicianReview

LOCAL = "urn:sicoach:codes"
ADVICE_SYSTEM = "urn:sicoach:advice"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ADVICE_DISPLAY = {code: words.capitalize() for code, words in ADVICE_WORDS.items()}


class Builder(Protocol):
    patient_ref: str

    def _id(self, key: str) -> str: ...

    def add(self, key: str, resource: dict[str, Any]) -> None: ...


def add_reviews(b: Builder, reviews: tuple[ClinicianReview, ...]) -> None:
    """One Encounter and one advice Observation per review (ids stable per date and order)."""
    for n, r in enumerate(reviews):
        key = f"review/{r.date.isoformat()}/{n}"
        encounter_ref = f"urn:uuid:{b._id(key + '/encounter')}"
        b.add(
            key + "/encounter",
            {
                "resourceType": "Encounter",
                "status": "finished",
                "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
                "subject": {"reference": b.patient_ref},
                "period": {"start": r.date.isoformat(), "end": r.date.isoformat()},
                "reasonCode": [{"text": "Check of warning signs reported in SI Coach"}],
            },
        )
        advice: dict[str, Any] = {
            "resourceType": "Observation",
            "status": "final",
            "code": {
                "coding": [{"system": LOCAL, "code": "clinician-advice", "display": "Advice"}],
                "text": "Advice after a check by a doctor, physio or midwife",
            },
            "subject": {"reference": b.patient_ref},
            "encounter": {"reference": encounter_ref},
            "effectiveDateTime": r.date.isoformat(),
            "valueCodeableConcept": {
                "coding": [
                    {"system": ADVICE_SYSTEM, "code": r.advice, "display": ADVICE_DISPLAY[r.advice]}
                ],
                "text": ADVICE_DISPLAY[r.advice],
            },
            "component": [
                {
                    "code": {
                        "coding": [
                            {
                                "system": LOCAL,
                                "code": "emergency-sign-checked",
                                "display": "An emergency sign was checked at this visit",
                            }
                        ]
                    },
                    "valueBoolean": r.emergency_checked,
                }
            ],
        }
        if r.note:
            advice["note"] = [{"text": r.note}]
        b.add(key + "/advice", advice)
