""" "It hurts" in the web player: 7 or more ends the session with rest advice, 4-6 skips on.

The threshold comes from the server with the script (sicoach.domain.hurting), the same rule
the terminal player follows.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import choose, wait_for_saved_exercises, welcomed


def _start(page, server) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session?speed=2")
    choose(page, "pain_before", 2)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="Begin").click()
    page.locator("#player[data-state='running']").wait_for()
    script: dict[str, Any] = server.client.get("/api/v1/session/script").json()
    return script


@pytest.mark.parametrize("viewport", ["phone"])
def test_it_hurts_at_8_ends_the_session_with_rest_advice(page, server) -> None:  # type: ignore[no-untyped-def]
    script = _start(page, server)
    assert script["when_it_hurts"]["end_session_from"] == 7
    first = script["exercises"][0]
    page.get_by_role("button", name="It hurts").click()
    page.get_by_role("button", name="Pain 8 out of 10").click()
    page.locator("#player[data-state='stopped']").wait_for()  # saved and finished
    panel = page.locator("#p-stop-panel")
    assert panel.is_visible()
    assert page.locator("#p-stage").is_hidden()
    text = panel.inner_text()
    assert script["when_it_hurts"]["title"] in text
    assert "Watch for" in text and "emergency number" in text
    page.shots("stopped")
    (session,) = server.client.get("/api/v1/journal").json()["sessions"]
    assert session["partial"] is True and session["pain_after"] == 8
    assert [e["id"] for e in session["exercises"]] == [first["id"]]
    assert session["exercises"][0]["hurt"] is True and session["exercises"][0]["pain"] == 8
    page.get_by_role("link", name="Back to today").click()
    page.wait_for_url(server.base + "/")


@pytest.mark.parametrize("viewport", ["phone"])
def test_it_hurts_at_6_skips_that_exercise_and_carries_on(page, server) -> None:  # type: ignore[no-untyped-def]
    script = _start(page, server)
    second = script["exercises"][1]["name"]
    page.get_by_role("button", name="It hurts").click()
    page.get_by_role("button", name="Pain 6 out of 10").click()
    page.locator("#p-name", has_text=second).wait_for()
    assert page.locator("#player").get_attribute("data-state") == "running"
    assert page.locator("#p-stop-panel").is_hidden()
    page.get_by_role("button", name="Pause").click()
    wait_for_saved_exercises(server, 1)
    (session,) = server.client.get("/api/v1/journal").json()["sessions"]
    (hurt,) = session["exercises"]
    assert hurt["hurt"] is True and hurt["pain"] == 6
    assert session["partial"] is True and session.get("pain_after") is None
