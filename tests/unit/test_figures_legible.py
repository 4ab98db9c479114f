"""Pictures people recognise: each key frame differs visibly from the start, limbs of one tone
do not run into each other unless the pose means it, and the contact sheet of every key
frame renders (full size and at the 160 px a phone list shows)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from sicoach.figures import body, figure_svg
from sicoach.figures.poses import Figure, load_figures
from sicoach.figures.svg import HEIGHT, WIDTH
from tests.unit.figure_geometry import overlaps

ALL = load_figures().all()
IDS = [f.id + (f"[{f.variant}]" if f.variant else "") for f in ALL]
ROOT = Path(__file__).resolve().parents[2]
MIN_TURN = 15.0  # degrees a joint of the moving part turns between start and key frame


# What the poses mean when two limbs of one tone meet (tested: every overlap has a reason).
ARM = ("upper_arm", "forearm", "hand")
LEG = ("thigh", "shin", "foot")
TRUNK = ("trunk_lower", "trunk_upper")


def _kind(bone: str) -> str:
    if bone in TRUNK:
        return "trunk"
    stem = bone.rsplit("_", 1)[0]
    return "arm" if stem in ARM else "leg" if stem in LEG else stem


REASONS = {
    "arm along the body": lambda a, b: {_kind(a), _kind(b)} == {"arm", "trunk"},
    "hands hold or rest on the legs": lambda a, b: {_kind(a), _kind(b)} == {"arm", "leg"},
    "hip joint (front view)": lambda a, b: (
        {_kind(a), _kind(b)} == {"leg", "trunk"} and any(x.startswith("thigh") for x in (a, b))
    ),
    "knees stacked as they drop": lambda a, b: (
        _kind(a) == _kind(b) == "leg" and a.rsplit("_", 1)[1] != b.rsplit("_", 1)[1]
    ),
}
ALLOWED: dict[str, set[str]] = {
    "bridge": {"arm along the body", "hands hold or rest on the legs"},
    "pelvic_tilt": {"arm along the body", "hands hold or rest on the legs"},
    "knee_to_chest": {"arm along the body", "hands hold or rest on the legs"},
    "double_knee_to_chest": {"arm along the body", "hands hold or rest on the legs"},
    "figure_four": {"arm along the body", "hands hold or rest on the legs"},
    "supine_twist": {"knees stacked as they drop"},
    "side_lying_quad_stretch": {"arm along the body", "hands hold or rest on the legs"},
    "triangle_pose": {"hip joint (front view)", "hands hold or rest on the legs"},
    "low_impact_aerobics": {"arm along the body", "hands hold or rest on the legs"},
    "bridge[pregnancy]": set(),
    "pelvic_tilt[pregnancy]": {"arm along the body", "hands hold or rest on the legs"},
    "knee_to_chest[pregnancy]": {"arm along the body", "hands hold or rest on the legs"},
    "double_knee_to_chest[pregnancy]": {"arm along the body", "hands hold or rest on the legs"},
    "inner_thigh_squeeze[pregnancy]": {"arm along the body", "hip joint (front view)"},
    "figure_four[pregnancy]": {"arm along the body", "hands hold or rest on the legs"},
    "supine_twist[pregnancy]": {"arm along the body", "hands hold or rest on the legs"},
}


def _tag(fig: Figure) -> str:
    return fig.id + (f"[{fig.variant}]" if fig.variant else "")


def _turn(fig: Figure, a: str, b: str) -> float:
    pa, pb = fig.frame(a).pose, fig.frame(b).pose
    return max(abs(pa.angle(j) - pb.angle(j)) for j in fig.skeleton.joints)


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_each_key_frame_differs_visibly_from_the_start(fig: Figure) -> None:
    """What the player shows on a hold (per side too) and the two halves of a move each turn
    some joint by at least 15 degrees, so the two pictures cannot be mistaken."""
    cues = fig.cues()
    holds = [v for k, v in cues.items() if k.startswith("hold") and fig.id != "low_impact_aerobics"]
    for frames in holds:
        assert _turn(fig, fig.start, frames[-1]) >= MIN_TURN, (frames, fig.start)
    if fig.id in ("cat_cow", "low_impact_aerobics"):
        assert _turn(fig, cues["move1"][-1], cues["move2"][-1]) >= MIN_TURN


def test_the_reported_small_figures_are_told_apart() -> None:
    """The pairs people could not tell apart at phone size: both knees really are up, the
    pelvic tilt turns the pelvis, the twist's legs drop to one side, one lying flat."""
    figs = load_figures()
    dk = figs.get("double_knee_to_chest")
    both = dk.frame("both_up").pose
    assert body.hip_flexion(dk.skeleton, both, "near") > 100
    assert body.hip_flexion(dk.skeleton, both, "far") > 90
    assert _turn(figs.get("pelvic_tilt"), "relaxed", "tilted") >= MIN_TURN
    twist = figs.get("supine_twist")
    pts = body.points(twist.skeleton, twist.frame("to_left").pose)
    assert abs(pts["knee_left"][1] - pts["knee_right"][1]) > 0.05  # one knee lies lower
    assert "far" in re.findall(r'class="figure-(\w+)"', figure_svg("supine_twist", "to_left"))


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_limbs_of_one_tone_overlap_only_where_the_pose_means_it(fig: Figure) -> None:
    allowed = ALLOWED.get(_tag(fig), set())
    for frame in fig.frames:
        for a, b in sorted(overlaps(fig.skeleton, frame.pose, tolerance=0.01)):
            if _kind(a) == "trunk" and _kind(b) == "trunk":
                continue
            why = [r for r, test in REASONS.items() if test(a, b)]
            assert set(why) & allowed, f"{_tag(fig)} {frame.name}: {a} runs into {b}"


def test_no_leg_runs_into_the_other_leg_of_the_same_tone() -> None:
    """The tangle people saw: legs of one tone crossing. Only the twist's stacked knees may."""
    for fig in ALL:
        for frame in fig.frames:
            legs = [
                p
                for p in overlaps(fig.skeleton, frame.pose, tolerance=0.01)
                if _kind(p[0]) == _kind(p[1]) == "leg"
            ]
            assert not legs or fig.id == "supine_twist", (_tag(fig), frame.name, legs)


def test_key_frames_show_where_they_started_and_which_way_they_go() -> None:
    for fig in ALL:
        start = figure_svg(fig.id, fig.start, fig.variant)
        assert 'class="ghost"' not in start and 'class="arrow"' not in start
        for name in {v[-1] for k, v in fig.cues().items() if k.startswith("hold")}:
            if name == fig.start or fig.id == "low_impact_aerobics":  # walking has no hold
                continue
            text = figure_svg(fig.id, name, fig.variant)
            assert 'class="ghost"' in text, (_tag(fig), name)
            assert 'class="arrow"' in text, (_tag(fig), name)


def _sheet(tmp_path: Path, *args: str) -> tuple[Image.Image, int]:
    out = tmp_path / "sheet.png"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "contact_sheet.py"), "--out", str(out), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    count = int(re.search(r"(\d+) figures", run.stdout).group(1))  # type: ignore[union-attr]
    return Image.open(io.BytesIO(out.read_bytes())).convert("RGB"), count


@pytest.mark.slow
@pytest.mark.parametrize("cell", [WIDTH, 160.0], ids=["full", "phone"])
def test_contact_sheet_of_every_key_frame(tmp_path: Path, cell: float) -> None:
    image, count = _sheet(tmp_path, "--cell-width", str(cell))
    assert count == sum(len(f.frames) for f in ALL)
    columns = 4 if cell >= WIDTH else 6
    rows = -(-count // columns)
    assert image.width == round(columns * (cell + 10) + 10)
    assert image.height == round(rows * (cell * HEIGHT / WIDTH + 22 + 10) + 10)
    # Not blank: every cell holds a drawing (dark outline pixels in each figure's box).
    grey = image.convert("L")
    cell_h = cell * HEIGHT / WIDTH
    for i in range(count):
        x = 10 + (i % columns) * (cell + 10)
        y = 10 + (i // columns) * (cell_h + 22 + 10) + 22
        box = grey.crop((int(x), int(y), int(x + cell), int(y + cell_h)))
        assert ImageStat.Stat(box).stddev[0] > 20, f"cell {i} is blank"
        dark = sum(box.histogram()[:70])
        assert dark > cell * cell_h * 0.01, f"cell {i} has too little figure"
