"""Every figure's keyframes and in-between poses: rigid, humanly possible, resting on the floor
the way the exercise says, and moving the way the text describes."""

from __future__ import annotations

import pytest

from sicoach.content import load_catalog
from sicoach.domain.vocabulary import EXERCISE_IDS
from sicoach.figures import body
from sicoach.figures.body import Pose, View
from sicoach.figures.poses import Figure, PoseError, load_figures, parse

FIGURES = load_figures()
ALL = FIGURES.all()
IDS = [f.id + (f"[{f.variant}]" if f.variant else "") for f in ALL]

# A keyframe may touch the floor line (drawn about 0.01 thick) but not sink below it; an
# in-between pose, where the browser simply turns each joint, may press into the line by at
# most 1.5 % of body height (about 2.5 cm for a 170 cm person: less than the line's width
# at the sizes we draw).
KEY_SINK = 0.005
MID_SINK = 0.015
TOUCH = 0.012  # a point "rests on the floor" when its underside is within this of it


def _in_betweens(fig: Figure) -> list[Pose]:
    return [body.interpolate(a, b, k) for a, b in fig.transitions() for k in (0.25, 0.5, 0.75)]


def _midpoints(fig: Figure) -> list[Pose]:
    return [body.interpolate(a, b, 0.5) for a, b in fig.transitions()]


def _pts(fig: Figure, name: str) -> dict[str, tuple[float, float]]:
    return body.points(fig.skeleton, fig.frame(name).pose)


def test_every_exercise_has_a_figure() -> None:
    assert set(EXERCISE_IDS) <= set(FIGURES.ids())


def test_every_pregnancy_variant_of_the_catalog_has_its_own_figure() -> None:
    catalog = load_catalog()
    wanted = {(e.id, v.key) for e in catalog.exercises for v in e.variants}
    assert wanted, "the catalog should have pregnancy variants"
    assert wanted <= set(FIGURES.variants)


def test_hold_times_follow_the_dose_in_the_catalog() -> None:
    """The animation keeps time with the guided session: each repetition in the loop lasts
    hold + release (move_seconds) + rest, and lingers in the end pose for the whole hold; a
    move without a hold (cat-cow) takes move_seconds each way."""
    catalog = load_catalog()
    checked = 0
    for fig in ALL:
        if not catalog.has_exercise(fig.id):
            continue
        exercise = catalog.exercise(fig.id)
        dosage = exercise.dosage
        if fig.variant and (v := exercise.variant(fig.variant)) and v.dosage:
            dosage = v.dosage
        if dosage.hold_seconds is not None:
            hold = dosage.hold_seconds.top
            holds = [s for s in fig.timeline if s.hold == hold]
            assert holds and max(s.hold for s in fig.timeline) == hold, fig.id
            per_rep = hold + dosage.move_seconds + dosage.rest_seconds
            assert fig.cycle_seconds == pytest.approx(len(holds) * per_rep), fig.id
        else:
            assert all(s.move == dosage.move_seconds for s in fig.timeline), fig.id
            assert fig.cycle_seconds == pytest.approx(2 * dosage.move_seconds), fig.id
        checked += 1
    assert checked == len(ALL) - 1  # all but the walking figure, which has no dose


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_bones_keep_their_length_in_keyframes_and_in_betweens(fig: Figure) -> None:
    for pose in [f.pose for f in fig.frames] + _in_betweens(fig):
        assert body.bone_lengths_ok(fig.skeleton, pose, tolerance=0.01) == []


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_joints_stay_in_human_ranges(fig: Figure) -> None:
    for f in fig.frames:
        assert body.out_of_range(fig.skeleton, f.pose) == [], f.name
    for pose in _in_betweens(fig):
        assert body.out_of_range(fig.skeleton, pose) == []


@pytest.mark.parametrize(
    "fig", [f for f in ALL if f.view is View.SIDE], ids=lambda f: f.id + str(f.variant or "")
)
def test_side_view_knees_elbows_and_hips_measured_from_positions(fig: Figure) -> None:
    """Measured from the drawn points, not from the numbers in the file: knee and elbow bend
    0-150 degrees the natural way (no backward knee), hip flexion at most 135."""
    sk = fig.skeleton
    for pose in [f.pose for f in fig.frames] + _midpoints(fig):
        for side in ("near", "far"):
            knee = body.knee_flexion(sk, pose, side)
            assert -0.5 <= knee <= 150, (side, knee)
            elbow = body.elbow_flexion(sk, pose, side)
            assert -0.5 <= elbow <= 150, (side, elbow)
            hip = body.hip_flexion(sk, pose, side)
            assert -25 <= hip <= 135, (side, hip)


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_contact_with_the_floor(fig: Figure) -> None:
    sk = fig.skeleton
    for f in fig.frames:
        for point in f.touch:
            height = body.surface_height(sk, f.pose, point)
            assert abs(height) <= TOUCH, (f.name, point, height)
    if fig.contact == "side_lying":
        # Seen from above: the person lies on a mat, there is no floor line to sink into.
        assert any(p.kind == "mat" for p in fig.props)
        return
    for f in fig.frames:
        assert body.lowest_surface(sk, f.pose) >= -KEY_SINK, f.name
    for pose in _in_betweens(fig):
        assert body.lowest_surface(sk, pose) >= -MID_SINK


@pytest.mark.parametrize("fig", ALL, ids=IDS)
def test_what_rests_on_the_floor_matches_the_position(fig: Figure) -> None:
    for f in fig.frames:
        touch = set(f.touch)
        if fig.contact == "lying" and fig.view is View.SIDE:
            assert touch & {"pelvis", "waist", "chest"}, f"{f.name}: back or pelvis down"
        elif fig.contact == "lying":  # seen from the feet: the pelvis, or a hip as it rolls
            assert touch & {"pelvis", "hip_left", "hip_right"}, f.name
        elif fig.contact in ("standing", "seated"):
            assert any(t.startswith(("ankle", "toe")) for t in touch), f"{f.name}: feet down"
        elif fig.contact == "kneeling":
            assert any(t.startswith("knee") for t in touch), f.name
            assert any(t.startswith(("wrist", "hand")) for t in touch), f.name


def test_lying_figures_seen_from_the_feet_keep_the_shoulders_on_the_far_floor() -> None:
    for fig in (FIGURES.get("supine_twist"), FIGURES.get("inner_thigh_squeeze")):
        for pose in [f.pose for f in fig.frames] + _in_betweens(fig):
            chest = body.surface_height(fig.skeleton, pose, "chest")
            assert chest == pytest.approx(body.END_DEPTH, abs=TOUCH)
            assert body.lowest_surface(fig.skeleton, pose) >= -KEY_SINK


def test_pregnancy_variants_do_not_lie_on_the_back() -> None:
    for (_, key), fig in FIGURES.variants.items():
        assert key == "pregnancy"
        assert fig.contact != "lying"
        assert fig.bump


# --- each movement does what the text says ------------------------------------------------


def test_bridge_hips_rise_while_shoulders_and_feet_stay() -> None:
    fig = FIGURES.get("bridge")
    down, up = _pts(fig, "down"), _pts(fig, "up")
    assert up["pelvis"][1] > down["pelvis"][1] + 0.1
    assert body.distance(up["ankle_near"], down["ankle_near"]) < 0.01
    assert body.distance(up["chest"], down["chest"]) < 0.05
    # At the top the body is about a straight line from shoulders to knees.
    assert abs(body.bend(up["chest"], up["pelvis"], up["knee_near"])) < 20


def test_pelvic_tilt_presses_the_small_of_the_back_down() -> None:
    fig = FIGURES.get("pelvic_tilt")
    sk = fig.skeleton
    relaxed = body.surface_height(sk, fig.frame("relaxed").pose, "waist")
    tilted = body.surface_height(sk, fig.frame("tilted").pose, "waist")
    assert relaxed > 0.015 and tilted < relaxed - 0.01


@pytest.mark.parametrize(("frame", "side"), [("near_knee_up", "near"), ("far_knee_up", "far")])
def test_knee_to_chest_brings_the_knee_closer_to_the_chest(frame: str, side: str) -> None:
    fig = FIGURES.get("knee_to_chest")
    start, up = _pts(fig, "start"), _pts(fig, frame)
    before = body.distance(start[f"knee_{side}"], start["chest"])
    after = body.distance(up[f"knee_{side}"], up["chest"])
    assert after < before - 0.1
    # The hands hold the lifted knee; the other foot stays on the floor.
    assert body.distance(up["wrist_near"], up[f"knee_{side}"]) < 0.1
    other = "far" if side == "near" else "near"
    assert body.distance(up[f"ankle_{other}"], start[f"ankle_{other}"]) < 0.01


def test_double_knee_to_chest_hugs_both_knees_and_lowers_one_at_a_time() -> None:
    fig = FIGURES.get("double_knee_to_chest")
    start, both = _pts(fig, "start"), _pts(fig, "both_up")
    for side in ("near", "far"):
        assert body.distance(both[f"knee_{side}"], both["chest"]) < (
            body.distance(start[f"knee_{side}"], start["chest"]) - 0.1
        )
    one_up, one_down = _pts(fig, "one_up"), _pts(fig, "one_down")
    assert one_up["knee_near"][1] > 0.25 and one_up["ankle_far"][1] < 0.05
    assert one_down["knee_far"][1] > 0.25 and one_down["ankle_near"][1] < 0.05


def test_cat_cow_spine_curve_reverses() -> None:
    fig = FIGURES.get("cat_cow")
    cat, cow = _pts(fig, "cat"), _pts(fig, "cow")
    # Going pelvis -> waist -> chest (towards the head on the right), a back that is rounded
    # up turns clockwise (negative) at the waist; an arched back turns the other way.
    cat_bend = body.bend(cat["pelvis"], cat["waist"], cat["chest"])
    cow_bend = body.bend(cow["pelvis"], cow["waist"], cow["chest"])
    assert cat_bend < -15 and cow_bend > 15
    assert cat["waist"][1] > cow["waist"][1] + 0.03  # the back rises in the cat
    assert cat["head"][1] < cow["head"][1]  # chin tucked in the cat, looking up in the cow
    for pts in (cat, cow):
        assert pts["knee_near"][0] == pytest.approx(cat["knee_near"][0], abs=0.01)


def test_supine_twist_knees_go_to_the_side_while_the_shoulders_stay_down() -> None:
    fig = FIGURES.get("supine_twist")
    start = _pts(fig, "start")
    left, right = _pts(fig, "to_left"), _pts(fig, "to_right")
    knees = ("knee_left", "knee_right")
    assert all(left[k][0] > start[k][0] + 0.1 for k in knees)
    assert all(right[k][0] < start[k][0] - 0.1 for k in knees)
    sk = fig.skeleton
    for pose in [f.pose for f in fig.frames] + _in_betweens(fig):
        p = body.points(sk, pose)
        for shoulder in ("shoulder_left", "shoulder_right", "chest"):
            assert p[shoulder] == pytest.approx(start[shoulder], abs=1e-6)


def test_supine_twist_pillows_sit_under_the_dropped_knees() -> None:
    fig = FIGURES.get("supine_twist")
    pillows = [p for p in fig.props if p.kind == "pillow"]
    assert len(pillows) == 2
    for pillow in pillows:
        assert isinstance(pillow.at, str) and pillow.frame
        knee = _pts(fig, pillow.frame)[pillow.at]
        top = knee[1] + pillow.offset[1] + pillow.size[1]
        assert knee[1] - 0.042 - 0.02 <= top <= knee[1]  # just under the knee
        assert knee[1] + pillow.offset[1] - pillow.size[1] >= -KEY_SINK  # on the floor


def test_figure_four_crossed_ankle_rests_on_the_other_knee_and_the_thigh_lifts() -> None:
    fig = FIGURES.get("figure_four")
    for name in ("crossed", "lift"):
        p = _pts(fig, name)
        # The near shin crosses the far knee: the knee lies within a short reach of the
        # ankle, along the shin.
        seg = _segment_distance(p["knee_far"], p["knee_near"], p["ankle_near"])
        assert seg < 0.06, (name, seg)
        assert body.distance(p["ankle_near"], p["knee_far"]) < 0.13
    crossed, lift = fig.frame("crossed").pose, fig.frame("lift").pose
    assert lift.angle("hip_far") > crossed.angle("hip_far") + 20
    lp = _pts(fig, "lift")
    assert lp["ankle_far"][1] > 0.1  # the supporting foot leaves the floor
    assert _segment_distance(lp["wrist_near"], lp["pelvis"], lp["knee_far"]) < 0.06


def test_inner_thigh_squeeze_ball_between_the_knees_and_knees_press_in() -> None:
    fig = FIGURES.get("inner_thigh_squeeze")
    ball = next(p for p in fig.props if p.kind == "ball")
    relaxed, squeeze = _pts(fig, "relaxed"), _pts(fig, "squeeze")
    gap = lambda p: p["knee_left"][0] - p["knee_right"][0]  # noqa: E731
    assert gap(squeeze) < gap(relaxed) - 0.02
    cx = (relaxed["knee_left"][0] + relaxed["knee_right"][0]) / 2 + ball.offset[0]
    assert relaxed["knee_right"][0] < cx < relaxed["knee_left"][0]
    knee_r = 0.042
    # Relaxed: the ball just fills the gap; squeezed: the knees press into it.
    assert ball.size[0] == pytest.approx(gap(relaxed) / 2 - knee_r, abs=0.01)
    assert gap(squeeze) / 2 - knee_r < ball.size[0] - 0.01


def test_seated_inner_thigh_squeeze_seen_from_the_front_knees_in_feet_stay() -> None:
    """The pregnancy version sits on a chair facing you, so the press of the knees shows."""
    fig = FIGURES.variants[("inner_thigh_squeeze", "pregnancy")]
    assert fig.view is View.SEATED_FRONT
    relaxed, squeeze = _pts(fig, "relaxed"), _pts(fig, "squeeze")
    gap = lambda p: p["knee_left"][0] - p["knee_right"][0]  # noqa: E731
    assert gap(squeeze) < gap(relaxed) - 0.02
    for side in ("left", "right"):
        assert body.distance(squeeze[f"ankle_{side}"], relaxed[f"ankle_{side}"]) < 0.02
        assert squeeze[f"knee_{side}"][1] > 0.2  # knees at seat height, not standing


def test_side_lying_thigh_stretch_brings_the_heel_to_the_buttock_with_a_strap() -> None:
    fig = FIGURES.get("side_lying_quad_stretch")
    rest, stretch = _pts(fig, "rest"), _pts(fig, "stretch")
    assert body.distance(stretch["ankle_near"], stretch["pelvis"]) < (
        body.distance(rest["ankle_near"], rest["pelvis"]) - 0.2
    )
    assert fig.frame("stretch").pose.angle("knee_near") > 120
    strap = next(p for p in fig.props if p.kind == "strap")
    assert (strap.at, strap.to) == ("hand_near", "ankle_near")
    assert body.distance(stretch["hand_near"], stretch["ankle_near"]) < 0.12


def test_triangle_pose_reaches_down_to_the_shin_with_the_other_arm_up() -> None:
    fig = FIGURES.get("triangle_pose")
    for frame, low, high in (("reach_right", "right", "left"), ("reach_left", "left", "right")):
        p = _pts(fig, frame)
        # The fingers reach the shin just below the knee.
        assert _segment_distance(p[f"hand_{low}"], p[f"knee_{low}"], p[f"ankle_{low}"]) < 0.05
        assert p[f"hand_{high}"][1] > p["head"][1]
        for side in ("left", "right"):  # feet stay where they were
            assert body.distance(p[f"ankle_{side}"], _pts(fig, "stand")[f"ankle_{side}"]) < 0.01


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return body.distance(p, (ax + t * dx, ay + t * dy))


# --- the loader refuses broken files, naming the field --------------------------------------


def _minimal() -> dict:  # type: ignore[type-arg]
    frame = {"name": "a", "angles": {"pelvis": 90}}
    ex = {
        "title": "T",
        "description": "D",
        "view": "side",
        "contact": "standing",
        "frames": [frame, {"name": "b"}],
        "timeline": [{"frame": "a"}, {"frame": "b", "move": 1}],
    }
    return {"exercise": {e: dict(ex) for e in EXERCISE_IDS}}


def test_loader_accepts_a_minimal_file() -> None:
    figures = parse(_minimal())
    assert set(figures.ids()) == set(EXERCISE_IDS)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["exercise"]["bridge"].update(view="top"), "exercise.bridge.view"),
        (
            lambda d: d["exercise"]["bridge"].update(
                frames=[{"name": "a", "angles": {"elbow": 3}}, {"name": "b"}]
            ),
            "exercise.bridge.frames[0].angles.elbow",
        ),
        (
            lambda d: d["exercise"]["bridge"].update(timeline=[{"frame": "a"}, {"frame": "zz"}]),
            "exercise.bridge.timeline[1].frame",
        ),
        (lambda d: d["exercise"].pop("cat_cow"), "cat_cow"),
        (lambda d: d["exercise"]["bridge"].update(contact="floating"), "exercise.bridge.contact"),
        (
            lambda d: d["exercise"]["bridge"].update(props=[{"kind": "ball", "at": "elbow"}]),
            "exercise.bridge.props[0].at",
        ),
        (
            lambda d: d["exercise"]["bridge"].update(props=[{"kind": "trampoline"}]),
            "exercise.bridge.props[0].kind",
        ),
    ],
)
def test_loader_names_the_broken_field(change, field: str) -> None:  # type: ignore[no-untyped-def]
    data = _minimal()
    change(data)
    with pytest.raises(PoseError, match=field.replace("[", r"\[").replace("]", r"\]")):
        parse(data)
