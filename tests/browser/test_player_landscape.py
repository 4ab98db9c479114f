"""The player on a phone held sideways (844x390): the figure and the countdown side by
side, both wholly on screen with no scrolling, and "It hurts" in reach."""

from __future__ import annotations

from tests.browser.conftest import SCREENSHOTS, choose, welcomed

LANDSCAPE = {"width": 844, "height": 390}
BOX = (
    "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
    " return [r.left, r.top, r.right, r.bottom]; }"
)


def test_player_sideways_keeps_figure_and_countdown_on_screen(browser, server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=server.base, viewport=LANDSCAPE, is_mobile=True, service_workers="block"
    )
    page = context.new_page()
    try:
        welcomed(server)
        page.goto("/session?speed=8")
        choose(page, "pain_before", 2)
        page.get_by_role("button", name="Start session").click()
        page.locator("#p-begin:not([disabled])").click()
        page.locator("#p-stage:not([hidden])").wait_for()
        page.locator("#p-seconds:not(:empty)").wait_for()
        figure = page.evaluate(BOX, "p-figure")
        ring = page.evaluate(BOX, "p-seconds")
        hurt = page.evaluate(BOX, "p-hurt")
        for name, (left, top, right, bottom) in (
            ("figure", figure),
            ("countdown", ring),
            ("It hurts", hurt),
        ):
            assert left >= 0 and top >= 0, (name, figure)
            assert right <= LANDSCAPE["width"] and bottom <= LANDSCAPE["height"], (
                name,
                right,
                bottom,
            )
        assert ring[0] >= figure[2], (figure, ring)  # beside the figure, not under it
        page.screenshot(path=str(SCREENSHOTS / "player_landscape-light.png"))
        assert figure[2] - figure[0] >= 0.45 * LANDSCAPE["width"], figure
        assert page.evaluate("window.scrollY") == 0
        number = page.evaluate(
            "parseFloat(getComputedStyle(document.getElementById('p-seconds')).fontSize)"
        )
        text = page.evaluate(
            "parseFloat(getComputedStyle(document.getElementById('p-text')).fontSize)"
        )
        assert number > text  # the countdown stays the largest text
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "player_landscape-light.png"))
        page.emulate_media(color_scheme="dark")
        page.screenshot(path=str(SCREENSHOTS / "player_landscape-dark.png"))
    finally:
        context.close()
