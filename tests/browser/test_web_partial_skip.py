"""The web player saves a skip after some repetitions as the terminal does: a skip.

It sends how the exercise ended, the session service decides what that records, and so
tomorrow's plan does not count the few repetitions toward making the exercise harder.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import httpx
import pytest

from tests.browser.conftest import FAKE_NOW, choose

EXERCISE = "knee_to_chest"
TODAY = date.fromisoformat(FAKE_NOW[:10])


def _week_of_comfortable_sessions() -> dict[str, object]:
    sessions = [
        {
            "started_at": f"{(TODAY - timedelta(days=back)).isoformat()}T07:30:00",
            "pain_before": 2,
            "pain_after": 1,
            "exercises": [{"id": EXERCISE, "level": 0, "reps": 5, "pain": 1}],
        }
        for back in range(8, 0, -1)
    ]
    profile = {"started_on": (TODAY - timedelta(days=10)).isoformat()}
    return {"format": "sicoach.journal", "version": 1, "profile": profile, "sessions": sessions}


def _tomorrow(base: str) -> dict[str, object]:
    plan = httpx.get(f"{base}/api/v1/plan?date={TODAY + timedelta(days=1)}").json()
    planned = next(e for e in plan["exercises"] if e["id"] == EXERCISE)
    return {key: planned[key] for key in ("level", "reps", "rule", "status")}


def _saves(exercise_id: str):  # type: ignore[no-untyped-def]
    def match(response) -> bool:  # type: ignore[no-untyped-def]
        request = response.request
        return (
            request.method == "POST"
            and response.url.endswith("/exercises")
            and json.loads(request.post_data or "{}").get("id") == exercise_id
        )

    return match


@pytest.mark.parametrize("viewport", ["phone"])
def test_a_skip_after_some_repetitions_is_a_skip_in_tomorrows_plan(page, server) -> None:  # type: ignore[no-untyped-def]
    imported = httpx.post(
        server.base + "/api/v1/journal",
        content=json.dumps(_week_of_comfortable_sessions()).encode(),
        headers={"content-type": "application/json"},
    )
    assert imported.status_code < 300, imported.text
    before = _tomorrow(server.base)
    script = server.client.get("/api/v1/session/script").json()
    name = next(e["name"] for e in script["exercises"] if e["id"] == EXERCISE)
    page.goto("/session?speed=5")
    choose(page, "pain_before", 2)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="Begin").click()
    for earlier in script["exercises"]:
        if earlier["id"] == EXERCISE:
            break
        page.locator("#p-name", has_text=earlier["name"]).wait_for()
        with page.expect_response(_saves(earlier["id"])):
            page.get_by_role("button", name="Skip").click()
    page.locator("#p-name", has_text=name).wait_for()
    page.locator("#p-rep", has_text="3 of").wait_for()  # two repetitions are behind us
    with page.expect_response(_saves(EXERCISE)) as saved:
        page.get_by_role("button", name="Skip").click()
    assert saved.value.status == 201
    assert json.loads(saved.value.request.post_data or "{}")["ending"] == "skipped"
    page.shots("after-partial-skip")

    (session,) = [
        s for s in server.client.get("/api/v1/journal").json()["sessions"] if s["partial"]
    ]
    stored = next(e for e in session["exercises"] if e["id"] == EXERCISE)
    assert stored["skipped"] is True and stored["hurt"] is False and stored["reps"] >= 1
    assert _tomorrow(server.base) == before
