"""Colours and CSS of the figure drawings, for a light and a dark card.

Why a card of its own: the SVG is shown through `<img>`, where the page's CSS variables do not
reach, so the drawing carries both palettes and picks one with `prefers-color-scheme` (the
same switch the pages use). Every part is a class, so one rule recolours it.

How it reads at phone size: each layer (far limbs, body, near limbs) is drawn as one
silhouette with a dark outline, the far limbs in a pale tone behind, the near limbs in a
strong tone in front; the moving part is orange, its start position a hollow ghost, and an
arrow shows which way it goes.
"""

from __future__ import annotations

EDGE = 0.011  # outline width around every limb and the head, world units
GHOST_EDGE = 0.008

LIGHT = {
    "card": "#f3f6f9",
    "card_edge": "#cdd7e1",
    "near": "#2f6690",
    "body": "#2f6690",
    "ink": "#0d2233",
    "far": "#b7c8d6",
    "far_ink": "#5b7890",
    "accent": "#e8590c",
    "accent_ink": "#7a2900",
    "accent_far": "#f6b48c",
    "ghost": "#7c8e9e",
    "arrow": "#c2410c",
    "floor": "#6f8496",
    "mat": "#cfe6da",
    "mat_edge": "#7fb096",
    "ball": "#f5b800",
    "ball_edge": "#7a5c00",
    "towel": "#c9b3e6",
    "towel_edge": "#6b4f99",
    "strap": "#6741d9",
    "pillow": "#e2e9f2",
    "pillow_edge": "#6f8197",
    "chair": "#a47551",
    "chair_edge": "#5c3d24",
    "wall": "#d5dbe2",
    "face": "#f3f6f9",
}
DARK = {
    "card": "#1b2631",
    "card_edge": "#3b4b5b",
    "near": "#dbe7f1",
    "body": "#dbe7f1",
    "ink": "#060b10",
    "far": "#5f778b",
    "far_ink": "#0b131b",
    "accent": "#ff922b",
    "accent_ink": "#060b10",
    "accent_far": "#a8581c",
    "ghost": "#8ea3b5",
    "arrow": "#ffb066",
    "floor": "#9fb1c1",
    "mat": "#25473a",
    "mat_edge": "#5f9c80",
    "ball": "#f5c400",
    "ball_edge": "#ffe066",
    "towel": "#7b62a3",
    "towel_edge": "#c4b0ea",
    "strap": "#b197fc",
    "pillow": "#34475a",
    "pillow_edge": "#9fb1c1",
    "chair": "#c8956c",
    "chair_edge": "#f0c9a5",
    "wall": "#2d3a47",
    "face": "#1b2631",
}


def _palette(p: dict[str, str]) -> str:
    return (
        f".card{{fill:{p['card']};stroke:{p['card_edge']}}}"
        f".near,.body{{fill:{p['near']};stroke:{p['near']}}}"
        f".far{{fill:{p['far']};stroke:{p['far']}}}"
        f".accent{{fill:{p['accent']};stroke:{p['accent']}}}"
        f".accent_far{{fill:{p['accent_far']};stroke:{p['accent_far']}}}"
        f".o-near,.o-body,.o-accent{{fill:{p['ink']};stroke:{p['ink']}}}"
        f".o-far,.o-accent_far{{fill:{p['far_ink']};stroke:{p['far_ink']}}}"
        f".ghost-o{{fill:{p['ghost']};stroke:{p['ghost']}}}"
        f".ghost-f{{fill:{p['card']};stroke:{p['card']}}}"
        f".arrow{{stroke:{p['arrow']};fill:none}}.arrow-head{{fill:{p['arrow']}}}"
        f".halo{{stroke:{p['card']};fill:none}}"
        f".face{{fill:{p['face']}}}"
        f".floor{{stroke:{p['floor']}}}"
        f".mat{{fill:{p['mat']};stroke:{p['mat_edge']}}}"
        f".ball{{fill:{p['ball']};stroke:{p['ball_edge']}}}"
        f".towel{{fill:{p['towel']};stroke:{p['towel_edge']}}}"
        f".strap{{stroke:{p['strap']}}}"
        f".pillow{{fill:{p['pillow']};stroke:{p['pillow_edge']}}}"
        f".chair{{fill:{p['chair']};stroke:{p['chair_edge']}}}"
        f".wall{{fill:{p['wall']};stroke:{p['floor']}}}"
    )


COMMON = (
    "circle,ellipse,rect{stroke-width:0}"
    ".ball,.pillow,.mat,.towel,.chair,.wall{stroke-width:0.008}"
    ".card{stroke-width:1.5}"
    ".limb{stroke-linecap:round;fill:none}"
    ".strap,.arrow,.halo{fill:none;stroke-linecap:round;stroke-linejoin:round}"
    "g[class]{transform-box:view-box;transform-origin:0 0}"
)


def style(animated_rules: list[str], dark: bool = True) -> str:
    """The `<style>` text: light palette, dark palette under the media query, then motion."""
    css = _palette(LIGHT) + COMMON
    if dark:
        css += f"@media (prefers-color-scheme: dark){{{_palette(DARK)}}}"
    css += "".join(animated_rules)
    if animated_rules:
        css += "@media (prefers-reduced-motion: reduce){g[class]{animation:none !important}}"
    return css
