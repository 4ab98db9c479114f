"""The player's figure: large on a phone, and it moves with the player's own steps (into the
hold on "Hold", back on the release), not on a loop of its own."""

from __future__ import annotations

from tests.browser.conftest import BOTH_SIZES, choose, wait_until, welcomed

# Records what the figure shows each time it changes, with the cue on screen at that moment.
WATCH = """
window.__frames = [];
new MutationObserver(() => {
  const figure = document.getElementById('p-figure');
  window.__frames.push({
    frame: figure.dataset.frame,
    url: figure.dataset.url,
    text: document.getElementById('p-text').textContent,
  });
}).observe(document.getElementById('p-figure'),
           { attributes: true, attributeFilter: ['data-frame'] });
"""


def _start(page, server, speed: int) -> dict:  # type: ignore[no-untyped-def]
    welcomed(server)
    page.goto(f"/session?speed={speed}")
    choose(page, "pain_before", 2)
    page.get_by_role("button", name="Start session").click()
    page.locator("#p-begin:not([disabled])").wait_for()
    return server.client.get("/api/v1/session/script").json()  # type: ignore[no-any-return]


@BOTH_SIZES
def test_figure_is_large_and_follows_hold_and_release(page, server, viewport) -> None:  # type: ignore[no-untyped-def]
    script = _start(page, server, speed=8)
    page.evaluate(WATCH)
    page.get_by_role("button", name="Begin").click()
    first = script["exercises"][0]["id"]
    kinds = {s["text"]: s["kind"] for s in script["steps"] if s["exercise_id"] == first}
    wait_until(
        page, "() => window.__frames.filter(f => f.text && f.text.length).length >= 4", timeout=30.0
    )
    width = page.evaluate("document.getElementById('p-figure').getBoundingClientRect().width")
    screen = page.viewport_size["width"]
    if viewport == "phone":
        assert width >= 0.5 * screen, (width, screen)
    else:
        assert width >= 400, width  # larger on a laptop
    seen = [f for f in page.evaluate("window.__frames") if f["text"] in kinds]
    by_kind: dict[str, set[str]] = {}
    for f in seen:
        by_kind.setdefault(kinds[f["text"]], set()).add(f["frame"])
    moving = {"hold", "release"} if "hold" in kinds.values() else {"move"}
    assert moving <= set(by_kind), by_kind
    if "hold" in by_kind:
        # On "Hold" the figure is in the held position; on the release it goes back.
        assert by_kind["hold"].isdisjoint(by_kind["release"]), by_kind
        holds = [f for f in seen if kinds[f["text"]] == "hold"]
        assert all("frames=" in f["url"] for f in holds)  # a move, played once per step
        assert all("seconds=" in f["url"] for f in holds)
    else:
        assert len(by_kind["move"]) == 2, by_kind  # the two halves of the move differ


def test_player_figure_in_light_and_dark_at_phone_size(page, server) -> None:  # type: ignore[no-untyped-def]
    _start(page, server, speed=1)
    page.get_by_role("button", name="Begin").click()
    # Wait for the first move (into a hold, or a half of cat-cow), pause, look in both themes.
    wait_until(
        page,
        "() => (document.getElementById('p-figure').dataset.url || '').includes('frames=')",
        timeout=30.0,
    )
    page.get_by_role("button", name="Pause").click()
    page.wait_for_timeout(2500)  # let the one-off move finish before the screenshot
    for theme in ("light", "dark"):
        page.emulate_media(color_scheme=theme)
        path = page.shots(f"hold-{theme}")
        assert path.stat().st_size > 10_000
