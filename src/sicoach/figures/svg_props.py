"""Props drawn as props: the mat, chair, wall, ball, towel and pillow, in world units.

Each prop is placed from the body (a named point, the middle of two points, or a fixed
place) so it stays where the pose needs it; the renderer decides what is drawn behind or in
front of the body.
"""

from __future__ import annotations

from collections.abc import Iterable

from sicoach.figures import body
from sicoach.figures.bones import Point, Pose, View
from sicoach.figures.figure import Figure, Prop


def _f(x: float) -> str:
    """Short number text for SVG (4 decimals is far below a pixel at any size we draw)."""
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def prop_point(fig: Figure, prop: Prop, pose: Pose) -> Point:
    """Where a prop sits for a pose (world units)."""
    pts = body.points(fig.skeleton, pose)
    if prop.between:
        a, b = pts[prop.between[0]], pts[prop.between[1]]
        c = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    elif isinstance(prop.at, str):
        c = pts[prop.at]
    elif prop.at is not None:
        c = prop.at
    else:
        c = (0.0, 0.0)
    return (c[0] + prop.offset[0], c[1] + prop.offset[1])


def prop_pose(fig: Figure, prop: Prop) -> Pose:
    return fig.frame(prop.frame or fig.still).pose


def prop_extent(fig: Figure, prop: Prop) -> Iterable[Point]:
    """Corners a prop needs on the card (mats and straps follow the body, so none)."""
    if prop.kind in ("mat", "strap") or prop.follow:
        return []
    cx, cy = prop_point(fig, prop, prop_pose(fig, prop))
    w, h = prop.size
    if prop.kind == "chair":
        return [(cx - 0.16, 0.0), (cx + 0.16, cy + 0.32)]
    if prop.kind == "wall":
        return [(cx - 0.03, 0.0), (cx, 0.0)]
    return [(cx - w, cy - h), (cx + w, cy + h)]


def prop_shape(prop: Prop, c: Point) -> str:
    cx, cy = c
    w, h = prop.size
    if prop.kind == "ball":
        return (
            f'<circle class="ball" cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(w)}"/>'
            f'<path class="ball" d="M{_f(cx - w * 0.7)} {_f(cy)}Q{_f(cx)} {_f(cy + w * 0.45)} '
            f'{_f(cx + w * 0.7)} {_f(cy)}" fill="none"/>'
        )
    if prop.kind in ("towel", "pillow"):
        return (
            f'<rect class="{prop.kind}" x="{_f(cx - w)}" y="{_f(cy - h)}" width="{_f(2 * w)}" '
            f'height="{_f(2 * h)}" rx="{_f(min(w, h) * 0.8)}"/>'
        )
    return ""


def mat(fig: Figure, world: tuple[float, float, float, float], top_view: bool) -> str:
    x0, y0, x1, y1 = world
    if top_view:  # seen from above: the whole mat under the body
        return (
            f'<rect class="mat" x="{_f(x0 - 0.03)}" y="{_f(y0 - 0.03)}" '
            f'width="{_f(x1 - x0 + 0.06)}" height="{_f(y1 - y0 + 0.06)}" rx="0.03"/>'
        )
    if fig.view is View.END:  # the floor seen from the feet, up to the far edge
        return (
            f'<rect class="mat" x="{_f(x0 - 0.02)}" y="-0.022" width="{_f(x1 - x0 + 0.04)}" '
            f'height="{_f(body.END_DEPTH + 0.05)}" rx="0.01"/>'
        )
    return (
        f'<rect class="mat" x="{_f(x0 - 0.02)}" y="-0.024" width="{_f(x1 - x0 + 0.04)}" '
        f'height="0.024" rx="0.008"/>'
    )


def chair(fig: Figure, c: Point) -> str:
    """A chair whose seat top is at the point c (the underside of the pelvis)."""
    seat, x = c[1], c[0]
    if fig.view in (View.FRONT, View.SEATED_FRONT):
        return (
            f'<rect class="chair" x="{_f(x - 0.15)}" y="{_f(seat)}" width="0.3" '
            f'height="0.34" rx="0.02"/>'  # the back, behind the person
            f'<rect class="chair" x="{_f(x - 0.17)}" y="{_f(seat - 0.035)}" width="0.34" '
            f'height="0.035" rx="0.01"/>'
            f'<rect class="chair" x="{_f(x - 0.16)}" y="0" width="0.03" height="{_f(seat)}"/>'
            f'<rect class="chair" x="{_f(x + 0.13)}" y="0" width="0.03" height="{_f(seat)}"/>'
        )
    back_x = x - 0.14
    return (
        f'<rect class="chair" x="{_f(back_x)}" y="{_f(seat - 0.035)}" width="0.3" '
        f'height="0.035" rx="0.01"/>'
        f'<rect class="chair" x="{_f(back_x)}" y="0" width="0.03" height="{_f(seat + 0.34)}" '
        f'rx="0.01"/>'
        f'<rect class="chair" x="{_f(back_x + 0.27)}" y="0" width="0.03" height="{_f(seat)}"/>'
    )


def static_props(
    fig: Figure, world: tuple[float, float, float, float], top_view: bool, pose: Pose | None
) -> tuple[str, str]:
    """(behind the body, between far and near limbs) prop drawings in world units."""
    back: list[str] = []
    front: list[str] = []
    for prop in fig.props:
        if prop.follow or prop.kind == "strap":
            continue
        if prop.kind == "mat":
            back.append(mat(fig, world, top_view))
            continue
        use = pose if pose is not None and prop.frame is None else prop_pose(fig, prop)
        c = prop_point(fig, prop, use)
        if prop.kind == "chair":
            back.append(chair(fig, c))
        elif prop.kind == "wall":
            back.append(
                f'<rect class="wall" x="{_f(c[0] - 0.04)}" y="0" width="0.04" height="1.15"/>'
            )
        elif prop.kind in ("ball", "towel"):
            front.append(prop_shape(prop, c))  # between the knees
        else:
            back.append(prop_shape(prop, c))
    return "".join(back), "".join(front)
