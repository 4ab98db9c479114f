"""Exercise illustrations: keyframes from `content/poses.toml`, drawn as SVG (and PNG).

`figure_svg(exercise_id, frame=None, variant=None)` is what the web route and the CLI call;
it raises `UnknownFigure` naming the field (id, frame or variant) that did not match.
"""

from __future__ import annotations

from functools import lru_cache

from sicoach.figures.figure import Figure, FigureSet
from sicoach.figures.poses import PoseError, load_figures
from sicoach.figures.svg import render_animated, render_frame, render_move

__all__ = [
    "Figure",
    "FigureSet",
    "PoseError",
    "UnknownFigure",
    "figure_cues",
    "figure_move_svg",
    "figure_png",
    "figure_svg",
    "find_figure",
    "load_figures",
]


class UnknownFigure(LookupError):
    """No figure for that id, frame or variant; `field` says which one."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def find_figure(exercise_id: str, variant: str | None = None) -> Figure:
    figures = load_figures()
    if exercise_id not in figures.figures:
        raise UnknownFigure(
            "id", f"{exercise_id!r} has no figure; known: {', '.join(figures.ids())}"
        )
    if variant:
        try:
            return figures.get(exercise_id, variant)
        except KeyError:
            raise UnknownFigure("variant", f"{exercise_id} has no {variant!r} figure") from None
    return figures.get(exercise_id)


@lru_cache(maxsize=256)
def figure_svg(exercise_id: str, frame: str | None = None, variant: str | None = None) -> str:
    """The animated figure (frame None) or one keyframe by index or name, as SVG text."""
    fig = find_figure(exercise_id, variant)
    if frame is None:
        return render_animated(fig)
    try:
        fig.frame(frame)
    except KeyError:
        names = ", ".join(f"{i} ({n})" for i, n in enumerate(fig.frame_names))
        raise UnknownFigure(
            "frame", f"{exercise_id} has no frame {frame!r}; frames: {names}"
        ) from None
    return render_frame(fig, frame)


MAX_MOVE_SECONDS = 60.0


@lru_cache(maxsize=512)
def figure_move_svg(
    exercise_id: str, frames: tuple[str, ...], seconds: float, variant: str | None = None
) -> str:
    """The player's picture of one step: from frames[0] through the rest in `seconds`, once.

    Raises `UnknownFigure` naming `frames` or `seconds` when they do not fit this figure.
    """
    fig = find_figure(exercise_id, variant)
    if not 1 <= len(frames) <= 6:
        raise UnknownFigure("frames", "frames: give 1 to 6 frame names, separated by commas")
    for name in frames:
        try:
            fig.frame(name)
        except KeyError:
            names = ", ".join(fig.frame_names)
            raise UnknownFigure(
                "frames", f"{exercise_id} has no frame {name!r}; frames: {names}"
            ) from None
    if not 0 <= seconds <= MAX_MOVE_SECONDS:
        raise UnknownFigure("seconds", f"seconds: must be 0 to {MAX_MOVE_SECONDS:g}")
    return render_move(fig, frames, seconds)


def figure_cues(exercise_id: str, variant: str | None = None) -> dict[str, object]:
    """What the player shows at each step: the start frame, the frames each step kind moves
    through (per side where the sides differ) and how long the move into a hold takes."""
    fig = find_figure(exercise_id, variant)
    return {
        "start": fig.start,
        "into": fig.into_seconds(),
        "cues": {k: list(v) for k, v in fig.cues().items()},
    }


def figure_png(svg_text: str, width: int = 720) -> bytes:
    """Rasterise a figure with CairoSVG (static: CairoSVG ignores the CSS animation)."""
    import cairosvg

    png = cairosvg.svg2png(bytestring=svg_text.encode("utf-8"), output_width=width)
    assert isinstance(png, bytes)
    return png
