"""The body model itself: rigid bones, natural bending, solving a limb onto a target, easing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sicoach.figures import body
from sicoach.figures.body import Pose, View

VIEWS = list(View)


def _random_pose(sk: body.Skeleton, data: st.DataObject) -> Pose:
    angles = {j: data.draw(st.floats(-180, 180)) for j in sk.joints}
    root = (data.draw(st.floats(-1, 1)), data.draw(st.floats(-1, 1)))
    return Pose(root, angles)


@pytest.mark.parametrize("view", VIEWS)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_bones_keep_their_length_whatever_the_angles(view: View, data: st.DataObject) -> None:
    sk = body.skeleton(view)
    pose = _random_pose(sk, data)
    assert body.bone_lengths_ok(sk, pose, tolerance=1e-9) == []


@pytest.mark.parametrize("view", VIEWS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_angles_measured_back_from_positions_equal_the_pose(
    view: View, data: st.DataObject
) -> None:
    sk = body.skeleton(view)
    angles = {j: data.draw(st.floats(-170, 170)) for j in sk.joints}
    pose = Pose((0.0, 0.5), angles)
    for joint, value in angles.items():
        assert body.measured_angle(sk, pose, joint) == pytest.approx(value, abs=1e-6)


def test_side_view_knee_bends_backwards_and_elbow_forwards() -> None:
    """Standing, facing right: a bent knee puts the ankle behind it, a bent elbow the wrist
    in front."""
    sk = body.skeleton(View.SIDE)
    pose = Pose((0.0, 0.5), {"pelvis": 90, "knee_near": 90, "elbow_near": 90})
    pts = body.points(sk, pose)
    assert pts["ankle_near"][0] < pts["knee_near"][0] - 0.2
    assert pts["wrist_near"][0] > pts["elbow_near"][0] + 0.1
    assert body.knee_flexion(sk, pose, "near") == pytest.approx(90)
    assert body.elbow_flexion(sk, pose, "near") == pytest.approx(90)
    assert body.knee_flexion(sk, pose, "far") == pytest.approx(0, abs=1e-9)
    backward = pose.with_angles(knee_near=-20)
    assert body.knee_flexion(sk, backward, "near") == pytest.approx(-20)
    with pytest.raises(ValueError):
        body.knee_flexion(body.skeleton(View.FRONT), pose, "near")
    # Hip flexion lifts the thigh forwards.
    lifted = body.points(sk, pose.with_angles(hip_near=90))
    assert lifted["knee_near"][0] > 0.2 and lifted["knee_near"][1] == pytest.approx(0.5)
    assert body.hip_flexion(sk, pose.with_angles(hip_near=90), "near") == pytest.approx(90)


def test_lying_on_the_back_faces_up() -> None:
    sk = body.skeleton(View.SIDE)
    pose = Pose((0.0, 0.06), {"pelvis": 180, "hip_near": 90})
    pts = body.points(sk, pose)
    assert pts["chest"][0] < pts["pelvis"][0]  # head to the left
    assert pts["knee_near"][1] > 0.25  # hip flexion lifts the knee to the ceiling


def test_reach_puts_the_ankle_on_the_target_with_a_natural_knee() -> None:
    sk = body.skeleton(View.SIDE)
    start = Pose((0.0, 0.06), {"pelvis": 180})
    target = (0.31, 0.034)
    pose = body.reach(sk, start, "thigh_near", "shin_near", target)
    ankle = body.points(sk, pose)["ankle_near"]
    assert body.distance(ankle, target) < 1e-6
    assert 0 < pose.angle("knee_near") <= 150
    assert body.bone_lengths_ok(sk, pose) == []


def test_reach_too_far_straightens_the_limb_towards_the_target() -> None:
    sk = body.skeleton(View.SIDE)
    start = Pose((0.0, 0.5), {"pelvis": 90})
    pose = body.reach(sk, start, "thigh_near", "shin_near", (0.0, -2.0))
    assert abs(pose.angle("knee_near")) < 0.01
    assert body.points(sk, pose)["ankle_near"][1] == pytest.approx(0.5 - 2 * body.THIGH)


def test_easing_is_the_css_ease_in_out_curve() -> None:
    assert body.ease_in_out(0.0) == 0.0
    assert body.ease_in_out(1.0) == 1.0
    assert body.ease_in_out(0.5) == pytest.approx(0.5, abs=1e-6)
    values = [body.ease_in_out(i / 20) for i in range(21)]
    assert values == sorted(values)
    assert body.ease_in_out(0.1) < 0.1  # starts slowly
    assert body.ease_in_out(0.9) > 0.9  # and arrives gently


def test_interpolation_moves_angles_and_root_between_the_poses() -> None:
    a = Pose((0.0, 0.0), {"pelvis": 180, "hip_near": 40})
    b = Pose((0.2, 0.1), {"pelvis": 200, "hip_near": 120})
    assert body.interpolate(a, b, 0.0).angles == pytest.approx({"pelvis": 180, "hip_near": 40})
    assert body.interpolate(a, b, 1.0).root == pytest.approx((0.2, 0.1))
    mid = body.interpolate(a, b, 0.5)
    assert mid.angle("hip_near") == pytest.approx(80)
    assert mid.root == pytest.approx((0.1, 0.05))


def test_out_of_range_names_the_joint() -> None:
    sk = body.skeleton(View.SIDE)
    problems = body.out_of_range(sk, Pose((0, 0), {"knee_near": -10, "elbow_far": 170}))
    assert any(p.startswith("knee_near=-10.0") for p in problems)
    assert any(p.startswith("elbow_far=170.0") for p in problems)


def test_bend_measures_signed_turns() -> None:
    assert body.bend((0, 0), (1, 0), (2, 0)) == pytest.approx(0)
    assert body.bend((0, 0), (1, 0), (1, 1)) == pytest.approx(90)
    assert body.bend((0, 0), (1, 0), (1, -1)) == pytest.approx(-90)
    assert math.isclose(body.normalize(540), 180)
