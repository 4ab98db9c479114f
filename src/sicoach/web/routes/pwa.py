"""The installable app: manifest, icons, service worker and the list of pages kept offline.

A phone adds SI Coach to its home screen from the manifest; the service worker (served from
the site root so that it may control every page) keeps the pages a session needs, so the
routine plays with no network. Pages that show the safety level are fetched network-first
by the worker and carry an "offline" line when they come from its cache.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from sicoach import __version__
from sicoach.web.templating import STATIC_DIR, context_of

router = APIRouter(include_in_schema=False)

ICON_SIZES = (192, 512)
THEME_COLOUR = "#0b57a4"
BACKGROUND_COLOUR = "#ffffff"
STATIC_ASSETS = (
    "app.css",
    "progress.css",
    "player.js",
    "pwa.js",
    "form_errors.js",
    "outbox.js",
    "offline_forms.js",
    "icon.svg",
)
"""Files of the app shell, cached when the worker installs."""
SHELL_PAGES = ("/", "/session", "/exercises", "/learn", "/checkin", "/activity", "/safety")
"""Pages kept offline (each fetched network-first whenever there is a connection)."""


@cache
def shell_version() -> str:
    """Changes whenever the app or any shell file changes, so phones take the new version."""
    digest = hashlib.sha256(__version__.encode())
    for name in (*STATIC_ASSETS, "sw.js"):
        digest.update((STATIC_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    icons: list[dict[str, str]] = [
        {"src": f"/icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
        for size in ICON_SIZES
    ]
    icons.append(
        {
            "src": "/icons/maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    icons.append({"src": "/static/icon.svg", "sizes": "any", "type": "image/svg+xml"})
    body = {
        "name": "SI Coach",
        "short_name": "SI Coach",
        "description": "Gentle guided exercises for sacroiliac and low-back pain.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JSONResponse(body, media_type="application/manifest+json")


@cache
def _icon_png(size: int, maskable: bool) -> bytes:
    """The site icon drawn at `size`; the maskable one keeps its mark inside the safe zone."""
    import cairosvg

    svg = (STATIC_DIR / "icon.svg").read_text(encoding="utf-8")
    if maskable:
        # Full-bleed background with the mark scaled to 70%, centred (the safe zone is 80%).
        inner = svg.split(">", 1)[1].rsplit("</svg>", 1)[0]
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
            f'<rect width="32" height="32" fill="{THEME_COLOUR}"/>'
            f'<g transform="translate(4.8 4.8) scale(0.7)">{inner}</g></svg>'
        )
    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=size, output_height=size)
    assert isinstance(png, bytes)
    return png


def _png(data: bytes) -> Response:
    return Response(data, media_type="image/png", headers={"Cache-Control": "max-age=86400"})


@router.get("/icons/icon-{size}.png")
def icon(size: int) -> Response:
    if size not in ICON_SIZES:
        raise HTTPException(404)
    return _png(_icon_png(size, maskable=False))


@router.get("/icons/maskable-512.png")
def maskable_icon() -> Response:
    return _png(_icon_png(512, maskable=True))


@router.get("/sw.js")
def service_worker() -> Response:
    """The worker script, with the shell version written in so a new release is noticed."""
    text = (STATIC_DIR / "sw.js").read_text(encoding="utf-8")
    text = text.replace("__SHELL_VERSION__", shell_version())
    return Response(
        text,
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"},
    )


@router.get("/pwa/precache.json")
def precache(request: Request) -> dict[str, Any]:
    """Everything a session needs offline: the shell, every exercise and its figures."""
    catalog = context_of(request).catalog
    urls = [*SHELL_PAGES, *(f"/static/{name}" for name in STATIC_ASSETS)]
    urls += ["/manifest.webmanifest", "/icons/icon-192.png", "/api/v1/session/script"]
    for exercise_id in catalog.exercise_ids:
        urls += [f"/exercises/{exercise_id}", f"/figures/{exercise_id}.svg"]
        urls.append(f"/figures/{exercise_id}/cues.json")  # what the player shows at each step
    return {"version": shell_version(), "urls": urls}
