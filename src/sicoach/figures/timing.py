"""When each frame is reached, as percentages of an animation (CSS keyframe stops).

Two clocks: the library's loop follows the figure's own timeline (one repetition of the
dose), the player's move goes once through the frames a step asks for.
"""

from __future__ import annotations

from sicoach.figures.figure import Figure


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
    return _percent(stops, total)


def move_stops(frames: tuple[str, ...]) -> list[tuple[float, str]]:
    """Stops of a one-off move through `frames`, each leg an equal share of the time."""
    legs = len(frames) - 1
    return [(round(100.0 * i / legs, 3), name) for i, name in enumerate(frames)]


def _percent(stops: list[tuple[float, str]], total: float) -> list[tuple[float, str]]:
    out: list[tuple[float, str]] = []
    for sec, name in stops:
        pct = round(100.0 * sec / total, 3)
        if out and out[-1][0] == pct:
            continue
        out.append((pct, name))
    return out
