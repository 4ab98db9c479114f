"""A small 2-D body model for the exercise figures: bones of fixed length posed by joint angles.

Why a model and not drawings: every picture is then consistent, the in-between frames of an
animation come from the same rules, and tests can measure the figure (is the knee bent the
right way, is the back on the floor) instead of trusting an artist.

Conventions (checked by tests/unit/test_figures_body.py):

* World units are fractions of a standing adult's height; y points up and the floor is y = 0.
* A skeleton is a tree of bones. Each bone starts at an anchor point in its parent's frame
  (x runs along the parent bone), and its direction is the parent's direction plus
  ``base + sign * angle`` degrees (counter-clockwise positive). The sign turns the anatomical
  angle (flexion, abduction, ...) into a turn on the page, so a positive knee angle always
  bends the knee the natural way. Positions come from forward kinematics, so bones keep
  their length by construction.
* Three views, each a plane in which the movement happens (our choice, see DESIGN notes in
  ``content/poses.toml``):

  - ``side`` (sagittal plane): the person faces right. Lying on the back, the head is on the
    left and the face up; on hands and knees the head is on the right. Limbs come in pairs:
    ``near`` (towards you, drawn in front) and ``far`` (drawn behind). Side-lying exercises
    use this view seen from above (the person lies on a mat, belly to the top of the page).
  - ``front`` (frontal plane, facing you): the person's right side is on the left of the
    page. Used for the standing triangle pose and the seated pregnancy variants.
  - ``end`` (transverse plane of a person lying on the back, seen from the feet): used where
    the knees move sideways (supine twist, inner thigh squeeze). Thighs and shins have their
    apparent (foreshortened) lengths in this view, which stay fixed while the legs roll.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

Point = tuple[float, float]


class View(StrEnum):
    SIDE = "side"
    FRONT = "front"
    END = "end"


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


# --- proportions -------------------------------------------------------------------------

HEAD_R = 0.068
TRUNK_LOWER = 0.14
TRUNK_UPPER = 0.17
NECK = 0.05
THIGH = 0.245
SHIN = 0.245
FOOT = 0.11
UPPER_ARM = 0.165
FOREARM = 0.15
HAND = 0.06
HIP_HALF = 0.075
SHOULDER_HALF = 0.12


def _limb_pair(side: str, layer: str) -> list[Bone]:
    """Side-view legs and arms for one side (near or far)."""
    s = side
    return [
        Bone(
            f"thigh_{s}",
            "trunk_lower",
            THIGH,
            f"hip_{s}",
            180,
            1,
            (0, 0),
            0.042,
            "pelvis",
            f"knee_{s}",
            layer,
        ),
        Bone(
            f"shin_{s}",
            f"thigh_{s}",
            SHIN,
            f"knee_{s}",
            0,
            -1,
            (THIGH, 0),
            0.032,
            f"knee_{s}",
            f"ankle_{s}",
            layer,
        ),
        Bone(
            f"foot_{s}",
            f"shin_{s}",
            FOOT,
            f"ankle_{s}",
            90,
            -1,
            (SHIN, 0),
            0.022,
            f"ankle_{s}",
            f"toe_{s}",
            layer,
        ),
        Bone(
            f"upper_arm_{s}",
            "trunk_upper",
            UPPER_ARM,
            f"shoulder_{s}",
            180,
            1,
            (TRUNK_UPPER, 0),
            0.028,
            "chest",
            f"elbow_{s}",
            layer,
        ),
        Bone(
            f"forearm_{s}",
            f"upper_arm_{s}",
            FOREARM,
            f"elbow_{s}",
            0,
            1,
            (UPPER_ARM, 0),
            0.024,
            f"elbow_{s}",
            f"wrist_{s}",
            layer,
        ),
        Bone(
            f"hand_{s}",
            f"forearm_{s}",
            HAND,
            f"wrist_{s}",
            0,
            1,
            (FOREARM, 0),
            0.022,
            f"wrist_{s}",
            f"hand_{s}",
            layer,
        ),
    ]


def side_skeleton() -> Skeleton:
    """Sagittal view, facing right; 'near' limbs towards the viewer."""
    trunk = [
        Bone("trunk_lower", None, TRUNK_LOWER, "pelvis", 0, 1, (0, 0), 0.058, "pelvis", "waist"),
        Bone(
            "trunk_upper",
            "trunk_lower",
            TRUNK_UPPER,
            "spine",
            0,
            -1,
            (TRUNK_LOWER, 0),
            0.062,
            "waist",
            "chest",
        ),
        Bone(
            "neck",
            "trunk_upper",
            NECK,
            "neck",
            0,
            -1,
            (TRUNK_UPPER, 0),
            0.026,
            "chest",
            "head_base",
        ),
        Bone(
            "head", "neck", HEAD_R, "", 0, 1, (NECK, 0), HEAD_R, "head_base", "head", shape="head"
        ),
    ]
    limits = {
        "spine": (-35.0, 45.0),
        "neck": (-40.0, 50.0),
        "hip": (-25.0, 135.0),
        "knee": (0.0, 150.0),
        "ankle": (-30.0, 90.0),  # 90: tops of the feet flat on the floor when kneeling
        "shoulder": (-60.0, 180.0),
        "elbow": (0.0, 150.0),
        "wrist": (-80.0, 95.0),  # hands flat on the floor under the shoulders
    }
    return Skeleton(
        View.SIDE, (*trunk, *_limb_pair("far", "far"), *_limb_pair("near", "near")), limits, HEAD_R
    )


def front_skeleton() -> Skeleton:
    """Frontal view, facing you: the person's right is on the page's left."""
    bones = [
        Bone("trunk_lower", None, TRUNK_LOWER, "pelvis", 0, 1, (0, 0), 0.07, "pelvis", "waist"),
        Bone(
            "trunk_upper",
            "trunk_lower",
            TRUNK_UPPER,
            "spine",
            0,
            -1,
            (TRUNK_LOWER, 0),
            0.075,
            "waist",
            "chest",
        ),
        Bone(
            "neck",
            "trunk_upper",
            NECK,
            "neck",
            0,
            -1,
            (TRUNK_UPPER, 0),
            0.026,
            "chest",
            "head_base",
        ),
        Bone(
            "head", "neck", HEAD_R, "", 0, 1, (NECK, 0), HEAD_R, "head_base", "head", shape="head"
        ),
    ]
    for side, out in (("right", 1.0), ("left", -1.0)):
        # `out` turns "away from the midline" into a page rotation for this side.
        bones += [
            Bone(
                f"hip_bar_{side}",
                "trunk_lower",
                HIP_HALF,
                "",
                90 * out,
                1,
                (0, 0),
                0.06,
                "pelvis",
                f"hip_{side}",
                "body",
            ),
            Bone(
                f"thigh_{side}",
                f"hip_bar_{side}",
                THIGH,
                f"hip_{side}",
                90 * out,
                -out,
                (HIP_HALF, 0),
                0.045,
                f"hip_{side}",
                f"knee_{side}",
                "near",
            ),
            Bone(
                f"shin_{side}",
                f"thigh_{side}",
                SHIN,
                f"knee_{side}",
                0,
                -out,
                (THIGH, 0),
                0.034,
                f"knee_{side}",
                f"ankle_{side}",
                "near",
            ),
            Bone(
                f"foot_{side}",
                f"shin_{side}",
                0.05,
                f"ankle_{side}",
                -90 * out,
                out,
                (SHIN, 0),
                0.024,
                f"ankle_{side}",
                f"toe_{side}",
                "near",
            ),
            Bone(
                f"shoulder_bar_{side}",
                "trunk_upper",
                SHOULDER_HALF - 0.02,
                "",
                90 * out,
                1,
                (TRUNK_UPPER, 0),
                0.05,
                "chest",
                f"shoulder_{side}",
                "body",
            ),
            Bone(
                f"upper_arm_{side}",
                f"shoulder_bar_{side}",
                UPPER_ARM,
                f"shoulder_{side}",
                90 * out,
                -out,
                (SHOULDER_HALF - 0.02, 0),
                0.029,
                f"shoulder_{side}",
                f"elbow_{side}",
                "near",
            ),
            Bone(
                f"forearm_{side}",
                f"upper_arm_{side}",
                FOREARM,
                f"elbow_{side}",
                0,
                -out,
                (UPPER_ARM, 0),
                0.025,
                f"elbow_{side}",
                f"wrist_{side}",
                "near",
            ),
            Bone(
                f"hand_{side}",
                f"forearm_{side}",
                HAND,
                f"wrist_{side}",
                0,
                -out,
                (FOREARM, 0),
                0.023,
                f"wrist_{side}",
                f"hand_{side}",
                "near",
            ),
        ]
    limits = {
        "spine": (-50.0, 50.0),
        "neck": (-40.0, 40.0),
        "hip": (
            -30.0,
            95.0,
        ),  # out (+) or in (-, adduction up to 30); the triangle lead hip reads ~90
        "knee": (-10.0, 10.0),  # a soft knee, never locked or bowed
        "ankle": (-50.0, 50.0),  # the foot turned in or out to stay flat on the floor
        "shoulder": (-10.0, 180.0),
        "elbow": (-10.0, 150.0),
        "wrist": (-60.0, 60.0),
    }
    return Skeleton(View.FRONT, tuple(bones), limits, HEAD_R)


END_THIGH = 0.2  # apparent thigh length seen from the feet with the hips bent about 55 degrees
END_HIP_HALF = 0.055
END_DEPTH = 0.12  # how much higher the far floor (under the chest) is drawn
END_PELVIS_UP = 0.015  # the pelvis sits a little higher than the flat chest
END_SHIN = 0.225  # apparent shin length in the same view, from the knee down to the feet


def end_skeleton() -> Skeleton:
    """Lying on the back, seen from the feet: the pelvis rolls while the shoulders stay flat.

    The camera sits a little above the feet, so what lies further away on the floor (the
    chest, arms and head) is drawn `END_DEPTH` higher on the page than the pelvis and feet:
    a simple oblique view that keeps the head visible above the knees. The chest therefore
    rests on the "far floor" at y = END_DEPTH.
    """
    bones = [
        Bone("chest", None, 0.0, "roll", 0, 1, (0, 0), 0.045, "chest", "chest", "far", "blob"),
        Bone("head_up", "chest", 0.16, "", 90, 1, (0, 0), HEAD_R, "chest", "head", "far", "head"),
        Bone(
            "pelvis",
            "chest",
            0.0,
            "twist",
            0,
            -1,
            (0, END_PELVIS_UP - END_DEPTH),
            0.06,
            "pelvis",
            "pelvis",
            "body",
            "blob",
        ),
    ]
    for side, out in (("right", 1.0), ("left", -1.0)):
        bones += [
            Bone(
                f"shoulder_bar_{side}",
                "chest",
                SHOULDER_HALF,
                "",
                90 + 90 * out,
                1,
                (0, 0),
                0.045,
                "chest",
                f"shoulder_{side}",
                "far",
            ),
            Bone(
                f"upper_arm_{side}",
                f"shoulder_bar_{side}",
                UPPER_ARM,
                f"shoulder_{side}",
                0,
                -out,
                (SHOULDER_HALF, 0),
                0.029,
                f"shoulder_{side}",
                f"elbow_{side}",
                "far",
            ),
            Bone(
                f"forearm_{side}",
                f"upper_arm_{side}",
                FOREARM,
                f"elbow_{side}",
                0,
                -out,
                (UPPER_ARM, 0),
                0.025,
                f"elbow_{side}",
                f"wrist_{side}",
                "far",
            ),
            Bone(
                f"hand_{side}",
                f"forearm_{side}",
                HAND,
                f"wrist_{side}",
                0,
                -out,
                (FOREARM, 0),
                0.023,
                f"wrist_{side}",
                f"hand_{side}",
                "far",
            ),
            Bone(
                f"hip_bar_{side}",
                "pelvis",
                END_HIP_HALF,
                "",
                90 + 90 * out,
                1,
                (0, 0),
                0.042,
                "pelvis",
                f"hip_{side}",
                "body",
            ),
            Bone(
                f"thigh_{side}",
                f"hip_bar_{side}",
                END_THIGH,
                f"hip_{side}",
                -90 * out,
                out,
                (END_HIP_HALF, 0),
                0.042,
                f"hip_{side}",
                f"knee_{side}",
                "near",
            ),
            Bone(
                f"shin_{side}",
                f"thigh_{side}",
                END_SHIN,
                f"knee_{side}",
                180,
                out,
                (END_THIGH, 0),
                0.034,
                f"knee_{side}",
                f"ankle_{side}",
                "near",
            ),
        ]
    limits = {
        "roll": (-5.0, 5.0),  # the shoulders stay flat
        "twist": (-30.0, 30.0),  # the pelvis rolls with the knees; the rest is at the hips
        "hip": (-60.0, 45.0),  # knees away from (+) or towards (-) the midline
        "knee": (-40.0, 40.0),  # the shin stays behind the thigh in this view
        "shoulder": (-10.0, 60.0),
        "elbow": (-10.0, 90.0),
        "wrist": (-30.0, 30.0),
    }
    return Skeleton(View.END, tuple(bones), limits, HEAD_R)


_SKELETONS: dict[View, Skeleton] = {}


def skeleton(view: View | str) -> Skeleton:
    """The (cached) skeleton for a view."""
    v = View(view)
    if v not in _SKELETONS:
        _SKELETONS[v] = {
            View.SIDE: side_skeleton,
            View.FRONT: front_skeleton,
            View.END: end_skeleton,
        }[v]()
    return _SKELETONS[v]


# --- forward kinematics ------------------------------------------------------------------


def _rot(p: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def local_rotation(bone: Bone, pose: Pose) -> float:
    """The bone's turn relative to its parent (what an SVG group is rotated by)."""
    return bone.base + (bone.sign * pose.angle(bone.joint) if bone.joint else 0.0)


def place(sk: Skeleton, pose: Pose) -> dict[str, Placed]:
    """Forward kinematics: every bone's world start, end and direction."""
    out: dict[str, Placed] = {}

    def visit(bone: Bone, origin: Point, parent_dir: float) -> None:
        direction = parent_dir + local_rotation(bone, pose)
        a = math.radians(direction)
        end = (origin[0] + bone.length * math.cos(a), origin[1] + bone.length * math.sin(a))
        out[bone.name] = Placed(bone, origin, end, direction)
        for child in sk.children(bone.name):
            off = _rot(child.anchor, direction)
            visit(child, (origin[0] + off[0], origin[1] + off[1]), direction)

    for root in sk.children(None):
        visit(root, pose.root, 0.0)
    return out


def points(sk: Skeleton, pose: Pose) -> dict[str, Point]:
    """Named joint positions (pelvis, knee_near, head, ...) in world units."""
    result: dict[str, Point] = {}
    for p in place(sk, pose).values():
        if p.bone.start and p.bone.start not in result:
            result[p.bone.start] = p.start
        if p.bone.end:
            result[p.bone.end] = p.end
    return result


def lowest_surface(sk: Skeleton, pose: Pose) -> float:
    """The lowest point of the drawn body (bone line minus its thickness); floor is 0."""
    return min(_surface_points(sk, pose).values())


def _surface_points(sk: Skeleton, pose: Pose) -> dict[str, float]:
    """Underside height of every drawn end of every bone, keyed "bone:start|end"."""
    out: dict[str, float] = {}
    for p in place(sk, pose).values():
        r = p.bone.radius
        if p.bone.shape == "head":
            out[f"{p.bone.name}:end"] = p.end[1] - r
        elif p.bone.shape == "blob":
            out[f"{p.bone.name}:start"] = p.start[1] - r
        else:
            out[f"{p.bone.name}:start"] = p.start[1] - r
            out[f"{p.bone.name}:end"] = p.end[1] - r
    return out


def surface_height(sk: Skeleton, pose: Pose, point: str) -> float:
    """Height above the floor of the underside of the body at a named point."""
    placed = place(sk, pose)
    heights = [
        (pl.start[1] if point == pl.bone.start else pl.end[1]) - pl.bone.radius
        for pl in placed.values()
        if point in (pl.bone.start, pl.bone.end)
        and not (pl.bone.shape == "head" and point != pl.bone.end)
        and not (pl.bone.shape == "blob" and point != pl.bone.start)
    ]
    if not heights:
        raise KeyError(point)
    return min(heights)


# --- measuring ---------------------------------------------------------------------------


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def normalize(degrees: float) -> float:
    """An angle in (-180, 180]."""
    d = math.fmod(degrees, 360.0)
    if d <= -180.0:
        d += 360.0
    elif d > 180.0:
        d -= 360.0
    return d


def bend(a: Point, b: Point, c: Point) -> float:
    """Signed turn at b going a -> b -> c, degrees (0 = straight, + = counter-clockwise)."""
    d1 = math.atan2(b[1] - a[1], b[0] - a[0])
    d2 = math.atan2(c[1] - b[1], c[0] - b[0])
    return normalize(math.degrees(d2 - d1))


def measured_angle(sk: Skeleton, pose: Pose, joint: str) -> float:
    """A joint angle measured back from positions (for tests): the bone's turn undone."""
    placed = place(sk, pose)
    bone = next(b for b in sk.bones if b.joint == joint)
    parent_dir = placed[bone.parent].direction if bone.parent else 0.0
    turn = normalize(placed[bone.name].direction - parent_dir - bone.base)
    return turn / bone.sign


def _side_only(sk: Skeleton) -> None:
    if sk.view is not View.SIDE:
        raise ValueError("anatomical angles from positions are defined for the side view")


def knee_flexion(sk: Skeleton, pose: Pose, side: str) -> float:
    """Knee bend measured from the drawn points (0 straight; negative would be a backward
    knee). The shin turns clockwise from the thigh for a figure facing right."""
    _side_only(sk)
    p = points(sk, pose)
    return -bend(p["pelvis"], p[f"knee_{side}"], p[f"ankle_{side}"])


def elbow_flexion(sk: Skeleton, pose: Pose, side: str) -> float:
    """Elbow bend measured from the drawn points (0 straight, forearm folding forwards)."""
    _side_only(sk)
    p = points(sk, pose)
    return bend(p["chest"], p[f"elbow_{side}"], p[f"wrist_{side}"])


def hip_flexion(sk: Skeleton, pose: Pose, side: str) -> float:
    """Angle of the thigh in front of the line of the trunk (0 standing straight)."""
    _side_only(sk)
    placed = place(sk, pose)
    trunk_down = placed["trunk_lower"].direction + 180.0
    return normalize(placed[f"thigh_{side}"].direction - trunk_down)


def limit_for(sk: Skeleton, joint: str) -> tuple[float, float] | None:
    """The allowed range of a joint: per joint name, else per kind (knee, hip, ...)."""
    if joint in sk.limits:
        return sk.limits[joint]
    kind = joint.rsplit("_", 1)[0]
    return sk.limits.get(kind)


def out_of_range(sk: Skeleton, pose: Pose) -> list[str]:
    """Joints outside the skeleton's human ranges, as readable messages (empty when fine)."""
    problems = []
    for joint in sk.joints:
        lim = limit_for(sk, joint)
        if lim is None:
            continue
        value = pose.angle(joint)
        if not lim[0] - 1e-6 <= value <= lim[1] + 1e-6:
            problems.append(f"{joint}={value:.1f} outside {lim[0]:g}..{lim[1]:g}")
    return problems


# --- solving a limb onto a target ---------------------------------------------------------


def reach(
    sk: Skeleton, pose: Pose, upper: str, lower: str, target: Point, tip: str | None = None
) -> Pose:
    """Turn two bones (e.g. thigh and shin) so the lower one ends at `target`.

    Of the two mirror solutions, the one that bends the lower joint the natural way (a
    positive knee or elbow angle) is chosen. Out-of-reach targets are approached as far as
    the bones allow. `tip`, if given, is a third bone kept at its current world direction
    (a foot stays flat on the floor while the knee moves).
    """
    placed = place(sk, pose)
    ub, lb = sk.bone(upper), sk.bone(lower)
    tip_dir = placed[tip].direction if tip else None
    base = placed[upper].start
    parent_dir = placed[ub.parent].direction if ub.parent else 0.0
    a, b = ub.length, lb.length
    dx, dy = target[0] - base[0], target[1] - base[1]
    d = min(max(math.hypot(dx, dy), abs(a - b) + 1e-9), a + b - 1e-9)
    to_target = math.degrees(math.atan2(dy, dx))
    spread = math.degrees(math.acos((a * a + d * d - b * b) / (2 * a * d)))
    best: Pose | None = None
    best_fits = False
    for s in (1.0, -1.0):
        upper_dir = to_target + s * spread
        ua = normalize(upper_dir - parent_dir - ub.base) / ub.sign
        trial = pose.with_angles(**{ub.joint: ua})
        ux = base[0] + a * math.cos(math.radians(upper_dir))
        uy = base[1] + a * math.sin(math.radians(upper_dir))
        lower_dir = math.degrees(math.atan2(target[1] - uy, target[0] - ux))
        la = normalize(lower_dir - upper_dir - lb.base) / lb.sign
        trial = trial.with_angles(**{lb.joint: la})
        lim_u, lim_l = limit_for(sk, ub.joint), limit_for(sk, lb.joint)
        fits = (lim_u is None or lim_u[0] - 1e-6 <= ua <= lim_u[1] + 1e-6) and (
            lim_l is None or lim_l[0] - 1e-6 <= la <= lim_l[1] + 1e-6
        )
        if la >= -1e-6 and (best is None or (fits and not best_fits)):
            best, best_fits = trial, fits
    chosen = best if best is not None else trial
    if tip is not None and tip_dir is not None:
        tb = sk.bone(tip)
        new_lower = place(sk, chosen)[lower].direction
        chosen = chosen.with_angles(
            **{tb.joint: normalize(tip_dir - new_lower - tb.base) / tb.sign}
        )
    return chosen


# --- animation ---------------------------------------------------------------------------


def cubic_bezier(x1: float, y1: float, x2: float, y2: float, t: float) -> float:
    """CSS cubic-bezier timing function at progress t (what the browser does between frames)."""
    if t <= 0.0:
        return 0.0
    if t >= 1.0:
        return 1.0

    def coord(p1: float, p2: float, u: float) -> float:
        return 3 * (1 - u) ** 2 * u * p1 + 3 * (1 - u) * u * u * p2 + u**3

    lo, hi = 0.0, 1.0
    u = t
    for _ in range(60):
        u = (lo + hi) / 2
        if coord(x1, x2, u) < t:
            lo = u
        else:
            hi = u
    return coord(y1, y2, u)


def ease_in_out(t: float) -> float:
    """CSS `ease-in-out`, so the model's in-betweens match what the browser shows."""
    return cubic_bezier(0.42, 0.0, 0.58, 1.0, t)


def interpolate(a: Pose, b: Pose, t: float, eased: bool = True) -> Pose:
    """The pose a fraction t of the way from a to b, angle by angle (and the root)."""
    k = ease_in_out(t) if eased else t
    joints = set(a.angles) | set(b.angles)
    angles = {j: a.angle(j) + (b.angle(j) - a.angle(j)) * k for j in sorted(joints)}
    root = (a.root[0] + (b.root[0] - a.root[0]) * k, a.root[1] + (b.root[1] - a.root[1]) * k)
    return Pose(root, angles)


def bone_lengths_ok(sk: Skeleton, pose: Pose, tolerance: float = 0.01) -> list[str]:
    """Bones whose drawn length differs from the model by more than `tolerance` (a fraction)."""
    bad = []
    for p in place(sk, pose).values():
        if p.bone.length <= 0:
            continue
        got = distance(p.start, p.end)
        if abs(got - p.bone.length) > tolerance * p.bone.length:
            bad.append(f"{p.bone.name}: {got:.4f} vs {p.bone.length:.4f}")
    return bad


def bounds(sk: Skeleton, poses: Iterable[Pose]) -> tuple[float, float, float, float]:
    """Smallest box (x0, y0, x1, y1) holding every drawn bone of every pose, head included."""
    x0 = y0 = math.inf
    x1 = y1 = -math.inf
    for pose in poses:
        for p in place(sk, pose).values():
            r = p.bone.radius
            ends = [p.end] if p.bone.shape == "head" else [p.start, p.end]
            for x, y in ends:
                x0, y0 = min(x0, x - r), min(y0, y - r)
                x1, y1 = max(x1, x + r), max(y1, y + r)
    return (x0, y0, x1, y1)
