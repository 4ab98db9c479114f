"""The exercise catalog as plain, immutable data: what the planner, script and pages read.

The content pack (TOML files) is validated and turned into these objects by
`sicoach.content.load_catalog`; nothing here knows about files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

POSITIONS: tuple[str, ...] = ("supine", "side_lying", "hands_and_knees", "standing", "seated")
"""Body positions an exercise or variant can start from (`supine` is lying on the back)."""

BODY_PARTS: tuple[str, ...] = (
    "core",
    "glutes",
    "hips",
    "inner_thighs",
    "outer_hips",
    "lower_back",
    "spine",
    "quadriceps",
    "hamstrings",
    "shoulders",
)
"""The fixed vocabulary of `Exercise.works`: what the figures highlight."""


@dataclass(frozen=True)
class Range:
    """An inclusive whole-number range; `max` None means "or more" (the pelvic tilt's 10+)."""

    min: int
    max: int | None

    @property
    def top(self) -> int:
        return self.max if self.max is not None else self.min


@dataclass(frozen=True)
class Dosage:
    """How much of an exercise: hold, repetitions, sides and pacing.

    `move_seconds` paces movements without a hold (one phase of cat-cow, reaching into the
    triangle pose); `rest_seconds` is the pause between repetitions. Both are our defaults.
    """

    hold_seconds: Range | None
    reps: Range | None
    per_side: bool
    alternating: bool = False
    move_seconds: int = 3
    rest_seconds: int = 2


@dataclass(frozen=True)
class Progression:
    """A harder (or the base) version; level 0 is the exercise as first taught."""

    level: int
    name: str
    description: str
    steps: tuple[str, ...] = ()
    builds_on: int | None = None


@dataclass(frozen=True)
class Variant:
    """A modified form, e.g. for pregnancy from week 14 (no lying flat on the back)."""

    key: str
    position: str
    steps: tuple[str, ...]
    reason: str
    source: str
    dosage: Dosage | None = None
    name: str = ""
    """Its own name ("Seated knee hug"), shown wherever this version is used."""


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    purpose: str
    position: str
    steps: tuple[str, ...]
    dosage: Dosage
    progressions: tuple[Progression, ...]
    props: tuple[str, ...]
    cautions: tuple[str, ...]
    modifications: tuple[str, ...]
    our_defaults: tuple[str, ...]
    key_instruction: str
    works: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()
    pregnancy_caution: str | None = None
    order: int = 0
    pregnancy_caution_source: str = ""

    @property
    def lies_on_back(self) -> bool:
        return self.position == "supine"

    def variant(self, key: str) -> Variant | None:
        return next((v for v in self.variants if v.key == key), None)

    def progression(self, level: int) -> Progression | None:
        return next((p for p in self.progressions if p.level == level), None)

    @cached_property
    def max_level(self) -> int:
        """The top level (worked out once: the plan asks for it for every past result)."""
        return max((p.level for p in self.progressions), default=0)


@dataclass(frozen=True)
class AerobicOption:
    kind: str
    name: str
    note: str


@dataclass(frozen=True)
class AerobicItem:
    id: str
    name: str
    purpose: str
    options: tuple[AerobicOption, ...]
    weekly_goal_minutes: int
    sessions_per_week: int
    minutes_per_session: int
    walking_start_minutes: Range
    cautions: tuple[str, ...] = ()
    our_defaults: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    modifications: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class EducationSection:
    id: str
    title: str
    summary: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Code:
    """One entry of a vocabulary (a symptom or a history code) with plain-words text."""

    code: str
    label: str
    explanation: str
    group: str
    source: str = ""


@dataclass(frozen=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    aerobic: AerobicItem
    education: tuple[EducationSection, ...]
    symptoms: tuple[Code, ...]
    history: tuple[Code, ...]
    _by_id: dict[str, Exercise] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.id: e for e in self.exercises})

    def exercise(self, exercise_id: str) -> Exercise:
        return self._by_id[exercise_id]

    def has_exercise(self, exercise_id: str) -> bool:
        return exercise_id in self._by_id

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in self.exercises)

    def section(self, section_id: str) -> EducationSection | None:
        return next((s for s in self.education if s.id == section_id), None)

    def symptom(self, code: str) -> Code | None:
        return next((c for c in self.symptoms if c.code == code), None)
