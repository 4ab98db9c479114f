"""Player controls: Pause/Resume, Skip, mute, and the number alone under reduced motion."""

from __future__ import annotations

import re

from tests.browser.conftest import choose, wait_for_saved_exercises, wait_until, welcomed

# Watches (does not replace) the browser's speech, sound and wake lock, so the test can see
# that the player used them.
SPY = """
window.__spoken = []; window.__beeps = 0; window.__wake = 0;
if (window.speechSynthesis) {
  const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
  window.speechSynthesis.speak = (u) => { window.__spoken.push(u.text); return speak(u); };
}
const start = OscillatorNode.prototype.start;
OscillatorNode.prototype.start = function (...args) {
  window.__beeps += 1;
  return start.apply(this, args);
};
if (navigator.wakeLock) {
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (...args) => { window.__wake += 1; return request(...args); };
}
"""


def test_pause_skip_mute_and_reduced_motion(page, server) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(reduced_motion="reduce")
    page.add_init_script(SPY)
    welcomed(server)
    page.goto("/session?speed=2")  # slow enough that no repetition ends before Skip
    choose(page, "pain_before", 2)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("button", name="Begin").click()
    ring = page.locator(".ring")
    assert ring.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    assert page.locator("#p-seconds").is_visible()
    figure = page.locator("#p-figure").get_attribute("src") or ""
    assert re.fullmatch(r"/figures/\w+/\w+\.svg", figure), figure  # a still frame
    wait_until(page, "window.__spoken.length > 0 && window.__beeps > 0")
    spoken = page.evaluate("window.__spoken")
    assert spoken[0].startswith("Get ready: ")
    if page.evaluate("!!navigator.wakeLock"):
        assert page.evaluate("window.__wake") >= 1
    page.get_by_role("button", name="Pause").click()
    seconds = page.locator("#p-seconds").inner_text()
    page.wait_for_timeout(1500)  # 3 s of script time at speed 2, if the clock still ran
    assert page.locator("#p-seconds").inner_text() == seconds
    assert page.locator("#player").get_attribute("data-state") == "paused"
    mute = page.get_by_role("button", name="Voice: on")
    mute.click()
    assert page.get_by_role("button", name="Voice: off").get_attribute("aria-pressed") == "true"
    first = page.locator("#p-name").inner_text()
    page.get_by_role("button", name="Skip").click()  # still paused: no repetition done yet
    wait_until(page, f"document.getElementById('p-name').textContent !== {first!r}", timeout=5.0)
    said = len(page.evaluate("window.__spoken"))
    page.get_by_role("button", name="Resume").click()
    assert page.locator("#player").get_attribute("data-state") == "running"
    page.wait_for_timeout(1000)
    assert len(page.evaluate("window.__spoken")) == said  # muted: nothing more is said
    page.shots("reduced")
    journal = server.client.get("/api/v1/journal").json()
    (skipped,) = journal["sessions"][0]["exercises"]
    assert skipped.get("skipped") is True


def test_closing_the_tab_keeps_what_was_done(page, server) -> None:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto("/session?speed=50")
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    script = server.client.get("/api/v1/session/script").json()
    third = script["exercises"][2]["name"]
    page.get_by_role("button", name="Begin").click()
    page.locator("#p-name", has_text=third).wait_for(timeout=60_000)  # two exercises
    page.get_by_role("button", name="Pause").click()
    wait_for_saved_exercises(server, 2)  # the second exercise's save has landed
    page.close()
    (session,) = server.client.get("/api/v1/journal").json()["sessions"]
    assert session["partial"] is True and session["pain_before"] == 3
    saved = [e["id"] for e in session["exercises"]]
    order = [e["id"] for e in script["exercises"]]
    # Both finished exercises are kept (a slow machine may also have finished the third).
    assert saved[:2] == order[:2] and saved == order[: len(saved)]


def test_begin_waits_until_the_script_has_loaded(page, server) -> None:  # type: ignore[no-untyped-def]
    """A quick tap on Begin while the script is still on its way must not break the player."""
    held = []
    page.route("**/api/v1/session/script", lambda route: held.append(route))  # hold it
    welcomed(server)
    page.goto("/session?speed=2")
    choose(page, "pain_before", 2)
    page.get_by_role("button", name="Start session").click()
    wait_until(page, "document.getElementById('p-begin') !== null")
    page.wait_for_timeout(300)
    assert held, "the player asked for its script"
    assert page.locator("#p-begin").is_disabled()
    held[0].continue_()
    page.get_by_role("button", name="Begin").click()  # waits until it is enabled
    assert page.locator("#player").get_attribute("data-state") == "running"
    assert "/figures/" in (page.locator("#p-figure").get_attribute("data-url") or "")
