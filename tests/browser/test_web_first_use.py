"""First use end to end in a real browser, at a phone and a laptop size; and the steps to
the first exercise counted at phone size: pages, screenfuls of scrolling and taps."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.browser import conftest
from tests.browser.conftest import BOTH_SIZES, VIEWPORTS, Server, axe_violations, choose, first_use

PHONE = VIEWPORTS["phone"]


@BOTH_SIZES
def test_first_use_then_today(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_url("**/welcome")
    page.shots("welcome")
    assert axe_violations(page) == []
    first_use(page)
    page.wait_for_url("**/?saved=*")
    assert page.get_by_role("heading", name="Today, Friday 20 November").is_visible()
    assert page.get_by_role("button", name="None of these: start session").is_visible()
    assert page.get_by_text("This week:").first.is_visible()
    page.shots("today")
    assert axe_violations(page) == []


def test_first_use_mistake_keeps_answers(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/welcome")
    page.get_by_label("Year you were born").fill("1850")
    page.get_by_role("button", name="See today's routine").click()
    error = page.locator("#understood-error")
    assert "tick this box" in error.inner_text()
    assert page.locator("#pain-error").is_visible()
    assert page.get_by_label("Year you were born").input_value() == "1850"
    page.shots("mistake")
    assert axe_violations(page) == []


class Steps:
    """Counts what a person does: pages loaded, screenfuls scrolled on each, taps."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.page = page
        self.pages = 0
        self.taps = 0
        self.screens: dict[int, int] = {}
        page.on("load", lambda _: self._loaded())

    def _loaded(self) -> None:
        self.pages += 1

    def tap(self, locator) -> None:  # type: ignore[no-untyped-def]
        """Scroll to the control as a thumb would, note how far down it is, tap it."""
        box = locator.evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.bottom + window.scrollY; }"
        )
        screens = math.ceil(box / self.page.evaluate("window.innerHeight"))
        self.screens[self.pages] = max(self.screens.get(self.pages, 1), screens)
        self.taps += 1
        locator.click()

    @property
    def screenfuls(self) -> int:
        return sum(self.screens.values())


def _plays(page) -> None:  # type: ignore[no-untyped-def]
    page.locator("#p-stage").wait_for(state="visible")
    conftest.wait_until(page, "document.getElementById('p-name').textContent.length > 0")


def _phone(browser, server: Server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, base_url=server.base, service_workers="block")
    return context, context.new_page()


def test_steps_to_the_first_exercise(browser, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """From a fresh journal: at most 3 pages and 5 screenfuls; on a later day 2 taps."""
    first_day = Server(tmp_path)
    try:
        context, page = _phone(browser, first_day)
        steps = Steps(page)
        page.goto("/")
        page.wait_for_url("**/welcome")
        steps.tap(page.get_by_label("I understand that SI Coach does not replace my doctor."))
        page.get_by_label("Year you were born").fill("1970")
        steps.tap(page.locator('label.scale-option:has(input[name="pain"][value="4"])'))
        steps.tap(page.get_by_role("button", name="See today's routine"))
        page.wait_for_url("**/?saved=*")
        page.screenshot(path=str(conftest.SCREENSHOTS / "steps-phone-today.png"), full_page=True)
        steps.tap(page.get_by_role("button", name="None of these: start session"))
        page.wait_for_url("**/session/play?id=*")
        steps.tap(page.get_by_role("button", name="Begin"))
        _plays(page)
        print(f"first use: {steps.pages} pages, {steps.screenfuls} screenfuls, {steps.taps} taps")
        assert steps.pages <= 3 and steps.screenfuls <= 5, steps.screens
        context.close()
    finally:
        first_day.stop()
    monkeypatch.setattr(conftest, "FAKE_NOW", "2026-11-21T08:00:00")
    next_day = Server(tmp_path)  # the same journal, the next morning
    try:
        context, page = _phone(browser, next_day)
        page.goto("/")
        steps = Steps(page)
        steps.tap(page.get_by_role("button", name="None of these: start session"))
        page.wait_for_url("**/session/play?id=*")
        steps.tap(page.get_by_role("button", name="Begin"))
        _plays(page)
        print(f"a later day: {steps.taps} taps from Today")
        assert steps.taps <= 2
        context.close()
    finally:
        next_day.stop()


@pytest.mark.parametrize("viewport", ["phone"])
def test_a_yes_opens_the_full_questions(page) -> None:  # type: ignore[no-untyped-def]
    first_use(page)
    page.wait_for_url("**/?saved=*")
    page.get_by_role("link", name="Yes, I have noticed one").click()
    page.wait_for_url("**/session")
    page.locator('input[name="flag"][value="chest_pain"]').check()
    choose(page, "pain_before", 3)
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("heading", name="Please do not exercise now").wait_for()
