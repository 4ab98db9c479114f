"""Commands of the figure area: write an exercise illustration to an SVG or PNG file."""

from __future__ import annotations

from pathlib import Path

import typer

from sicoach.cli._common import console, fail

FIELD_NAMES = {"id": "ID", "frame": "--frame", "variant": "--variant"}


def figure(
    exercise_id: str = typer.Argument(
        ..., metavar="ID", help="The exercise, e.g. bridge (see `sicoach exercises`)."
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", dir_okay=False, help="File to write: ending in .svg or .png."
    ),
    frame: int | None = typer.Option(
        None,
        "--frame",
        min=0,
        help="Draw only this still pose (0 is the start). Without it an SVG moves; a PNG "
        "shows the pose the animation rests in.",
    ),
    variant: str | None = typer.Option(
        None, "--variant", help="A modified position, e.g. pregnancy."
    ),
    width: int = typer.Option(720, "--width", min=100, max=4000, help="PNG width in pixels."),
) -> None:
    """Write the picture of an exercise to a file (animated SVG, or a still SVG or PNG)."""
    suffix = out.suffix.lower()
    if suffix not in (".svg", ".png"):
        fail(f"--out: {str(out)!r} must end in .svg or .png")
    if not out.parent.exists():
        fail(f"--out: the folder {str(out.parent)!r} does not exist")
    # The figure model loads only here, so `sicoach --help` and other commands stay quick.
    from sicoach.services.figures import UnknownFigure, figure_png, figure_svg, find_figure

    try:
        if suffix == ".png" and frame is None:
            still = find_figure(exercise_id, variant).still
            text = figure_svg(exercise_id, still, variant)
        else:
            text = figure_svg(exercise_id, None if frame is None else str(frame), variant)
    except UnknownFigure as exc:
        fail(f"{FIELD_NAMES[exc.field]}: {exc}")
    data = figure_png(text, width) if suffix == ".png" else text.encode("utf-8")
    from sicoach.interchange.files import write_atomic

    write_atomic(out, data)  # never a half-written picture
    console.print(f"Wrote {out} ({len(data)} bytes).", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the top-level app."""
    app.command("figure")(figure)
