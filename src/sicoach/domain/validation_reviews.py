"""Checks on a clinician review entering the journal (form, command line or import).

In the journal document (an addition to docs/design.md §4; a version 1 file without it
still reads as before): ``reviews: [{"date": D, "advice": "carry_on" | "gently" | "stop",
"note": text, "emergency_checked": bool, "settles": [symptom codes] or null,
"recorded_by": the clinician who recorded it for the person, when one did}]``. Only
``date`` and ``advice`` are required; ``settles`` null (or missing) settles every warning
sign up to the date (see `sicoach.domain.safety.reviews`).
"""

from __future__ import annotations

from datetime import date

from sicoach.domain.field_checks import (
    JournalError,
    as_list,
    as_object,
    check_bool,
    check_date,
    check_fields,
    check_note,
    check_symptom,
    describe,
)
from sicoach.domain.journal import ADVICE, ClinicianReview

REVIEW_FIELDS = ("date", "advice", "note", "emergency_checked", "settles", "recorded_by")


def check_advice(value: object, path: str) -> str:
    if not isinstance(value, str) or value not in ADVICE:
        raise JournalError(
            path, f"{describe(value)} is not an advice; use one of {', '.join(ADVICE)}"
        )
    return value


def validate_review(value: object, path: str, today: date) -> ClinicianReview:
    obj = as_object(value, path, "a clinician review")
    check_fields(obj, path, "a clinician review", REVIEW_FIELDS, ("date", "advice"))
    settles = obj.get("settles")
    codes: tuple[str, ...] | None = None
    if settles is not None:
        items = as_list(settles, path + ".settles")
        codes = tuple(
            sorted({check_symptom(code, f"{path}.settles[{i}]") for i, code in enumerate(items)})
        )
    return ClinicianReview(
        date=check_date(obj["date"], path + ".date", today),
        advice=check_advice(obj["advice"], path + ".advice"),
        note=check_note(obj.get("note", ""), path + ".note"),
        emergency_checked=check_bool(
            obj.get("emergency_checked", False), path + ".emergency_checked"
        ),
        settles=codes,
        recorded_by=check_note(obj.get("recorded_by", ""), path + ".recorded_by")[:254],
    )


def validate_reviews(value: object, today: date) -> tuple[ClinicianReview, ...]:
    return tuple(
        validate_review(item, f"reviews[{i}]", today)
        for i, item in enumerate(as_list(value, "reviews"))
    )
