"""The guided session in a real browser: screen, pain, player at ?speed=50, "It hurts"."""

from __future__ import annotations

import httpx

from tests.browser.conftest import BOTH_SIZES, axe_violations, choose, welcomed


def test_whole_session_with_it_hurts(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session?speed=50")
    page.shots("start")
    assert axe_violations(page) == []
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    page.wait_for_url("**/session/play?id=*")
    player = page.locator("#player")
    player.and_(page.locator('[data-state="ready"]')).wait_for()
    page.shots("ready")
    assert axe_violations(page) == []
    script = server.client.get("/api/v1/session/script").json()
    second = script["exercises"][1]
    page.get_by_role("button", name="Begin").click()
    page.locator("#p-name", has_text=second["name"]).wait_for()
    page.get_by_role("button", name="Pause").click()  # hold the clock while we look
    # On a slow machine the clock may have moved on by one exercise: use the one on screen.
    shown = page.locator("#p-name").inner_text()
    second = next(e for e in script["exercises"] if e["name"] == shown)
    for theme in ("light", "dark"):  # the player in both themes; the rest goes on in dark
        page.emulate_media(color_scheme=theme)
        page.shots(f"playing-{theme}")
        assert axe_violations(page) == [], theme
    assert page.locator("#p-seconds").inner_text().isdigit()
    assert page.get_by_role("button", name="It hurts").is_visible()
    page.get_by_role("button", name="It hurts").click()
    page.get_by_role("heading", name="Stop this exercise. How much does it hurt?").wait_for()
    page.shots("hurt")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Pain 6 out of 10").click()
    page.get_by_role("heading", name="Well done. How is your pain now?").wait_for(timeout=60000)
    page.shots("end")
    page.get_by_role("button", name="Pain 2 out of 10").click()
    page.get_by_role("heading", name="Session saved").wait_for()
    summary = page.locator("#p-summary-list").inner_text()
    assert f"It hurt: {second['name']}" in summary
    assert "Pain before: 3, pain now: 2." in summary
    for theme in ("dark", "light"):
        page.emulate_media(color_scheme=theme)
        page.shots(f"summary-{theme}")
        assert axe_violations(page) == [], theme

    journal = server.client.get("/api/v1/journal").json()
    (session,) = journal["sessions"]
    assert session["pain_before"] == 3 and session["pain_after"] == 2
    hurt = [e for e in session["exercises"] if e.get("hurt")]
    assert [e["id"] for e in hurt] == [second["id"]] and hurt[0]["pain"] == 6
    done = [e for e in session["exercises"] if not e.get("hurt") and not e.get("skipped")]
    assert len(done) == len(script["exercises"]) - 1
    assert all(e["reps"] > 0 for e in done)

    page.goto("/")
    page.get_by_role("link", name="See tomorrow's routine").click()
    row = page.locator(".routine li", has_text=second["name"])
    assert "Skipped today" in row.inner_text()
    reason = row.locator(".reason").inner_text()
    assert reason.strip() != ""
    page.shots("tomorrow")


@BOTH_SIZES
def test_emergency_answer_stops_everything(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session")
    page.locator('input[name="flag"][value="saddle_numbness"]').check()
    choose(page, "pain_before", 4)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("heading", name="Please do not exercise now").wait_for()
    banner = page.locator(".safety-emergency")
    assert banner.is_visible()
    assert "Call your local emergency number now" in banner.inner_text()
    page.shots("stopped")
    assert axe_violations(page) == []
    journal = server.client.get("/api/v1/journal").json()
    assert journal["sessions"] == []
    page.goto("/")
    assert page.locator(".safety-emergency").is_visible()
    assert page.get_by_role("link", name="Start session").count() == 0
    page.goto("/session")
    assert page.get_by_role("button", name="Start session").count() == 0
    refused = httpx.post(
        server.base + "/api/v1/sessions",
        json={"pain_before": 3},
        headers={"Origin": server.base},
    )
    assert refused.status_code == 409
