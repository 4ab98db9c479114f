"""Render every figure's keyframes (and variants, and the midpoints of each move) to one PNG.

Usage: python scripts/contact_sheet.py [--out artifacts/contact_sheet.png] [--mid] [ID ...]

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

CELL_W, CELL_H = svg.WIDTH, svg.HEIGHT
LABEL_H = 22.0
COLUMNS = 4


def _cells(fig: Figure, midpoints: bool) -> list[tuple[str, str]]:
    """(label, static svg) for every keyframe, plus each move's midpoint if asked."""
    tag = fig.id + (f" [{fig.variant}]" if fig.variant else "")
    cells = [(f"{tag} {i}: {f.name}", svg.render_frame(fig, i)) for i, f in enumerate(fig.frames)]
    if midpoints:
        for a, b in fig.transitions():
            pose = body.interpolate(a, b, 0.5)
            cells.append((f"{tag} midway", svg.render_pose(fig, pose, "midway")))
    return cells


def _nest(doc: str, x: float, y: float) -> str:
    """Place a whole figure SVG at (x, y) inside the sheet."""
    inner = re.sub(r"^<svg [^>]*>", "", doc.strip())
    inner = inner.removesuffix("</svg>")
    return (
        f'<svg x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" '
        f'viewBox="0 0 {CELL_W} {CELL_H}">{inner}</svg>'
    )


def build_sheet(ids: list[str], midpoints: bool) -> str:
    figures = [f for f in load_figures().all() if not ids or f.id in ids]
    cells = [c for fig in figures for c in _cells(fig, midpoints)]
    rows = (len(cells) + COLUMNS - 1) // COLUMNS
    width = COLUMNS * (CELL_W + 10) + 10
    height = rows * (CELL_H + LABEL_H + 10) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for i, (label, doc) in enumerate(cells):
        col, row = i % COLUMNS, i // COLUMNS
        x = 10 + col * (CELL_W + 10)
        y = 10 + row * (CELL_H + LABEL_H + 10)
        parts.append(
            f'<text x="{x + 4}" y="{y + 15}" font-family="sans-serif" font-size="13" '
            f'fill="#111">{escape(label)}</text>'
        )
        parts.append(_nest(doc, x, y + LABEL_H))
    parts.append("</svg>")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="only these exercise ids (default: all)")
    parser.add_argument("--out", type=Path, default=Path("artifacts/contact_sheet.png"))
    parser.add_argument("--mid", action="store_true", help="add the midpoint of every move")
    args = parser.parse_args()
    sheet = build_sheet(args.ids, args.mid)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    cairosvg.svg2png(bytestring=sheet.encode("utf-8"), write_to=str(args.out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
