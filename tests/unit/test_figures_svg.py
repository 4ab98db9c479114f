"""The drawings: valid SVG with words for screen readers, an animation timed to the dose that
stops under reduced motion, and stills that a real renderer (CairoSVG) turns into a picture."""

from __future__ import annotations

import io
import itertools
import math
import re
import xml.etree.ElementTree as ET

import cairosvg
import pytest
from PIL import Image, ImageStat

from sicoach.figures import body, figure_png, figure_svg
from sicoach.figures.poses import Figure, load_figures
from sicoach.figures.svg import render_animated, render_frame
from sicoach.figures.timing import timeline

NS = "{http://www.w3.org/2000/svg}"
ALL = load_figures().all()
IDS = [f.id + (f"[{f.variant}]" if f.variant else "") for f in ALL]


def _check_accessible(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby", "").split()
    assert len(labelled) == 2
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    title, desc = by_id[labelled[0]], by_id[labelled[1]]
    assert title.tag == f"{NS}title" and len(title.text or "") > 3
    assert desc.tag == f"{NS}desc" and len((desc.text or "").split()) >= 12
    return root


def _png_stats(png: bytes) -> tuple[int, float, int]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    grey = image.convert("L")
    stat = ImageStat.Stat(grey)
    dark = sum(grey.histogram()[:110])
    return image.width, stat.stddev[0], dark


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_every_frame_is_valid_svg_and_renders_to_a_picture(fig: Figure) -> None:
    for i in range(len(fig.frames)):
        text = render_frame(fig, i)
        _check_accessible(text)
        assert "@keyframes" not in text  # a still for print
        width, spread, dark = _png_stats(cairosvg.svg2png(bytestring=text.encode()))
        assert width == 360
        assert spread > 20, "the picture is blank"
        assert dark > 1500, "too little of the figure was drawn"


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_animated_figure_is_valid_svg_and_has_a_static_fallback(fig: Figure) -> None:
    text = render_animated(fig)
    root = _check_accessible(text)
    style = "".join(el.text or "" for el in root.iter(f"{NS}style"))
    assert "@keyframes" in style
    reduced = re.search(r"@media \(prefers-reduced-motion: reduce\)\{([^}]*)\}", style)
    assert reduced and "animation:none" in reduced.group(1)
    # CairoSVG ignores CSS animation: it draws the `still` pose from the transform attributes.
    _, spread, dark = _png_stats(figure_png(text, 360))
    assert spread > 20 and dark > 1500


def test_animation_keyframes_follow_the_dose_and_the_model() -> None:
    """Bridge: 0.5 s down, 1.5 s up, the 5 s hold at the top, 3 s back: 10 s a cycle, as one
    repetition of the session; the CSS turn of every joint at every stop equals the model's
    turn for that frame."""
    fig = load_figures().get("bridge")
    assert fig.cycle_seconds == pytest.approx(10)
    stops = timeline(fig)
    assert stops == [(0.0, "down"), (5.0, "down"), (20.0, "up"), (70.0, "up"), (100.0, "down")]
    text = render_animated(fig)
    assert "10s ease-in-out infinite" in text
    for bone in ("thigh_near", "shin_near", "trunk_lower"):
        block = re.search(rf"@keyframes k-{bone}\{{(.*?)\}}\}}", text)
        assert block, bone
        angles = [float(a) for a in re.findall(r"rotate\((-?[\d.]+)deg\)", block.group(1))]
        expected = [
            body.local_rotation(fig.skeleton.bone(bone), fig.frame(name).pose) for _, name in stops
        ]
        assert angles == pytest.approx(expected, abs=1e-3)


def test_the_part_worked_is_highlighted_and_described() -> None:
    fig = load_figures().get("bridge")
    text = render_frame(fig, "up")
    assert text.count('class="accent') >= 2
    assert "buttocks" in text


def test_pregnancy_variant_is_named_in_the_title() -> None:
    text = figure_svg("pelvic_tilt", None, "pregnancy")
    assert "wall" in ET.fromstring(text).find(f"{NS}title").text.lower()  # type: ignore[union-attr]


def test_frames_by_name_or_number_are_the_same_picture() -> None:
    assert figure_svg("cat_cow", "1") == figure_svg("cat_cow", "cow")


def test_the_strap_stays_on_the_ankle_all_through_the_move() -> None:
    """The strap is animated on its own keyframes; between the pose keyframes it must still end
    at the ankle (it dangled in the air mid-move when only the end poses were keyed). The CSS
    value at a time is worked out as Chromium does: linear between the strap's own stops."""
    fig = load_figures().get("side_lying_quad_stretch")
    sk = fig.skeleton
    index, prop = next((i, p) for i, p in enumerate(fig.props) if p.kind == "strap")
    text = render_animated(fig)
    block = re.search(rf"@keyframes k-strap{index}\{{(.*?)\}}\}}", text)
    assert block
    stops = [
        (float(pct), float(angle), float(length))
        for pct, angle, length in re.findall(
            r"([\d.]+)%\{transform:rotate\((-?[\d.]+)deg\) scale\(([\d.]+),1\)", block.group(1)
        )
    ]
    assert re.search(rf"\.strap{index}\{{animation:k-strap{index} [\d.]+s linear infinite\}}", text)
    pose_stops = timeline(fig)
    holder = sk.bone_ending_at(str(prop.at))
    assert holder is not None and prop.to is not None
    for (p0, n0), (p1, n1) in itertools.pairwise(pose_stops):
        if n0 == n1:
            continue
        for u in (0.2, 0.35, 0.5, 0.65, 0.8):
            pct = p0 + (p1 - p0) * u
            pose = body.interpolate(fig.frame(n0).pose, fig.frame(n1).pose, u)
            (q0, a0, l0), (q1, a1, l1) = next(
                (a, b) for a, b in itertools.pairwise(stops) if a[0] <= pct <= b[0]
            )
            k = (pct - q0) / (q1 - q0)
            angle, length = a0 + (a1 - a0) * k, l0 + (l1 - l0) * k
            placed = body.place(sk, pose)
            start = placed[holder.name].end
            direction = math.radians(placed[holder.name].direction + angle)
            end = (start[0] + length * math.cos(direction), start[1] + length * math.sin(direction))
            ankle = body.points(sk, pose)[prop.to]
            assert body.distance(end, ankle) < 0.02, (n0, n1, u)
