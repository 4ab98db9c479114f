"""A check-in, a walk, and import/export from settings, in a real browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import axe_violations, choose, welcomed


def test_checkin_with_a_mistake_then_saved(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/checkin")
    page.shots("form")
    assert axe_violations(page) == []
    page.get_by_label("Day", exact=True).fill("2026-12-01")
    page.get_by_role("button", name="Save check-in").click()
    error = page.locator("#date-error")
    assert "is in the future" in error.inner_text()
    assert page.get_by_label("Day", exact=True).input_value() == "2026-12-01"
    assert page.get_by_role("heading", name="Please check this answer").is_visible()
    page.shots("error")
    assert axe_violations(page) == []
    page.get_by_label("Day", exact=True).fill("2026-11-20")
    choose(page, "pain", 3)
    choose(page, "mobility", 7)
    page.locator('input[name="symptoms"][value="sleep_difficulty"]').check()
    page.get_by_label("Note (optional)").fill("Slept badly")
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/checkin?saved=*")
    checkins = server.client.get("/api/v1/checkins").json()
    today = next(c for c in checkins if c["date"] == "2026-11-20")
    assert today["pain"] == 3 and today["mobility"] == 7 and today["note"] == "Slept badly"
    assert "sleep_difficulty" in today["symptoms"]


def test_log_a_walk(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/")
    page.get_by_role("link", name="Log a walk or other activity").click()
    page.get_by_label("Walking").check()
    page.get_by_label("How many minutes?").fill("20")
    page.get_by_role("button", name="Save activity").click()
    page.get_by_text("Saved: 20 minutes of walking.").wait_for()
    page.shots("saved")
    assert axe_violations(page) == []
    page.goto("/")
    assert "20 of" in page.locator("#aerobic-title + p").inner_text()
    why = page.locator("details.why-number")
    assert not why.locator("p").is_visible()
    why.locator("summary").click()
    assert "were left when today began" in why.locator("p").inner_text()
    why.scroll_into_view_if_needed()
    page.shots("why-this-number")
    assert axe_violations(page) == []
    assert server.client.get("/api/v1/activities").json() == [
        {"date": "2026-11-20", "kind": "walking", "minutes": 20}
    ]


def test_export_then_import_from_settings(page, server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/settings")
    page.shots("settings")
    assert axe_violations(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name="Download my journal (.json)").click()
    exported = tmp_path / "exported.json"
    info.value.save_as(exported)
    document = json.loads(exported.read_text())
    assert document["format"] == "sicoach.journal"
    assert document["profile"]["birth_year"] == 1984

    broken = {**document, "checkins": [{"date": "2026-11-12", "pain": 11}]}
    bad_file = tmp_path / "broken.json"
    bad_file.write_text(json.dumps(broken))
    page.get_by_label("Import a journal file").set_input_files(str(bad_file))
    page.get_by_role("button", name="Import this file").click()
    error = page.locator("#file-error")
    assert "checkins[0].pain: 11 is above the maximum of 10" in error.inner_text()
    page.shots("import-error")
    assert axe_violations(page) == []

    more = {
        **document,
        "checkins": [*document["checkins"], {"date": "2026-11-12", "pain": 6}],
        "activities": [{"date": "2026-11-13", "kind": "swimming", "minutes": 40}],
    }
    good_file = tmp_path / "more.json"
    good_file.write_text(json.dumps(more))
    page.get_by_label("Import a journal file").set_input_files(str(good_file))
    page.get_by_label("Replace what I already have on the same days").check()
    page.get_by_role("button", name="Import this file").click()
    page.get_by_text("Imported 2 check-ins").wait_for()
    page.shots("imported")
    activities = server.client.get("/api/v1/activities").json()
    assert {"date": "2026-11-13", "kind": "swimming", "minutes": 40} in activities


@pytest.mark.parametrize("viewport", ["phone"])
def test_a_settings_mistake_comes_into_view_with_the_focus(page, server) -> None:  # type: ignore[no-untyped-def]
    """The reminder time sits below the fold on a phone: after a mistake it is in view,
    focused, and its message is what a screen reader reads with it."""
    welcomed(server)
    page.goto("/settings")
    page.get_by_label("Daily reminder time (optional)").fill("25:99")
    page.get_by_role("button", name="Save routine").click()
    field = page.locator("#reminder_time")
    page.wait_for_function("document.activeElement?.id === 'reminder_time'")
    assert field.get_attribute("aria-invalid") == "true"
    assert "reminder_time-error" in (field.get_attribute("aria-describedby") or "").split()
    box = field.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844
    assert page.locator("#reminder_time-error").is_visible()
    page.shots("reminder-error")
    assert axe_violations(page) == []
