"""The stable JSON shape of the content pack (`sicoach exercises --json`, the web API).

Also holds the plain-words labels the faces share (positions, dosage in a sentence), so the
terminal and the web describe an exercise the same way.
"""

from __future__ import annotations

from typing import Any

from sicoach.domain.exercises import (
    AerobicItem,
    Catalog,
    Code,
    Dosage,
    EducationSection,
    Exercise,
    Range,
    Variant,
)

POSITION_LABELS: dict[str, str] = {
    "supine": "Lying on your back",
    "side_lying": "Lying on your side",
    "hands_and_knees": "On your hands and knees",
    "standing": "Standing",
    "seated": "Sitting on a chair",
}

BODY_PART_LABELS: dict[str, str] = {
    "core": "belly and trunk (core)",
    "glutes": "buttocks (glutes)",
    "hips": "hips",
    "inner_thighs": "inner thighs",
    "outer_hips": "outside of the hips",
    "lower_back": "lower back",
    "spine": "spine",
    "quadriceps": "front of the thighs (quadriceps)",
    "hamstrings": "back of the thighs (hamstrings)",
    "shoulders": "shoulders",
}

DEFAULT_LABELS: dict[str, str] = {
    "position": "starting position",
    "hold_seconds": "how long to hold",
    "reps": "how many times",
    "per_side": "whether to do both sides",
    "alternating": "whether to take turns",
    "move_seconds": "how long each movement takes",
    "rest_seconds": "the rest between repetitions",
}

GROUP_TITLES: dict[str, str] = {
    "guide": "Signs from the guide",
    "spread": "Where the pain spreads",
    "emergency": "Emergency signs: get help right away",
    "urgent": "Urgent signs: see a doctor today",
    "pregnancy": "Warning signs in pregnancy and after birth: stop and call your maternity team",
    "routine": "Signs to book a visit for",
    "history": "Your health history",
}


def range_to_dict(value: Range | None) -> dict[str, int | None] | None:
    """`{"min", "max"}` (max null for "or more"), or null when there is no such value."""
    return None if value is None else {"min": value.min, "max": value.max}


def range_text(value: Range) -> str:
    if value.max is None:
        return f"{value.min} or more"
    if value.max == value.min:
        return str(value.min)
    return f"{value.min} to {value.max}"


def dosage_text(dosage: Dosage) -> str:
    """The dosage in one plain sentence, e.g. "Hold 5 seconds, 8 to 10 times."."""
    parts: list[str] = []
    if dosage.hold_seconds is not None:
        seconds = range_text(dosage.hold_seconds)
        unit = "second" if seconds == "1" else "seconds"
        parts.append(f"Hold {seconds} {unit}")
    else:
        parts.append(f"Move slowly, about {dosage.move_seconds} seconds each way")
    if dosage.reps is not None:
        times = range_text(dosage.reps)
        parts.append(f"{times} {'time' if times == '1' else 'times'}")
    text = ", ".join(parts)
    if dosage.per_side:
        text += " on each side"
        if dosage.alternating:
            text += ", taking turns"
    return text + "."


def dosage_to_dict(dosage: Dosage) -> dict[str, Any]:
    return {
        "hold_seconds": range_to_dict(dosage.hold_seconds),
        "reps": range_to_dict(dosage.reps),
        "per_side": dosage.per_side,
        "alternating": dosage.alternating,
        "move_seconds": dosage.move_seconds,
        "rest_seconds": dosage.rest_seconds,
        "text": dosage_text(dosage),
    }


def variant_to_dict(variant: Variant) -> dict[str, Any]:
    return {
        "key": variant.key,
        "name": variant.name,
        "position": variant.position,
        "steps": list(variant.steps),
        "reason": variant.reason,
        "source": variant.source,
        "dosage": None if variant.dosage is None else dosage_to_dict(variant.dosage),
    }


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """One exercise: its stable keys, then extras the faces use (all stable)."""
    dosage = exercise.dosage
    return {
        "id": exercise.id,
        "kind": "exercise",
        "name": exercise.name,
        "purpose": exercise.purpose,
        "position": exercise.position,
        "steps": list(exercise.steps),
        "hold_seconds": range_to_dict(dosage.hold_seconds),
        "reps": range_to_dict(dosage.reps),
        "per_side": dosage.per_side,
        "progressions": [
            {"level": p.level, "name": p.name, "description": p.description}
            for p in exercise.progressions
        ],
        "props": list(exercise.props),
        "cautions": list(exercise.cautions),
        "modifications": list(exercise.modifications),
        "our_defaults": list(exercise.our_defaults),
        "order": exercise.order,
        "key_instruction": exercise.key_instruction,
        "works": list(exercise.works),
        "alternating": dosage.alternating,
        "move_seconds": dosage.move_seconds,
        "rest_seconds": dosage.rest_seconds,
        "dosage_text": dosage_text(dosage),
        "progression_steps": {str(p.level): list(p.steps) for p in exercise.progressions},
        "variants": [variant_to_dict(v) for v in exercise.variants],
        "pregnancy_caution": exercise.pregnancy_caution,
        "pregnancy_caution_source": exercise.pregnancy_caution_source or None,
    }


def aerobic_to_dict(item: AerobicItem) -> dict[str, Any]:
    """The aerobic item in the same shape as an exercise, plus its goal and options."""
    return {
        "id": item.id,
        "kind": "aerobic",
        "name": item.name,
        "purpose": item.purpose,
        "position": None,
        "steps": list(item.steps),
        "hold_seconds": None,
        "reps": None,
        "per_side": False,
        "progressions": [],
        "props": [],
        "cautions": list(item.cautions),
        "modifications": list(item.modifications),
        "our_defaults": list(item.our_defaults),
        "options": [{"kind": o.kind, "name": o.name, "note": o.note} for o in item.options],
        "weekly_goal_minutes": item.weekly_goal_minutes,
        "sessions_per_week": item.sessions_per_week,
        "minutes_per_session": item.minutes_per_session,
        "walking_start_minutes": range_to_dict(item.walking_start_minutes),
        "source": item.source,
    }


def catalog_to_list(catalog: Catalog) -> list[dict[str, Any]]:
    """Every item in the guide's order: the 10 exercises, then the aerobic item."""
    return [*(exercise_to_dict(e) for e in catalog.exercises), aerobic_to_dict(catalog.aerobic)]


def section_to_dict(section: EducationSection) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "summary": section.summary,
        "paragraphs": list(section.paragraphs),
        "items": list(section.items),
        "source": section.source,
    }


def code_to_dict(code: Code) -> dict[str, str]:
    return {
        "code": code.code,
        "label": code.label,
        "explanation": code.explanation,
        "group": code.group,
        "source": code.source,
    }


def vocabulary_to_dict(catalog: Catalog) -> dict[str, list[dict[str, str]]]:
    return {
        "symptoms": [code_to_dict(c) for c in catalog.symptoms],
        "history": [code_to_dict(c) for c in catalog.history],
    }
