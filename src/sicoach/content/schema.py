"""Pydantic models of the content files: what a TOML file must hold to be loaded.

They check each file on its own (types, ranges, known words); checks across files (ids,
duplicates, the vocabulary matching `sicoach.domain.vocabulary`) live in `loader`.
Every model forbids unknown keys, so a typo in a field name fails loudly.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from sicoach.domain.exercises import BODY_PARTS, POSITIONS
from sicoach.domain.vocabulary import ACTIVITY_KINDS

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Fields whose values may be ours rather than the guide's (named in `our_defaults`).
DEFAULTABLE_FIELDS: tuple[str, ...] = (
    "position",
    "hold_seconds",
    "reps",
    "per_side",
    "alternating",
    "move_seconds",
    "rest_seconds",
)
VARIANT_KEYS: tuple[str, ...] = ("pregnancy",)
AEROBIC_OPTION_KINDS: tuple[str, ...] = tuple(k for k in ACTIVITY_KINDS if k != "other")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _one_of(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
    return value


class RangeModel(_Strict):
    """`max` left out means "or more" (the pelvic tilt's 10+ repetitions)."""

    min: int = Field(ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> RangeModel:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}")
        return self


class DosageModel(_Strict):
    hold_seconds: RangeModel | None = None
    reps: RangeModel | None
    per_side: bool
    alternating: bool = False
    move_seconds: int = Field(default=3, ge=1, le=60)
    rest_seconds: int = Field(default=2, ge=0, le=120)


class ProgressionModel(_Strict):
    level: int = Field(ge=0)
    name: Text
    description: Text
    steps: list[Text] = []
    builds_on: int | None = Field(default=None, ge=0)


class VariantModel(_Strict):
    key: str
    name: Text
    position: str
    steps: list[Text] = Field(min_length=1)
    reason: Text
    source: Text
    dosage: DosageModel | None = None

    @field_validator("key")
    @classmethod
    def _known_key(cls, value: str) -> str:
        return _one_of(value, VARIANT_KEYS)

    @field_validator("position")
    @classmethod
    def _known_position(cls, value: str) -> str:
        return _one_of(value, POSITIONS)


class ExerciseModel(_Strict):
    id: str
    order: int = Field(ge=1)
    name: Text
    purpose: Text
    position: str
    key_instruction: Text
    works: list[str] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    dosage: DosageModel
    progressions: list[ProgressionModel] = Field(min_length=1)
    props: list[Text] = []
    cautions: list[Text] = []
    modifications: list[Text] = []
    our_defaults: list[str] = []
    variants: list[VariantModel] = []
    pregnancy_caution: Text | None = None
    pregnancy_caution_source: Text | None = None

    @field_validator("position")
    @classmethod
    def _known_position(cls, value: str) -> str:
        return _one_of(value, POSITIONS)

    @field_validator("works")
    @classmethod
    def _known_parts(cls, value: list[str]) -> list[str]:
        for part in value:
            _one_of(part, BODY_PARTS)
        return value

    @field_validator("our_defaults")
    @classmethod
    def _known_fields(cls, value: list[str]) -> list[str]:
        for name in value:
            _one_of(name, DEFAULTABLE_FIELDS)
        return value


class AerobicOptionModel(_Strict):
    kind: str
    name: Text
    note: Text

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        return _one_of(value, AEROBIC_OPTION_KINDS)


class AerobicModel(_Strict):
    id: str
    name: Text
    purpose: Text
    steps: list[Text] = []
    options: list[AerobicOptionModel] = Field(min_length=1)
    weekly_goal_minutes: int = Field(ge=1)
    sessions_per_week: int = Field(ge=1, le=7)
    minutes_per_session: int = Field(ge=1)
    walking_start_minutes: RangeModel
    cautions: list[Text] = []
    modifications: list[Text] = []
    our_defaults: list[str] = []
    source: Text


class SectionModel(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    summary: Text
    paragraphs: list[Text] = []
    items: list[Text] = []
    source: Text

    @model_validator(mode="after")
    def _has_body(self) -> SectionModel:
        if not self.paragraphs and not self.items:
            raise ValueError("a section needs paragraphs or items")
        return self


class EducationModel(_Strict):
    sections: list[SectionModel] = Field(min_length=1)


class CodeModel(_Strict):
    group: str
    label: Text
    explanation: Text
    source: Text


class VocabularyModel(_Strict):
    symptoms: dict[str, CodeModel]
    history: dict[str, CodeModel]
