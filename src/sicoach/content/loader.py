"""Read the content pack from TOML, validate it, and turn it into the domain's catalog.

A content mistake is a bug we want to see at start-up, not halfway through a session, so
every problem becomes a `ContentError` whose message starts with the file and the field:
`exercises/bridge.toml: dosage.hold_seconds.min: -5 is below 0`.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sicoach.content.schema import (
    AerobicModel,
    DosageModel,
    EducationModel,
    ExerciseModel,
    RangeModel,
    VocabularyModel,
)
from sicoach.domain.exercises import (
    AerobicItem,
    AerobicOption,
    Catalog,
    Code,
    Dosage,
    EducationSection,
    Exercise,
    Progression,
    Range,
    Variant,
)
from sicoach.domain.vocabulary import AEROBIC_ID, EXERCISE_IDS, HISTORY_CODES, SYMPTOM_GROUPS

CONTENT_DIR = Path(__file__).resolve().parent
EXERCISES_DIR = "exercises"
AEROBIC_FILE = "aerobic.toml"
EDUCATION_FILE = "education.toml"
VOCABULARY_FILE = "vocabulary.toml"
REQUIRED_SECTIONS: tuple[str, ...] = (
    "what_is_it",
    "where_it_hurts",
    "causes",
    "symptoms",
    "risk_factors",
    "when_to_see_a_doctor",
    "treatments",
)

M = TypeVar("M", bound=BaseModel)


class ContentError(Exception):
    """A content file is missing, unreadable or invalid; the message names file and field."""


def load_catalog(folder: Path | None = None) -> Catalog:
    """The validated catalog from `folder` (default: the pack shipped with the package)."""
    if folder is None:
        return _default_catalog()
    return _load(Path(folder))


@functools.cache
def _default_catalog() -> Catalog:
    return _load(CONTENT_DIR)


def _load(folder: Path) -> Catalog:
    exercises = _load_exercises(folder)
    aerobic = _load_aerobic(folder)
    education = _load_education(folder)
    symptoms, history = _load_vocabulary(folder)
    return Catalog(
        exercises=exercises,
        aerobic=aerobic,
        education=education,
        symptoms=symptoms,
        history=history,
    )


# --- reading and error messages -------------------------------------------------------------


def _read(folder: Path, relative: str, model: type[M]) -> M:
    path = folder / relative
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(f"{relative}: the file is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{relative}: not valid TOML ({error})") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContentError(_describe(relative, error)) from None


def _describe(relative: str, error: ValidationError) -> str:
    lines = [f"{relative}: {_location(e['loc'])}: {_problem(e)}" for e in error.errors()]
    return "; ".join(lines)


def _location(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _problem(error: Any) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "greater_than_equal":
        return f"{value!r} is below {ctx['ge']}"
    if kind == "less_than_equal":
        return f"{value!r} is above {ctx['le']}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return "must not be empty"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    message = str(error["msg"])
    return f"{value!r}: {message[:1].lower()}{message[1:]}"


# --- exercises ------------------------------------------------------------------------------


def _load_exercises(folder: Path) -> tuple[Exercise, ...]:
    directory = folder / EXERCISES_DIR
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise ContentError(f"{EXERCISES_DIR}/: no exercise files found")
    seen: dict[str, str] = {}
    orders: dict[int, str] = {}
    exercises: list[Exercise] = []
    for path in files:
        relative = f"{EXERCISES_DIR}/{path.name}"
        model = _read(folder, relative, ExerciseModel)
        if model.id not in EXERCISE_IDS:
            raise ContentError(
                f"{relative}: id: {model.id!r} is not a known exercise id "
                f"(known: {', '.join(EXERCISE_IDS)})"
            )
        if model.id in seen:
            raise ContentError(f"{relative}: id: {model.id!r} is already used by {seen[model.id]}")
        if model.order in orders:
            raise ContentError(
                f"{relative}: order: {model.order} is already used by {orders[model.order]}"
            )
        seen[model.id] = relative
        orders[model.order] = relative
        _check_exercise(relative, model)
        exercises.append(_exercise(model))
    missing = [i for i in EXERCISE_IDS if i not in seen]
    if missing:
        raise ContentError(f"{EXERCISES_DIR}/: id: no file for {', '.join(missing)}")
    return tuple(sorted(exercises, key=lambda e: e.order))


def _check_exercise(relative: str, model: ExerciseModel) -> None:
    levels: dict[int, int] = {}
    for index, progression in enumerate(model.progressions):
        if progression.level in levels:
            raise ContentError(
                f"{relative}: progressions[{index}].level: {progression.level} "
                f"is already used by progressions[{levels[progression.level]}]"
            )
        levels[progression.level] = index
    if 0 not in levels:
        raise ContentError(f"{relative}: progressions: level 0 (the base exercise) is missing")
    for index, progression in enumerate(model.progressions):
        target = progression.builds_on
        if target is None:
            continue
        if target not in levels:
            raise ContentError(
                f"{relative}: progressions[{index}].builds_on: level {target} does not exist"
            )
        if target >= progression.level:
            raise ContentError(
                f"{relative}: progressions[{index}].builds_on: level {target} "
                f"is not below level {progression.level}"
            )
    keys = [v.key for v in model.variants]
    for index, key in enumerate(keys):
        if key in keys[:index]:
            raise ContentError(f"{relative}: variants[{index}].key: {key!r} appears twice")
    if model.position == "supine" and "pregnancy" not in keys:
        raise ContentError(
            f"{relative}: variants: the exercise is done lying on the back, "
            "so it needs a 'pregnancy' variant"
        )
    for index, variant in enumerate(model.variants):
        if variant.key == "pregnancy" and variant.position == "supine":
            raise ContentError(
                f"{relative}: variants[{index}].position: a pregnancy variant "
                "must not lie on the back"
            )
    if model.dosage.hold_seconds is None and model.dosage.reps is None:
        raise ContentError(f"{relative}: dosage: give hold_seconds, reps or both")
    if model.pregnancy_caution and not model.pregnancy_caution_source:
        raise ContentError(
            f"{relative}: pregnancy_caution_source: is missing "
            "(a pregnancy caution must say where it comes from)"
        )
    if len(set(model.our_defaults)) != len(model.our_defaults):
        raise ContentError(f"{relative}: our_defaults: a field is named twice")


def _range(model: RangeModel | None) -> Range | None:
    return None if model is None else Range(model.min, model.max)


def _dosage(model: DosageModel) -> Dosage:
    return Dosage(
        hold_seconds=_range(model.hold_seconds),
        reps=_range(model.reps),
        per_side=model.per_side,
        alternating=model.alternating,
        move_seconds=model.move_seconds,
        rest_seconds=model.rest_seconds,
    )


def _exercise(model: ExerciseModel) -> Exercise:
    return Exercise(
        id=model.id,
        name=model.name,
        purpose=model.purpose,
        position=model.position,
        steps=tuple(model.steps),
        dosage=_dosage(model.dosage),
        progressions=tuple(
            Progression(
                level=p.level,
                name=p.name,
                description=p.description,
                steps=tuple(p.steps),
                builds_on=p.builds_on,
            )
            for p in sorted(model.progressions, key=lambda p: p.level)
        ),
        props=tuple(model.props),
        cautions=tuple(model.cautions),
        modifications=tuple(model.modifications),
        our_defaults=tuple(model.our_defaults),
        key_instruction=model.key_instruction,
        works=tuple(model.works),
        variants=tuple(
            Variant(
                key=v.key,
                name=v.name,
                position=v.position,
                steps=tuple(v.steps),
                reason=v.reason,
                source=v.source,
                dosage=None if v.dosage is None else _dosage(v.dosage),
            )
            for v in model.variants
        ),
        pregnancy_caution=model.pregnancy_caution,
        order=model.order,
        pregnancy_caution_source=model.pregnancy_caution_source or "",
    )


# --- aerobic, education, vocabulary ---------------------------------------------------------


def _load_aerobic(folder: Path) -> AerobicItem:
    model = _read(folder, AEROBIC_FILE, AerobicModel)
    if model.id != AEROBIC_ID:
        raise ContentError(f"{AEROBIC_FILE}: id: {model.id!r} should be {AEROBIC_ID!r}")
    kinds = [o.kind for o in model.options]
    for index, kind in enumerate(kinds):
        if kind in kinds[:index]:
            raise ContentError(f"{AEROBIC_FILE}: options[{index}].kind: {kind!r} appears twice")
    return AerobicItem(
        id=model.id,
        name=model.name,
        purpose=model.purpose,
        options=tuple(AerobicOption(o.kind, o.name, o.note) for o in model.options),
        weekly_goal_minutes=model.weekly_goal_minutes,
        sessions_per_week=model.sessions_per_week,
        minutes_per_session=model.minutes_per_session,
        walking_start_minutes=Range(
            model.walking_start_minutes.min, model.walking_start_minutes.max
        ),
        cautions=tuple(model.cautions),
        our_defaults=tuple(model.our_defaults),
        steps=tuple(model.steps),
        modifications=tuple(model.modifications),
        source=model.source,
    )


def _load_education(folder: Path) -> tuple[EducationSection, ...]:
    model = _read(folder, EDUCATION_FILE, EducationModel)
    ids = [s.id for s in model.sections]
    for index, section_id in enumerate(ids):
        if section_id in ids[:index]:
            raise ContentError(
                f"{EDUCATION_FILE}: sections[{index}].id: {section_id!r} appears twice"
            )
    missing = [s for s in REQUIRED_SECTIONS if s not in ids]
    if missing:
        raise ContentError(f"{EDUCATION_FILE}: sections: missing {', '.join(missing)}")
    return tuple(
        EducationSection(
            id=s.id,
            title=s.title,
            summary=s.summary,
            paragraphs=tuple(s.paragraphs),
            items=tuple(s.items),
            source=s.source,
        )
        for s in model.sections
    )


def _load_vocabulary(folder: Path) -> tuple[tuple[Code, ...], tuple[Code, ...]]:
    model = _read(folder, VOCABULARY_FILE, VocabularyModel)
    expected_group = {code: group for group, codes in SYMPTOM_GROUPS.items() for code in codes}
    _same_codes("symptoms", list(expected_group), list(model.symptoms))
    _same_codes("history", list(HISTORY_CODES), list(model.history))
    for code, entry in model.symptoms.items():
        if entry.group != expected_group[code]:
            raise ContentError(
                f"{VOCABULARY_FILE}: symptoms.{code}.group: {entry.group!r} "
                f"should be {expected_group[code]!r}"
            )
    for code, entry in model.history.items():
        if entry.group != "history":
            raise ContentError(
                f"{VOCABULARY_FILE}: history.{code}.group: {entry.group!r} should be 'history'"
            )
    symptoms = tuple(_code(c, model.symptoms[c]) for c in expected_group)
    history = tuple(_code(c, model.history[c]) for c in HISTORY_CODES)
    return symptoms, history


def _same_codes(table: str, expected: list[str], found: list[str]) -> None:
    unknown = [c for c in found if c not in expected]
    if unknown:
        raise ContentError(
            f"{VOCABULARY_FILE}: {table}.{unknown[0]}: {unknown[0]!r} is not a code "
            "of sicoach.domain.vocabulary"
        )
    missing = [c for c in expected if c not in found]
    if missing:
        raise ContentError(f"{VOCABULARY_FILE}: {table}.{missing[0]}: is missing")


def _code(code: str, entry: Any) -> Code:
    return Code(
        code=code,
        label=entry.label,
        explanation=entry.explanation,
        group=entry.group,
        source=entry.source,
    )
