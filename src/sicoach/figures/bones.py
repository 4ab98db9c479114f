"""The types of the figure model: bones, skeletons, poses (data only; the maths is in `body`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

Point = tuple[float, float]


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"
    END = "end"
    SEATED_FRONT = "seated_front"


@dataclass(frozen=True)
class Bone:
    """One rigid segment: where it hangs from, how long it is and which angle turns it.

    `joint` is the name of the angle that turns this bone ("" for a bone fixed to its parent,
    such as the shoulder girdle in the front view). `radius` is half the drawn thickness and
    counts when checking contact with the floor.
    """

    name: str
    parent: str | None
    length: float
    joint: str
    base: float = 0.0
    sign: float = 1.0
    anchor: Point = (0.0, 0.0)
    radius: float = 0.025
    start: str = ""
    end: str = ""
    layer: str = "body"  # far | body | near: drawing order
    shape: str = "stroke"  # stroke | head (a circle at the end) | blob (a circle at the start)


@dataclass(frozen=True)
class Skeleton:
    view: View
    bones: tuple[Bone, ...]
    limits: Mapping[str, tuple[float, float]]
    head_radius: float
    _index: dict[str, Bone] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({b.name: b for b in self.bones})

    def bone(self, name: str) -> Bone:
        return self._index[name]

    @property
    def joints(self) -> tuple[str, ...]:
        return tuple(b.joint for b in self.bones if b.joint)

    def children(self, name: str | None) -> tuple[Bone, ...]:
        return tuple(b for b in self.bones if b.parent == name)

    @property
    def point_names(self) -> tuple[str, ...]:
        names: list[str] = []
        for b in self.bones:
            for n in (b.start, b.end):
                if n and n not in names:
                    names.append(n)
        return tuple(names)

    def bone_ending_at(self, point: str) -> Bone | None:
        return next((b for b in self.bones if b.end == point), None)


@dataclass(frozen=True)
class Pose:
    """Where the root bone starts (world units) and every joint angle in degrees."""

    root: Point
    angles: Mapping[str, float]

    def angle(self, joint: str) -> float:
        return float(self.angles.get(joint, 0.0))

    def with_angles(self, **changes: float) -> Pose:
        merged = dict(self.angles)
        merged.update(changes)
        return replace(self, angles=merged)


@dataclass(frozen=True)
class Placed:
    """A bone after forward kinematics: world start, end and direction (degrees)."""

    bone: Bone
    start: Point
    end: Point
    direction: float
