"""Exercise illustrations: keyframes from `content/poses.toml`, drawn as SVG (and PNG).

`figure_svg(exercise_id, frame=None, variant=None)` is what the web route and the CLI call;
it raises `UnknownFigure` naming the field (id, frame or variant) that did not match.
"""

from __future__ import annotations

from functools import lru_cache

from sicoach.figures.poses import Figure, FigureSet, PoseError, load_figures
from sicoach.figures.svg import render_animated, render_frame

__all__ = [
    "Figure",
    "FigureSet",
    "PoseError",
    "UnknownFigure",
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


def figure_png(svg_text: str, width: int = 720) -> bytes:
    """Rasterise a figure with CairoSVG (static: CairoSVG ignores the CSS animation)."""
    import cairosvg

    png = cairosvg.svg2png(bytestring=svg_text.encode("utf-8"), output_width=width)
    assert isinstance(png, bytes)
    return png
