"""A note that mentions a warning sign, in a real browser: found, shown, then "not so"."""

from __future__ import annotations

from tests.browser.conftest import BOTH_SIZES, axe_violations, choose, welcomed

READER_LOAD_MS = 120_000
"""The note reader is built on first use in the server (seconds, more on a busy machine):
waits on the page after saving allow for it. They wait on the page's state, not a time."""


@BOTH_SIZES
def test_a_note_sign_is_shown_then_said_not_so(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/checkin")
    choose(page, "pain", 3)
    page.get_by_label("Note (optional)").fill("No fever, but I wet myself on the way home")
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/checkin/note?date=2026-11-20", timeout=READER_LOAD_MS)
    sign = page.locator(".note-sign")
    assert sign.count() == 1
    assert " ".join(sign.inner_text().split()).startswith(
        "Your note mentions new trouble with your bladder or bowels: this needs emergency care now."
    )
    assert page.locator(".safety-emergency").first.is_visible()
    page.shots("found")
    assert axe_violations(page) == []
    level = server.client.get("/api/v1/safety").json()["level"]
    assert level == "emergency"

    page.get_by_role("button", name="That's not so").click()
    page.get_by_text("Noted: your note does not mean new trouble").wait_for()
    assert page.locator(".note-sign").count() == 0
    assert page.locator(".safety-emergency").count() == 0
    page.shots("not_so")
    assert axe_violations(page) == []
    assert server.client.get("/api/v1/safety").json()["level"] == "continue"
    today = server.client.get("/api/v1/checkins").json()[-1]
    assert today["note_dismissed"] == ["bladder_bowel_change"]
    assert today["symptoms"] == []
