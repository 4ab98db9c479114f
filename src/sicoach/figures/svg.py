"""Draw a figure as SVG: stills for print and the library, a move for the player, a loop.

The SVG mirrors the body model: every bone is a group nested in its parent's group and turned
by its joint angle, so the browser interpolates joint angles (not corner points) and bones
keep their length in every in-between frame. Motion is plain CSS `@keyframes` inside the SVG
(no script; works through `<img>`), with `ease-in-out` between keyframes, the same curve
`sicoach.figures.body.ease_in_out` uses, and it stops under `prefers-reduced-motion`,
leaving the figure in the pose it is heading for. Static frames use `transform` attributes
only, which CairoSVG and print engines understand.

Three kinds of picture: `render_frame` (one keyframe, with a ghost of the start position and
an arrow when the frame is not the start), `render_move` (the player's: from one frame to
the next ones in given seconds, once, then it stays) and `render_animated` (a loop for the
exercise library).
"""

from __future__ import annotations

import itertools
import math
from html import escape

from sicoach.figures import body, svg_marks, svg_props
from sicoach.figures.bones import Bone, Pose, Skeleton, View
from sicoach.figures.figure import Figure, Prop
from sicoach.figures.poses import sample_poses
from sicoach.figures.svg_props import _f
from sicoach.figures.svg_style import EDGE, GHOST_EDGE, style
from sicoach.figures.timing import move_stops, timeline

WIDTH, HEIGHT = 360.0, 240.0
MARGIN = 14.0
FLOOR_GAP = 26.0  # card space under the floor line


class _Layout:
    """World (y up, floor 0) to card pixels (y down)."""

    def __init__(self, fig: Figure) -> None:
        sk = fig.skeleton
        x0, y0, x1, y1 = body.bounds(sk, sample_poses(fig, 6))
        x0, y0, x1, y1 = x0 - EDGE, y0 - EDGE, x1 + EDGE, y1 + EDGE
        for prop in fig.props:
            for px, py in svg_props.prop_extent(fig, prop):
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


# --- drawing -----------------------------------------------------------------------------


def _bone_shape(sk: Skeleton, bone: Bone, colour: str, grow: float) -> str:
    """One bone's shape; `grow` widens it (the outline pass is the shape drawn wider)."""
    w = 2 * bone.radius + 2 * grow
    if bone.shape == "head":
        r = sk.head_radius + grow
        cx = bone.length
        parts = [f'<circle class="{colour}" cx="{_f(cx)}" cy="0" r="{_f(r)}"/>']
        if grow == 0 and colour in ("body", "near", "accent"):
            hr = sk.head_radius
            if sk.view is View.SIDE:
                parts.append(
                    f'<circle class="face" cx="{_f(cx + 0.2 * hr)}" cy="{_f(-0.42 * hr)}" '
                    f'r="{_f(0.12 * hr)}"/>'
                )
            elif sk.view in (View.FRONT, View.SEATED_FRONT):
                parts += [
                    f'<circle class="face" cx="{_f(cx + 0.1 * hr)}" cy="{_f(s * 0.33 * hr)}" '
                    f'r="{_f(0.11 * hr)}"/>'
                    for s in (-1, 1)
                ]
        return "".join(parts)
    if bone.shape == "blob":
        if bone.name == "chest":
            return (
                f'<ellipse class="{colour}" cx="0" cy="0" rx="{_f(body.SHOULDER_HALF + grow)}" '
                f'ry="{_f(bone.radius + grow)}"/>'
            )
        return f'<circle class="{colour}" cx="0" cy="0" r="{_f(bone.radius + grow)}"/>'
    if bone.length <= 0:
        return ""
    return (
        f'<line class="{colour} limb" x1="0" y1="0" x2="{_f(bone.length)}" y2="0" '
        f'stroke-width="{_f(w)}"/>'
    )


def _bump(sk: Skeleton, bone: Bone, colour: str, grow: float) -> str:
    """A pregnant belly on the front of the lower trunk (side view)."""
    if sk.view is not View.SIDE or bone.name != "trunk_lower":
        return ""
    return (
        f'<ellipse class="{colour}" cx="{_f(0.075)}" cy="{_f(-0.06)}" rx="{_f(0.09 + grow)}" '
        f'ry="{_f(0.075 + grow)}"/>'
    )


class _Writer:
    """Nested bone groups of one pose; with `stops`, CSS keyframes that move them."""

    STRAP_STEPS = 12
    """Sub-steps a move is cut into for a strap: its end follows a curve, not a straight turn
    and stretch, so it is keyed along the eased move and played linearly between keys."""

    def __init__(
        self,
        fig: Figure,
        pose: Pose,
        stops: list[tuple[float, str]] | None = None,
        seconds: float = 0.0,
        once: bool = False,
    ) -> None:
        self.fig = fig
        self.sk = fig.skeleton
        self.pose = pose
        self.stops = stops or []
        self.animated = bool(self.stops)
        self.css: list[str] = []
        self.moving: set[str] = set()
        self.only: set[str] | None = None  # draw only these bones (the ghost)
        self.layer_of = _lower_leg_behind(fig, pose)
        if self.animated:
            repeat = "1 both" if once else "infinite"
            self._plan_animation(seconds, repeat)

    # animation rules ------------------------------------------------------------------

    def _plan_animation(self, total: float, repeat: str) -> None:
        names = {n for _, n in self.stops}
        for bone in self.sk.bones:
            values = {n: self._bone_transform(bone, self.fig.frame(n).pose) for n in names}
            if len(set(values.values())) <= 1:
                continue
            self.moving.add(bone.name)
            frames = " ".join(f"{_f(pct)}%{{transform:{values[n]}}}" for pct, n in self.stops)
            self.css.append(f"@keyframes k-{bone.name}{{{frames}}}")
            self.css.append(
                f".j-{bone.name}{{animation:k-{bone.name} {_f(total)}s ease-in-out {repeat}}}"
            )
        for i, prop in enumerate(self.fig.props):
            if prop.kind != "strap":
                continue
            frames = " ".join(
                f"{_f(pct)}%{{transform:rotate({_f(angle)}deg) scale({_f(length)},1)}}"
                for pct, angle, length in self._strap_stops(prop)
            )
            self.css.append(f"@keyframes k-strap{i}{{{frames}}}")
            self.css.append(f".strap{i}{{animation:k-strap{i} {_f(total)}s linear {repeat}}}")

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

    def chain(self, layer: str, outline: bool) -> str:
        """Every bone of one layer, as its outline (drawn wider, dark) or its fill."""
        return "".join(self._bone(b, layer, outline) for b in self.sk.children(None))

    def _colour(self, bone: Bone, layer: str) -> str:
        if self.only is not None:
            return "ghost"
        if bone.name in self.fig.highlight:
            return "accent_far" if layer == "far" else "accent"
        return layer

    def _bone(self, bone: Bone, layer: str, outline: bool) -> str:
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
        drawn = self.only is None or bone.name in self.only
        if self.layer_of.get(bone.name, bone.layer) == layer and drawn:
            colour = self._colour(bone, layer)
            if self.only is not None:
                colour = "ghost-o" if outline else "ghost-f"
                grow = GHOST_EDGE if outline else 0.0
            else:
                grow = EDGE if outline else 0.0
                colour = f"o-{colour}" if outline else colour
            if self.fig.bump and layer == "body":
                parts.append(_bump(self.sk, bone, colour, grow))
            parts.append(_bone_shape(self.sk, bone, colour, grow))
        if layer == "near" and not outline and self.only is None:
            parts.append(self._followers(bone))
            parts.append(self._straps(bone))
        parts.extend(self._bone(child, layer, outline) for child in self.sk.children(bone.name))
        parts.append(close)
        return "".join(parts)

    def layers(self) -> str:
        """Far limbs, body, near limbs: each an outlined silhouette over the one behind."""
        out = []
        for layer in ("far", "body", "near"):
            out.append(
                f'<g class="figure-{layer}">{self.chain(layer, True)}{self.chain(layer, False)}</g>'
            )
        return "".join(out)

    def _followers(self, bone: Bone) -> str:
        out = []
        for prop in self.fig.props:
            if prop.follow != bone.name:
                continue
            x, y = bone.length + prop.offset[0], prop.offset[1]
            out.append(svg_props.prop_shape(prop, (x, y)))
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
                f'<line class="strap" x1="0" y1="0" x2="1" y2="0" stroke-width="0.016"/>'
                f"</g></g>"
            )
        return "".join(out)


def _lower_leg_behind(fig: Figure, pose: Pose) -> dict[str, str]:
    """Seen from the feet, a leg that has dropped lower lies behind the other: draw it in the
    far tone so the two legs do not merge into one shape."""
    if fig.view is not View.END:
        return {}
    pts = body.points(fig.skeleton, pose)
    right, left = pts["knee_right"][1], pts["knee_left"][1]
    if abs(right - left) < 0.03:
        return {}
    lower = "right" if right < left else "left"
    return {f"thigh_{lower}": "far", f"shin_{lower}": "far"}


def _ghost_and_arrows(fig: Figure, pose: Pose) -> tuple[str, str]:
    """The hollow start position behind the body and the arrows on top (none at the start)."""
    start = fig.frame(fig.start).pose
    moved = svg_marks.moved_bones(fig.skeleton, start, pose)
    if not moved:
        return "", ""
    ghost = _Writer(fig, start)
    ghost.only = moved
    shapes = "".join(ghost.chain(layer, True) for layer in ("far", "body", "near"))
    shapes += "".join(ghost.chain(layer, False) for layer in ("far", "body", "near"))
    arrows = svg_marks.arrows(fig.skeleton, start, pose, fig.marks)
    return f'<g class="ghost">{shapes}</g>', arrows


def _document(
    fig: Figure,
    pose: Pose,
    writer: _Writer,
    frame_label: str | None,
    motion: str,
    marks_for: Pose | None = None,
) -> str:
    layout = _Layout(fig)
    back_props, front_props = svg_props.static_props(
        fig, layout.world, layout.top_view, None if writer.animated else pose
    )
    ghost, arrows = _ghost_and_arrows(fig, marks_for or pose)
    uid = f"fig-{fig.id}" + (f"-{fig.variant}" if fig.variant else "")
    title = fig.title + (f" ({frame_label})" if frame_label else "")
    desc = fig.description
    if fig.highlight_label:
        desc += f" The part it works is coloured orange: {fig.highlight_label}."
    if ghost:
        desc += " A hollow outline shows where it starts"
        desc += " and an arrow the way it moves." if arrows else "."
    desc += motion
    floor = ""
    if not layout.top_view:
        x0 = -layout.ox / layout.scale
        x1 = (WIDTH - layout.ox) / layout.scale
        floor = (
            f'<line class="floor" x1="{_f(x0 + MARGIN / layout.scale)}" y1="0" '
            f'x2="{_f(x1 - MARGIN / layout.scale)}" y2="0" '
            f'stroke-width="{_f(2.5 / layout.scale)}" stroke-linecap="round"/>'
        )
    side = fig.view is View.SIDE
    figure = writer.layers()
    if front_props:  # a ball or towel between the knees: behind the near leg
        cut = figure.index('<g class="figure-near">') if side else len(figure)
        figure = figure[:cut] + front_props + figure[cut:]
    world = f'<g transform="{layout.transform()}">{back_props}{floor}{ghost}{figure}{arrows}</g>'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(WIDTH)} {_f(HEIGHT)}" '
        f'width="{_f(WIDTH)}" height="{_f(HEIGHT)}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>'
        f"<style>{style(writer.css)}</style>"
        f'<rect class="card" x="1" y="1" width="{_f(WIDTH - 2)}" height="{_f(HEIGHT - 2)}" '
        f'rx="14" stroke-width="1.5"/>'
        f"{world}</svg>\n"
    )


def render_animated(fig: Figure) -> str:
    """The looping figure (the library's); without motion it rests in the `still` keyframe."""
    pose = fig.frame(fig.still).pose
    writer = _Writer(fig, pose, timeline(fig), fig.cycle_seconds)
    every = _f(round(fig.cycle_seconds))
    motion = f" The picture moves through the exercise once every {every} seconds."
    return _document(fig, pose, writer, None, motion)


def render_move(fig: Figure, frames: tuple[str, ...], seconds: float) -> str:
    """The player's picture of one step: from frames[0] through the others in `seconds`,
    once, then it stays in the last frame (which is also what reduced motion shows)."""
    last = fig.frame(frames[-1])
    pose = last.pose
    if len(frames) < 2 or len(set(frames)) == 1 or seconds <= 0:
        return _document(fig, pose, _Writer(fig, pose), last.name.replace("_", " "), "")
    writer = _Writer(fig, pose, move_stops(frames), seconds, once=True)
    return _document(fig, pose, writer, last.name.replace("_", " "), "")


def render_frame(fig: Figure, frame: str | int, marks_of: str | None = None) -> str:
    """One keyframe as a still picture (for print and for the contact sheet); `marks_of`
    draws the ghost and arrows of another frame (what the loop shows while passing here)."""
    fr = fig.frame(frame)
    marks = fig.frame(marks_of).pose if marks_of else None
    label = fr.name.replace("_", " ")
    return _document(fig, fr.pose, _Writer(fig, fr.pose), label, "", marks)


def render_pose(fig: Figure, pose: Pose, label: str) -> str:
    """Any pose of this figure (e.g. an in-between frame) as a still picture."""
    return _document(fig, pose, _Writer(fig, pose), label, "")
