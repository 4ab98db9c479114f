"""Clinic mode in a real browser at phone size: a clinician invites a patient, the patient
joins on their phone, signs in, does first use and starts a session, sees their devices and
signs out; the clinician then reads the patient's diary; patient B cannot reach A's pages by
changing the id; five wrong passwords slow sign-in down. One server for the module."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings, sqlite_url
from tests.browser.conftest import SCREENSHOTS, axe_violations, choose
from tests.browser.conftest import first_use as fill_first_use
from tests.live_server import LiveServer

pytestmark = pytest.mark.xdist_group("clinic_browser")
PASSWORD = "blue kettle morning walk"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def clinic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("clinic")
    db = folder / "clinic.sqlite3"
    ctx = Context(
        Settings(sqlite_url(db), folder, mode=CLINIC), clock=FixedClock(datetime(2026, 11, 20, 8))
    )
    accounts.add_account(ctx, "admin@clinic.example", "admin", "Ada Admin", PASSWORD)
    accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    accounts.add_account(ctx, "b@home.example", "patient", "Pat B", PASSWORD)
    server = LiveServer.start(
        {
            "SICOACH_FAKE_NOW": "2026-11-20T08:00:00",
            "SICOACH_DATA_DIR": str(folder),
            "SICOACH_DB": str(db),
            "SICOACH_MODE": CLINIC,
        },
        folder / "server.log",
        base_env={k: v for k, v in __import__("os").environ.items() if k != "SICOACH_DATABASE_URL"},
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def chromium(browser: Any) -> Any:
    """The suite's one Chromium: a second Playwright in the same worker would be refused."""
    return browser


def _phone(chromium: Any, server: LiveServer, dark: bool = False) -> Any:
    context = chromium.new_context(
        viewport=PHONE,
        base_url=server.base_url,
        service_workers="block",
        color_scheme="dark" if dark else "light",
    )
    return context.new_page()


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"clinic-{name}.png"), full_page=True)


def _sign_in(page: Any, email: str, password: str = PASSWORD) -> None:
    page.goto("/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_invite_join_first_use_session_devices_and_the_clinician_reads(
    chromium: Any, clinic_server: LiveServer
) -> None:
    doc = _phone(chromium, clinic_server)
    doc.goto("/")
    doc.wait_for_url("**/signin")
    _shot(doc, "signin-light")
    assert axe_violations(doc) == []
    _sign_in(doc, "doc@clinic.example")
    doc.wait_for_url("**/patients")
    doc.get_by_label("Their email").first.fill("pat@home.example")
    doc.get_by_label("Their name (optional)").fill("Pat A")
    doc.get_by_role("button", name="Make the link", exact=True).click()
    link = doc.get_by_label("The one-time link").input_value()
    assert "/join/" in link and doc.locator(".qr svg").is_visible()
    _shot(doc, "invited-light")
    assert axe_violations(doc) == []

    pat = _phone(chromium, clinic_server)
    pat.goto(link)
    pat.get_by_role("heading", name="Welcome, Pat A").wait_for()
    _shot(pat, "join-light")
    pat.get_by_label("New password").fill("short")
    pat.get_by_label("The same password again").fill("short")
    pat.get_by_role("button", name="Save my password").click()
    assert "at least 12 characters" in pat.locator("#password-error").inner_text()
    pat.get_by_label("New password").fill(PASSWORD)
    pat.get_by_label("The same password again").fill(PASSWORD)
    pat.get_by_role("button", name="Save my password").click()
    pat.wait_for_url("**/welcome")
    fill_first_use(pat)
    pat.wait_for_url("**/?saved=*")
    assert pat.get_by_text("Signed in as Pat A").is_visible()
    pat.goto("/session")
    choose(pat, "pain_before", 3)
    pat.get_by_role("button", name="Start session").click()
    pat.wait_for_url("**/session/play?id=*")
    pat.locator("#player").and_(pat.locator('[data-state="ready"]')).wait_for()
    assert pat.context.browser is not None
    used = pat.goto(link)
    assert used is not None and used.status == 404  # one-time: used up

    doc.goto("/patients")
    doc.get_by_role("link", name="Pat A").click()
    doc.get_by_text("You are reading the diary of Pat A").wait_for()
    _shot(doc, "clinician-reads-light")
    patient_path = re.search(r"/patients/(\d+)/", doc.url)
    assert patient_path is not None

    pat.goto("/account/audit")
    assert pat.get_by_role("cell", name="Dr Lee").first.is_visible()
    _shot(pat, "audit-light")
    assert axe_violations(pat) == []
    pat.goto("/account")
    assert pat.get_by_text("(this one)").is_visible()
    _shot(pat, "account-light")
    assert axe_violations(pat) == []
    pat.get_by_role("button", name="Sign out", exact=True).click()
    pat.wait_for_url("**/signin")
    pat.goto("/progress")
    pat.wait_for_url("**/signin")

    other = _phone(chromium, clinic_server)
    _sign_in(other, "b@home.example")
    other.wait_for_url(re.compile(r".*/(welcome|\?.*)?$"))
    for path in (
        f"/patients/{patient_path.group(1)}/progress",
        f"/patients/{patient_path.group(1)}/",
    ):
        answer = other.goto(path)
        assert answer is not None and answer.status == 404
        assert "Pat A" not in other.content()
    for page in (doc, pat, other):
        page.context.close()


def test_pages_in_the_dark(chromium: Any, clinic_server: LiveServer) -> None:
    """The admin's pages and the sign-in page, dark theme, for a person to look at."""
    page = _phone(chromium, clinic_server, dark=True)
    page.goto("/signin")
    _shot(page, "signin-dark")
    _sign_in(page, "doc@clinic.example")
    page.wait_for_url("**/patients")
    _shot(page, "patients-dark")
    page.goto("/account")
    _shot(page, "account-dark")
    assert axe_violations(page) == []
    page.context.close()
    for dark in (False, True):
        admin = _phone(chromium, clinic_server, dark=dark)
        _sign_in(admin, "admin@clinic.example")
        admin.wait_for_url("**/admin")
        assert admin.get_by_text("doc@clinic.example", exact=True).is_visible()
        assert admin.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
        _shot(admin, f"admin-{'dark' if dark else 'light'}")
        assert axe_violations(admin) == []
        admin.goto("/admin/audit")
        assert admin.get_by_role("cell", name="signed in").first.is_visible()
        _shot(admin, f"admin-audit-{'dark' if dark else 'light'}")
        admin.context.close()


def test_five_wrong_passwords_slow_sign_in_down_last(
    chromium: Any, clinic_server: LiveServer
) -> None:
    """Last in the module: the address stays throttled (the server's clock is pinned)."""
    page = _phone(chromium, clinic_server)
    for _ in range(5):
        _sign_in(page, "admin@clinic.example", "not the right password")
        assert "do not match" in page.locator("#password-error").inner_text()
    _sign_in(page, "admin@clinic.example")
    message = page.locator("#email-error").inner_text()
    assert "too many sign-in attempts" in message and "wait" in message
    _shot(page, "throttled-light")
    assert httpx.get(clinic_server.base_url + "/admin", follow_redirects=False).status_code == 303
    page.context.close()
