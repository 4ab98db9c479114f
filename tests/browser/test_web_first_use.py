"""First use end to end in a real browser, at a phone and a laptop size."""

from __future__ import annotations

from tests.browser.conftest import axe_violations, first_use


def test_first_use_then_today(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.wait_for_url("**/welcome")
    page.shots("welcome")
    assert axe_violations(page) == []
    first_use(page)
    page.wait_for_url("**/?saved=*")
    assert page.get_by_role("heading", name="Today, Friday 20 November").is_visible()
    assert page.get_by_role("link", name="Start session").is_visible()
    assert page.get_by_text("This week:").is_visible()
    page.shots("today")
    assert axe_violations(page) == []


def test_first_use_mistake_keeps_answers(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/welcome")
    page.get_by_label("Year you were born").fill("1850")
    page.get_by_role("button", name="Save and see today's routine").click()
    error = page.locator("#understood-error")
    assert "tick this box" in error.inner_text()
    assert page.locator("#pain-error").is_visible()
    assert page.get_by_label("Year you were born").input_value() == "1850"
    page.shots("mistake")
    assert axe_violations(page) == []
