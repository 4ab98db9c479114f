"""The exercise figures as images: `/figures/{id}.svg` moves, `/figures/{id}/{frame}.svg` is
a still for print. `?variant=pregnancy` gives the modified position.

The player asks `/figures/{id}.svg?frames=a,b&seconds=1.5` at each step (one move from frame
a to b, then it stays), after reading which frames each step shows from
`/figures/{id}/cues.json`; so the figure keeps the player's time, not a loop of its own.

They are served as `image/svg+xml` for `<img>` tags, so their inline style (the animation)
never runs as part of the page; the drawings only change with the program version, so the
browser may keep them for a day and revalidate with an ETag. Opened on its own, an SVG is a
document: its own policy allows its inline style and nothing else (no script, no fetches).
"""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from sicoach.services.figures import UnknownFigure, figure_cues, figure_move_svg, figure_svg

router = APIRouter(include_in_schema=False)

SVG = "image/svg+xml"
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
VARIANT_HELP = "A modified position, e.g. 'pregnancy'."


def _svg_response(request: Request, text: str) -> Response:
    etag = '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20] + '"'
    headers = {
        "Cache-Control": "public, max-age=86400",
        "ETag": etag,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": SVG_POLICY,
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(content=text, media_type=SVG, headers=headers)


def _figure(exercise_id: str, frame: str | None, variant: str | None) -> str:
    try:
        return figure_svg(exercise_id, frame, variant or None)
    except UnknownFigure as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None


@router.get("/figures/{exercise_id}.svg")
def animated_figure(
    request: Request,
    exercise_id: str,
    variant: str | None = Query(None, description=VARIANT_HELP),
    frames: str | None = Query(None, description="Frames of one move, e.g. 'relaxed,tilted'."),
    seconds: float = Query(1.5, description="How long the move takes."),
) -> Response:
    if frames is None:
        return _svg_response(request, _figure(exercise_id, None, variant))
    names = tuple(n for n in frames.split(",") if n)
    try:
        text = figure_move_svg(exercise_id, names, round(seconds, 2), variant or None)
    except UnknownFigure as exc:
        status = 404 if exc.field == "id" or exc.field == "variant" else 422
        raise HTTPException(status_code=status, detail=str(exc)) from None
    return _svg_response(request, text)


@router.get("/figures/{exercise_id}/cues.json")
def figure_step_cues(
    exercise_id: str, variant: str | None = Query(None, description=VARIANT_HELP)
) -> JSONResponse:
    try:
        cues = figure_cues(exercise_id, variant or None)
    except UnknownFigure as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    return JSONResponse(cues, headers={"Cache-Control": "public, max-age=86400"})


@router.get("/figures/{exercise_id}/{frame}.svg")
def still_figure(
    request: Request,
    exercise_id: str,
    frame: str,
    variant: str | None = Query(None, description=VARIANT_HELP),
) -> Response:
    return _svg_response(request, _figure(exercise_id, frame, variant))
