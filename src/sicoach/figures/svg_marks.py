"""What moves, shown on a still: a hollow ghost of the start position and an arrow.

Why: a single frame on a small screen cannot show motion, and two frames of a small movement
(a pelvic tilt) look alike. The ghost says "from here", the arrow "to there, this way".
Points a figure may mark are listed in `poses.toml` (`marks`: a straight arrow pushing the
point the way it goes, e.g. hips up in the bridge); without that, the limb end or trunk point
that travels furthest gets a curved arrow, and so does any other limb moving almost as far.
"""

from __future__ import annotations

import math

from sicoach.figures import body
from sicoach.figures.bones import Point, Pose, Skeleton

MIN_TRAVEL = 0.035  # below this (world units) a point has not visibly moved
SECOND_MARK = 0.75  # another limb is marked too when it travels this share of the first
CANDIDATES = ("knee", "ankle", "waist", "chest", "head", "wrist")


def moved_bones(sk: Skeleton, start: Pose, pose: Pose) -> set[str]:
    """Bones drawn visibly elsewhere in `pose` than in `start`."""
    a, b = body.place(sk, start), body.place(sk, pose)
    out = set()
    for name, pa in a.items():
        pb = b[name]
        far = body.distance(pa.start, pb.start) + body.distance(pa.end, pb.end)
        if far > 0.03 or abs(body.normalize(pa.direction - pb.direction)) > 8.0:
            out.add(name)
    return out


def _group(point: str) -> str:
    for side in ("near", "far", "left", "right"):
        if point.endswith("_" + side):
            return side
    return "trunk"


def travel(sk: Skeleton, start: Pose, pose: Pose) -> dict[str, float]:
    """How far each candidate point moves between the two poses."""
    a, b = body.points(sk, start), body.points(sk, pose)
    return {
        n: body.distance(a[n], b[n]) for n in a if n.split("_")[0] in CANDIDATES or n in CANDIDATES
    }


def marked_points(sk: Skeleton, start: Pose, pose: Pose, wanted: tuple[str, ...]) -> list[str]:
    """The points an arrow is drawn for (explicit `wanted` first, else the furthest movers)."""
    if wanted:
        return [p for p in wanted if p in body.points(sk, pose)]
    moves = travel(sk, start, pose)
    best: dict[str, tuple[float, str]] = {}
    for name, d in moves.items():
        g = _group(name)
        if name.startswith("wrist"):
            continue  # hands follow what they hold
        if d > best.get(g, (0.0, ""))[0]:
            best[g] = (d, name)
    ranked = sorted(best.values(), reverse=True)
    if not ranked or ranked[0][0] < MIN_TRAVEL:
        return []
    top = ranked[0][0]
    return [name for d, name in ranked if d >= SECOND_MARK * top]


def arrow_path(p0: Point, p1: Point, centre: Point, push: bool = False) -> tuple[str, Point, float]:
    """A curved path from near p0 to near p1 bulging away from `centre`, or with `push` (and
    for any small move) a straight arrow pushing onto the point from outside the body;
    returns the SVG path data, the tip and the direction of the tip (degrees)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    if push or length < 0.12:
        tip = (p1[0] - ux * 0.085, p1[1] - uy * 0.085)
        tail = (tip[0] - ux * 0.13, tip[1] - uy * 0.13)
        d = f"M{tail[0]:.4f} {tail[1]:.4f}L{tip[0]:.4f} {tip[1]:.4f}"
        return d, tip, math.degrees(math.atan2(uy, ux))
    nx, ny = -uy, ux
    mid = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
    if (mid[0] - centre[0]) * nx + (mid[1] - centre[1]) * ny < 0:
        nx, ny = -nx, -ny
    shift = 0.07  # off the limb, on the side away from the body
    a = (p0[0] + nx * shift + ux * 0.12 * length, p0[1] + ny * shift + uy * 0.12 * length)
    tip = (p1[0] + nx * shift - ux * 0.08 * length, p1[1] + ny * shift - uy * 0.08 * length)
    ctrl = (mid[0] + nx * (shift + 0.22 * length), mid[1] + ny * (shift + 0.22 * length))
    direction = math.degrees(math.atan2(tip[1] - ctrl[1], tip[0] - ctrl[0]))
    d = f"M{a[0]:.4f} {a[1]:.4f}Q{ctrl[0]:.4f} {ctrl[1]:.4f} {tip[0]:.4f} {tip[1]:.4f}"
    return d, tip, direction


def arrows(sk: Skeleton, start: Pose, pose: Pose, wanted: tuple[str, ...]) -> str:
    """SVG (world units) of one arrow per marked point, with a card-coloured halo."""
    a, b = body.points(sk, start), body.points(sk, pose)
    centre = b.get("pelvis", b.get("chest", (0.0, 0.0)))
    out = []
    for name in marked_points(sk, start, pose, wanted):
        if body.distance(a[name], b[name]) < 1e-3:
            continue
        d, tip, direction = arrow_path(a[name], b[name], centre, push=bool(wanted))
        head = _head(tip, direction)
        out.append(
            f'<path class="halo" d="{d}" stroke-width="0.036"/>'
            f'<path class="halo" d="{head}" stroke-width="0.02"/>'
            f'<path class="arrow" d="{d}" stroke-width="0.016"/>'
            f'<path class="arrow-head" d="{head}"/>'
        )
    return "".join(out)


def _head(tip: Point, direction: float) -> str:
    size = 0.05
    pts = []
    for turn, r in ((0.0, 0.0), (150.0, size), (-150.0, size)):
        ang = math.radians(direction + turn)
        pts.append((tip[0] + r * math.cos(ang), tip[1] + r * math.sin(ang)))
    (x0, y0), (x1, y1), (x2, y2) = pts
    return f"M{x0:.4f} {y0:.4f}L{x1:.4f} {y1:.4f}L{x2:.4f} {y2:.4f}Z"
