"""The clinician's workspace in a real browser: a clinician with three patients sees the
one with an urgent sign first, opens them (the alert is acknowledged), and reads them at a
glance; at phone size and on a laptop (screenshots to look at)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest

from sicoach.domain.clock import FixedClock
from sicoach.services import accounts, journal
from sicoach.services.context import Context
from sicoach.settings import CLINIC, Settings, sqlite_url
from tests.browser.conftest import SCREENSHOTS, axe_violations
from tests.live_server import LiveServer

pytestmark = pytest.mark.xdist_group("clinic_browser")
PASSWORD = "blue kettle morning walk"
NOW = datetime(2026, 11, 20, 8)
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


def _patient(ctx: Context, doc_id: int, email: str, name: str) -> Context:
    account = accounts.add_account(ctx, email, "patient", name, PASSWORD)
    accounts.link(ctx, doc_id, account.id)
    mine = replace(ctx, person=account.journal)
    journal.update_profile(mine, started_on=NOW.date() - timedelta(days=24), birth_year=1988)
    return mine


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("worklist")
    db = folder / "clinic.sqlite3"
    ctx = Context(Settings(sqlite_url(db), folder, mode=CLINIC), clock=FixedClock(NOW))
    doc = accounts.add_account(ctx, "doc@clinic.example", "clinician", "Dr Lee", PASSWORD)
    calm = _patient(ctx, doc.id, "calm@home.example", "Ann Calm")
    away = _patient(ctx, doc.id, "away@home.example", "Bea Away")
    sick = _patient(ctx, doc.id, "sick@home.example", "Cy Sick")
    for back in range(20, 0, -1):
        day = NOW.date() - timedelta(days=back)
        journal.log_checkin(calm, pain=5 if back > 13 else 3, day=day, note="")
        journal.log_activity(calm, "walking", 25, day=day)
        if back > 8:
            journal.log_checkin(away, pain=4, day=day)
        journal.log_checkin(sick, pain=4, day=day)
    journal.log_checkin(calm, pain=3, note="Stairs were easier today.")
    journal.log_checkin(sick, pain=6, symptoms=("calf_swelling",), note="Left calf is sore.")
    server = LiveServer.start(
        {
            "SICOACH_FAKE_NOW": NOW.isoformat(),
            "SICOACH_DATA_DIR": str(folder),
            "SICOACH_DB": str(db),
            "SICOACH_MODE": CLINIC,
        },
        folder / "server.log",
        base_env={k: v for k, v in os.environ.items() if k != "SICOACH_DATABASE_URL"},
    )
    try:
        yield server
    finally:
        server.stop()


def _page(browser: Any, server: LiveServer, size: str) -> Any:
    context = browser.new_context(
        viewport=SIZES[size], base_url=server.base_url, service_workers="block"
    )
    return context.new_page()


def _shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"worklist-{name}.png"), full_page=True)


def _sign_in(page: Any, email: str) -> None:
    page.goto("/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_urgent_patient_first_then_acknowledged(browser: Any, clinic: LiveServer) -> None:
    doc = _page(browser, clinic, "laptop")
    _sign_in(doc, "doc@clinic.example")
    doc.wait_for_url("**/patients")
    names = doc.locator("table.worklist tbody th[scope=row] a")
    assert names.all_inner_texts() == ["Cy Sick", "Bea Away", "Ann Calm"]
    first = doc.locator("table.worklist tbody tr").first
    assert "Urgent" in first.inner_text() and "Warning sign" in first.inner_text()
    assert "20 Nov" in first.inner_text()
    # Ann has done no session in two weeks: few sessions is an alert too, after the others.
    assert "3 patients need your attention" in doc.locator(".worklist-count").inner_text()
    _shot(doc, "laptop")
    assert axe_violations(doc) == []

    doc.get_by_role("link", name="Cy Sick").click()
    doc.get_by_role("heading", name="Cy Sick at a glance").wait_for()
    assert doc.get_by_text("Left calf is sore.").is_visible()
    assert doc.locator("#signs-title + ul").inner_text().count("last reported") == 1
    _shot(doc, "glance-laptop")
    for link in doc.locator("main a").all():
        href = link.get_attribute("href") or ""
        own = ("/patients", "/exercises", "/account")
        assert not href.startswith("/") or href.startswith(own), href
    doc.goto("/patients")
    rows = doc.locator("table.worklist tbody tr")
    assert rows.first.locator("th a").inner_text() == "Bea Away"
    cy = doc.locator("tr", has=doc.get_by_role("link", name="Cy Sick"))
    assert "Seen by Dr Lee" in cy.inner_text()
    assert "2 patients need your attention" in doc.locator(".worklist-count").inner_text()

    doc.get_by_role("button", name="Seen").first.click()
    doc.get_by_text("1 patient needs your attention").wait_for()
    doc.get_by_label("Safety level").select_option("urgent")
    doc.get_by_role("button", name="Show").click()
    doc.wait_for_url("**/patients?*level=urgent*")
    assert names.all_inner_texts() == ["Cy Sick"]
    doc.goto("/patients")
    doc.get_by_label("Needs").select_option(label="Stopped")
    doc.get_by_role("button", name="Show").click()
    doc.wait_for_url("**/patients?*need=stopped*")
    assert names.all_inner_texts() == ["Bea Away"]
    doc.context.close()

    phone = _page(browser, clinic, "phone")
    _sign_in(phone, "doc@clinic.example")
    phone.wait_for_url("**/patients")
    _shot(phone, "phone")
    assert axe_violations(phone) == []
    phone.get_by_role("link", name="Cy Sick").click()
    review = phone.get_by_role("heading", name="Record your review")
    review.scroll_into_view_if_needed()
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-review-phone.png"))
    phone.emulate_media(color_scheme="dark")
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-review-phone-dark.png"))
    phone.emulate_media(color_scheme="light")
    assert axe_violations(phone) == []
    phone.goto("/patients")
    phone.get_by_role("link", name="Ann Calm").click()
    phone.get_by_role("heading", name="Ann Calm at a glance").wait_for()
    _shot(phone, "glance-phone")
    # A dose outside the guide's range: the page again, the message under the field, the
    # words kept, and the keyboard on the field, in view.
    phone.get_by_label("Exercise to set").select_option("knee_to_chest")
    phone.get_by_label("Repetitions", exact=True).fill("99")
    phone.get_by_label("Why this dose (the patient sees it)").fill("more of it")
    phone.get_by_role("button", name="Set this dose").click()
    phone.locator("#amount-reps-error").wait_for()
    assert "outside the guide" in phone.locator("#amount-reps-error").inner_text()
    phone.wait_for_function("document.activeElement && document.activeElement.id == 'amount-reps'")
    assert phone.locator("#amount-reps").is_visible() and phone.locator("#amount-reps").evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )
    assert phone.get_by_label("Why this dose (the patient sees it)").input_value() == "more of it"
    assert phone.get_by_label("Exercise to set").input_value() == "knee_to_chest"
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-refused-phone.png"))
    assert axe_violations(phone) == []
    phone.get_by_label("Exercise to leave out").select_option(label="Pelvic tilt")
    phone.get_by_label("Your reason (a few words)").fill("wait until the review")
    phone.get_by_role("button", name="Leave it out").click()
    phone.get_by_text("Pelvic tilt is left out of the routine.").wait_for()
    assert "/patients/" in phone.url and phone.url.split("?")[0].endswith("/overview")
    phone.get_by_label("Exercise", exact=True).select_option(label="Bridge")
    phone.get_by_label("Why (the patient sees it)").fill("keep it easy this week")
    phone.get_by_role("button", name="Hold its dose").click()
    phone.get_by_text("Bridge stays at its dose until you allow it to move up.").wait_for()
    assert phone.get_by_text("Held at their dose now: Bridge.").is_visible()
    phone.get_by_label("Exercise to set").select_option("knee_to_chest")
    phone.get_by_label("Repetitions", exact=True).fill("4")
    phone.get_by_label("Hold, in seconds").fill("3")
    phone.get_by_label("Why this dose (the patient sees it)").fill("a little longer each time")
    phone.get_by_role("button", name="Set this dose").click()
    phone.get_by_text("Single knee to chest now follows the dose you set.").wait_for()
    assert phone.get_by_text("Single knee to chest: 4 repetitions of 3 s").is_visible()
    phone.get_by_role("heading", name="Set repetitions and hold").scroll_into_view_if_needed()
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-dose-phone.png"))
    phone.get_by_role("spinbutton", name="Minutes a week").fill("90")
    phone.get_by_label("Shortest walk a day").fill("15")
    phone.get_by_label("Why this goal (the patient sees it)").fill("steady walks first")
    phone.get_by_role("button", name="Save the walking goal").click()
    phone.get_by_text("The walking goal is saved.").wait_for()
    assert phone.get_by_text(
        "Set by a physio now: 90 minutes a week, walks of at least 15"
    ).is_visible()
    phone.get_by_label("Use the pregnancy forms").check()
    phone.get_by_label("Why (shown to the patient)").fill("pelvic girdle pain")
    phone.get_by_role("button", name="Save the forms").click()
    phone.get_by_text("The choice of exercise forms is saved.").wait_for()
    assert phone.get_by_label("Use the pregnancy forms").is_checked()
    phone.get_by_role("heading", name="Walking goal").scroll_into_view_if_needed()
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-walking-phone.png"))
    phone.get_by_role("heading", name="Hold or allow moving up").scroll_into_view_if_needed()
    for day in ("Tuesday", "Saturday", "Sunday"):
        phone.get_by_label(day).uncheck()
    phone.get_by_label("Why these days (the patient sees it)").fill("rest between sessions")
    phone.get_by_role("button", name="Save the training days").click()
    phone.get_by_text("The training days are saved.").wait_for()
    assert (
        not phone.get_by_label("Tuesday").is_checked() and phone.get_by_label("Friday").is_checked()
    )
    phone.get_by_role("button", name="Save the training days").scroll_into_view_if_needed()
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-controls-phone.png"))
    phone.get_by_label("Your message (up to 500 characters)").fill(
        "Well done on the walks.\nTell me in a note how the stairs feel."
    )
    phone.get_by_role("button", name="Send the message").click()
    phone.get_by_text("Message sent. The patient sees it on their Today page.").wait_for()
    assert "Not read yet" in phone.locator(".sent-messages").inner_text()
    phone.locator("#message-title").scroll_into_view_if_needed()
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-message-phone.png"))
    phone.emulate_media(color_scheme="dark")
    phone.screenshot(path=str(SCREENSHOTS / "worklist-glance-message-phone-dark.png"))
    phone.context.close()

    patient = _page(browser, clinic, "phone")
    _sign_in(patient, "calm@home.example")
    note = "Your physio Dr Lee left out Pelvic tilt on 20 Nov: “wait until the review”"
    patient.get_by_text(note).wait_for()
    held = "Your physio Dr Lee kept Bridge at the same dose on 20 Nov: “keep it easy this week”"
    assert patient.get_by_text(held).is_visible()
    days = "Your physio Dr Lee chose your training days on 20 Nov: “rest between sessions”"
    assert patient.get_by_text(days).is_visible()
    dose = "Your physio Dr Lee set Single knee to chest to 4 repetitions of 3 s on 20 Nov"
    assert patient.get_by_text(dose).is_visible()
    walks = "Your physio Dr Lee set your walking goal to 90 minutes a week, walks of at least 15"
    assert patient.get_by_text(walks).is_visible()
    forms = "Your physio Dr Lee chose the pregnancy versions of your exercises on 20 Nov"
    assert patient.get_by_text(forms).is_visible()
    tilt = patient.locator(".routine li", has=patient.get_by_role("link", name="Pelvic tilt"))
    assert "Skipped today" in tilt.inner_text()
    assert "Your physio left this out" in tilt.inner_text()  # not the patient's own words
    assert tilt.get_by_role("button").count() == 0  # only the physio brings it back
    message = patient.locator(".card.message")
    assert "A message from Dr Lee" in message.inner_text()
    assert "Tell me in a note how the stairs feel." in message.inner_text()
    _shot(patient, "patient-today-phone")
    patient.emulate_media(color_scheme="dark")
    _shot(patient, "patient-today-phone-dark")
    patient.emulate_media(color_scheme="light")
    message.get_by_role("link", name="Answer in a note").click()
    note_text = patient.get_by_label("Note (optional)").input_value()
    assert note_text == "Stairs were easier today.\nReply to Dr Lee: "  # today's note kept
    patient.go_back()
    message.get_by_role("button", name="Mark as read").click()
    patient.get_by_text("Message marked as read.").wait_for()
    assert patient.locator(".card.message").count() == 0
    patient.goto("/settings")
    chosen = patient.locator(".physio-days")
    assert "Your physio Dr Lee chose them on 20 Nov: Monday, Wednesday, Thursday, Friday" in (
        chosen.inner_text()
    )
    assert patient.locator("input[type=checkbox][name=training_days]").count() == 0
    chosen.scroll_into_view_if_needed()
    patient.screenshot(path=str(SCREENSHOTS / "worklist-patient-settings-days-phone.png"))
    assert axe_violations(patient) == []
    script = patient.request.get("/api/v1/session/script").json()
    assert script["exercises"] and all(e["id"] != "pelvic_tilt" for e in script["exercises"])
    patient.context.close()
