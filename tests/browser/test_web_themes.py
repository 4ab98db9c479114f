"""The safety banner at each level, in the light and the dark theme: words, icon, contrast."""

from __future__ import annotations

import httpx

from tests.browser.conftest import axe_violations, welcomed

LEVELS = {
    "see_doctor": ["leg_numbness"],
    "urgent": ["night_pain"],
    "emergency": ["both_legs_symptoms"],
}


def test_banner_levels_in_both_themes(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    found = {}
    for level, symptoms in LEVELS.items():
        httpx.post(
            server.base + "/api/v1/checkins",
            json={"pain": 5, "symptoms": symptoms},
            headers={"Origin": server.base},
        ).raise_for_status()
        for theme in ("light", "dark"):
            page.emulate_media(color_scheme=theme)
            page.goto("/")
            banner = page.locator(f".safety-{level}")
            assert banner.is_visible(), level
            assert banner.locator("svg.icon").count() == 1
            assert banner.locator("h2").inner_text().strip() != ""
            page.shots(f"{level}-{theme}")
            found[(level, theme)] = axe_violations(page)
    page.goto("/exercises")
    assert "Call your local emergency number now" in page.locator(".safety").inner_text()
    page.emulate_media(color_scheme="dark")
    for path in ("/checkin", "/activity", "/settings", "/exercises/bridge", "/welcome"):
        page.goto(path)
        found[(path, "dark")] = axe_violations(page)
    page.shots("checkin-dark")
    assert {k: v for k, v in found.items() if v} == {}
