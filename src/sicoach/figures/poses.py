"""Load and check `content/poses.toml`: the keyframes, props and timing of every figure.

A frame in the file lists only what changes from the frame before it, then may solve limbs
onto targets ("the foot flat on the floor here", "the hand on that knee"), move the whole
body so a named point sits at a place, and finally settle the body onto the floor. What comes
out is a plain `Pose` per frame, so the renderer and the tests see only resolved angles.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from sicoach.domain.vocabulary import AEROBIC_ID, EXERCISE_IDS
from sicoach.figures import body
from sicoach.figures.body import Point, Pose, Skeleton, View
from sicoach.figures.figure import Figure, FigureSet, Frame, Prop, Step

POSES_FILE = Path(__file__).resolve().parent.parent / "content" / "poses.toml"

CUE_KINDS = ("hold", "release", "move1", "move2")
CUE_SIDES = ("", "_left", "_right")
CONTACTS = ("lying", "standing", "kneeling", "seated", "side_lying")
PROP_KINDS = ("mat", "ball", "towel", "strap", "pillow", "chair", "wall")


class PoseError(ValueError):
    """The poses file is broken; the message names the file and the field."""


# --- parsing -----------------------------------------------------------------------------


def _err(where: str, message: str) -> PoseError:
    return PoseError(f"{POSES_FILE.name}: {where}: {message}")


def _point(value: Any, where: str) -> Point:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
    ):
        return (float(value[0]), float(value[1]))
    raise _err(where, f"expected [x, y] numbers, got {value!r}")


def _num(table: Mapping[str, Any], key: str, where: str, default: float | None = None) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _err(f"{where}.{key}", f"expected a number, got {value!r}")
    return float(value)


def _str(table: Mapping[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise _err(f"{where}.{key}", f"expected text, got {value!r}")
    return value


def _strs(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(f"{where}.{key}", f"expected a list of text, got {value!r}")
    return tuple(value)


def _target(sk: Skeleton, pose: Pose, spec: Any, offset: Point, where: str) -> Point:
    if isinstance(spec, str):
        pts = body.points(sk, pose)
        if spec not in pts:
            raise _err(where, f"unknown body point {spec!r}")
        p = pts[spec]
    else:
        p = _point(spec, where)
    return (p[0] + offset[0], p[1] + offset[1])


def _resolve_frame(
    sk: Skeleton, previous: Pose | None, raw: Mapping[str, Any], where: str, settle: bool
) -> Pose:
    known = {"name", "root", "angles", "reach", "anchor", "settle", "touch"}
    extra = set(raw) - known
    if extra:
        raise _err(where, f"unknown field(s) {sorted(extra)}")
    root = _point(raw["root"], f"{where}.root") if "root" in raw else None
    if previous is None and root is None:
        root = (0.0, 0.0)
    angles_raw = raw.get("angles", {})
    if not isinstance(angles_raw, dict):
        raise _err(f"{where}.angles", "expected a table of joint = degrees")
    joints = set(sk.joints)
    for joint, value in angles_raw.items():
        if joint not in joints:
            raise _err(f"{where}.angles.{joint}", f"no such joint in the {sk.view} view")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _err(f"{where}.angles.{joint}", f"expected degrees, got {value!r}")
    angles = dict(previous.angles) if previous else {j: 0.0 for j in sk.joints}
    angles.update({k: float(v) for k, v in angles_raw.items()})
    pose = Pose(root if root is not None else previous.root if previous else (0.0, 0.0), angles)

    anchor = raw.get("anchor")
    if anchor is not None:
        w = f"{where}.anchor"
        name = _str(anchor, "point", w)
        at = _point(anchor.get("at"), f"{w}.at")
        pts = body.points(sk, pose)
        if name not in pts:
            raise _err(w, f"unknown body point {name!r}")
        dx, dy = at[0] - pts[name][0], at[1] - pts[name][1]
        pose = Pose((pose.root[0] + dx, pose.root[1] + dy), pose.angles)

    for i, item in enumerate(raw.get("reach", [])):
        w = f"{where}.reach[{i}]"
        upper, lower = _str(item, "upper", w), _str(item, "lower", w)
        for bone_name in (upper, lower, item.get("tip")):
            if bone_name is not None and bone_name not in {b.name for b in sk.bones}:
                raise _err(w, f"unknown bone {bone_name!r}")
        offset = _point(item.get("offset", [0, 0]), f"{w}.offset")
        target = _target(sk, pose, item.get("to"), offset, f"{w}.to")
        if "floor_y" in item:  # x from the target, height given: "on the floor under it"
            target = (target[0], _num(item, "floor_y", w))
        tip = item.get("tip")
        pose = body.reach(sk, pose, upper, lower, target)
        if tip is not None and "tip_dir" in item:
            tb = sk.bone(tip)
            placed = body.place(sk, pose)
            parent_dir = placed[tb.parent].direction if tb.parent else 0.0
            want = _num(item, "tip_dir", w)
            pose = pose.with_angles(
                **{tb.joint: body.normalize(want - parent_dir - tb.base) / tb.sign}
            )

    if raw.get("settle", settle):
        low = body.lowest_surface(sk, pose)
        pose = Pose((pose.root[0], pose.root[1] - low), pose.angles)
    return Pose(
        (round(pose.root[0], 5), round(pose.root[1], 5)),
        {k: round(v, 3) for k, v in pose.angles.items()},
    )


def _prop(raw: Any, where: str, frames: set[str], sk: Skeleton) -> Prop:
    if not isinstance(raw, dict):
        raise _err(where, "expected a table")
    kind = _str(raw, "kind", where)
    if kind not in PROP_KINDS:
        raise _err(f"{where}.kind", f"{kind!r} is not one of {', '.join(PROP_KINDS)}")
    at = raw.get("at")
    at_v: str | Point | None = at if isinstance(at, str) or at is None else _point(at, where)
    between = raw.get("between")
    points = set(sk.point_names)
    for key in ("at", "to"):
        if isinstance(raw.get(key), str) and raw[key] not in points:
            raise _err(f"{where}.{key}", f"unknown body point {raw[key]!r}")
    for name in raw.get("between", []) or []:
        if name not in points:
            raise _err(f"{where}.between", f"unknown body point {name!r}")
    if raw.get("follow") is not None and raw["follow"] not in {b.name for b in sk.bones}:
        raise _err(f"{where}.follow", f"unknown bone {raw['follow']!r}")
    if kind == "strap" and not (isinstance(at, str) and isinstance(raw.get("to"), str)):
        raise _err(where, "a strap needs `at` and `to` body points")
    frame = raw.get("frame")
    if frame is not None and frame not in frames:
        raise _err(f"{where}.frame", f"no frame named {frame!r}")
    return Prop(
        kind=kind,
        at=at_v,
        between=tuple(_strs(raw, "between", where)) if between else None,  # type: ignore[arg-type]
        follow=raw.get("follow"),
        to=raw.get("to"),
        size=_point(raw.get("size", [0.05, 0.05]), f"{where}.size"),
        offset=_point(raw.get("offset", [0, 0]), f"{where}.offset"),
        frame=frame,
    )


def _figure(ex_id: str, variant: str | None, raw: Mapping[str, Any], where: str) -> Figure:
    view = _str(raw, "view", where)
    try:
        sk = body.skeleton(view)
    except ValueError:
        raise _err(f"{where}.view", f"{view!r} is not side, front, seated_front or end") from None
    contact = _str(raw, "contact", where)
    if contact not in CONTACTS:
        raise _err(f"{where}.contact", f"{contact!r} is not one of {', '.join(CONTACTS)}")
    settle = bool(raw.get("settle", True))
    frames_raw = raw.get("frames")
    if not isinstance(frames_raw, list) or len(frames_raw) < 2:
        raise _err(f"{where}.frames", "needs at least a start and an end frame")
    frames: list[Frame] = []
    previous: Pose | None = None
    touch: tuple[str, ...] = ()
    for i, fr in enumerate(frames_raw):
        w = f"{where}.frames[{i}]"
        name = _str(fr, "name", w)
        if name in {f.name for f in frames}:
            raise _err(f"{w}.name", f"{name!r} is used twice")
        pose = _resolve_frame(sk, previous, fr, w, settle)
        touch = _strs(fr, "touch", w) or touch
        for p in touch:
            if p not in sk.point_names:
                raise _err(f"{w}.touch", f"unknown body point {p!r}")
        frames.append(Frame(name, pose, touch))
        previous = pose
    names = {f.name for f in frames}
    timeline_raw = raw.get("timeline")
    if not isinstance(timeline_raw, list) or len(timeline_raw) < 2:
        raise _err(f"{where}.timeline", "needs at least two steps")
    timeline = []
    for i, st in enumerate(timeline_raw):
        w = f"{where}.timeline[{i}]"
        fname = _str(st, "frame", w)
        if fname not in names:
            raise _err(f"{w}.frame", f"no frame named {fname!r}")
        move, hold = _num(st, "move", w, 0.0), _num(st, "hold", w, 0.0)
        if move < 0 or hold < 0 or (i > 0 and move == 0):
            raise _err(w, "move must be above 0 (after the first step) and hold 0 or more")
        timeline.append(Step(fname, move, hold))
    back = _num(raw, "return", where, 2.0)
    if back <= 0:
        raise _err(f"{where}.return", "must be above 0 seconds")
    timeline[0] = Step(timeline[0].frame, back, timeline[0].hold)
    still = _str(raw, "still", where, frames[-1].name)
    if still not in names:
        raise _err(f"{where}.still", f"no frame named {still!r}")
    highlight = _strs(raw, "highlight", where)
    for b in highlight:
        if b not in {x.name for x in sk.bones}:
            raise _err(f"{where}.highlight", f"unknown bone {b!r}")
    props = tuple(
        _prop(p, f"{where}.props[{i}]", names, sk) for i, p in enumerate(raw.get("props", []))
    )
    marks = _strs(raw, "marks", where)
    for m in marks:
        if m not in sk.point_names:
            raise _err(f"{where}.marks", f"unknown body point {m!r}")
    cue_frames = _cues(raw.get("cues", {}), names, f"{where}.cues")
    return Figure(
        id=ex_id,
        variant=variant,
        title=_str(raw, "title", where),
        description=_str(raw, "description", where),
        view=View(view),
        contact=contact,
        frames=tuple(frames),
        timeline=tuple(timeline),
        still=still,
        highlight=highlight,
        highlight_label=_str(raw, "highlight_label", where, ""),
        props=props,
        bump=bool(raw.get("bump", False)),
        marks=marks,
        cue_frames=cue_frames,
    )


def _cues(raw: Any, names: set[str], where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise _err(where, "expected a table of step kind = frames")
    keys = {k + s for k in CUE_KINDS for s in CUE_SIDES}
    out: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        if key not in keys:
            raise _err(f"{where}.{key}", f"not one of {', '.join(sorted(keys))}")
        frames = (value,) if isinstance(value, str) else _strs(raw, key, where)
        for name in frames:
            if name not in names:
                raise _err(f"{where}.{key}", f"no frame named {name!r}")
        out[key] = tuple(frames)
    return out


def parse(data: Mapping[str, Any]) -> FigureSet:
    """Turn the parsed TOML into figures; raises `PoseError` naming the field."""
    exercises = data.get("exercise")
    if not isinstance(exercises, dict):
        raise _err("exercise", "missing the [exercise.<id>] tables")
    allowed = {*EXERCISE_IDS, AEROBIC_ID}
    figures: dict[str, Figure] = {}
    variants: dict[tuple[str, str], Figure] = {}
    for ex_id, raw in exercises.items():
        where = f"exercise.{ex_id}"
        if ex_id not in allowed:
            raise _err(where, "not an exercise id of the program")
        variant_tables = raw.get("variant", {})
        base = {k: v for k, v in raw.items() if k != "variant"}
        figures[ex_id] = _figure(ex_id, None, base, where)
        for key, vraw in variant_tables.items():
            variants[(ex_id, key)] = _figure(ex_id, key, vraw, f"{where}.variant.{key}")
    missing = [e for e in EXERCISE_IDS if e not in figures]
    if missing:
        raise _err("exercise", f"no figure for {', '.join(missing)}")
    return FigureSet(figures, variants)


@cache
def load_figures(path: Path | None = None) -> FigureSet:
    """Read and check the poses file once per process."""
    p = path or POSES_FILE
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PoseError(f"{p.name}: {exc}") from exc
    return parse(data)


def sample_poses(fig: Figure, per_transition: int = 4) -> list[Pose]:
    """Keyframes plus in-between poses of every transition (for bounds and tests)."""
    out = [f.pose for f in fig.frames]
    for a, b in fig.transitions():
        out += [body.interpolate(a, b, k / per_transition) for k in range(1, per_transition)]
    return out
