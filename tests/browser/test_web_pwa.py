"""The installable app in Chromium on a phone viewport: installable, and honest when offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import (
    CHROMIUM,
    LAUNCH_ARGS,
    VIEWPORTS,
    Shots,
    choose,
    wait_until,
    welcomed,
)

WORKER_READY = """async () => {
  const registration = await navigator.serviceWorker.ready;
  return registration.active.scriptURL;
}"""
CACHED_PATHS = """async () => {
  const paths = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
  }
  return paths;
}"""


@pytest.fixture
def app_page(browser, server, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator:  # type: ignore[no-untyped-def]
    """A phone-sized tab in a real (not incognito) profile, the service worker allowed.

    Chromium never offers to install an app from an incognito window, which is what a plain
    new context is; a profile folder of its own makes it an ordinary one.
    """
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        headless=True,
        args=LAUNCH_ARGS,
        viewport=VIEWPORTS["phone"],
        base_url=server.base,
        service_workers="allow",
    )
    tab = context.pages[0] if context.pages else context.new_page()
    tab.set_default_timeout(20000)
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.shots = Shots(tab, request.node.originalname, "phone")
    yield tab
    context.close()
    assert errors == [], f"script errors on the page: {errors}"


def _installed(page, server) -> None:  # type: ignore[no-untyped-def]
    """First use done, the worker in control and every page of the offline list stored."""
    welcomed(server)
    page.goto("/")
    assert page.evaluate(WORKER_READY).endswith("/sw.js")
    page.reload()  # the worker controls the page from the next load on
    wait_until(page, "navigator.serviceWorker.controller !== null")
    wait_until(page, f"({CACHED_PATHS})().then(paths => paths.includes('/exercises/bridge'))")


def test_the_app_is_installable_with_its_worker_registered(app_page, server) -> None:  # type: ignore[no-untyped-def]
    _installed(app_page, server)
    cdp = app_page.context.new_cdp_session(app_page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")


def test_offline_pages_open_from_the_cache_with_the_offline_line(app_page, server) -> None:  # type: ignore[no-untyped-def]
    page = app_page
    _installed(page, server)
    page.goto("/checkin")
    page.locator('label.scale-option:has(input[name="pain"][value="4"])').click()
    page.locator('input[name="symptoms"][value="fever"]').check()
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/checkin?saved=*")
    page.goto("/")
    banner = page.locator(".safety-urgent").first
    assert banner.is_visible()
    assert page.locator(".offline-line").count() == 0, "online pages carry no offline line"

    page.context.set_offline(True)
    page.goto("/")
    line = page.locator(".offline-line")
    line.wait_for()
    assert "Offline" in line.inner_text()
    assert "last checked at" in line.inner_text()
    # The stored page still shows the warning it had, under the offline line.
    assert page.locator(".safety-urgent").first.is_visible()
    page.shots("today-offline")

    page.goto("/exercises/bridge")
    assert page.locator(".offline-line").is_visible()
    assert page.locator("h1").inner_text().strip() != ""

    page.goto("/history")
    assert "not saved on this device" in page.locator(".offline-line").inner_text()

    page.context.set_offline(False)
    page.goto("/")
    assert page.locator(".offline-line").count() == 0


NO_WAKE_LOCK = "delete Navigator.prototype.wakeLock;"


def _playing(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session?speed=2")
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="Begin").click()
    page.locator('#player[data-state="running"]').wait_for()


def test_the_player_says_when_it_cannot_keep_the_screen_on(page, server) -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(NO_WAKE_LOCK)
    _playing(page, server)
    note = page.locator("#p-awake")
    note.wait_for()
    assert "cannot keep your screen on" in note.inner_text()
    page.shots("no-wake-lock")


def test_the_player_keeps_quiet_about_the_screen_when_it_can_keep_it_on(page, server) -> None:  # type: ignore[no-untyped-def]
    page.add_init_script(
        "navigator.wakeLock.request = async () => "
        "({ addEventListener() {}, release: async () => {} });"
    )
    _playing(page, server)
    page.wait_for_timeout(300)  # the lock request is answered at once
    assert page.locator("#p-awake").is_hidden()


def test_leaving_mid_session_asks_first(page, server) -> None:  # type: ignore[no-untyped-def]
    _playing(page, server)
    player_url = page.url
    asked: list[str] = []

    def stay(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    page.get_by_role("link", name="Today").click()
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert page.url == player_url

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("link", name="Today").click()
    page.wait_for_url("**/")


def test_a_session_played_offline_is_sent_once_when_the_connection_returns(
    app_page, server
) -> None:  # type: ignore[no-untyped-def]
    page = app_page
    _installed(page, server)
    page.goto("/session?speed=50")
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    page.wait_for_url("**/session/play?id=*")
    page.locator('#player[data-state="ready"]').wait_for()

    page.context.set_offline(True)
    page.get_by_role("button", name="Begin").click()
    page.locator("#p-end-panel").wait_for(timeout=120_000)
    page.locator("button.pain-after[data-pain='2']").click()
    page.locator("#p-summary").wait_for()
    assert page.locator("#summary-title").inner_text() == "Session kept on this device"
    waiting = page.locator("#outbox-count")
    assert "waiting to be sent" in waiting.inner_text()
    page.shots("offline-summary")
    (session,) = server.client.get("/api/v1/journal").json()["sessions"]
    assert session["exercises"] == [], "nothing reached the server while offline"

    page.context.set_offline(False)
    waiting.wait_for(state="hidden")
    (session,) = server.client.get("/api/v1/journal").json()["sessions"]
    ids = [e["id"] for e in session["exercises"]]
    script = server.client.get("/api/v1/session/script").json()
    assert ids == [e["id"] for e in script["exercises"]], "every exercise, once, in order"
    assert session["pain_after"] == 2

    page.reload()  # the outbox is empty: nothing is sent twice
    page.wait_for_timeout(500)
    (again,) = server.client.get("/api/v1/journal").json()["sessions"]
    assert again == session


def test_a_check_in_and_a_walk_made_offline_are_sent_once_when_the_connection_returns(
    page, server
) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/checkin")
    walk = page.context.new_page()
    walk.goto(server.base + "/activity")
    before = server.client.get("/api/v1/journal").json()
    page.context.set_offline(True)

    page.get_by_label("Day", exact=True).fill("2026-11-19")
    choose(page, "pain", 7)
    page.locator('input[name="symptoms"]').first.check()
    page.get_by_role("button", name="Save check-in").click()
    saved = page.locator(".offline-saved")
    saved.wait_for()
    assert "Saved on this device" in saved.inner_text()
    assert "warning signs only once they are sent" in saved.inner_text()

    walk.get_by_label("Day", exact=True).fill("2026-11-19")
    walk.get_by_label("How many minutes?").fill("300")  # over 4 hours: asked first, as online
    walk.get_by_role("button", name="Save activity").click()
    walk.locator(".offline-saved", has_text="Are you sure?").wait_for()
    assert "300 minutes is 5 hours" in walk.locator(".offline-saved").inner_text()
    walk.get_by_role("button", name="Yes, save 300 minutes").click()
    walk.locator(".offline-saved", has_text="Saved on this device").wait_for()
    waiting = walk.locator("#outbox-count")
    assert waiting.inner_text().startswith("2 results are saved on this device")
    page.shots("offline-checkin")
    assert server.client.get("/api/v1/journal").json() == before, "nothing sent while offline"

    page.context.set_offline(False)
    # Both tabs send what waits, maybe the same entry at once: the server takes each once.
    waiting.wait_for(state="hidden")
    after = server.client.get("/api/v1/journal").json()
    (sent,) = [c for c in after["checkins"] if c["date"] == "2026-11-19"]
    assert sent["pain"] == 7 and len(sent["symptoms"]) == 1
    (walked,) = [a for a in after["activities"] if a["date"] == "2026-11-19"]
    assert walked["minutes"] == 300
    assert len(after["checkins"]) == len(before["checkins"]) + 1
    assert len(after["activities"]) == len(before["activities"]) + 1

    for tab in (page, walk):  # the outbox is empty: nothing is sent twice
        tab.reload()
        assert tab.locator("#outbox-count").is_hidden()
    assert server.client.get("/api/v1/journal").json() == after
    walk.close()
