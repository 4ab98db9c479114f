"""The installable app in Chromium on a phone viewport: installable, and honest when offline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, VIEWPORTS, Shots, first_use

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


def _installed(page) -> None:  # type: ignore[no-untyped-def]
    """First use done, the worker in control and every page of the offline list stored."""
    first_use(page)
    page.wait_for_url("**/?saved=*")
    assert page.evaluate(WORKER_READY).endswith("/sw.js")
    page.reload()  # the worker controls the page from the next load on
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.wait_for_function(f"({CACHED_PATHS})().then(paths => paths.includes('/exercises/bridge'))")


def test_the_app_is_installable_with_its_worker_registered(app_page) -> None:  # type: ignore[no-untyped-def]
    _installed(app_page)
    cdp = app_page.context.new_cdp_session(app_page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")


def test_offline_pages_open_from_the_cache_with_the_offline_line(app_page) -> None:  # type: ignore[no-untyped-def]
    page = app_page
    _installed(page)
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
