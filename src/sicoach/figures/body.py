"""A small 2-D body model for the exercise figures: bones of fixed length posed by joint angles.

Why a model and not drawings: every picture is then consistent, the in-between frames of an
animation come from the same rules, and tests can measure the figure (is the knee bent the
right way, is the back on the floor) instead of trusting an artist.

The bones of each view are data rows in `sicoach.figures.skeletons`; this module turns a
pose (joint angles) into positions by forward kinematics, measures them back, solves a limb
onto a target and eases between poses the way the browser does.
Checked by tests/unit/test_figures_body.py.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sicoach.figures.bones import Bone, Placed, Point, Pose, Skeleton, View
from sicoach.figures.skeletons import (
    END_DEPTH,
    HEAD_R,
    SHOULDER_HALF,
    THIGH,
    skeleton,
)

__all__ = [
    "END_DEPTH",
    "HEAD_R",
    "SHOULDER_HALF",
    "THIGH",
    "Bone",
    "Placed",
    "Point",
    "Pose",
    "Skeleton",
    "View",
    "skeleton",
]


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
