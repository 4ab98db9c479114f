"""Draw a figure as SVG: an animated loop for screens and a still of any keyframe for print.

The SVG mirrors the body model: every bone is a group nested in its parent's group and turned
by its joint angle, so the browser interpolates joint angles (not corner points) and bones
keep their length in every in-between frame. The animation is plain CSS `@keyframes` inside
the SVG (no script; works through `<img>`), with `ease-in-out` between keyframes, the same
curve `sicoach.figures.body.ease_in_out` uses, and it stops under `prefers-reduced-motion`,
leaving the figure in its most telling pose. Static frames use `transform` attributes only,
which CairoSVG and print engines understand.

Colours: the figure sits on its own light card (a dark card under `prefers-color-scheme:
dark`), so it reads on any page background; the highlighted part uses an orange with at
least 3:1 contrast against the card in both schemes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from html import escape

from sicoach.figures import body
from sicoach.figures.body import Bone, Point, Pose, Skeleton, View
from sicoach.figures.poses import Figure, Prop, sample_poses

WIDTH, HEIGHT = 360.0, 240.0
MARGIN = 14.0
FLOOR_GAP = 26.0  # card space under the floor line

LIGHT = {
    "card": "#f3f6f9",
    "card_edge": "#cdd7e1",
    "near": "#22445e",
    "body": "#22445e",
    "far": "#7f98ad",
    "accent": "#d9480f",
    "accent_far": "#f08c5a",
    "floor": "#6f8496",
    "mat": "#cfe6da",
    "mat_edge": "#7fb096",
    "ball": "#f5b800",
    "ball_edge": "#9c7600",
    "towel": "#c9b3e6",
    "strap": "#6741d9",
    "pillow": "#e2e9f2",
    "pillow_edge": "#8a9bb0",
    "chair": "#a47551",
    "wall": "#d5dbe2",
    "face": "#f3f6f9",
}
DARK = {
    "card": "#1b2631",
    "card_edge": "#3b4b5b",
    "near": "#e3edf5",
    "body": "#e3edf5",
    "far": "#8da6bb",
    "accent": "#ff922b",
    "accent_far": "#c86a1c",
    "floor": "#9fb1c1",
    "mat": "#25473a",
    "mat_edge": "#5f9c80",
    "ball": "#f5c400",
    "ball_edge": "#ffe066",
    "towel": "#7b62a3",
    "strap": "#b197fc",
    "pillow": "#34475a",
    "pillow_edge": "#9fb1c1",
    "chair": "#c8956c",
    "wall": "#2d3a47",
    "face": "#1b2631",
}


def _f(x: float) -> str:
    """Short number text for SVG (4 decimals is far below a pixel at any size we draw)."""
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# --- layout ------------------------------------------------------------------------------


class _Layout:
    """World (y up, floor 0) to card pixels (y down)."""

    def __init__(self, fig: Figure) -> None:
        sk = fig.skeleton
        x0, y0, x1, y1 = body.bounds(sk, sample_poses(fig, 6))
        for prop in fig.props:
            for px, py in _prop_extent(fig, prop):
                x0, x1, y0, y1 = min(x0, px), max(x1, px), min(y0, py), max(y1, py)
        self.top_view = fig.contact == "side_lying"
        if not self.top_view:
            y0 = min(y0, 0.0)
        avail_w = WIDTH - 2 * MARGIN
        avail_h = HEIGHT - MARGIN - (MARGIN if self.top_view else FLOOR_GAP)
        self.scale = min(avail_w / (x1 - x0), avail_h / (y1 - y0))
        self.ox = MARGIN + (avail_w - (x1 - x0) * self.scale) / 2 - x0 * self.scale
        if self.top_view:
            self.oy = MARGIN + (avail_h - (y1 - y0) * self.scale) / 2 + y1 * self.scale
        else:
            self.oy = HEIGHT - FLOOR_GAP  # the floor line
        self.world = (x0, y0, x1, y1)

    def transform(self) -> str:
        s = _f(self.scale)
        return f"translate({_f(self.ox)} {_f(self.oy)}) scale({s} -{s})"


def _prop_points(fig: Figure, prop: Prop, pose: Pose) -> Point:
    """Where a prop sits for a pose (world units)."""
    sk = fig.skeleton
    pts = body.points(sk, pose)
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


def _prop_pose(fig: Figure, prop: Prop) -> Pose:
    return fig.frame(prop.frame or fig.still).pose


def _prop_extent(fig: Figure, prop: Prop) -> Iterable[Point]:
    if prop.kind in ("mat", "strap"):
        return []
    if prop.follow:
        return []
    cx, cy = _prop_points(fig, prop, _prop_pose(fig, prop))
    w, h = prop.size
    if prop.kind == "chair":
        return [(cx - 0.16, 0.0), (cx + 0.16, cy + 0.32)]
    if prop.kind == "wall":
        return [(cx - 0.03, 0.0), (cx, 0.0)]
    return [(cx - w, cy - h), (cx + w, cy + h)]


# --- timeline ----------------------------------------------------------------------------


def timeline(fig: Figure) -> list[tuple[float, str]]:
    """(percent of the cycle, frame name) stops for CSS keyframes, closing the loop."""
    total = fig.cycle_seconds
    steps = fig.timeline
    stops: list[tuple[float, str]] = [(0.0, steps[0].frame)]
    t = steps[0].hold
    stops.append((t, steps[0].frame))
    for st in steps[1:]:
        t += st.move
        stops.append((t, st.frame))
        t += st.hold
        stops.append((t, st.frame))
    stops.append((total, steps[0].frame))
    out: list[tuple[float, str]] = []
    for sec, name in stops:
        pct = round(100.0 * sec / total, 3)
        if out and out[-1][0] == pct:
            continue
        out.append((pct, name))
    return out


# --- drawing -----------------------------------------------------------------------------


def _bone_shape(sk: Skeleton, bone: Bone, fig: Figure, colour: str) -> str:
    w = 2 * bone.radius
    if bone.shape == "head":
        r = sk.head_radius
        cx = bone.length
        parts = [f'<circle class="{colour}" cx="{_f(cx)}" cy="0" r="{_f(r)}"/>']
        if sk.view is View.SIDE:
            parts.append(
                f'<circle class="face" cx="{_f(cx + 0.2 * r)}" cy="{_f(-0.42 * r)}" '
                f'r="{_f(0.11 * r)}"/>'
            )
        elif sk.view is View.FRONT:
            for side in (-1, 1):
                parts.append(
                    f'<circle class="face" cx="{_f(cx + 0.1 * r)}" cy="{_f(side * 0.33 * r)}" '
                    f'r="{_f(0.1 * r)}"/>'
                )
        return "".join(parts)
    if bone.shape == "blob":
        if bone.name == "chest":
            return (
                f'<ellipse class="{colour}" cx="0" cy="0" rx="{_f(body.SHOULDER_HALF)}" '
                f'ry="{_f(bone.radius)}"/>'
            )
        return f'<circle class="{colour}" cx="0" cy="0" r="{_f(bone.radius)}"/>'
    if bone.length <= 0:
        return ""
    return (
        f'<line class="{colour} limb" x1="0" y1="0" x2="{_f(bone.length)}" y2="0" '
        f'stroke-width="{_f(w)}"/>'
    )


def _bump(sk: Skeleton, bone: Bone, colour: str) -> str:
    """A pregnant belly on the front of the lower trunk (side view)."""
    if sk.view is not View.SIDE or bone.name != "trunk_lower":
        return ""
    return (
        f'<ellipse class="{colour}" cx="{_f(0.075)}" cy="{_f(-0.06)}" rx="{_f(0.09)}" '
        f'ry="{_f(0.075)}"/>'
    )


class _Writer:
    def __init__(self, fig: Figure, pose: Pose, animated: bool) -> None:
        self.fig = fig
        self.sk = fig.skeleton
        self.pose = pose
        self.animated = animated
        self.stops = timeline(fig) if animated else []
        self.css: list[str] = []
        self.moving: set[str] = set()
        if animated:
            self._plan_animation()

    # animation rules ------------------------------------------------------------------

    def _plan_animation(self) -> None:
        total = self.fig.cycle_seconds
        names = {n for _, n in self.stops}
        for bone in self.sk.bones:
            values = {n: self._bone_transform(bone, self.fig.frame(n).pose) for n in names}
            if len(set(values.values())) <= 1:
                continue
            self.moving.add(bone.name)
            frames = " ".join(f"{_f(pct)}%{{transform:{values[n]}}}" for pct, n in self.stops)
            self.css.append(f"@keyframes k-{bone.name}{{{frames}}}")
            self.css.append(
                f".j-{bone.name}{{animation:k-{bone.name} {_f(total)}s ease-in-out infinite}}"
            )
        for i, prop in enumerate(self.fig.props):
            if prop.kind != "strap":
                continue
            frames = " ".join(
                f"{_f(pct)}%{{transform:rotate({_f(angle)}deg) scale({_f(length)},1)}}"
                for pct, angle, length in self._strap_stops(prop)
            )
            self.css.append(f"@keyframes k-strap{i}{{{frames}}}")
            self.css.append(f".strap{i}{{animation:k-strap{i} {_f(total)}s linear infinite}}")

    STRAP_STEPS = 12
    """Sub-steps a move is cut into for a strap: its end follows a curve, not a straight turn
    and stretch, so it is keyed along the eased move and played linearly between keys."""

    def _strap_stops(self, prop: Prop) -> list[tuple[float, float, float]]:
        """(percent, angle, length) keys that keep the strap's end on its body point."""
        keys: list[tuple[float, float, float]] = []

        def add(pct: float, pose: Pose) -> None:
            _, angle, length = self._strap_geometry(prop, pose)
            if keys:  # no jump of 360 degrees between neighbouring keys
                angle = keys[-1][1] + body.normalize(angle - keys[-1][1])
            keys.append((pct, angle, length))

        for (p0, n0), (p1, n1) in itertools.pairwise(self.stops):
            a, b = self.fig.frame(n0).pose, self.fig.frame(n1).pose
            if not keys:
                add(p0, a)
            if n0 != n1:
                for k in range(1, self.STRAP_STEPS):
                    u = k / self.STRAP_STEPS
                    add(round(p0 + (p1 - p0) * u, 3), body.interpolate(a, b, u))
            add(p1, b)
        return keys

    def _bone_transform(self, bone: Bone, pose: Pose) -> str:
        rot = f"rotate({_f(body.local_rotation(bone, pose))}deg)"
        if bone.parent is None:
            return f"translate({_f(pose.root[0])}px,{_f(pose.root[1])}px) {rot}"
        return rot

    def _strap_geometry(self, prop: Prop, pose: Pose) -> tuple[Bone, float, float]:
        """The strap as (bone it hangs from, angle in that bone's frame, length)."""
        assert isinstance(prop.at, str) and prop.to is not None
        holder = self.sk.bone_ending_at(prop.at)
        assert holder is not None
        placed = body.place(self.sk, pose)
        start = placed[holder.name].end
        end = body.points(self.sk, pose)[prop.to]
        angle = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        return (
            holder,
            body.normalize(angle - placed[holder.name].direction),
            body.distance(start, end),
        )

    # nested bones -----------------------------------------------------------------------

    def chain(self, layer: str) -> str:
        return "".join(self._bone(b, layer) for b in self.sk.children(None))

    def _bone(self, bone: Bone, layer: str) -> str:
        pose = self.pose
        rot = body.local_rotation(bone, pose)
        cls = f' class="j-{bone.name}"' if bone.name in self.moving else ""
        if bone.parent is None:
            attr = f"translate({_f(pose.root[0])} {_f(pose.root[1])}) rotate({_f(rot)})"
            open_, close = f'<g{cls} transform="{attr}">', "</g>"
        else:
            ax, ay = bone.anchor
            inner = f'<g{cls} transform="rotate({_f(rot)})">'
            if ax or ay:
                open_ = f'<g transform="translate({_f(ax)} {_f(ay)})">{inner}'
                close = "</g></g>"
            else:
                open_, close = inner, "</g>"
        parts = [open_]
        if bone.layer == layer:
            colour = layer
            if bone.name in self.fig.highlight:
                colour = "accent_far" if layer == "far" else "accent"
            if self.fig.bump and layer == "body":
                parts.append(_bump(self.sk, bone, "body"))
            parts.append(_bone_shape(self.sk, bone, self.fig, colour))
        if layer == "near":
            parts.append(self._followers(bone))
            parts.append(self._straps(bone))
        parts.extend(self._bone(child, layer) for child in self.sk.children(bone.name))
        parts.append(close)
        return "".join(parts)

    def _followers(self, bone: Bone) -> str:
        out = []
        for prop in self.fig.props:
            if prop.follow != bone.name:
                continue
            x, y = bone.length + prop.offset[0], prop.offset[1]
            out.append(_prop_shape(prop, (x, y)))
        return "".join(out)

    def _straps(self, bone: Bone) -> str:
        out = []
        for i, prop in enumerate(self.fig.props):
            if prop.kind != "strap":
                continue
            holder, angle, length = self._strap_geometry(prop, self.pose)
            if holder.name != bone.name:
                continue
            cls = f' class="strap{i}"' if self.animated else ""
            out.append(
                f'<g transform="translate({_f(bone.length)} 0)"><g{cls} '
                f'transform="rotate({_f(angle)}) scale({_f(length)} 1)">'
                f'<line class="strap" x1="0" y1="0" x2="1" y2="0" stroke-width="0.014"/>'
                f"</g></g>"
            )
        return "".join(out)


def _prop_shape(prop: Prop, c: Point) -> str:
    cx, cy = c
    w, h = prop.size
    if prop.kind == "ball":
        return f'<circle class="ball" cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(w)}"/>'
    if prop.kind == "towel":
        return (
            f'<rect class="towel" x="{_f(cx - w)}" y="{_f(cy - h)}" width="{_f(2 * w)}" '
            f'height="{_f(2 * h)}" rx="{_f(min(w, h))}"/>'
        )
    if prop.kind == "pillow":
        return (
            f'<rect class="pillow" x="{_f(cx - w)}" y="{_f(cy - h)}" width="{_f(2 * w)}" '
            f'height="{_f(2 * h)}" rx="{_f(min(w, h) * 0.8)}"/>'
        )
    return ""


def _static_props(fig: Figure, layout: _Layout, pose_for_still: Pose | None) -> tuple[str, str]:
    """(behind the body, in front of the body) prop drawings in world units."""
    back: list[str] = []
    front: list[str] = []
    x0, _, x1, y1 = layout.world
    for prop in fig.props:
        if prop.follow or prop.kind == "strap":
            continue
        if prop.kind == "mat":
            if layout.top_view:
                back.append(
                    f'<rect class="mat" x="{_f(x0 - 0.03)}" y="{_f(layout.world[1] - 0.03)}" '
                    f'width="{_f(x1 - x0 + 0.06)}" height="{_f(y1 - layout.world[1] + 0.06)}" '
                    f'rx="0.03"/>'
                )
            elif fig.view is View.END:  # the floor seen from the feet, up to the far edge
                back.append(
                    f'<rect class="mat" x="{_f(x0 - 0.02)}" y="-0.022" '
                    f'width="{_f(x1 - x0 + 0.04)}" height="{_f(body.END_DEPTH + 0.05)}" '
                    f'rx="0.01"/>'
                )
            else:
                back.append(
                    f'<rect class="mat" x="{_f(x0 - 0.02)}" y="-0.022" '
                    f'width="{_f(x1 - x0 + 0.04)}" height="0.022" rx="0.008"/>'
                )
            continue
        pose = pose_for_still if pose_for_still is not None and prop.frame is None else None
        c = _prop_points(fig, prop, pose or _prop_pose(fig, prop))
        if prop.kind == "chair":
            back.append(_chair(fig, c))
        elif prop.kind == "wall":
            back.append(
                f'<rect class="wall" x="{_f(c[0] - 0.04)}" y="0" width="0.04" height="1.15"/>'
            )
        elif prop.kind in ("ball", "towel"):
            # Between the knees: drawn behind the near leg, in front of the far one.
            front.append(_prop_shape(prop, c))
        else:
            back.append(_prop_shape(prop, c))
    return "".join(back), "".join(front)


def _chair(fig: Figure, c: Point) -> str:
    """A simple chair whose seat top is at the point c (the underside of the pelvis)."""
    seat = c[1]
    x = c[0]
    if fig.view is View.FRONT:
        return (
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


def _style(animated_rules: list[str], dark: bool = True) -> str:
    def palette(p: dict[str, str]) -> str:
        return (
            f".card{{fill:{p['card']};stroke:{p['card_edge']}}}"
            f".near,.body{{fill:{p['near']};stroke:{p['near']}}}"
            f".far{{fill:{p['far']};stroke:{p['far']}}}"
            f".accent{{fill:{p['accent']};stroke:{p['accent']}}}"
            f".accent_far{{fill:{p['accent_far']};stroke:{p['accent_far']}}}"
            f".face{{fill:{p['face']}}}"
            f".floor{{stroke:{p['floor']}}}"
            f".mat{{fill:{p['mat']};stroke:{p['mat_edge']}}}"
            f".ball{{fill:{p['ball']};stroke:{p['ball_edge']}}}"
            f".towel{{fill:{p['towel']};stroke:{p['towel']}}}"
            f".strap{{stroke:{p['strap']}}}"
            f".pillow{{fill:{p['pillow']};stroke:{p['pillow_edge']}}}"
            f".chair{{fill:{p['chair']}}}"
            f".wall{{fill:{p['wall']}}}"
        )

    common = (
        "circle,ellipse,rect{stroke-width:0}"
        ".ball,.pillow,.mat{stroke-width:0.006}"
        ".card{stroke-width:1.5}"
        ".limb{stroke-linecap:round;fill:none}"
        ".strap{fill:none}"
        "g[class]{transform-box:view-box;transform-origin:0 0}"
    )
    css = palette(LIGHT) + common
    if dark:
        css += f"@media (prefers-color-scheme: dark){{{palette(DARK)}}}"
    css += "".join(animated_rules)
    if animated_rules:
        css += "@media (prefers-reduced-motion: reduce){g[class]{animation:none !important}}"
    return css


def _document(fig: Figure, pose: Pose, animated: bool, frame_label: str | None) -> str:
    layout = _Layout(fig)
    writer = _Writer(fig, pose, animated)
    back_props, front_props = _static_props(fig, layout, None if animated else pose)
    uid = f"fig-{fig.id}" + (f"-{fig.variant}" if fig.variant else "")
    title = fig.title + (f" ({frame_label})" if frame_label else "")
    desc = fig.description
    if fig.highlight_label:
        desc += f" The part it works is coloured orange: {fig.highlight_label}."
    if animated:
        desc += (
            f" The picture moves through the exercise once every "
            f"{_f(round(fig.cycle_seconds))} seconds."
        )
    floor = ""
    if not layout.top_view:
        x0 = -layout.ox / layout.scale
        x1 = (WIDTH - layout.ox) / layout.scale
        floor = (
            f'<line class="floor" x1="{_f(x0 + MARGIN / layout.scale)}" y1="0" '
            f'x2="{_f(x1 - MARGIN / layout.scale)}" y2="0" '
            f'stroke-width="{_f(2.5 / layout.scale)}" stroke-linecap="round"/>'
        )
    world = (
        f'<g transform="{layout.transform()}">'
        f"{back_props}{floor}"
        f'<g class="figure-far">{writer.chain("far")}</g>'
        f"{front_props if fig.view is View.SIDE else ''}"
        f'<g class="figure-body">{writer.chain("body")}</g>'
        f'<g class="figure-near">{writer.chain("near")}</g>'
        f"{front_props if fig.view is not View.SIDE else ''}"
        f"</g>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(WIDTH)} {_f(HEIGHT)}" '
        f'width="{_f(WIDTH)}" height="{_f(HEIGHT)}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>'
        f"<style>{_style(writer.css)}</style>"
        f'<rect class="card" x="1" y="1" width="{_f(WIDTH - 2)}" height="{_f(HEIGHT - 2)}" '
        f'rx="14" stroke-width="1.5"/>'
        f"{world}</svg>\n"
    )


def render_animated(fig: Figure) -> str:
    """The looping figure; without motion it rests in the `still` keyframe."""
    return _document(fig, fig.frame(fig.still).pose, animated=True, frame_label=None)


def render_frame(fig: Figure, frame: str | int) -> str:
    """One keyframe as a still picture (for print and for the contact sheet)."""
    fr = fig.frame(frame)
    return _document(fig, fr.pose, animated=False, frame_label=fr.name.replace("_", " "))


def render_pose(fig: Figure, pose: Pose, label: str) -> str:
    """Any pose of this figure (e.g. an in-between frame) as a still picture."""
    return _document(fig, pose, animated=False, frame_label=label)
