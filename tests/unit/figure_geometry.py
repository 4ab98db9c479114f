"""Geometry helpers for the figure legibility tests: capsule distances between drawn bones."""

from __future__ import annotations

import math

from sicoach.figures import body
from sicoach.figures.bones import Point, Pose, Skeleton

TONES = {"near": "strong", "body": "strong", "far": "pale"}


def _seg_point(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    )
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segment_distance(a: Point, b: Point, c: Point, d: Point) -> float:
    """Shortest distance between segments ab and cd (0 when they cross)."""
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    if d1 * d2 < 0 and d3 * d4 < 0:
        return 0.0
    return min(_seg_point(a, c, d), _seg_point(b, c, d), _seg_point(c, a, b), _seg_point(d, a, b))


def overlaps(sk: Skeleton, pose: Pose, tolerance: float = 0.0) -> set[tuple[str, str]]:
    """Pairs of limb bones of the same tone whose drawn capsules overlap (joined bones and
    bones hanging from one point excepted: they meet by design)."""
    placed = body.place(sk, pose)
    limbs = [
        p
        for p in placed.values()
        if p.bone.shape == "stroke" and p.bone.length > 0 and p.bone.joint
    ]
    out = set()
    for i, a in enumerate(limbs):
        for b in limbs[i + 1 :]:
            if TONES[a.bone.layer] != TONES[b.bone.layer]:
                continue
            ends = {a.bone.start, a.bone.end} & {b.bone.start, b.bone.end}
            if ends or a.bone.parent == b.bone.name or b.bone.parent == a.bone.name:
                continue
            gap = segment_distance(a.start, a.end, b.start, b.end)
            if gap < a.bone.radius + b.bone.radius - tolerance:
                out.add(tuple(sorted((a.bone.name, b.bone.name))))  # type: ignore[arg-type]
    return out
