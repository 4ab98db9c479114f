"""The skeletons of the four views as data rows: one row per bone, nothing else.

What the columns mean (see `sicoach.figures.bones.Bone`): a bone hangs from `parent` at
`anchor` (in the parent's frame, x along the parent), is `length` long, and is turned by the
joint angle `joint` as ``base + sign * angle`` degrees, so a positive anatomical angle bends
the natural way on the page. `radius` is half its drawn thickness; `start` and `end` name its
points (pelvis, knee_near, ...); `layer` (far | body | near) is the drawing order and `shape`
(stroke | head | blob) how it is drawn. World units are fractions of a standing adult's
height, y up, the floor at 0.

The views (each the plane the movement happens in):

* ``side``: facing right; lying on the back the head is on the left and the face up. Limbs
  come in pairs, ``near`` (towards you, drawn in front) and ``far`` (drawn behind).
  Side-lying exercises use this view seen from above.
* ``front``: facing you, so the person's right side is on the page's left.
* ``seated_front``: sitting on a chair, facing you, seen from a little above: the thighs
  point at you, so they are drawn `SEATED_THIGH` long (their tops, foreshortened) and a hip
  angle moves the knee out (+) or in (-); the shins hang to the floor. For knees pressing
  together, which no side view shows.
* ``end``: lying on the back seen from the feet, for knees moving sideways. The camera sits a
  little above the feet, so the chest, arms and head (further away on the floor) are drawn
  `END_DEPTH` higher than the pelvis; thighs and shins have their foreshortened lengths.
"""

# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Mapping

from sicoach.figures.bones import Bone, Skeleton, View

# --- proportions -------------------------------------------------------------------------

HEAD_R = 0.068
TRUNK_LOWER = 0.14
TRUNK_UPPER = 0.17
NECK = 0.05
THIGH = 0.245
SHIN = 0.245
FOOT = 0.11
FRONT_FOOT = 0.05  # a foot seen from the front is short
UPPER_ARM = 0.165
FOREARM = 0.15
HAND = 0.06
HIP_HALF = 0.075
SHOULDER_HALF = 0.12

SEATED_THIGH = 0.12  # a thigh pointing at you, seen from a little above: its top shows

END_THIGH = 0.2  # apparent thigh length seen from the feet with the hips bent about 55 degrees
END_SHIN = 0.225  # apparent shin length in the same view, from the knee down to the feet
END_HIP_HALF = 0.055
END_HEAD_UP = 0.16  # the head drawn above the chest, further away on the floor
END_DEPTH = 0.12  # how much higher the far floor (under the chest) is drawn
END_PELVIS_UP = 0.015  # the pelvis sits a little higher than the flat chest

Row = tuple[
    str, str | None, float, str, float, float, tuple[float, float], float, str, str, str, str
]

# fmt: off
# name, parent, length, joint, base, sign, anchor, radius, start, end, layer, shape
SIDE_ROWS: tuple[Row, ...] = (
    ("trunk_lower", None, TRUNK_LOWER, "pelvis", 0, 1, (0, 0), 0.058, "pelvis", "waist", "body", "stroke"),
    ("trunk_upper", "trunk_lower", TRUNK_UPPER, "spine", 0, -1, (TRUNK_LOWER, 0), 0.062, "waist", "chest", "body", "stroke"),
    ("neck", "trunk_upper", NECK, "neck", 0, -1, (TRUNK_UPPER, 0), 0.026, "chest", "head_base", "body", "stroke"),
    ("head", "neck", HEAD_R, "", 0, 1, (NECK, 0), 0.068, "head_base", "head", "body", "head"),
    ("thigh_far", "trunk_lower", THIGH, "hip_far", 180, 1, (0, 0), 0.042, "pelvis", "knee_far", "far", "stroke"),
    ("shin_far", "thigh_far", SHIN, "knee_far", 0, -1, (THIGH, 0), 0.032, "knee_far", "ankle_far", "far", "stroke"),
    ("foot_far", "shin_far", FOOT, "ankle_far", 90, -1, (SHIN, 0), 0.022, "ankle_far", "toe_far", "far", "stroke"),
    ("upper_arm_far", "trunk_upper", UPPER_ARM, "shoulder_far", 180, 1, (TRUNK_UPPER, 0), 0.028, "chest", "elbow_far", "far", "stroke"),
    ("forearm_far", "upper_arm_far", FOREARM, "elbow_far", 0, 1, (UPPER_ARM, 0), 0.024, "elbow_far", "wrist_far", "far", "stroke"),
    ("hand_far", "forearm_far", HAND, "wrist_far", 0, 1, (FOREARM, 0), 0.022, "wrist_far", "hand_far", "far", "stroke"),
    ("thigh_near", "trunk_lower", THIGH, "hip_near", 180, 1, (0, 0), 0.042, "pelvis", "knee_near", "near", "stroke"),
    ("shin_near", "thigh_near", SHIN, "knee_near", 0, -1, (THIGH, 0), 0.032, "knee_near", "ankle_near", "near", "stroke"),
    ("foot_near", "shin_near", FOOT, "ankle_near", 90, -1, (SHIN, 0), 0.022, "ankle_near", "toe_near", "near", "stroke"),
    ("upper_arm_near", "trunk_upper", UPPER_ARM, "shoulder_near", 180, 1, (TRUNK_UPPER, 0), 0.028, "chest", "elbow_near", "near", "stroke"),
    ("forearm_near", "upper_arm_near", FOREARM, "elbow_near", 0, 1, (UPPER_ARM, 0), 0.024, "elbow_near", "wrist_near", "near", "stroke"),
    ("hand_near", "forearm_near", HAND, "wrist_near", 0, 1, (FOREARM, 0), 0.022, "wrist_near", "hand_near", "near", "stroke"),
)

FRONT_ROWS: tuple[Row, ...] = (
    ("trunk_lower", None, TRUNK_LOWER, "pelvis", 0, 1, (0, 0), 0.07, "pelvis", "waist", "body", "stroke"),
    ("trunk_upper", "trunk_lower", TRUNK_UPPER, "spine", 0, -1, (TRUNK_LOWER, 0), 0.075, "waist", "chest", "body", "stroke"),
    ("neck", "trunk_upper", NECK, "neck", 0, -1, (TRUNK_UPPER, 0), 0.026, "chest", "head_base", "body", "stroke"),
    ("head", "neck", HEAD_R, "", 0, 1, (NECK, 0), 0.068, "head_base", "head", "body", "head"),
    ("hip_bar_right", "trunk_lower", HIP_HALF, "", 90, 1, (0, 0), 0.06, "pelvis", "hip_right", "body", "stroke"),
    ("thigh_right", "hip_bar_right", THIGH, "hip_right", 90, -1, (HIP_HALF, 0), 0.045, "hip_right", "knee_right", "near", "stroke"),
    ("shin_right", "thigh_right", SHIN, "knee_right", 0, -1, (THIGH, 0), 0.034, "knee_right", "ankle_right", "near", "stroke"),
    ("foot_right", "shin_right", FRONT_FOOT, "ankle_right", -90, 1, (SHIN, 0), 0.024, "ankle_right", "toe_right", "near", "stroke"),
    ("shoulder_bar_right", "trunk_upper", SHOULDER_HALF - 0.02, "", 90, 1, (TRUNK_UPPER, 0), 0.05, "chest", "shoulder_right", "body", "stroke"),
    ("upper_arm_right", "shoulder_bar_right", UPPER_ARM, "shoulder_right", 90, -1, (SHOULDER_HALF - 0.02, 0), 0.029, "shoulder_right", "elbow_right", "near", "stroke"),
    ("forearm_right", "upper_arm_right", FOREARM, "elbow_right", 0, -1, (UPPER_ARM, 0), 0.025, "elbow_right", "wrist_right", "near", "stroke"),
    ("hand_right", "forearm_right", HAND, "wrist_right", 0, -1, (FOREARM, 0), 0.023, "wrist_right", "hand_right", "near", "stroke"),
    ("hip_bar_left", "trunk_lower", HIP_HALF, "", -90, 1, (0, 0), 0.06, "pelvis", "hip_left", "body", "stroke"),
    ("thigh_left", "hip_bar_left", THIGH, "hip_left", -90, 1, (HIP_HALF, 0), 0.045, "hip_left", "knee_left", "near", "stroke"),
    ("shin_left", "thigh_left", SHIN, "knee_left", 0, 1, (THIGH, 0), 0.034, "knee_left", "ankle_left", "near", "stroke"),
    ("foot_left", "shin_left", FRONT_FOOT, "ankle_left", 90, -1, (SHIN, 0), 0.024, "ankle_left", "toe_left", "near", "stroke"),
    ("shoulder_bar_left", "trunk_upper", SHOULDER_HALF - 0.02, "", -90, 1, (TRUNK_UPPER, 0), 0.05, "chest", "shoulder_left", "body", "stroke"),
    ("upper_arm_left", "shoulder_bar_left", UPPER_ARM, "shoulder_left", -90, 1, (SHOULDER_HALF - 0.02, 0), 0.029, "shoulder_left", "elbow_left", "near", "stroke"),
    ("forearm_left", "upper_arm_left", FOREARM, "elbow_left", 0, 1, (UPPER_ARM, 0), 0.025, "elbow_left", "wrist_left", "near", "stroke"),
    ("hand_left", "forearm_left", HAND, "wrist_left", 0, 1, (FOREARM, 0), 0.023, "wrist_left", "hand_left", "near", "stroke"),
)

END_ROWS: tuple[Row, ...] = (
    ("chest", None, 0.0, "roll", 0, 1, (0, 0), 0.045, "chest", "chest", "far", "blob"),
    ("head_up", "chest", END_HEAD_UP, "", 90, 1, (0, 0), 0.068, "chest", "head", "far", "head"),
    ("pelvis", "chest", 0.0, "twist", 0, -1, (0, END_PELVIS_UP - END_DEPTH), 0.06, "pelvis", "pelvis", "body", "blob"),
    ("shoulder_bar_right", "chest", SHOULDER_HALF, "", 180, 1, (0, 0), 0.045, "chest", "shoulder_right", "far", "stroke"),
    ("upper_arm_right", "shoulder_bar_right", UPPER_ARM, "shoulder_right", 0, -1, (SHOULDER_HALF, 0), 0.029, "shoulder_right", "elbow_right", "far", "stroke"),
    ("forearm_right", "upper_arm_right", FOREARM, "elbow_right", 0, -1, (UPPER_ARM, 0), 0.025, "elbow_right", "wrist_right", "far", "stroke"),
    ("hand_right", "forearm_right", HAND, "wrist_right", 0, -1, (FOREARM, 0), 0.023, "wrist_right", "hand_right", "far", "stroke"),
    ("hip_bar_right", "pelvis", END_HIP_HALF, "", 180, 1, (0, 0), 0.042, "pelvis", "hip_right", "body", "stroke"),
    ("thigh_right", "hip_bar_right", END_THIGH, "hip_right", -90, 1, (END_HIP_HALF, 0), 0.042, "hip_right", "knee_right", "near", "stroke"),
    ("shin_right", "thigh_right", END_SHIN, "knee_right", 180, 1, (END_THIGH, 0), 0.034, "knee_right", "ankle_right", "near", "stroke"),
    ("shoulder_bar_left", "chest", SHOULDER_HALF, "", 0, 1, (0, 0), 0.045, "chest", "shoulder_left", "far", "stroke"),
    ("upper_arm_left", "shoulder_bar_left", UPPER_ARM, "shoulder_left", 0, 1, (SHOULDER_HALF, 0), 0.029, "shoulder_left", "elbow_left", "far", "stroke"),
    ("forearm_left", "upper_arm_left", FOREARM, "elbow_left", 0, 1, (UPPER_ARM, 0), 0.025, "elbow_left", "wrist_left", "far", "stroke"),
    ("hand_left", "forearm_left", HAND, "wrist_left", 0, 1, (FOREARM, 0), 0.023, "wrist_left", "hand_left", "far", "stroke"),
    ("hip_bar_left", "pelvis", END_HIP_HALF, "", 0, 1, (0, 0), 0.042, "pelvis", "hip_left", "body", "stroke"),
    ("thigh_left", "hip_bar_left", END_THIGH, "hip_left", 90, -1, (END_HIP_HALF, 0), 0.042, "hip_left", "knee_left", "near", "stroke"),
    ("shin_left", "thigh_left", END_SHIN, "knee_left", 180, -1, (END_THIGH, 0), 0.034, "knee_left", "ankle_left", "near", "stroke"),
)
# fmt: on


def _seated(row: Row) -> Row:
    """A front-view row for sitting: thighs foreshortened and a little thicker, shins hung
    from their shorter ends."""
    name, parent, length, joint, base, sign, anchor, radius, *rest = row
    if name.startswith("thigh_"):
        return (name, parent, SEATED_THIGH, joint, base, sign, anchor, 0.05, *rest)  # type: ignore[return-value]
    if name.startswith("shin_"):
        return (name, parent, length, joint, base, sign, (SEATED_THIGH, 0), radius, *rest)  # type: ignore[return-value]
    return row


SEATED_FRONT_ROWS: tuple[Row, ...] = tuple(_seated(r) for r in FRONT_ROWS)

SIDE_LIMITS = {
    "spine": (-35.0, 45.0),
    "neck": (-40.0, 50.0),
    "hip": (-25.0, 135.0),
    "knee": (0.0, 150.0),
    "ankle": (-30.0, 90.0),  # 90: tops of the feet flat on the floor when kneeling
    "shoulder": (-60.0, 180.0),
    "elbow": (0.0, 150.0),
    "wrist": (-80.0, 95.0),  # hands flat on the floor under the shoulders
}
FRONT_LIMITS = {
    "spine": (-50.0, 50.0),
    "neck": (-40.0, 40.0),
    "hip": (-30.0, 95.0),  # out (+) or in (-, adduction up to 30); the triangle lead hip ~90
    "knee": (-10.0, 10.0),  # a soft knee, never locked or bowed
    "ankle": (-50.0, 50.0),  # the foot turned in or out to stay flat on the floor
    "shoulder": (-10.0, 180.0),
    "elbow": (-10.0, 150.0),
    "wrist": (-60.0, 60.0),
}
SEATED_FRONT_LIMITS = {
    **FRONT_LIMITS,
    "hip": (-30.0, 45.0),  # the knee out (+) or in (-) as seen from the front
    "knee": (-30.0, 30.0),  # the shin slants as the knee moves and the foot stays put
}
END_LIMITS = {
    "roll": (-5.0, 5.0),  # the shoulders stay flat
    "twist": (-30.0, 30.0),  # the pelvis rolls with the knees; the rest is at the hips
    "hip": (-60.0, 45.0),  # knees away from (+) or towards (-) the midline
    "knee": (-40.0, 40.0),  # the shin stays behind the thigh in this view
    "shoulder": (-10.0, 60.0),
    "elbow": (-10.0, 90.0),
    "wrist": (-30.0, 30.0),
}

_TABLES: dict[View, tuple[tuple[Row, ...], Mapping[str, tuple[float, float]]]] = {
    View.SIDE: (SIDE_ROWS, SIDE_LIMITS),
    View.FRONT: (FRONT_ROWS, FRONT_LIMITS),
    View.END: (END_ROWS, END_LIMITS),
    View.SEATED_FRONT: (SEATED_FRONT_ROWS, SEATED_FRONT_LIMITS),
}
_SKELETONS: dict[View, Skeleton] = {}


def skeleton(view: View | str) -> Skeleton:
    """The (cached) skeleton for a view, built from its rows."""
    v = View(view)
    if v not in _SKELETONS:
        rows, limits = _TABLES[v]
        _SKELETONS[v] = Skeleton(v, tuple(Bone(*row) for row in rows), limits, HEAD_R)
    return _SKELETONS[v]
