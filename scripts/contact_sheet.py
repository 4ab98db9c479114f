"""Render every figure's keyframes (and variants, and the midpoints of each move) to one PNG.

Usage: python scripts/contact_sheet.py [--out artifacts/contact_sheet.png] [--mid]
       [--cell-width 160] [--dark] [ID ...]

The sheet is one big SVG of labelled cells, rendered once with CairoSVG, so a person can look
at every pose side by side and spot a limb bending the wrong way or a body floating above
the floor. The output folder `artifacts/` is not kept in git.
"""

from __future__ import annotations

import argparse
import re
from html import escape
from pathlib import Path

import cairosvg

from sicoach.figures import body, svg
from sicoach.figures.poses import Figure, load_figures

LABEL_H = 22.0
COLUMNS = 4
PHONE_WIDTH = 160  # how wide a figure is in a phone's list: the size it must read at


def _cells(fig: Figure, midpoints: bool) -> list[tuple[str, str]]:
    """(label, static svg) for every keyframe, plus each move's midpoint if asked."""
    tag = fig.id + (f" [{fig.variant}]" if fig.variant else "")
    cells = [(f"{tag} {i}: {f.name}", svg.render_frame(fig, i)) for i, f in enumerate(fig.frames)]
    if midpoints:
        for a, b in fig.transitions():
            pose = body.interpolate(a, b, 0.5)
            cells.append((f"{tag} midway", svg.render_pose(fig, pose, "midway")))
    return cells


def _nest(doc: str, x: float, y: float, cell_w: float, dark: bool) -> str:
    """Place a whole figure SVG at (x, y) inside the sheet, `cell_w` wide."""
    inner = re.sub(r"^<svg [^>]*>", "", doc.strip())
    inner = inner.removesuffix("</svg>")
    if dark:  # CairoSVG has no colour-scheme switch: keep only the dark palette's rules
        inner = re.sub(
            r"<style>(.*?)@media \(prefers-color-scheme: dark\)\{(.*?\})\}",
            lambda m: f"<style>{m.group(1)}{m.group(2)}",
            inner,
            count=1,
            flags=re.S,
        )
    cell_h = cell_w * svg.HEIGHT / svg.WIDTH
    return (
        f'<svg x="{x}" y="{y}" width="{cell_w}" height="{cell_h:.2f}" '
        f'viewBox="0 0 {svg.WIDTH} {svg.HEIGHT}">{inner}</svg>'
    )


def build_sheet(
    ids: list[str], midpoints: bool, cell_w: float = svg.WIDTH, dark: bool = False
) -> tuple[str, int]:
    """The sheet as SVG text and how many figure cells it holds."""
    figures = [f for f in load_figures().all() if not ids or f.id in ids]
    cells = [c for fig in figures for c in _cells(fig, midpoints)]
    columns = COLUMNS if cell_w >= svg.WIDTH else 6
    cell_h = cell_w * svg.HEIGHT / svg.WIDTH
    rows = (len(cells) + columns - 1) // columns
    width = columns * (cell_w + 10) + 10
    height = rows * (cell_h + LABEL_H + 10) + 10
    background, ink = ("#121417", "#f1f1f1") if dark else ("#ffffff", "#111111")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.2f} {height:.2f}">',
        f'<rect width="{width:.2f}" height="{height:.2f}" fill="{background}"/>',
    ]
    font = 13 if cell_w >= svg.WIDTH else 9
    room = int(cell_w / (font * 0.55))  # characters that fit above a cell
    for i, (label, doc) in enumerate(cells):
        label = label if len(label) <= room else label[: room - 1] + "…"
        col, row = i % columns, i // columns
        x = 10 + col * (cell_w + 10)
        y = 10 + row * (cell_h + LABEL_H + 10)
        parts.append(
            f'<text x="{x + 2}" y="{y + 15}" font-family="sans-serif" font-size="{font}" '
            f'fill="{ink}">{escape(label)}</text>'
        )
        parts.append(_nest(doc, x, y + LABEL_H, cell_w, dark))
    parts.append("</svg>")
    return "".join(parts), len(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="only these exercise ids (default: all)")
    parser.add_argument("--out", type=Path, default=Path("artifacts/contact_sheet.png"))
    parser.add_argument("--mid", action="store_true", help="add the midpoint of every move")
    parser.add_argument(
        "--cell-width",
        type=float,
        default=svg.WIDTH,
        help=f"width of each figure in pixels ({PHONE_WIDTH} is the phone-list size)",
    )
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    args = parser.parse_args()
    sheet, count = build_sheet(args.ids, args.mid, args.cell_width, args.dark)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    cairosvg.svg2png(bytestring=sheet.encode("utf-8"), write_to=str(args.out))
    print(f"wrote {args.out}: {count} figures")


if __name__ == "__main__":
    main()
