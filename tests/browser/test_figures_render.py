"""The figures in a real Chromium: the CSS animation runs (and turns joints as the model does),
stops under reduced motion, and an <img> of it shows the figure; everything from 127.0.0.1."""

from __future__ import annotations

import io

import cairosvg
import pytest
from PIL import Image, ImageChops, ImageStat

from sicoach.figures import find_figure
from sicoach.figures.svg import render_frame
from tests.browser.conftest import wait_until

pytestmark = pytest.mark.browser

SIZE = {"width": 360, "height": 240}


def _grey(png: bytes) -> Image.Image:
    return Image.open(io.BytesIO(png)).convert("L").resize((360, 240))


def _difference(a: Image.Image, b: Image.Image) -> float:
    return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])


def _still(exercise_id: str, frame: str) -> Image.Image:
    """A keyframe with the loop's marks (the ghost and arrows of the still pose it shows)."""
    fig = find_figure(exercise_id)
    return _grey(cairosvg.svg2png(bytestring=render_frame(fig, frame, fig.still).encode()))


@pytest.fixture
def tab(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=SIZE, base_url=server.base)
    outside: list[str] = []
    context.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(server.base) else None,
    )
    page = context.new_page()
    yield page
    context.close()
    assert outside == []


def _seek(page, seconds: float) -> None:  # type: ignore[no-untyped-def]
    page.evaluate(
        "(ms) => { for (const a of document.getAnimations()) { a.pause(); a.currentTime = ms; } }",
        seconds * 1000,
    )


def test_chromium_animates_between_the_keyframes_the_model_drew(tab) -> None:  # type: ignore[no-untyped-def]
    response = tab.goto("/figures/bridge.svg")
    assert response is not None and response.headers["content-type"].startswith("image/svg+xml")
    assert tab.evaluate("document.getAnimations().length") > 5
    fig = find_figure("bridge")
    down, up = _still("bridge", "down"), _still("bridge", "up")
    # In the middle of the 5-second hold, Chromium shows the model's "up" keyframe ...
    _seek(tab, 4.5)
    at_top = _grey(tab.screenshot())
    assert _difference(at_top, up) < 2.0 < _difference(at_top, down)
    # ... and at the start of the cycle the "down" one.
    _seek(tab, 0.2)
    at_start = _grey(tab.screenshot())
    assert _difference(at_start, down) < 2.0 < _difference(at_start, up)
    # Half-way up the picture is neither.
    _seek(tab, 0.5 + 1.5 / 2)
    midway = _grey(tab.screenshot())
    assert _difference(midway, down) > 1.0 and _difference(midway, up) > 1.0
    assert fig.cycle_seconds == pytest.approx(10)


def test_reduced_motion_stops_the_animation_on_the_still_pose(tab) -> None:  # type: ignore[no-untyped-def]
    tab.emulate_media(reduced_motion="reduce")
    tab.goto("/figures/supine_twist.svg")
    running = tab.evaluate("document.getAnimations().filter(a => a.playState === 'running').length")
    assert running == 0
    still = _still("supine_twist", find_figure("supine_twist").still)
    assert _difference(_grey(tab.screenshot()), still) < 2.0


def test_figure_shows_in_an_img_tag(tab, server) -> None:  # type: ignore[no-untyped-def]
    tab.goto("/healthz")
    tab.set_content(
        f'<body style="margin:0;background:#111"><img id="f" alt="Cat-cow"'
        f' src="{server.base}/figures/cat_cow.svg" width="360" height="240"></body>'
    )
    wait_until(tab, "document.getElementById('f').complete")
    assert tab.evaluate("document.getElementById('f').naturalWidth") == 360
    shot = _grey(tab.screenshot())
    assert ImageStat.Stat(shot).stddev[0] > 20  # the card and figure are drawn, not blank
