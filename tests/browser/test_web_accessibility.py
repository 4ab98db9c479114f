"""axe-core on every page (no violations), keyboard reach, and screenshots of each page.

The sweep runs every page in both themes at phone size (our user's screen), and every page
in the light theme on a laptop: the wide layout moves the navigation to the top and widens
the player, but the colours come from the same custom properties at every width (app.css
changes only layout with the width), so on a laptop the dark theme is checked on Today,
where the top navigation shows, rather than again on every page.
"""

from __future__ import annotations

import httpx

from tests.browser.conftest import BOTH_SIZES, axe_violations, welcomed

PAGES = {
    "today": "/",
    "checkin": "/checkin",
    "activity": "/activity",
    "history": "/history",
    "session": "/session",
    "exercises": "/exercises",
    "exercise": "/exercises/figure_four",
    "aerobic": "/exercises/low_impact_aerobics",
    "learn": "/learn",
    "safety": "/safety",
    "settings": "/settings",
    "progress": "/progress",
    "tomorrow": "/?date=2026-11-21",
    "missing": "/exercises/nothing",
}


THEMES = {
    "phone": {"light": PAGES, "dark": PAGES},
    "laptop": {"light": PAGES, "dark": {"today": "/"}},
}


@BOTH_SIZES
def test_axe_on_every_page(page, server, viewport: str) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/")
    # Some history so that charts, tables and the banner have something to show.
    httpx.post(
        server.base + "/api/v1/activities",
        json={"kind": "walking", "minutes": 15, "date": "2026-11-18"},
    )
    httpx.post(
        server.base + "/api/v1/checkins",
        json={"date": "2026-11-19", "pain": 6, "symptoms": ["leg_tingling"]},
    )
    found = {}
    for theme, pages in THEMES[viewport].items():  # contrast is checked in both themes
        page.emulate_media(color_scheme=theme)
        for name, path in pages.items():
            page.goto(path)
            page.shots(f"{name}-{theme}")
            found[f"{name}-{theme}"] = axe_violations(page)
    assert {k: v for k, v in found.items() if v} == {}


START = "None of these: start session"


@BOTH_SIZES
def test_keyboard_reaches_main_action_with_visible_focus(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == START:
            break
    else:
        raise AssertionError(f"{START} was not reachable with the Tab key")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    page.shots("focus")


@BOTH_SIZES
def test_zoom_has_no_sideways_scroll(page, server) -> None:  # type: ignore[no-untyped-def]
    """200% zoom of the laptop (640 CSS px), and 320 CSS px for the phone (WCAG reflow)."""
    welcomed(server)
    page.goto("/")
    width = max(320, page.viewport_size["width"] // 2)
    page.set_viewport_size({"width": width, "height": page.viewport_size["height"] // 2})
    for path in ("/", "/checkin", "/session", "/settings"):
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect()"
            ".right > document.documentElement.clientWidth + 1).slice(0, 5)"
            ".map(e => e.tagName + '.' + e.className)"
        )
        assert overflow <= 0, (path, overflow, wide)
    page.shots("zoom")
