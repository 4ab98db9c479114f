"""The way back after the doctor in Chromium at phone size: an emergency answer stops
everything; the review form (reached from the safety page) asks for the explicit yes, and
once saved the routine is back on Today."""

from __future__ import annotations

import httpx
import pytest

from tests.browser.conftest import first_use, welcomed


@pytest.mark.parametrize("viewport", ["phone"])
def test_review_form_with_the_yes_lifts_an_emergency_block(page, server) -> None:  # type: ignore[no-untyped-def]
    first_use(page, flags=("saddle_numbness",))
    page.wait_for_url("**/safety")
    assert "Emergency" in page.locator(".safety").first.inner_text()
    page.get_by_role("link", name="Record a visit").click()
    page.wait_for_url("**/review")
    assert page.get_by_text("Waiting for a check").is_visible()
    page.get_by_label("Carry on as before").check()
    page.get_by_label("Note (optional)").fill("Seen at A&E: scan clear.")
    page.shots("form")
    page.get_by_role("button", name="Save the visit").click()
    alert = page.locator("#form-errors")
    alert.wait_for()
    assert "confirm with yes" in alert.inner_text()
    assert server.client.get("/api/v1/reviews").json()["reviews"] == []
    page.shots("needs-yes")
    page.get_by_label("Yes, at this visit they checked me for", exact=False).check()
    page.get_by_label("Carry on as before").check()
    page.get_by_role("button", name="Save the visit").click()
    page.wait_for_url("**/?saved=*")
    assert page.get_by_role("button", name="Start session").is_visible()
    assert page.locator(".safety").count() == 0
    page.shots("today-after")
    (review,) = server.client.get("/api/v1/reviews").json()["reviews"]
    assert review["emergency_checked"] is True and review["advice"] == "carry_on"
    assert review["note"] == "Seen at A&E: scan clear."


@pytest.mark.parametrize("viewport", ["phone"])
def test_today_asks_were_you_checked_after_the_week(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    journal = server.client.get("/api/v1/journal").json()
    journal["checkins"].append(
        {"date": "2026-11-05", "pain": 4, "symptoms": ["chest_pain"], "note": ""}
    )
    journal["checkins"].sort(key=lambda c: c["date"])
    journal["profile"]["started_on"] = "2026-11-01"
    done = httpx.post(
        server.base + "/api/v1/journal?replace=true",
        json=journal,
        headers={"content-type": "application/json"},
    )
    assert done.status_code < 300, done.text
    page.goto("/")
    banner = page.locator(".safety").first
    assert "Were you checked for chest pain" in banner.inner_text()
    page.shots("asks")
    banner.get_by_role("link", name="I have been checked by a doctor, physio or midwife").click()
    page.wait_for_url("**/review")
    page.get_by_label("Day of the visit").fill("2026-11-06")
    page.get_by_label("Carry on gently").check()
    page.get_by_label("Yes, at this visit they checked me for", exact=False).check()
    page.get_by_role("button", name="Save the visit").click()
    page.wait_for_url("**/?saved=*")
    assert page.locator(".safety").count() == 0
