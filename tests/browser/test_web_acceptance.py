"""Audit fixes seen in a real browser: the pregnancy screen on first use, a reloaded player
that carries on without saving an exercise twice, the library's figures, every download."""

from __future__ import annotations

from tests.browser.conftest import (
    axe_violations,
    choose,
    wait_for_saved_exercises,
    wait_until,
    welcomed,
)


def test_first_use_while_pregnant_asks_the_warning_signs(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/welcome")
    page.get_by_label("I understand that SI Coach does not replace my doctor.").check()
    choose(page, "pain", 4)
    page.get_by_label("Year you were born").fill("1994")
    page.get_by_label("I am pregnant").check()
    page.get_by_label("If pregnant: due date").fill("2027-03-01")
    page.shots("welcome-pregnant")
    page.get_by_role("button", name="See today's routine").click()
    page.wait_for_url("**/?saved=*")
    card = page.locator(".screen-card")
    assert "Baby moving less" in card.inner_text()  # the pregnancy signs are in the list
    page.shots("today-pregnant")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Yes, I have noticed one").click()
    page.wait_for_url("**/session")
    page.shots("pregnancy-screen")
    page.locator('input[name="flag"][value="vaginal_bleeding"]').check()
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("heading", name="Please do not exercise now").wait_for()
    page.shots("pregnancy-stop")
    page.goto("/")
    assert page.locator(".screen-card").count() == 0
    assert page.get_by_role("button", name="Start session").count() == 0


def test_reloading_the_player_carries_on_after_what_was_saved(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session?speed=5")  # fast enough to play the first exercise through
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    order = [e["id"] for e in server.client.get("/api/v1/session/script").json()["exercises"]]
    names = [e["name"] for e in server.client.get("/api/v1/session/script").json()["exercises"]]
    page.get_by_role("button", name="Begin").click()
    wait_for_saved_exercises(server, 1)  # the first exercise played through and was saved
    page.get_by_role("button", name="Pause").click()  # on whichever exercise it has reached
    # Reloaded at speed 2, and paused at once, so nothing hangs on how fast a loaded machine
    # plays or renders: the player waits on the exercise it carries on with.
    page.goto(page.url.replace("speed=5", "speed=2"))
    page.locator("#p-count", has_text="already saved").wait_for()
    saved = [
        e["id"] for e in server.client.get("/api/v1/journal").json()["sessions"][0]["exercises"]
    ]
    assert saved == order[: len(saved)] and len(saved) >= 1
    page.get_by_role("button", name="Begin").click()
    page.get_by_role("button", name="Pause").click()
    page.locator("#p-name", has_text=names[len(saved)]).wait_for()
    page.get_by_role("button", name="Skip").click()  # saves the one on screen, once
    wait_for_saved_exercises(server, len(saved) + 1)
    ids = [e["id"] for e in server.client.get("/api/v1/journal").json()["sessions"][0]["exercises"]]
    assert ids[: len(saved) + 1] == order[: len(saved) + 1]
    assert len(ids) == len(set(ids))  # nothing saved twice


def test_library_figures_and_settings_downloads(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/exercises")
    thumbs = page.locator("img.thumb")
    assert thumbs.count() == 10
    for i in range(10):
        thumbs.nth(i).scroll_into_view_if_needed()
    wait_until(
        page,
        "[...document.querySelectorAll('img.thumb')].every(i => i.complete && i.naturalWidth > 0)",
    )
    page.shots("library")
    assert axe_violations(page) == []
    page.goto("/settings")
    for label in (
        "For your doctor's system (FHIR)",
        "Spreadsheet files (CSV, zip)",
        "Calendar reminders (.ics)",
    ):
        with page.expect_download() as download:
            page.get_by_role("link", name=label).click()
        assert download.value.suggested_filename.startswith("sicoach")
