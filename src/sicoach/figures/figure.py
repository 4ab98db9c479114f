"""What one exercise figure is: its frames, animation timeline, props and player cues.

Plain data resolved from `content/poses.toml` by `sicoach.figures.poses`, so the renderer and
the tests see only joint angles and names, never the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sicoach.figures import body
from sicoach.figures.bones import Point, Pose, Skeleton, View


@dataclass(frozen=True)
class Frame:
    name: str
    pose: Pose
    touch: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One stop of the animation: reach `frame` in `move` seconds, then stay `hold` seconds."""

    frame: str
    move: float
    hold: float


@dataclass(frozen=True)
class Prop:
    kind: str
    at: str | Point | None = None  # a named body point or a world point
    between: tuple[str, str] | None = None  # centred between two body points
    follow: str | None = None  # drawn in this bone's frame, at its end
    to: str | None = None  # strap: from `at` to this body point
    size: Point = (0.05, 0.05)  # half width and half height (radius for a ball)
    offset: Point = (0.0, 0.0)
    frame: str | None = None  # which frame's pose places a static prop (default: still)


@dataclass(frozen=True)
class Figure:
    """Everything needed to draw one exercise (or one variant of it)."""

    id: str
    variant: str | None
    title: str
    description: str
    view: View
    contact: str
    frames: tuple[Frame, ...]
    timeline: tuple[Step, ...]
    still: str
    highlight: tuple[str, ...]
    highlight_label: str
    props: tuple[Prop, ...]
    bump: bool = False
    marks: tuple[str, ...] = ()  # points an arrow is drawn for (default: the furthest movers)
    cue_frames: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def start(self) -> str:
        """The starting position: the first frame (what get-ready, rest and ghosts show)."""
        return self.frames[0].name

    def cues(self) -> dict[str, tuple[str, ...]]:
        """Frames the player moves through for each step kind ("hold", "release", "move1",
        "move2"), optionally per side ("hold_left"); anything else shows the start."""
        steps = [s.frame for s in self.timeline]
        out: dict[str, tuple[str, ...]] = {
            "hold": (self.still,),
            "release": (self.start,),
            "move1": (steps[0],),
            "move2": (steps[1],),
        }
        out.update(self.cue_frames)
        return out

    def into_seconds(self) -> float:
        """How long the timeline takes to reach the still frame (the move into a hold)."""
        return next((s.move for s in self.timeline if s.frame == self.still and s.move), 1.5)

    @property
    def skeleton(self) -> Skeleton:
        return body.skeleton(self.view)

    def frame(self, name_or_index: str | int) -> Frame:
        if isinstance(name_or_index, int) or str(name_or_index).isdigit():
            i = int(name_or_index)
            if not 0 <= i < len(self.frames):
                raise KeyError(name_or_index)
            return self.frames[i]
        for f in self.frames:
            if f.name == name_or_index:
                return f
        raise KeyError(name_or_index)

    @property
    def frame_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.frames)

    @property
    def cycle_seconds(self) -> float:
        return sum(s.move + s.hold for s in self.timeline)

    def keyframe_times(self) -> list[tuple[float, float, str]]:
        """(arrive, leave, frame) in seconds for each step; the cycle then returns to step 0."""
        t = 0.0
        out = []
        for s in self.timeline:
            t += s.move
            out.append((t, t + s.hold, s.frame))
            t += s.hold
        return out

    def transitions(self) -> list[tuple[Pose, Pose]]:
        """Each pair of poses the animation moves between, the return to the start included."""
        names = [s.frame for s in self.timeline]
        poses = [self.frame(n).pose for n in names]
        return [(poses[i - 1], poses[i]) for i in range(1, len(poses))] + [(poses[-1], poses[0])]


@dataclass(frozen=True)
class FigureSet:
    figures: Mapping[str, Figure]
    variants: Mapping[tuple[str, str], Figure]

    def get(self, exercise_id: str, variant: str | None = None) -> Figure:
        if variant:
            return self.variants[(exercise_id, variant)]
        return self.figures[exercise_id]

    def ids(self) -> tuple[str, ...]:
        return tuple(self.figures)

    def all(self) -> list[Figure]:
        return [*self.figures.values(), *self.variants.values()]
