"""Without JavaScript every page still works as plain forms; only the player needs it."""

from __future__ import annotations

from tests.browser.conftest import VIEWPORTS, choose, first_use


def test_whole_day_without_javascript(browser, server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport=VIEWPORTS["phone"], base_url=server.base, java_script_enabled=False
    )
    try:
        page = context.new_page()
        first_use(page)
        page.wait_for_url("**/?saved=*")
        page.goto("/session")
        choose(page, "pain_before", 4)
        page.get_by_role("button", name="Start session").click()
        page.wait_for_url("**/session/play?id=*")
        assert page.get_by_text("The guided player needs JavaScript").is_visible()
        assert not page.locator("#player").is_visible()
        choose(page, "pain_after", 3)
        page.get_by_role("button", name="Save session").click()
        page.wait_for_url("**/?saved=*")
        (session,) = server.client.get("/api/v1/journal").json()["sessions"]
        assert session["pain_before"] == 4 and session["pain_after"] == 3
        page.goto("/activity")
        page.get_by_label("Cycling", exact=False).check()
        page.get_by_label("How many minutes?").fill("30")
        page.get_by_role("button", name="Save activity").click()
        page.get_by_text("Saved: 30 minutes of cycling.").wait_for()
    finally:
        context.close()
