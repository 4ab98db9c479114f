"""The exercise figures (SVG and PNG drawings) for the faces, by exercise id.

Each call raises `UnknownFigure` naming the field (id, frame or variant) that did not match.
"""

from __future__ import annotations

from sicoach.figures import UnknownFigure as UnknownFigure
from sicoach.figures import figure_cues as figure_cues
from sicoach.figures import figure_move_svg as figure_move_svg
from sicoach.figures import figure_png as figure_png
from sicoach.figures import figure_svg as figure_svg
from sicoach.figures import find_figure as find_figure
